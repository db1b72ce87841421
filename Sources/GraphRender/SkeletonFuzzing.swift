import CGraphviz

/// The properties the `FuzzFrames` fuzz target checks on arbitrary bytes read as one frame's DOT.
///
/// ``DOTSkeleton`` decides which frames the sequence renderer may splice, so it must never trap, and
/// whatever it accepts it must read as Graphviz does: every slot inside the text and in order, and —
/// when Graphviz parses the same text — the same nodes in the same creation order and the same edges.
/// Shared by the fuzz target and the regression tests that replay its corpus; not API.
@_spi(Fuzzing) public enum SkeletonFuzzing {
  /// Every broken property for one input; empty when all hold (including when the text is refused).
  public static func problems(_ bytes: [UInt8]) -> [String] {
    guard let skeleton = bytes.withUnsafeBufferPointer({ DOTSkeleton($0) }) else { return [] }
    var problems: [String] = []
    var previous = skeleton.bodyStart
    if skeleton.bodyStart > bytes.count { problems.append("body start \(skeleton.bodyStart) past the end") }
    for slot in skeleton.slots {
      if slot.start < previous || slot.end < slot.start || slot.end > bytes.count {
        problems.append("slot \(slot.start)..<\(slot.end) out of order or out of bounds")
      }
      if !(0..<skeleton.ownerCount).contains(slot.owner) { problems.append("slot owner \(slot.owner) unknown") }
      previous = slot.end
    }
    for range in skeleton.rootGraphStatements where range.upperBound > bytes.count {
      problems.append("root statement \(range) out of bounds")
    }
    // Graphviz must see the same nodes and edges (when it accepts the text at all).
    let text = String(decoding: bytes, as: UTF8.self)
    guard Array(text.utf8) == bytes else { return problems }  // not UTF-8: Graphviz reads other bytes
    let graphviz = try? GraphvizSession.shared.perform { (context) throws(RenderError) -> GraphStructure in
      let handle = try GraphHandle(parsing: text, in: context)
      let nodes = GraphObjects.nodes(of: handle.graph)
      return GraphStructure(nodes: nodes, edges: GraphObjects.edges(of: handle.graph, nodes: nodes))
    }
    guard let graphviz else { return problems }
    if graphviz.nodeNames != skeleton.nodeNames {
      problems.append("nodes \(skeleton.nodeNames) but Graphviz has \(graphviz.nodeNames)")
    }
    let ours = skeleton.edges.map { [$0.tail, $0.head] }.sorted { $0.lexicographicallyPrecedes($1) }
    let theirs = graphviz.edges.map { [$0.tail, $0.head] }.sorted { $0.lexicographicallyPrecedes($1) }
    if ours != theirs { problems.append("edges \(ours) but Graphviz has \(theirs)") }
    return problems
  }
}
