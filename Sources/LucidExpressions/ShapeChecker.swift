import Lucid

/// Infers the shape of every subexpression, reporting the first problem with its column.
struct ShapeChecker {
  let shapes: [String: [Int]]
  let limits: ExpressionLimits
  private var depth = 0

  init(shapes: [String: [Int]], limits: ExpressionLimits) {
    self.shapes = shapes
    self.limits = limits
  }

  mutating func shape(of expression: Expression) throws(ExpressionError) -> [Int] {
    let result = try infer(expression)
    guard Shapes.count(result) <= limits.maxElements else {
      throw ExpressionError(
        "result would have shape \(format(result)) (\(Shapes.count(result)) elements), over the limit of "
          + "\(limits.maxElements) (raise it with --max-elements)", column: expression.column)
    }
    return result
  }

  private mutating func infer(_ expression: Expression) throws(ExpressionError) -> [Int] {
    let column = expression.column
    func lift<T>(_ body: () throws(ShapeError) -> T) throws(ExpressionError) -> T {
      do { return try body() } catch { throw ExpressionError(error.description, column: column) }
    }
    switch expression {
    case .number: return []
    case .name(let name, _):
      guard let shape = shapes[name] else {
        let known = shapes.keys.sorted()
        let hint =
          known.isEmpty ? "no inputs were given (use -i \(name)=VALUE)" : "inputs: \(known.joined(separator: ", "))"
        throw ExpressionError("unknown name '\(name)' (\(hint))", column: column)
      }
      return shape
    case .negate(let operand, _): return try shape(of: operand)
    case .transpose(let operand, _): return try shape(of: operand).reversed()
    case .list:
      throw ExpressionError("a list like [2, 3] is only allowed as reshape's shape", column: column)
    case .binary(let op, let lhs, let rhs, _):
      let a = try shape(of: lhs)
      let b = try shape(of: rhs)
      if op == .matmul { return try lift { () throws(ShapeError) in try Shapes.matmul(a, b) } }
      return try lift { () throws(ShapeError) in try Shapes.broadcast(a, b, op: op.rawValue) }
    case .index(let base, let items, _):
      let a = try shape(of: base)
      let indices = try Self.tensorIndices(items, column: column)
      return try lift { () throws(ShapeError) in try Shapes.index(a, indices) }
    case .call(let name, let arguments, _):
      let call = try Call(name, arguments, column: column)
      var operands: [[Int]] = []
      for operand in call.operands { operands.append(try shape(of: operand)) }
      switch call.kind {
      case .elementwise: return operands[0]
      case .reduction:
        return try lift { () throws(ShapeError) in
          try Shapes.reduce(operands[0], axis: call.axis, keepDims: call.keepDims, op: name)
        }
      case .softmax, .logSoftmax:
        _ = try lift { () throws(ShapeError) in try Shapes.axis(call.axis ?? -1, rank: operands[0].count, op: name) }
        return operands[0]
      case .transpose: return operands[0].reversed()
      case .reshape:
        return try lift { () throws(ShapeError) in try Shapes.reshape(operands[0], to: call.targetShape) }
      case .matmul: return try lift { () throws(ShapeError) in try Shapes.matmul(operands[0], operands[1]) }
      case .pow: return try lift { () throws(ShapeError) in try Shapes.broadcast(operands[0], operands[1], op: "pow") }
      }
    }
  }

  static func tensorIndices(_ items: [IndexItem], column: Int) throws(ExpressionError) -> [TensorIndex] {
    var indices: [TensorIndex] = []
    for item in items {
      switch item {
      case .at(let i): indices.append(.at(i))
      case .slice(let start, let end, let step):
        guard step != 0 else { throw ExpressionError("slice step cannot be zero", column: column) }
        indices.append(.slice(start: start, end: end, step: step ?? 1))
      }
    }
    return indices
  }
}
