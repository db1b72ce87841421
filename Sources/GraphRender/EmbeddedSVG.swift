import Foundation

/// A Graphviz SVG document prepared for embedding inside another document (an HTML page or a larger
/// SVG): without its XML prolog, with its size and `viewBox` read from the root element.
///
/// Graphviz writes the same ids (`graph0`, `node1`, `clust1`, `a_…`, and the exporter's node ids
/// such as `v3`) into every frame; ``prefixingIDs(with:)`` makes them unique when several pictures
/// share one document.
struct EmbeddedSVG: Sendable, Equatable {
  /// The `<svg …>…</svg>` element, without the prolog and comments before it.
  var element: String
  /// The root element's width in points (`width="123pt"`), or the `viewBox` width.
  var width: Double
  /// The root element's height in points, or the `viewBox` height.
  var height: Double
  /// The root element's `viewBox` (`"0.00 0.00 123.00 45.00"`).
  var viewBox: String

  /// Reads the SVG document `data`.
  ///
  /// - Throws: ``RenderError/renderFailed(message:)`` when it has no `<svg>` root element.
  init(_ data: Data) throws(RenderError) {
    let text = String(decoding: data, as: UTF8.self)
    guard let open = text.range(of: "<svg"), let close = text.range(of: "</svg>", options: .backwards),
      let tagEnd = text.range(of: ">", range: open.upperBound..<text.endIndex)
    else { throw .renderFailed(message: "Graphviz produced an SVG document without an <svg> element") }
    element = String(text[open.lowerBound..<close.upperBound])
    let tag = text[open.upperBound..<tagEnd.lowerBound]
    let box = Self.attribute("viewBox", in: tag)
    let boxNumbers = box.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
    width = Self.attribute("width", in: tag).flatMap(Self.points) ?? (boxNumbers.count == 4 ? boxNumbers[2] : 0)
    height = Self.attribute("height", in: tag).flatMap(Self.points) ?? (boxNumbers.count == 4 ? boxNumbers[3] : 0)
    viewBox = box ?? "0 0 \(width) \(height)"
  }

  /// The children of the root element: everything between `<svg …>` and `</svg>`.
  var content: Substring {
    guard let tagEnd = element.firstIndex(of: ">"), let close = element.range(of: "</svg>", options: .backwards)
    else { return "" }
    return element[element.index(after: tagEnd)..<close.lowerBound]
  }

  /// A copy whose ids, and the references to them (`url(#…)`, `href="#…"`), start with `prefix`.
  ///
  /// Graphviz escapes `"` in text (`&quot;`), so `id="` can only occur inside a tag.
  func prefixingIDs(with prefix: String) -> EmbeddedSVG {
    var copy = self
    copy.element =
      element
      .replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)")
      .replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
      .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
    return copy
  }

  /// The value of attribute `name` in the text of a start tag.
  private static func attribute(_ name: String, in tag: Substring) -> String? {
    guard let start = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\""),
      let end = tag[start.upperBound...].firstIndex(of: "\"")
    else { return nil }
    return String(tag[start.upperBound..<end])
  }

  /// A length in points: `"123pt"` → 123, `"96px"` → 72, a plain number as is.
  private static func points(_ length: String) -> Double? {
    if length.hasSuffix("pt") { return Double(length.dropLast(2)) }
    if length.hasSuffix("px") { return Double(length.dropLast(2)).map { $0 * 0.75 } }
    return Double(length)
  }
}
