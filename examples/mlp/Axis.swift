// Axis arithmetic for the plots: "nice" tick values and a linear map from data to pixels.
import Foundation

struct Axis {
  /// The data interval shown, already widened to whole ticks.
  let lower: Double
  let upper: Double
  /// The tick values, from `lower` to `upper`.
  let ticks: [Double]
  /// The pixel positions of `lower` and `upper` (the y axis runs upwards, so its
  /// pixel range is reversed).
  let pixels: (Double, Double)

  /// An axis covering `lower...upper` with about `targetTicks` ticks at 1, 2 or 5 × 10ⁿ.
  init(covering lower: Double, _ upper: Double, targetTicks: Int = 6, pixels: (Double, Double)) {
    let span = Swift.max(upper - lower, 1e-12)
    let raw = span / Double(Swift.max(targetTicks - 1, 1))
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    let first = floor(lower / step + 1e-9) * step
    let last = ceil(upper / step - 1e-9) * step
    self.lower = first
    self.upper = last
    ticks = stride(from: first, through: last + step / 2, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    self.pixels = pixels
  }

  /// An axis over exactly `lower...upper` with ticks at `step` inside it.
  init(exactly lower: Double, _ upper: Double, step: Double, pixels: (Double, Double)) {
    self.lower = lower
    self.upper = upper
    let first = ceil(lower / step - 1e-9) * step
    ticks = stride(from: first, through: upper + 1e-9, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    self.pixels = pixels
  }

  /// The pixel position of `value`.
  func position(_ value: Double) -> Double {
    pixels.0 + (value - lower) / (upper - lower) * (pixels.1 - pixels.0)
  }

  /// A tick label with no more decimals than the tick spacing needs.
  func label(_ value: Double) -> String {
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    let decimals = Swift.max(0, Int(-floor(log10(step) + 1e-9)))
    return String(format: "%.\(decimals)f", value)
  }
}
