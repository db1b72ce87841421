extension NDArray {
  /// Batched matrix product of 3-D operands `[batch, m, k] · [batch, k, n]`, where a
  /// batch of 1 broadcasts. `transposeA`/`transposeB` read the operand's last two axes
  /// swapped without materialising the transpose.
  func batchedMatmul(_ other: NDArray, transposeA: Bool = false, transposeB: Bool = false) -> NDArray {
    precondition(shape.count == 3 && other.shape.count == 3, "batchedMatmul needs 3-D operands")
    let (batchA, m, k) = transposeA ? (shape[0], shape[2], shape[1]) : (shape[0], shape[1], shape[2])
    let (batchB, k2, n) =
      transposeB ? (other.shape[0], other.shape[2], other.shape[1]) : (other.shape[0], other.shape[1], other.shape[2])
    precondition(k == k2 && (batchA == batchB || batchA == 1 || batchB == 1), "batchedMatmul shapes")
    let batch = max(batchA, batchB)
    let dtype = DType.promoted(self.dtype, other.dtype)
    let outShape = [batch, m, n]
    switch (converted(to: dtype).buffer, other.converted(to: dtype).buffer) {
    case (.float32(let a), .float32(let b)):
      return NDArray(
        shape: outShape,
        buffer: .float32(
          Self.gemmBatched(a, b, batch: batch, batchA: batchA, batchB: batchB, m, n, k, transposeA, transposeB)))
    case (.float64(let a), .float64(let b)):
      return NDArray(
        shape: outShape,
        buffer: .float64(
          Self.gemmBatched(a, b, batch: batch, batchA: batchA, batchB: batchB, m, n, k, transposeA, transposeB)))
    default:
      fatalError("unreachable: operands were promoted to one dtype")
    }
  }

  /// One BLAS `gemm` call per batch entry (a broadcast batch reuses its one matrix).
  private static func gemmBatched<T: BLASScalar>(
    _ a: [T], _ b: [T], batch: Int, batchA: Int, batchB: Int,
    _ m: Int, _ n: Int, _ k: Int, _ transposeA: Bool, _ transposeB: Bool
  ) -> [T] {
    var c = [T](repeating: 0, count: batch * m * n)
    // BLAS rejects empty operands; an empty inner dimension leaves the zeros.
    guard m > 0 && n > 0 && k > 0 else { return c }
    blasLock.withLock { _ in
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          c.withUnsafeMutableBufferPointer { pc in
            for bi in 0..<batch {
              let offA = (batchA == 1 ? 0 : bi) * m * k
              let offB = (batchB == 1 ? 0 : bi) * k * n
              T.gemm(
                pa.baseAddress! + offA, pb.baseAddress! + offB, pc.baseAddress! + bi * m * n,
                m, n, k, transposeA, transposeB)
            }
          }
        }
      }
    }
    return c
  }
}
