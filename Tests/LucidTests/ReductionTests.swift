import Lucid
import Testing

@Suite("Reductions")
struct ReductionTests {
  let m = Tensor([[1, 5, 3], [4, 2, 6]], dtype: .float64)

  @Test("sum over everything and along each axis")
  func sums() {
    #expect(m.sum().shape == [])
    #expect(m.sum().item() == 21)
    #expect(m.sum(axis: 0).scalars == [5, 7, 9])
    #expect(m.sum(axis: 1).scalars == [9, 12])
    #expect(m.sum(axis: -1).scalars == [9, 12])
    #expect(m.sum(axis: 0, keepDims: true).shape == [1, 3])
    #expect(m.sum(axis: 1, keepDims: true).shape == [2, 1])
    #expect(m.sum(keepDims: true).shape == [1, 1])
    #expect(sum(m).item() == 21)
  }

  @Test("sum over the middle axis of a 3-D tensor")
  func middleAxis() {
    let t = Tensor(shape: [2, 3, 2], scalars: (0..<12).map(Double.init), dtype: .float64)
    let s = t.sum(axis: 1)
    #expect(s.shape == [2, 2])
    #expect(s.scalars == [6, 9, 24, 27])  // [0+2+4, 1+3+5, 6+8+10, 7+9+11]
  }

  @Test("mean value, and its gradient is 1/n")
  func meanGradient() {
    let x = Tensor([[1, 2, 3, 4], [5, 6, 7, 8]], requiresGrad: true, dtype: .float64)
    let y = x.mean()
    #expect(y.item() == 4.5)
    y.backward()
    #expect(x.grad?.scalars == [Double](repeating: 1.0 / 8, count: 8))

    let z = Tensor([[1, 2, 3, 4], [5, 6, 7, 8]], requiresGrad: true, dtype: .float64)
    let r = z.mean(axis: 1)
    #expect(r.scalars == [2.5, 6.5])
    r.backward(gradient: Tensor([2, -4], dtype: .float64))
    #expect(z.grad?.scalars == [0.5, 0.5, 0.5, 0.5, -1, -1, -1, -1])
  }

  @Test("sum gradient broadcasts the upstream back")
  func sumGradient() {
    let x = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true, dtype: .float64)
    x.sum(axis: 0).backward(gradient: Tensor([1, 2, 3], dtype: .float64))
    #expect(x.grad?.scalars == [1, 2, 3, 1, 2, 3])
    let w = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true, dtype: .float64)
    w.sum(axis: 1, keepDims: true).backward(gradient: Tensor([[7], [-1]], dtype: .float64))
    #expect(w.grad?.scalars == [7, 7, 7, -1, -1, -1])
  }

  @Test("max and min values")
  func extremes() {
    #expect(m.max().item() == 6)
    #expect(m.min().item() == 1)
    #expect(m.max(axis: 0).scalars == [4, 5, 6])
    #expect(m.max(axis: 1).scalars == [5, 6])
    #expect(m.min(axis: 0).scalars == [1, 2, 3])
    #expect(m.min(axis: -1, keepDims: true).shape == [2, 1])
    #expect(max(m, axis: 1).scalars == [5, 6])
    #expect(min(m).item() == 1)
    let negative = Tensor([-3, -1, -2])
    #expect(negative.max().item() == -1)
  }

  @Test("max gradient goes to the argmax only")
  func maxGradient() {
    let x = Tensor([[1, 5, 3], [4, 2, 6]], requiresGrad: true, dtype: .float64)
    x.max(axis: 1).backward(gradient: Tensor([10, 20], dtype: .float64))
    #expect(x.grad?.scalars == [0, 10, 0, 0, 0, 20])
  }

  @Test("max ties share the gradient equally")
  func maxTies() {
    let x = Tensor([3, 1, 3, 3], requiresGrad: true, dtype: .float64)
    x.max().backward()
    let g = x.grad!.scalars
    let third: Double = 1.0 / 3
    #expect(g == [third, 0, third, third])
    #expect(g.reduce(0, +) == 1)

    let y = Tensor([[2, 2], [1, 0], [2, 0]], requiresGrad: true, dtype: .float64)
    y.max(axis: 0).backward(gradient: Tensor([6, 4], dtype: .float64))
    #expect(y.grad?.scalars == [3, 4, 0, 0, 3, 0])
  }

  @Test("min ties share the gradient equally")
  func minTies() {
    let x = Tensor([[0, 0], [5, -1]], requiresGrad: true, dtype: .float64)
    x.min(axis: 1).backward(gradient: Tensor([4, 2], dtype: .float64))
    #expect(x.grad?.scalars == [2, 2, 0, 2])
  }

  @Test("reductions keep Float32")
  func float32() {
    let x = Tensor([1, 2, 3], requiresGrad: true, dtype: .float32)
    for y in [x.sum(), x.mean(), x.max(), x.min()] {
      #expect(y.dtype == .float32)
    }
    x.mean().backward()
    #expect(x.grad?.dtype == .float32)
    expectClose(x.grad!.scalars, [1.0 / 3, 1.0 / 3, 1.0 / 3], rtol: 1e-7)
  }
}
