import Lucid

/// Cross-entropy of softmax probabilities against integer class labels, averaged over
/// the batch: `−(1/B) Σᵢ log softmax(zᵢ)[yᵢ]`.
///
/// Built from ``Lucid/Tensor/logSoftmax(axis:)`` (stable for logits of any size) and a
/// one-hot constant: `−Σ onehot ⊙ logSoftmax(z) / B`. Gradient:
/// `∂L/∂z = (softmax(z) − onehot) / B`.
///
/// - Parameters:
///   - logits: raw scores, `[B, C]`: one row per example, one column per class.
///   - labels: the class of each row, `B` integers in `0..<C`.
public func softmaxCrossEntropy(logits: Tensor, labels: [Int]) -> Tensor {
  precondition(
    logits.ndim == 2 && logits.shape[0] == labels.count,
    "[softmaxCrossEntropy] logits must be [batch, classes] with one label per row, "
      + "got shape \(logits.shape) and \(labels.count) labels")
  let oneHot = Tensor.oneHot(labels, classCount: logits.shape[1], dtype: logits.dtype)
  return -(oneHot * logits.logSoftmax(axis: 1)).sum() / Double(labels.count)
}
