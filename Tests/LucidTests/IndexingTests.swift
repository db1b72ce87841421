import Lucid
import Testing

@Suite("Indexing and slicing")
struct IndexingTests {
  /// [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
  let m = Tensor(shape: [3, 4], scalars: (0..<12).map(Double.init), dtype: .float64)

  @Test("an integer removes the axis; negative counts from the end")
  func integers() {
    #expect(m[1].shape == [4])
    #expect(m[1].scalars == [4, 5, 6, 7])
    #expect(m[-1].scalars == [8, 9, 10, 11])
    #expect(m[-3].scalars == [0, 1, 2, 3])
    #expect(m[2, 1].shape == [])
    #expect(m[2, 1].item() == 9)
    #expect(m[0, -1].item() == 3)
  }

  @Test("ranges keep the axis")
  func ranges() {
    #expect(m[1..<3].shape == [2, 4])
    #expect(m[1..<3].scalars == [4, 5, 6, 7, 8, 9, 10, 11])
    #expect(m[0...0].shape == [1, 4])
    #expect(m[..<1].scalars == [0, 1, 2, 3])
    #expect(m[2...].scalars == [8, 9, 10, 11])
    #expect(m[...0, 1..<3].scalars == [1, 2])
    #expect(m[1..<1].shape == [0, 4])
  }

  @Test(".all keeps a whole axis")
  func all() {
    #expect(m[.all, 1].shape == [3])
    #expect(m[.all, 1].scalars == [1, 5, 9])
    #expect(m[.all, -1].scalars == [3, 7, 11])
    #expect(m.index([.all, .at(2)]).scalars == [2, 6, 10])
  }

  @Test("step slices, negative steps, clamped bounds (Python semantics)")
  func steps() {
    let v = Tensor((0..<7).map(Double.init), dtype: .float64)
    #expect(v.index([.slice(start: nil, end: nil, step: 2)]).scalars == [0, 2, 4, 6])
    #expect(v.index([.slice(start: 1, end: nil, step: 3)]).scalars == [1, 4])
    #expect(v.index([.slice(start: nil, end: nil, step: -1)]).scalars == [6, 5, 4, 3, 2, 1, 0])
    #expect(v.index([.slice(start: 5, end: 1, step: -2)]).scalars == [5, 3])
    #expect(v.index([.slice(start: -2, end: nil, step: 1)]).scalars == [5, 6])
    #expect(v.index([.slice(start: nil, end: -5, step: 1)]).scalars == [0, 1])
    #expect(v.index([.slice(start: -100, end: 100, step: 1)]).size == 7)
    #expect(v.index([.slice(start: 100, end: nil, step: -1)]).scalars.first == 6)
    #expect(v.index([.slice(start: 3, end: 1, step: 1)]).size == 0)
    #expect(v.index([.slice(start: 7, end: nil, step: 1)]).size == 0)
    #expect(v.index([.slice(start: 100, end: nil, step: 2)]).size == 0)
    #expect(v[7...].size == 0)
    #expect(v.index([.slice(start: nil, end: -100, step: -1)]).size == 7)
    #expect(v.index([.slice(start: 2, end: -1, step: -1)]).size == 0)
  }

  @Test("several axes at once on a 3-D tensor")
  func severalAxes() {
    let t = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init), dtype: .float64)
    let s = t[1, 0..<2, .all]
    #expect(s.shape == [2, 4])
    #expect(s.scalars == [12, 13, 14, 15, 16, 17, 18, 19])
    let u = t.index([.all, .at(-1), .slice(start: nil, end: nil, step: 2)])
    #expect(u.shape == [2, 2])
    #expect(u.scalars == [8, 10, 20, 22])
  }

  @Test("list index picks rows, repeats allowed")
  func lists() {
    #expect(m[[2, 0, 2]].shape == [3, 4])
    #expect(m[[2, 0, 2]].scalars == [8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11])
    #expect(m[[-1]].scalars == [8, 9, 10, 11])
    // Two lists select an outer product (NumPy's ix_), as documented.
    #expect(m[[0, 2], [1, 3]].scalars == [1, 3, 9, 11])
  }

  @Test("repeated list indices accumulate the gradient")
  func repeatedGradient() {
    let x = Tensor([10, 20, 30, 40], requiresGrad: true, dtype: .float64)
    let y = x[[0, 2, 0, 0]]
    #expect(y.scalars == [10, 30, 10, 10])
    y.backward(gradient: Tensor([1, 2, 3, 4], dtype: .float64))
    #expect(x.grad?.scalars == [8, 0, 2, 0])
  }

  @Test("slice gradient scatters into zeros of the input's shape")
  func sliceGradient() {
    let x = Tensor(shape: [3, 4], scalars: (0..<12).map(Double.init), requiresGrad: true, dtype: .float64)
    x[.all, 1].backward(gradient: Tensor([1, 2, 3], dtype: .float64))
    #expect(x.grad?.scalars == [0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0])
    let z = Tensor([1, 2, 3, 4, 5], requiresGrad: true, dtype: .float64)
    z.index([.slice(start: nil, end: nil, step: -2)]).backward(gradient: Tensor([1, 2, 3], dtype: .float64))
    #expect(z.grad?.scalars == [3, 0, 2, 0, 1])
  }

  @Test("two reads of the same element add up")
  func twoReads() {
    let x = Tensor([1, 2, 3], requiresGrad: true, dtype: .float64)
    let y = x[1] * x[1] + x[0]
    #expect(y.item() == 5)
    y.backward()
    #expect(x.grad?.scalars == [1, 4, 0])
  }

  @Test("Shapes.index gives the result shape and throws on bad indices")
  func shapeFunction() throws {
    #expect(try Shapes.index([3, 4], [.at(1)]) == [4])
    #expect(try Shapes.index([3, 4], [.all, .list([0, 0, 1])]) == [3, 3])
    #expect(try Shapes.index([3, 4], [.slice(start: nil, end: nil, step: 2), .at(-4)]) == [2])
    #expect(try Shapes.index([], []) == [])
    #expect(throws: ShapeError.self) { try Shapes.index([3, 4], [.at(3)]) }
    #expect(throws: ShapeError.self) { try Shapes.index([3, 4], [.at(-4)]) }
    #expect(throws: ShapeError.self) { try Shapes.index([3, 4], [.all, .list([0, 4])]) }
    #expect(throws: ShapeError.self) { try Shapes.index([3], [.at(0), .at(0)]) }
    #expect(throws: ShapeError.self) { try Shapes.index([3], [.slice(start: 0, end: 2, step: 0)]) }
    do {
      _ = try Shapes.index([3, 4], [.all, .at(7)])
      Issue.record("expected a throw")
    } catch {
      #expect(error.op == "index")
      #expect(error.description == "[index] index 7 is out of range for axis 1 of size 4")
    }
  }

  @Test("indexing keeps Float32 and records the index attribute")
  func attributes() {
    let x = Tensor([[1, 2], [3, 4]], requiresGrad: true, dtype: .float32)
    let y = x[.all, 1]
    #expect(y.dtype == .float32)
    #expect(y.operation == .index)
    #expect(y.attributes["index"] == ":, 1")
    y.backward()
    #expect(x.grad?.dtype == .float32)
  }
}
