import Foundation
import Lucid
import Testing

// Shared helpers for the core tests. Everything here is written independently of the
// code under test: the random inputs come from a local generator, and the numeric
// derivatives from plain loops.

/// A tiny xorshift generator for test inputs, so inputs do not depend on `Tensor.randn`.
struct TestRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }

  /// Uniform in `[low, high)`.
  mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * Double(next() >> 11) * 0x1.0p-53
  }

  /// `count` values uniform in `[low, high)`.
  mutating func values(_ count: Int, _ low: Double = -2, _ high: Double = 2) -> [Double] {
    (0..<count).map { _ in uniform(low, high) }
  }

  /// `count` values whose magnitude lies in `[low, high)`, with random signs (keeps
  /// kinks such as `relu` and `abs` away from the finite-difference stencil).
  mutating func awayFromZero(_ count: Int, _ low: Double = 0.2, _ high: Double = 2) -> [Double] {
    (0..<count).map { _ in (next() & 1 == 0 ? 1 : -1) * uniform(low, high) }
  }
}

/// The number of elements of `shape`.
func elementCount(_ shape: [Int]) -> Int { shape.reduce(1, *) }

/// `|a − b| ≤ atol + rtol·|b|`, with NaN never close.
func isClose(_ a: Double, _ b: Double, atol: Double, rtol: Double) -> Bool {
  Swift.abs(a - b) <= atol + rtol * Swift.abs(b)
}

/// Expects two arrays to have the same length and be elementwise close.
func expectClose(
  _ actual: [Double], _ expected: [Double], atol: Double = 1e-12, rtol: Double = 1e-12,
  _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    actual.count == expected.count, "\(what): count \(actual.count) vs \(expected.count)",
    sourceLocation: sourceLocation)
  guard actual.count == expected.count else { return }
  let bad = zip(actual, expected).enumerated().filter { !isClose($0.element.0, $0.element.1, atol: atol, rtol: rtol) }
  #expect(bad.isEmpty, "\(what): \(actual) vs expected \(expected)", sourceLocation: sourceLocation)
}

/// Expects a tensor's shape and values.
func expectTensor(
  _ t: Tensor?, shape: [Int], _ values: [Double], atol: Double = 1e-12, rtol: Double = 1e-12, _ what: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let t else {
    Issue.record("\(what): tensor is nil", sourceLocation: sourceLocation)
    return
  }
  #expect(t.shape == shape, "\(what): shape \(t.shape) vs \(shape)", sourceLocation: sourceLocation)
  expectClose(t.scalars, values, atol: atol, rtol: rtol, what, sourceLocation: sourceLocation)
}

/// Float64 leaves that require grad, with the given values.
func leaves(_ shapes: [[Int]], _ values: [[Double]], dtype: DType = .float64) -> [Tensor] {
  zip(shapes, values).map { Tensor(shape: $0, scalars: $1, requiresGrad: true, dtype: dtype) }
}

/// An independent central-difference gradient of `L(x) = Σ f(x) ⊙ v` with respect to
/// every element of every input, written with plain loops (does not use `gradcheck`).
func centralDifference(
  _ shapes: [[Int]], _ values: [[Double]], upstream v: [Double], epsilon: Double = 1e-6,
  _ f: ([Tensor]) -> Tensor
) -> [[Double]] {
  func loss(_ vals: [[Double]]) -> Double {
    let inputs = zip(shapes, vals).map { Tensor(shape: $0, scalars: $1, dtype: .float64) }
    let y = f(inputs).scalars
    precondition(y.count == v.count)
    var total = 0.0
    for i in y.indices { total += y[i] * v[i] }
    return total
  }
  var result: [[Double]] = []
  for i in values.indices {
    var row: [Double] = []
    for j in values[i].indices {
      var plus = values
      var minus = values
      plus[i][j] += epsilon
      minus[i][j] -= epsilon
      row.append((loss(plus) - loss(minus)) / (2 * epsilon))
    }
    result.append(row)
  }
  return result
}

/// The analytic gradient of `Σ f(x) ⊙ v` from `backward(gradient:)`.
func analyticGradient(
  _ shapes: [[Int]], _ values: [[Double]], upstream v: [Double], dtype: DType = .float64, _ f: ([Tensor]) -> Tensor
) -> (output: Tensor, grads: [Tensor?]) {
  let x = leaves(shapes, values, dtype: dtype)
  let y = f(x)
  y.backward(gradient: Tensor(shape: y.shape, scalars: v, dtype: dtype))
  return (y, x.map(\.grad))
}

/// Naive row-major matrix product of `[m, k]` and `[k, n]` values.
func naiveMatmul(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
  var c = [Double](repeating: 0, count: m * n)
  for i in 0..<m {
    for j in 0..<n {
      var s = 0.0
      for p in 0..<k { s += a[i * k + p] * b[p * n + j] }
      c[i * n + j] = s
    }
  }
  return c
}

/// Naive transpose of a row-major `[rows, columns]` matrix.
func naiveTranspose(_ a: [Double], rows: Int, columns: Int) -> [Double] {
  var t = [Double](repeating: 0, count: rows * columns)
  for i in 0..<rows {
    for j in 0..<columns { t[j * rows + i] = a[i * columns + j] }
  }
  return t
}
