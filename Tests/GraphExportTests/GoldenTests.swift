import GraphExport
import Lucid
import Testing

@Suite("DOT golden files")
struct GoldenTests {
  @Test("the seed's matmul example: whole graph, the seed frame and the matmul backward frame")
  func matmul() throws {
    let trace = recordMatmul()
    let exporter = GraphExporter()
    let frames = exporter.frames(for: trace)
    #expect(frames.map(\.kind) == [.start, .forward, .seed, .backward, .end])
    try expectGolden(exporter.dot(for: trace), "matmul-graph.dot")
    try expectGolden(frames[2].dot, "matmul-frame-2-seed.dot")
    try expectGolden(frames[3].dot, "matmul-frame-3-backward.dot")
  }

  @Test("the live graph of the matmul example after backward() shows the same numbers")
  func matmulLive() throws {
    let a = Tensor([[1, 2], [3, 4]], requiresGrad: true, name: "a")
    let b = Tensor([[5, 6], [7, 8]], requiresGrad: true, name: "b")
    let out = a.matmul(b).named("out").retainingGrad()
    out.backward()
    try expectGolden(GraphExporter().dot(for: out), "matmul-live.dot")
  }

  @Test("micrograd's neuron: final state and the tanh backward frame")
  func neuron() throws {
    let trace = recordNeuron()
    let exporter = GraphExporter()
    let frames = exporter.frames(for: trace)
    let tanhStep = try #require(frames.first { $0.kind == .backward })
    #expect(tanhStep.caption.title == "backward 1/5: tanh → o")
    try expectGolden(frames.last!.dot, "neuron-final.dot")
    try expectGolden(tanhStep.dot, "neuron-backward-tanh.dot")
  }
}
