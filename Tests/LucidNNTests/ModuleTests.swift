import Lucid
import LucidNN
import Testing

@Suite("Modules")
struct ModuleTests {
  private func network() -> Sequential {
    Sequential(
      Linear(inputSize: 2, outputSize: 16, seed: 1), ReLU(),
      Linear(inputSize: 16, outputSize: 8, seed: 2), Tanh(),
      Linear(inputSize: 8, outputSize: 1, hasBias: false, seed: 3), Sigmoid())
  }

  @Test("parameters are collected with their paths, shapes and count")
  func collection() {
    let model = network()
    let named = model.namedParameters
    #expect(named.map(\.name) == ["layer0.weight", "layer0.bias", "layer2.weight", "layer2.bias", "layer4.weight"])
    #expect(named.map(\.tensor.shape) == [[2, 16], [16], [16, 8], [8], [8, 1]])
    #expect(model.parameters.count == 5)
    #expect(model.parameterCount == 2 * 16 + 16 + 16 * 8 + 8 + 8)
    #expect(model.parameters.allSatisfy { $0.requiresGrad })
  }

  @Test("parameter tensors carry their paths as names, for the graph pictures")
  func tensorNames() {
    let model = network()
    #expect(model.parameters.map(\.name) == model.namedParameters.map(\.name))
    let alone = Linear(inputSize: 2, outputSize: 3, seed: 1)
    #expect(alone.weight.name == "weight" && alone.bias?.name == "bias")
  }

  @Test("a nested Sequential names by full path; a shared layer is listed once")
  func nestingAndSharing() {
    let shared = Linear(inputSize: 3, outputSize: 3, seed: 9)
    let inner = Sequential(shared, ReLU())
    let outer = Sequential(Linear(inputSize: 3, outputSize: 3, seed: 8), inner, shared)
    #expect(
      outer.namedParameters.map(\.name) == [
        "layer0.weight", "layer0.bias", "layer1.layer0.weight", "layer1.layer0.bias",
      ])
    #expect(shared.weight.name == "layer1.layer0.weight")
    #expect(outer.parameters.count == 4)
  }

  @Test("the perceptron builder alternates Linear and activation layers")
  func perceptron() {
    let model = Sequential.perceptron(layerSizes: [2, 16, 16, 2], activation: { Tanh() }, seed: 4)
    #expect(model.layers.count == 5)
    #expect(model.layers[0] is Linear && model.layers[1] is Tanh && model.layers[4] is Linear)
    #expect(model.namedParameters.map(\.tensor.shape) == [[2, 16], [16], [16, 16], [16], [16, 2], [2]])
    let again = Sequential.perceptron(layerSizes: [2, 16, 16, 2], activation: { Tanh() }, seed: 4)
    #expect(model.parameters.map(\.scalars) == again.parameters.map(\.scalars))
    let first = model.layers[0] as! Linear
    let second = model.layers[2] as! Linear
    #expect(first.weight.scalars[0..<2] != second.weight.scalars[0..<2], "each layer gets its own seed")
  }

  @Test("zeroGrad clears every parameter's gradient")
  func zeroGrad() {
    let model = network()
    model(Tensor.randn([4, 2], seed: 5)).sum().backward()
    #expect(model.parameters.allSatisfy { $0.grad != nil })
    model.zeroGrad()
    #expect(model.parameters.allSatisfy { $0.grad == nil })
  }

  @Test("eval and train switch the mode of every layer")
  func modes() {
    let inner = Sequential(ReLU())
    let model = Sequential(Linear(inputSize: 2, outputSize: 2, seed: 1), inner)
    #expect(model.isTraining && inner.isTraining && inner.layers[0].isTraining)
    model.eval()
    #expect(!model.isTraining && !inner.isTraining && !inner.layers[0].isTraining && !model.layers[0].isTraining)
    model.train()
    #expect(model.isTraining && inner.isTraining && inner.layers[0].isTraining && model.layers[0].isTraining)
  }

  @Test("a Sequential runs its layers in order")
  func order() {
    let double = Linear(weight: Tensor([[2]]))
    let shift = Linear(weight: Tensor([[1]]), bias: Tensor([-3]))
    #expect(Sequential(double, shift, ReLU())(Tensor([[1], [2]])).scalars == [0, 1])
    #expect(Sequential(shift, double)(Tensor([[1], [2]])).scalars == [-4, -2])
  }
}
