import CGraphviz

/// A graph's own label, the per-frame caption, reduced to what determines its size on the page.
struct Caption: Sendable, Hashable {
  /// The label text (HTML-like labels keep their markup).
  var text: String
  /// Whether ``text`` is an HTML-like label.
  var isHTML: Bool
  /// The graph's `fontname`, or empty for Graphviz's default.
  var fontName: String
  /// The graph's `fontsize`, or empty for Graphviz's default.
  var fontSize: String

  /// The caption of `graph`, or `nil` when it has none.
  init?(of graph: UnsafeMutablePointer<Agraph_t>) {
    guard let text = GraphObjects.attribute("label", of: graph), !text.isEmpty else { return nil }
    self.text = text
    isHTML = GraphObjects.isHTML("label", of: graph)
    fontName = GraphObjects.attribute("fontname", of: graph) ?? ""
    fontSize = GraphObjects.attribute("fontsize", of: graph) ?? ""
  }

  /// Measures the caption as Graphviz will size it, padding included (the space `dot` reserves).
  ///
  /// Lays out an empty graph that carries only this caption with the `nop2` engine and reads the
  /// label size back; this uses the installation's own text-layout plugin, so it matches the render.
  func measure(in context: borrowing GraphvizContext) throws(RenderError) -> LayoutSize {
    var probe = GraphHandle(emptyNamed: "caption", in: context)
    if isHTML {
      _ = lucid_agsafeset_html(probe.graph, probe.graph, "label", text)
    } else {
      GraphObjects.setAttribute("label", to: text, of: probe.graph)
    }
    if !fontName.isEmpty { GraphObjects.setAttribute("fontname", to: fontName, of: probe.graph) }
    if !fontSize.isEmpty { GraphObjects.setAttribute("fontsize", to: fontSize, of: probe.graph) }
    try probe.layOut(engine: "nop2", in: context)
    var width = 0.0
    var height = 0.0
    _ = lucid_graph_label_size(probe.graph, &width, &height)
    // Graphviz pads a root graph label by 4 * GAP horizontally and 2 * GAP vertically (GAP = 4pt).
    return LayoutSize(width: width + 16, height: height + 8)
  }
}

/// Where captions go on the canvas, read from the laid-out frame's `labelloc` and `labeljust`.
struct CaptionPlacement: Sendable, Equatable {
  /// Whether captions sit above the drawing (`labelloc=t`); the default is below.
  var atTop: Bool
  /// `"l"`, `"r"` or `"c"` (`labeljust`).
  var justification: Character

  /// Reads the placement attributes of `graph`.
  init(of graph: UnsafeMutablePointer<Agraph_t>) {
    atTop = (GraphObjects.attribute("labelloc", of: graph) ?? "").lowercased().hasPrefix("t")
    let just = (GraphObjects.attribute("labeljust", of: graph) ?? "").lowercased()
    justification = just.hasPrefix("l") ? "l" : just.hasPrefix("r") ? "r" : "c"
  }
}

/// A width and height in points.
struct LayoutSize: Sendable, Equatable {
  var width: Double
  var height: Double

  static let zero = LayoutSize(width: 0, height: 0)
}
