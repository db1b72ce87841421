import Lucid
import Testing

@Suite("Arithmetic and broadcasting")
struct ArithmeticTests {
  @Test("elementwise forward values")
  func forward() {
    let a = Tensor([[1, 2], [3, 4]])
    let b = Tensor([[5, 6], [7, 8]])
    #expect((a + b).scalars == [6, 8, 10, 12])
    #expect((a - b).scalars == [-4, -4, -4, -4])
    #expect((a * b).scalars == [5, 12, 21, 32])
    expectClose((a / b).scalars, [1.0 / 5, 2.0 / 6, 3.0 / 7, 4.0 / 8], atol: 0, rtol: 1e-7)
    #expect((-a).scalars == [-1, -2, -3, -4])
    #expect((a ** 2).scalars == [1, 4, 9, 16])
    #expect((a + 1).scalars == [2, 3, 4, 5])
    #expect((10 - a).scalars == [9, 8, 7, 6])
    #expect((a - 1).scalars == [0, 1, 2, 3])
    #expect((2 * a).scalars == [2, 4, 6, 8])
    #expect((a / 2).scalars == [0.5, 1, 1.5, 2])
    #expect((12 / a).scalars == [12, 6, 4, 3])
    #expect((2 ** a).scalars == [2, 4, 8, 16])
    #expect((a ** b).scalars == [1, 64, 2187, 65536])
  }

  @Test("** is right-associative and binds tighter than *")
  func powerPrecedence() {
    let x = Tensor([2.0], dtype: .float64)
    #expect((2 * x ** 2).scalars == [8])
    let three = Tensor(3.0, dtype: .float64)
    let two = Tensor(2.0, dtype: .float64)
    #expect((x ** three ** two).scalars == [512])  // 2 ** (3 ** 2), not (2 ** 3) ** 2 = 64
  }

