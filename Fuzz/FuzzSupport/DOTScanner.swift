/// A small lexer for the DOT that ``GraphExport`` writes, strict enough to catch user text that
/// escaped its quotes or its HTML-like label.
public enum DOTScanner {
  /// The node and edge statements of a graph.
  public struct Structure: Hashable, Sendable {
    /// The ids of node statements, e.g. `v3`, `op4`.
    public var nodes: Set<String> = []
    /// Edges as `"tail -> head"`.
    public var edges: Set<String> = []
  }

  /// The node and edge statements, read line by line (every statement is one line).
  public static func structure(of dot: String) -> Structure {
    var structure = Structure()
    for line in dot.split(separator: "\n") {
      let words = line.split(separator: " ", maxSplits: 3)
      guard let first = words.first, first.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
        first != "graph", first != "node", first != "edge", first != "digraph", first != "subgraph"
      else { continue }
      if words.count >= 3, words[1] == "->" {
        structure.edges.insert("\(first) -> \(words[2])")
      } else if words.count >= 2, words[1].hasPrefix("[") {
        structure.nodes.insert(String(first))
      }
    }
    return structure
  }

  /// The tags Graphviz allows in HTML-like labels.
  static let tags: Set<String> = [
    "TABLE", "TR", "TD", "B", "I", "U", "O", "S", "SUB", "SUP", "FONT", "BR", "HR", "VR", "IMG",
  ]

  /// Problems with quoting: an unterminated string or label, a raw newline inside one, markup or a
  /// bare `&` that is not Graphviz's own inside an HTML-like label.
  public static func lexicalProblems(in dot: String) -> [String] {
    let s = Array(dot.unicodeScalars)
    var problems: [String] = []
    var i = 0
    while i < s.count {
      switch s[i] {
      case "\"":
        var j = i + 1
        while j < s.count && s[j] != "\"" {
          if s[j] == "\n" { problems.append("a quoted string at offset \(i) spans a line break") }
          j += s[j] == "\\" ? 2 : 1
        }
        if j >= s.count { return problems + ["a quoted string at offset \(i) is never closed"] }
        i = j + 1
      case "<":
        var depth = 0
        var j = i
        repeat {
          if s[j] == "<" { depth += 1 } else if s[j] == ">" { depth -= 1 }
          if s[j] == "\n" { problems.append("an HTML-like label at offset \(i) spans a line break") }
          j += 1
        } while j < s.count && depth > 0
        if depth > 0 { return problems + ["an HTML-like label at offset \(i) is never closed"] }
        problems += htmlProblems(Array(s[(i + 1)..<(j - 1)]), at: i)
        i = j
      default:
        i += 1
      }
    }
    return problems
  }

  private static func htmlProblems(_ s: [Unicode.Scalar], at offset: Int) -> [String] {
    var problems: [String] = []
    var i = 0
    while i < s.count {
      if s[i] == "<" {
        guard let end = s[i...].firstIndex(of: ">") else { return ["label at \(offset): '<' without '>'"] }
        let tag = String(String.UnicodeScalarView(s[(i + 1)..<end]))
        if !isTag(tag) { problems.append("label at \(offset): unexpected markup <\(tag)>") }
        i = end + 1
      } else if s[i] == ">" {
        problems.append("label at \(offset): a bare '>'")
        i += 1
      } else if s[i] == "&" {
        guard let end = s[i...].prefix(10).firstIndex(of: ";") else {
          problems.append("label at \(offset): a bare '&'")
          i += 1
          continue
        }
        let entity = String(String.UnicodeScalarView(s[(i + 1)..<end]))
        let numeric = entity.hasPrefix("#") && entity.dropFirst().allSatisfy { $0.isNumber } && entity.count > 1
        if !(["amp", "lt", "gt", "quot", "apos"].contains(entity) || numeric) {
          problems.append("label at \(offset): unknown entity &\(entity);")
        }
        i = end + 1
      } else {
        i += 1
      }
    }
    return problems
  }

  /// `NAME ATTR="v" ...`, `/NAME` or `NAME/`, with a known tag name and quoted attribute values
  /// free of markup.
  private static func isTag(_ text: String) -> Bool {
    var body = Substring(text)
    if body.hasPrefix("/") { body = body.dropFirst() }
    if body.hasSuffix("/") { body = body.dropLast() }
    let name = body.prefix { $0.isLetter }
    guard tags.contains(String(name)) else { return false }
    var rest = body.dropFirst(name.count)
    while !rest.isEmpty {
      rest = rest.drop { $0 == " " }
      if rest.isEmpty { break }
      let attribute = rest.prefix { $0.isLetter || $0 == "-" }
      guard !attribute.isEmpty else { return false }
      rest = rest.dropFirst(attribute.count)
      guard rest.hasPrefix("=\"") else { return false }
      rest = rest.dropFirst(2)
      guard let close = rest.firstIndex(of: "\"") else { return false }
      if rest[..<close].contains(where: { $0 == "<" || $0 == ">" }) { return false }
      rest = rest[rest.index(after: close)...]
    }
    return true
  }
}
