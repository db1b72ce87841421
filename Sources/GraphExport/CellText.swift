import Lucid

/// The text of a tensor as a value node shows it: a grid of numbers or a summary.
enum CellText: Hashable {
  /// Rows of formatted numbers (a scalar is one row of one).
  case grid([[String]])
  /// Statistics of a large tensor, one per line (min, max, norm), so the node stays narrow.
  case summary([String])

  init(_ snapshot: TensorSnapshot, options: DOTOptions) {
    let shape = snapshot.shape
    let fmt = { (v: Double) in NumberFormatting.format(v, digits: options.digits) }
    if let values = snapshot.values, shape.count <= 2, values.count <= options.maxGridElements,
      (shape.last ?? 1) <= options.maxGridColumns
    {
      let columns = shape.last ?? 1
      if values.isEmpty || columns == 0 {
        self = .grid([["∅"]])
        return
      }
      self = .grid(
        stride(from: 0, to: values.count, by: columns).map { start in
          values[start..<(start + columns)].map(fmt)
        })
      return
    }
    let s = snapshot.summary
    self = .summary(["min \(fmt(s.min))", "max \(fmt(s.max))", "‖·‖ \(fmt(s.norm))"])
  }

  /// The same layout with every number replaced by a placeholder (a gradient not yet
  /// computed), so the label keeps its size.
  var placeholder: CellText {
    switch self {
    case .grid(let rows): .grid(rows.map { $0.map { _ in "·" } })
    case .summary(let lines): .summary(lines.map { _ in "·" })
    }
  }

  /// The longest cell, in characters.
  var widestCell: Int {
    switch self {
    case .grid(let rows): rows.joined().map(\.count).max() ?? 1
    case .summary(let lines): lines.map(\.count).max() ?? 1
    }
  }
}
