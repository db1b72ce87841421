import ArgumentParser
import Foundation
import GraphExport
import Lucid

/// `lucid grad`: the value and the gradient of every input.
struct Grad: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the value and the gradient of every input.",
    discussion: """
      Example:
        lucid grad "sum(a @ b)" -i a=[[1,2],[3,4]] -i b=[[5,6],[7,8]]
        lucid grad "x**3 - 2*x" -i x=1.5 --json
      With --json, prints one object: {"value": ..., "shape": [...], "grads": {"a": ...}}; \
      non-finite numbers are written as null.
      """)

  @OptionGroup var options: ExpressionOptions

  @Flag(help: "Print one JSON object instead of a table.")
  var json = false

  func run() throws {
    let program = try options.program()
    let (result, leaves, _) = options.run(program)
    if json {
      print(JSONOutput.object(result: result, leaves: leaves))
      return
    }
    print("value \(shapeText(result.shape))")
    print(indent(result.description))
    for leaf in leaves {
      print("")
      print("∂/∂\(leaf.name!) \(shapeText(leaf.shape))")
      print(indent(leaf.grad?.description ?? Tensor.zeros(leaf.shape, dtype: leaf.dtype).description))
    }
  }

  private func shapeText(_ shape: [Int]) -> String {
    shape.isEmpty ? "(scalar)" : "(shape [\(shape.map(String.init).joined(separator: ", "))])"
  }

  private func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }
}

/// The `--json` output of `lucid grad`.
enum JSONOutput {
  static func object(result: Tensor, leaves: [Tensor]) -> String {
    let grads = leaves.map { leaf in
      let grad = leaf.grad ?? Tensor.zeros(leaf.shape, dtype: leaf.dtype)
      return "\(string(leaf.name!)): \(nested(grad))"
    }
    let shape = "[" + result.shape.map(String.init).joined(separator: ", ") + "]"
    return "{\"value\": \(nested(result)), \"shape\": \(shape), \"grads\": {\(grads.joined(separator: ", "))}}"
  }

  /// A tensor as a JSON number (0-d) or nested arrays.
  static func nested(_ tensor: Tensor) -> String {
    let values = tensor.scalars
    let shape = tensor.shape
    func build(_ offset: Int, _ axis: Int) -> String {
      if axis == shape.count { return number(values[offset], tensor.dtype) }
      let stride = shape[(axis + 1)...].reduce(1, *)
      return "[" + (0..<shape[axis]).map { build(offset + $0 * stride, axis + 1) }.joined(separator: ", ") + "]"
    }
    return build(0, 0)
  }

  static func number(_ value: Double, _ dtype: DType) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return dtype == .float32 ? "\(Float(value))" : "\(value)"
  }

  static func string(_ text: String) -> String {
    let body = Escaping.rewrite(text) { scalar in
      switch scalar {
      case "\"": "\\\""
      case "\\": "\\\\"
      case "\n": "\\n"
      default: scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
      }
    }
    return "\"" + body + "\""
  }

}
