/// Elementwise functions of one array. The switch runs once per call, never per element.
enum UnaryKernel {
  case negate, exp, log, sqrt, tanh, sigmoid, relu, abs
  case power(Double)
  case scale(Double)

  @inline(__always)
  func run<T: LucidScalar>(_ x: [T]) -> [T] {
    switch self {
    case .negate: return map(x) { -$0 }
    case .exp: return map(x) { T.exp($0) }
    case .log: return map(x) { T.log($0) }
    case .sqrt: return map(x) { $0.squareRoot() }
    case .tanh: return map(x) { T.tanh($0) }
    case .sigmoid:
      // Stable in both tails: never exponentiates a large positive number.
      return map(x) { v in
        if v >= 0 {
          return 1 / (1 + T.exp(-v))
        }
        let e = T.exp(v)
        return e / (1 + e)
      }
    case .relu: return map(x) { $0 > 0 ? $0 : 0 }
    case .abs: return map(x) { Swift.abs($0) }
    case .power(let p):
      let e = T(p)
      if p == 2 { return map(x) { $0 * $0 } }
      if p == 1 { return x }
      if p == 0 { return map(x) { _ in 1 } }
      return map(x) { T.pow($0, e) }
    case .scale(let s):
      let k = T(s)
      return map(x) { $0 * k }
    }
  }

  @inline(__always)
  private func map<T>(_ x: [T], _ f: (T) -> T) -> [T] {
    x.withUnsafeBufferPointer { src in
      makeArray(count: src.count) { dst in
        for i in 0..<src.count { dst[i] = f(src[i]) }
      }
    }
  }
}

/// Elementwise functions of two arrays, broadcast NumPy style. Besides the arithmetic,
/// the fused cases compute backward rules in one pass (`g` is the upstream gradient).
enum BinaryKernel {
  case add, subtract, multiply, divide, power
  /// `g ⊙ (1 − y²)` with `y = tanh(x)`.
  case tanhBackward
  /// `g ⊙ y(1 − y)` with `y = σ(x)`.
  case sigmoidBackward
  /// `g ⊙ [x > 0]`.
  case reluBackward
  /// `g ⊙ sign(x)`.
  case absBackward
  /// `g / (2y)` with `y = √x`.
  case sqrtBackward
  /// `x == y ? 1 : 0`.
  case equal
  /// `x · ln(y)`, with `0` where `y == 0` (used by `pow`'s exponent gradient).
  case timesLog
  /// `y · x^(y − 1)`, with `0` where `y == 0` (`pow`'s base gradient; `x⁰` is constant,
  /// so its derivative is `0` even at `x == 0`, where the formula would give `0 · ∞`).
  case powerBaseDerivative

  @inline(__always)
  func run<T: LucidScalar>(_ a: [T], _ aShape: [Int], _ b: [T], _ bShape: [Int], _ outShape: [Int]) -> [T] {
    switch self {
    case .add: return broadcastZip(a, aShape, b, bShape, outShape) { $0 + $1 }
    case .subtract: return broadcastZip(a, aShape, b, bShape, outShape) { $0 - $1 }
    case .multiply: return broadcastZip(a, aShape, b, bShape, outShape) { $0 * $1 }
    case .divide: return broadcastZip(a, aShape, b, bShape, outShape) { $0 / $1 }
    case .power: return broadcastZip(a, aShape, b, bShape, outShape) { T.pow($0, $1) }
    case .tanhBackward: return broadcastZip(a, aShape, b, bShape, outShape) { g, y in g * (1 - y * y) }
    case .sigmoidBackward: return broadcastZip(a, aShape, b, bShape, outShape) { g, y in g * y * (1 - y) }
    case .reluBackward: return broadcastZip(a, aShape, b, bShape, outShape) { g, x in x > 0 ? g : 0 }
    case .absBackward:
      return broadcastZip(a, aShape, b, bShape, outShape) { g, x in x > 0 ? g : (x < 0 ? -g : 0) }
    case .sqrtBackward: return broadcastZip(a, aShape, b, bShape, outShape) { g, y in g / (2 * y) }
    case .equal: return broadcastZip(a, aShape, b, bShape, outShape) { $0 == $1 ? 1 : 0 }
    case .timesLog: return broadcastZip(a, aShape, b, bShape, outShape) { x, y in y == 0 ? 0 : x * T.log(y) }
    case .powerBaseDerivative:
      return broadcastZip(a, aShape, b, bShape, outShape) { x, y in y == 0 ? 0 : y * T.pow(x, y - 1) }
    }
  }
}

/// For each axis of `outShape`, the stride of `shape` broadcast into it (0 where the
/// axis is broadcast or missing).
func broadcastStrides(_ shape: [Int], into outShape: [Int]) -> [Int] {
  let own = Shapes.strides(shape)
  let offset = outShape.count - shape.count
  return (0..<outShape.count).map { axis in
    let i = axis - offset
    return i < 0 || shape[i] == 1 ? 0 : own[i]
  }
}

