import Foundation
import Lucid
import Testing

@Suite("Softmax and log-softmax")
struct SoftmaxTests {
  @Test("rows sum to 1 and match exp(x)/Σexp(x)")
  func values() {
    let xs: [Double] = [1, 2, 3, -1, 0, 4]
    let x = Tensor(shape: [2, 3], scalars: xs, dtype: .float64)
    let y = x.softmax()
    #expect(y.shape == [2, 3])
    for r in 0..<2 {
      let row = Array(xs[(r * 3)..<(r * 3 + 3)])
      let total = row.map { Foundation.exp($0) }.reduce(0, +)
      expectClose(Array(y.scalars[(r * 3)..<(r * 3 + 3)]), row.map { Foundation.exp($0) / total }, rtol: 1e-14)
      #expect(Swift.abs(y.scalars[(r * 3)..<(r * 3 + 3)].reduce(0, +) - 1) < 1e-14)
    }
    let columns = x.softmax(axis: 0)
    for c in 0..<3 {
      #expect(Swift.abs(columns.scalars[c] + columns.scalars[c + 3] - 1) < 1e-14)
    }
  }

  @Test("stable for inputs like 1000 (and -1000) in both dtypes", arguments: DType.allCases)
  func stable(_ dtype: DType) {
    let x = Tensor([[1000, 1001, 1002], [-1000, -1000, -1000]], requiresGrad: true, dtype: dtype)
    let y = x.softmax()
    #expect(y.scalars.allSatisfy { $0.isFinite })
    let e = [1, Foundation.exp(1.0), Foundation.exp(2.0)]
    let t = e.reduce(0, +)
    let tol = dtype == .float32 ? 1e-6 : 1e-14
    expectClose(Array(y.scalars[0..<3]), e.map { $0 / t }, atol: tol, rtol: tol)
    expectClose(Array(y.scalars[3..<6]), [1.0 / 3, 1.0 / 3, 1.0 / 3], atol: tol, rtol: tol)
    let l = x.logSoftmax()
    #expect(l.scalars.allSatisfy { $0.isFinite })
    expectClose(Array(l.scalars[0..<3]), e.map { Foundation.log($0 / t) }, atol: tol, rtol: tol)
    y.backward(gradient: Tensor([[1, 0, 0], [0, 1, 0]], dtype: dtype))
    #expect(x.grad!.scalars.allSatisfy { $0.isFinite })
  }

  @Test("softmax Jacobian by hand: ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ)")
  func jacobian() {
    let xs: [Double] = [0.5, -1, 2]
    let x = Tensor(xs, requiresGrad: true, dtype: .float64)
    let y = x.softmax()
    let v: [Double] = [0.3, -1.2, 0.7]
    y.backward(gradient: Tensor(v, dtype: .float64))
    let s = y.scalars
    var expected = [Double](repeating: 0, count: 3)
    for j in 0..<3 {
      for i in 0..<3 {
        let delta: Double = i == j ? 1 : 0
        expected[j] += v[i] * s[i] * (delta - s[j])
      }
    }
    expectClose(x.grad!.scalars, expected, atol: 1e-15, rtol: 1e-13)
    // The gradient of any softmax is orthogonal to the all-ones direction.
    #expect(Swift.abs(x.grad!.scalars.reduce(0, +)) < 1e-15)
  }

  @Test("logSoftmax equals log(softmax) and its gradient is v − softmax·Σv")
  func logSoftmax() {
    let xs: [Double] = [0.5, -1, 2, 0]
    let x = Tensor(xs, requiresGrad: true, dtype: .float64)
    let l = x.logSoftmax()
    let s = x.softmax().scalars
    expectClose(l.scalars, s.map { Foundation.log($0) }, rtol: 1e-14)
    let v: [Double] = [1, 2, -1, 0.5]
    l.backward(gradient: Tensor(v, dtype: .float64))
    let total = v.reduce(0, +)
    expectClose(x.grad!.scalars, zip(v, s).map { $0 - $1 * total }, atol: 1e-15, rtol: 1e-13)
  }

  @Test("free functions and attributes")
  func freeFunctions() {
    let x = Tensor([[1, 2], [3, 5]], dtype: .float64)
    #expect(softmax(x, axis: 0).scalars == x.softmax(axis: 0).scalars)
    #expect(Lucid.logSoftmax(x).scalars == x.logSoftmax(axis: -1).scalars)
    let y = Tensor([1, 2], requiresGrad: true).softmax()
    #expect(y.operation == .softmax)
    #expect(y.attributes["axis"] == "-1")
    #expect(y.dtype == .float32)
  }
}
