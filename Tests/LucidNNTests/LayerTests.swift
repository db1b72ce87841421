import Foundation
import Lucid
import LucidNN
import Testing

@Suite("Layers")
struct LayerTests {
  @Test("Linear computes x·W + b")
  func linearForward() {
    let w = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .float64)
    let b = Tensor([0.5, -1, 2], dtype: .float64)
    let y = Linear(weight: w, bias: b)(Tensor([[1, 1], [2, -1]], dtype: .float64))
    #expect(y.shape == [2, 3])
    #expect(y.scalars == [5.5, 6, 11, -1.5, -2, 2])
  }

  @Test("Linear's gradients match finite differences", arguments: [true, false])
  func linearGradcheck(hasBias: Bool) {
    let x = randomTensor([4, 3], seed: 1)
    let w = randomTensor([3, 5], seed: 2)
    let b = randomTensor([5], seed: 3)
    let result = gradcheck(inputs: hasBias ? [x, w, b] : [x, w], upstreamSeed: 11) { t in
      Linear(weight: t[1], bias: hasBias ? t[2] : nil)(t[0])
    }
    #expect(result.passed, "\(result)")
  }

  @Test("Linear's weight gradient is xᵀ·g and its bias gradient the column sums of g")
  func linearClosedForm() {
    let layer = Linear(inputSize: 3, outputSize: 2, seed: 5, dtype: .float64)
    let x = randomTensor([4, 3], seed: 6)
    let g = randomTensor([4, 2], seed: 7)
    layer(x).backward(gradient: g)
    let expectedWeight = withNoGrad { x.T.matmul(g) }
    let expectedBias = withNoGrad { g.sum(axis: 0) }
    #expect(isClose(layer.weight.grad!.scalars, expectedWeight.scalars))
    #expect(isClose(layer.bias!.grad!.scalars, expectedBias.scalars))
  }

  @Test("activation layers match finite differences", arguments: ["relu", "tanh", "sigmoid"])
  func activationGradcheck(name: String) {
    let layer: any Module =
      switch name {
      case "relu": ReLU()
      case "tanh": Tanh()
      default: Sigmoid()
      }
    let result = gradcheck(inputs: [randomTensor([3, 4], seed: 21)], upstreamSeed: 22) { t in layer(t[0]) }
    #expect(result.passed, "\(name): \(result)")
  }

  @Test("activation layers compute their functions")
  func activationValues() {
    let x = Tensor([-2, 0, 3], dtype: .float64)
    #expect(ReLU()(x).scalars == [0, 0, 3])
    #expect(isClose(Tanh()(x).scalars, [-2, 0, 3].map { Foundation.tanh($0) }))
    #expect(isClose(Sigmoid()(x).scalars, [-2, 0, 3].map(sigmoid)))
  }

  @Test("a whole Sequential network matches finite differences in every parameter")
  func sequentialGradcheck() {
    let x = randomTensor([5, 2], seed: 31)
    let shapes = [[2, 4], [4], [4, 3], [3]]
    let initial = shapes.enumerated().map { randomTensor($0.element, seed: 40 + UInt64($0.offset)) }
    let result = gradcheck(inputs: [x] + initial, upstreamSeed: 33) { t in
      Sequential(Linear(weight: t[1], bias: t[2]), Tanh(), Linear(weight: t[3], bias: t[4]), Sigmoid())(t[0])
    }
    #expect(result.passed, "\(result)")
  }

  @Test(
    "Linear's initial weights are seeded and inside the initializer's bound",
    arguments: [
      WeightInitializer.kaimingUniform, .xavierUniform,
    ])
  func initialization(initializer: WeightInitializer) {
    let a = Linear(inputSize: 8, outputSize: 4, initializer: initializer, seed: 3)
    let b = Linear(inputSize: 8, outputSize: 4, initializer: initializer, seed: 3)
    let c = Linear(inputSize: 8, outputSize: 4, initializer: initializer, seed: 4)
    let bound = initializer.bound(fanIn: 8, fanOut: 4)
    #expect(a.weight.scalars == b.weight.scalars)
    #expect(a.weight.scalars != c.weight.scalars)
    #expect(a.weight.scalars.allSatisfy { Swift.abs($0) <= bound })
    #expect(a.weight.scalars.map(Swift.abs).max()! > bound / 2, "weights should spread over the range")
    #expect(a.bias!.scalars == [0, 0, 0, 0])
    #expect(a.weight.requiresGrad && a.bias!.requiresGrad)
  }

  @Test("the initializer bounds follow He and Glorot")
  func initializerBounds() {
    #expect(WeightInitializer.kaimingUniform.bound(fanIn: 6, fanOut: 100) == 1)
    #expect(WeightInitializer.xavierUniform.bound(fanIn: 2, fanOut: 4) == 1)
  }
}
