import Foundation

/// Hand-written DOT in the exporter's style: value nodes with a name, data and grad (HTML-like or
/// record labels), small op nodes, `rankdir=LR`, one frame per step with a caption.
enum Fixtures {
  /// Values of the expression `L = (a * b + c) * f`, in topological order.
  static let values = ["a", "b", "c", "f", "e", "d", "L"]
  /// Ops as (name, symbol, inputs, output).
  static let ops: [(name: String, symbol: String, inputs: [String], output: String)] = [
    ("mul1", "*", ["a", "b"], "e"), ("add1", "+", ["e", "c"], "d"), ("mul2", "*", ["d", "f"], "L"),
  ]
  static let data: [String: Double] = ["a": 2, "b": -3, "c": 10, "f": -2, "e": -6, "d": 4, "L": -8]
  static let grad: [String: Double] = ["L": 1, "d": -2, "f": 4, "e": -2, "c": -2, "a": 6, "b": -4]

  /// Node count of every fixture graph (values plus ops).
  static var nodeCount: Int { values.count + ops.count }
  /// Edge count of every fixture graph.
  static var edgeCount: Int { ops.reduce(0) { $0 + $1.inputs.count + 1 } }

  /// A value node's HTML-like label: name, data and grad rows.
  static func htmlLabel(_ name: String, data: Double?, grad: Double?) -> String {
    let dataText = data.map { String(format: "data %.4f", $0) } ?? "data —"
    let gradText = grad.map { String(format: "grad %.4f", $0) } ?? "grad —"
    return "<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
      + "<tr><td><b>\(name)</b></td></tr><tr><td>\(dataText)</td></tr><tr><td>\(gradText)</td></tr></table>>"
  }

  /// Frame `index` of the full sequence: forward steps reveal ops and values, backward steps add
  /// gradients in reverse order; the last frame shows everything with the largest labels.
  static func frame(_ index: Int, caption: String? = nil, record: Bool = false) -> String {
    let forwardSteps = ops.count
    let visibleOps = min(index, forwardSteps)
    let backwardSteps = max(0, index - forwardSteps)
    let gradientsKnown = Set(values.reversed().prefix(backwardSteps))
    let visibleValues = Set(["a", "b", "c", "f"] + ops.prefix(visibleOps).map(\.output))
    let text =
      caption
      ?? (index == 0
        ? "start"
        : index <= forwardSteps
          ? "forward step \(index): \(ops[index - 1].output) = \(ops[index - 1].inputs.joined(separator: " \(ops[index - 1].symbol) "))"
          : "backward step \(backwardSteps): ∂L/∂\(values.reversed()[backwardSteps - 1]) accumulated from its consumers")
    var lines = [
      "digraph G {",
      "  rankdir=LR; fontname=\"Helvetica\"; fontsize=12;",
      "  label=\"\(text)\";",
      "  node [fontname=\"Helvetica\" fontsize=10 style=filled fillcolor=white color=black penwidth=1];",
      "  edge [color=gray40 penwidth=1 fontname=\"Helvetica\" fontsize=9];",
    ]
    for value in values {
      let shown = visibleValues.contains(value)
      let grad = gradientsKnown.contains(value) ? Fixtures.grad[value] : nil
      let current = backwardSteps > 0 && values.reversed()[backwardSteps - 1] == value
      let fill = current ? "gold" : grad != nil ? "#c8e6c9" : "white"
      let style = shown ? "filled" : "invis"
      if record {
        let gradText = grad.map { String(format: "grad %.4f", $0) } ?? "grad —"
        lines.append(
          "  \(value) [shape=record label=\"{\(value)|data \(String(format: "%.4f", data[value]!))|\(gradText)}\" style=\(style) fillcolor=\"\(fill)\"];"
        )
      } else {
        lines.append(
          "  \(value) [shape=plaintext label=\(htmlLabel(value, data: data[value], grad: grad)) style=\(style) fillcolor=\"\(fill)\"];"
        )
      }
    }
    for (position, op) in ops.enumerated() {
      let style = position < visibleOps ? "filled" : "invis"
      lines.append("  \(op.name) [shape=circle width=0.3 fixedsize=true label=\"\(op.symbol)\" style=\(style)];")
    }
    for (position, op) in ops.enumerated() {
      let style = position < visibleOps ? "solid" : "invis"
      let carriesGradient = gradientsKnown.contains(op.output)
      let color = carriesGradient ? "#e65100" : "gray40"
      let label = carriesGradient ? " label=\"\(String(format: "%.2f", grad[op.output]!))\"" : ""
      for input in op.inputs {
        lines.append("  \(input) -> \(op.name) [style=\(style) color=\"\(color)\"];")
      }
      lines.append(
        "  \(op.name) -> \(op.output) [style=\(style) color=\"\(color)\"\(label) penwidth=\(carriesGradient ? 2 : 1)];")
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  /// The whole sequence: start, one frame per forward op, one per backward step.
  static func frames(record: Bool = false) -> [String] {
    (0...(ops.count + values.count)).map { frame($0, record: record) }
  }

  /// A DAG of `count` chained value/op pairs, for limit tests.
  static func chain(_ count: Int) -> String {
    var lines = ["digraph chain {"]
    for index in 0..<count { lines.append("  n\(index) -> n\(index + 1);") }
    lines.append("}")
    return lines.joined(separator: "\n")
  }
}
