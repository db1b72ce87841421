extension NDArray {
  /// Softmax (or its logarithm) along `axis`, shifted by the maximum for stability.
  func softmax(axis: Int, log: Bool) -> NDArray {
    let split = AxisSplit(shape, axis: axis)
    switch buffer {
    case .float32(let x): return NDArray(shape: shape, buffer: .float32(Self.softmax(x, split, log)))
    case .float64(let x): return NDArray(shape: shape, buffer: .float64(Self.softmax(x, split, log)))
    }
  }

  private static func softmax<T: LucidScalar>(_ x: [T], _ s: AxisSplit, _ log: Bool) -> [T] {
    var out = x
    for o in 0..<s.outer {
      for i in 0..<s.inner {
        let at = { (k: Int) in (o * s.n + k) * s.inner + i }
        var m = -T.infinity
        for k in 0..<s.n { m = Swift.max(m, x[at(k)]) }
        var total: T = 0
        for k in 0..<s.n { total += T.exp(x[at(k)] - m) }
        let logTotal = T.log(total)
        for k in 0..<s.n {
          let shifted = x[at(k)] - m - logTotal
          out[at(k)] = log ? shifted : T.exp(shifted)
        }
      }
    }
    return out
  }
}
