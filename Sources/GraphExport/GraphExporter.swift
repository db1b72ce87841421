import Lucid

/// One picture of a backprop sequence: its DOT and what it shows.
public struct Frame: Sendable, Hashable {
  /// What kind of step a frame shows.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// The leaves, before any op ran.
    case start
    /// One forward op.
    case forward
    /// Backward begins: the output's gradient is seeded.
    case seed
    /// One node's backward rule.
    case backward
    /// Everything computed: all values and gradients.
    case end
  }

  /// Position in the sequence, from 0.
  public var index: Int
  /// The step's kind.
  public var kind: Kind
  /// The caption (title and rule) drawn on the picture.
  public var caption: Caption
  /// The id of the node the step is about, if any.
  public var activeNode: Int?
  /// How many events of the trace this frame shows the result of.
  public var eventCount: Int
  /// The DOT text of the picture.
  public var dot: String
}

/// Turns computation graphs into Graphviz DOT: a live graph (a tensor and its
/// ancestors), or a recorded ``Trace`` as a sequence of frames.
///
/// Pure Swift: nothing here calls Graphviz. Every frame of a sequence contains the same
/// nodes and edges with labels of the same size, so one layout fits them all; node ids
/// (`v3`, `op3`) derive from the graph, so the same program gives the same DOT.
public struct GraphExporter: Sendable {
  /// How pictures are drawn.
  public var options: DOTOptions

  /// Creates an exporter.
  public init(options: DOTOptions = DOTOptions()) {
    self.options = options
  }

  /// The DOT of `root` and its ancestors with their current values and gradients.
  public func dot(for root: Tensor, caption: Caption? = nil) -> String {
    dot(for: GraphState(root: root), caption: caption)
  }

  /// The DOT of one graph state, drawn as a finished picture.
  public func dot(for state: GraphState, caption: Caption? = nil) -> String {
    var widths: [Int: Int] = [:]
    var largest = 0.0
    for node in state.nodes.values {
      widen(&widths, node.id, node.value)
      if let grad = node.grad {
        widen(&widths, node.id, grad)
        largest = Swift.max(largest, grad.summary.norm)
      }
    }
    let writer = DOTWriter(
      options: options, layout: state, cellWidths: widths, largestGradNorm: largest,
      outputID: state.backwardRoot ?? state.order.last)
    var shown = state
    shown.activeNode = nil
    shown.activeFlows = []
    return writer.write(frame: shown, caption: caption)
  }

  /// The DOT of the final state of `trace`: every value and gradient.
  public func dot(for trace: Trace) -> String {
    frames(for: trace).last?.dot ?? dot(for: GraphState(), caption: nil)
  }

  /// One frame per forward op and per backward step, plus a start, a seed and an end
  /// frame, all sharing one node and edge set.
  public func frames(for trace: Trace) -> [Frame] {
    let final = trace.state(after: trace.count)
    let writer = DOTWriter(
      options: options, layout: final, cellWidths: cellWidths(trace), largestGradNorm: largestGradNorm(trace),
      outputID: final.backwardRoot ?? final.order.last)
    let forwardTotal = trace.events.filter { if case .forward = $0 { true } else { false } }.count
    let backwardTotal = trace.events.filter { if case .backwardStep = $0 { true } else { false } }.count
    var frames: [Frame] = []
    var state = GraphState()
    var forwardCount = 0
    var backwardCount = 0

    func emit(_ kind: Frame.Kind, _ caption: Caption, events: Int) {
      frames.append(
        Frame(
          index: frames.count, kind: kind, caption: caption, activeNode: state.activeNode, eventCount: events,
          dot: writer.write(frame: state, caption: caption)))
    }

    for (i, event) in trace.events.enumerated() {
      if case .forward = event, frames.isEmpty {
        var start = state
        start.activeNode = nil
        let caption = Caption(title: "start: the leaves", detail: leafSummary(start, writer))
        frames.append(
          Frame(
            index: 0, kind: .start, caption: caption, activeNode: nil, eventCount: i,
            dot: writer.write(frame: start, caption: caption)))
      }
      state.apply(event)
      switch event {
      case .forward(let e):
        forwardCount += 1
        emit(
          .forward,
          Caption(
            title: "forward \(forwardCount)/\(forwardTotal): \(e.operation.rawValue)", detail: expression(e, writer)),
          events: i + 1)
      case .backwardBegan(let e):
        emit(
          .seed,
          Caption(
            title: "backward: seed ∂L/∂\(writer.displayName(e.root)) = 1",
            detail: "L is the sum of \(writer.displayName(e.root))'s elements, so every element's gradient starts at 1"),
          events: i + 1)
      case .backwardStep(let e):
        backwardCount += 1
        emit(
          .backward,
          Caption(
            title: "backward \(backwardCount)/\(backwardTotal): \(e.operation.rawValue) → \(writer.displayName(e.id))",
            detail: e.operation.rule(
              inputs: (final.nodes[e.id]?.parents ?? []).map(writer.displayName), output: writer.displayName(e.id),
              exponent: final.nodes[e.id]?.attributes["exponent"])),
          events: i + 1)
      default:
        break
      }
    }
    state.activeNode = nil
    state.activeFlows = []
    emit(
      .end, Caption(title: "done: every gradient computed", detail: leafGradSummary(state, writer)), events: trace.count
    )
    return frames
  }

