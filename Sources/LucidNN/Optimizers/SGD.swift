import Lucid

/// Stochastic gradient descent with optional momentum and weight decay.
///
/// For each parameter `p` with gradient `∇p`, one ``step()`` computes (as PyTorch does):
///
///     g = ∇p + weightDecay · p          // L2 regularisation
///     v = momentum · v + g              // v starts at 0
///     p = p − learningRate · v
///
/// With `momentum == 0` this is plain `p = p − learningRate · g`.
public final class SGD: Optimizer {
  /// The tensors this optimizer updates.
  public let parameters: [Tensor]
  /// The step size. Change it between steps for a schedule.
  public var learningRate: Double
  /// How much of the previous update carries over, in `[0, 1)`.
  public let momentum: Double
  /// The L2 penalty coefficient added to every gradient.
  public let weightDecay: Double
  /// The momentum buffer of each parameter, `nil` until its first step.
  private var velocities: [Tensor?]

  /// An optimizer for `parameters` (usually `model.parameters`).
  public init(parameters: [Tensor], learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
    precondition(learningRate > 0, "[SGD] learning rate must be positive, got \(learningRate)")
    precondition((0..<1).contains(momentum), "[SGD] momentum must be in [0, 1), got \(momentum)")
    precondition(weightDecay >= 0, "[SGD] weight decay must not be negative, got \(weightDecay)")
    self.parameters = parameters
    self.learningRate = learningRate
    self.momentum = momentum
    self.weightDecay = weightDecay
    velocities = Array(repeating: nil, count: parameters.count)
  }

  /// Applies one update to every parameter that has a gradient.
  public func step() {
    withNoGrad {
      for (i, p) in parameters.enumerated() {
        guard var g = p.grad else { continue }
        if weightDecay != 0 { g = g + weightDecay * p }
        if momentum != 0 {
          let v = velocities[i].map { momentum * $0 + g } ?? g
          velocities[i] = v
          g = v
        }
        p.assign(p - learningRate * g)
      }
    }
  }
}
