/// Graphviz's SVG for one graph, cut where one object's drawing ends and the next one's begins.
///
/// Inside the graph's top-level `<g>` Graphviz writes the title, the background and the graph's own
/// label (the *preamble*), then one group per cluster, then for every node and edge a comment naming
/// it, followed by its group unless it is invisible. Each cluster group, and each comment with the
/// group after it, is a *slot*; the closing `</g></svg>` is the *tail*. Anything else found among the
/// slots makes the cut fail, so callers only splice documents they understand.
struct SVGSlots {
  /// Where the preamble ends and the first slot begins.
  var firstSlot: Int
  /// The byte range of every slot, in document order; they tile `firstSlot..<tail`.
  var slots: [Range<Int>]
  /// For each slot, the byte range of its comment's text, or `nil` for a cluster.
  var comments: [Range<Int>?]
  /// Where the top-level group closes.
  var tail: Int
  /// How many of the leading slots are clusters.
  var clusterCount: Int

  /// Cuts `svg`; `nil` when it does not have the expected shape.
  init?(_ svg: [UInt8]) {
    guard let slots = svg.withUnsafeBufferPointer({ SVGSlots.cut($0) }) else { return nil }
    self = slots
  }

  private init(firstSlot: Int, slots: [Range<Int>], comments: [Range<Int>?], tail: Int, clusterCount: Int) {
    self.firstSlot = firstSlot
    self.slots = slots
    self.comments = comments
    self.tail = tail
    self.clusterCount = clusterCount
  }

  private static func cut(_ svg: UnsafeBufferPointer<UInt8>) -> SVGSlots? {
    let scanner = Scanner(svg: svg)
    guard let svgTag = scanner.find("<svg", from: 0), let graph = scanner.find("<g", from: svgTag),
      let title = scanner.find("</title>", from: graph)
    else { return nil }
    var position = title + 8
    var starts: [Int] = []
    var comments: [Range<Int>?] = []
    var clusterCount = 0
    var previousWasComment = false
    while true {
      guard let open = scanner.find("<", from: position) else { return nil }
      if scanner.matches("</g>", at: open) {
        // Only the document's end may follow (no second page, no layer after the graph).
        let rest = svg[(open + 4)...].filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D }
        guard !starts.isEmpty, rest.elementsEqual("</svg>".utf8) else { return nil }
        var slots: [Range<Int>] = []
        slots.reserveCapacity(starts.count)
        for (index, start) in starts.enumerated() {
          slots.append(start..<(index + 1 < starts.count ? starts[index + 1] : open))
        }
        return SVGSlots(
          firstSlot: starts[0], slots: slots, comments: comments, tail: open, clusterCount: clusterCount)
      }
      if scanner.matches("<!--", at: open) {
        guard let close = scanner.find("-->", from: open + 4) else { return nil }
        starts.append(open)
        comments.append(scanner.trimmed(open + 4..<close))
        previousWasComment = true
        position = close + 3
        continue
      }
      guard let end = scanner.endOfElement(at: open) else { return nil }
      let isGroup = scanner.matches("<g ", at: open) || scanner.matches("<g>", at: open)
      if isGroup, previousWasComment {
        // The group of the object the comment names.
      } else if isGroup, scanner.find(" class=\"cluster\"", from: open, before: end).map({ _ in true }) ?? false {
        guard clusterCount == starts.count else { return nil }  // clusters come before every object
        starts.append(open)
        comments.append(nil)
        clusterCount += 1
      } else if !starts.isEmpty {
        return nil
      }
      previousWasComment = false
      position = end
    }
  }

  /// Byte-level searching over the document.
  private struct Scanner {
    let svg: UnsafeBufferPointer<UInt8>

    func find(_ needle: StaticString, from start: Int, before limit: Int? = nil) -> Int? {
      let limit = min(limit ?? svg.count, svg.count)
      let count = needle.utf8CodeUnitCount
      guard count > 0 else { return start }
      let first = needle.utf8Start.pointee
      var position = start
      while position + count <= limit {
        if svg[position] == first, matches(needle, at: position) { return position }
        position += 1
      }
      return nil
    }

    func matches(_ needle: StaticString, at position: Int) -> Bool {
      let count = needle.utf8CodeUnitCount
      guard position + count <= svg.count else { return false }
      let bytes = needle.utf8Start
      for offset in 0..<count where svg[position + offset] != bytes[offset] { return false }
      return true
    }

    /// The range without the spaces around it.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
      var lower = range.lowerBound
      var upper = range.upperBound
      while lower < upper, svg[lower] == 0x20 { lower += 1 }
      while upper > lower, svg[upper - 1] == 0x20 { upper -= 1 }
      return lower..<upper
    }

    /// The offset past the element that starts at `open` (its end tag included), skipping nested
    /// elements. Graphviz escapes `<` in text and attribute values, so every `<` starts markup.
    func endOfElement(at open: Int) -> Int? {
      var depth = 0
      var position = open
      while position < svg.count {
        guard let start = find("<", from: position) else { return nil }
        if matches("<!--", at: start) {
          guard let close = find("-->", from: start + 4) else { return nil }
          position = close + 3
          continue
        }
        guard let close = find(">", from: start) else { return nil }
        if svg[start + 1] == UInt8(ascii: "/") {
          depth -= 1
        } else if svg[close - 1] != UInt8(ascii: "/") && svg[start + 1] != UInt8(ascii: "?") {
          depth += 1
        }
        position = close + 1
        if depth == 0 { return position }
      }
      return nil
    }
  }
}
