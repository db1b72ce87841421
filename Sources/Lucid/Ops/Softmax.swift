extension Tensor {
  /// Softmax along `axis`: `exp(x − max) / Σ exp(x − max)`, stable for large inputs.
  ///
  /// Backward: `∂L/∂x = y ⊙ (∂L/∂out − Σ(∂L/∂out ⊙ y))` with `y = softmax(x)`.
  public func softmax(axis: Int = -1) -> Tensor {
    let a = checked { () throws(ShapeError) in try Shapes.axis(axis, rank: ndim, op: "softmax") }
    let y = value.softmax(axis: a, log: false)
    return Tensor.make(y, .softmax, [self], attributes: ["axis": String(axis)]) { g in
      [y * (g - (g * y).reduce(.sum, axis: a, keepDims: true))]
    }
  }

  /// Log-softmax along `axis`: `x − max − log Σ exp(x − max)`, stable for large inputs.
  ///
  /// Backward: `∂L/∂x = ∂L/∂out − softmax(x) ⊙ Σ ∂L/∂out`.
  public func logSoftmax(axis: Int = -1) -> Tensor {
    let a = checked { () throws(ShapeError) in try Shapes.axis(axis, rank: ndim, op: "log_softmax") }
    let y = value.softmax(axis: a, log: true)
    return Tensor.make(y, .logSoftmax, [self], attributes: ["axis": String(axis)]) { g in
      [g - y.map(.exp) * g.reduce(.sum, axis: a, keepDims: true)]
    }
  }
}

/// Softmax along `axis` (see ``Tensor/softmax(axis:)``).
public func softmax(_ x: Tensor, axis: Int = -1) -> Tensor { x.softmax(axis: axis) }

/// Log-softmax along `axis` (see ``Tensor/logSoftmax(axis:)``).
public func logSoftmax(_ x: Tensor, axis: Int = -1) -> Tensor { x.logSoftmax(axis: axis) }
