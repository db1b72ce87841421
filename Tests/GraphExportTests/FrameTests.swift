import GraphExport
import Lucid
import Testing

@Suite("Frames")
struct FrameTests {
  @Test("every frame of a sequence has exactly the same nodes and edges", arguments: ["matmul", "neuron", "mlp"])
  func sameStructure(example: String) {
    let trace: Trace
    switch example {
    case "matmul": trace = recordMatmul()
    case "neuron": trace = recordNeuron()
    default:
      let recorder = TraceRecorder()
      withObserver(recorder) {
        let x = Tensor.randn([4, 3], seed: 1, name: "x")
        let w = Tensor.randn([3, 5], seed: 2, requiresGrad: true, name: "w")
        let bias = Tensor.zeros([5], requiresGrad: true, name: "bias")
        let h = (x.matmul(w) + bias).relu()
        let loss = (h * h).mean()
        loss.backward()
      }
      trace = recorder.trace
    }
    let frames = GraphExporter().frames(for: trace)
    let reference = structure(of: frames.last!.dot)
    #expect(!reference.nodes.isEmpty && !reference.edges.isEmpty)
    for frame in frames {
      let s = structure(of: frame.dot)
      #expect(s.nodes == reference.nodes, "frame \(frame.index) nodes differ")
      #expect(s.edges == reference.edges, "frame \(frame.index) edges differ")
    }
    // Styling does change: frames are not all the same picture.
    #expect(Set(frames.map(\.dot)).count == frames.count)
  }

  @Test("frame kinds, counts and captions follow the trace")
  func captions() {
    let frames = GraphExporter().frames(for: recordNeuron())
    // start + 5 forward ops + seed + 5 backward steps + end.
    #expect(frames.count == 13)
    #expect(frames.map(\.index) == Array(0..<13))
    #expect(frames.filter { $0.kind == .forward }.count == 5)
    #expect(frames.filter { $0.kind == .backward }.count == 5)
    #expect(frames[1].caption.title == "forward 1/5: multiply")
    #expect(frames[1].caption.detail == "t5 = x1 × w1")
    #expect(frames[6].caption.title == "backward: seed ∂L/∂o = 1")
    #expect(frames[7].caption.detail == "∂L/∂n = ∂L/∂o ⊙ (1 − tanh²(n))")
    #expect(frames[8].caption.detail == "∂L/∂t7 = ∂L/∂n;  ∂L/∂b = ∂L/∂n  (summed back to each input's shape)")
    #expect(frames.last?.kind == .end)
  }

  @Test("nodes not yet created are hidden but present")
  func hiddenNodes() {
    let frames = GraphExporter().frames(for: recordNeuron())
    // In the start frame only the leaves are visible; the tanh op node exists but is invisible.
    let start = frames[0].dot
    #expect(start.contains("op9 [id=\"op9\""))
    let opLine = start.split(separator: "\n").first { $0.contains("op9 [id=\"op9\"") }!
    #expect(opLine.contains("style=invis"))
    let leafLine = start.split(separator: "\n").first { $0.contains("v2 [id=\"v2\"") }!
    #expect(!leafLine.contains("style=invis"))
  }

  @Test("the same program gives the same DOT twice")
  func stableIDs() {
    let exporter = GraphExporter()
    #expect(exporter.frames(for: recordNeuron()).map(\.dot) == exporter.frames(for: recordNeuron()).map(\.dot))
  }

  @Test("a backward frame highlights the current node and the edges carrying its gradient")
  func highlighting() throws {
    let theme = Theme.light
    let frames = GraphExporter().frames(for: recordMatmul())
    let step = frames[3].dot
    let edges = step.split(separator: "\n").filter { $0.contains("-> op2") }
    #expect(edges.count == 2)
    #expect(edges.allSatisfy { $0.contains("color=\"\(theme.gradientEdge)\"") && $0.contains("tooltip=") })
    let current = try #require(step.split(separator: "\n").first { $0.contains("v2 [id=\"v2\"") })
    #expect(current.contains("fillcolor=\"\(theme.currentFill)\""))
    // In the forward frame the same edges are not gradient edges.
    let forward = frames[1].dot.split(separator: "\n").filter { $0.contains("-> op2") }
    #expect(forward.allSatisfy { !$0.contains("tooltip=") })
  }
}
