import Lucid

/// The activation `tanh(x)` as a layer, elementwise and without parameters.
public final class Tanh: Module {
  /// Whether the module is in training mode (the activation behaves the same in both).
  public var isTraining = true

  /// Creates the layer.
  public init() {}

  /// `tanh(x)` elementwise (see `Tensor.tanh()`).
  public func callAsFunction(_ input: Tensor) -> Tensor {
    input.tanh()
  }
}
