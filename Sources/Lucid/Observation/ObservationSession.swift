import Synchronization

/// One active observation scope: numbers the tensors it sees and turns steps into
/// events for its observer.
final class ObservationSession: Sendable {
  let observer: any GraphObserver
  let valueLimit: Int
  private let nextID = Mutex(0)

  init(observer: any GraphObserver) {
    self.observer = observer
    self.valueLimit = observer.valueLimit
  }

  /// The tensor's id in this session, reporting it as a leaf the first time it is seen.
  func id(of tensor: Tensor) -> Int {
    if tensor.traceSession === self { return tensor.traceID }
    let id = assign(tensor)
    let kind: LeafKind = tensor.isLiteral ? .constant : (tensor.requiresGrad ? .parameter : .input)
    observer.observe(
      .leaf(
        LeafEvent(
          id: id, name: tensor.name, kind: kind, dtype: tensor.dtype, requiresGrad: tensor.requiresGrad,
          value: snapshot(tensor.value))))
    return id
  }

  func reportForward(_ result: Tensor, _ operation: Op, _ parents: [Tensor], _ attributes: [String: String]) {
    let parentIDs = parents.map { id(of: $0) }
    let resultID = assign(result)
    observer.observe(
      .forward(
        ForwardEvent(
          id: resultID, name: result.name, operation: operation, rule: operation.rule, parents: parentIDs,
          attributes: attributes, dtype: result.dtype, requiresGrad: result.requiresGrad,
          value: snapshot(result.value))))
  }

  func snapshot(_ value: NDArray) -> TensorSnapshot {
    value.snapshot(limit: valueLimit)
  }

  private func assign(_ tensor: Tensor) -> Int {
    let id = nextID.withLock { next in
      defer { next += 1 }
      return next
    }
    tensor.traceID = id
    tensor.traceSession = self
    return id
  }

  /// Reports a name change of a tensor an active session has seen.
  static func reportRename(of tensor: Tensor) {
    guard let session = tensor.traceSession else { return }
    session.observer.observe(.renamed(RenameEvent(id: tensor.traceID, name: tensor.name)))
  }
}

extension ObservationSession {
  func reportBackwardBegan(root: Tensor, seed: NDArray, order: [Tensor]) {
    let ids = order.reversed().filter { !$0.isLeaf }.map { id(of: $0) }
    observer.observe(.backwardBegan(BackwardBeganEvent(root: id(of: root), seed: snapshot(seed), order: ids)))
  }

  func reportBackwardStep(
    _ tensor: Tensor, _ node: Node, upstream: NDArray, contributions: [(Tensor, NDArray, NDArray)]
  ) {
    let sent = contributions.map { parent, gradient, accumulated in
      Contribution(parent: id(of: parent), gradient: snapshot(gradient), accumulated: snapshot(accumulated))
    }
    observer.observe(
      .backwardStep(
        BackwardStepEvent(
          id: id(of: tensor), operation: node.operation, rule: node.operation.rule, upstream: snapshot(upstream),
          contributions: sent)))
  }

  func reportHook(_ tensor: Tensor, gradient: NDArray, replacement: NDArray?) {
    observer.observe(
      .hook(HookEvent(id: id(of: tensor), gradient: snapshot(gradient), replacement: replacement.map(snapshot))))
  }

  func reportBackwardEnded(root: Tensor) {
    observer.observe(.backwardEnded(BackwardEndedEvent(root: id(of: root))))
  }
}