  // MARK: Captions

  private func expression(_ e: ForwardEvent, _ writer: DOTWriter) -> String {
    let result = writer.displayName(e.id)
    let args = e.parents.map(writer.displayName)
    switch e.operation {
    case .add, .subtract, .multiply, .divide, .power:
      return "\(result) = \(args[0]) \(e.operation.symbol) \(args[1])"
    case .powerScalar:
      return "\(result) = \(args.first ?? "?") ** \(e.attributes["exponent"] ?? "?")"
    case .negate:
      return "\(result) = −\(args.first ?? "?")"
    default:
      let extras = e.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      return "\(result) = \(e.operation.rawValue)(\((args + extras).joined(separator: ", ")))"
    }
  }

  private func leafSummary(_ state: GraphState, _ writer: DOTWriter) -> String {
    let names = state.order.map(writer.displayName)
    return names.isEmpty ? "no tensors yet" : names.joined(separator: ", ")
  }

  private func leafGradSummary(_ state: GraphState, _ writer: DOTWriter) -> String {
    let parameters = state.order.filter { state.nodes[$0]?.kind == .leaf(.parameter) }
    guard !parameters.isEmpty else { return "no parameters" }
    return "gradients of " + parameters.map { "∂L/∂\(writer.displayName($0))" }.joined(separator: ", ")
  }

  // MARK: Sizing

  /// The widest cell each node shows in any frame, found by scanning the events once.
  private func cellWidths(_ trace: Trace) -> [Int: Int] {
    var widths: [Int: Int] = [:]
    for event in trace.events {
      switch event {
      case .leaf(let e): widen(&widths, e.id, e.value)
      case .forward(let e): widen(&widths, e.id, e.value)
      case .backwardBegan(let e): widen(&widths, e.root, e.seed)
      case .backwardStep(let e):
        widen(&widths, e.id, e.upstream)
        for c in e.contributions { widen(&widths, c.parent, c.accumulated) }
      case .hook(let e):
        if let r = e.replacement { widen(&widths, e.id, r) }
      case .renamed, .backwardEnded: break
      }
    }
    return widths
  }

  private func widen(_ widths: inout [Int: Int], _ id: Int, _ snapshot: TensorSnapshot) {
    widths[id] = Swift.max(widths[id] ?? 1, CellText(snapshot, options: options).widestCell)
  }

  private func largestGradNorm(_ trace: Trace) -> Double {
    var largest = 0.0
    for event in trace.events {
      switch event {
      case .backwardBegan(let e): largest = Swift.max(largest, e.seed.summary.norm)
      case .backwardStep(let e):
        largest = Swift.max(largest, e.upstream.summary.norm)
        for c in e.contributions { largest = Swift.max(largest, c.accumulated.summary.norm) }
      default: break
      }
    }
    return largest
  }
}
