/// Bounds that keep hostile or mistaken input from exhausting the machine. Each error
/// that hits one names it and says how to raise it.
public struct ExpressionLimits: Sendable, Hashable {
  /// The longest expression text accepted, in characters.
  public var maxLength = 10_000
  /// The deepest nesting of parentheses, brackets and operators: the height of the expression's
  /// tree, so a chain `x + x + ... + x` of 300 terms is 300 levels deep. At most
  /// ``deepestSupported``.
  public var maxDepth = 200
  /// The most elements any input or intermediate tensor may have.
  public var maxElements = 1_000_000

  /// The largest ``maxDepth`` accepted: parsing, checking and evaluating walk the tree
  /// recursively, and this many levels fit comfortably on a thread's stack (also under the
  /// address sanitizer, whose frames are larger). A higher limit is refused with an error.
  public static let deepestSupported = 500

  /// The defaults.
  public init() {}
}
