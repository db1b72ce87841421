/// One axis of an indexing expression: `x[0]`, `x[1..<3]`, `x[.all, 1]`, `x[[0, 0, 2]]`.
///
/// Integers and Swift ranges convert automatically, so most code never names this type.
public enum TensorIndex: Sendable, Hashable {
  /// One position; the axis is removed from the result. Negative counts from the end.
  case at(Int)
  /// Python's `start:end:step` slice; `nil` bounds mean "from the beginning" / "to the
  /// end" (in the direction of `step`), negative bounds count from the end, and bounds
  /// past the ends are clamped, as in NumPy.
  case slice(start: Int?, end: Int?, step: Int)
  /// Positions picked along the axis, repeats allowed (integer-array indexing). Several
  /// list indices select an outer product, like NumPy's `ix_`. Backward adds up the
  /// gradient of repeated positions.
  case list([Int])

  /// The whole axis (`:` in NumPy).
  public static let all = TensorIndex.slice(start: nil, end: nil, step: 1)
}

/// A value that can stand for one axis in a tensor subscript.
public protocol TensorIndexConvertible {
  /// The index this value stands for.
  var tensorIndex: TensorIndex { get }
}

extension TensorIndex: TensorIndexConvertible {
  /// Itself.
  public var tensorIndex: TensorIndex { self }
}

extension TensorIndexConvertible where Self == TensorIndex {
  /// The whole axis (`:` in NumPy): `x[.all, 1]`.
  public static var all: TensorIndex { TensorIndex.all }
}

extension Int: TensorIndexConvertible {
  /// `.at(self)`.
  public var tensorIndex: TensorIndex { .at(self) }
}

extension Range: TensorIndexConvertible where Bound == Int {
  /// `lowerBound..<upperBound` as a slice.
  public var tensorIndex: TensorIndex { .slice(start: lowerBound, end: upperBound, step: 1) }
}

extension ClosedRange: TensorIndexConvertible where Bound == Int {
  /// `lowerBound...upperBound` as a slice.
  public var tensorIndex: TensorIndex { .slice(start: lowerBound, end: upperBound + 1, step: 1) }
}

extension PartialRangeFrom: TensorIndexConvertible where Bound == Int {
  /// `lowerBound...` as a slice to the end.
  public var tensorIndex: TensorIndex { .slice(start: lowerBound, end: nil, step: 1) }
}

extension PartialRangeUpTo: TensorIndexConvertible where Bound == Int {
  /// `..<upperBound` as a slice from the start.
  public var tensorIndex: TensorIndex { .slice(start: nil, end: upperBound, step: 1) }
}

extension PartialRangeThrough: TensorIndexConvertible where Bound == Int {
  /// `...upperBound` as a slice from the start.
  public var tensorIndex: TensorIndex { .slice(start: nil, end: upperBound + 1, step: 1) }
}

extension Array: TensorIndexConvertible where Element == Int {
  /// `.list(self)`.
  public var tensorIndex: TensorIndex { .list(self) }
}

extension Tensor {
  /// Indexing and slicing, one entry per leading axis; missing trailing axes are kept
  /// whole: `x[0]`, `x[1..<3]`, `x[.all, 1]`, `x[0, 1]`, `x[[2, 0, 2]]`.
  ///
  /// Backward: the gradient is scattered into zeros of the input's shape (added up where
  /// a list repeats a position).
  public subscript(_ indices: any TensorIndexConvertible...) -> Tensor {
    index(indices.map(\.tensorIndex))
  }

  /// Indexing with an explicit list of ``TensorIndex`` values (see ``subscript(_:)``).
  public func index(_ indices: [TensorIndex]) -> Tensor {
    let (selection, dropped) = checked { () throws(ShapeError) in try Indexing.resolve(indices, shape: shape) }
    let (offsets, outShape) = Indexing.offsets(of: selection, droppingAxes: dropped, in: shape)
    let inputShape = shape
    let description = indices.map(Indexing.describe).joined(separator: ", ")
    return Tensor.make(
      value.gather(offsets: offsets, shape: outShape), .index, [self], attributes: ["index": description]
    ) { g in [g.scatterAdd(offsets: offsets, into: inputShape)] }
  }
}

