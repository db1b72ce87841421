import CGraphviz

/// Attribute access and traversal over cgraph objects, in the order cgraph stores them.
///
/// Node order is creation order and each node's out-edges follow edge creation order, so two graphs
/// parsed from DOT texts with the same statements in the same order list their objects identically.
enum GraphObjects {
  /// The value of attribute `name` on a graph, node or edge, or `nil` if it is undeclared.
  static func attribute(_ name: String, of object: UnsafeMutableRawPointer) -> String? {
    guard let value = lucid_agget(object, name) else { return nil }
    return String(cString: value)
  }

  /// Whether attribute `name` of `object` holds an HTML-like string.
  static func isHTML(_ name: String, of object: UnsafeMutableRawPointer) -> Bool {
    guard let value = lucid_agget(object, name) else { return false }
    return lucid_aghtmlstr(value) != 0
  }

  /// Sets attribute `name` of `object`, declaring it with default `""` when needed.
  static func setAttribute(_ name: String, to value: String, of object: UnsafeMutableRawPointer) {
    _ = lucid_agsafeset(object, name, value, "")
  }

  /// The name of a graph, node or edge.
  static func name(of object: UnsafeMutableRawPointer) -> String {
    guard let name = lucid_agnameof(object) else { return "" }
    return String(cString: name)
  }

  /// All nodes of `graph`.
  static func nodes(of graph: UnsafeMutablePointer<Agraph_t>) -> [UnsafeMutablePointer<Agnode_t>] {
    var result: [UnsafeMutablePointer<Agnode_t>] = []
    result.reserveCapacity(Int(agnnodes(graph)))
    var node = agfstnode(graph)
    while let current = node {
      result.append(current)
      node = agnxtnode(graph, current)
    }
    return result
  }

  /// All edges of `graph`, grouped by tail node in node order.
  static func edges(
    of graph: UnsafeMutablePointer<Agraph_t>, nodes: [UnsafeMutablePointer<Agnode_t>]
  ) -> [UnsafeMutablePointer<Agedge_t>] {
    var result: [UnsafeMutablePointer<Agedge_t>] = []
    result.reserveCapacity(Int(agnedges(graph)))
    for tail in nodes {
      var edge = agfstout(graph, tail)
      while let current = edge {
        result.append(current)
        edge = agnxtout(graph, current)
      }
    }
    return result
  }

  /// All subgraphs of `graph` whose names start with `cluster`, depth first.
  static func clusters(of graph: UnsafeMutablePointer<Agraph_t>) -> [UnsafeMutablePointer<Agraph_t>] {
    var result: [UnsafeMutablePointer<Agraph_t>] = []
    var pending = [graph]
    while let parent = pending.popLast() {
      var sub = agfstsubg(parent)
      while let current = sub {
        if name(of: current).hasPrefix("cluster") { result.append(current) }
        pending.append(current)
        sub = agnxtsubg(current)
      }
    }
    return result
  }
}