/// Applies `f` to broadcast pairs of elements. Same-shape and scalar operands take
/// straight loops; everything else walks an odometer over the outer axes with a
/// strided inner loop (which covers the row-vector case without index arithmetic).
@inline(__always)
func broadcastZip<T>(
  _ a: [T], _ aShape: [Int], _ b: [T], _ bShape: [Int], _ outShape: [Int], _ f: (T, T) -> T
) -> [T] {
  // One element each (0-d tensors, micrograd style): no loops or pointers to set up.
  if a.count == 1 && b.count == 1 && outShape.allSatisfy({ $0 == 1 }) { return [f(a[0], b[0])] }
  let n = Shapes.count(outShape)
  return a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      makeArray(count: n) { out in
        if pa.count == n && pb.count == n {
          for i in 0..<n { out[i] = f(pa[i], pb[i]) }
        } else if pb.count == 1 && pa.count == n {
          let s = pb[0]
          for i in 0..<n { out[i] = f(pa[i], s) }
        } else if pa.count == 1 && pb.count == n {
          let s = pa[0]
          for i in 0..<n { out[i] = f(s, pb[i]) }
        } else {
          let sa = broadcastStrides(aShape, into: outShape)
          let sb = broadcastStrides(bShape, into: outShape)
          forEachRow(outShape, sa, sb) { o, oa, ob, inner, ia, ib in
            for j in 0..<inner { out[o + j] = f(pa[oa + j * ia], pb[ob + j * ib]) }
          }
        }
      }
    }
  }
}

/// Walks the rows (all axes but the last) of `shape`, calling `body` with the flat
/// output offset, the two operands' offsets, the row length and their inner strides.
@inline(__always)
func forEachRow(
  _ shape: [Int], _ sa: [Int], _ sb: [Int],
  _ body: (_ o: Int, _ oa: Int, _ ob: Int, _ inner: Int, _ ia: Int, _ ib: Int) -> Void
) {
  let n = Shapes.count(shape)
  guard n > 0 else { return }
  guard let inner = shape.last else {
    body(0, 0, 0, 1, 0, 0)
    return
  }
  let rank = shape.count
  var index = [Int](repeating: 0, count: rank)
  var oa = 0
  var ob = 0
  var o = 0
  while o < n {
    body(o, oa, ob, inner, sa[rank - 1], sb[rank - 1])
    o += inner
    var d = rank - 2
    while d >= 0 {
      index[d] += 1
      oa += sa[d]
      ob += sb[d]
      if index[d] < shape[d] { break }
      oa -= sa[d] * shape[d]
      ob -= sb[d] * shape[d]
      index[d] = 0
      d -= 1
    }
  }
}

extension NDArray {
  func map(_ kernel: UnaryKernel) -> NDArray {
    switch buffer {
    case .float32(let x): NDArray(shape: shape, buffer: .float32(kernel.run(x)))
    case .float64(let x): NDArray(shape: shape, buffer: .float64(kernel.run(x)))
    }
  }

  /// `kernel(self, other)` with NumPy broadcasting; mixed dtypes promote.
  func zip(_ other: NDArray, _ kernel: BinaryKernel, op: String = "broadcast") -> NDArray {
    // The common case first: same shape, same dtype; no shape rule or conversion needed.
    if shape == other.shape {
      switch (buffer, other.buffer) {
      case (.float32(let a), .float32(let b)):
        return NDArray(shape: shape, buffer: .float32(kernel.run(a, shape, b, shape, shape)))
      case (.float64(let a), .float64(let b)):
        return NDArray(shape: shape, buffer: .float64(kernel.run(a, shape, b, shape, shape)))
      default: break
      }
    }
    let outShape = checked { () throws(ShapeError) in try Shapes.broadcast(shape, other.shape, op: op) }
    let dtype = DType.promoted(self.dtype, other.dtype)
    switch (converted(to: dtype).buffer, other.converted(to: dtype).buffer) {
    case (.float32(let a), .float32(let b)):
      return NDArray(shape: outShape, buffer: .float32(kernel.run(a, shape, b, other.shape, outShape)))
    case (.float64(let a), .float64(let b)):
      return NDArray(shape: outShape, buffer: .float64(kernel.run(a, shape, b, other.shape, outShape)))
    default:
      fatalError("unreachable: operands were promoted to one dtype")
    }
  }

  static func + (a: NDArray, b: NDArray) -> NDArray { a.zip(b, .add, op: "add") }
  static func - (a: NDArray, b: NDArray) -> NDArray { a.zip(b, .subtract, op: "sub") }
  static func * (a: NDArray, b: NDArray) -> NDArray { a.zip(b, .multiply, op: "mul") }
  static func / (a: NDArray, b: NDArray) -> NDArray { a.zip(b, .divide, op: "div") }
  static prefix func - (a: NDArray) -> NDArray { a.map(.negate) }

  /// `self · k` for a plain number `k`.
  func scaled(by k: Double) -> NDArray { map(.scale(k)) }

  /// Sums a broadcast gradient back to `target` (the shape an input had before it was
  /// broadcast): leading axes are summed away, axes of size 1 are summed with keepdims.
  func sum(toShape target: [Int]) -> NDArray {
    if shape == target { return self }
    let strides = broadcastStrides(target, into: shape)
    switch buffer {
    case .float32(let x): return NDArray(shape: target, buffer: .float32(accumulate(x, strides, Shapes.count(target))))
    case .float64(let x): return NDArray(shape: target, buffer: .float64(accumulate(x, strides, Shapes.count(target))))
    }
  }

  private func accumulate<T: LucidScalar>(_ x: [T], _ targetStrides: [Int], _ targetCount: Int) -> [T] {
    var out = [T](repeating: 0, count: targetCount)
    out.withUnsafeMutableBufferPointer { dst in
      x.withUnsafeBufferPointer { src in
        let own = Shapes.strides(shape)
        forEachRow(shape, targetStrides, own) { _, ot, os, inner, it, isrc in
          for j in 0..<inner { dst[ot + j * it] += src[os + j * isrc] }
        }
      }
    }
    return out
  }

  /// Broadcasts to `target` by copying (the inverse of ``sum(toShape:)``).
  func broadcast(to target: [Int]) -> NDArray {
    if shape == target { return self }
    return NDArray.zeros(target, dtype: dtype).zip(self, .add)
  }
}
