import COpenBLAS
import Synchronization

/// Settings of the BLAS library (OpenBLAS) behind ``Tensor/matmul(_:)``.
public enum BLAS {
  /// Sets how many threads OpenBLAS may use for one matrix product (`1` for
  /// single-threaded, reproducible timings).
  public static func setThreadCount(_ count: Int) {
    blasLock.withLock { _ in openblas_set_num_threads(Int32(Swift.max(1, count))) }
  }
}

/// Serialises calls into OpenBLAS. Its threaded (pthreads) build does not promise to be
/// safe when several threads call it at once (separate graphs on separate threads, or tests
/// running in parallel), so every matrix product holds this lock; uncontended, it costs a
/// few nanoseconds against microseconds of work.
let blasLock = Mutex(())

/// Scalars with a BLAS matrix product.
protocol BLASScalar: LucidScalar {
  /// `C = op(A) · op(B)` for row-major `m×k` and `k×n` operands, overwriting `C`.
  static func gemm(
    _ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, _ c: UnsafeMutablePointer<Self>,
    _ m: Int, _ n: Int, _ k: Int, _ transposeA: Bool, _ transposeB: Bool)
}

extension Float: BLASScalar {
  static func gemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    _ m: Int, _ n: Int, _ k: Int, _ transposeA: Bool, _ transposeB: Bool
  ) {
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      blasint(m), blasint(n), blasint(k), 1, a, blasint(transposeA ? m : k), b, blasint(transposeB ? k : n), 0, c,
      blasint(n))
  }
}

extension Double: BLASScalar {
  static func gemm(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    _ m: Int, _ n: Int, _ k: Int, _ transposeA: Bool, _ transposeB: Bool
  ) {
    cblas_dgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      blasint(m), blasint(n), blasint(k), 1, a, blasint(transposeA ? m : k), b, blasint(transposeB ? k : n), 0, c,
      blasint(n))
  }
}
