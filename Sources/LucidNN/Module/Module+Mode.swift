extension Module {
  /// Puts this module and all its descendants in training mode (or evaluation mode
  /// when `isOn` is `false`).
  public func train(_ isOn: Bool = true) {
    isTraining = isOn
    for (_, child) in children {
      child.train(isOn)
    }
  }

  /// Puts this module and all its descendants in evaluation mode.
  public func eval() {
    train(false)
  }
}
