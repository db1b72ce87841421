/// One step of the autodiff core, as reported to a ``GraphObserver``.
public enum GraphEvent: Sendable, Hashable, Codable {
  /// A leaf or constant entered the graph.
  case leaf(LeafEvent)
  /// An op ran forward.
  case forward(ForwardEvent)
  /// A tensor's ``Tensor/name`` changed after it was reported.
  case renamed(RenameEvent)
  /// `backward()` started from a root with a seed gradient.
  case backwardBegan(BackwardBeganEvent)
  /// One node's backward rule ran and sent contributions to its parents.
  case backwardStep(BackwardStepEvent)
  /// A gradient hook was called.
  case hook(HookEvent)
  /// `backward()` finished.
  case backwardEnded(BackwardEndedEvent)
}

/// How a leaf tensor takes part in the graph.
public enum LeafKind: String, Sendable, Hashable, Codable {
  /// A leaf that requires grad: what training updates.
  case parameter
  /// A leaf that requires no grad: data fed in.
  case input
  /// A number written in an expression (`x * 2`), turned into a 0-d tensor.
  case constant
}

/// A copy of a tensor's values, or a summary of them when it is large.
public struct TensorSnapshot: Sendable, Hashable, Codable {
  /// The tensor's shape.
  public var shape: [Int]
  /// Every element in row-major order, or `nil` when the tensor had more elements than
  /// the observer's ``GraphObserver/valueLimit``.
  public var values: [Double]?
  /// Minimum, maximum, mean and Euclidean norm of all elements.
  public var summary: Summary

  /// Statistics of a tensor's elements.
  public struct Summary: Sendable, Hashable, Codable {
    /// The number of elements.
    public var count: Int
    /// The smallest element (`0` when empty).
    public var min: Double
    /// The largest element (`0` when empty).
    public var max: Double
    /// The arithmetic mean (`0` when empty).
    public var mean: Double
    /// The Euclidean (L2) norm.
    public var norm: Double

    /// Statistics given directly.
    public init(count: Int, min: Double, max: Double, mean: Double, norm: Double) {
      self.count = count
      self.min = min
      self.max = max
      self.mean = mean
      self.norm = norm
    }

    /// Computes the statistics of `values`.
    public init(_ values: [Double]) {
      count = values.count
      min = values.min() ?? 0
      max = values.max() ?? 0
      mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
      norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
  }

  /// A snapshot from its parts.
  public init(shape: [Int], values: [Double]?, summary: Summary) {
    self.shape = shape
    self.values = values
    self.summary = summary
  }

  /// Snapshots `values` of `shape`, keeping them all only up to `limit` elements.
  public init(shape: [Int], values: [Double], limit: Int = .max) {
    self.shape = shape
    self.values = values.count <= limit ? values : nil
    self.summary = Summary(values)
  }
}

/// A leaf or constant entering the graph.
public struct LeafEvent: Sendable, Hashable, Codable {
  /// The tensor's id within the observation scope (0, 1, 2… in order of appearance).
  public var id: Int
  /// The tensor's name, if it has one.
  public var name: String?
  /// Parameter, input or constant.
  public var kind: LeafKind
  /// The element type.
  public var dtype: DType
  /// Whether gradients flow to it.
  public var requiresGrad: Bool
  /// Its value.
  public var value: TensorSnapshot
}

/// An op that ran forward.
public struct ForwardEvent: Sendable, Hashable, Codable {
  /// The result's id.
  public var id: Int
  /// The result's name, if it already has one.
  public var name: String?
  /// The op.
  public var operation: Op
  /// The op's backward rule in words (``Op/rule``).
  public var rule: String
  /// The inputs' ids in argument order.
  public var parents: [Int]
  /// Attributes such as `axis`, `keepDims` or `exponent`.
  public var attributes: [String: String]
  /// The result's element type.
  public var dtype: DType
  /// Whether the result takes part in backward.
  public var requiresGrad: Bool
  /// The result's value.
  public var value: TensorSnapshot
}

/// A tensor that got a new name.
public struct RenameEvent: Sendable, Hashable, Codable {
  /// The tensor's id.
  public var id: Int
  /// The new name (`nil` when cleared).
  public var name: String?
}

/// The start of a backward pass.
public struct BackwardBeganEvent: Sendable, Hashable, Codable {
  /// The id of the tensor `backward()` was called on.
  public var root: Int
  /// The seed gradient (ones of the root's shape unless one was given).
  public var seed: TensorSnapshot
  /// The ids of the nodes whose backward will run, in the order they will run.
  public var order: [Int]
}

/// What one node's backward sent to one parent.
public struct Contribution: Sendable, Hashable, Codable {
  /// The parent's id.
  public var parent: Int
  /// The contribution, summed to the parent's shape.
  public var gradient: TensorSnapshot
  /// The parent's gradient so far in this pass, after adding the contribution.
  public var accumulated: TensorSnapshot
}

/// One node's backward rule running.
public struct BackwardStepEvent: Sendable, Hashable, Codable {
  /// The node whose backward ran.
  public var id: Int
  /// Its op.
  public var operation: Op
  /// The rule that was applied (``Op/rule``).
  public var rule: String
  /// The full gradient the node received from all its consumers.
  public var upstream: TensorSnapshot
  /// One entry per parent that receives a gradient, in argument order.
  public var contributions: [Contribution]
}

/// A gradient hook call.
public struct HookEvent: Sendable, Hashable, Codable {
  /// The tensor whose hook ran.
  public var id: Int
  /// The gradient the hook received.
  public var gradient: TensorSnapshot
  /// The gradient it returned instead, or `nil` if it only observed.
  public var replacement: TensorSnapshot?
}

/// The end of a backward pass.
public struct BackwardEndedEvent: Sendable, Hashable, Codable {
  /// The id of the tensor `backward()` was called on.
  public var root: Int
}
