import CGraphviz

extension FrameLayout {
  /// Names of the two invisible nodes that span the canvas (see ``pin(_:caption:)``).
  static let anchorNames = ("__lucid_canvas_min__", "__lucid_canvas_max__")

  /// Copies the shared geometry onto a parsed frame so that `nop2` only has to draw it.
  ///
  /// Nodes get `pos`, `width`, `height` and `fixedsize`; edges their splines; clusters their boxes;
  /// label positions are pinned where the frame has that label (other labels Graphviz places at the
  /// edge's midpoint). The caption gets an explicit `lp` inside the caption band, so it never grows
  /// the drawing. Graphviz 2.42's `nop2` recomputes the bounding box from the content instead of
  /// honouring `bb`, so two invisible zero-size nodes at the canvas corners keep it identical in
  /// every frame.
  func pin(_ graph: UnsafeMutablePointer<Agraph_t>, caption: LayoutSize?) throws(RenderError) {
    let nodeList = GraphObjects.nodes(of: graph)
    let edgeList = GraphObjects.edges(of: graph, nodes: nodeList)
    if let reason = structure.difference(from: GraphStructure(nodes: nodeList, edges: edgeList)) {
      throw .frameMismatch(frame: nil, reason: reason)
    }
    var nodeWriter = AttributeWriter(graph: graph, kind: Int32(AGNODE))
    for (node, attributes) in zip(nodeList, nodes) { apply(attributes, to: node, with: &nodeWriter) }
    var edgeWriter = AttributeWriter(graph: graph, kind: Int32(AGEDGE))
    for (edge, attributes) in zip(edgeList, edges) { apply(attributes, to: edge, with: &edgeWriter) }
    if !clusters.isEmpty {
      var graphWriter = AttributeWriter(graph: graph, kind: Int32(AGRAPH))
      for cluster in GraphObjects.clusters(of: graph) {
        let name = GraphObjects.name(of: cluster)
        if let match = clusters.first(where: { $0.name == name }) {
          apply(match.attributes, to: cluster, with: &graphWriter)
        }
      }
    }
    pinCanvas(graph, caption: caption)
  }

  /// Gives `graph` the shared canvas: its bounding box, the caption's position and the two anchors.
  func pinCanvas(_ graph: UnsafeMutablePointer<Agraph_t>, caption: LayoutSize?) {
    GraphObjects.setAttribute("bb", to: canvas.graphvizValue, of: graph)
    if let caption {
      GraphObjects.setAttribute("lp", to: captionPosition(for: caption), of: graph)
    }
    addAnchor(Self.anchorNames.0, at: LayoutBox.point(canvas.minX, canvas.minY), to: graph)
    addAnchor(Self.anchorNames.1, at: LayoutBox.point(canvas.maxX, canvas.maxY), to: graph)
  }

  /// The `lp` of a caption of padded size `size`: inside the band, next to the drawing.
  func captionPosition(for size: LayoutSize) -> String {
    let x: Double
    switch captionPlacement.justification {
    case "l": x = canvas.minX + size.width / 2
    case "r": x = canvas.maxX - size.width / 2
    default: x = (canvas.minX + canvas.maxX) / 2
    }
    let y = captionPlacement.atTop ? drawing.maxY + size.height / 2 : drawing.minY - size.height / 2
    return LayoutBox.point(x, y)
  }

  private func apply(
    _ attributes: PinnedAttributes, to object: UnsafeMutableRawPointer, with writer: inout AttributeWriter
  ) {
    for (name, value) in attributes.always {
      writer.set(name, to: value, of: object)
    }
    for (label, name, value) in attributes.labelPositions {
      if let text = lucid_agget(object, label), text.pointee != 0 {
        writer.set(name, to: value, of: object)
      }
    }
  }

  private func addAnchor(_ name: String, at position: String, to graph: UnsafeMutablePointer<Agraph_t>) {
    guard let node = lucid_agnode(graph, name, 1) else { return }
    let attributes = [
      ("pos", position), ("shape", "none"), ("label", ""), ("xlabel", ""), ("width", "0"),
      ("height", "0"), ("fixedsize", "true"), ("style", "invis"), ("margin", "0"),
    ]
    for (attribute, value) in attributes {
      GraphObjects.setAttribute(attribute, to: value, of: node)
    }
  }
}
