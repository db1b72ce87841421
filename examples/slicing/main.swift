// Slicing: reading part of a tensor, and where the gradient goes back to.
//
//   swift run slicing [output-folder]      (default: output/slicing)
//
// x[.all, 1] reads column 1 and x[0] reads row 0. Backward, each slice's gradient is
// *scattered* into zeros of x's shape at the positions it read; where both slices read the
// same element (x[0, 1]) the two gradients add up.
import Foundation
import GraphRender
import Lucid

let recorder = TraceRecorder()
withObserver(recorder) {
  let x = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true, name: "x")
  let column = x[.all, 1].named("column")  // [2, 5]
  let row = x[0].named("row")  // [1, 2, 3]
  let loss = (column.sum() * 10 + row.sum()).named("L")
  loss.backward()
  print("x.grad =", x.grad!)  // [[1, 11, 1], [0, 10, 0]]
}

let folder = CommandLine.arguments.dropFirst().first ?? "output/slicing"
do {
  try LectureBundleWriter().write(
    recorder.trace, title: "Slicing and its scatter backward", to: URL(fileURLWithPath: folder))
  print("wrote the pictures to \(folder)/ (open \(folder)/index.html)")
} catch {
  FileHandle.standardError.write(Data("slicing: \(error)\n".utf8))
  exit(1)
}
