// A tiny SVG writer: just the shapes the two plots need, with every text escaped.
// The output is a self-contained file (no external fonts, images or stylesheets).
import Foundation
import GraphRender

struct SVGCanvas {
  let width: Double
  let height: Double
  private var body: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Text for SVG (XML) content and attributes: the lecture bundles' HTML escaper, which
  /// turns `& < > " '` into entities and drops the control characters XML forbids.
  static func escaped(_ text: String) -> String {
    DocumentEscaping.html(text)
  }

  /// A number as SVG wants it: at most two decimals, no trailing zeros.
  static func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  private static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
    pairs.map { " \($0.key)=\"\(escaped($0.value))\"" }.joined()
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, extra: KeyValuePairs<String, String> = [:]
  ) {
    body.append(
      "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
        + "height=\"\(Self.number(height))\" fill=\"\(fill)\"\(Self.attributes(extra))/>")
  }

  mutating func line(from a: (Double, Double), to b: (Double, Double), stroke: String, width: Double = 1) {
    body.append(
      "<line x1=\"\(Self.number(a.0))\" y1=\"\(Self.number(a.1))\" x2=\"\(Self.number(b.0))\" "
        + "y2=\"\(Self.number(b.1))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"/>")
  }

  mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double) {
    let coordinates = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
    body.append(
      "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" "
        + "stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
  }

  mutating func circle(center: (Double, Double), radius: Double, fill: String, stroke: String) {
    body.append(
      "<circle cx=\"\(Self.number(center.0))\" cy=\"\(Self.number(center.1))\" r=\"\(Self.number(radius))\" "
        + "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1\"/>")
  }

  enum Anchor: String { case start, middle, end }

  /// Text whose baseline starts, is centred or ends at `at`; `rotated` turns it by −90°
  /// around that point (for a y-axis label).
  mutating func text(
    _ content: String, at p: (Double, Double), size: Double = 12, anchor: Anchor = .start, weight: String = "normal",
    fill: String = "#222", rotated: Bool = false
  ) {
    let transform = rotated ? " transform=\"rotate(-90 \(Self.number(p.0)) \(Self.number(p.1)))\"" : ""
    body.append(
      "<text x=\"\(Self.number(p.0))\" y=\"\(Self.number(p.1))\" font-size=\"\(Self.number(size))\" "
        + "text-anchor=\"\(anchor.rawValue)\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>"
        + Self.escaped(content) + "</text>")
  }

  /// Groups what `draw` adds under shared attributes (e.g. `shape-rendering`).
  mutating func group(_ attributes: KeyValuePairs<String, String>, _ draw: (inout SVGCanvas) -> Void) {
    body.append("<g\(Self.attributes(attributes))>")
    draw(&self)
    body.append("</g>")
  }

  /// The complete document, with a title for screen readers.
  func document(title: String) -> String {
    let w = Self.number(width)
    let h = Self.number(height)
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
      font-family="Helvetica, Arial, sans-serif">
      <title>\(Self.escaped(title))</title>
      <rect width="100%" height="100%" fill="white"/>
      \(body.joined(separator: "\n"))
      </svg>

      """
  }
}