extension Shapes {
  /// The shape of `x[indices]` for `x` of `shape`, or an error naming the bad index.
  public static func index(_ shape: [Int], _ indices: [TensorIndex]) throws(ShapeError) -> [Int] {
    let (selection, dropped) = try Indexing.resolve(indices, shape: shape)
    return selection.indices.filter { !dropped.contains($0) }.map { selection[$0].count }
  }
}

/// The index arithmetic behind ``Tensor/index(_:)``.
enum Indexing {
  /// The positions selected on each axis, and the axes an integer index removes.
  static func resolve(_ indices: [TensorIndex], shape: [Int]) throws(ShapeError) -> ([[Int]], [Int]) {
    guard indices.count <= shape.count else {
      throw ShapeError(op: "index", "\(indices.count) indices for a tensor of rank \(shape.count)")
    }
    var selection: [[Int]] = []
    var dropped: [Int] = []
    for (axis, size) in shape.enumerated() {
      let index = axis < indices.count ? indices[axis] : .all
      switch index {
      case .at(let i):
        selection.append([try position(i, axis: axis, size: size)])
        dropped.append(axis)
      case .list(let list):
        var picked: [Int] = []
        for i in list { picked.append(try position(i, axis: axis, size: size)) }
        selection.append(picked)
      case .slice(let start, let end, let step):
        guard step != 0 else { throw ShapeError(op: "index", "slice step cannot be zero") }
        selection.append(slicePositions(start, end, step, size: size))
      }
    }
    return (selection, dropped)
  }

  private static func position(_ i: Int, axis: Int, size: Int) throws(ShapeError) -> Int {
    let p = i < 0 ? i + size : i
    guard p >= 0 && p < size else {
      throw ShapeError(op: "index", "index \(i) is out of range for axis \(axis) of size \(size)")
    }
    return p
  }

  /// Python's slice semantics, clamping out-of-range bounds.
  private static func slicePositions(_ start: Int?, _ end: Int?, _ step: Int, size: Int) -> [Int] {
    func clamp(_ bound: Int, low: Int, high: Int) -> Int {
      let b = bound < 0 ? bound + size : bound
      return Swift.min(Swift.max(b, low), high)
    }
    if step > 0 {
      let s = start.map { clamp($0, low: 0, high: size) } ?? 0
      let e = end.map { clamp($0, low: 0, high: size) } ?? size
      return Array(stride(from: s, to: e, by: step))
    }
    let s = start.map { clamp($0, low: -1, high: size - 1) } ?? size - 1
    let e = end.map { clamp($0, low: -1, high: size - 1) } ?? -1
    return Array(stride(from: s, to: e, by: step))
  }

  /// Flat offsets of every selected element (row-major over the selection) and the
  /// result shape without the dropped axes.
  static func offsets(of selection: [[Int]], droppingAxes dropped: [Int], in shape: [Int]) -> ([Int], [Int]) {
    let strides = Shapes.strides(shape)
    var offsets = [0]
    for (axis, picked) in selection.enumerated() {
      let stride = strides[axis]
      var next: [Int] = []
      next.reserveCapacity(offsets.count * picked.count)
      for base in offsets {
        for p in picked { next.append(base + p * stride) }
      }
      offsets = next
    }
    let outShape = selection.indices.filter { !dropped.contains($0) }.map { selection[$0].count }
    return (offsets, outShape)
  }

  static func describe(_ index: TensorIndex) -> String {
    switch index {
    case .at(let i): return String(i)
    case .list(let list): return format(list)
    case .slice(let start, let end, let step):
      let base = (start.map(String.init) ?? "") + ":" + (end.map(String.init) ?? "")
      return step == 1 ? base : base + ":" + String(step)
    }
  }
}
