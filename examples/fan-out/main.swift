// Fan-out: a value used twice receives the sum of both gradients.
//
//   swift run fan-out [output-folder]      (default: output/fan-out)
//
// y = a·a + a uses `a` three times (twice in the product, once in the sum), so
// ∂y/∂a = a + a + 1 = 2a + 1 = 7 at a = 3. Step through the frames to watch a's gradient
// grow 1 → 4 → 7 as each contribution arrives.
import Foundation
import GraphRender
import Lucid

let recorder = TraceRecorder()
withObserver(recorder) {
  let a = Tensor(3.0, requiresGrad: true, name: "a")
  let y = (a * a + a).named("y")
  y.backward()
  print("∂y/∂a =", a.grad!)  // 7
}

let folder = CommandLine.arguments.dropFirst().first ?? "output/fan-out"
do {
  try LectureBundleWriter().write(recorder.trace, title: "Fan-out: y = a·a + a", to: URL(fileURLWithPath: folder))
  print("wrote the pictures to \(folder)/ (open \(folder)/index.html)")
} catch {
  FileHandle.standardError.write(Data("fan-out: \(error)\n".utf8))
  exit(1)
}
