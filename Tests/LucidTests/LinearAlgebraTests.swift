import Lucid
import Testing

@Suite("Matrix products")
struct LinearAlgebraTests {
  @Test("the seed example: a.matmul(b).backward()")
  func seedExample() {
    let a = Tensor([[1, 2], [3, 4]], requiresGrad: true)
    let b = Tensor([[5, 6], [7, 8]], requiresGrad: true)
    let c = a.matmul(b)
    #expect(c.description == "[[19, 22], [43, 50]]")
    c.backward()
    #expect(a.grad!.description == "[[11, 15], [11, 15]]")
    #expect(b.grad!.description == "[[4, 4], [6, 6]]")
  }

  @Test("2-D forward equals a naive loop, gradients equal G·Bᵀ and Aᵀ·G")
  func twoD() {
    var rng = TestRandom(seed: 8)
    let (m, k, n) = (3, 4, 5)
    let av = rng.values(m * k)
    let bv = rng.values(k * n)
    let gv = rng.values(m * n)
    let a = Tensor(shape: [m, k], scalars: av, requiresGrad: true, dtype: .float64)
    let b = Tensor(shape: [k, n], scalars: bv, requiresGrad: true, dtype: .float64)
    let y = a.matmul(b)
    #expect(y.shape == [m, n])
    expectClose(y.scalars, naiveMatmul(av, bv, m: m, k: k, n: n), atol: 1e-13, rtol: 1e-13)
    y.backward(gradient: Tensor(shape: [m, n], scalars: gv, dtype: .float64))
    let expectedA = naiveMatmul(gv, naiveTranspose(bv, rows: k, columns: n), m: m, k: n, n: k)
    let expectedB = naiveMatmul(naiveTranspose(av, rows: m, columns: k), gv, m: k, k: m, n: n)
    expectClose(a.grad!.scalars, expectedA, atol: 1e-13, rtol: 1e-13)
    expectClose(b.grad!.scalars, expectedB, atol: 1e-13, rtol: 1e-13)
    #expect(a.grad?.shape == [m, k])
    #expect(b.grad?.shape == [k, n])
  }

  @Test("1-D @ 2-D is a row times a matrix, shape [n]")
  func vectorMatrix() {
    let v = Tensor([1, 2, 3], requiresGrad: true, dtype: .float64)
    let w = Tensor([[1, 2], [3, 4], [5, 6]], requiresGrad: true, dtype: .float64)
    let y = v.matmul(w)
    #expect(y.shape == [2])
    #expect(y.scalars == [22, 28])
    y.backward(gradient: Tensor([1, -1], dtype: .float64))
    #expect(v.grad?.shape == [3])
    #expect(v.grad?.scalars == [-1, -1, -1])
    #expect(w.grad?.scalars == [1, -1, 2, -2, 3, -3])
  }

