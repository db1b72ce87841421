import Lucid
import Testing

/// Calls `body`, expecting a ``ShapeError`` with exactly `message` as its description.
func expectShapeError<T>(
  _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(ShapeError) -> T
) {
  do {
    let value = try body()
    Issue.record("expected \(message), got \(value)", sourceLocation: sourceLocation)
  } catch {
    #expect(error.description == message, sourceLocation: sourceLocation)
  }
}

@Suite("Pure shape functions")
struct ShapeFunctionTests {
  @Test("count and strides")
  func countAndStrides() {
    #expect(Shapes.count([]) == 1)
    #expect(Shapes.count([2, 3, 4]) == 24)
    #expect(Shapes.count([2, 0]) == 0)
    #expect(Shapes.strides([2, 3, 4]) == [12, 4, 1])
    #expect(Shapes.strides([]) == [])
  }

  @Test(
    "broadcast follows NumPy",
    arguments: [
      ([2, 3], [2, 3], [2, 3]), ([], [2, 3], [2, 3]), ([2, 3], [], [2, 3]), ([3, 1], [1, 4], [3, 4]),
      ([2, 3, 4], [4], [2, 3, 4]), ([4], [2, 3, 4], [2, 3, 4]), ([2, 1, 4], [3, 1], [2, 3, 4]),
      ([1], [5], [5]), ([0], [1], [0]), ([1, 0], [3, 1], [3, 0]),
    ] as [([Int], [Int], [Int])])
  func broadcast(_ a: [Int], _ b: [Int], _ expected: [Int]) throws {
    #expect(try Shapes.broadcast(a, b) == expected)
  }

  @Test("broadcast errors name the op and both shapes")
  func broadcastErrors() throws {
    expectShapeError("[broadcast] shapes [2, 3] and [4] cannot be broadcast together") { () throws(ShapeError) in
      try Shapes.broadcast([2, 3], [4])
    }
    expectShapeError("[add] shapes [3, 2] and [2, 3] cannot be broadcast together") { () throws(ShapeError) in
      try Shapes.broadcast([3, 2], [2, 3], op: "add")
    }
    expectShapeError("[broadcast_to] shapes [3] and [3, 2] cannot be broadcast together") { () throws(ShapeError) in
      try Shapes.broadcast([3], to: [3, 2])
    }
    expectShapeError("[broadcast_to] shape [2, 3] cannot be broadcast to [3]") { () throws(ShapeError) in
      try Shapes.broadcast([2, 3], to: [3])
    }
    #expect(try Shapes.broadcast([3, 1], to: [2, 3, 4]) == [2, 3, 4])
    // A size-0 axis only broadcasts against 0 or 1.
    #expect(throws: ShapeError.self) { try Shapes.broadcast([0], [3]) }
    #expect(throws: ShapeError.self) { try Shapes.broadcast([2, 3], [2, 0]) }
  }

  @Test("matmul shapes for 1-D, 2-D and 3-D operands")
  func matmul() throws {
    #expect(try Shapes.matmul([2, 3], [3, 4]) == [2, 4])
    #expect(try Shapes.matmul([3], [3, 4]) == [4])
    #expect(try Shapes.matmul([2, 3], [3]) == [2])
    #expect(try Shapes.matmul([3], [3]) == [])
    #expect(try Shapes.matmul([5, 2, 3], [5, 3, 4]) == [5, 2, 4])
    #expect(try Shapes.matmul([5, 2, 3], [3, 4]) == [5, 2, 4])
    #expect(try Shapes.matmul([2, 3], [5, 3, 4]) == [5, 2, 4])
    #expect(try Shapes.matmul([1, 2, 3], [5, 3, 4]) == [5, 2, 4])
    #expect(try Shapes.matmul([5, 2, 3], [3]) == [5, 2])
    #expect(try Shapes.matmul([3], [5, 3, 4]) == [5, 4])
  }

  @Test("matmul errors name the shapes")
  func matmulErrors() {
    expectShapeError("[matmul] shapes [2, 3] and [4, 5] are not aligned") { () throws(ShapeError) in
      try Shapes.matmul([2, 3], [4, 5])
    }
    expectShapeError("[matmul] shapes [3] and [4] are not aligned") { () throws(ShapeError) in
      try Shapes.matmul([3], [4])
    }
    expectShapeError("[matmul] batch sizes of [2, 2, 3] and [3, 3, 4] cannot be broadcast together") {
      () throws(ShapeError) in try Shapes.matmul([2, 2, 3], [3, 3, 4])
    }
    expectShapeError("[matmul] operands must have rank 1, 2 or 3, got [] and [3]") { () throws(ShapeError) in
      try Shapes.matmul([], [3])
    }
    #expect(throws: ShapeError.self) { try Shapes.matmul([1, 2, 2, 3], [3, 4]) }
  }

