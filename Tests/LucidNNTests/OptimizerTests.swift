import Foundation
import Lucid
import LucidNN
import Testing

/// The loss `Σ p²` (gradient `2p`, so it changes from step to step).
private func backpropagateSquares(_ p: Tensor) {
  p.zeroGrad()
  (p * p).sum().backward()
}

@Suite("Optimizers")
struct OptimizerTests {
  @Test("two SGD steps with momentum and weight decay equal the textbook update")
  func sgdMomentumWeightDecay() {
    let p = Tensor([1.0, -2.0, 0.5], requiresGrad: true, dtype: .float64)
    let (lr, mu, wd) = (0.1, 0.9, 0.01)
    let optimizer = SGD(parameters: [p], learningRate: lr, momentum: mu, weightDecay: wd)

    var expected = [1.0, -2.0, 0.5]
    var velocity = [0.0, 0.0, 0.0]
    for _ in 0..<2 {
      backpropagateSquares(p)
      optimizer.step()
      for i in expected.indices {
        let g = 2 * expected[i] + wd * expected[i]
        velocity[i] = mu * velocity[i] + g
        expected[i] -= lr * velocity[i]
      }
      #expect(isClose(p.scalars, expected, tolerance: 1e-12), "\(p.scalars) vs \(expected)")
    }
    #expect(p.isLeaf && p.requiresGrad, "a step must not turn the parameter into a graph node")
  }

  @Test("plain SGD is p − lr·∇p")
  func plainSGD() {
    let p = Tensor([3.0], requiresGrad: true, dtype: .float64)
    backpropagateSquares(p)
    SGD(parameters: [p], learningRate: 0.25).step()
    #expect(p.scalars == [3 - 0.25 * 6])
  }

  @Test("two Adam steps equal the textbook update with bias correction", arguments: [0.0, 0.1])
  func adam(weightDecay: Double) {
    let p = Tensor([1.0, -2.0, 0.5], requiresGrad: true, dtype: .float64)
    let (lr, b1, b2, eps) = (0.01, 0.8, 0.9, 1e-8)
    let optimizer = Adam(
      parameters: [p], learningRate: lr, beta1: b1, beta2: b2, epsilon: eps, weightDecay: weightDecay)

    var expected = [1.0, -2.0, 0.5]
    var m = [0.0, 0.0, 0.0]
    var v = [0.0, 0.0, 0.0]
    for t in 1...2 {
      backpropagateSquares(p)
      optimizer.step()
      for i in expected.indices {
        let g = 2 * expected[i] + weightDecay * expected[i]
        m[i] = b1 * m[i] + (1 - b1) * g
        v[i] = b2 * v[i] + (1 - b2) * g * g
        let mHat = m[i] / (1 - pow(b1, Double(t)))
        let vHat = v[i] / (1 - pow(b2, Double(t)))
        expected[i] -= lr * mHat / (vHat.squareRoot() + eps)
      }
      #expect(isClose(p.scalars, expected, tolerance: 1e-12), "step \(t): \(p.scalars) vs \(expected)")
    }
    // Adam's first step moves every coordinate by about the learning rate.
    #expect(p.isLeaf && p.requiresGrad)
  }

  @Test("a parameter without a gradient is left alone; the others move")
  func missingGradient() {
    let used = Tensor([1.0], requiresGrad: true, dtype: .float64)
    let unused = Tensor([5.0], requiresGrad: true, dtype: .float64)
    for optimizer in [
      SGD(parameters: [used, unused], learningRate: 0.1) as any Optimizer,
      Adam(parameters: [used, unused], learningRate: 0.1),
    ] {
      optimizer.zeroGrad()
      (used * 3).sum().backward()
      optimizer.step()
      #expect(unused.scalars == [5])
      #expect(unused.grad == nil)
    }
    #expect(used.scalars[0] < 1)
  }

  @Test("zeroGrad clears every parameter's gradient")
  func optimizerZeroGrad() {
    let a = Tensor([1.0, 2.0], requiresGrad: true)
    let b = Tensor([3.0], requiresGrad: true)
    (a.sum() * b).sum().backward()
    #expect(a.grad != nil && b.grad != nil)
    let optimizer = Adam(parameters: [a, b])
    optimizer.zeroGrad()
    #expect(a.grad == nil && b.grad == nil)
  }

  @Test("a step keeps dtype, shape, name and gradient, and a float32 parameter stays float32")
  func stepKeepsIdentity() {
    let p = Tensor([[1, 2], [3, 4]], requiresGrad: true, name: "w")
    backpropagateSquares(p)
    SGD(parameters: [p], learningRate: 0.5, momentum: 0.5).step()
    #expect(p.dtype == .float32 && p.shape == [2, 2] && p.name == "w")
    #expect(p.grad!.scalars == [2, 4, 6, 8])
    #expect(p.scalars == [0, 0, 0, 0])
  }
}
