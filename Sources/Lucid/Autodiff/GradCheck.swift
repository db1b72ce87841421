/// The outcome of ``gradcheck(inputs:upstreamSeed:epsilon:absoluteTolerance:relativeTolerance:_:)``.
public struct GradCheckResult: Sendable, CustomStringConvertible {
  /// The analytic gradient of each input (from `backward`), row-major.
  public var analytic: [[Double]]
  /// The central finite-difference estimate for each input, row-major.
  public var numeric: [[Double]]
  /// The largest `|analytic − numeric|` over all elements.
  public var maxAbsoluteError: Double
  /// Whether every element satisfied `|a − n| ≤ atol + rtol·|n|`.
  public var passed: Bool

  /// A one-line verdict with the largest error.
  public var description: String {
    "gradcheck \(passed ? "passed" : "FAILED"): max |analytic − numeric| = \(maxAbsoluteError)"
  }
}

/// Checks the analytic gradients of `function` against central finite differences.
///
/// Every input is copied to `Float64` and made to require grad. The function's output
/// `y` is contracted with a random upstream gradient `v` (seeded, so runs repeat):
/// `L = Σ y ⊙ v`. The analytic gradient comes from `y.backward(gradient: v)`, the numeric
/// one from `(L(x + ε) − L(x − ε)) / 2ε` per element. A random `v` catches rules that are
/// only right for the all-ones seed.
///
///     let result = gradcheck(inputs: [x, w]) { t in (t[0].matmul(t[1])).tanh() }
///     assert(result.passed, "\(result)")
public func gradcheck(
  inputs: [Tensor], upstreamSeed: UInt64 = 42, epsilon: Double = 1e-6, absoluteTolerance: Double = 1e-6,
  relativeTolerance: Double = 1e-5, _ function: ([Tensor]) -> Tensor
) -> GradCheckResult {
  let base = inputs.map { $0.scalars }
  let shapes = inputs.map(\.shape)
  func leaves(_ values: [[Double]]) -> [Tensor] {
    zip(shapes, values).map { Tensor(shape: $0, scalars: $1, requiresGrad: true, dtype: .float64) }
  }

  let x = leaves(base)
  let y = function(x)
  let v = Tensor.randn(y.shape, seed: upstreamSeed, dtype: .float64)
  // An output that depends on no input has zero analytic gradients.
  if y.requiresGrad { y.backward(gradient: v) }
  let analytic = x.map { $0.gradValue?.doubles ?? [Double](repeating: 0, count: $0.size) }

  func objective(_ values: [[Double]]) -> Double {
    withNoGrad { zip(function(leaves(values)).scalars, v.scalars).reduce(0) { $0 + $1.0 * $1.1 } }
  }
  var numeric: [[Double]] = []
  for (i, values) in base.enumerated() {
    var estimates: [Double] = []
    for j in values.indices {
      var plus = base
      var minus = base
      plus[i][j] += epsilon
      minus[i][j] -= epsilon
      estimates.append((objective(plus) - objective(minus)) / (2 * epsilon))
    }
    numeric.append(estimates)
  }

  var maxError = 0.0
  var passed = true
  for (a, n) in zip(analytic.joined(), numeric.joined()) {
    let error = Swift.abs(a - n)
    maxError = Swift.max(maxError, error.isNaN ? .infinity : error)
    if !(error <= absoluteTolerance + relativeTolerance * Swift.abs(n)) { passed = false }
  }
  return GradCheckResult(analytic: analytic, numeric: numeric, maxAbsoluteError: maxError, passed: passed)
}
