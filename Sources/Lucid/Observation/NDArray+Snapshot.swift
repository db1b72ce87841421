extension NDArray {
  /// A ``TensorSnapshot`` of this array: the statistics in one pass over the buffer,
  /// and the values copied out only when there are at most `limit` of them.
  func snapshot(limit: Int) -> TensorSnapshot {
    switch buffer {
    case .float32(let x): Self.snapshot(x, shape: shape, limit: limit)
    case .float64(let x): Self.snapshot(x, shape: shape, limit: limit)
    }
  }

  private static func snapshot<T: LucidScalar>(_ x: [T], shape: [Int], limit: Int) -> TensorSnapshot {
    var low = Double.infinity
    var high = -Double.infinity
    var total = 0.0
    var squares = 0.0
    for element in x {
      let v = Double(element)
      low = Swift.min(low, v)
      high = Swift.max(high, v)
      total += v
      squares += v * v
    }
    let summary = TensorSnapshot.Summary(
      count: x.count, min: x.isEmpty ? 0 : low, max: x.isEmpty ? 0 : high,
      mean: x.isEmpty ? 0 : total / Double(x.count), norm: squares.squareRoot())
    return TensorSnapshot(shape: shape, values: x.count <= limit ? x.map(Double.init) : nil, summary: summary)
  }
}
