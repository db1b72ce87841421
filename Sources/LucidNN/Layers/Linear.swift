import Lucid

/// A fully connected layer: `y = x · W + b`.
///
/// The weight has shape `[inputSize, outputSize]` (so a batch `[n, inputSize]` multiplies
/// on the left with no transpose) and the bias `[outputSize]` is broadcast over the rows.
///
///     let layer = Linear(inputSize: 2, outputSize: 16, seed: 1)
///     let h = layer(x)  // [n, 2] → [n, 16]
public final class Linear: Module {
  /// The weight, `[inputSize, outputSize]`, named `weight` (or its path in a container).
  public let weight: Tensor
  /// The bias, `[outputSize]`, named `bias`; `nil` for a layer made without one.
  public let bias: Tensor?
  /// Whether the module is in training mode (a linear layer behaves the same in both).
  public var isTraining = true

  /// A layer with weights drawn by `initializer` from a SplitMix64 stream seeded with
  /// `seed` (the same seed gives the same layer everywhere) and a zero bias.
  ///
  /// - Parameters:
  ///   - inputSize: features per input row.
  ///   - outputSize: features per output row.
  ///   - hasBias: whether to add a bias (default `true`).
  ///   - initializer: the weight distribution (default ``WeightInitializer/kaimingUniform``).
  ///   - seed: the random seed of the weights.
  ///   - dtype: the parameters' element type (default `.float32`).
  public init(
    inputSize: Int, outputSize: Int, hasBias: Bool = true, initializer: WeightInitializer = .kaimingUniform,
    seed: UInt64, dtype: DType = .float32
  ) {
    precondition(inputSize > 0 && outputSize > 0, "[Linear] sizes must be positive, got \(inputSize) → \(outputSize)")
    let bound = initializer.bound(fanIn: inputSize, fanOut: outputSize)
    weight = Tensor.rand(
      [inputSize, outputSize], in: -bound..<bound, seed: seed, requiresGrad: true, dtype: dtype, name: "weight")
    bias = hasBias ? Tensor.zeros([outputSize], requiresGrad: true, dtype: dtype, name: "bias") : nil
  }

  /// A layer around existing tensors: `weight` `[in, out]` and an optional `bias` `[out]`.
  ///
  /// The tensors are used as they are (not copied), so gradients land on them; useful in
  /// tests and to load trained values.
  public init(weight: Tensor, bias: Tensor? = nil) {
    precondition(weight.ndim == 2, "[Linear] weight must be [in, out], got shape \(weight.shape)")
    if let bias {
      precondition(
        bias.shape == [weight.shape[1]],
        "[Linear] bias shape \(bias.shape) does not match weight shape \(weight.shape)")
    }
    self.weight = weight
    self.bias = bias
  }

  /// Features per input row.
  public var inputSize: Int { weight.shape[0] }

  /// Features per output row.
  public var outputSize: Int { weight.shape[1] }

  /// `weight` and, if present, `bias`.
  public var localParameters: [(name: String, tensor: Tensor)] {
    [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
  }

  /// `input · weight + bias` for `input` of shape `[n, inputSize]` (or `[inputSize]`).
  public func callAsFunction(_ input: Tensor) -> Tensor {
    let product = input.matmul(weight)
    guard let bias else { return product }
    return product + bias
  }
}
