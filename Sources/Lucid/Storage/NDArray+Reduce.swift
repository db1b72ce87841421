/// What a reduction computes over the reduced elements.
enum ReduceKind {
  case sum, max, min
}

/// The split of a shape around one axis: `outer × n × inner` elements.
struct AxisSplit {
  var outer: Int
  var n: Int
  var inner: Int

  init(_ shape: [Int], axis: Int?) {
    guard let axis else {
      (outer, n, inner) = (1, Shapes.count(shape), 1)
      return
    }
    outer = shape[..<axis].reduce(1, *)
    n = shape[axis]
    inner = shape[(axis + 1)...].reduce(1, *)
  }
}

extension NDArray {
  /// Reduces over `axis` (already normalised) or over everything when `nil`.
  func reduce(_ kind: ReduceKind, axis: Int?, keepDims: Bool) -> NDArray {
    let outShape = checked { () throws(ShapeError) in
      try Shapes.reduce(shape, axis: axis, keepDims: keepDims, op: "\(kind)")
    }
    let split = AxisSplit(shape, axis: axis)
    switch buffer {
    case .float32(let x): return NDArray(shape: outShape, buffer: .float32(Self.reduce(x, kind, split)))
    case .float64(let x): return NDArray(shape: outShape, buffer: .float64(Self.reduce(x, kind, split)))
    }
  }

  private static func reduce<T: LucidScalar>(_ x: [T], _ kind: ReduceKind, _ s: AxisSplit) -> [T] {
    switch kind {
    case .sum: return fold(x, s, initial: 0) { $0 + $1 }
    case .max: return fold(x, s, initial: -.infinity) { Swift.max($0, $1) }
    case .min: return fold(x, s, initial: .infinity) { Swift.min($0, $1) }
    }
  }

  @inline(__always)
  private static func fold<T: LucidScalar>(_ x: [T], _ s: AxisSplit, initial: T, _ f: (T, T) -> T) -> [T] {
    var out = [T](repeating: initial, count: s.outer * s.inner)
    x.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { dst in
        for o in 0..<s.outer {
          for k in 0..<s.n {
            let base = (o * s.n + k) * s.inner
            for i in 0..<s.inner {
              dst[o * s.inner + i] = f(dst[o * s.inner + i], src[base + i])
            }
          }
        }
      }
    }
    return out
  }

  /// The shape a reduction's result has with keepdims, so it broadcasts against `self`.
  func keptShape(axis: Int?) -> [Int] {
    guard let axis else { return [Int](repeating: 1, count: shape.count) }
    var kept = shape
    kept[axis] = 1
    return kept
  }
}
