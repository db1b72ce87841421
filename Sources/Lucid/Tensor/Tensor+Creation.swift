extension Tensor {
  /// A 0-d tensor holding one number.
  ///
  ///     let b = Tensor(2.5, requiresGrad: true)
  public convenience init(
    _ scalar: Double, requiresGrad: Bool = false, keepGrad: Bool = false, dtype: DType = .float32,
    name: String? = nil
  ) {
    self.init(shape: [], scalars: [scalar], requiresGrad: requiresGrad, keepGrad: keepGrad, dtype: dtype, name: name)
  }

  /// A 1-D tensor from a flat array.
  public convenience init(
    _ scalars: [Double], requiresGrad: Bool = false, keepGrad: Bool = false, dtype: DType = .float32,
    name: String? = nil
  ) {
    self.init(
      shape: [scalars.count], scalars: scalars, requiresGrad: requiresGrad, keepGrad: keepGrad, dtype: dtype,
      name: name)
  }

  /// A 2-D tensor from nested rows; every row must have the same length.
  ///
  ///     let a = Tensor([[1, 2], [3, 4]], requiresGrad: true)
  public convenience init(
    _ rows: [[Double]], requiresGrad: Bool = false, keepGrad: Bool = false, dtype: DType = .float32,
    name: String? = nil
  ) {
    let columns = rows.first?.count ?? 0
    guard rows.allSatisfy({ $0.count == columns }) else {
      fatalError("[Tensor] ragged rows: lengths \(rows.map(\.count))")
    }
    self.init(
      shape: [rows.count, columns], scalars: rows.flatMap { $0 }, requiresGrad: requiresGrad, keepGrad: keepGrad,
      dtype: dtype, name: name)
  }

  /// A 3-D tensor from nested matrices; all must have the same shape.
  public convenience init(
    _ matrices: [[[Double]]], requiresGrad: Bool = false, keepGrad: Bool = false, dtype: DType = .float32,
    name: String? = nil
  ) {
    let rows = matrices.first?.count ?? 0
    let columns = matrices.first?.first?.count ?? 0
    guard matrices.allSatisfy({ $0.count == rows && $0.allSatisfy { $0.count == columns } }) else {
      fatalError("[Tensor] ragged nested arrays: every matrix must be \(rows)×\(columns)")
    }
    self.init(
      shape: [matrices.count, rows, columns], scalars: matrices.flatMap { $0.flatMap { $0 } },
      requiresGrad: requiresGrad, keepGrad: keepGrad, dtype: dtype, name: name)
  }

  /// A tensor of any shape from its elements in row-major order.
  ///
  ///     let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
  public convenience init(
    shape: [Int], scalars: [Double], requiresGrad: Bool = false, keepGrad: Bool = false,
    dtype: DType = .float32, name: String? = nil
  ) {
    guard shape.allSatisfy({ $0 >= 0 }), Shapes.count(shape) == scalars.count else {
      fatalError("[Tensor] shape \(format(shape)) needs \(Shapes.count(shape)) scalars, got \(scalars.count)")
    }
    self.init(
      value: NDArray(shape: shape, doubles: scalars, dtype: dtype), requiresGrad: requiresGrad,
      keepGrad: keepGrad, name: name)
    if let session = ScopeContext.current.session {
      _ = session.id(of: self)
    }
  }

  /// A tensor of `shape` filled with `value`.
  public static func full(
    _ value: Double, shape: [Int], requiresGrad: Bool = false, dtype: DType = .float32, name: String? = nil
  ) -> Tensor {
    Tensor(
      shape: shape, scalars: [Double](repeating: value, count: Shapes.count(shape)), requiresGrad: requiresGrad,
      dtype: dtype, name: name)
  }

  /// A tensor of zeros.
  public static func zeros(_ shape: [Int], requiresGrad: Bool = false, dtype: DType = .float32, name: String? = nil)
    -> Tensor
  {
    full(0, shape: shape, requiresGrad: requiresGrad, dtype: dtype, name: name)
  }

  /// A tensor of ones.
  public static func ones(_ shape: [Int], requiresGrad: Bool = false, dtype: DType = .float32, name: String? = nil)
    -> Tensor
  {
    full(1, shape: shape, requiresGrad: requiresGrad, dtype: dtype, name: name)
  }

  /// Standard normal samples, reproducible: the same `seed` gives the same numbers on
  /// every run and machine (SplitMix64 + Box–Muller, computed in `Double`).
  public static func randn(
    _ shape: [Int], seed: UInt64, requiresGrad: Bool = false, dtype: DType = .float32, name: String? = nil
  ) -> Tensor {
    var generator = SplitMix64(seed: seed)
    let values = (0..<Shapes.count(shape)).map { _ in generator.nextGaussian() }
    return Tensor(shape: shape, scalars: values, requiresGrad: requiresGrad, dtype: dtype, name: name)
  }

  /// Uniform samples in `range` (default `[0, 1)`), reproducible from `seed`.
  public static func rand(
    _ shape: [Int], in range: Range<Double> = 0..<1, seed: UInt64, requiresGrad: Bool = false,
    dtype: DType = .float32, name: String? = nil
  ) -> Tensor {
    var generator = SplitMix64(seed: seed)
    let width = range.upperBound - range.lowerBound
    let values = (0..<Shapes.count(shape)).map { _ in range.lowerBound + width * generator.nextUnit() }
    return Tensor(shape: shape, scalars: values, requiresGrad: requiresGrad, dtype: dtype, name: name)
  }
}
