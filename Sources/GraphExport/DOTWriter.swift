import Foundation
import Lucid

/// Writes the DOT of one picture. Every picture of a sequence comes from one writer, so
/// all of them share the node set, edge set, label sizes and declared attributes; only
/// styling, visibility, the numbers inside labels and the caption change.
struct DOTWriter {
  let options: DOTOptions
  /// The graph every picture lays out: its final state.
  let layout: GraphState
  /// Per node, the widest cell its labels will ever show (characters).
  let cellWidths: [Int: Int]
  /// The largest gradient norm in the sequence, for shading.
  let largestGradNorm: Double
  /// The node drawn as the output.
  let outputID: Int?

  private var theme: Theme { options.theme }

  /// The DOT of `frame` (a state of the same graph), with `caption` as the graph label.
  func write(frame: GraphState, caption: Caption?) -> String {
    var out = "digraph lucid {\n"
    out += graphAttributes(caption: caption)
    for id in layout.order {
      guard let node = layout.nodes[id] else { continue }
      out += nodeStatements(node, frame: frame)
    }
    for id in layout.order {
      guard let node = layout.nodes[id] else { continue }
      out += edgeStatements(node, frame: frame)
    }
    if options.showLegend { out += legend() }
    out += "}\n"
    return out
  }

  // MARK: Graph

  private func graphAttributes(caption: Caption?) -> String {
    let font = Escaping.quoted(options.fontName)
    let size = NumberFormatting.format(options.fontSize)
    var label = ""
    if let caption {
      label = "<B>\(Escaping.html(caption.title))</B>"
      if let detail = caption.detail {
        label +=
          "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"\(NumberFormatting.format(options.fontSize - 1))\">"
          + "\(Escaping.html(detail))</FONT>"
      }
      label += "<BR ALIGN=\"LEFT\"/>"
    }
    return """
          graph [rankdir=\(options.direction == .leftToRight ? "LR" : "TB"), bgcolor=\(Escaping.quoted(theme.background)), \
        fontname=\(font), fontsize=\(size), fontcolor=\(Escaping.quoted(theme.text)), labelloc=t, labeljust=l, \
        nodesep=0.25, ranksep=0.35, pad=0.25, nslimit=8, mclimit=4, label=<\(label)>]
          node [fontname=\(font), fontsize=\(size), shape=box, style="rounded,filled", \
        color=\(Escaping.quoted(theme.text)), fillcolor=\(Escaping.quoted(theme.valueFill)), \
        fontcolor=\(Escaping.quoted(theme.text)), penwidth=1, margin="0.06,0.04"]
          edge [color=\(Escaping.quoted(theme.muted)), fontcolor=\(Escaping.quoted(theme.muted)), penwidth=1.2, \
        arrowsize=0.7, style=solid]

      """
  }

  // MARK: Nodes

  private func nodeStatements(_ node: GraphState.Node, frame: GraphState) -> String {
    let present = frame.nodes[node.id]
    var out = ""
    if case .op(let op) = node.kind {
      out += "  op\(node.id) [id=\"op\(node.id)\", shape=ellipse, label=<\(opLabel(op, node.attributes))>, "
      out += "tooltip=\(Escaping.quoted(op.rule)), \(opStyle(node, frame: frame, present: present != nil))]\n"
    }
    out += "  v\(node.id) [id=\"v\(node.id)\", label=<\(valueLabel(node, frame: present))>, "
    out +=
      "tooltip=\(Escaping.quoted(tooltip(node, frame: present))), \(valueStyle(node, frame: frame, present: present))]\n"
    return out
  }

  /// A display name for a node: its own name or `t<id>`.
  func displayName(_ id: Int) -> String {
    layout.nodes[id]?.name ?? "t\(id)"
  }

  private func opLabel(_ op: Op, _ attributes: [String: String]) -> String {
    var text = "<B>\(Escaping.html(op.symbol))</B>"
    let extras = attributes.sorted { $0.key < $1.key }.map { key, value in
      switch key {
      case "exponent": value
      case "index": "[\(value)]"
      default: "\(key)=\(value)"
      }
    }
    if !extras.isEmpty {
      let size = NumberFormatting.format(options.fontSize - 3)
      text += " <FONT POINT-SIZE=\"\(size)\">\(Escaping.html(extras.joined(separator: " ")))</FONT>"
    }
    return text
  }