  @Test("scalar broadcasts against a matrix, both sides")
  func scalarBroadcast() {
    let s = Tensor(2, requiresGrad: true, dtype: .float64)
    let m = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true, dtype: .float64)
    let y = s * m
    #expect(y.shape == [2, 3])
    #expect(y.scalars == [2, 4, 6, 8, 10, 12])
    y.backward()
    #expect(s.grad?.shape == [])
    #expect(s.grad?.scalars == [21])
    #expect(m.grad?.scalars == [2, 2, 2, 2, 2, 2])
  }

  @Test("row vector against a matrix: the row's gradient sums the columns")
  func rowBroadcast() {
    let m = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true, dtype: .float64)
    let r = Tensor([10, 20, 30], requiresGrad: true, dtype: .float64)
    let y = m + r
    #expect(y.scalars == [11, 22, 33, 14, 25, 36])
    let g = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .float64)
    y.backward(gradient: g)
    #expect(r.grad?.shape == [3])
    #expect(r.grad?.scalars == [5, 7, 9])
    #expect(m.grad?.scalars == [1, 2, 3, 4, 5, 6])
  }

  @Test("column (3,1) with row (1,4) makes (3,4); each gets its own sum back")
  func columnTimesRow() {
    let c = Tensor([[1], [2], [3]], requiresGrad: true, dtype: .float64)
    let r = Tensor([[1, 10, 100, 1000]], requiresGrad: true, dtype: .float64)
    let y = c * r
    #expect(y.shape == [3, 4])
    #expect(y.scalars == [1, 10, 100, 1000, 2, 20, 200, 2000, 3, 30, 300, 3000])
    y.backward()
    #expect(c.grad?.shape == [3, 1])
    #expect(c.grad?.scalars == [1111, 1111, 1111])
    #expect(r.grad?.shape == [1, 4])
    #expect(r.grad?.scalars == [6, 6, 6, 6])
  }

  @Test("rank promotion (2,3,4)+(4): gradient of the vector sums 6 rows")
  func rankPromotion() {
    let a = Tensor.zeros([2, 3, 4], requiresGrad: true, dtype: .float64)
    let v = Tensor([1, 2, 3, 4], requiresGrad: true, dtype: .float64)
    let y = a + v
    #expect(y.shape == [2, 3, 4])
    #expect(Array(y.scalars[20..<24]) == [1, 2, 3, 4])
    var rng = TestRandom(seed: 3)
    let g = rng.values(24)
    y.backward(gradient: Tensor(shape: [2, 3, 4], scalars: g, dtype: .float64))
    var expected = [Double](repeating: 0, count: 4)
    for i in 0..<24 { expected[i % 4] += g[i] }
    expectClose(v.grad!.scalars, expected, atol: 1e-12, rtol: 1e-12)
    #expect(a.grad?.scalars == g)
    // and the other way round
    let w = Tensor([1, 2, 3, 4], requiresGrad: true, dtype: .float64)
    (w - a).backward(gradient: Tensor(shape: [2, 3, 4], scalars: g, dtype: .float64))
    expectClose(w.grad!.scalars, expected, atol: 1e-12, rtol: 1e-12)
  }

  @Test("(2,1,4) + (3,1) broadcasts both to (2,3,4)")
  func bothBroadcast() {
    let a = Tensor(shape: [2, 1, 4], scalars: (0..<8).map(Double.init), requiresGrad: true, dtype: .float64)
    let b = Tensor([[100], [200], [300]], requiresGrad: true, dtype: .float64)
    let y = a + b
    #expect(y.shape == [2, 3, 4])
    var expected: [Double] = []
    for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { expected.append(Double(i * 4 + k) + Double(100 * (j + 1))) } } }
    #expect(y.scalars == expected)
    y.backward()
    #expect(a.grad?.shape == [2, 1, 4])
    #expect(a.grad?.scalars == [Double](repeating: 3, count: 8))
    #expect(b.grad?.shape == [3, 1])
    #expect(b.grad?.scalars == [8, 8, 8])
  }

  @Test("quotient rule by hand")
  func divisionGradient() {
    let a = Tensor([3, -2], requiresGrad: true, dtype: .float64)
    let b = Tensor([4, 0.5], requiresGrad: true, dtype: .float64)
    (a / b).backward(gradient: Tensor([1, 2], dtype: .float64))
    #expect(a.grad?.scalars == [1.0 / 4, 2 / 0.5])
    #expect(b.grad?.scalars == [-3.0 / 16, -2 * -2 / 0.25])
  }

  @Test("power rules by hand: d/da a^b = b·a^(b−1), d/db a^b = a^b·ln a")
  func powerGradient() {
    let a = Tensor([2, 3], requiresGrad: true, dtype: .float64)
    let b = Tensor([3, 0.5], requiresGrad: true, dtype: .float64)
    (a ** b).backward()
    expectClose(a.grad!.scalars, [3 * 4, 0.5 / 3.0.squareRoot()], rtol: 1e-14)
    expectClose(b.grad!.scalars, [8 * 0.6931471805599453, 3.0.squareRoot() * 1.0986122886681098], rtol: 1e-14)

    let x = Tensor([-1.5, 0, 2], requiresGrad: true, dtype: .float64)
    (x ** 3).backward()
    #expect(x.grad?.scalars == [3 * 2.25, 0, 12])
  }

  @Test("x ** 0 has gradient 0 everywhere, also at x = 0")
  func powerZero() {
    let x = Tensor([0, 2, -3], requiresGrad: true, dtype: .float64)
    let y = x ** 0
    #expect(y.scalars == [1, 1, 1])
    y.backward()
    #expect(x.grad?.scalars == [0, 0, 0])
  }

  @Test("a ** b with b == 0 has base gradient 0, also at a = 0")
  func tensorPowerZeroExponent() {
    let a = Tensor([0, 2, -3], requiresGrad: true, dtype: .float64)
    let b = Tensor([0, 0, 0], requiresGrad: true, dtype: .float64)
    let y = a ** b
    #expect(y.scalars == [1, 1, 1])
    y.backward()
    #expect(a.grad?.scalars == [0, 0, 0])
    #expect(b.grad!.scalars[0] == 0)
    #expect(b.grad!.scalars[1] == 0.6931471805599453)
    #expect(b.grad!.scalars[2].isNaN)  // ln of a negative base
  }

  @Test("0 ** b: the exponent's gradient is 0 where the base is 0")
  func zeroBase() {
    let a = Tensor([0, 1], requiresGrad: true, dtype: .float64)
    let b = Tensor([2, 2], requiresGrad: true, dtype: .float64)
    (a ** b).backward()
    #expect(b.grad?.scalars == [0, 0])
    #expect(a.grad?.scalars == [0, 2])
  }

  @Test("mixed dtypes promote to Float64; gradients come back in each input's dtype")
  func mixedDtype() {
    let a = Tensor([1, 2], requiresGrad: true, dtype: .float32)
    let b = Tensor([0.1, 0.2], requiresGrad: true, dtype: .float64)
    let y = a * b
    #expect(y.dtype == .float64)
    #expect(y.scalars == [0.1, 0.4])
    y.backward()
    #expect(a.grad?.dtype == .float32)
    #expect(b.grad?.dtype == .float64)
    #expect(a.grad?.scalars == [Double(Float(0.1)), Double(Float(0.2))])
    #expect(b.grad?.scalars == [1, 2])
    // Plain numbers take the tensor's dtype.
    #expect((a * 0.1).dtype == .float32)
    #expect((0.1 + b).dtype == .float64)
    #expect((a + b).dtype == .float64)
    #expect((b - a).dtype == .float64)
  }

  @Test("mixed dtypes with broadcasting: each gradient is summed to its shape in its dtype")
  func mixedDtypeBroadcast() {
    let row = Tensor([1, 2, 3], requiresGrad: true, dtype: .float32)
    let m = Tensor([[1, 1, 1], [2, 2, 2]], requiresGrad: true, dtype: .float64)
    let y = row * m
    #expect(y.dtype == .float64)
    #expect(y.shape == [2, 3])
    y.backward(gradient: Tensor([[1, 2, 3], [4, 5, 6]], dtype: .float64))
    #expect(row.grad?.dtype == .float32)
    #expect(row.grad?.shape == [3])
    #expect(row.grad?.scalars == [1 + 8, 2 + 10, 3 + 12])
    #expect(m.grad?.dtype == .float64)
    #expect(m.grad?.scalars == [1, 4, 9, 4, 10, 18])
  }

  @Test("Float32 arithmetic is computed in Float")
  func float32Arithmetic() {
    let a = Tensor([0.1], dtype: .float32)
    let b = Tensor([0.2], dtype: .float32)
    #expect((a + b).scalars == [Double(Float(0.1) + Float(0.2))])
  }

  @Test("free pow matches **")
  func freePow() {
    let a = Tensor([1.5, 2], dtype: .float64)
    #expect(pow(a, 2).scalars == (a ** 2).scalars)
    #expect(pow(a, a).scalars == (a ** a).scalars)
  }

  @Test("constants never require grad and never get gradients")
  func constants() {
    let a = Tensor([1, 2], requiresGrad: true)
    let c = Tensor([3, 4])
    let y = a * c + c
    #expect(y.requiresGrad)
    y.backward()
    #expect(c.grad == nil)
    #expect(a.grad?.scalars == [3, 4])
    #expect(!(c * c).requiresGrad)
    #expect((c * c).isLeaf)
  }
}
