/// The parts of one frame's DOT text that may change from frame to frame, and everything else
/// reduced to a signature that must not.
///
/// A frame sequence renders fast when its frames differ only in the attribute lists of node and edge
/// statements and in the root graph's `label` (the caption): then every frame is the same statements
/// in the same order, so Graphviz creates the same objects in the same order with the same defaults,
/// and each object's picture depends only on its own attribute lists. The skeleton records, for one
/// frame, where those attribute lists are (``slots``), which object owns each, the nodes and edges in
/// Graphviz's creation order, and a ``signature`` of all the rest. Two frames with equal signatures
/// differ only in their slots and captions.
///
/// The parser is deliberately narrower than Graphviz's: `strict` graphs, edges to or from subgraphs,
/// edge `key`s, node names that are HTML-like, hold backslashes or newlines or start with `%` (cgraph's prefix
/// for anonymous objects), `\G` in anonymous graphs, and
/// HTML-like labels with anchors (whose SVG ids Graphviz numbers per process) are refused, as is
/// anything malformed. A refused frame is simply rendered the slow way.
struct DOTSkeleton: Sendable {
  /// A variable attribute list: the bytes `start..<end` (empty when the statement has none in this
  /// frame; then `start` is where one would go) and the object that owns it.
  struct Slot: Sendable {
    var owner: Int
    var start: Int
    var end: Int
  }

  /// An edge in creation order, with its endpoints as indices into ``nodeNames``.
  struct Edge: Sendable {
    var tail: Int
    var head: Int
    /// The owner of the edge statement's attribute lists.
    var owner: Int
  }

  /// Whether the graph is a `digraph`.
  var isDirected = true
  /// The offset just past the opening `{` of the graph body.
  var bodyStart = 0
  /// Node names in creation order.
  var nodeNames: [String] = []
  /// The owner of each node's attribute lists, by node index.
  var nodeOwners: [Int] = []
  /// Edges in creation order.
  var edges: [Edge] = []
  /// The number of owners: one per node and one per edge statement.
  var ownerCount = 0
  /// Variable attribute lists in text order.
  var slots: [Slot] = []
  /// Byte ranges of the root graph's attribute statements (`graph [...]`, `name = value`).
  var rootGraphStatements: [Range<Int>] = []
  /// The constant part of the text, token by token.
  var signature: [UInt8] = []

  /// An empty skeleton for the parser to fill.
  fileprivate init() {}

  /// Parses `text`; `nil` when it falls outside the subset described above.
  ///
  /// - Parameter identifyingNodes: Whether to work out node identities (``nodeNames``,
  ///   ``nodeOwners``, ``edges`` and each slot's owner). Frames whose signature equals an identified
  ///   frame's have the same objects and owners, so only one frame of a sequence needs it; without
  ///   it every slot's owner is `-1`.
  init?(_ text: UnsafeBufferPointer<UInt8>, identifyingNodes: Bool = true) {
    guard let tokens = DOTTokenizer.tokens(of: text) else { return nil }
    var parser = SkeletonParser(text: text, tokens: tokens, identifyingNodes: identifyingNodes)
    guard parser.parseGraph() else { return nil }
    self = parser.skeleton
  }

  /// Parses the UTF-8 text of `dot`.
  init?(_ dot: String, identifyingNodes: Bool = true) {
    var dot = dot
    guard let skeleton = dot.withUTF8({ DOTSkeleton($0, identifyingNodes: identifyingNodes) }) else { return nil }
    self = skeleton
  }
}

/// The recursive-descent parser behind ``DOTSkeleton``, over the scanner's tokens.
private struct SkeletonParser {
  let text: UnsafeBufferPointer<UInt8>
  let tokens: [DOTToken]
  let identifiesNodes: Bool
  var index = 0
  var skeleton = DOTSkeleton()
  private var nodeIndex: [String: Int] = [:]
  /// Caption bytes, appended to the signature when some cluster would inherit the caption.
  private var captionBytes: [UInt8] = []
  private var hasUnlabelledCluster = false
  private var isAnonymous = true

  /// One open `{ … }` body.
  private struct Scope {
    var isRoot: Bool
    var isCluster: Bool
    var hasOwnLabel = false
  }

  private static let maximumNesting = 64

  init(text: UnsafeBufferPointer<UInt8>, tokens: [DOTToken], identifyingNodes: Bool) {
    self.text = text
    self.tokens = tokens
    self.identifiesNodes = identifyingNodes
    skeleton.signature.reserveCapacity(text.count / 2)
  }

  // MARK: Graph