  private func valueLabel(_ node: GraphState.Node, frame: GraphState.Node?) -> String {
    let width = cellWidths[node.id] ?? 1
    let value = CellText(node.value, options: options)
    let columns: Int
    switch value {
    case .grid(let rows): columns = rows.first?.count ?? 1
    case .summary: columns = 1
    }
    let small = NumberFormatting.format(options.fontSize - 3)
    let muted = Escaping.quoted(theme.muted)
    var rows: [String] = []
    var header = "<B>\(Escaping.html(displayName(node.id)))</B>"
    if options.showShapes {
      // Scalars need no shape; the dtype is in the tooltip (pictures show 4 digits anyway).
      if !node.value.shape.isEmpty {
        let shape = node.value.shape.map(String.init).joined(separator: "×")
        header += " <FONT POINT-SIZE=\"\(small)\" COLOR=\(muted)>\(shape)</FONT>"
      }
    }
    rows.append("<TR><TD COLSPAN=\"\(columns + 1)\">\(header)</TD></TR>")
    if options.showValues {
      rows += section("data", value, columns: columns, width: width)
    }
    if options.showGrads && node.requiresGrad {
      let grad = frame?.grad.map { CellText($0, options: options) } ?? value.placeholder
      rows += section("grad", grad, columns: columns, width: width)
    }
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
  }

  /// Rows of one labelled block of numbers, every cell at least `width` characters wide.
  private func section(_ heading: String, _ cells: CellText, columns: Int, width: Int) -> [String] {
    let small = NumberFormatting.format(options.fontSize - 3)
    let pixels = Int((Double(width) * options.fontSize * 0.62).rounded(.up)) + 6
    let head = { (first: Bool) in
      // Graphviz rejects an empty <FONT></FONT>, so continuation rows get a bare cell.
      first
        ? "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(small)\" COLOR=\(Escaping.quoted(self.theme.muted))>"
          + "\(heading)</FONT></TD>" : "<TD></TD>"
    }
    switch cells {
    case .grid(let rows):
      return rows.enumerated().map { r, row in
        "<TR>" + head(r == 0) + row.map { "<TD ALIGN=\"RIGHT\" WIDTH=\"\(pixels)\">\(Escaping.html($0))</TD>" }.joined()
          + "</TR>"
      }
    case .summary(let lines):
      return lines.enumerated().map { r, line in
        "<TR>" + head(r == 0) + "<TD ALIGN=\"LEFT\" WIDTH=\"\(pixels)\">\(Escaping.html(line))</TD></TR>"
      }
    }
  }

  private func tooltip(_ node: GraphState.Node, frame: GraphState.Node?) -> String {
    var text =
      "\(displayName(node.id)): shape [\(node.value.shape.map(String.init).joined(separator: ", "))] \(node.dtype)"
    if let grad = frame?.grad {
      text += ", ‖grad‖ = \(NumberFormatting.format(grad.summary.norm, digits: options.digits))"
    }
    return text
  }

  // MARK: Styles

  private func baseFill(_ node: GraphState.Node) -> String {
    if node.id == outputID { return theme.outputFill }
    switch node.kind {
    case .leaf(.parameter): return theme.parameterFill
    case .leaf(.input): return theme.inputFill
    case .leaf(.constant): return theme.constantFill
    case .op: return theme.valueFill
    }
  }

  private func valueStyle(_ node: GraphState.Node, frame: GraphState, present: GraphState.Node?) -> String {
    guard let present else { return "style=invis" }
    var fill = baseFill(node)
    var color = theme.text
    var penwidth = 1.0
    var style = node.kind == .leaf(.constant) ? "rounded,filled,dashed" : "rounded,filled"
    if options.shadeGradients, let grad = present.grad, largestGradNorm > 0 {
      fill = shade(grad.summary.norm)
    }
    if isDone(node.id, frame: frame) {
      color = theme.done
      penwidth = 2
    }
    if frame.activeNode == node.id || frame.activeFlows.contains(where: { $0.to == node.id }) {
      color = theme.current
      penwidth = 3
      if frame.activeNode == node.id { fill = theme.currentFill }
      style = "rounded,filled,bold"
    }
    return
      "style=\"\(style)\", color=\(Escaping.quoted(color)), fillcolor=\(Escaping.quoted(fill)), penwidth=\(penwidth)"
  }

  private func opStyle(_ node: GraphState.Node, frame: GraphState, present: Bool) -> String {
    guard present else { return "style=invis" }
    var color = theme.text
    var penwidth = 1.0
    if frame.finished.contains(node.id) {
      color = theme.done
      penwidth = 2
    }
    if frame.activeNode == node.id {
      color = theme.current
      penwidth = 3
    }
    return
      "style=filled, color=\(Escaping.quoted(color)), fillcolor=\(Escaping.quoted(theme.opFill)), penwidth=\(penwidth)"
  }

  private func isDone(_ id: Int, frame: GraphState) -> Bool {
    if frame.phase == .done { return frame.nodes[id]?.grad != nil }
    return frame.finished.contains(id)
  }

