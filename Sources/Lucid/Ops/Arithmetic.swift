precedencegroup ExponentiationPrecedence {
  associativity: right
  higherThan: MultiplicationPrecedence
}

/// Raises to a power, as Python's `**`: `x ** 2`, `a ** b`. Right-associative and
/// tighter than `*`. Note that Swift binds prefix `-` tightest, so `-x ** 2` is
/// `(-x) ** 2`; write `-(x ** 2)` for the Python meaning.
infix operator ** : ExponentiationPrecedence

extension Tensor {
  /// Elementwise sum with NumPy broadcasting.
  ///
  /// Backward: each input receives `∂L/∂out` summed back to its own shape.
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    binary(lhs, rhs, .add, .add) { g, _, _ in (g, g) }
  }

  /// Elementwise difference with NumPy broadcasting.
  ///
  /// Backward: `∂L/∂a = ∂L/∂out`, `∂L/∂b = −∂L/∂out`, summed to each input's shape.
  public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
    binary(lhs, rhs, .subtract, .subtract) { g, _, _ in (g, -g) }
  }

  /// Elementwise product with NumPy broadcasting.
  ///
  /// Backward: `∂L/∂a = ∂L/∂out ⊙ b`, `∂L/∂b = ∂L/∂out ⊙ a`.
  public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
    binary(lhs, rhs, .multiply, .multiply) { g, a, b in (g * b, g * a) }
  }

  /// Elementwise quotient with NumPy broadcasting.
  ///
  /// Backward: `∂L/∂a = ∂L/∂out ⊘ b`, `∂L/∂b = −∂L/∂out ⊙ a ⊘ b²`.
  public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
    binary(lhs, rhs, .divide, .divide) { g, a, b in (g / b, -(g * a / (b * b))) }
  }

  /// Negation. Backward: `∂L/∂x = −∂L/∂out`.
  public static prefix func - (operand: Tensor) -> Tensor {
    let y = operand.value.map(.negate)
    return make(y, .negate, [operand]) { g in [-g] }
  }

  /// Elementwise power with a tensor exponent, broadcast.
  ///
  /// Backward: `∂L/∂a = ∂L/∂out ⊙ b·a^(b−1)`, `∂L/∂b = ∂L/∂out ⊙ out·ln(a)`; as in
  /// PyTorch, the base's gradient is `0` where `b == 0` (also at `a == 0`) and the
  /// exponent's gradient is `0` where `a == 0`; the latter is `nan` where `a < 0`.
  public static func ** (lhs: Tensor, rhs: Tensor) -> Tensor {
    binary(lhs, rhs, .power, .power) { g, a, b in
      let out = a.zip(b, .power)
      return (g * a.zip(b, .powerBaseDerivative), g * out.zip(a, .timesLog))
    }
  }

  /// Elementwise power with a constant exponent: `x ** 2`.
  ///
  /// Backward: `∂L/∂x = ∂L/∂out ⊙ k·x^(k−1)`, and `0` for `k == 0` (also at `x == 0`).
  public static func ** (lhs: Tensor, rhs: Double) -> Tensor {
    let x = lhs.value
    let y = x.map(.power(rhs))
    return make(y, .powerScalar, [lhs], attributes: ["exponent": formatScalar(rhs)]) { g in
      if rhs == 0 { return [NDArray.zeros(g.shape, dtype: g.dtype)] }
      return [g * x.map(.power(rhs - 1)).scaled(by: rhs)]
    }
  }

  /// A number raised to a tensor power: `2 ** x`.
  public static func ** (lhs: Double, rhs: Tensor) -> Tensor { rhs.constant(lhs) ** rhs }

  /// Adds a number to every element.
  public static func + (lhs: Tensor, rhs: Double) -> Tensor { lhs + lhs.constant(rhs) }
  /// Adds a tensor to a number.
  public static func + (lhs: Double, rhs: Tensor) -> Tensor { rhs.constant(lhs) + rhs }
  /// Subtracts a number from every element.
  public static func - (lhs: Tensor, rhs: Double) -> Tensor { lhs - lhs.constant(rhs) }
  /// Subtracts each element from a number.
  public static func - (lhs: Double, rhs: Tensor) -> Tensor { rhs.constant(lhs) - rhs }
  /// Multiplies every element by a number.
  public static func * (lhs: Tensor, rhs: Double) -> Tensor { lhs * lhs.constant(rhs) }
  /// Multiplies a number by every element.
  public static func * (lhs: Double, rhs: Tensor) -> Tensor { rhs.constant(lhs) * rhs }
  /// Divides every element by a number.
  public static func / (lhs: Tensor, rhs: Double) -> Tensor { lhs / lhs.constant(rhs) }
  /// Divides a number by every element.
  public static func / (lhs: Double, rhs: Tensor) -> Tensor { rhs.constant(lhs) / rhs }

  /// A broadcasting binary op: checks shapes, computes the kernel, and records a
  /// pullback whose two results are summed back to each input's shape.
  static func binary(
    _ lhs: Tensor, _ rhs: Tensor, _ operation: Op, _ kernel: BinaryKernel,
    pullback: @escaping (_ g: NDArray, _ a: NDArray, _ b: NDArray) -> (NDArray, NDArray)
  ) -> Tensor {
    let a = lhs.value
    let b = rhs.value
    let y = a.zip(b, kernel, op: operation.rawValue)
    return make(y, operation, [lhs, rhs]) { g in
      let (da, db) = pullback(g, a, b)
      return [da.sum(toShape: a.shape), db.sum(toShape: b.shape)]
    }
  }
}

/// `base ** exponent` elementwise (see ``Tensor/**(_:_:)-(Tensor,Tensor)``).
public func pow(_ base: Tensor, _ exponent: Tensor) -> Tensor { base ** exponent }

/// `base ** exponent` with a constant exponent.
public func pow(_ base: Tensor, _ exponent: Double) -> Tensor { base ** exponent }
