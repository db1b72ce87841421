extension Tensor {
  /// The sum of all elements, or along `axis` (negative counts from the end).
  ///
  /// Backward: `∂L/∂out` broadcast back to the input's shape.
  public func sum(axis: Int? = nil, keepDims: Bool = false) -> Tensor {
    reduction(.sum, axis: axis, keepDims: keepDims)
  }

  /// The mean of all elements, or along `axis`.
  ///
  /// Backward: `∂L/∂out` broadcast back to the input's shape and divided by the number
  /// of elements averaged.
  public func mean(axis: Int? = nil, keepDims: Bool = false) -> Tensor {
    reduction(.mean, axis: axis, keepDims: keepDims)
  }

  /// The maximum of all elements, or along `axis`.
  ///
  /// Backward: the gradient goes to the element that is the maximum. When several
  /// elements tie, they **share it equally** (each gets `∂L/∂out / k` for `k` ties), so
  /// the total is conserved and the result is symmetric, like PyTorch's `amax`.
  public func max(axis: Int? = nil, keepDims: Bool = false) -> Tensor {
    reduction(.max, axis: axis, keepDims: keepDims)
  }

  /// The minimum of all elements, or along `axis`; ties share the gradient equally
  /// (see ``max(axis:keepDims:)``).
  public func min(axis: Int? = nil, keepDims: Bool = false) -> Tensor {
    reduction(.min, axis: axis, keepDims: keepDims)
  }

  private func reduction(_ operation: Op, axis: Int?, keepDims: Bool) -> Tensor {
    let resolved = axis.map { a in
      checked { () throws(ShapeError) in try Shapes.axis(a, rank: ndim, op: operation.rawValue) }
    }
    let x = value
    let kept = x.keptShape(axis: resolved)
    let n = Double(AxisSplit(x.shape, axis: resolved).n)
    var attributes: [String: String] = [:]
    if let axis { attributes["axis"] = String(axis) }
    if keepDims { attributes["keepDims"] = "true" }
    switch operation {
    case .sum:
      let y = x.reduce(.sum, axis: resolved, keepDims: keepDims)
      return Tensor.make(y, .sum, [self], attributes: attributes) { g in [g.reshaped(kept).broadcast(to: x.shape)] }
    case .mean:
      let y = x.reduce(.sum, axis: resolved, keepDims: keepDims).scaled(by: 1 / n)
      return Tensor.make(y, .mean, [self], attributes: attributes) { g in
        [g.reshaped(kept).broadcast(to: x.shape).scaled(by: 1 / n)]
      }
    default:
      let kind: ReduceKind = operation == .max ? .max : .min
      let y = x.reduce(kind, axis: resolved, keepDims: keepDims)
      return Tensor.make(y, operation, [self], attributes: attributes) { g in
        let mask = x.zip(y.reshaped(kept), .equal)
        let ties = mask.reduce(.sum, axis: resolved, keepDims: true)
        return [mask * (g.reshaped(kept) / ties)]
      }
    }
  }
}

/// The sum of all elements, or along `axis`.
public func sum(_ x: Tensor, axis: Int? = nil, keepDims: Bool = false) -> Tensor {
  x.sum(axis: axis, keepDims: keepDims)
}

/// The mean of all elements, or along `axis`.
public func mean(_ x: Tensor, axis: Int? = nil, keepDims: Bool = false) -> Tensor {
  x.mean(axis: axis, keepDims: keepDims)
}

/// The maximum of all elements, or along `axis`; ties share the gradient equally.
public func max(_ x: Tensor, axis: Int? = nil, keepDims: Bool = false) -> Tensor {
  x.max(axis: axis, keepDims: keepDims)
}

/// The minimum of all elements, or along `axis`; ties share the gradient equally.
public func min(_ x: Tensor, axis: Int? = nil, keepDims: Bool = false) -> Tensor {
  x.min(axis: axis, keepDims: keepDims)
}
