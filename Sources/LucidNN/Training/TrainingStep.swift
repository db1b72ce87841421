import Lucid

/// The tensors of one training step's forward and backward pass, kept so the step can
/// be inspected or drawn as a computation graph.
public struct TrainingStep {
  /// The model's output, `[batch, classes]`.
  public let logits: Tensor
  /// The scalar loss; after ``ClassifierRecipe/forwardBackward(model:inputs:labels:)``
  /// every parameter holds its gradient of this loss.
  public let loss: Tensor
}
