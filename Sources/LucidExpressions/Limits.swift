/// Bounds that keep hostile or mistaken input from exhausting the machine. Each error
/// that hits one names it and says how to raise it.
public struct ExpressionLimits: Sendable, Hashable {
  /// The longest expression text accepted, in characters.
  public var maxLength = 10_000
  /// The deepest nesting of parentheses, brackets and operators.
  public var maxDepth = 200
  /// The most elements any input or intermediate tensor may have.
  public var maxElements = 1_000_000

  /// The defaults.
  public init() {}
}
