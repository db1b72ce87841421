import Lucid

/// Layers run one after another: the output of each is the input of the next.
///
///     let model = Sequential(
///       Linear(inputSize: 2, outputSize: 16, seed: 1), ReLU(),
///       Linear(inputSize: 16, outputSize: 2, seed: 2))
///     model.namedParameters.map(\.name)
///     // ["layer0.weight", "layer0.bias", "layer2.weight", "layer2.bias"]
///
/// Layers are named by position, `layer0`, `layer1`, …, counting the activations too
/// (as PyTorch does), and the initializer names every parameter tensor by its path.
public final class Sequential: Module {
  /// The layers, in the order they run.
  public let layers: [any Module]
  /// Whether the module is in training mode; set it for all layers with ``Module/train(_:)``.
  public var isTraining = true

  /// A network of `layers`, run in order; names the parameters `layer<i>.<name>`.
  public init(_ layers: [any Module]) {
    self.layers = layers
    nameParameters()
  }

  /// A network of `layers`, run in order; names the parameters `layer<i>.<name>`.
  public convenience init(_ layers: any Module...) {
    self.init(layers)
  }

  /// The layers as `layer0`, `layer1`, ….
  public var children: [(name: String, module: any Module)] {
    layers.enumerated().map { ("layer\($0.offset)", $0.element) }
  }

  /// Runs every layer in order.
  public func callAsFunction(_ input: Tensor) -> Tensor {
    layers.reduce(input) { x, layer in layer(x) }
  }
}

extension Sequential {
  /// A multilayer perceptron: ``Linear`` layers of the given sizes with an activation
  /// after every layer but the last (whose output are the raw logits).
  ///
  ///     let mlp = Sequential.perceptron(layerSizes: [2, 16, 16, 2], seed: 7)
  ///     // Linear(2→16), ReLU, Linear(16→16), ReLU, Linear(16→2)
  ///
  /// Each layer's weights get their own seed, drawn from a SplitMix64 stream seeded with
  /// `seed`. The initializer defaults to Kaiming when the activations are ``ReLU`` and
  /// to Xavier otherwise.
  public static func perceptron(
    layerSizes: [Int], activation: () -> any Module = { ReLU() }, initializer: WeightInitializer? = nil,
    seed: UInt64, dtype: DType = .float32
  ) -> Sequential {
    precondition(layerSizes.count >= 2, "[perceptron] needs at least input and output sizes, got \(layerSizes)")
    let activations = (0..<(layerSizes.count - 2)).map { _ in activation() }
    let chosen = initializer ?? (activations.allSatisfy { $0 is ReLU } ? .kaimingUniform : .xavierUniform)
    var seeds = SplitMix64(seed: seed)
    var layers: [any Module] = []
    for (i, (fanIn, fanOut)) in zip(layerSizes, layerSizes.dropFirst()).enumerated() {
      layers.append(
        Linear(inputSize: fanIn, outputSize: fanOut, initializer: chosen, seed: seeds.next(), dtype: dtype))
      if i < activations.count { layers.append(activations[i]) }
    }
    return Sequential(layers)
  }
}
