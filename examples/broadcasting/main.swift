// Broadcasting: a bias of shape [3] is added to every row of a batch of shape [2, 3].
//
//   swift run broadcasting [output-folder]      (default: output/broadcasting)
//
// Forward, the bias is copied to every row. Backward, every copy sends its gradient back,
// so the bias's gradient is the *sum over the batch*: it has the bias's own shape [3].
import Foundation
import GraphRender
import Lucid

let recorder = TraceRecorder()
withObserver(recorder) {
  let batch = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .float64, name: "batch")
  let bias = Tensor([0.1, 0.2, 0.3], requiresGrad: true, dtype: .float64, name: "bias")
  let shifted = (batch + bias).named("shifted")  // [2, 3] + [3] → [2, 3]
  let loss = (shifted * shifted).sum().named("L")  // L = Σ (batch + bias)²
  loss.backward()
  // ∂L/∂bias[j] = Σᵢ 2·(batch[i, j] + bias[j]) — one number per column.
  print("bias.grad =", bias.grad!)  // [10.4, 14.8, 19.2]
}

let folder = CommandLine.arguments.dropFirst().first ?? "output/broadcasting"
do {
  try LectureBundleWriter().write(
    recorder.trace, title: "Broadcasting: a bias added to a batch", to: URL(fileURLWithPath: folder))
  print("wrote the pictures to \(folder)/ (open \(folder)/index.html)")
} catch {
  FileHandle.standardError.write(Data("broadcasting: \(error)\n".utf8))
  exit(1)
}
