/// Contiguous row-major storage in one of the two supported scalar types.
enum Buffer: Sendable {
  case float32([Float])
  case float64([Double])
}

/// An n-dimensional array value: a shape and a contiguous row-major buffer.
///
/// `NDArray` is the plain numeric layer under ``Tensor``: value semantics (copy on
/// write), no graph, no gradients. Forward kernels and backward rules are written in
/// it, so a gradient can never alias another tensor's buffer.
struct NDArray: Sendable {
  /// The size of each axis; `[]` for a scalar.
  var shape: [Int]
  /// The elements, row-major.
  var buffer: Buffer

  init(shape: [Int], buffer: Buffer) {
    self.shape = shape
    self.buffer = buffer
  }

  /// Builds an array from `Double` values, stored in `dtype`.
  init(shape: [Int], doubles: [Double], dtype: DType) {
    self.shape = shape
    switch dtype {
    case .float32: buffer = .float32(doubles.map { Float($0) })
    case .float64: buffer = .float64(doubles)
    }
  }

  /// An array of the given shape with every element equal to `value`.
  init(shape: [Int], repeating value: Double, dtype: DType) {
    self.shape = shape
    let n = Shapes.count(shape)
    switch dtype {
    case .float32: buffer = .float32([Float](repeating: Float(value), count: n))
    case .float64: buffer = .float64([Double](repeating: value, count: n))
    }
  }

  /// A 0-d array holding `value`.
  init(scalar value: Double, dtype: DType) {
    self.init(shape: [], repeating: value, dtype: dtype)
  }

  var dtype: DType {
    switch buffer {
    case .float32: .float32
    case .float64: .float64
    }
  }

  var count: Int {
    switch buffer {
    case .float32(let x): x.count
    case .float64(let x): x.count
    }
  }

  /// The elements widened to `Double` (exact for both dtypes).
  var doubles: [Double] {
    switch buffer {
    case .float32(let x): x.map(Double.init)
    case .float64(let x): x
    }
  }

  /// The element at flat position `i`, as a `Double`.
  subscript(flat i: Int) -> Double {
    switch buffer {
    case .float32(let x): Double(x[i])
    case .float64(let x): x[i]
    }
  }

  /// The same values stored in `dtype` (no copy when it already is).
  func converted(to dtype: DType) -> NDArray {
    switch (buffer, dtype) {
    case (.float32, .float32), (.float64, .float64): self
    case (.float32(let x), .float64): NDArray(shape: shape, buffer: .float64(x.map(Double.init)))
    case (.float64(let x), .float32): NDArray(shape: shape, buffer: .float32(x.map { Float($0) }))
    }
  }

  /// The same buffer under another shape with the same element count.
  func reshaped(_ newShape: [Int]) -> NDArray {
    NDArray(shape: newShape, buffer: buffer)
  }

  static func zeros(_ shape: [Int], dtype: DType) -> NDArray {
    NDArray(shape: shape, repeating: 0, dtype: dtype)
  }

  static func ones(_ shape: [Int], dtype: DType) -> NDArray {
    NDArray(shape: shape, repeating: 1, dtype: dtype)
  }
}

/// Builds an array of `count` elements by writing each through `body`, without
/// zero-filling first.
@inline(__always)
func makeArray<T>(count: Int, _ body: (UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
  [T](unsafeUninitializedCapacity: count) { buffer, initialized in
    body(buffer)
    initialized = count
  }
}

extension NDArray {
  /// `self += other` for arrays of the same shape and dtype, in place when this array's
  /// buffer is not shared (copy-on-write makes it a copy otherwise), so accumulating many
  /// contributions into one gradient does not allocate each time. Returns `false`, and
  /// changes nothing, when the shapes or dtypes differ.
  mutating func accumulate(_ other: NDArray) -> Bool {
    guard shape == other.shape else { return false }
    switch (buffer, other.buffer) {
    case (.float32(var a), .float32(let b)):
      buffer = .float32([])  // release our reference so `a` is unique
      Self.add(&a, b)
      buffer = .float32(a)
      return true
    case (.float64(var a), .float64(let b)):
      buffer = .float64([])
      Self.add(&a, b)
      buffer = .float64(a)
      return true
    default:
      return false
    }
  }

  private static func add<T: LucidScalar>(_ a: inout [T], _ b: [T]) {
    a.withUnsafeMutableBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        for i in 0..<pa.count { pa[i] += pb[i] }
      }
    }
  }
}
