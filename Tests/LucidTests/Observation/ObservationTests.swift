import Foundation
import Testing

@testable import Lucid

/// Records one block and returns its events.
private func record(valueLimit: Int = 4096, _ body: () -> Void) -> [GraphEvent] {
  let recorder = TraceRecorder(valueLimit: valueLimit)
  withObserver(recorder, body)
  return recorder.trace.events
}

private func snapshot(_ shape: [Int], _ values: [Double]) -> TensorSnapshot {
  TensorSnapshot(shape: shape, values: values)
}

@Suite("Observation: event sequences")
struct EventSequenceTests {
  @Test("the seed's matmul example reports exactly these events")
  func matmulSequence() {
    let events = record {
      let a = Tensor([[1, 2], [3, 4]], requiresGrad: true, name: "a")
      let b = Tensor([[5, 6], [7, 8]], requiresGrad: true, name: "b")
      let out = a.matmul(b)
      out.backward()
    }
    // Closed forms: out = a·b; ∂L/∂a = 1·bᵀ, ∂L/∂b = aᵀ·1.
    let ones = snapshot([2, 2], [1, 1, 1, 1])
    let gradA = snapshot([2, 2], [5 + 6, 7 + 8, 5 + 6, 7 + 8])
    let gradB = snapshot([2, 2], [1 + 3, 1 + 3, 2 + 4, 2 + 4])
    let expected: [GraphEvent] = [
      .leaf(
        LeafEvent(
          id: 0, name: "a", kind: .parameter, dtype: .float32, requiresGrad: true,
          value: snapshot([2, 2], [1, 2, 3, 4]))),
      .leaf(
        LeafEvent(
          id: 1, name: "b", kind: .parameter, dtype: .float32, requiresGrad: true,
          value: snapshot([2, 2], [5, 6, 7, 8]))),
      .forward(
        ForwardEvent(
          id: 2, name: nil, operation: .matmul, rule: "∂L/∂a = ∂L/∂out · bᵀ;  ∂L/∂b = aᵀ · ∂L/∂out", parents: [0, 1],
          attributes: [:], dtype: .float32, requiresGrad: true,
          value: snapshot([2, 2], [1 * 5 + 2 * 7, 1 * 6 + 2 * 8, 3 * 5 + 4 * 7, 3 * 6 + 4 * 8]))),
      .backwardBegan(BackwardBeganEvent(root: 2, seed: ones, order: [2])),
      .backwardStep(
        BackwardStepEvent(
          id: 2, operation: .matmul, rule: Op.matmul.rule, upstream: ones,
          contributions: [
            Contribution(parent: 0, gradient: gradA, accumulated: gradA),
            Contribution(parent: 1, gradient: gradB, accumulated: gradB),
          ])),
      .backwardEnded(BackwardEndedEvent(root: 2)),
    ]
    #expect(events == expected)
  }

  @Test("a micrograd neuron: forward in creation order, backward in reverse topological order")
  func neuronSequence() throws {
    var leaves: [Tensor] = []
    let events = record(valueLimit: 16) {
      let x1 = Tensor(2.0, dtype: .float64, name: "x1")
      let x2 = Tensor(0.0, dtype: .float64, name: "x2")
      let w1 = Tensor(-3.0, requiresGrad: true, dtype: .float64, name: "w1")
      let w2 = Tensor(1.0, requiresGrad: true, dtype: .float64, name: "w2")
      let b = Tensor(6.8813735870195432, requiresGrad: true, dtype: .float64, name: "b")
      let n = x1 * w1 + x2 * w2 + b
      n.name = "n"
      let o = n.tanh()
      o.backward()
      leaves = [x1, x2, w1, w2, b]
    }
    let kinds = events.map { event -> String in
      switch event {
      case .leaf(let e): "leaf \(e.id) \(e.name ?? "") \(e.kind.rawValue)"
      case .forward(let e): "forward \(e.id) \(e.operation.rawValue) \(e.parents)"
      case .renamed(let e): "rename \(e.id) \(e.name ?? "")"
      case .backwardBegan(let e): "begin \(e.root) \(e.order)"
      case .backwardStep(let e): "step \(e.id) \(e.contributions.map(\.parent))"
      case .hook(let e): "hook \(e.id)"
      case .backwardEnded(let e): "end \(e.root)"
      }
    }
    #expect(
      kinds == [
        "leaf 0 x1 input", "leaf 1 x2 input", "leaf 2 w1 parameter", "leaf 3 w2 parameter", "leaf 4 b parameter",
        "forward 5 multiply [0, 2]", "forward 6 multiply [1, 3]", "forward 7 add [5, 6]", "forward 8 add [7, 4]",
        "rename 8 n", "forward 9 tanh [8]", "begin 9 [9, 8, 7, 6, 5]",
        // Inputs x1, x2 need no gradient, so each product sends only to its weight.
        "step 9 [8]", "step 8 [7, 4]", "step 7 [5, 6]", "step 6 [3]", "step 5 [2]", "end 9",
      ])

