import Foundation

/// How a ``Linear`` layer draws its initial weights: uniformly in `[−bound, bound)`,
/// with a bound that keeps the variance of activations steady from layer to layer.
public enum WeightInitializer: Sendable, Hashable {
  /// He/Kaiming: `bound = √(6 / fanIn)`. Made for layers followed by ``ReLU``.
  case kaimingUniform
  /// Glorot/Xavier: `bound = √(6 / (fanIn + fanOut))`. Made for ``Tanh`` and ``Sigmoid``.
  case xavierUniform

  /// The half-width of the uniform distribution for a `[fanIn, fanOut]` weight.
  public func bound(fanIn: Int, fanOut: Int) -> Double {
    switch self {
    case .kaimingUniform: (6 / Double(fanIn)).squareRoot()
    case .xavierUniform: (6 / Double(fanIn + fanOut)).squareRoot()
    }
  }
}
