/// How a ``GraphRenderer`` lays out and renders graphs.
public struct RenderOptions: Sendable, Hashable {
  /// The Graphviz layout engine for full layouts; `"dot"` suits computation graphs.
  public var engine: String
  /// Pixel density of bitmap output relative to Graphviz's 96 dpi; 2 gives crisp slides.
  public var rasterScale: Double
  /// Size budgets for layouts.
  public var limits: LayoutLimits

  /// Creates options; the defaults are the `dot` engine, 2× bitmaps and the default ``LayoutLimits``.
  public init(engine: String = "dot", rasterScale: Double = 2, limits: LayoutLimits = LayoutLimits()) {
    self.engine = engine
    self.rasterScale = rasterScale
    self.limits = limits
  }
}
