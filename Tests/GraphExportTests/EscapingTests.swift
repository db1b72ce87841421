import Foundation
import GraphExport
import Lucid
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Escaping and numbers")
struct EscapingTests {
  static let hostile = [
    "quote\"d", "back\\slash", "<b>bold</b>", "a & b", "line\nbreak", "{braces}", "∂ünïcødé ∑",
    "<script>alert(1)</script>",
    "\\N\\G\\L", "tab\there", "]; evil [", "-- comment", "\u{7}bell",
  ]

  @Test("HTML escaping turns markup characters into entities")
  func html() {
    #expect(Escaping.html("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
    #expect(Escaping.html("x\ny") == "x<BR/>y")
    #expect(Escaping.html(#"\N"#) == #"\\N"#)
    #expect(Escaping.html("ok ∂") == "ok ∂")
    #expect(Escaping.html("\u{7}") == "\u{FFFD}")
  }

  @Test("DOT quoting keeps backslashes and quotes literal")
  func quoted() {
    #expect(Escaping.quoted("a\"b") == #""a\"b""#)
    #expect(Escaping.quoted(#"\N"#) == #""\\N""#)
    #expect(Escaping.quoted("x\ny") == #""x\ny""#)
  }

  @Test("hostile names come out as text in the DOT", arguments: hostile)
  func hostileNames(name: String) throws {
    let x = Tensor([1, 2], requiresGrad: true, name: name)
    let y = (x * 2).sum().named(name)
    y.backward()
    let dot = GraphExporter().dot(for: y)
    guard dotCommand != nil else { return }
    let result = try renderWithDotCommand(dot)
    #expect(result.ok, "dot rejected the DOT: \(result.output)")
    // No markup from the name becomes an element of the SVG.
    let (texts, elements) = try svgContents(result.output)
    #expect(!elements.contains("script") && !elements.contains("b"))
    // Graphviz writes the name back as SVG text; decoded, it reads as the user wrote it.
    let expected = name.replacingOccurrences(of: "\t", with: " ").unicodeScalars
      .filter { $0.value >= 0x20 || $0 == "\n" }.map(String.init).joined()
    let firstLine = expected.split(separator: "\n").first.map(String.init) ?? expected
    #expect(
      texts.contains { $0.contains(firstLine.trimmingCharacters(in: .whitespaces)) },
      "name \(name.debugDescription) not found in \(texts)")
  }

  @Test(
    "numbers: significant digits and never -0",
    arguments: [
      (0.0, 4, "0"), (-0.0, 4, "0"), (-1e-9, 2, "-1e-09"), (-0.00001, 1, "-1e-05"), (3.14159, 3, "3.14"),
      (1234567.0, 4, "1.235e+06"), (-2.5, 4, "-2.5"), (Double.nan, 4, "nan"), (-Double.infinity, 4, "-inf"),
    ])
  func numbers(value: Double, digits: Int, expected: String) {
    #expect(NumberFormatting.format(value, digits: digits) == expected)
  }

  @Test("a tiny negative gradient rounded for display is not shown as -0")
  func noNegativeZeroInLabels() {
    var options = DOTOptions()
    options.digits = 2
    let x = Tensor([-0.0, -1e-30], dtype: .float64, name: "x")
    let dot = GraphExporter(options: options).dot(for: x)
    #expect(!dot.contains(">-0<"))
    #expect(!dot.contains(">-0.0<"))
  }
}

/// The text content of every `<text>` element of an SVG (entity-decoded by the XML
/// parser), and the names of all its elements.
func svgContents(_ svg: String) throws -> (texts: [String], elements: Set<String>) {
  final class Collector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var elements: Set<String> = []
    var inText = false
    var current = ""
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      elements.insert(name)
      if name == "text" {
        inText = true
        current = ""
      }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inText { current += string }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "text" {
        inText = false
        texts.append(current)
      }
    }
  }
  let parser = XMLParser(data: Data(svg.utf8))
  let collector = Collector()
  parser.delegate = collector
  #expect(parser.parse(), "SVG is not well-formed XML")
  return (collector.texts, collector.elements)
}