  @Test("2-D @ 1-D is a matrix times a column, shape [m]")
  func matrixVector() {
    let w = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true, dtype: .float64)
    let v = Tensor([1, 0, -1], requiresGrad: true, dtype: .float64)
    let y = w.matmul(v)
    #expect(y.shape == [2])
    #expect(y.scalars == [-2, -2])
    y.backward(gradient: Tensor([2, 3], dtype: .float64))
    #expect(w.grad?.scalars == [2, 0, -2, 3, 0, -3])
    #expect(v.grad?.shape == [3])
    #expect(v.grad?.scalars == [14, 19, 24])
  }

  @Test("1-D @ 1-D is a dot product of shape []")
  func dot() {
    let a = Tensor([1, 2, 3], requiresGrad: true, dtype: .float64)
    let b = Tensor([4, -5, 6], requiresGrad: true, dtype: .float64)
    let y = matmul(a, b)
    #expect(y.shape == [])
    #expect(y.item() == 12)
    y.backward(gradient: Tensor(2, dtype: .float64))
    #expect(a.grad?.scalars == [8, -10, 12])
    #expect(b.grad?.scalars == [2, 4, 6])
  }

  @Test("batched 3-D @ 3-D matches a per-batch naive loop, and 3-D @ 2-D broadcasts the batch")
  func batched() {
    var rng = TestRandom(seed: 9)
    let (batch, m, k, n) = (3, 2, 4, 3)
    let av = rng.values(batch * m * k)
    let bv = rng.values(batch * k * n)
    let wv = rng.values(k * n)
    let a = Tensor(shape: [batch, m, k], scalars: av, requiresGrad: true, dtype: .float64)
    let b = Tensor(shape: [batch, k, n], scalars: bv, dtype: .float64)
    let w = Tensor(shape: [k, n], scalars: wv, requiresGrad: true, dtype: .float64)
    let y = a.matmul(b)
    #expect(y.shape == [batch, m, n])
    var expected: [Double] = []
    var expectedShared: [Double] = []
    for i in 0..<batch {
      let ai = Array(av[(i * m * k)..<((i + 1) * m * k)])
      expected += naiveMatmul(ai, Array(bv[(i * k * n)..<((i + 1) * k * n)]), m: m, k: k, n: n)
      expectedShared += naiveMatmul(ai, wv, m: m, k: k, n: n)
    }
    expectClose(y.scalars, expected, atol: 1e-13, rtol: 1e-13)

    let z = a.matmul(w)
    #expect(z.shape == [batch, m, n])
    expectClose(z.scalars, expectedShared, atol: 1e-13, rtol: 1e-13)
    let gv = rng.values(batch * m * n)
    z.backward(gradient: Tensor(shape: [batch, m, n], scalars: gv, dtype: .float64))
    // ∂L/∂w = Σ_batch aᵢᵀ · gᵢ
    var dw = [Double](repeating: 0, count: k * n)
    for i in 0..<batch {
      let ai = Array(av[(i * m * k)..<((i + 1) * m * k)])
      let gi = Array(gv[(i * m * n)..<((i + 1) * m * n)])
      let part = naiveMatmul(naiveTranspose(ai, rows: m, columns: k), gi, m: k, k: m, n: n)
      for j in dw.indices { dw[j] += part[j] }
    }
    #expect(w.grad?.shape == [k, n])
    expectClose(w.grad!.scalars, dw, atol: 1e-13, rtol: 1e-13)
    #expect(b.grad == nil)
  }

  @Test("batch of 1 broadcasts against a batch of 3; its gradient sums the batch")
  func batchOneBroadcast() {
    let a = Tensor([[[1, 2]]], requiresGrad: true, dtype: .float64)  // [1, 1, 2]
    let b = Tensor([[[1], [1]], [[2], [0]], [[0], [3]]], requiresGrad: true, dtype: .float64)  // [3, 2, 1]
    let y = a.matmul(b)
    #expect(y.shape == [3, 1, 1])
    #expect(y.scalars == [3, 2, 6])
    y.backward()
    #expect(a.grad?.shape == [1, 1, 2])
    #expect(a.grad?.scalars == [3, 4])
    #expect(b.grad?.scalars == [1, 2, 1, 2, 1, 2])
  }

  @Test("matmul promotes mixed dtypes and keeps Float32")
  func dtypes() {
    let a = Tensor([[1, 2]], requiresGrad: true, dtype: .float32)
    let b = Tensor([[3], [4]], requiresGrad: true, dtype: .float64)
    let y = a.matmul(b)
    #expect(y.dtype == .float64)
    y.backward()
    #expect(a.grad?.dtype == .float32)
    #expect(b.grad?.dtype == .float64)
    let c = Tensor([[3], [4]], dtype: .float32)
    #expect(a.matmul(c).dtype == .float32)
  }

  @Test("zeros and non-finite values propagate like IEEE arithmetic")
  func ieee() {
    let a = Tensor([[0, 1]], dtype: .float64)
    let b = Tensor([[Double.infinity], [1]], dtype: .float64)
    #expect(a.matmul(b).scalars[0].isNaN)  // 0·∞ is nan, as in NumPy
  }
}
