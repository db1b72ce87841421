/// Which toy data set to generate, and how: a value that describes a ``ToyDataset``
/// without holding its points, so a ``ClassifierRecipe`` can say what it trains on.
public enum ToyProblem: Sendable, Hashable {
  /// ``ToyDataset/twoMoons(count:noise:seed:)``.
  case twoMoons(count: Int, noise: Double)
  /// ``ToyDataset/xor(count:noise:seed:)``.
  case xor(count: Int, noise: Double)
  /// ``ToyDataset/spirals(count:classCount:turns:noise:seed:)`` with the default turns.
  case spirals(count: Int, classCount: Int, noise: Double)

  /// The number of classes the data set will have.
  public var classCount: Int {
    switch self {
    case .twoMoons, .xor: 2
    case .spirals(_, let classCount, _): classCount
    }
  }

  /// The data set, generated from `seed`.
  public func makeDataset(seed: UInt64) -> ToyDataset {
    switch self {
    case .twoMoons(let count, let noise): .twoMoons(count: count, noise: noise, seed: seed)
    case .xor(let count, let noise): .xor(count: count, noise: noise, seed: seed)
    case .spirals(let count, let classCount, let noise):
      .spirals(count: count, classCount: classCount, noise: noise, seed: seed)
    }
  }
}
