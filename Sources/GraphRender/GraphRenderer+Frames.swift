import CGraphviz
import Foundation

extension GraphRenderer {
  /// Lays out a frame sequence once, for drawing every frame at the same positions.
  ///
  /// All frames must declare the same nodes and the same edges in the same order; they may differ in
  /// label text, styling (colours, `style` including `invis`, pen widths, fonts' colours) and the graph
  /// caption (graph-level `label`). One frame is laid out with ``RenderOptions/engine``; every frame is
  /// parsed once to check its structure and to measure its caption, so that the canvas has room for
  /// the widest caption and the nodes never move.
  ///
  /// - Parameters:
  ///   - frames: The frames' DOT texts.
  ///   - layoutFrame: The frame to lay out; by default the last, which has the largest labels.
  ///     Labels of other frames must fit the node sizes of this frame.
  /// - Returns: The layout to pass to ``renderFrame(_:using:as:)``.
  /// - Throws: ``RenderError`` for an empty sequence, invalid DOT in any frame, a frame whose
  ///   structure differs, an unknown engine or a graph over the limits.
  public func prepareLayout(for frames: [String], layoutFrame: Int? = nil) throws(RenderError) -> FrameLayout {
    guard !frames.isEmpty else { throw .invalidArgument("a frame sequence needs at least one frame") }
    let index = layoutFrame ?? frames.count - 1
    guard frames.indices.contains(index) else {
      throw .invalidArgument("layout frame \(index) is outside the sequence of \(frames.count) frames")
    }
    let options = options
    return try GraphvizSession.shared.perform { (graphviz) throws(RenderError) -> FrameLayout in
      try FrameLayout.make(frames: frames, layoutIndex: index, options: options, in: graphviz)
    }
  }

  /// Renders one frame with a shared layout: no full layout, only Graphviz's cheap `nop2` pass.
  ///
  /// - Parameters:
  ///   - dot: The frame's DOT text, with the structure `layout` was prepared for.
  ///   - layout: The shared layout.
  ///   - format: The output format.
  /// - Returns: The picture's bytes.
  /// - Throws: ``RenderError/frameMismatch(frame:reason:)`` when the frame's structure differs or its
  ///   caption is wider than the frames the layout was prepared for, and the errors of
  ///   ``render(_:as:)``.
  public func renderFrame(_ dot: String, using layout: FrameLayout, as format: ImageFormat) throws(RenderError) -> Data
  {
    let options = options
    return try GraphvizSession.shared.perform { (graphviz) throws(RenderError) -> Data in
      try graphviz.requireDevice(for: format)
      var handle = try GraphHandle(parsing: dot, in: graphviz)
      let captionSize = try layout.captionSize(of: handle.graph, in: graphviz)
      try layout.pin(handle.graph, caption: captionSize)
      if format.isRaster { options.applyRasterDensity(to: handle.graph) }
      try handle.layOut(engine: "nop2", in: graphviz)
      let bytes = try handle.render(as: format, in: graphviz)
      switch format {
      case .svg: return SVGPostProcessor.finish(bytes, graph: handle.graph)
      case .pdf: return PDFPostProcessor.finish(Data(bytes))
      default: return Data(bytes)
      }
    }
  }

  /// Renders every frame of a sequence with a shared layout.
  ///
  /// SVG sequences take a faster path when the frames differ only in the attribute lists of their
  /// node and edge statements and in the graph's caption, as the exporter's frames do: each distinct
  /// look of each node and edge is drawn once, by Graphviz, and every frame is assembled from those
  /// drawings plus its own caption. The result is byte for byte what ``renderFrame(_:using:as:)``
  /// returns for each frame; sequences outside that shape are rendered frame by frame.
  ///
  /// - Parameters:
  ///   - frames: The frames' DOT texts, with the structure `layout` was prepared for.
  ///   - layout: The shared layout.
  ///   - format: The output format.
  /// - Returns: One picture per frame, in order.
  /// - Throws: The errors of ``renderFrame(_:using:as:)``, naming the frame.
  public func renderFrames(_ frames: [String], using layout: FrameLayout, as format: ImageFormat) throws(RenderError)
    -> [Data]
  {
    if format == .svg, let pictures = FrameAtlas.render(frames, using: layout) { return pictures }
    var pictures: [Data] = []
    pictures.reserveCapacity(frames.count)
    for (index, frame) in frames.enumerated() {
      do throws(RenderError) {
        pictures.append(try renderFrame(frame, using: layout, as: format))
      } catch {
        throw error.inFrame(index)
      }
    }
    return pictures
  }

  /// Lays out a frame sequence once and renders every frame with that layout.
  ///
  /// Equivalent to ``prepareLayout(for:layoutFrame:)`` followed by ``renderFrames(_:using:as:)``.
  ///
  /// - Returns: One picture per frame, in order.
  public func renderFrames(_ frames: [String], as format: ImageFormat, layoutFrame: Int? = nil) throws(RenderError)
    -> [Data]
  {
    let layout = try prepareLayout(for: frames, layoutFrame: layoutFrame)
    return try renderFrames(frames, using: layout, as: format)
  }
}

extension FrameLayout {
  /// The padded size of the caption of `graph`, measured now if it was not seen while preparing.
  func captionSize(
    of graph: UnsafeMutablePointer<Agraph_t>, in context: borrowing GraphvizContext
  ) throws(RenderError) -> LayoutSize? {
    guard let caption = Caption(of: graph) else { return nil }
    if let size = captionSizes[caption] { return size }
    let size = try caption.measure(in: context)
    if size.width > canvas.width + 0.5 {
      throw .frameMismatch(
        frame: nil,
        reason: "its caption is wider than every caption the layout was prepared for;"
          + " include the frame when preparing the layout")
    }
    return size
  }
}
