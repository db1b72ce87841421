/// The order in which Graphviz's SVG renderer draws a graph's objects, computed from its structure.
///
/// Graphviz (with the default `outputorder`) draws clusters first, then walks the nodes in creation
/// order: each node, then each of its out-edges (which cgraph orders by head node, then by creation),
/// drawing an edge's head node just before the edge if it has not been drawn yet. Every node and edge gets a slot (a comment naming it,
/// even when it is invisible), so the slots of any render of a graph with this structure line up
/// with ``objects``. ``matches(_:in:)`` checks that against the comments Graphviz wrote.
struct EmissionOrder {
  /// What a slot draws.
  enum Object: Equatable {
    /// A node of the frame, by index.
    case node(Int)
    /// An edge of the frame, by index.
    case edge(Int)
    /// A cluster or one of the canvas anchors: the same in every frame.
    case fixed
  }

  /// One entry per slot, in document order.
  let objects: [Object]
  /// The comment Graphviz writes for each slot (`nil` for clusters), before escaping.
  private let names: [String?]

  /// The order for `skeleton` plus the two canvas anchors, after `clusterCount` cluster slots.
  init(_ skeleton: DOTSkeleton, clusterCount: Int) {
    let anchors = [FrameLayout.anchorNames.0, FrameLayout.anchorNames.1]
    let nodeNames = skeleton.nodeNames + anchors
    var outEdges = [[Int]](repeating: [], count: nodeNames.count)
    for (index, edge) in skeleton.edges.enumerated() { outEdges[edge.tail].append(index) }
    // cgraph keeps a node's out-edges ordered by head node, then by creation.
    for node in outEdges.indices where outEdges[node].count > 1 {
      outEdges[node].sort { (skeleton.edges[$0].head, $0) < (skeleton.edges[$1].head, $1) }
    }
    var objects = [Object](repeating: .fixed, count: clusterCount)
    var names = [String?](repeating: nil, count: clusterCount)
    var drawn = [Bool](repeating: false, count: nodeNames.count)
    let isAnchor = { (node: Int) in node >= skeleton.nodeNames.count }
    func draw(_ node: Int) {
      guard !drawn[node] else { return }
      drawn[node] = true
      objects.append(isAnchor(node) ? .fixed : .node(node))
      names.append(nodeNames[node])
    }
    let connector = skeleton.isDirected ? "->" : "--"
    for node in nodeNames.indices {
      draw(node)
      for edge in outEdges[node] {
        let head = skeleton.edges[edge].head
        draw(head)
        objects.append(.edge(edge))
        names.append(nodeNames[node] + connector + nodeNames[head])
      }
    }
    self.objects = objects
    self.names = names
  }

  /// Whether `slots` (cut from `svg`) has one slot per object and each comment names its object.
  func matches(_ slots: SVGSlots, in svg: [UInt8]) -> Bool {
    guard slots.slots.count == objects.count else { return false }
    for (comment, name) in zip(slots.comments, names) {
      switch (comment, name) {
      case (nil, nil): continue
      case (let comment?, let name?):
        guard svg[comment].elementsEqual(Self.escaped(name).utf8) else { return false }
      default: return false
      }
    }
    return true
  }

  /// Text escaped as Graphviz's SVG renderer escapes comments and titles (`xml_string`): markup
  /// characters and quotes become entities (an `&` that already starts an entity is kept), `-`
  /// becomes `&#45;` so no comment contains `--`, and every space after a space becomes `&#160;`.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var previous: Character?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      switch character {
      case "&": result += startsEntity(text[index...]) ? "&" : "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "-": result += "&#45;"
      case " " where previous == " ": result += "&#160;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
      previous = character
      index = text.index(after: index)
    }
    return result
  }

  /// Whether `text` (starting with `&`) starts an entity: `&name;`, `&#123;` or `&#x1f;`.
  private static func startsEntity(_ text: Substring) -> Bool {
    var rest = text.dropFirst()
    if rest.first == "#" {
      rest = rest.dropFirst()
      if rest.first == "x" || rest.first == "X" {
        rest = rest.dropFirst()
        let digits = rest.prefix { $0.isHexDigit }
        return !digits.isEmpty && rest.dropFirst(digits.count).first == ";"
      }
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      return !digits.isEmpty && rest.dropFirst(digits.count).first == ";"
    }
    let letters = rest.prefix { $0.isASCII && $0.isLetter }
    return !letters.isEmpty && rest.dropFirst(letters.count).first == ";"
  }
}
