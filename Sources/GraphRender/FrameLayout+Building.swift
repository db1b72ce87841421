import CGraphviz

extension FrameLayout {
  /// Label attributes and the attribute Graphviz stores each label's position in.
  static let labelPositionAttributes = [
    ("label", "lp"), ("xlabel", "xlp"), ("headlabel", "head_lp"), ("taillabel", "tail_lp"),
  ]

  /// Lays out `frames[layoutIndex]` with the full engine and measures the captions of all frames.
  static func make(
    frames: [String], layoutIndex: Int, options: RenderOptions, in context: borrowing GraphvizContext
  ) throws(RenderError) -> FrameLayout {
    let handle: GraphHandle
    do throws(RenderError) {
      handle = try layOut(frames[layoutIndex], options: options, in: context)
    } catch {
      throw error.inFrame(layoutIndex)
    }
    let graph = handle.graph
    let placement = CaptionPlacement(of: graph)

    let nodeList = GraphObjects.nodes(of: graph)
    let edgeList = GraphObjects.edges(of: graph, nodes: nodeList)
    let structure = GraphStructure(nodes: nodeList, edges: edgeList)
    let nodes = nodeList.map { node in
      pinned(node, always: ["pos", "width", "height"], extra: [("fixedsize", "true")])
    }
    let edges = edgeList.map { pinned($0, always: ["pos"]) }
    let clusters = GraphObjects.clusters(of: graph).map { cluster in
      (name: GraphObjects.name(of: cluster), attributes: pinned(cluster, always: ["bb"]))
    }
    guard let drawing = LayoutBox(graphviz: GraphObjects.attribute("bb", of: graph) ?? "") else {
      throw .layoutFailed(message: "Graphviz returned no bounding box")
    }
    // Frames the atlas can parse share the layout frame's structure by construction, and their
    // captions can be measured from a graph holding only the root graph's attributes.
    let sequence = ParsedSequence(frames, template: layoutIndex)
    let captions: [Caption: LayoutSize]
    if let sequence {
      captions = try captionSizes(of: sequence, in: context)
    } else {
      captions = try captionSizes(frames: frames, structure: structure, in: context)
    }
    let band = captions.values.reduce(LayoutSize.zero) {
      LayoutSize(width: max($0.width, $1.width), height: max($0.height, $1.height))
    }
    let provisional = FrameLayout(
      layoutFrameIndex: layoutIndex, structure: structure, nodes: nodes, edges: edges,
      clusters: clusters, drawing: drawing,
      canvas: canvas(around: drawing, band: band, atTop: placement.atTop),
      captionPlacement: placement, captionSizes: captions, sequence: sequence)
    // `nop2` bounds edges by their splines' control points, which may reach past `dot`'s box: draw
    // the layout frame once and widen the canvas to what Graphviz will actually use, so that the
    // canvas anchors, not the content, fix every frame's size.
    let used: LayoutBox
    do throws(RenderError) {
      used = try provisional.usedBox(drawing: frames[layoutIndex], in: context)
    } catch {
      throw error.inFrame(layoutIndex)
    }
    return FrameLayout(
      layoutFrameIndex: layoutIndex, structure: structure, nodes: nodes, edges: edges,
      clusters: clusters, drawing: drawing, canvas: provisional.canvas.union(used),
      captionPlacement: placement, captionSizes: captions, sequence: sequence)
  }

  /// The bounding box `nop2` gives `dot` drawn with this layout.
  private func usedBox(drawing dot: String, in context: borrowing GraphvizContext) throws(RenderError) -> LayoutBox {
    var handle = try GraphHandle(parsing: dot, in: context)
    try pin(handle.graph, caption: try captionSize(of: handle.graph, in: context))
    try handle.layOut(engine: "nop2", in: context)
    var box = LayoutBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
    lucid_graph_bb(handle.graph, &box.minX, &box.minY, &box.maxX, &box.maxY)
    return box
  }

