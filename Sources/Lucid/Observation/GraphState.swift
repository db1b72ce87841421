/// The computation graph as it stood after some step of a ``Trace``.
public struct GraphState: Sendable, Hashable {
  /// What the graph is doing at this point.
  public enum Phase: String, Sendable, Hashable, Codable {
    /// Ops are running forward (or nothing has happened yet).
    case forward
    /// A backward pass is under way.
    case backward
    /// The last backward pass has finished.
    case done
  }

  /// What a node is.
  public enum Kind: Sendable, Hashable {
    /// A tensor you made (or a number written in an expression).
    case leaf(LeafKind)
    /// The result of an op.
    case op(Op)
  }

  /// One tensor of the graph.
  public struct Node: Sendable, Hashable, Identifiable {
    /// The tensor's id in the trace.
    public var id: Int
    /// Its name, if it has one.
    public var name: String?
    /// Leaf or op result.
    public var kind: Kind
    /// The op's attributes (empty for leaves).
    public var attributes: [String: String]
    /// The inputs' ids in argument order (empty for leaves).
    public var parents: [Int]
    /// The element type.
    public var dtype: DType
    /// Whether it takes part in backward.
    public var requiresGrad: Bool
    /// Its value.
    public var value: TensorSnapshot
    /// Its gradient accumulated so far in the current backward pass, if any.
    public var grad: TensorSnapshot?
  }

  /// A gradient moving along an edge, from the node whose backward ran to one parent.
  public struct Flow: Sendable, Hashable {
    /// The node whose backward rule ran.
    public var from: Int
    /// The parent that received the contribution.
    public var to: Int
    /// The contribution.
    public var gradient: TensorSnapshot
  }

  /// Every node that exists so far, by id.
  public var nodes: [Int: Node] = [:]
  /// Node ids in the order the nodes appeared.
  public var order: [Int] = []
  /// Forward, backward or done.
  public var phase: Phase = .forward
  /// The node the last step was about (the op that ran, or whose backward ran).
  public var activeNode: Int?
  /// The gradients that moved in the last step (empty outside backward steps).
  public var activeFlows: [Flow] = []
  /// Nodes whose backward has run in the current pass.
  public var finished: Set<Int> = []
  /// The root of the current (or last) backward pass.
  public var backwardRoot: Int?
  /// The order in which the current pass runs node backwards.
  public var backwardOrder: [Int] = []
  /// The event that produced this state.
  public var lastEvent: GraphEvent?

  /// Creates the empty graph.
  public init() {}

  /// Applies one event.
  public mutating func apply(_ event: GraphEvent) {
    lastEvent = event
    activeFlows = []
    switch event {
    case .leaf(let e):
      insert(
        Node(
          id: e.id, name: e.name, kind: .leaf(e.kind), attributes: [:], parents: [], dtype: e.dtype,
          requiresGrad: e.requiresGrad, value: e.value, grad: nil))
      activeNode = e.id
    case .forward(let e):
      insert(
        Node(
          id: e.id, name: e.name, kind: .op(e.operation), attributes: e.attributes, parents: e.parents, dtype: e.dtype,
          requiresGrad: e.requiresGrad, value: e.value, grad: nil))
      activeNode = e.id
    case .renamed(let e):
      nodes[e.id]?.name = e.name
    case .backwardBegan(let e):
      phase = .backward
      finished = []
      backwardRoot = e.root
      backwardOrder = e.order
      for id in nodes.keys { nodes[id]?.grad = nil }
      nodes[e.root]?.grad = e.seed
      activeNode = e.root
    case .backwardStep(let e):
      activeNode = e.id
      nodes[e.id]?.grad = e.upstream
      finished.insert(e.id)
      for c in e.contributions {
        nodes[c.parent]?.grad = c.accumulated
        activeFlows.append(Flow(from: e.id, to: c.parent, gradient: c.gradient))
      }
    case .hook(let e):
      activeNode = e.id
      if let replacement = e.replacement { nodes[e.id]?.grad = replacement }
    case .backwardEnded:
      phase = .done
      activeNode = nil
    }
  }

  mutating func insert(_ node: Node) {
    if nodes[node.id] == nil { order.append(node.id) }
    nodes[node.id] = node
  }
}
