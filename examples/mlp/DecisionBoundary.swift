// The decision regions: a grid of cells coloured by the class the network predicts there
// (stronger colour = more confident), with the training points on top.
import Foundation
import Lucid
import LucidNN

/// Okabe–Ito colours, distinguishable with every common colour-vision deficiency.
private let classColours = ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]

/// An SVG of `model`'s decision regions over the bounding box of `data`, plus its points.
func decisionBoundary(model: some Module, data: ToyDataset, accuracy: Double) -> String {
  // Geometry: square cells of `cell` pixels, equal scale on both axes.
  let cell = 8.0
  let columns = 64
  let (left, top, right, bottom) = (64.0, 64.0, 150.0, 52.0)
  let points = data.points
  let margin = 0.4
  let xLow = (points.map { $0[0] }.min() ?? -1) - margin
  let xHigh = (points.map { $0[0] }.max() ?? 1) + margin
  let yLow = (points.map { $0[1] }.min() ?? -1) - margin
  let yHigh = (points.map { $0[1] }.max() ?? 1) + margin
  let unitsPerCell = (xHigh - xLow) / Double(columns)
  let rows = Int(((yHigh - yLow) / unitsPerCell).rounded(.up))
  let (plotWidth, plotHeight) = (Double(columns) * cell, Double(rows) * cell)
  let yTop = yLow + Double(rows) * unitsPerCell
  let x = Axis(exactly: xLow, xHigh, step: 0.5, pixels: (left, left + plotWidth))
  let y = Axis(exactly: yLow, yTop, step: 0.5, pixels: (top + plotHeight, top))
  var svg = SVGCanvas(width: left + plotWidth + right, height: top + plotHeight + bottom)

  svg.text("Decision regions of the trained network", at: (left, 28), size: 18, weight: "bold")
  svg.text(
    "cell colour = predicted class, stronger = more confident · training accuracy "
      + String(format: "%.1f %%", 100 * accuracy), at: (left, 48), size: 12, fill: "#666")

  // Ask the network about the centre of every cell at once, without building a graph.
  var centres: [Double] = []
  for row in 0..<rows {
    for column in 0..<columns {
      centres += [xLow + (Double(column) + 0.5) * unitsPerCell, yTop - (Double(row) + 0.5) * unitsPerCell]
    }
  }
  let probabilities = withNoGrad { model(Tensor(shape: [rows * columns, 2], scalars: centres)).softmax(axis: 1) }
  let p = probabilities.scalars
  let classes = data.classCount

  // One rectangle per run of equal colour along a row keeps the file small.
  svg.group(["shape-rendering": "crispEdges"]) { svg in
    for row in 0..<rows {
      var runStart = 0
      var runStyle: (Int, Int)? = nil
      func flush(until end: Int) {
        guard let (label, level) = runStyle else { return }
        svg.rect(
          x: left + Double(runStart) * cell, y: top + Double(row) * cell, width: Double(end - runStart) * cell,
          height: cell, fill: classColours[label % classColours.count],
          extra: ["fill-opacity": SVGCanvas.number(0.14 + 0.1 * Double(level))])
      }
      for column in 0..<columns {
        let scores = p[((row * columns + column) * classes)..<((row * columns + column + 1) * classes)]
        let label = scores.indices.max { scores[$0] < scores[$1] }! - (row * columns + column) * classes
        // Confidence from 1/classes (a tie) to 1, in four steps.
        let confidence = (scores.max()! - 1 / Double(classes)) / (1 - 1 / Double(classes))
        let style = (label, Swift.min(3, Int(confidence * 4)))
        if let current = runStyle, current == style { continue }
        flush(until: column)
        runStart = column
        runStyle = style
      }
      flush(until: columns)
    }
  }

  // Axes: frame, ticks and labels.
  svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "none", extra: ["stroke": "#444"])
  for tick in x.ticks {
    let px = x.position(tick)
    svg.line(from: (px, top + plotHeight), to: (px, top + plotHeight + 5), stroke: "#444")
    svg.text(x.label(tick), at: (px, top + plotHeight + 19), size: 11, anchor: .middle, fill: "#444")
  }
  for tick in y.ticks {
    let py = y.position(tick)
    svg.line(from: (left - 5, py), to: (left, py), stroke: "#444")
    svg.text(y.label(tick), at: (left - 8, py + 4), size: 11, anchor: .end, fill: "#444")
  }
  svg.text("x₁", at: (left + plotWidth / 2, top + plotHeight + 42), size: 13, anchor: .middle)
  svg.text("x₂", at: (22, top + plotHeight / 2), size: 13, anchor: .middle, rotated: true)

  // The training points.
  for (point, label) in zip(points, data.labels) {
    svg.circle(
      center: (x.position(point[0]), y.position(point[1])), radius: 4,
      fill: classColours[label % classColours.count], stroke: "white")
  }

  // Legend.
  let legendX = left + plotWidth + 20
  svg.text("training points", at: (legendX, top + 12), size: 12, weight: "bold")
  for label in 0..<classes {
    let ly = top + 32 + Double(label) * 22
    let colour = classColours[label % classColours.count]
    svg.circle(center: (legendX + 6, ly - 4), radius: 5, fill: colour, stroke: "white")
    svg.text("class \(label)", at: (legendX + 18, ly), size: 12)
  }
  let regionsY = top + 44 + Double(classes) * 22
  svg.text("predicted region", at: (legendX, regionsY), size: 12, weight: "bold")
  for label in 0..<classes {
    let ly = regionsY + 20 + Double(label) * 22
    svg.rect(
      x: legendX, y: ly - 12, width: 14, height: 14, fill: classColours[label % classColours.count],
      extra: ["fill-opacity": "0.4"])
    svg.text("class \(label)", at: (legendX + 20, ly), size: 12)
  }
  return svg.document(title: "Decision regions of the trained network")
}
