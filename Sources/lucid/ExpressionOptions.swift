import ArgumentParser
import Lucid
import LucidExpressions

/// The expression, its inputs and the limits every subcommand shares.
struct ExpressionOptions: ParsableArguments {
  @Argument(help: "The expression, e.g. \"tanh(w*x + b)\" or \"sum(a @ b)\".")
  var expression: String

  @Option(
    name: [.short, .customLong("input")], help: "An input NAME=VALUE: a number or a nested array like [[1,2],[3,4]].")
  var inputs: [String] = []

  @Option(help: "The element type: float32 or float64.")
  var dtype: DTypeOption = .float32

  @Option(help: "The longest expression accepted, in characters.")
  var maxLength = ExpressionLimits().maxLength

  @Option(
    help: """
      The deepest nesting accepted: parentheses, calls and operator chains (a sum of 300 terms is \
      300 levels); at most \(ExpressionLimits.deepestSupported).
      """)
  var maxDepth = ExpressionLimits().maxDepth

  @Option(help: "The most elements an input or any intermediate result may have.")
  var maxElements = ExpressionLimits().maxElements

  func validate() throws {
    guard maxLength >= 1 else { throw ValidationError("--max-length must be at least 1, got \(maxLength)") }
    guard (1...ExpressionLimits.deepestSupported).contains(maxDepth) else {
      throw ValidationError(
        "--max-depth must be between 1 and \(ExpressionLimits.deepestSupported) (deeper expressions would overflow"
          + " the stack), got \(maxDepth)")
    }
    guard maxElements >= 1 else { throw ValidationError("--max-elements must be at least 1, got \(maxElements)") }
  }

  var limits: ExpressionLimits {
    var limits = ExpressionLimits()
    limits.maxLength = maxLength
    limits.maxDepth = maxDepth
    limits.maxElements = maxElements
    return limits
  }

  /// Parses and checks everything before any op runs.
  func program() throws -> Program {
    let values = try inputs.map { (text: String) throws(ExpressionError) in
      try InputValue(parsing: text, limits: limits)
    }
    return try Program(expression, inputs: values, limits: limits)
  }

  /// Evaluates the program with a recorder attached and runs backward when the result
  /// depends on an input.
  func run(_ program: Program) -> (result: Tensor, leaves: [Tensor], trace: Trace) {
    let recorder = TraceRecorder()
    var output: (Tensor, [Tensor])!
    withObserver(recorder) {
      output = program.evaluate(dtype: dtype.dtype)
      if output.0.requiresGrad { output.0.backward() }
    }
    return (output.0, output.1, recorder.trace)
  }
}

/// `--dtype` values.
enum DTypeOption: String, ExpressibleByArgument, CaseIterable {
  case float32, float64

  var dtype: DType { self == .float32 ? .float32 : .float64 }
}
