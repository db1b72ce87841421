import CGraphviz

/// The node names and edge endpoints of a parsed graph, in cgraph order: what every frame of one
/// sequence must share.
struct GraphStructure: Sendable, Equatable {
  /// The tail and head of one edge, as indices into ``nodeNames``.
  struct Endpoints: Sendable, Hashable {
    var tail: Int
    var head: Int
  }

  /// Node names in order.
  var nodeNames: [String]
  /// Edges in order.
  var edges: [Endpoints]

  /// Reads the structure of a parsed graph from its node and edge lists.
  init(nodes: [UnsafeMutablePointer<Agnode_t>], edges: [UnsafeMutablePointer<Agedge_t>]) {
    nodeNames = nodes.map { GraphObjects.name(of: $0) }
    var index: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
    index.reserveCapacity(nodes.count)
    for (position, node) in nodes.enumerated() { index[node] = position }
    self.edges = edges.map { edge in
      Endpoints(tail: index[lucid_agtail(edge)] ?? -1, head: index[lucid_aghead(edge)] ?? -1)
    }
  }

  /// Why `other` differs from this structure, or `nil` when they are the same.
  func difference(from other: GraphStructure) -> String? {
    if nodeNames.count != other.nodeNames.count {
      return "it has \(other.nodeNames.count) nodes, the layout has \(nodeNames.count)"
    }
    if let index = nodeNames.indices.first(where: { nodeNames[$0] != other.nodeNames[$0] }) {
      return "node \(index) is '\(other.nodeNames[index])', the layout has '\(nodeNames[index])'"
    }
    if edges.count != other.edges.count {
      return "it has \(other.edges.count) edges, the layout has \(edges.count)"
    }
    if let index = edges.indices.first(where: { edges[$0] != other.edges[$0] }) {
      return "edge \(index) is \(describe(other.edges[index])), the layout has \(describe(edges[index]))"
    }
    return nil
  }

  private func describe(_ edge: Endpoints) -> String {
    let name = { (index: Int) in nodeNames.indices.contains(index) ? nodeNames[index] : "?" }
    return "'\(name(edge.tail))' -> '\(name(edge.head))'"
  }
}
