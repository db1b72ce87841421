import Lucid
import Testing

@Suite("Shape operations")
struct ShapeOpsTests {
  let m = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .float64)

  @Test("reshape keeps row-major order; -1 is inferred; gradient comes back in the old shape")
  func reshape() {
    #expect(m.reshaped([3, 2]).shape == [3, 2])
    #expect(m.reshaped([3, 2]).scalars == [1, 2, 3, 4, 5, 6])
    #expect(m.reshaped([-1]).shape == [6])
    #expect(m.reshaped([1, -1, 2]).shape == [1, 3, 2])
    let x = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true, dtype: .float64)
    x.reshaped([6]).backward(gradient: Tensor([1, 2, 3, 4, 5, 6], dtype: .float64))
    #expect(x.grad?.shape == [2, 3])
    #expect(x.grad?.scalars == [1, 2, 3, 4, 5, 6])
  }

  @Test("transpose of a matrix, .T, and a 3-D permutation")
  func transpose() {
    #expect(m.transposed().shape == [3, 2])
    #expect(m.transposed().scalars == [1, 4, 2, 5, 3, 6])
    #expect(m.T.scalars == [1, 4, 2, 5, 3, 6])
    let t = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init), dtype: .float64)
    let p = t.transposed([1, 2, 0])
    #expect(p.shape == [3, 4, 2])
    // p[i, j, k] == t[k, i, j]
    for i in 0..<3 {
      for j in 0..<4 {
        for k in 0..<2 {
          #expect(p.scalars[(i * 4 + j) * 2 + k] == t.scalars[(k * 3 + i) * 4 + j])
        }
      }
    }
    #expect(t.T.shape == [4, 3, 2])
    #expect(Tensor([1, 2, 3]).T.shape == [3])
  }

  @Test("transpose gradient is the inverse permutation")
  func transposeGradient() {
    let x = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init), requiresGrad: true, dtype: .float64)
    let y = x.transposed([2, 0, 1])
    let g = (0..<24).map { Double($0) * 10 }
    y.backward(gradient: Tensor(shape: [4, 2, 3], scalars: g, dtype: .float64))
    // x.grad[a, b, c] == g[c, a, b]
    var expected = [Double](repeating: 0, count: 24)
    for a in 0..<2 { for b in 0..<3 { for c in 0..<4 { expected[(a * 3 + b) * 4 + c] = g[(c * 2 + a) * 3 + b] } } }
    #expect(x.grad?.scalars == expected)
  }

  @Test("squeeze and expandDims")
  func squeezeExpand() {
    let t = Tensor.zeros([1, 3, 1, 2])
    #expect(t.squeezed().shape == [3, 2])
    #expect(t.squeezed(axis: 0).shape == [3, 1, 2])
    #expect(t.squeezed(axis: -2).shape == [1, 3, 2])
    #expect(m.expandingDims(at: 0).shape == [1, 2, 3])
    #expect(m.expandingDims(at: 2).shape == [2, 3, 1])
    #expect(m.expandingDims(at: -1).shape == [2, 3, 1])
    #expect(m.expandingDims(at: 1).scalars == m.scalars)
  }

  @Test("broadcasted(to:) copies; its gradient sums back")
  func broadcastTo() {
    let x = Tensor([[1], [2]], requiresGrad: true, dtype: .float64)
    let y = x.broadcasted(to: [3, 2, 2])
    #expect(y.shape == [3, 2, 2])
    #expect(y.scalars == [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2])
    y.backward(gradient: Tensor(shape: [3, 2, 2], scalars: (1...12).map(Double.init), dtype: .float64))
    #expect(x.grad?.shape == [2, 1])
    #expect(x.grad?.scalars == [33, 45])  // [1+2+5+6+9+10, 3+4+7+8+11+12]
  }

  @Test("concatenate along axes 0, 1 and -1; each input gets its slice of the gradient")
  func concatenate() {
    let a = Tensor([[1, 2]], requiresGrad: true, dtype: .float64)
    let b = Tensor([[3, 4], [5, 6]], requiresGrad: true, dtype: .float64)
    let c = Tensor.concatenate([a, b], axis: 0)
    #expect(c.shape == [3, 2])
    #expect(c.scalars == [1, 2, 3, 4, 5, 6])
    c.backward(gradient: Tensor([[1, 2], [3, 4], [5, 6]], dtype: .float64))
    #expect(a.grad?.scalars == [1, 2])
    #expect(b.grad?.scalars == [3, 4, 5, 6])

    let p = Tensor([[1], [2]], requiresGrad: true, dtype: .float64)
    let q = Tensor([[3, 4], [5, 6]], requiresGrad: true, dtype: .float64)
    let r = p.concatenated(with: [q], axis: -1)
    #expect(r.shape == [2, 3])
    #expect(r.scalars == [1, 3, 4, 2, 5, 6])
    r.backward(gradient: Tensor([[10, 20, 30], [40, 50, 60]], dtype: .float64))
    #expect(p.grad?.scalars == [10, 40])
    #expect(q.grad?.scalars == [20, 30, 50, 60])
  }

  @Test("concatenate promotes dtypes and sends gradients back in each dtype")
  func concatenateDtypes() {
    let a = Tensor([1], requiresGrad: true, dtype: .float32)
    let b = Tensor([2], requiresGrad: true, dtype: .float64)
    let c = Lucid.concatenate([a, b])
    #expect(c.dtype == .float64)
    c.backward()
    #expect(a.grad?.dtype == .float32)
    #expect(b.grad?.dtype == .float64)
  }

  @Test("stack along a new axis (0, 1, -1)")
  func stack() {
    let a = Tensor([1, 2, 3], requiresGrad: true, dtype: .float64)
    let b = Tensor([4, 5, 6], requiresGrad: true, dtype: .float64)
    let s0 = Tensor.stack([a, b])
    #expect(s0.shape == [2, 3])
    #expect(s0.scalars == [1, 2, 3, 4, 5, 6])
    let s1 = a.stacked(with: [b], axis: 1)
    #expect(s1.shape == [3, 2])
    #expect(s1.scalars == [1, 4, 2, 5, 3, 6])
    #expect(Lucid.stack([a, b], axis: -1).scalars == s1.scalars)
    s1.backward(gradient: Tensor([[1, 2], [3, 4], [5, 6]], dtype: .float64))
    #expect(a.grad?.scalars == [1, 3, 5])
    #expect(b.grad?.scalars == [2, 4, 6])
  }

  @Test("shape ops keep Float32")
  func float32() {
    let x = Tensor([[1, 2], [3, 4]], dtype: .float32)
    #expect(x.reshaped([4]).dtype == .float32)
    #expect(x.T.dtype == .float32)
    #expect(x.broadcasted(to: [3, 2, 2]).dtype == .float32)
    #expect(Tensor.stack([x, x]).dtype == .float32)
    #expect(Tensor.concatenate([x, x]).dtype == .float32)
  }
}
