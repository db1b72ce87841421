// The loss curve: loss against epoch, with axes, ticks, grid lines and a title.
import Foundation

/// An SVG line chart of `losses` (one per epoch, starting at epoch 1).
func lossCurve(_ losses: [Double]) -> String {
  let (width, height) = (640.0, 400.0)
  let (left, right, top, bottom) = (72.0, 24.0, 64.0, 56.0)
  let x = Axis(covering: 0, Double(Swift.max(losses.count, 1)), targetTicks: 7, pixels: (left, width - right))
  let y = Axis(covering: 0, (losses.max() ?? 1) * 1.02, targetTicks: 6, pixels: (height - bottom, top))
  var svg = SVGCanvas(width: width, height: height)

  svg.text("Training loss", at: (left, 28), size: 18, weight: "bold")
  let final = losses.last.map { String(format: "final loss %.4f after %d epochs", $0, losses.count) } ?? "no epochs"
  svg.text("softmax cross-entropy on the training set, full batch · \(final)", at: (left, 48), size: 12, fill: "#666")

  // Grid lines and tick labels.
  for tick in y.ticks {
    let py = y.position(tick)
    svg.line(from: (left, py), to: (width - right, py), stroke: tick == 0 ? "#444" : "#e3e3e3")
    svg.text(y.label(tick), at: (left - 8, py + 4), size: 11, anchor: .end, fill: "#444")
  }
  for tick in x.ticks {
    let px = x.position(tick)
    svg.line(from: (px, height - bottom), to: (px, top), stroke: tick == 0 ? "#444" : "#eeeeee")
    svg.line(from: (px, height - bottom), to: (px, height - bottom + 5), stroke: "#444")
    svg.text(x.label(tick), at: (px, height - bottom + 19), size: 11, anchor: .middle, fill: "#444")
  }
  svg.line(from: (left, height - bottom), to: (width - right, height - bottom), stroke: "#444")

  // The curve itself.
  let points = losses.enumerated().map { (x.position(Double($0.offset + 1)), y.position($0.element)) }
  svg.polyline(points, stroke: "#0072B2", width: 2)

  // Axis titles.
  svg.text("epoch", at: ((left + width - right) / 2, height - 14), size: 13, anchor: .middle)
  svg.text("loss", at: (22, (top + height - bottom) / 2), size: 13, anchor: .middle, rotated: true)
  return svg.document(title: "Training loss per epoch")
}
