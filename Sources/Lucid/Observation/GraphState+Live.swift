extension GraphState {
  /// The live graph that produced `root`: every ancestor with its current value and
  /// gradient (leaves' accumulated ``Tensor/grad``, non-leaves' only with `keepGrad`).
  ///
  /// Ids are positions in a depth-first topological order from `root` (parents before
  /// children, in argument order), so the same program always yields the same ids.
  /// Built iteratively: deep graphs do not overflow the stack.
  public init(root: Tensor) {
    self.init()
    var ids: [ObjectIdentifier: Int] = [:]
    var stack: [(tensor: Tensor, nextParent: Int)] = [(root, 0)]
    var onStack: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
    while let (tensor, next) = stack.last {
      let parents = tensor.parents
      if next < parents.count {
        stack[stack.count - 1].nextParent += 1
        let key = ObjectIdentifier(parents[next])
        if ids[key] == nil && !onStack.contains(key) {
          onStack.insert(key)
          stack.append((parents[next], 0))
        }
        continue
      }
      stack.removeLast()
      let id = order.count
      ids[ObjectIdentifier(tensor)] = id
      let kind: Kind =
        tensor.operation.map(Kind.op)
        ?? .leaf(tensor.isLiteral ? .constant : (tensor.requiresGrad ? .parameter : .input))
      let values = TensorSnapshot(shape: tensor.shape, values: tensor.scalars)
      insert(
        Node(
          id: id, name: tensor.name, kind: kind, attributes: tensor.attributes,
          parents: parents.map { ids[ObjectIdentifier($0)]! }, dtype: tensor.dtype, requiresGrad: tensor.requiresGrad,
          value: values, grad: tensor.gradValue.map { TensorSnapshot(shape: $0.shape, values: $0.doubles) }))
    }
    phase = nodes.values.contains { $0.grad != nil } ? .done : .forward
    backwardRoot = order.last
    finished =
      phase == .done ? Set(nodes.values.filter { if case .op = $0.kind { true } else { false } }.map(\.id)) : []
  }
}
