import Lucid
import LucidNN
import Testing

@Suite("Toy data sets")
struct DataTests {
  static let problems: [ToyProblem] = [
    .twoMoons(count: 100, noise: 0.1), .xor(count: 100, noise: 0.2), .spirals(count: 99, classCount: 3, noise: 0.1),
  ]

  @Test("generators are pure functions of their seed", arguments: problems)
  func reproducible(problem: ToyProblem) {
    let a = problem.makeDataset(seed: 1)
    let b = problem.makeDataset(seed: 1)
    let c = problem.makeDataset(seed: 2)
    #expect(a.inputs.scalars == b.inputs.scalars && a.labels == b.labels)
    #expect(a.inputs.scalars != c.inputs.scalars)
  }

  @Test("shapes, label ranges and balanced classes", arguments: problems)
  func shape(problem: ToyProblem) {
    let data = problem.makeDataset(seed: 3)
    #expect(data.inputs.shape == [data.count, 2])
    #expect(data.classCount == problem.classCount)
    let perClass = (0..<data.classCount).map { k in data.labels.filter { $0 == k }.count }
    #expect(perClass.allSatisfy { $0 == data.count / data.classCount })
    #expect(data.points.count == data.count && data.points[1] == Array(data.inputs.scalars[2..<4]))
  }

  @Test("two moons: the upper arc is class 0, the lower arc class 1")
  func moonsGeometry() {
    let data = ToyDataset.twoMoons(count: 200, noise: 0, seed: 4)
    for (point, label) in zip(data.points, data.labels) {
      let (x, y) = label == 0 ? (point[0], point[1]) : (1 - point[0], 0.5 - point[1])
      #expect(Swift.abs(x * x + y * y - 1) < 1e-5)
      #expect(label == 0 ? point[1] >= -1e-6 : point[1] <= 0.5 + 1e-6)
    }
  }

  @Test("XOR: class 1 exactly where the signs differ (without noise)")
  func xorGeometry() {
    let data = ToyDataset.xor(count: 40, noise: 0, seed: 5)
    for (point, label) in zip(data.points, data.labels) {
      #expect(label == ((point[0] > 0) != (point[1] > 0) ? 1 : 0))
    }
  }
}
