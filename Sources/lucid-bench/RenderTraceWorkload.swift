import Foundation
import GraphExport
import GraphRender
import Lucid

/// `render-trace`: the frames `GraphExporter` makes for a recorded forward and backward pass of a
/// small scalar network (3 inputs, 4 tanh neurons, 1 tanh output, squared error: about 100 nodes
/// and 80 frames, HTML-like labels), rendered as a sequence, one frame at a time, and with the
/// `dot` command once per frame.
func runRenderTraceWorkload(_ configuration: BenchConfiguration) throws {
  let frames = GraphExporter().frames(for: recordNetwork()).map(\.dot)
  let renderer = GraphRenderer()
  let runs = configuration.quick ? 2 : 5
  _ = try renderer.renderFrames(frames, as: .svg)  // warm-up
  let timing = try SequenceTiming.measure(frames, runs: runs, renderer: renderer, label: "render-trace")
  var cli: Double?
  if let dotPath = DotCommand.locate() {
    let picked = stride(from: 0, to: frames.count, by: max(1, frames.count / 5)).map { frames[$0] }
    cli = Measure.median(
      try picked.map { frame in
        try Measure.milliseconds { try DotCommand.render(frame, dotPath: dotPath, nodeCount: 0) }
      })
  }
  timing.report(workload: "render-trace", nodes: nodeCount(frames[0]), frames: frames.count, cliPerFrame: cli)
}

/// The node statements of an exporter frame (values `v…` and ops `op…`).
private func nodeCount(_ dot: String) -> Int {
  dot.split(separator: "\n").filter { line in
    let text = line.drop { $0 == " " }
    return (text.hasPrefix("v") || text.hasPrefix("op")) && text.contains(" [id=") && !text.contains("->")
  }.count
}

/// Records `L = (tanh(v · tanh(W x + b) + c) - y)²` on 0-d tensors, forward and backward.
private func recordNetwork() -> Trace {
  let recorder = TraceRecorder()
  withObserver(recorder) {
    let inputs = [0.5, -1.5, 2.0].enumerated().map { Tensor($1, name: "x\($0 + 1)") }
    var hidden: [Tensor] = []
    for neuron in 0..<4 {
      var sum = Tensor(0.1 * Double(neuron) - 0.2, requiresGrad: true, name: "b\(neuron + 1)")
      for (index, input) in inputs.enumerated() {
        let weight = Tensor(0.3 * Double(index - neuron) + 0.1, requiresGrad: true, name: "w\(neuron + 1)\(index + 1)")
        sum = sum + weight * input
      }
      hidden.append(sum.tanh().named("h\(neuron + 1)"))
    }
    var output = Tensor(0.05, requiresGrad: true, name: "c")
    for (index, unit) in hidden.enumerated() {
      output = output + Tensor(0.5 - 0.25 * Double(index), requiresGrad: true, name: "v\(index + 1)") * unit
    }
    let prediction = output.tanh().named("o")
    let error = (prediction - Tensor(1.0, name: "y")).named("e")
    let loss = (error * error).named("L")
    loss.backward()
  }
  return recorder.trace
}
