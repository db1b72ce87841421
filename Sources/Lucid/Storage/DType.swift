import Foundation

/// The element type of a ``Tensor``'s storage.
///
/// Arithmetic always runs in the tensor's own type: a `.float32` tensor is computed
/// in `Float`, never silently in `Double`. Mixing dtypes in one binary op promotes
/// to the wider type, as NumPy does.
public enum DType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// 32-bit IEEE 754 floating point (`Float`). The default.
  case float32
  /// 64-bit IEEE 754 floating point (`Double`). Use it for gradient checks.
  case float64

  /// The wider of two dtypes: the result type of a binary op mixing them.
  public static func promoted(_ a: DType, _ b: DType) -> DType {
    a == .float64 || b == .float64 ? .float64 : .float32
  }

  /// The dtype's name, e.g. `float32`.
  public var description: String { rawValue }
}

/// The scalar types a tensor can store. Internal: users see only ``DType``.
protocol LucidScalar: BinaryFloatingPoint, Sendable {
  static func exp(_ x: Self) -> Self
  static func log(_ x: Self) -> Self
  static func tanh(_ x: Self) -> Self
  static func pow(_ x: Self, _ y: Self) -> Self
}

extension Float: LucidScalar {
  @inline(__always) static func exp(_ x: Float) -> Float { Foundation.exp(x) }
  @inline(__always) static func log(_ x: Float) -> Float { Foundation.log(x) }
  @inline(__always) static func tanh(_ x: Float) -> Float { Foundation.tanh(x) }
  @inline(__always) static func pow(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
}

extension Double: LucidScalar {
  @inline(__always) static func exp(_ x: Double) -> Double { Foundation.exp(x) }
  @inline(__always) static func log(_ x: Double) -> Double { Foundation.log(x) }
  @inline(__always) static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
  @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}
