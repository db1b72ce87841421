// A tiny neural network learns to separate two interleaving half moons.
//
//   swift run -c release mlp [output-folder]      (default: output/mlp)
//
// It prints the loss as it trains and writes:
//   loss.svg               the loss curve, epoch by epoch
//   decision-boundary.svg  the points over the regions the trained network assigns to each class
//   index.html, frames/…   one training step's forward and backward pass, frame by frame
import Foundation
import GraphRender
import Lucid
import LucidNN

// 1. The data: 200 points on two noisy half circles, labelled 0 (upper) and 1 (lower).
//    The recipe fixes everything else too (network, optimizer, epochs) and every number
//    comes from its seed, so each run prints the same thing. The tests train the same recipe.
let recipe = ClassifierRecipe.twoMoons
let data = recipe.makeDataset()

// 2. The model: 2 inputs → 16 → 16 → 2 scores ("logits"), with ReLU in between:
//      logits = ReLU(ReLU(x·W₀ + b₀)·W₂ + b₂)·W₄ + b₄
//    The parameters are named by their position, as the graph pictures show them.
let model = recipe.makeModel()
print("model: \(recipe.layerSizes.map(String.init).joined(separator: " → ")), \(model.parameterCount) parameters")
for (name, tensor) in model.namedParameters {
  print("  \(name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(tensor.shape)")
}

// 3. One training step, the part worth drawing: run the network, measure the loss
//    (softmax cross-entropy), backpropagate. Afterwards every parameter holds ∂loss/∂parameter.
//
//    We record one such step on a batch of 4 points, before training, to draw it frame by
//    frame: forward through the three layers, then backward. The step changes no weight.
let recorder = TraceRecorder()
let batch = ToyDataset.twoMoons(count: 4, noise: 0.2, seed: 1)
withObserver(recorder) { recordableStep(model: model, batch: batch) }
model.zeroGrad()

@discardableResult
func recordableStep(model: Sequential, batch: ToyDataset) -> TrainingStep {
  ClassifierRecipe.forwardBackward(model: model, inputs: batch.inputs, labels: batch.labels)
}

// 4. Training: each epoch runs that same step on all 200 points, then one Adam update of
//    every parameter (p ← p − lr·m̂/(√v̂ + ε)), done without recording a graph.
let started = Date()
let run = recipe.train(model, on: data) { epoch, loss in
  if epoch == 1 || epoch % 25 == 0 {
    print(String(format: "epoch %4d  loss %.4f", epoch, loss))
  }
}
let seconds = Date().timeIntervalSince(started)
print(
  String(format: "trained %d epochs in %.2f s; training accuracy %.1f %%", recipe.epochs, seconds, 100 * run.accuracy))

// 5. Pictures. The decision boundary asks the trained network for the class of every cell
//    of a grid covering the data, with gradients off (no graph is needed to predict).
let folder = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "output/mlp", isDirectory: true)
do {
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let lossURL = folder.appendingPathComponent("loss.svg")
  try writeAtomically(lossCurve(run.losses), to: lossURL)
  let boundaryURL = folder.appendingPathComponent("decision-boundary.svg")
  try writeAtomically(decisionBoundary(model: model, data: data, accuracy: run.accuracy), to: boundaryURL)
  print("wrote \(lossURL.path)\nwrote \(boundaryURL.path)")
  let bundle = try LectureBundleWriter().write(
    recorder.trace, title: "One training step of a 2 → 16 → 16 → 2 network (batch of 4)", to: folder)
  print("wrote \(bundle.frames.count) frames of one training step (open \(folder.path)/index.html)")
} catch {
  FileHandle.standardError.write(Data("mlp: could not write the pictures: \(error)\n".utf8))
  exit(1)
}
