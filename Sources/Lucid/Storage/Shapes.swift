/// Pure shape rules: each returns the result shape of an op or throws a ``ShapeError``.
///
/// The ops call these before doing any work; tests and input validators call them
/// directly. They never look at values, only at shapes.
public enum Shapes {
  /// The number of elements of a shape (1 for a scalar, `[]`).
  public static func count(_ shape: [Int]) -> Int {
    shape.reduce(1, *)
  }

  /// Row-major strides of a contiguous tensor of this shape.
  public static func strides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }

  /// NumPy broadcasting: align trailing axes; sizes must match or one of them be 1.
  public static func broadcast(_ a: [Int], _ b: [Int], op: String = "broadcast") throws(ShapeError) -> [Int] {
    if a == b { return a }
    let rank = max(a.count, b.count)
    var result = [Int](repeating: 1, count: rank)
    for i in 0..<rank {
      let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
      let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
      if da == db || db == 1 {
        result[i] = da
      } else if da == 1 {
        result[i] = db
      } else {
        throw ShapeError(op: op, "shapes \(format(a)) and \(format(b)) cannot be broadcast together")
      }
    }
    return result
  }

  /// Whether `shape` broadcasts to exactly `target` (as in ``Tensor/broadcasted(to:)``).
  public static func broadcast(_ shape: [Int], to target: [Int]) throws(ShapeError) -> [Int] {
    let result = try broadcast(shape, target, op: "broadcast_to")
    guard result == target else {
      throw ShapeError(op: "broadcast_to", "shape \(format(shape)) cannot be broadcast to \(format(target))")
    }
    return target
  }

  /// Normalises a possibly negative axis for a tensor of rank `rank`.
  public static func axis(_ axis: Int, rank: Int, op: String) throws(ShapeError) -> Int {
    let normalized = axis < 0 ? axis + rank : axis
    guard normalized >= 0 && normalized < rank else {
      throw ShapeError(op: op, "axis \(axis) is out of range for a tensor of rank \(rank)")
    }
    return normalized
  }

  /// The shape of a reduction over `axis` (all axes when `nil`).
  public static func reduce(_ shape: [Int], axis: Int?, keepDims: Bool, op: String) throws(ShapeError) -> [Int] {
    guard let axis else {
      return keepDims ? [Int](repeating: 1, count: shape.count) : []
    }
    let a = try Shapes.axis(axis, rank: shape.count, op: op)
    var result = shape
    if keepDims { result[a] = 1 } else { result.remove(at: a) }
    return result
  }

  /// NumPy `matmul` rules for 1-D, 2-D and batched 3-D operands.
  ///
  /// A 1-D left operand acts as a row, a 1-D right operand as a column, and the added
  /// axis is removed from the result. Batch axes broadcast.
  public static func matmul(_ a: [Int], _ b: [Int]) throws(ShapeError) -> [Int] {
    guard (1...3).contains(a.count), (1...3).contains(b.count) else {
      throw ShapeError(op: "matmul", "operands must have rank 1, 2 or 3, got \(format(a)) and \(format(b))")
    }
    let k1 = a[a.count - 1]
    let k2 = b.count == 1 ? b[0] : b[b.count - 2]
    guard k1 == k2 else {
      throw ShapeError(op: "matmul", "shapes \(format(a)) and \(format(b)) are not aligned")
    }
    let batchA = a.count == 3 ? a[0] : 1
    let batchB = b.count == 3 ? b[0] : 1
    guard batchA == batchB || batchA == 1 || batchB == 1 else {
      throw ShapeError(op: "matmul", "batch sizes of \(format(a)) and \(format(b)) cannot be broadcast together")
    }
    var result: [Int] = []
    if a.count == 3 || b.count == 3 { result.append(max(batchA, batchB)) }
    if a.count >= 2 { result.append(a[a.count - 2]) }
    if b.count >= 2 { result.append(b[b.count - 1]) }
    return result
  }

  /// Resolves a reshape target (one entry may be `-1`) against `shape`.
  public static func reshape(_ shape: [Int], to target: [Int]) throws(ShapeError) -> [Int] {
    let total = count(shape)
    let unknown = target.indices.filter { target[$0] == -1 }
    guard unknown.count <= 1, target.allSatisfy({ $0 >= 0 || $0 == -1 }) else {
      throw ShapeError(op: "reshape", "invalid target shape \(format(target))")
    }
    // Sizes come from user input: refuse a target whose non-zero sizes multiply past `Int.max`
    // (even with a zero size elsewhere, its strides would overflow).
    var nonZero = 1
    for size in target where size > 0 {
      let (next, overflow) = nonZero.multipliedReportingOverflow(by: size)
      guard !overflow else {
        throw ShapeError(op: "reshape", "target shape \(format(target)) has more elements than an Int can count")
      }
      nonZero = next
    }
    var resolved = target
    if let u = unknown.first {
      let known = target.enumerated().filter { $0.offset != u }.reduce(1) { $0 * $1.element }
      guard known > 0, total % known == 0 else {
        throw ShapeError(op: "reshape", "cannot reshape \(format(shape)) (\(total) elements) to \(format(target))")
      }
      resolved[u] = total / known
    }
    guard count(resolved) == total else {
      throw ShapeError(op: "reshape", "cannot reshape \(format(shape)) (\(total) elements) to \(format(target))")
    }
    return resolved
  }

  /// The shape after permuting axes; `permutation` must list every axis once.
  public static func permute(_ shape: [Int], _ permutation: [Int]) throws(ShapeError) -> [Int] {
    guard permutation.count == shape.count, Set(permutation) == Set(0..<shape.count) else {
      throw ShapeError(op: "transpose", "permutation \(format(permutation)) does not match shape \(format(shape))")
    }
    return permutation.map { shape[$0] }
  }

  /// The shape of joining `shapes` along `axis` (they must agree elsewhere).
  public static func concatenate(_ shapes: [[Int]], axis: Int) throws(ShapeError) -> [Int] {
    guard let first = shapes.first else {
      throw ShapeError(op: "concatenate", "needs at least one tensor")
    }
    let a = try Shapes.axis(axis, rank: first.count, op: "concatenate")
    var result = first
    result[a] = 0
    for shape in shapes {
      var other = shape
      guard other.count == first.count else {
        throw ShapeError(op: "concatenate", "shapes \(format(first)) and \(format(shape)) have different ranks")
      }
      result[a] += other[a]
      other[a] = first[a]
      guard other == first else {
        throw ShapeError(op: "concatenate", "shapes \(format(first)) and \(format(shape)) differ off axis \(axis)")
      }
    }
    return result
  }

  /// The shape of stacking equal `shapes` along a new `axis`.
  public static func stack(_ shapes: [[Int]], axis: Int) throws(ShapeError) -> [Int] {
    guard let first = shapes.first else {
      throw ShapeError(op: "stack", "needs at least one tensor")
    }
    for shape in shapes where shape != first {
      throw ShapeError(op: "stack", "shapes \(format(first)) and \(format(shape)) differ")
    }
    let a = try Shapes.axis(axis, rank: first.count + 1, op: "stack")
    var result = first
    result.insert(shapes.count, at: a)
    return result
  }
}
