// Hooks: watch a gradient as it flows, or change it (here: clip it to [-1, 1]).
//
//   swift run hooks [output-folder]      (default: output/hooks)
//
// A hook runs once per backward pass with the tensor's full gradient. Returning a tensor
// replaces the gradient (as in PyTorch); returning nil only observes.
import Foundation
import GraphRender
import Lucid

let recorder = TraceRecorder()
withObserver(recorder) {
  let x = Tensor([0.5, -2, 3], requiresGrad: true, name: "x")
  let h = (x * x).named("h")
  let watch = h.registerHook { g in
    print("∂L/∂h arrives:", g)  // [1, 1, 1]
    return nil
  }
  let clip = x.registerHook { g in
    print("∂L/∂x before clipping:", g)  // [1, -4, 6]
    return Tensor(shape: g.shape, scalars: g.scalars.map { min(max($0, -1), 1) })
  }
  h.sum().named("L").backward()
  print("x.grad after clipping:", x.grad!)  // [1, -1, 1]
  watch.remove()
  clip.remove()
}

let folder = CommandLine.arguments.dropFirst().first ?? "output/hooks"
do {
  try LectureBundleWriter().write(
    recorder.trace, title: "Hooks: a gradient clipped to [-1, 1]", to: URL(fileURLWithPath: folder))
  print("wrote the pictures to \(folder)/ (open \(folder)/index.html)")
} catch {
  FileHandle.standardError.write(Data("hooks: \(error)\n".utf8))
  exit(1)
}
