import Foundation

/// A recorded sequence of ``GraphEvent``s that can answer "what did the graph look like
/// after step k?".
///
/// A trace stores only what each step changed (the events themselves), so its size
/// grows with the work done, not with steps × nodes. ``state(after:)`` replays the
/// events up to a step on demand; ``states()`` walks all of them in one pass.
public struct Trace: Sendable, Hashable, Codable {
  /// The events in the order they happened.
  public var events: [GraphEvent]

  /// Wraps recorded events.
  public init(events: [GraphEvent]) {
    self.events = events
  }

  /// The number of steps (events).
  public var count: Int { events.count }

  /// The graph's state after the first `step` events (`0` is the empty graph).
  public func state(after step: Int) -> GraphState {
    precondition(step >= 0 && step <= events.count, "[trace] step \(step) is outside 0...\(events.count)")
    var state = GraphState()
    for event in events[..<step] { state.apply(event) }
    return state
  }

  /// The state after every step, `states()[k]` being ``state(after:)`` with `k + 1`,
  /// computed incrementally in one pass.
  public func states() -> [GraphState] {
    var state = GraphState()
    return events.map { event in
      state.apply(event)
      return state
    }
  }

  /// The number of values (data and gradients) stored in the events: a measure of the
  /// trace's memory that grows linearly with the work recorded.
  public var storedValueCount: Int {
    events.reduce(0) { $0 + $1.storedValueCount }
  }

  /// The trace as JSON (non-finite numbers written as `"nan"`, `"inf"`, `"-inf"`).
  public func jsonData(prettyPrinted: Bool = false) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = prettyPrinted ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self)
  }

  /// Reads a trace written by ``jsonData(prettyPrinted:)``.
  public init(jsonData data: Data) throws {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    self = try decoder.decode(Trace.self, from: data)
  }
}

extension GraphEvent {
  /// How many numbers this event stores.
  var storedValueCount: Int {
    func count(_ s: TensorSnapshot?) -> Int { s?.values?.count ?? 0 }
    switch self {
    case .leaf(let e): return count(e.value)
    case .forward(let e): return count(e.value)
    case .renamed, .backwardEnded: return 0
    case .backwardBegan(let e): return count(e.seed)
    case .backwardStep(let e):
      return count(e.upstream) + e.contributions.reduce(0) { $0 + count($1.gradient) + count($1.accumulated) }
    case .hook(let e): return count(e.gradient) + count(e.replacement)
    }
  }
}
