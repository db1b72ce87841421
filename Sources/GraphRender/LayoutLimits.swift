/// Budgets that keep Graphviz from running for minutes on a graph that is too big to read anyway.
///
/// Graphs above ``maxNodes`` or ``maxEdges`` are refused with ``RenderError/graphTooLarge(nodes:edges:limits:)``.
/// Graphs above ``reducedEffortNodeCount`` nodes are laid out with capped network-simplex and
/// crossing-minimisation effort (`nslimit`, `nslimit1`, `mclimit`, `searchsize`), so a big graph degrades
/// in quality rather than hanging; attributes the DOT text sets itself are left alone.
public struct LayoutLimits: Sendable, Hashable {
  /// The largest number of nodes a graph may have.
  public var maxNodes: Int
  /// The largest number of edges a graph may have.
  public var maxEdges: Int
  /// The node count above which layout effort is capped.
  public var reducedEffortNodeCount: Int

  /// Creates limits; the defaults suit lecture-sized graphs (a layout of the largest allowed graph
  /// takes a few seconds).
  public init(maxNodes: Int = 2_000, maxEdges: Int = 6_000, reducedEffortNodeCount: Int = 300) {
    self.maxNodes = maxNodes
    self.maxEdges = maxEdges
    self.reducedEffortNodeCount = reducedEffortNodeCount
  }
}
