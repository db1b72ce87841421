extension Tensor {
  /// Computes the gradient of this tensor with respect to every leaf that requires grad.
  ///
  /// The seed is `gradient`, or ones of this tensor's shape (so a non-scalar result is
  /// differentiated as if summed). The graph is ordered once, iteratively, so a chain of
  /// millions of ops cannot overflow the stack; each node's backward rule runs exactly
  /// once, after every consumer has added its contribution. Contributions are
  /// accumulated out of place, so `x + x`, reuse and diamonds receive exact sums.
  ///
  /// Afterwards leaves hold their gradient in ``grad`` (added to any earlier one until
  /// ``zeroGrad()``); non-leaf gradients are dropped unless ``keepGrad`` is set. The graph
  /// stays intact: it can be drawn, and `backward()` can run again.
  ///
  /// Stops with a message if this tensor does not require grad.
  public func backward(gradient: Tensor? = nil) {
    guard requiresGrad else {
      fatalError("[backward] this tensor does not require grad: no input it depends on has requiresGrad")
    }
    if let gradient, gradient.shape != shape {
      fatalError("[backward] gradient shape \(format(gradient.shape)) does not match tensor shape \(format(shape))")
    }
    guard topoIndex == -1 else {
      fatalError("[backward] called on a graph whose backward is already running (from inside a hook?)")
    }
    let seed = gradient?.value.converted(to: dtype) ?? NDArray.ones(shape, dtype: dtype)
    let order = topologicalOrder()
    let session = ScopeContext.current.session
    defer { for node in order { node.topoIndex = -1 } }
    session?.reportBackwardBegan(root: self, seed: seed, order: order)

    var pending = [NDArray?](repeating: nil, count: order.count)
    pending[order.count - 1] = seed
    for position in stride(from: order.count - 1, through: 0, by: -1) {
      let tensor = order[position]
      guard var upstream = pending[position] else { continue }
      pending[position] = nil
      upstream = tensor.runHooks(upstream, session: session)
      if tensor.isLeaf || tensor.keepGrad {
        tensor.gradValue = tensor.gradValue.map { $0 + upstream } ?? upstream
      }
      guard let node = tensor.node else { continue }
      let contributions = node.pullback(upstream)
      let parents = node.parents
      var reported: [(Tensor, NDArray, NDArray)] = []
      for i in 0..<Swift.min(parents.count, contributions.count) {
        let parent = parents[i]
        guard parent.requiresGrad, let contribution = contributions[i] else { continue }
        let c = contribution.dtype == parent.dtype ? contribution : contribution.converted(to: parent.dtype)
        let slot = parent.topoIndex
        if var sum = pending[slot] {
          pending[slot] = nil  // so that `sum` holds the only reference and adds in place
          if !sum.accumulate(c) { sum = sum + c }
          pending[slot] = sum
        } else {
          pending[slot] = c
        }
        if session != nil { reported.append((parent, c, pending[slot]!)) }
      }
      session?.reportBackwardStep(tensor, node, upstream: upstream, contributions: reported)
    }
    session?.reportBackwardEnded(root: self)
  }

  /// Every tensor that requires grad and that this one depends on, parents before
  /// children (this tensor last), found by an iterative depth-first search. Each
  /// tensor's `topoIndex` is set to its position.
  func topologicalOrder() -> [Tensor] {
    var order: [Tensor] = []
    var stack = [DepthFirstFrame(tensor: self)]
    topoIndex = -2  // on the stack
    while let top = stack.last {
      let tensor = top.tensor
      let next = top.nextParent
      let parents = tensor.node?.parents ?? []
      if next < parents.count {
        stack[stack.count - 1].nextParent += 1
        let parent = parents[next]
        if parent.requiresGrad && parent.topoIndex == -1 {
          parent.topoIndex = -2
          stack.append(DepthFirstFrame(tensor: parent))
        }
      } else {
        stack.removeLast()
        tensor.topoIndex = order.count
        order.append(tensor)
      }
    }
    return order
  }
}

/// One tensor on the depth-first stack and the next parent to visit.
private struct DepthFirstFrame {
  let tensor: Tensor
  var nextParent = 0
}
