import ArgumentParser
import Foundation
import GraphRender
import LucidExpressions

/// `lucid`: gradients and backprop pictures from an expression, no Swift code needed.
struct LucidCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "lucid",
    abstract: "Gradients and backprop pictures from an expression.",
    discussion: """
      Every input given with -i requires grad. Operators follow Python/NumPy: ** (right-associative, \
      -a**2 is -(a**2)), unary -, * / @, + -. A non-scalar result is seeded with ones. \
      An expression that starts with '-' goes after '--': lucid grad -i x=3 -- "-x**2".

      Examples:
        lucid grad "tanh(w1*x1 + w2*x2 + b)" -i x1=2 -i x2=0 -i w1=-3 -i w2=1 -i b=6.8813735870195432
        lucid render "a @ b" -i a=[[1,2],[3,4]] -i b=[[5,6],[7,8]] -o lecture/matmul
      """,
    version: version,
    subcommands: [Grad.self, Dot.self, Render.self]
  )

  /// Parses the command line and runs it. Every failure ends as exactly one line on
  /// stderr and a non-zero status: 2 for a malformed command line, 1 for bad input.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      fail(with: error)
    }
  }

  /// Ends the program for `error`: help and version print normally; a malformed command
  /// line exits 2; bad input (an expression, a value, a folder) exits 1.
  static func fail(with error: any Error) -> Never {
    switch error {
    case is ValidationError:
      fail(message(for: error), status: 2)
    case let code as ExitCode:
      Foundation.exit(code.rawValue)
    case is ExpressionError, is RenderError:
      fail(String(describing: error), status: 1)
    default:
      if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
      fail(message(for: error), status: 2)
    }
  }

  /// Writes `lucid: error: MESSAGE` (first line only) to stderr and exits.
  static func fail(_ message: String, status: Int32) -> Never {
    let line = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "failed"
    let text = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
    FileHandle.standardError.write(Data("lucid: error: \(text)\n".utf8))
    Foundation.exit(status)
  }
}

LucidCommand.main()
