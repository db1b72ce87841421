// A micrograd-style neuron: o = tanh(x1·w1 + x2·w2 + b), with the classic values.
import GraphExport
import Lucid

let recorder = TraceRecorder()
withObserver(recorder) {
  let x1 = Tensor(2.0, name: "x1")
  let x2 = Tensor(0.0, name: "x2")
  let w1 = Tensor(-3.0, requiresGrad: true, name: "w1")
  let w2 = Tensor(1.0, requiresGrad: true, name: "w2")
  let b = Tensor(6.8813735870195432, requiresGrad: true, name: "b")
  let x1w1 = (x1 * w1).named("x1·w1")
  let x2w2 = (x2 * w2).named("x2·w2")
  let n = (x1w1 + x2w2 + b).named("n")
  let o = n.tanh().named("o")
  o.backward()
}
let frames = GraphExporter().frames(for: recorder.trace)
let args = CommandLine.arguments
if args.count > 1, let k = Int(args[1]) {
  print(frames[k].dot)
} else {
  print(frames.last!.dot)
}
