import CGraphviz
import Foundation

/// Lays out DOT graphs with Graphviz and renders them to pictures.
///
/// A renderer is a small value holding ``RenderOptions``; every call goes through the process's single
/// Graphviz context under one lock, so renderers can be shared and used from any thread (calls are
/// serialised, because Graphviz itself is not thread-safe).
///
/// ```swift
/// let renderer = GraphRenderer()
/// let svg = try renderer.render("digraph { a -> b }", as: .svg)
/// ```
public struct GraphRenderer: Sendable {
  /// How graphs are laid out and rendered.
  public var options: RenderOptions

  /// Creates a renderer with the given options.
  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  /// The output formats this Graphviz installation can produce, by device name.
  public static var availableFormats: [ImageFormat] {
    let devices = (try? GraphvizSession.shared.perform { $0.devices }) ?? []
    return devices.map(ImageFormat.init(rawValue:))
  }

  /// The layout engines this Graphviz installation offers.
  public static var availableEngines: [String] {
    (try? GraphvizSession.shared.perform { $0.layoutEngines }) ?? []
  }

  /// Lays out one DOT graph with ``RenderOptions/engine`` and renders it.
  ///
  /// - Parameters:
  ///   - dot: The graph in the DOT language.
  ///   - format: The output format.
  /// - Returns: The picture's bytes; SVG output is self-contained and has a `viewBox` and a `<title>`.
  /// - Throws: ``RenderError`` for invalid DOT, an unknown engine or format, or a graph over the limits.
  public func render(_ dot: String, as format: ImageFormat) throws(RenderError) -> Data {
    let options = options
    return try GraphvizSession.shared.perform { (graphviz) throws(RenderError) -> Data in
      try graphviz.requireDevice(for: format)
      var handle = try GraphHandle(parsing: dot, in: graphviz)
      try options.limits.check(handle.graph)
      options.limits.capEffort(of: handle.graph)
      if format.isRaster { options.applyRasterDensity(to: handle.graph) }
      try handle.layOut(engine: options.engine, in: graphviz)
      let bytes = try handle.render(as: format, in: graphviz)
      switch format {
      case .svg: return SVGPostProcessor.finish(bytes, graph: handle.graph)
      case .pdf: return PDFPostProcessor.finish(Data(bytes))
      default: return Data(bytes)
      }
    }
  }
}

extension RenderOptions {
  /// Sets `dpi` so bitmaps come out at ``rasterScale`` times Graphviz's 96 dpi.
  func applyRasterDensity(to graph: UnsafeMutablePointer<Agraph_t>) {
    let dpi = 96 * max(rasterScale, 0.1)
    GraphObjects.setAttribute("dpi", to: String(format: "%.0f", dpi), of: graph)
  }
}

extension GraphvizContext {
  /// Throws ``RenderError/unsupportedFormat(name:available:)`` unless the device is installed.
  func requireDevice(for format: ImageFormat) throws(RenderError) {
    guard devices.contains(format.fileExtension) else {
      throw .unsupportedFormat(name: format.rawValue, available: devices)
    }
  }
}
