import Foundation

/// An axis-aligned rectangle in Graphviz points, y pointing up (Graphviz's `bb` convention).
struct LayoutBox: Sendable, Equatable {
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  var width: Double { maxX - minX }
  var height: Double { maxY - minY }

  /// Parses a Graphviz `bb` value, `"llx,lly,urx,ury"`.
  init?(graphviz value: String) {
    let parts = value.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 4 else { return nil }
    self.init(minX: parts[0], minY: parts[1], maxX: parts[2], maxY: parts[3])
  }

  init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// The smallest box holding this one and `other`.
  func union(_ other: LayoutBox) -> LayoutBox {
    LayoutBox(
      minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX),
      maxY: max(maxY, other.maxY))
  }

  /// The box as a Graphviz `bb` value.
  var graphvizValue: String {
    "\(Self.format(minX)),\(Self.format(minY)),\(Self.format(maxX)),\(Self.format(maxY))"
  }

  /// Formats a coordinate as Graphviz does in `pos` values.
  static func format(_ value: Double) -> String {
    // `%.3f` through C's formatter: Foundation's `String(format:)` is many times slower, and
    // frames format a few of these each.
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
      let written = withVaList([value]) { vsnprintf(buffer.baseAddress, 64, "%.3f", $0) }
      guard written > 0, written < 64 else { return String(format: "%.3f", value) }
      return String(cString: buffer.baseAddress!)
    }
  }

  /// Formats a point as a Graphviz `pos`/`lp` value.
  static func point(_ x: Double, _ y: Double) -> String {
    "\(format(x)),\(format(y))"
  }
}
