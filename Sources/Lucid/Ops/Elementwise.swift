extension Tensor {
  /// `eˣ` elementwise. Backward: `∂L/∂x = ∂L/∂out ⊙ exp(x)`.
  public func exp() -> Tensor {
    unary(.exp, .exp) { g, _, y in g * y }
  }

  /// Natural logarithm elementwise. Backward: `∂L/∂x = ∂L/∂out ⊘ x`.
  public func log() -> Tensor {
    unary(.log, .log) { g, x, _ in g / x }
  }

  /// Square root elementwise. Backward: `∂L/∂x = ∂L/∂out ⊘ (2√x)`.
  public func sqrt() -> Tensor {
    unary(.sqrt, .sqrt) { g, _, y in g.zip(y, .sqrtBackward) }
  }

  /// Hyperbolic tangent elementwise. Backward: `∂L/∂x = ∂L/∂out ⊙ (1 − tanh²(x))`.
  public func tanh() -> Tensor {
    unary(.tanh, .tanh) { g, _, y in g.zip(y, .tanhBackward) }
  }

  /// Logistic sigmoid `1 / (1 + e^−x)`, computed stably in both tails.
  /// Backward: `∂L/∂x = ∂L/∂out ⊙ σ(x)(1 − σ(x))`.
  public func sigmoid() -> Tensor {
    unary(.sigmoid, .sigmoid) { g, _, y in g.zip(y, .sigmoidBackward) }
  }

  /// `max(x, 0)` elementwise. Backward: `∂L/∂x = ∂L/∂out ⊙ [x > 0]`; the derivative
  /// at exactly `0` is taken as `0` (as PyTorch does).
  public func relu() -> Tensor {
    unary(.relu, .relu) { g, x, _ in g.zip(x, .reluBackward) }
  }

  /// `|x|` elementwise. Backward: `∂L/∂x = ∂L/∂out ⊙ sign(x)`; the derivative at
  /// exactly `0` is taken as `0` (the subgradient PyTorch uses).
  public func abs() -> Tensor {
    unary(.abs, .abs) { g, x, _ in g.zip(x, .absBackward) }
  }

  private func unary(
    _ operation: Op, _ kernel: UnaryKernel,
    pullback: @escaping (_ g: NDArray, _ x: NDArray, _ y: NDArray) -> NDArray
  ) -> Tensor {
    let x = value
    let y = x.map(kernel)
    return Tensor.make(y, operation, [self]) { g in [pullback(g, x, y)] }
  }
}

/// `eˣ` elementwise.
public func exp(_ x: Tensor) -> Tensor { x.exp() }
/// Natural logarithm elementwise.
public func log(_ x: Tensor) -> Tensor { x.log() }
/// Square root elementwise.
public func sqrt(_ x: Tensor) -> Tensor { x.sqrt() }
/// Hyperbolic tangent elementwise.
public func tanh(_ x: Tensor) -> Tensor { x.tanh() }
/// Logistic sigmoid elementwise.
public func sigmoid(_ x: Tensor) -> Tensor { x.sigmoid() }
/// `max(x, 0)` elementwise.
public func relu(_ x: Tensor) -> Tensor { x.relu() }
/// `|x|` elementwise.
public func abs(_ x: Tensor) -> Tensor { x.abs() }
