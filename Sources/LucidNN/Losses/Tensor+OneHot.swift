import Lucid

extension Tensor {
  /// A constant `[labels.count, classCount]` matrix with a 1 in column `labels[i]` of
  /// row `i` and 0 elsewhere, named `one-hot`.
  ///
  /// Stops with a message when a label is outside `0..<classCount`.
  public static func oneHot(_ labels: [Int], classCount: Int, dtype: DType = .float32) -> Tensor {
    var scalars = [Double](repeating: 0, count: labels.count * classCount)
    for (row, label) in labels.enumerated() {
      precondition(
        (0..<classCount).contains(label), "[oneHot] label \(label) of row \(row) is not in 0..<\(classCount)")
      scalars[row * classCount + label] = 1
    }
    return Tensor(shape: [labels.count, classCount], scalars: scalars, dtype: dtype, name: "one-hot")
  }
}