    // The final state's gradients equal a plain backward() and micrograd's closed forms:
    // do/dn = 1 − tanh²(n) = 0.5; ∂/∂w1 = 0.5·x1 = 1; ∂/∂w2 = 0.5·x2 = 0; ∂/∂b = 0.5.
    let final = Trace(events: events).state(after: events.count)
    let gradOf = { (id: Int) in final.nodes[id]?.grad?.values?.first }
    #expect(try #require(gradOf(8)).isApproximatelyEqual(to: 0.5, tolerance: 1e-12))
    #expect(try #require(gradOf(2)).isApproximatelyEqual(to: 1.0, tolerance: 1e-12))
    #expect(try #require(gradOf(3)).isApproximatelyEqual(to: 0.0, tolerance: 1e-12))
    #expect(try #require(gradOf(4)).isApproximatelyEqual(to: 0.5, tolerance: 1e-12))
    for (id, leaf) in leaves.enumerated() where leaf.requiresGrad {
      #expect(gradOf(id) == leaf.grad?.item())
    }
  }

  @Test("fan-out a·a + a shows each contribution and the running sum")
  func fanOut() {
    let events = record {
      let a = Tensor(3.0, requiresGrad: true, dtype: .float64, name: "a")
      let y = a * a + a
      y.backward()
      #expect(a.grad?.scalars == [7])  // 2a + 1
    }
    let steps = events.compactMap { event -> BackwardStepEvent? in
      if case .backwardStep(let e) = event { return e }
      return nil
    }
    try? #require(steps.count == 2)
    // add: ∂/∂(a·a) = 1 and ∂/∂a = 1 (a's running sum: 1).
    #expect(steps[0].contributions.map(\.parent) == [1, 0])
    #expect(steps[0].contributions.map { $0.accumulated.values! } == [[1], [1]])
    // multiply(a, a): two contributions of a = 3 to the same parent, sums 1 + 3 = 4, then 7.
    #expect(steps[1].contributions.map(\.parent) == [0, 0])
    #expect(steps[1].contributions.map { $0.gradient.values! } == [[3], [3]])
    #expect(steps[1].contributions.map { $0.accumulated.values! } == [[4], [7]])
  }

  @Test("hooks and renames are reported; replaced gradients show in the state")
  func hooksAndRenames() {
    let events = record {
      let x = Tensor([1, -2], requiresGrad: true, dtype: .float64)
      let h = (x * 3).named("h")
      h.registerHook { g in g * 0.5 }
      h.sum().backward()
    }
    let hooks = events.compactMap { event -> HookEvent? in
      if case .hook(let e) = event { return e }
      return nil
    }
    #expect(hooks.count == 1)
    #expect(hooks.first?.gradient.values == [1, 1])
    #expect(hooks.first?.replacement?.values == [0.5, 0.5])
    #expect(events.contains(.renamed(RenameEvent(id: 2, name: "h"))))
    let final = Trace(events: events).state(after: events.count)
    #expect(final.nodes[0]?.grad?.values == [1.5, 1.5])
  }
}

@Suite("Observation: scoping")
struct ScopeTests {
  @Test("nothing is reported outside the scope, and nested scopes use the innermost observer")
  func scoping() {
    let outer = TraceRecorder()
    let inner = TraceRecorder()
    let x = Tensor(1.0, requiresGrad: true)
    _ = x * 2  // not observed
    withObserver(outer) {
      _ = x + 1
      withObserver(inner) { _ = x - 1 }
      _ = x / 2
    }
    _ = x.exp()  // not observed
    let outerOps = outer.trace.events.compactMap { e -> Op? in
      if case .forward(let f) = e { return f.operation }
      return nil
    }
    let innerOps = inner.trace.events.compactMap { e -> Op? in
      if case .forward(let f) = e { return f.operation }
      return nil
    }
    #expect(outerOps == [.add, .divide])
    #expect(innerOps == [.subtract])
  }

  @Test("a scope in another task does not see this one's ops")
  func taskIsolation() async {
    let recorder = TraceRecorder()
    await withObserverAsyncHelper(recorder)
    let other = Task.detached { () -> Int in
      let y = Tensor(2.0) * 3
      return y.size
    }
    _ = await other.value
    #expect(recorder.trace.events.count == 3)  // leaf, constant, multiply inside the scope only
  }

  private func withObserverAsyncHelper(_ recorder: TraceRecorder) async {
    withObserver(recorder) { _ = Tensor(1.0) * 2 }
  }

