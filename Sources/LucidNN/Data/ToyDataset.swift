import Lucid

/// A small labelled set of 2-D points for classification demos, generated from a seed.
///
///     let data = ToyDataset.twoMoons(count: 200, noise: 0.1, seed: 7)
///     data.inputs.shape  // [200, 2]
///     data.labels        // [0, 0, …, 1, 1]
///
/// Every generator is a pure function of its arguments: the same seed gives the same
/// points on every machine (SplitMix64, computed in `Double`).
public struct ToyDataset {
  /// The points, `[count, 2]`, one per row.
  public let inputs: Tensor
  /// The class of each row, in `0..<classCount`.
  public let labels: [Int]
  /// The number of classes.
  public let classCount: Int

  /// A data set from `points` (`[x₁, x₂]` each) and their `labels`.
  public init(points: [[Double]], labels: [Int], classCount: Int, dtype: DType = .float32) {
    precondition(points.count == labels.count, "[ToyDataset] \(points.count) points but \(labels.count) labels")
    precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "[ToyDataset] labels outside 0..<\(classCount)")
    inputs = Tensor(
      shape: [points.count, 2], scalars: points.flatMap { $0 }, dtype: dtype, name: "x")
    self.labels = labels
    self.classCount = classCount
  }

  /// The number of points.
  public var count: Int { labels.count }

  /// The points as `[x₁, x₂]` pairs.
  public var points: [[Double]] {
    let s = inputs.scalars
    return (0..<count).map { [s[2 * $0], s[2 * $0 + 1]] }
  }
}
