extension Tensor {
  /// Replaces this leaf's value with `newValue`'s, in place, without touching the graph.
  ///
  /// This is how optimizers update parameters: compute the new value under
  /// ``withNoGrad(_:)`` and assign it, so the parameter keeps its identity, name,
  /// `requiresGrad` flag and accumulated ``grad`` while its numbers change.
  ///
  ///     withNoGrad { w.assign(w - 0.1 * w.grad!) }
  ///
  /// The assignment is never recorded: it is not an op and an observer sees no event.
  /// Graphs built earlier are unaffected, because every op captured the values it
  /// needs for its backward rule when it ran. The value is converted to this tensor's
  /// ``dtype``.
  ///
  /// Stops with a message when the shapes differ or when this tensor is not a leaf
  /// (changing a computed tensor would make its graph lie).
  public func assign(_ newValue: Tensor) {
    guard isLeaf else {
      fatalError("[assign] only a leaf can be assigned; this tensor was computed by \(operation!.rawValue)")
    }
    guard newValue.shape == shape else {
      fatalError("[assign] new value of shape \(format(newValue.shape)) does not match tensor shape \(format(shape))")
    }
    value = newValue.value.converted(to: dtype)
  }
}