  /// The fill for a gradient of norm `norm`: one band per factor of ten below the
  /// largest norm in the sequence, so the scale is the same in every frame.
  private func shade(_ norm: Double) -> String {
    let last = theme.scale.count - 1
    guard norm > 0 else { return theme.scale[0] }
    let band = Int(Swift.min(Double(last), Swift.max(0, log10(largestGradNorm / norm).rounded(.down))))
    return theme.scale[last - band]
  }

  // MARK: Edges

  private func edgeStatements(_ node: GraphState.Node, frame: GraphState) -> String {
    guard case .op = node.kind else { return "" }
    let visible = frame.nodes[node.id] != nil
    let forwardActive = frame.phase == .forward && frame.activeNode == node.id && frame.lastEventIsForward
    let backwardActive = frame.activeFlows.contains { $0.from == node.id }
    var out = ""
    for (position, parent) in node.parents.enumerated() {
      var attributes = ["id=\"e\(parent)_\(node.id)_\(position)\""]
      let flow = frame.activeFlows.first { $0.from == node.id && $0.to == parent }
      attributes.append(edgeStyle(visible: visible, forward: forwardActive, backward: flow != nil))
      if let flow {
        attributes.append(
          "tooltip=\(Escaping.quoted("∂L/∂\(displayName(parent)) += \(summaryText(flow.gradient))"))")
      }
      out += "  v\(parent) -> op\(node.id) [\(attributes.joined(separator: ", "))]\n"
    }
    out += "  op\(node.id) -> v\(node.id) [id=\"e_op\(node.id)\", "
    out += edgeStyle(visible: visible, forward: forwardActive, backward: backwardActive) + "]\n"
    return out
  }

  private func edgeStyle(visible: Bool, forward: Bool, backward: Bool) -> String {
    if !visible { return "style=invis" }
    if backward {
      return "color=\(Escaping.quoted(theme.gradientEdge)), penwidth=2.8, style=solid"
    }
    if forward {
      return "color=\(Escaping.quoted(theme.current)), penwidth=2.2, style=solid"
    }
    return "style=solid"
  }

  private func summaryText(_ snapshot: TensorSnapshot) -> String {
    switch CellText(snapshot, options: options) {
    case .grid(let rows): rows.map { $0.joined(separator: " ") }.joined(separator: "; ")
    case .summary(let lines): lines.joined(separator: ", ")
    }
  }

  // MARK: Legend

  private func legend() -> String {
    let entries: [(String, String, String)] = [
      ("parameter", theme.parameterFill, "rounded,filled"),
      ("input", theme.inputFill, "rounded,filled"),
      ("constant", theme.constantFill, "rounded,filled,dashed"),
      ("intermediate", theme.valueFill, "rounded,filled"),
      ("output", theme.outputFill, "rounded,filled"),
    ]
    let small = NumberFormatting.format(options.fontSize - 2)
    var out = "  subgraph cluster_legend {\n    label=<<B>legend</B>>; fontsize=\(small); style=\"rounded\"; "
    out += "color=\(Escaping.quoted(theme.muted));\n"
    for (i, entry) in entries.enumerated() {
      out += "    legend\(i) [id=\"legend\(i)\", label=\"\(entry.0)\", fontsize=\(small), "
      out += "style=\"\(entry.2)\", fillcolor=\(Escaping.quoted(entry.1))]\n"
    }
    out += "    legend_op [id=\"legend_op\", shape=ellipse, label=\"op\", fontsize=\(small), style=filled, "
    out += "fillcolor=\(Escaping.quoted(theme.opFill))]\n"
    out += "    legend_current [id=\"legend_current\", label=\"current step\", fontsize=\(small), "
    out += "style=\"rounded,filled,bold\", color=\(Escaping.quoted(theme.current)), "
    out += "fillcolor=\(Escaping.quoted(theme.currentFill)), penwidth=3]\n"
    out += "    legend_done [id=\"legend_done\", label=\"backward done\", fontsize=\(small), "
    out += "color=\(Escaping.quoted(theme.done)), penwidth=2]\n"
    if options.shadeGradients {
      let cells = theme.scale.enumerated().map { i, color in
        "<TD BGCOLOR=\(Escaping.quoted(color)) WIDTH=\"18\"> </TD>"
      }.joined()
      out += "    legend_scale [id=\"legend_scale\", shape=plain, style=solid, label=<<TABLE BORDER=\"0\" "
      out += "CELLSPACING=\"0\"><TR><TD COLSPAN=\"\(theme.scale.count)\">‖grad‖: ÷10 per step</TD></TR>"
      out += "<TR>\(cells)</TR></TABLE>>]\n"
    }
    out += "  }\n"
    return out
  }
}

extension GraphState {
  /// Whether the state's last event was a forward op (as opposed to a leaf or rename).
  var lastEventIsForward: Bool {
    if case .forward = lastEvent { return true }
    return false
  }
}
