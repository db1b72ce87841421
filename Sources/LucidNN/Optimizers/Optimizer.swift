import Lucid

/// Updates parameters from their gradients.
///
/// A training step is: ``zeroGrad()``, compute the loss, `loss.backward()`, ``step()``.
/// Optimizers update parameters in place with ``Lucid/Tensor/assign(_:)`` under
/// ``Lucid/withNoGrad(_:)``, so the update itself is never recorded in a graph.
/// A parameter without a gradient (it did not take part in the loss) is left alone.
public protocol Optimizer: AnyObject {
  /// The tensors this optimizer updates, in a fixed order (its state follows it).
  var parameters: [Tensor] { get }

  /// Applies one update to every parameter that has a gradient.
  func step()
}

extension Optimizer {
  /// Clears the gradient of every parameter.
  public func zeroGrad() {
    for parameter in parameters {
      parameter.zeroGrad()
    }
  }
}
