import Lucid

/// Evaluates a checked expression with Lucid ops. Only called after ``ShapeChecker``
/// has accepted the expression, so no op can meet a shape it rejects.
struct Evaluator {
  let inputs: [String: Tensor]
  let dtype: DType

  func evaluate(_ expression: Expression) -> Tensor {
    switch expression {
    case .number(let value, _): return Tensor.literal(value, dtype: dtype)
    case .name(let name, _): return inputs[name]!
    case .negate(let operand, _): return -evaluate(operand)
    case .transpose(let operand, _): return evaluate(operand).transposed()
    case .list: preconditionFailure("lists are rejected by the checker")
    case .binary(let op, let lhs, let rhs, _): return binary(op, lhs, rhs)
    case .index(let base, let items, let column):
      // The checker has already validated these indices.
      let indices = (try? ShapeChecker.tensorIndices(items, column: column)) ?? []
      return evaluate(base).index(indices)
    case .call(let name, let arguments, let column):
      guard let call = try? Call(name, arguments, column: column) else {
        preconditionFailure("calls are validated by the checker")
      }
      let x = call.operands.map(evaluate)
      switch call.kind {
      case .elementwise:
        switch name {
        case "exp": return x[0].exp()
        case "log": return x[0].log()
        case "sqrt": return x[0].sqrt()
        case "tanh": return x[0].tanh()
        case "sigmoid": return x[0].sigmoid()
        case "relu": return x[0].relu()
        default: return x[0].abs()
        }
      case .reduction:
        switch name {
        case "sum": return x[0].sum(axis: call.axis, keepDims: call.keepDims)
        case "mean": return x[0].mean(axis: call.axis, keepDims: call.keepDims)
        case "max": return x[0].max(axis: call.axis, keepDims: call.keepDims)
        default: return x[0].min(axis: call.axis, keepDims: call.keepDims)
        }
      case .softmax: return x[0].softmax(axis: call.axis ?? -1)
      case .logSoftmax: return x[0].logSoftmax(axis: call.axis ?? -1)
      case .transpose: return x[0].transposed()
      case .reshape: return x[0].reshaped(call.targetShape)
      case .matmul: return x[0].matmul(x[1])
      case .pow: return x[0] ** x[1]
      }
    }
  }

  /// A number on either side becomes a constant of the evaluation's dtype, drawn as a
  /// constant node.
  private func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> Tensor {
    // `x ** 2` is the power op with a constant exponent (its picture reads `** 2`).
    if op == .power, case .number(let exponent, _) = rhs { return operand(lhs) ** exponent }
    let a = operand(lhs)
    let b = operand(rhs)
    switch op {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return a / b
    case .matmul: return a.matmul(b)
    case .power: return a ** b
    }
  }

  private func operand(_ expression: Expression) -> Tensor {
    if case .number(let value, _) = expression { return Tensor.literal(value, dtype: dtype) }
    return evaluate(expression)
  }
}
