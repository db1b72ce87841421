import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SVG produced by Graphviz, parsed as XML into what the tests check.
final class SVGDocument: NSObject, XMLParserDelegate {
  /// One `<g class="node">` or `<g class="edge">` group.
  struct Group {
    var id: String
    var title = ""
    /// Attributes of the first shape (polygon, ellipse, path, polyline) in the group.
    var firstShape: [String: String] = [:]
  }

  private(set) var rootAttributes: [String: String] = [:]
  private(set) var titles: [String] = []
  private(set) var nodes: [Group] = []
  private(set) var edges: [Group] = []
  private(set) var texts: [String] = []
  private(set) var elementNames: Set<String> = []
  /// Values of attributes that point elsewhere (`href`, `xlink:href`, `src`).
  private(set) var references: [String] = []

  private var stack: [String] = []
  private var current: (isNode: Bool, group: Group, depth: Int)?
  private var characters = ""

  /// Parses `data`; throws when it is not well-formed XML.
  init(_ data: Data) throws {
    super.init()
    let parser = XMLParser(data: data)
    parser.delegate = self
    guard parser.parse() else {
      throw parser.parserError ?? CocoaError(.coderReadCorrupt)
    }
  }

  /// The centre of each visible node's first shape, keyed by node name (rounded to 0.01 pt).
  var nodeCentres: [String: [Double]] {
    var result: [String: [Double]] = [:]
    for node in nodes {
      if let centre = Self.centre(of: node.firstShape) { result[node.title] = centre }
    }
    return result
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elementNames.insert(name)
    references += attributes.filter { ["href", "xlink:href", "src"].contains($0.key) }.map(\.value)
    if name == "svg", stack.isEmpty { rootAttributes = attributes }
    if name == "g", let cls = attributes["class"], cls == "node" || cls == "edge" {
      current = (cls == "node", Group(id: attributes["id"] ?? ""), stack.count)
    } else if var active = current, active.group.firstShape.isEmpty,
      ["polygon", "ellipse", "path", "polyline"].contains(name)
    {
      active.group.firstShape = attributes
      active.group.firstShape["element"] = name
      current = active
    }
    stack.append(name)
    characters = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    characters += string
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
    if name == "title" {
      titles.append(characters)
      if var active = current, active.group.title.isEmpty {
        active.group.title = characters
        current = active
      }
    }
    if name == "text" { texts.append(characters) }
    if name == "g", let active = current, active.depth == stack.count {
      if active.isNode { nodes.append(active.group) } else { edges.append(active.group) }
      current = nil
    }
    characters = ""
  }

  private static func centre(of shape: [String: String]) -> [Double]? {
    let numbers: [Double]
    switch shape["element"] {
    case "ellipse":
      guard let x = shape["cx"].flatMap(Double.init), let y = shape["cy"].flatMap(Double.init) else { return nil }
      return [round(x * 100) / 100, round(y * 100) / 100]
    case "polygon", "polyline":
      numbers = (shape["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
    case "path":
      numbers = (shape["d"] ?? "").split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
    default:
      return nil
    }
    let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
    let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
    return [round((minX + maxX) * 50) / 100, round((minY + maxY) * 50) / 100]
  }
}
