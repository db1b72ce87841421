import Foundation
import Lucid
import Testing

@Suite("Elementwise functions")
struct ElementwiseTests {
  let xs: [Double] = [-2.5, -1, -0.3, 0.4, 1.2, 3]

  /// Runs `f` on `xs` (Float64) with a random upstream gradient and returns
  /// `(values, gradient, upstream)`.
  func run(_ f: (Tensor) -> Tensor, _ inputs: [Double]? = nil) -> ([Double], [Double], [Double]) {
    let values = inputs ?? xs
    let x = Tensor(values, requiresGrad: true, dtype: .float64)
    var rng = TestRandom(seed: 21)
    let v = rng.values(values.count)
    let y = f(x)
    y.backward(gradient: Tensor(v, dtype: .float64))
    return (y.scalars, x.grad!.scalars, v)
  }

  @Test("exp: value and d/dx eˣ = eˣ")
  func expRule() {
    let (y, g, v) = run { $0.exp() }
    expectClose(y, xs.map { Foundation.exp($0) }, rtol: 1e-15)
    expectClose(g, zip(xs, v).map { Foundation.exp($0) * $1 }, rtol: 1e-14)
  }

  @Test("log: value and d/dx ln x = 1/x")
  func logRule() {
    let pos = xs.map { Swift.abs($0) }
    let (y, g, v) = run({ $0.log() }, pos)
    expectClose(y, pos.map { Foundation.log($0) }, rtol: 1e-15)
    expectClose(g, zip(pos, v).map { $1 / $0 }, rtol: 1e-14)
  }

  @Test("sqrt: value and d/dx √x = 1/(2√x)")
  func sqrtRule() {
    let pos = xs.map { Swift.abs($0) }
    let (y, g, v) = run({ $0.sqrt() }, pos)
    expectClose(y, pos.map { $0.squareRoot() }, rtol: 1e-15)
    expectClose(g, zip(pos, v).map { $1 / (2 * $0.squareRoot()) }, rtol: 1e-14)
  }

  @Test("tanh: d/dx tanh = 1 − tanh²")
  func tanhRule() {
    let (y, g, v) = run { $0.tanh() }
    let t = xs.map { Foundation.tanh($0) }
    expectClose(y, t, rtol: 1e-15)
    expectClose(g, zip(t, v).map { (1 - $0 * $0) * $1 }, rtol: 1e-13)
  }

  @Test("sigmoid: σ = 1/(1+e⁻ˣ), σ' = σ(1−σ)")
  func sigmoidRule() {
    let (y, g, v) = run { $0.sigmoid() }
    let s = xs.map { 1 / (1 + Foundation.exp(-$0)) }
    expectClose(y, s, rtol: 1e-14)
    expectClose(g, zip(s, v).map { $0 * (1 - $0) * $1 }, rtol: 1e-13)
  }

  @Test("sigmoid is stable at ±1000 in both dtypes", arguments: DType.allCases)
  func sigmoidStable(_ dtype: DType) {
    let x = Tensor([-1000, -100, 0, 100, 1000], requiresGrad: true, dtype: dtype)
    let y = x.sigmoid()
    #expect(y.scalars.allSatisfy { $0.isFinite })
    #expect(y.scalars[0] == 0)
    #expect(y.scalars[2] == 0.5)
    #expect(y.scalars[4] == 1)
    #expect(y.scalars[1] >= 0 && y.scalars[1] < 1e-40)
    y.backward()
    #expect(x.grad!.scalars.allSatisfy { $0.isFinite })
    #expect(x.grad!.scalars[0] == 0)
    #expect(x.grad!.scalars[2] == 0.25)
    #expect(x.grad!.scalars[4] == 0)
  }

  @Test("tanh saturates cleanly at ±1000")
  func tanhStable() {
    let x = Tensor([-1000, 1000], requiresGrad: true, dtype: .float64)
    let y = x.tanh()
    #expect(y.scalars == [-1, 1])
    y.backward()
    #expect(x.grad?.scalars == [0, 0])
  }

  @Test("relu: value, derivative 1 for x > 0, 0 for x < 0 and at exactly 0")
  func reluRule() {
    let inputs: [Double] = [-2, -0.0, 0, 0.5, 3]
    let (y, g, v) = run({ $0.relu() }, inputs)
    #expect(y == [0, 0, 0, 0.5, 3])
    #expect(g == [0, 0, 0, v[3], v[4]])
  }

  @Test("abs: value, derivative sign(x), and 0 at exactly 0")
  func absRule() {
    let inputs: [Double] = [-2, -0.0, 0, 0.5, 3]
    let (y, g, v) = run({ $0.abs() }, inputs)
    #expect(y == [2, 0, 0, 0.5, 3])
    #expect(g == [-v[0], 0, 0, v[3], v[4]])
  }

  @Test("free functions equal the methods")
  func freeFunctions() {
    let x = Tensor([0.5, 1.5, 2], dtype: .float64)
    #expect(exp(x).scalars == x.exp().scalars)
    #expect(log(x).scalars == x.log().scalars)
    #expect(sqrt(x).scalars == x.sqrt().scalars)
    #expect(tanh(x).scalars == x.tanh().scalars)
    #expect(sigmoid(x).scalars == x.sigmoid().scalars)
    #expect(relu(x - 1).scalars == (x - 1).relu().scalars)
    #expect(abs(x - 1).scalars == (x - 1).abs().scalars)
  }

  @Test(
    "Float32 elementwise results stay Float32", arguments: ["exp", "log", "sqrt", "tanh", "sigmoid", "relu", "abs"])
  func float32Dtype(_ name: String) {
    let x = Tensor([0.5, 1.5], requiresGrad: true, dtype: .float32)
    let y: Tensor
    switch name {
    case "exp": y = x.exp()
    case "log": y = x.log()
    case "sqrt": y = x.sqrt()
    case "tanh": y = x.tanh()
    case "sigmoid": y = x.sigmoid()
    case "relu": y = x.relu()
    default: y = x.abs()
    }
    #expect(y.dtype == .float32)
    y.backward()
    #expect(x.grad?.dtype == .float32)
  }

  @Test("log and sqrt outside their domain give nan/-inf, not a crash")
  func domain() {
    let x = Tensor([-1, 0], dtype: .float64)
    #expect(x.log().scalars[0].isNaN)
    #expect(x.log().scalars[1] == -.infinity)
    #expect(x.sqrt().scalars[0].isNaN)
  }
}