  mutating func parseGraph() -> Bool {
    guard let first = keyword(at: index) else { return false }
    switch first {
    case "digraph": skeleton.isDirected = true
    case "graph": skeleton.isDirected = false
    default: return false  // `strict` graphs merge edges; leave them to Graphviz.
    }
    sign(index)
    index += 1
    if index < tokens.count, !isSymbol(index, "{") {
      guard keyword(at: index) == nil, let end = identifierEnd(from: index) else { return false }
      signRange(index..<end)
      // A name starting with `%` is one of cgraph's anonymous names.
      isAnonymous = identifierValue(index..<end)?.hasPrefix("%") ?? true
      index = end
    }
    guard isSymbol(index, "{") else { return false }
    sign(index)
    index += 1
    skeleton.bodyStart = tokens[index - 1].end
    var scopes = [Scope(isRoot: true, isCluster: false)]
    while !scopes.isEmpty {
      guard index < tokens.count else { return false }
      if isSymbol(index, "}") {
        sign(index)
        index += 1
        let closed = scopes.removeLast()
        if closed.isCluster, !closed.hasOwnLabel { hasUnlabelledCluster = true }
        // An edge from a subgraph (`{a b} -> c`) makes edges in bulk; not supported.
        if !scopes.isEmpty, index < tokens.count, tokens[index].kind == .edgeOperator { return false }
        continue
      }
      if isSymbol(index, ";") {
        sign(index)
        index += 1
        continue
      }
      guard parseStatement(&scopes) else { return false }
    }
    guard index == tokens.count else { return false }
    if hasUnlabelledCluster {
      skeleton.signature += captionBytes
    }
    if isAnonymous, contains(Array("\\G".utf8)) { return false }
    if containsHTMLAnchor() { return false }
    return true
  }

  private mutating func parseStatement(_ scopes: inout [Scope]) -> Bool {
    let isRoot = scopes.count == 1
    if let word = keyword(at: index) {
      switch word {
      case "graph", "node", "edge":
        let start = tokens[index].start
        sign(index)
        index += 1
        guard isSymbol(index, "[") else { return false }
        let captionScope = word == "graph" && isRoot
        guard let hasLabel = parseConstantAttributeLists(captionScope: captionScope) else { return false }
        if word == "graph" {
          if isRoot {
            skeleton.rootGraphStatements.append(start..<tokens[index - 1].end)
          } else if hasLabel {
            scopes[scopes.count - 1].hasOwnLabel = true
          }
        }
        return true
      case "subgraph":
        sign(index)
        index += 1
        var name = ""
        if !isSymbol(index, "{") {
          guard keyword(at: index) == nil, let end = identifierEnd(from: index) else { return false }
          if let value = identifierValue(index..<end) { name = value }
          signRange(index..<end)
          index = end
        }
        return openScope(&scopes, isCluster: name.hasPrefix("cluster"))
      default:
        return false
      }
    }
    if isSymbol(index, "{") { return openScope(&scopes, isCluster: false) }
    guard let end = identifierEnd(from: index) else { return false }
    if isSymbol(end, "=") {
      return parseAssignment(from: index, keyEnd: end, scope: &scopes[scopes.count - 1])
    }
    return parseNodeOrEdge()
  }

  private mutating func openScope(_ scopes: inout [Scope], isCluster: Bool) -> Bool {
    guard isSymbol(index, "{"), scopes.count < Self.maximumNesting else { return false }
    sign(index)
    index += 1
    scopes.append(Scope(isRoot: false, isCluster: isCluster))
    return true
  }

  /// `key = value` as a statement: a graph attribute of the enclosing (sub)graph.
  private mutating func parseAssignment(from start: Int, keyEnd: Int, scope: inout Scope) -> Bool {
    let valueStart = keyEnd + 1
    guard let valueEnd = identifierEnd(from: valueStart) else { return false }
    signRange(start..<valueStart)
    if isIdentifier(start..<keyEnd, equalTo: "label") {
      if scope.isRoot {
        captionBytes += bytes(of: valueStart..<valueEnd)
        skeleton.signature.append(2)
      } else {
        scope.hasOwnLabel = true
        signRange(valueStart..<valueEnd)
      }
    } else {
      signRange(valueStart..<valueEnd)
    }
    if scope.isRoot {
      skeleton.rootGraphStatements.append(tokens[start].start..<tokens[valueEnd - 1].end)
    }
    index = valueEnd
    return true
  }

