import GraphExport
import Lucid
import LucidExpressions

/// The property the expression fuzzer checks: any bytes, read as an expression and a few
/// `NAME=VALUE` inputs, either throw an ``LucidExpressions/ExpressionError`` or evaluate
/// (forward, backward when the result requires grad, and the recorded trace drawn as DOT
/// frames) — never a trap.
///
/// Shared by the libFuzzer target `FuzzExpressions` and the regression tests in
/// `Tests/HardeningTests`, which replay the seed corpus and every crash ever found.
public enum ExpressionFuzzing {
  /// What one input did.
  public enum Outcome: Sendable, Equatable {
    /// The input was rejected with this error.
    case rejected(ExpressionError)
    /// The expression evaluated to a result of this shape, with this many recorded events.
    case evaluated(shape: [Int], events: Int)
  }

  /// The limits used while fuzzing: the CLI's, with a smaller element budget so that one input
  /// cannot take seconds (a million-element matmul would) and hide the rest of the search.
  public static var limits: ExpressionLimits {
    var limits = ExpressionLimits()
    limits.maxElements = 65_536
    return limits
  }

  /// The largest trace that is also drawn as DOT frames.
  public static let maxDrawnEvents = 300

  /// Splits `bytes` (read as UTF-8, invalid sequences replaced) into the expression (the first
  /// line) and at most four inputs (the following non-empty lines). An input line that starts
  /// with `!` selects `float64` for the whole run.
  public static func split(_ bytes: [UInt8]) -> (expression: String, inputs: [String], dtype: DType) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var inputs: [String] = []
    var dtype = DType.float32
    for line in lines.dropFirst() where !line.isEmpty && inputs.count < 4 {
      if line.hasPrefix("!") {
        dtype = .float64
        inputs.append(String(line.dropFirst()))
      } else {
        inputs.append(line)
      }
    }
    return (lines.first ?? "", inputs, dtype)
  }

  /// Runs one input the way `lucid grad` and `lucid dot` do.
  public static func run(_ bytes: [UInt8]) -> Outcome {
    let (source, inputTexts, dtype) = split(bytes)
    let limits = Self.limits
    let program: Program
    do throws(ExpressionError) {
      let inputs = try inputTexts.map { (text) throws(ExpressionError) in try InputValue(parsing: text, limits: limits)
      }
      program = try Program(source, inputs: inputs, limits: limits)
    } catch {
      return .rejected(error)
    }
    let recorder = TraceRecorder()
    var shape: [Int] = []
    withObserver(recorder) {
      let (result, _) = program.evaluate(dtype: dtype)
      precondition(result.shape == program.shape, "checker said \(program.shape), evaluation gave \(result.shape)")
      if result.requiresGrad { result.backward() }
      shape = result.shape
    }
    let trace = recorder.trace
    if trace.count <= maxDrawnEvents {
      let frames = GraphExporter().frames(for: trace)
      precondition(!frames.isEmpty, "a trace with \(trace.count) events gave no frames")
    }
    return .evaluated(shape: shape, events: trace.count)
  }
}
