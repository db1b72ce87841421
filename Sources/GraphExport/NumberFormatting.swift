import Foundation

/// Numbers as the pictures show them.
public enum NumberFormatting {
  /// `value` with `digits` significant digits, trailing zeros dropped, and never `-0`.
  public static func format(_ value: Double, digits: Int = 4) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let d = min(max(digits, 1), 17)
    var text = String(format: "%.\(d)g", value)
    // A value that rounds to zero must not print as "-0".
    if text.hasPrefix("-") && Double(text) == 0 { text = "0" }
    return text
  }
}
