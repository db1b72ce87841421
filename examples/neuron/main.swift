// A single neuron, micrograd style: o = tanh(x1·w1 + x2·w2 + b), with the classic values.
//
//   swift run neuron [output-folder]      (default: output/neuron)
//
// The inputs x1, x2 are data (no gradient); the weights w1, w2 and the bias b are parameters.
// b is chosen so that n = 0.8814 and o = tanh(n) = 0.7071, so do/dn = 1 − o² = 0.5 exactly.
import Foundation
import GraphRender
import Lucid

let recorder = TraceRecorder()
withObserver(recorder) {
  let x1 = Tensor(2.0, dtype: .float64, name: "x1")
  let x2 = Tensor(0.0, dtype: .float64, name: "x2")
  let w1 = Tensor(-3.0, requiresGrad: true, dtype: .float64, name: "w1")
  let w2 = Tensor(1.0, requiresGrad: true, dtype: .float64, name: "w2")
  let b = Tensor(6.8813735870195432, requiresGrad: true, dtype: .float64, name: "b")

  // Forward: every op records its parents and its backward rule.
  let x1w1 = (x1 * w1).named("x1·w1")
  let x2w2 = (x2 * w2).named("x2·w2")
  let n = (x1w1 + x2w2 + b).named("n")
  let o = n.tanh().named("o")

  // Backward: ∂o/∂o = 1, then the chain rule node by node, in reverse topological order.
  o.backward()
  print("o = \(o), ∂o/∂w1 = \(w1.grad!), ∂o/∂w2 = \(w2.grad!), ∂o/∂b = \(b.grad!)")
}

let folder = CommandLine.arguments.dropFirst().first ?? "output/neuron"
do {
  let bundle = try LectureBundleWriter().write(
    recorder.trace, title: "A neuron: o = tanh(x1·w1 + x2·w2 + b)", to: URL(fileURLWithPath: folder))
  print("wrote \(bundle.frames.count) frames and a stepper page to \(folder)/ (open \(folder)/index.html)")
} catch {
  FileHandle.standardError.write(Data("neuron: \(error)\n".utf8))
  exit(1)
}
