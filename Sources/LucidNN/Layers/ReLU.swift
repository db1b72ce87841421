import Lucid

/// The activation `max(x, 0)` as a layer, elementwise and without parameters.
public final class ReLU: Module {
  /// Whether the module is in training mode (the activation behaves the same in both).
  public var isTraining = true

  /// Creates the layer.
  public init() {}

  /// `max(x, 0)` elementwise (see `Tensor.relu()`).
  public func callAsFunction(_ input: Tensor) -> Tensor {
    input.relu()
  }
}
