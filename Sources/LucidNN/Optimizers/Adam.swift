import Foundation
import Lucid

/// Adam (Kingma & Ba, 2015): per-parameter step sizes from running averages of the
/// gradient and of its square, with bias correction.
///
/// For each parameter `p` with gradient `∇p`, the `t`-th ``step()`` computes:
///
///     g = ∇p + weightDecay · p                // L2 regularisation (0 by default)
///     m = β₁ · m + (1 − β₁) · g               // m, v start at 0
///     v = β₂ · v + (1 − β₂) · g²
///     m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ)    // bias correction
///     p = p − learningRate · m̂ / (√v̂ + ε)
///
/// `t` counts the steps that parameter has taken.
public final class Adam: Optimizer {
  /// The tensors this optimizer updates.
  public let parameters: [Tensor]
  /// The step size. Change it between steps for a schedule.
  public var learningRate: Double
  /// The decay rate of the gradient average `m`.
  public let beta1: Double
  /// The decay rate of the squared-gradient average `v`.
  public let beta2: Double
  /// Added to `√v̂` so the step stays finite where the gradient is zero.
  public let epsilon: Double
  /// The L2 penalty coefficient added to every gradient.
  public let weightDecay: Double
  private var firstMoments: [Tensor?]
  private var secondMoments: [Tensor?]
  private var stepCounts: [Int]

  /// An optimizer for `parameters` (usually `model.parameters`), with the paper's defaults.
  public init(
    parameters: [Tensor], learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8, weightDecay: Double = 0
  ) {
    precondition(learningRate > 0, "[Adam] learning rate must be positive, got \(learningRate)")
    precondition((0..<1).contains(beta1) && (0..<1).contains(beta2), "[Adam] betas must be in [0, 1)")
    precondition(epsilon > 0 && weightDecay >= 0, "[Adam] epsilon must be positive and weight decay not negative")
    self.parameters = parameters
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    firstMoments = Array(repeating: nil, count: parameters.count)
    secondMoments = Array(repeating: nil, count: parameters.count)
    stepCounts = Array(repeating: 0, count: parameters.count)
  }

  /// Applies one update to every parameter that has a gradient.
  public func step() {
    withNoGrad {
      for (i, p) in parameters.enumerated() {
        guard var g = p.grad else { continue }
        if weightDecay != 0 { g = g + weightDecay * p }
        let m = (firstMoments[i].map { beta1 * $0 } ?? Tensor.zeros(p.shape, dtype: p.dtype)) + (1 - beta1) * g
        let v = (secondMoments[i].map { beta2 * $0 } ?? Tensor.zeros(p.shape, dtype: p.dtype)) + (1 - beta2) * g * g
        firstMoments[i] = m
        secondMoments[i] = v
        stepCounts[i] += 1
        let t = Double(stepCounts[i])
        let mHat = m / (1 - Foundation.pow(beta1, t))
        let vHat = v / (1 - Foundation.pow(beta2, t))
        p.assign(p - learningRate * mHat / (vHat.sqrt() + epsilon))
      }
    }
  }
}
