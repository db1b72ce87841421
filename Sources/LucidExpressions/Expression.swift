/// A parsed expression. Every node remembers the column it starts at, for messages.
public indirect enum Expression: Hashable, Sendable {
  /// A number literal.
  case number(Double, column: Int)
  /// A named input.
  case name(String, column: Int)
  /// `-x`.
  case negate(Expression, column: Int)
  /// A binary operator: `+ - * / @ **`.
  case binary(BinaryOperator, Expression, Expression, column: Int)
  /// `f(args...)` with positional and keyword arguments.
  case call(String, [CallArgument], column: Int)
  /// `x[i, j:k, :]`.
  case index(Expression, [IndexItem], column: Int)
  /// `x.T`.
  case transpose(Expression, column: Int)
  /// `[d0, d1, ...]`, allowed only as `reshape`'s shape argument.
  case list([Double], column: Int)

  /// The column this expression starts at (1-based).
  public var column: Int {
    switch self {
    case .number(_, let c), .name(_, let c), .negate(_, let c), .binary(_, _, _, let c), .call(_, _, let c),
      .index(_, _, let c), .transpose(_, let c), .list(_, let c):
      c
    }
  }
}

/// The binary operators, by precedence: `**` binds tightest, then `* / @`, then `+ -`.
public enum BinaryOperator: String, Hashable, Sendable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case matmul = "@"
  case power = "**"
}

/// One argument of a call: positional (`label == nil`) or keyword (`axis=1`).
public struct CallArgument: Hashable, Sendable {
  /// The keyword, or `nil` for a positional argument.
  public var label: String?
  /// The value.
  public var value: Expression
}

/// One entry of an index: `i`, `a:b`, `a:b:s` or `:`.
public enum IndexItem: Hashable, Sendable {
  /// An integer position.
  case at(Int)
  /// A slice with optional bounds and step.
  case slice(start: Int?, end: Int?, step: Int?)
}
