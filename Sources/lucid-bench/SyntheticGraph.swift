import Foundation
import Lucid

/// A computation-graph-shaped DAG (value nodes with three-line record labels, small op nodes, fan-in
/// two, some fan-out) and frames that reveal it step by step, as the DOT exporter will draw them.
struct SyntheticGraph {
  private struct Op {
    var symbol: String
    var inputs: (Int, Int)
    var output: Int
  }

  private var valueCount: Int
  private var ops: [Op] = []
  private var data: [Double] = []

  /// A graph of about `nodes` nodes; the same `seed` gives the same graph.
  init(nodes: Int, seed: UInt64 = 42) {
    var random = SplitMix64(seed: seed)
    let leaves = max(2, nodes / 5)
    valueCount = leaves
    data = (0..<leaves).map { _ in random.nextUnit() * 4 - 2 }
    let symbols = ["+", "*", "−", "·"]
    while valueCount + ops.count + 2 <= nodes {
      // Mostly recent values (depth), sometimes an old one (fan-out, long edges).
      let recent = max(0, valueCount - 6)
      let first = Int(random.next() % UInt64(valueCount - recent)) + recent
      var second =
        random.next() % 4 == 0
        ? Int(random.next() % UInt64(valueCount)) : Int(random.next() % UInt64(valueCount - recent)) + recent
      if second == first { second = (first + valueCount - 1) % valueCount }
      let symbol = symbols[Int(random.next() % UInt64(symbols.count))]
      ops.append(Op(symbol: symbol, inputs: (first, second), output: valueCount))
      data.append(data[first] * 0.5 + data[second] * 0.25)
      valueCount += 1
    }
  }

  /// The number of nodes (values and ops).
  var nodeCount: Int { valueCount + ops.count }

  /// Frame `index` of `count`: values and ops appear in forward order in the first half, gradients
  /// arrive in reverse order in the second half; the last frame shows everything.
  func frame(_ index: Int, of count: Int) -> String {
    let progress = count > 1 ? Double(index) / Double(count - 1) : 1
    let visibleOps = Int((min(progress * 2, 1) * Double(ops.count)).rounded())
    let gradientsFrom = valueCount - Int((max(progress * 2 - 1, 0) * Double(valueCount)).rounded())
    var lines = [
      "digraph G {",
      "  rankdir=LR; fontname=\"Helvetica\"; fontsize=12; labelloc=b;",
      "  label=\"step \(index + 1)/\(count): \(index * 2 < count ? "forward" : "backward, ∂L/∂v accumulated")\";",
      "  node [fontname=\"Helvetica\" fontsize=10 style=filled fillcolor=white color=black penwidth=1 fontcolor=black];",
      "  edge [color=gray40 penwidth=1];",
    ]
    let leaves = valueCount - ops.count
    for value in 0..<valueCount {
      let visible = value < leaves || value - leaves < visibleOps
      let grad = value >= gradientsFrom ? String(format: "grad %+.4f", data[value] * 0.125) : "grad"
      let fill = value == gradientsFrom ? "#ffd54f" : (value >= gradientsFrom ? "#c8e6c9" : "white")
      let style = visible ? "filled" : "invis"
      lines.append(
        "  v\(value) [shape=record label=\"{v\(value)|data \(String(format: "%+.4f", data[value]))|\(grad)}\" style=\(style) fillcolor=\"\(fill)\"];"
      )
    }
    for (position, op) in ops.enumerated() {
      let style = position < visibleOps ? "filled" : "invis"
      lines.append("  op\(position) [shape=circle width=0.35 fixedsize=true label=\"\(op.symbol)\" style=\(style)];")
    }
    for (position, op) in ops.enumerated() {
      let style = position < visibleOps ? "solid" : "invis"
      let color = op.output >= gradientsFrom ? "#e65100" : "gray40"
      lines.append("  v\(op.inputs.0) -> op\(position) [style=\(style) color=\"\(color)\"];")
      lines.append("  v\(op.inputs.1) -> op\(position) [style=\(style) color=\"\(color)\"];")
      lines.append("  op\(position) -> v\(op.output) [style=\(style) color=\"\(color)\"];")
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }
}
