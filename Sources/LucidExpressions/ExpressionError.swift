/// A problem with user input: an expression, an input value or a shape, with the
/// column it was found at when there is one.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, in one line.
  public var message: String
  /// The 1-based column in the expression text, for parse and shape errors.
  public var column: Int?

  /// Creates an error.
  public init(_ message: String, column: Int? = nil) {
    self.message = message
    self.column = column
  }

  /// `message`, with ` (column N)` when the column is known.
  public var description: String {
    column.map { "\(message) (column \($0))" } ?? message
  }
}