  @Test("reshape resolves -1 and rejects bad targets")
  func reshape() throws {
    #expect(try Shapes.reshape([2, 3], to: [3, 2]) == [3, 2])
    #expect(try Shapes.reshape([2, 3], to: [-1]) == [6])
    #expect(try Shapes.reshape([2, 3, 4], to: [4, -1]) == [4, 6])
    #expect(try Shapes.reshape([6], to: [1, 6, 1]) == [1, 6, 1])
    #expect(try Shapes.reshape([], to: [1, 1]) == [1, 1])
    #expect(try Shapes.reshape([1], to: []) == [])
    expectShapeError("[reshape] cannot reshape [2, 3] (6 elements) to [4]") { () throws(ShapeError) in
      try Shapes.reshape([2, 3], to: [4])
    }
    expectShapeError("[reshape] cannot reshape [2, 3] (6 elements) to [4, -1]") { () throws(ShapeError) in
      try Shapes.reshape([2, 3], to: [4, -1])
    }
    expectShapeError("[reshape] invalid target shape [-1, -1]") { () throws(ShapeError) in
      try Shapes.reshape([2, 3], to: [-1, -1])
    }
    #expect(throws: ShapeError.self) { try Shapes.reshape([2, 3], to: [-2, -3]) }
  }

  @Test("axis normalisation and reductions")
  func axisAndReduce() throws {
    #expect(try Shapes.axis(-1, rank: 3, op: "sum") == 2)
    #expect(try Shapes.axis(0, rank: 3, op: "sum") == 0)
    expectShapeError("[sum] axis 3 is out of range for a tensor of rank 3") { () throws(ShapeError) in
      try Shapes.axis(3, rank: 3, op: "sum")
    }
    expectShapeError("[max] axis -4 is out of range for a tensor of rank 3") { () throws(ShapeError) in
      try Shapes.axis(-4, rank: 3, op: "max")
    }
    #expect(try Shapes.reduce([2, 3, 4], axis: 1, keepDims: false, op: "sum") == [2, 4])
    #expect(try Shapes.reduce([2, 3, 4], axis: -1, keepDims: true, op: "sum") == [2, 3, 1])
    #expect(try Shapes.reduce([2, 3, 4], axis: nil, keepDims: false, op: "sum") == [])
    #expect(try Shapes.reduce([2, 3, 4], axis: nil, keepDims: true, op: "sum") == [1, 1, 1])
    expectShapeError("[mean] axis 2 is out of range for a tensor of rank 2") { () throws(ShapeError) in
      try Shapes.reduce([2, 3], axis: 2, keepDims: false, op: "mean")
    }
  }

  @Test("permute, concatenate, stack")
  func permuteConcatStack() throws {
    #expect(try Shapes.permute([2, 3, 4], [2, 0, 1]) == [4, 2, 3])
    expectShapeError("[transpose] permutation [0, 0] does not match shape [2, 3]") { () throws(ShapeError) in
      try Shapes.permute([2, 3], [0, 0])
    }
    #expect(throws: ShapeError.self) { try Shapes.permute([2, 3], [0]) }
    #expect(throws: ShapeError.self) { try Shapes.permute([2, 3], [0, 2]) }

    #expect(try Shapes.concatenate([[2, 3], [4, 3]], axis: 0) == [6, 3])
    #expect(try Shapes.concatenate([[2, 3], [2, 1]], axis: -1) == [2, 4])
    expectShapeError("[concatenate] shapes [2, 3] and [2, 4] differ off axis 0") { () throws(ShapeError) in
      try Shapes.concatenate([[2, 3], [2, 4]], axis: 0)
    }
    expectShapeError("[concatenate] shapes [2, 3] and [3] have different ranks") { () throws(ShapeError) in
      try Shapes.concatenate([[2, 3], [3]], axis: 0)
    }
    expectShapeError("[concatenate] needs at least one tensor") { () throws(ShapeError) in
      try Shapes.concatenate([], axis: 0)
    }
    #expect(throws: ShapeError.self) { try Shapes.concatenate([[2, 3]], axis: 2) }

    #expect(try Shapes.stack([[2, 3], [2, 3]], axis: 0) == [2, 2, 3])
    #expect(try Shapes.stack([[2, 3], [2, 3], [2, 3]], axis: 2) == [2, 3, 3])
    #expect(try Shapes.stack([[2, 3], [2, 3]], axis: -1) == [2, 3, 2])
    expectShapeError("[stack] shapes [2, 3] and [3, 2] differ") { () throws(ShapeError) in
      try Shapes.stack([[2, 3], [3, 2]], axis: 0)
    }
    expectShapeError("[stack] axis 3 is out of range for a tensor of rank 3") { () throws(ShapeError) in
      try Shapes.stack([[2, 3]], axis: 3)
    }
    expectShapeError("[stack] needs at least one tensor") { () throws(ShapeError) in
      try Shapes.stack([], axis: 0)
    }
  }

  @Test("ShapeError exposes op, message and description")
  func errorValue() {
    let e = ShapeError(op: "matmul", "shapes [2, 3] and [4, 5] are not aligned")
    #expect(e.op == "matmul")
    #expect(e.message == "shapes [2, 3] and [4, 5] are not aligned")
    #expect(e.description == "[matmul] shapes [2, 3] and [4, 5] are not aligned")
    #expect(e == ShapeError(op: "matmul", "shapes [2, 3] and [4, 5] are not aligned"))
  }

  @Test("a mismatched matmul stops the program with the shape message")
  func matmulTraps() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let a = Tensor.zeros([2, 3])
      let b = Tensor.zeros([4, 5])
      _ = a.matmul(b)
    }
    if let result {
      let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(stderr.contains("[matmul] shapes [2, 3] and [4, 5] are not aligned"))
    }
  }
}
