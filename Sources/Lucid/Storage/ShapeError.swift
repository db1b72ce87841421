/// A shape problem found before an op runs, naming the op and the shapes involved.
///
/// The library treats a shape mismatch inside Swift code as a programmer error and
/// stops with this message (`[matmul] shapes [2, 3] and [4, 5] are not aligned`).
/// The checks themselves live in the throwing functions of ``Shapes`` so that tools
/// taking user input (the `lucid` command) can validate first and report instead.
public struct ShapeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The op whose shape rule was violated, e.g. `matmul`.
  public let op: String
  /// What is wrong, e.g. `shapes [2, 3] and [4, 5] are not aligned`.
  public let message: String

  /// Creates an error for `op` with a message naming the shapes.
  public init(op: String, _ message: String) {
    self.op = op
    self.message = message
  }

  /// `[op] message`.
  public var description: String { "[\(op)] \(message)" }
}

/// Runs a shape check and stops the program with its message when it fails.
///
/// Used by the ops: a shape mismatch in library code is a programmer error. `fatalError`
/// (not `precondition`) so that the message survives optimised builds.
@inline(__always)
func checked<T>(_ body: () throws(ShapeError) -> T) -> T {
  do {
    return try body()
  } catch {
    fatalError(error.description)
  }
}

/// Formats a shape the way messages show it: `[2, 3]`.
func format(_ shape: [Int]) -> String {
  "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
