import Lucid
import LucidNN
import Testing

@Suite("Training")
struct TrainingTests {
  @Test("the mlp example's recipe learns two moons to over 95 % training accuracy")
  func exampleRecipe() {
    let recipe = ClassifierRecipe.twoMoons
    var reported: [Int] = []
    let model = recipe.makeModel()
    let run = recipe.train(model, on: recipe.makeDataset()) { epoch, _ in reported.append(epoch) }
    #expect(run.accuracy > 0.95, "accuracy \(run.accuracy)")
    #expect(run.losses.count == recipe.epochs && reported == Array(1...recipe.epochs))
    #expect(run.losses.last! < run.losses.first! / 10, "loss \(run.losses.first!) → \(run.losses.last!)")
    #expect(!model.isTraining)
  }

  @Test("an untrained network is no better than chance on two moons")
  func untrainedBaseline() {
    var recipe = ClassifierRecipe.twoMoons
    recipe.epochs = 0
    let run = recipe.train(recipe.makeModel(), on: recipe.makeDataset())
    #expect(run.losses.isEmpty)
    #expect(run.accuracy < 0.9, "the trained accuracy must come from training; untrained \(run.accuracy)")
  }

  @Test("one forward–backward step leaves a gradient on every parameter and names the outputs")
  func forwardBackward() {
    let recipe = ClassifierRecipe.twoMoons
    let model = recipe.makeModel()
    let data = ToyDataset.twoMoons(count: 8, noise: 0.1, seed: 1)
    let step = ClassifierRecipe.forwardBackward(model: model, inputs: data.inputs, labels: data.labels)
    #expect(step.logits.shape == [8, 2] && step.loss.shape == [])
    #expect(step.loss.name == "loss" && step.logits.name == "logits")
    #expect(model.parameters.allSatisfy { $0.grad.map { $0.shape } != nil })
    // A second call starts from cleared gradients instead of accumulating.
    let first = model.parameters.map { $0.grad!.scalars }
    ClassifierRecipe.forwardBackward(model: model, inputs: data.inputs, labels: data.labels)
    #expect(model.parameters.map { $0.grad!.scalars } == first)
  }

  @Test("predicted classes and accuracy")
  func metrics() {
    let logits = Tensor([[0.1, 2, -1], [3, 3, 0], [-1, -2, 5]])
    #expect(predictedClasses(logits: logits) == [1, 0, 2])
    #expect(accuracy(logits: logits, labels: [1, 1, 2]) == 2.0 / 3)
    #expect(predictedClasses(logits: Tensor([[0.5], [-0.5]])) == [1, 0])
    #expect(accuracy(logits: Tensor([-1, 2, 3]), labels: [0, 1, 0]) == 2.0 / 3)
  }
}

@Suite("Recording a training step")
struct RecordingTests {
  @Test("a recorded step shows the parameters by name and ends with every gradient")
  func recordedStep() {
    let model = ClassifierRecipe.twoMoons.makeModel()
    let batch = ToyDataset.twoMoons(count: 4, noise: 0.2, seed: 1)
    let recorder = TraceRecorder()
    _ = withObserver(recorder) {
      ClassifierRecipe.forwardBackward(model: model, inputs: batch.inputs, labels: batch.labels)
    }
    let final = recorder.trace.state(after: recorder.trace.count)
    let byName = Dictionary(final.nodes.values.compactMap { n in n.name.map { ($0, n) } }) { a, _ in a }
    for (name, tensor) in model.namedParameters {
      let node = byName[name]
      #expect(node != nil, "\(name) is missing from the picture")
      #expect(node?.value.shape == tensor.shape)
      #expect(node?.grad?.values == tensor.grad?.scalars, "\(name)'s recorded gradient")
    }
    #expect(byName["logits"] != nil && byName["loss"] != nil && byName["x"] != nil)
  }
}