  /// Parses and lays out one frame without its caption, with geometry written back as attributes.
  private static func layOut(
    _ dot: String, options: RenderOptions, in context: borrowing GraphvizContext
  ) throws(RenderError) -> GraphHandle {
    var handle = try GraphHandle(parsing: dot, in: context)
    try options.limits.check(handle.graph)
    options.limits.capEffort(of: handle.graph)
    // Lay out without the caption: the canvas gets a caption band sized for all frames instead.
    if Caption(of: handle.graph) != nil { GraphObjects.setAttribute("label", to: "", of: handle.graph) }
    try handle.layOut(engine: options.engine, in: context)
    // Rendering to "dot" makes Graphviz write pos, width, height, lp and bb back as attributes.
    _ = try handle.render(as: ImageFormat(rawValue: "dot"), in: context)
    return handle
  }

  /// Parses every frame once: checks its structure and collects and measures the distinct captions.
  private static func captionSizes(
    frames: [String], structure: GraphStructure, in context: borrowing GraphvizContext
  ) throws(RenderError) -> [Caption: LayoutSize] {
    var sizes: [Caption: LayoutSize] = [:]
    for (index, dot) in frames.enumerated() {
      let handle: GraphHandle
      do throws(RenderError) {
        handle = try GraphHandle(parsing: dot, in: context)
      } catch {
        throw error.inFrame(index)
      }
      let nodes = GraphObjects.nodes(of: handle.graph)
      let frameStructure = GraphStructure(
        nodes: nodes, edges: GraphObjects.edges(of: handle.graph, nodes: nodes))
      if let reason = structure.difference(from: frameStructure) {
        throw .frameMismatch(frame: index, reason: reason)
      }
      if let caption = Caption(of: handle.graph), sizes[caption] == nil {
        sizes[caption] = try caption.measure(in: context)
      }
    }
    return sizes
  }

  /// Measures the distinct captions of a parsed sequence.
  private static func captionSizes(
    of sequence: ParsedSequence, in context: borrowing GraphvizContext
  ) throws(RenderError) -> [Caption: LayoutSize] {
    var sizes: [Caption: LayoutSize] = [:]
    for index in sequence.frames.indices {
      let handle: GraphHandle
      do throws(RenderError) {
        handle = try GraphHandle(parsing: sequence.captionGraph(index), in: context)
      } catch {
        throw error.inFrame(index)
      }
      if let caption = Caption(of: handle.graph), sizes[caption] == nil {
        sizes[caption] = try caption.measure(in: context)
      }
    }
    return sizes
  }

  /// The drawing extended by a band for captions of size `band`, centred horizontally.
  private static func canvas(around drawing: LayoutBox, band: LayoutSize, atTop: Bool) -> LayoutBox {
    guard band.height > 0 else { return drawing }
    var canvas = drawing
    let extra = max(0, band.width - drawing.width) / 2
    canvas.minX -= extra
    canvas.maxX += extra
    if atTop { canvas.maxY += band.height } else { canvas.minY -= band.height }
    return canvas
  }

  /// Reads the geometry attributes of a laid-out object.
  private static func pinned(
    _ object: UnsafeMutableRawPointer, always names: [String], extra: [(String, String)] = []
  ) -> PinnedAttributes {
    var result = PinnedAttributes()
    for name in names {
      if let value = GraphObjects.attribute(name, of: object), !value.isEmpty {
        result.always.append((name, value))
      }
    }
    result.always += extra.map { (name: $0.0, value: $0.1) }
    for (label, position) in labelPositionAttributes {
      if let value = GraphObjects.attribute(position, of: object), !value.isEmpty {
        result.labelPositions.append((label, position, value))
      }
    }
    return result
  }
}

extension RenderError {
  /// The error with the frame index added where the error names a frame.
  func inFrame(_ index: Int) -> RenderError {
    switch self {
    case .invalidDOT(let message): return .invalidDOT(message: "frame \(index): \(message)")
    case .frameMismatch(_, let reason): return .frameMismatch(frame: index, reason: reason)
    default: return self
    }
  }
}