  /// A node statement or an edge chain, with its attribute lists as one slot.
  private mutating func parseNodeOrEdge() -> Bool {
    guard let first = parseNodeID() else { return false }
    var endpoints = [first]
    while index < tokens.count, tokens[index].kind == .edgeOperator {
      let isArrow = text[tokens[index].start + 1] == UInt8(ascii: ">")
      guard isArrow == skeleton.isDirected else { return false }
      sign(index)
      index += 1
      guard keyword(at: index) == nil, let node = parseNodeID() else { return false }
      endpoints.append(node)
    }
    let owner: Int
    if !identifiesNodes {
      owner = -1
    } else if endpoints.count == 1 {
      owner = skeleton.nodeOwners[first]
    } else {
      owner = skeleton.ownerCount
      skeleton.ownerCount += 1
      for pair in zip(endpoints, endpoints.dropFirst()) {
        skeleton.edges.append(DOTSkeleton.Edge(tail: pair.0, head: pair.1, owner: owner))
      }
    }
    let slotStart = tokens[index - 1].end
    if isSymbol(index, "[") {
      guard parseVariableAttributeLists(isEdge: endpoints.count > 1) else { return false }
    }
    let slotEnd = tokens[index - 1].end
    skeleton.slots.append(DOTSkeleton.Slot(owner: owner, start: slotStart, end: slotEnd))
    skeleton.signature.append(1)
    return true
  }

  /// `name`, `name:port` or `name:port:compass`; creates the node on first mention.
  private mutating func parseNodeID() -> Int? {
    guard let end = identifierEnd(from: index), tokens[index].kind != .html else { return nil }
    let nameTokens = index..<end
    for position in nameTokens {
      let bytes = text[tokens[position].start..<tokens[position].end]
      // Backslashes and newlines: leave cgraph's escape and line handling to cgraph.
      if bytes.contains(0x5C) || bytes.contains(0x0A) { return nil }
    }
    signRange(nameTokens)
    index = end
    for _ in 0..<2 where isSymbol(index, ":") {
      sign(index)
      index += 1
      guard let portEnd = identifierEnd(from: index) else { return nil }
      signRange(index..<portEnd)
      index = portEnd
    }
    // cgraph gives every mention of a name starting with `%` its own anonymous object.
    let first = tokens[nameTokens.lowerBound]
    let firstByte = text[first.kind == .quoted ? first.start + 1 : first.start]
    guard firstByte != UInt8(ascii: "%") else { return nil }
    guard identifiesNodes else { return 0 }
    guard let name = identifierValue(nameTokens) else { return nil }
    if let known = nodeIndex[name] { return known }
    let node = skeleton.nodeNames.count
    nodeIndex[name] = node
    skeleton.nodeNames.append(name)
    skeleton.nodeOwners.append(skeleton.ownerCount)
    skeleton.ownerCount += 1
    return node
  }

  // MARK: Attribute lists

  /// Signed attribute lists; root `graph` lists leave their `label` out of the signature.
  /// Returns whether a `label` was set, or `nil` on a syntax error.
  private mutating func parseConstantAttributeLists(captionScope: Bool) -> Bool? {
    var hasLabel = false
    while isSymbol(index, "[") {
      sign(index)
      index += 1
      while !isSymbol(index, "]") {
        guard let keyEnd = identifierEnd(from: index), isSymbol(keyEnd, "="),
          let valueEnd = identifierEnd(from: keyEnd + 1)
        else { return nil }
        signRange(index..<keyEnd + 1)
        if isIdentifier(index..<keyEnd, equalTo: "label") {
          hasLabel = true
          if captionScope {
            captionBytes += bytes(of: keyEnd + 1..<valueEnd)
            skeleton.signature.append(2)
          } else {
            signRange(keyEnd + 1..<valueEnd)
          }
        } else {
          signRange(keyEnd + 1..<valueEnd)
        }
        index = valueEnd
        if isSymbol(index, ",") || isSymbol(index, ";") {
          sign(index)
          index += 1
        }
      }
      sign(index)
      index += 1
    }
    return hasLabel
  }

  /// Skips attribute lists that are a slot, checking their syntax; edges may not set `key`.
  private mutating func parseVariableAttributeLists(isEdge: Bool) -> Bool {
    while isSymbol(index, "[") {
      index += 1
      while !isSymbol(index, "]") {
        guard let keyEnd = identifierEnd(from: index), isSymbol(keyEnd, "="),
          let valueEnd = identifierEnd(from: keyEnd + 1)
        else { return false }
        if isEdge, isIdentifier(index..<keyEnd, equalTo: "key") { return false }
        index = valueEnd
        if isSymbol(index, ",") || isSymbol(index, ";") { index += 1 }
      }
      index += 1
    }
    return true
  }

  // MARK: Identifiers

  /// The end of the identifier starting at token `start`: one name, numeral or HTML string, or
  /// quoted strings joined with `+`.
  private func identifierEnd(from start: Int) -> Int? {
    guard start < tokens.count else { return nil }
    switch tokens[start].kind {
    case .name, .numeral, .html:
      return start + 1
    case .quoted:
      var end = start + 1
      while isSymbol(end, "+") {
        guard end + 1 < tokens.count, tokens[end + 1].kind == .quoted else { return nil }
        end += 2
      }
      return end
    case .edgeOperator, .symbol:
      return nil
    }
  }

