import Lucid

/// The activation `1 / (1 + e^−x)` as a layer, elementwise and without parameters.
public final class Sigmoid: Module {
  /// Whether the module is in training mode (the activation behaves the same in both).
  public var isTraining = true

  /// Creates the layer.
  public init() {}

  /// `1 / (1 + e^−x)` elementwise (see `Tensor.sigmoid()`).
  public func callAsFunction(_ input: Tensor) -> Tensor {
    input.sigmoid()
  }
}