  @Test("large tensors are kept as a summary above the value limit")
  func summaries() throws {
    let events = record(valueLimit: 4) {
      _ = Tensor([3, -4, 0, 0, 0], dtype: .float64) * 1
    }
    guard case .leaf(let leaf) = events[0] else {
      Issue.record("first event is not a leaf")
      return
    }
    #expect(leaf.value.values == nil)
    #expect(leaf.value.summary.count == 5)
    #expect(leaf.value.summary.min == -4)
    #expect(leaf.value.summary.max == 3)
    #expect(leaf.value.summary.mean == -0.2)
    #expect(leaf.value.summary.norm == 5)
  }
}

@Suite("Observation: traces")
struct TraceTests {
  private func neuronTrace() -> Trace {
    let recorder = TraceRecorder()
    withObserver(recorder) {
      let x = Tensor([[1, 2], [3, 4]], dtype: .float64, name: "x")
      let w = Tensor.randn([2, 3], seed: 7, requiresGrad: true, dtype: .float64, name: "w")
      let h = x.matmul(w).tanh().named("h")
      let loss = (h * h).mean()
      loss.backward()
    }
    return recorder.trace
  }

  @Test("JSON round-trips exactly")
  func jsonRoundTrip() throws {
    let trace = neuronTrace()
    let data = try trace.jsonData()
    let back = try Trace(jsonData: data)
    #expect(back == trace)
    #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
  }

  @Test("non-finite values survive JSON")
  func nonFinite() throws {
    let recorder = TraceRecorder()
    withObserver(recorder) { _ = Tensor([0, -1], dtype: .float64).log() }
    let back = try Trace(jsonData: recorder.trace.jsonData())
    guard case .forward(let f) = back.events.last else {
      Issue.record("last event is not forward")
      return
    }
    #expect(f.value.values?.first == -.infinity)
    #expect(f.value.values?.last?.isNaN == true)
  }

  @Test("state(after:) agrees with the incremental replay at every step")
  func stateQueries() {
    let trace = neuronTrace()
    let all = trace.states()
    #expect(all.count == trace.count)
    for k in 0..<trace.count {
      #expect(trace.state(after: k + 1) == all[k])
    }
    #expect(trace.state(after: 0).nodes.isEmpty)
    #expect(all.last?.phase == .done)
  }

  @Test("the final state's gradients equal a plain backward()")
  func finalGradsMatch() throws {
    let trace = neuronTrace()
    let final = trace.state(after: trace.count)
    let x = Tensor([[1, 2], [3, 4]], dtype: .float64)
    let w = Tensor.randn([2, 3], seed: 7, requiresGrad: true, dtype: .float64)
    let h = x.matmul(w).tanh()
    (h * h).mean().backward()
    let wNode = try #require(final.nodes.values.first { $0.name == "w" })
    #expect(wNode.grad?.values == w.grad?.scalars)
  }

  @Test("recording grows linearly with the work done", arguments: [250, 500, 1000])
  func linearMemory(nodes: Int) {
    func stored(_ n: Int) -> Int {
      let recorder = TraceRecorder()
      withObserver(recorder) {
        var y = Tensor([1, 2, 3, 4], requiresGrad: true, dtype: .float64)
        for _ in 0..<n { y = y * 1.001 }
        y.sum().backward()
      }
      return recorder.trace.storedValueCount
    }
    let base = stored(nodes)
    let double = stored(2 * nodes)
    // Linear: doubling the work at most doubles the storage (plus a constant).
    #expect(Double(double) / Double(base) < 2.05)
    #expect(Double(double) / Double(base) > 1.9)
  }
}

extension Double {
  fileprivate func isApproximatelyEqual(to other: Double, tolerance: Double) -> Bool {
    Swift.abs(self - other) <= tolerance
  }
}

@Suite("Backward rules")
struct RuleTests {
  @Test("rules read with generic names, or with the tensors' own")
  func names() {
    #expect(Op.matmul.rule == "∂L/∂a = ∂L/∂out · bᵀ;  ∂L/∂b = aᵀ · ∂L/∂out")
    #expect(Op.tanh.rule == "∂L/∂x = ∂L/∂out ⊙ (1 − tanh²(x))")
    #expect(Op.matmul.rule(inputs: ["W", "h"], output: "y") == "∂L/∂W = ∂L/∂y · hᵀ;  ∂L/∂h = Wᵀ · ∂L/∂y")
    #expect(Op.powerScalar.rule(inputs: ["x"], output: "y", exponent: "2") == "∂L/∂x = ∂L/∂y ⊙ 2·x^(2−1)")
    #expect(Op.allCases.allSatisfy { !$0.rule.contains("{") && !$0.rule.isEmpty })
  }
}
