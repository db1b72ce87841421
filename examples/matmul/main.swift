// The seed's usage example: a matrix product and its gradients.
//
//   swift run matmul [output-folder]      (default: output/matmul)
//
//   out = a · b        (2×2 · 2×2)
//   backward() seeds ∂L/∂out with ones, so L = Σ out.
//   ∂L/∂a = ∂L/∂out · bᵀ  and  ∂L/∂b = aᵀ · ∂L/∂out.
import Foundation
import GraphRender
import Lucid

let recorder = TraceRecorder()
withObserver(recorder) {
  let a = Tensor([[1, 2], [3, 4]], requiresGrad: true, name: "a")
  let b = Tensor([[5, 6], [7, 8]], requiresGrad: true, name: "b")
  let out = a.matmul(b).named("out")
  out.backward()
  print(a.grad!)  // [[11, 15], [11, 15]]
  print(b.grad!)  // [[4, 4], [6, 6]]
}

let folder = CommandLine.arguments.dropFirst().first ?? "output/matmul"
do {
  try LectureBundleWriter().write(
    recorder.trace, title: "Matrix product: out = a · b", to: URL(fileURLWithPath: folder))
  print("wrote the pictures to \(folder)/ (open \(folder)/index.html)")
} catch {
  FileHandle.standardError.write(Data("matmul: \(error)\n".utf8))
  exit(1)
}
