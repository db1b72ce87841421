import Foundation

extension Tensor: CustomStringConvertible {
  /// The values as NumPy-like nested rows, e.g. `[[11, 15], [11, 15]]`.
  ///
  /// Whole numbers print without a fraction, `-0` prints as `0`, and a row too wide
  /// for one line breaks after each row. Tensors over 1,000 elements are elided in
  /// the middle of each axis, as NumPy does.
  public var description: String {
    formatNested(scalars, shape: shape, dtype: dtype)
  }
}

extension Tensor: CustomDebugStringConvertible {
  /// The values plus shape, dtype and grad flags, e.g.
  /// `Tensor([1, 2], shape: [2], dtype: float32, requiresGrad: true)`.
  public var debugDescription: String {
    var parts = ["shape: \(format(shape))", "dtype: \(dtype)"]
    if let name { parts.append("name: \(name)") }
    if requiresGrad { parts.append("requiresGrad: true") }
    if let operation { parts.append("op: \(operation.rawValue)") }
    return "Tensor(\(description), \(parts.joined(separator: ", ")))"
  }
}

/// Formats one number the way tensors print it: at most 8 significant digits (NumPy's
/// default precision, so `0.9999999999999996` prints as `1`), whole numbers without a
/// fraction, `-0` as `0`. ``Tensor/scalars`` and ``Tensor/item()`` keep every digit.
public func formatScalar(_ value: Double, dtype: DType = .float64) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  if value == value.rounded() && Swift.abs(value) < 1e15 { return value == 0 ? "0" : String(Int64(value)) }
  let text = String(format: "%.8g", value)
  let rounded = Double(text) ?? value
  if rounded == 0 { return "0" }
  if rounded == rounded.rounded() && Swift.abs(rounded) < 1e15 {
    return String(Int64(rounded))
  }
  return text
}

func formatNested(_ values: [Double], shape: [Int], dtype: DType) -> String {
  let elide = values.count > 1000
  func render(_ offset: Int, _ axis: Int) -> String {
    if axis == shape.count { return formatScalar(values[offset], dtype: dtype) }
    let stride = shape[(axis + 1)...].reduce(1, *)
    var indices = Array(0..<shape[axis])
    var parts: [String] = []
    if elide && indices.count > 6 {
      indices = Array(indices.prefix(3)) + [-1] + Array(indices.suffix(3))
    }
    for i in indices {
      parts.append(i < 0 ? "..." : render(offset + i * stride, axis + 1))
    }
    let oneLine = "[" + parts.joined(separator: ", ") + "]"
    if axis == shape.count - 1 || oneLine.count <= 72 { return oneLine }
    let indent = String(repeating: " ", count: axis + 1)
    let separator = ",\n" + (axis < shape.count - 2 ? "\n" : "") + indent
    return "[" + parts.joined(separator: separator) + "]"
  }
  return render(0, 0)
}
