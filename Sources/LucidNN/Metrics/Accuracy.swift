import Lucid

/// The class each row of `logits` predicts.
///
/// For `[n, C]` logits with `C ≥ 2`, the column of the largest score (the first one on
/// ties); for one score per row (`[n, 1]` or `[n]`, as used with
/// ``binaryCrossEntropy(logits:labels:)``), class 1 when the score is positive.
public func predictedClasses(logits: Tensor) -> [Int] {
  let s = logits.scalars
  if logits.ndim == 1 || (logits.ndim == 2 && logits.shape[1] == 1) {
    return s.map { $0 > 0 ? 1 : 0 }
  }
  precondition(logits.ndim == 2, "[predictedClasses] logits must be [n, classes], got shape \(logits.shape)")
  let classes = logits.shape[1]
  return (0..<logits.shape[0]).map { row in
    var best = 0
    for column in 1..<classes where s[row * classes + column] > s[row * classes + best] {
      best = column
    }
    return best
  }
}

/// The fraction of rows of `logits` whose predicted class (see
/// ``predictedClasses(logits:)``) equals the label, in `[0, 1]`.
public func accuracy(logits: Tensor, labels: [Int]) -> Double {
  let predicted = predictedClasses(logits: logits)
  precondition(predicted.count == labels.count, "[accuracy] \(predicted.count) predictions but \(labels.count) labels")
  guard !labels.isEmpty else { return 0 }
  return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
}