  /// The value Graphviz gives an identifier: quotes removed, `\"` unescaped and escaped newlines
  /// dropped, concatenations joined. (cgraph also drops a raw newline that is a quoted string's
  /// whole content; node names with newlines are refused before this matters.) HTML strings keep their text without the brackets.
  private func identifierValue(_ range: Range<Int>) -> String? {
    var value: [UInt8] = []
    for position in range {
      let token = tokens[position]
      switch token.kind {
      case .name, .numeral:
        value += bytes(of: position..<position + 1)
      case .html:
        value += text[token.start + 1..<token.end - 1]
      case .quoted:
        var cursor = token.start + 1
        while cursor < token.end - 1 {
          let byte = text[cursor]
          if byte == UInt8(ascii: "\\"), cursor + 1 < token.end - 1 {
            let next = text[cursor + 1]
            if next == UInt8(ascii: "\"") {
              value.append(next)
              cursor += 2
              continue
            }
            if next == 0x0A {
              cursor += 2
              continue
            }
          }
          value.append(byte)
          cursor += 1
        }
      case .symbol:
        continue  // `+`
      case .edgeOperator:
        return nil
      }
    }
    return String(validating: value, as: UTF8.self)
  }

  /// The unquoted keyword at token `position`, lowercased, or `nil` if it is not a keyword.
  private func keyword(at position: Int) -> String? {
    guard position < tokens.count, tokens[position].kind == .name else { return nil }
    let token = tokens[position]
    let length = token.end - token.start
    guard length >= 4, length <= 8 else { return nil }
    for word in ["graph", "digraph", "node", "edge", "subgraph", "strict"] where word.utf8.count == length {
      if zip(text[token.start..<token.end], word.utf8).allSatisfy({ $0 | 0x20 == $1 }) { return word }
    }
    return nil
  }

  /// Whether the identifier in `range` has the value `word` (an ASCII word), without allocating.
  private func isIdentifier(_ range: Range<Int>, equalTo word: StaticString) -> Bool {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard range.count == 1 else { return identifierValue(range).map { $0.utf8.elementsEqual(expected) } ?? false }
    let token = tokens[range.lowerBound]
    switch token.kind {
    case .name:
      return text[token.start..<token.end].elementsEqual(expected)
    case .quoted, .html:
      let inner = text[token.start + 1..<token.end - 1]
      if inner.contains(0x5C) { return identifierValue(range).map { $0.utf8.elementsEqual(expected) } ?? false }
      return inner.elementsEqual(expected)
    default:
      return false
    }
  }

  private func isSymbol(_ position: Int, _ symbol: Unicode.Scalar) -> Bool {
    guard position < tokens.count, tokens[position].kind == .symbol else { return false }
    return text[tokens[position].start] == UInt8(truncatingIfNeeded: symbol.value)
  }

  // MARK: Signature

  private func bytes(of range: Range<Int>) -> [UInt8] {
    guard let first = range.first else { return [] }
    return Array(text[tokens[first].start..<tokens[range.upperBound - 1].end])
  }

  private mutating func sign(_ position: Int) {
    let token = tokens[position]
    skeleton.signature.append(contentsOf: text[token.start..<token.end])
    skeleton.signature.append(0)
  }

  private mutating func signRange(_ range: Range<Int>) {
    for position in range { sign(position) }
  }

  // MARK: Refusals

  private func contains(_ needle: [UInt8]) -> Bool {
    guard needle.count <= text.count else { return false }
    var position = 0
    while position + needle.count <= text.count {
      if text[position] == needle[0], text[position..<position + needle.count].elementsEqual(needle) { return true }
      position += 1
    }
    return false
  }

  /// Whether an HTML-like string has an anchor attribute: Graphviz numbers the SVG ids of such
  /// anchors with a counter that lives for the whole process, so they can't be reused across renders.
  private func containsHTMLAnchor() -> Bool {
    let attributes = ["href", "url", "tooltip", "title", "target", "id"].map { Array($0.utf8) }
    for token in tokens where token.kind == .html {
      var position = token.start
      while position < token.end {
        let byte = text[position]
        if byte == UInt8(ascii: "=") {
          // Look back over the attribute name.
          var start = position
          while start > token.start, DOTTokenizer.isLetter(text[start - 1]) { start -= 1 }
          let name = text[start..<position].map { $0 | 0x20 }
          if attributes.contains(name) { return true }
        }
        position += 1
      }
    }
    return false
  }
}
