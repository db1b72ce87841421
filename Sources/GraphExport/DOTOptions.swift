/// How a graph is drawn. The defaults look good on a slide.
public struct DOTOptions: Sendable, Hashable {
  /// Which way data flows in the picture.
  public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// Left to right (`rankdir=LR`), like micrograd's `draw_dot`.
    case leftToRight = "lr"
    /// Top to bottom (`rankdir=TB`), like torchviz.
    case topToBottom = "tb"
  }

  /// Left to right by default.
  public var direction: Direction = .leftToRight
  /// Whether value nodes show their data.
  public var showValues = true
  /// Whether value nodes show their gradient.
  public var showGrads = true
  /// Whether value nodes show their shape and dtype.
  public var showShapes = true
  /// Significant digits of every number shown (1…17).
  public var digits = 4
  /// Tensors with at most this many elements (and rank ≤ 2) are drawn as a grid of
  /// numbers; larger ones as a summary (shape, min/max, norm).
  public var maxGridElements = 16
  /// Tensors with more columns than this are drawn as a summary, so nodes stay narrow.
  public var maxGridColumns = 6
  /// Colours.
  public var theme: Theme = .light
  /// The font stack, as Graphviz's `fontname` and the SVG `font-family`. Graphviz sizes
  /// labels with the first family it finds; Liberation Sans (Debian `fonts-liberation`,
  /// installed by `scripts/bootstrap`) has Arial's metrics, so text fits the same in
  /// browsers, in PDF/LaTeX conversions and in Graphviz's own measurements.
  public var fontName = "Arial,Liberation Sans,Helvetica,sans-serif"
  /// The base font size in points.
  public var fontSize = 14.0
  /// Whether to add a legend of node kinds (and of the gradient colour scale).
  public var showLegend = false
  /// Whether value nodes with a gradient are shaded by its magnitude (`‖grad‖`),
  /// on one scale for the whole sequence.
  public var shadeGradients = false

  /// The defaults.
  public init() {}
}
