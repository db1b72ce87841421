import CGraphviz

extension LayoutLimits {
  /// Throws ``RenderError/graphTooLarge(nodes:edges:limits:)`` when `graph` exceeds the limits.
  func check(_ graph: UnsafeMutablePointer<Agraph_t>) throws(RenderError) {
    let nodes = Int(agnnodes(graph))
    let edges = Int(agnedges(graph))
    if nodes > maxNodes || edges > maxEdges {
      throw .graphTooLarge(nodes: nodes, edges: edges, limits: self)
    }
  }

  /// Caps `dot`'s effort on graphs above ``reducedEffortNodeCount`` nodes.
  ///
  /// `nslimit`/`nslimit1` bound the network-simplex passes (as multiples of the node count) that
  /// place ranks and coordinates, `mclimit` scales the crossing-minimisation passes and `searchsize`
  /// the edges searched per pass. Values the DOT text sets itself win.
  func capEffort(of graph: UnsafeMutablePointer<Agraph_t>) {
    guard Int(agnnodes(graph)) > reducedEffortNodeCount else { return }
    let caps = [("nslimit", "2"), ("nslimit1", "2"), ("mclimit", "0.25"), ("searchsize", "10")]
    for (name, value) in caps {
      let current = GraphObjects.attribute(name, of: graph) ?? ""
      if current.isEmpty { GraphObjects.setAttribute(name, to: value, of: graph) }
    }
  }
}
