extension Tensor {
  /// Matrix product with NumPy's `matmul` rules.
  ///
  /// - 2-D · 2-D: `[m, k] · [k, n] → [m, n]`;
  /// - a 1-D left operand is a row and a 1-D right operand a column; the added axis is
  ///   dropped (`[k] · [k, n] → [n]`, `[m, k] · [k] → [m]`, `[k] · [k] → []`);
  /// - 3-D operands are batches of matrices; a batch of 1 (or a 2-D operand) broadcasts.
  ///
  /// Backward: `∂L/∂a = ∂L/∂out · bᵀ`, `∂L/∂b = aᵀ · ∂L/∂out` (summed over broadcast
  /// batches). Stops with `[matmul] shapes [2, 3] and [4, 5] are not aligned` when the
  /// inner sizes differ.
  public func matmul(_ other: Tensor) -> Tensor {
    let outShape = checked { () throws(ShapeError) in try Shapes.matmul(shape, other.shape) }
    let a = Self.asBatch(value, isLeft: true)
    let b = Self.asBatch(other.value, isLeft: false)
    let y = a.batchedMatmul(b)
    let (aShape, bShape, yShape) = (shape, other.shape, y.shape)
    let (needA, needB) = (requiresGrad, other.requiresGrad)
    return Tensor.make(y.reshaped(outShape), .matmul, [self, other]) { g in
      let g3 = g.reshaped(yShape)
      let da = needA ? g3.batchedMatmul(b, transposeB: true).summedOverBatch(to: a.shape[0]).reshaped(aShape) : nil
      let db = needB ? a.batchedMatmul(g3, transposeA: true).summedOverBatch(to: b.shape[0]).reshaped(bShape) : nil
      return [da, db]
    }
  }

  /// Views an operand as `[batch, rows, columns]` following NumPy's promotion of 1-D
  /// operands (a row on the left, a column on the right).
  private static func asBatch(_ x: NDArray, isLeft: Bool) -> NDArray {
    switch x.shape.count {
    case 1: x.reshaped(isLeft ? [1, 1, x.shape[0]] : [1, x.shape[0], 1])
    case 2: x.reshaped([1] + x.shape)
    default: x
    }
  }
}

extension NDArray {
  /// Sums a `[batch, r, c]` gradient over the batch axis when the input had batch 1.
  fileprivate func summedOverBatch(to batch: Int) -> NDArray {
    batch == shape[0] ? self : reduce(.sum, axis: 0, keepDims: true)
  }
}

/// Matrix product with NumPy's `matmul` rules (see ``Tensor/matmul(_:)``).
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor { a.matmul(b) }
