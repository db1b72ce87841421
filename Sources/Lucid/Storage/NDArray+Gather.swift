extension NDArray {
  /// Permutes axes: `result.shape[i] == shape[permutation[i]]`.
  func transposed(_ permutation: [Int]) -> NDArray {
    let outShape = permutation.map { shape[$0] }
    let own = Shapes.strides(shape)
    let strides = permutation.map { own[$0] }
    return gather(shape: outShape) { offsets in
      forEachRow(outShape, strides, strides) { o, oa, _, inner, ia, _ in
        for j in 0..<inner { offsets[o + j] = oa + j * ia }
      }
    }
  }

  /// Picks elements by flat offset: `result[i] = self[offsets[i]]`.
  func gather(offsets: [Int], shape outShape: [Int]) -> NDArray {
    switch buffer {
    case .float32(let x): NDArray(shape: outShape, buffer: .float32(offsets.map { x[$0] }))
    case .float64(let x): NDArray(shape: outShape, buffer: .float64(offsets.map { x[$0] }))
    }
  }

  private func gather(shape outShape: [Int], _ fill: (inout [Int]) -> Void) -> NDArray {
    var offsets = [Int](repeating: 0, count: Shapes.count(outShape))
    fill(&offsets)
    return gather(offsets: offsets, shape: outShape)
  }

  /// The adjoint of ``gather(offsets:shape:)``: zeros of `shape` with each of our
  /// elements added at its offset, so repeated offsets accumulate.
  func scatterAdd(offsets: [Int], into targetShape: [Int]) -> NDArray {
    switch buffer {
    case .float32(let x): NDArray(shape: targetShape, buffer: .float32(Self.scatter(x, offsets, targetShape)))
    case .float64(let x): NDArray(shape: targetShape, buffer: .float64(Self.scatter(x, offsets, targetShape)))
    }
  }

  private static func scatter<T: LucidScalar>(_ x: [T], _ offsets: [Int], _ shape: [Int]) -> [T] {
    var out = [T](repeating: 0, count: Shapes.count(shape))
    for (value, offset) in Swift.zip(x, offsets) { out[offset] += value }
    return out
  }

  /// Joins arrays along `axis` (shapes already checked).
  static func concatenate(_ arrays: [NDArray], axis: Int, shape outShape: [Int]) -> NDArray {
    let dtype = arrays.map(\.dtype).reduce(DType.float32, DType.promoted)
    let outer = outShape[..<axis].reduce(1, *)
    let inner = outShape[(axis + 1)...].reduce(1, *)
    var doubles: [Double] = []
    doubles.reserveCapacity(Shapes.count(outShape))
    let parts = arrays.map { ($0.doubles, $0.shape[axis] * inner) }
    for o in 0..<outer {
      for (values, block) in parts {
        doubles.append(contentsOf: values[(o * block)..<((o + 1) * block)])
      }
    }
    return NDArray(shape: outShape, doubles: doubles, dtype: dtype)
  }
}
