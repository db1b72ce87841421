import CGraphviz
import Foundation

/// Minimal fixes that make Graphviz's SVG self-contained and slide-friendly.
///
/// Graphviz 2.42 already writes a `viewBox` and a `<title>`; the processor removes the DOCTYPE (an
/// external DTD reference), adds a `viewBox` if a Graphviz version omits it, and replaces the
/// generated title of an anonymous graph (`%17`) with the graph's caption.
enum SVGPostProcessor {
  /// Returns the finished SVG document for `bytes` produced from `graph`.
  ///
  /// Everything it changes sits in the document's head (prolog, `<svg>` tag, first `<title>`), so only
  /// the bytes up to the end of the first `<title>` element are decoded and edited.
  static func finish(_ bytes: [UInt8], graph: UnsafeMutablePointer<Agraph_t>) -> Data {
    let headEnd = endOfHead(in: bytes)
    var head = String(decoding: bytes[..<headEnd], as: UTF8.self)
    removeDoctype(from: &head)
    ensureViewBox(in: &head)
    let name = GraphObjects.name(of: graph)
    if name.hasPrefix("%") || name.isEmpty {
      replaceTitle(name, with: fallbackTitle(for: graph), in: &head)
    }
    var result = Data(head.utf8)
    result.append(contentsOf: bytes[headEnd...])
    return result
  }

  /// The index just past the first `</title>`, or past the first `<svg …>` tag when there is no title
  /// (or the whole document if neither is found).
  private static func endOfHead(in bytes: [UInt8]) -> Int {
    if let title = ByteSearch.firstIndex(of: Array("</title>".utf8), in: bytes[...]) { return title + 8 }
    if let svg = ByteSearch.firstIndex(of: Array("<svg".utf8), in: bytes[...]),
      let close = bytes[svg...].firstIndex(of: UInt8(ascii: ">"))
    {
      return close + 1
    }
    return bytes.count
  }

  private static func removeDoctype(from svg: inout String) {
    guard let start = svg.range(of: "<!DOCTYPE"),
      let end = svg.range(of: ">", range: start.upperBound..<svg.endIndex)
    else { return }
    var upper = end.upperBound
    if upper < svg.endIndex, svg[upper] == "\n" { upper = svg.index(after: upper) }
    svg.removeSubrange(start.lowerBound..<upper)
  }

  private static func ensureViewBox(in svg: inout String) {
    guard let open = svg.range(of: "<svg"),
      let close = svg.range(of: ">", range: open.upperBound..<svg.endIndex)
    else { return }
    let tag = svg[open.lowerBound..<close.lowerBound]
    guard !tag.contains("viewBox="), let width = number(named: "width", in: tag),
      let height = number(named: "height", in: tag)
    else { return }
    svg.insert(contentsOf: " viewBox=\"0 0 \(width) \(height)\"", at: close.lowerBound)
  }

  /// The numeric part of attribute `name` in `tag` (`width="62pt"` → `62`).
  private static func number(named name: String, in tag: Substring) -> String? {
    guard let start = tag.range(of: " \(name)=\"") else { return nil }
    let value = tag[start.upperBound...].prefix { $0.isNumber || $0 == "." }
    return value.isEmpty ? nil : String(value)
  }

  private static func replaceTitle(_ generated: String, with title: String, in svg: inout String) {
    let escaped = escape(title)
    if let range = svg.range(of: "<title>\(escape(generated))</title>") {
      svg.replaceSubrange(range, with: "<title>\(escaped)</title>")
    } else if !svg.contains("<title>"), let open = svg.range(of: "<svg"),
      let close = svg.range(of: ">", range: open.upperBound..<svg.endIndex)
    {
      svg.insert(contentsOf: "\n<title>\(escaped)</title>", at: close.upperBound)
    }
    if let comment = svg.range(of: "<!-- Title: \(generated) ") {
      svg.replaceSubrange(comment, with: "<!-- Title: \(escaped.replacingOccurrences(of: "--", with: "- -")) ")
    }
  }

  /// A title for an anonymous graph: its plain-text caption, or "graph".
  private static func fallbackTitle(for graph: UnsafeMutablePointer<Agraph_t>) -> String {
    guard let caption = Caption(of: graph), !caption.isHTML else { return "graph" }
    let text = caption.text
      .replacingOccurrences(of: "\\n", with: " ")
      .replacingOccurrences(of: "\\l", with: " ")
      .replacingOccurrences(of: "\\r", with: " ")
      .trimmingCharacters(in: .whitespaces)
    return text.isEmpty ? "graph" : text
  }

  private static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }
}
