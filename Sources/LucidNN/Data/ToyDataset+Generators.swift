import Foundation
import Lucid

extension ToyDataset {
  /// Two interleaving half circles (scikit-learn's `make_moons`): class 0 is the upper
  /// arc `(cos t, sin t)`, class 1 the lower arc `(1 − cos t, ½ − sin t)`, `t` uniform in
  /// `[0, π]`, plus Gaussian noise of standard deviation `noise`. Half the points per class.
  public static func twoMoons(count: Int = 200, noise: Double = 0.1, seed: UInt64) -> ToyDataset {
    var random = SplitMix64(seed: seed)
    var points: [[Double]] = []
    var labels: [Int] = []
    for i in 0..<count {
      let label = i < count / 2 ? 0 : 1
      let t = Double.pi * random.nextUnit()
      let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
      points.append([x + noise * random.nextGaussian(), y + noise * random.nextGaussian()])
      labels.append(label)
    }
    return ToyDataset(points: points, labels: labels, classCount: 2)
  }

  /// The XOR problem: four Gaussian blobs of standard deviation `noise` at `(±1, ±1)`;
  /// class 1 where exactly one coordinate of the centre is positive. A quarter of the
  /// points per blob.
  public static func xor(count: Int = 200, noise: Double = 0.3, seed: UInt64) -> ToyDataset {
    var random = SplitMix64(seed: seed)
    let centres: [(Double, Double)] = [(-1, -1), (1, 1), (-1, 1), (1, -1)]
    var points: [[Double]] = []
    var labels: [Int] = []
    for i in 0..<count {
      let blob = i * 4 / count
      let (cx, cy) = centres[blob]
      points.append([cx + noise * random.nextGaussian(), cy + noise * random.nextGaussian()])
      labels.append(blob < 2 ? 0 : 1)
    }
    return ToyDataset(points: points, labels: labels, classCount: 2)
  }

  /// Interleaved spiral arms, one per class (the CS231n spirals): along arm `k` the
  /// radius grows from 0 to 1 while the angle turns through `turns` revolutions, starting
  /// at `2πk / classCount`; the angle gets Gaussian noise of standard deviation `noise`.
  public static func spirals(
    count: Int = 300, classCount: Int = 2, turns: Double = 0.75, noise: Double = 0.2, seed: UInt64
  ) -> ToyDataset {
    precondition(classCount >= 2, "[spirals] needs at least two classes, got \(classCount)")
    var random = SplitMix64(seed: seed)
    var points: [[Double]] = []
    var labels: [Int] = []
    let perClass = count / classCount
    for i in 0..<count {
      let label = Swift.min(i / perClass, classCount - 1)
      let r = Double(i - label * perClass) / Double(Swift.max(perClass - 1, 1))
      let angle =
        2 * Double.pi * (Double(label) / Double(classCount) + turns * r) + noise * random.nextGaussian()
      points.append([r * cos(angle), r * sin(angle)])
      labels.append(label)
    }
    return ToyDataset(points: points, labels: labels, classCount: classCount)
  }
}
