/// What ``ClassifierRecipe/train(_:on:progress:)`` reports: the loss of every epoch and
/// the final training accuracy.
public struct TrainingRun: Sendable, Hashable {
  /// The loss of each epoch's step, in order.
  public let losses: [Double]
  /// The fraction of training points the trained model classifies correctly.
  public let accuracy: Double
}
