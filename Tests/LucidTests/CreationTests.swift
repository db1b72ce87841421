import Lucid
import Testing

@Suite("Creating tensors")
struct CreationTests {
  @Test("a scalar has shape [] and one element")
  func scalar() {
    let t = Tensor(2.5, requiresGrad: true)
    #expect(t.shape == [])
    #expect(t.ndim == 0)
    #expect(t.size == 1)
    #expect(t.item() == 2.5)
    #expect(t.requiresGrad)
    #expect(t.isLeaf)
    #expect(t.dtype == .float32)
  }

  @Test("1-D, 2-D and 3-D literals keep row-major order")
  func nestedLiterals() {
    let v = Tensor([1, 2, 3])
    #expect(v.shape == [3])
    #expect(v.scalars == [1, 2, 3])
    let m = Tensor([[1, 2, 3], [4, 5, 6]])
    #expect(m.shape == [2, 3])
    #expect(m.ndim == 2)
    #expect(m.scalars == [1, 2, 3, 4, 5, 6])
    let c = Tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]])
    #expect(c.shape == [3, 2, 2])
    #expect(c.size == 12)
    #expect(c.scalars == (1...12).map(Double.init))
  }

  @Test("shape:scalars: builds any rank")
  func shapeAndScalars() {
    let t = Tensor(shape: [2, 1, 3], scalars: [1, 2, 3, 4, 5, 6], dtype: .float64)
    #expect(t.shape == [2, 1, 3])
    #expect(t.dtype == .float64)
    #expect(t.scalars == [1, 2, 3, 4, 5, 6])
    let empty = Tensor(shape: [0, 3], scalars: [])
    #expect(empty.size == 0)
    #expect(empty.shape == [0, 3])
  }

  @Test("flags and names are stored")
  func flags() {
    let t = Tensor([[1, 2]], requiresGrad: true, keepGrad: true, dtype: .float64, name: "w")
    #expect(t.requiresGrad)
    #expect(t.keepGrad)
    #expect(t.name == "w")
    #expect(t.dtype == .float64)
    #expect(t.grad == nil)
    let u = Tensor([1]).named("u")
    #expect(u.name == "u")
    #expect(!u.requiresGrad)
    #expect(!u.keepGrad)
  }

  @Test("Float32 storage rounds to Float; Float64 keeps every digit")
  func dtypeStorage() {
    let x32 = Tensor([0.1], dtype: .float32)
    let x64 = Tensor([0.1], dtype: .float64)
    #expect(x32.scalars[0] == Double(Float(0.1)))
    #expect(x32.scalars[0] != 0.1)
    #expect(x64.scalars[0] == 0.1)
  }

  @Test("zeros, ones, full")
  func filled() {
    let z = Tensor.zeros([2, 3])
    #expect(z.shape == [2, 3])
    #expect(z.scalars == [0, 0, 0, 0, 0, 0])
    let o = Tensor.ones([3], requiresGrad: true, dtype: .float64)
    #expect(o.scalars == [1, 1, 1])
    #expect(o.requiresGrad)
    #expect(o.dtype == .float64)
    let f = Tensor.full(7.5, shape: [2, 2], name: "seven")
    #expect(f.scalars == [7.5, 7.5, 7.5, 7.5])
    #expect(f.name == "seven")
    #expect(Tensor.zeros([]).shape == [])
    #expect(Tensor.ones([]).item() == 1)
  }

  @Test("DType promotion is the wider type")
  func dtypePromotion() {
    #expect(DType.promoted(.float32, .float32) == .float32)
    #expect(DType.promoted(.float32, .float64) == .float64)
    #expect(DType.promoted(.float64, .float32) == .float64)
    #expect(DType.float32.description == "float32")
    #expect(DType.float64.description == "float64")
  }

  @Test("detach gives a leaf constant with the same values")
  func detach() {
    let x = Tensor([1, 2, 3], requiresGrad: true)
    let y = x * 2
    let d = y.detach()
    #expect(d.isLeaf)
    #expect(!d.requiresGrad)
    #expect(d.scalars == [2, 4, 6])
    #expect(!y.isLeaf)
  }

  @Test("ops record their operation and parents")
  func graphStructure() {
    let a = Tensor([1, 2], requiresGrad: true)
    let b = Tensor([3, 4])
    let c = a * b
    #expect(c.operation == .multiply)
    #expect(c.parents.count == 2)
    #expect(c.parents[0] === a)
    #expect(c.parents[1] === b)
    #expect(a.operation == nil)
    #expect(a.parents.isEmpty)
    let s = c.sum(axis: 0)
    #expect(s.attributes["axis"] == "0")
  }
}

@Suite("Assigning a leaf's value")
struct AssignTests {
  @Test("assign changes the numbers, keeps identity, name, flags and grad")
  func keepsIdentity() {
    let w = Tensor([1, 2], requiresGrad: true, dtype: .float64, name: "w")
    (w * w).sum().backward()
    let g = w.grad?.scalars
    withNoGrad { w.assign(w - w.grad! * 0.25) }
    #expect(w.scalars == [0.5, 1])
    #expect(w.name == "w")
    #expect(w.requiresGrad)
    #expect(w.isLeaf)
    #expect(w.dtype == .float64)
    #expect(w.grad?.scalars == g)
  }

  @Test("assign converts to the tensor's dtype")
  func convertsDtype() {
    let w = Tensor([1, 2], dtype: .float32)
    w.assign(Tensor([0.1, 0.2], dtype: .float64))
    #expect(w.dtype == .float32)
    #expect(w.scalars == [Double(Float(0.1)), Double(Float(0.2))])
  }

  @Test("graphs built before an assignment keep the old values for backward")
  func earlierGraphsUnaffected() {
    let w = Tensor([2, 3], requiresGrad: true, dtype: .float64)
    let x = Tensor([5, 7], requiresGrad: true, dtype: .float64)
    let y = (w * x).sum()
    w.assign(Tensor([100, 100], dtype: .float64))
    y.backward()
    #expect(y.item() == 31)
    #expect(x.grad?.scalars == [2, 3])
    #expect(w.grad?.scalars == [5, 7])
  }
}
