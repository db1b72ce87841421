import Lucid

/// The mean squared error `mean((predicted − expected)²)` over all elements.
///
/// Gradient: `∂L/∂predicted = 2(predicted − expected) / n` for `n` elements.
///
/// The shapes must be equal: broadcasting a `[n, 1]` prediction against an `[n]` target
/// would silently compare every pair, so a mismatch stops with a message instead.
public func meanSquaredError(predicted: Tensor, expected: Tensor) -> Tensor {
  precondition(
    predicted.shape == expected.shape,
    "[meanSquaredError] predicted shape \(predicted.shape) and expected shape \(expected.shape) differ")
  return ((predicted - expected) ** 2).mean()
}
