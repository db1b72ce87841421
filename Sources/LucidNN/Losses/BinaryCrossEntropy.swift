import Lucid

/// Binary cross-entropy of sigmoid probabilities given as logits, averaged over all
/// elements: the mean of `−y·log σ(z) − (1 − y)·log(1 − σ(z))`.
///
/// Computed as `max(z, 0) − z·y + log(1 + e^−|z|)`, which never exponentiates a large
/// positive number, so logits of ±1000 give finite losses and gradients. `max(z, 0)` is
/// written `(z + |z|) / 2`: the two terms then share `|z|`, whose kinks at `z = 0`
/// cancel, and the gradient is exactly `(σ(z) − y) / n` everywhere, including at `0`
/// (a `relu` would give `−y / n` there).
///
/// - Parameters:
///   - logits: raw scores `z`, any shape.
///   - labels: targets `y` in `[0, 1]` (usually 0 or 1), the same shape as `logits`.
public func binaryCrossEntropy(logits: Tensor, labels: Tensor) -> Tensor {
  precondition(
    logits.shape == labels.shape,
    "[binaryCrossEntropy] logits shape \(logits.shape) and labels shape \(labels.shape) differ")
  let magnitude = logits.abs()
  let positivePart = (logits + magnitude) * 0.5
  let softTail = (1 + (-magnitude).exp()).log()
  return (positivePart - logits * labels + softTail).mean()
}
