import Foundation
import Lucid
import LucidNN
import Testing

@Suite("Losses")
struct LossTests {
  @Test("mean squared error: value, gradient 2(ŷ − y)/n, finite differences")
  func meanSquared() {
    let predicted = randomTensor([3, 2], seed: 1, requiresGrad: true)
    let expected = randomTensor([3, 2], seed: 2)
    let loss = meanSquaredError(predicted: predicted, expected: expected)
    let differences = zip(predicted.scalars, expected.scalars).map { $0 - $1 }
    #expect(isClose([loss.item()], [differences.map { $0 * $0 }.reduce(0, +) / 6]))
    loss.backward()
    #expect(isClose(predicted.grad!.scalars, differences.map { 2 * $0 / 6 }))

    let result = gradcheck(inputs: [predicted, expected], upstreamSeed: 3) { t in
      meanSquaredError(predicted: t[0], expected: t[1])
    }
    #expect(result.passed, "\(result)")
  }

  @Test("binary cross-entropy with logits: value, gradient (σ(z) − y)/n, finite differences")
  func binaryCrossEntropyGradient() {
    let z = randomTensor([4, 2], seed: 4, requiresGrad: true)
    let y = Tensor(shape: [4, 2], scalars: [1, 0, 0, 1, 1, 1, 0, 0.3], dtype: .float64)
    let loss = binaryCrossEntropy(logits: z, labels: y)
    let pairs = Array(zip(z.scalars, y.scalars))
    let expectedLoss = pairs.map { z, y in -y * Foundation.log(sigmoid(z)) - (1 - y) * Foundation.log(1 - sigmoid(z)) }
    #expect(isClose([loss.item()], [expectedLoss.reduce(0, +) / 8]))
    loss.backward()
    #expect(isClose(z.grad!.scalars, pairs.map { (sigmoid($0) - $1) / 8 }))

    let result = gradcheck(inputs: [z, y], upstreamSeed: 5) { t in binaryCrossEntropy(logits: t[0], labels: t[1]) }
    #expect(result.passed, "\(result)")
  }

  @Test("binary cross-entropy's gradient is exact at a logit of exactly 0")
  func binaryCrossEntropyAtZero() {
    let z = Tensor([0, 0], requiresGrad: true, dtype: .float64)
    binaryCrossEntropy(logits: z, labels: Tensor([1, 0], dtype: .float64)).backward()
    #expect(z.grad!.scalars == [-0.25, 0.25])
  }

  @Test("softmax cross-entropy: value, gradient (softmax − onehot)/B, finite differences")
  func softmaxCrossEntropyGradient() {
    let logits = randomTensor([4, 3], seed: 6, requiresGrad: true)
    let labels = [2, 0, 1, 2]
    let loss = softmaxCrossEntropy(logits: logits, labels: labels)
    let s = logits.scalars
    var expectedLoss = 0.0
    var expectedGradient: [Double] = []
    for (row, label) in labels.enumerated() {
      let scores = Array(s[(row * 3)..<(row * 3 + 3)])
      let total = scores.map(Foundation.exp).reduce(0, +)
      expectedLoss -= Foundation.log(Foundation.exp(scores[label]) / total) / 4
      expectedGradient += scores.indices.map { (Foundation.exp(scores[$0]) / total - ($0 == label ? 1 : 0)) / 4 }
    }
    #expect(isClose([loss.item()], [expectedLoss]))
    loss.backward()
    #expect(isClose(logits.grad!.scalars, expectedGradient))

    let result = gradcheck(inputs: [logits], upstreamSeed: 7) { t in softmaxCrossEntropy(logits: t[0], labels: labels) }
    #expect(result.passed, "\(result)")
  }

  @Test("losses stay finite at logits of ±1000", arguments: [DType.float32, .float64])
  func stability(dtype: DType) {
    let tolerance = dtype == .float32 ? 1e-6 : 1e-12
    let z = Tensor([1000, -1000, 1000, -1000], requiresGrad: true, dtype: dtype)
    let bce = binaryCrossEntropy(logits: z, labels: Tensor([1, 1, 0, 0], dtype: dtype))
    #expect(isClose([bce.item()], [1000.0 / 2], tolerance: tolerance))  // two confidently wrong answers cost 1000 each
    bce.backward()
    #expect(isClose(z.grad!.scalars, [0, -0.25, 0.25, 0], tolerance: tolerance))

    let logits = Tensor([[1000, -1000], [-1000, 1000], [0, 1000]], requiresGrad: true, dtype: dtype)
    let ce = softmaxCrossEntropy(logits: logits, labels: [0, 0, 1])
    #expect(isClose([ce.item()], [2000.0 / 3], tolerance: tolerance))
    ce.backward()
    #expect(logits.grad!.scalars.allSatisfy { $0.isFinite })
    #expect(isClose(logits.grad!.scalars, [0, 0, -1.0 / 3, 1.0 / 3, 0, 0], tolerance: tolerance))
  }

  @Test("one-hot rows have a single 1 in the label's column")
  func oneHot() {
    let t = Tensor.oneHot([2, 0], classCount: 3)
    #expect(t.shape == [2, 3])
    #expect(t.scalars == [0, 0, 1, 1, 0, 0])
    #expect(!t.requiresGrad)
  }

  @Test("a loss of mismatched shapes stops with a message")
  func shapeMismatch() async {
    await #expect(processExitsWith: .failure) {
      _ = meanSquaredError(predicted: Tensor.zeros([4, 1]), expected: Tensor.zeros([4]))
    }
  }
}
