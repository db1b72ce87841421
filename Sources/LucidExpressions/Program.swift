import Lucid

/// An expression checked against its inputs' shapes, ready to evaluate.
///
/// Checking happens before any op runs: every shape rule, axis, index and reshape is
/// validated with ``Lucid/Shapes``, so evaluation cannot hit the library's
/// programmer-error traps, and every problem is reported with its column.
public struct Program: Sendable {
  /// The parsed expression.
  public let expression: Expression
  /// The inputs, in the order given.
  public let inputs: [InputValue]
  /// The result's shape, found by the checker.
  public let shape: [Int]

  /// The unary elementwise functions.
  static let elementwise: Set<String> = ["exp", "log", "sqrt", "tanh", "sigmoid", "relu", "abs"]
  /// The reductions, which take `axis=` and `keepdims=`.
  static let reductions: Set<String> = ["sum", "mean", "max", "min"]
  /// Every function name, for messages.
  static let functions =
    (elementwise.union(reductions).union(["softmax", "log_softmax", "transpose", "reshape", "matmul", "pow"]))
    .sorted()

  /// Parses `source` and checks it against `inputs`.
  public init(_ source: String, inputs: [InputValue], limits: ExpressionLimits = ExpressionLimits())
    throws(ExpressionError)
  {
    var seen: Set<String> = []
    for input in inputs where !seen.insert(input.name).inserted {
      throw ExpressionError("input \(input.name) is given twice")
    }
    let expression = try Parser.parse(source, limits: limits)
    var checker = ShapeChecker(
      shapes: Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, $0.shape) }), limits: limits)
    self.shape = try checker.shape(of: expression)
    self.expression = expression
    self.inputs = inputs
  }

  /// Evaluates the expression. Every input becomes a leaf that requires grad, named
  /// after it; the returned leaves are in input order.
  public func evaluate(dtype: DType = .float32) -> (result: Tensor, leaves: [Tensor]) {
    let leaves = inputs.map {
      Tensor(shape: $0.shape, scalars: $0.scalars, requiresGrad: true, dtype: dtype, name: $0.name)
    }
    return (evaluate(leaves), leaves)
  }

  /// Evaluates the expression on your own tensors, one per input in input order (for
  /// example Float64 copies for ``Lucid/gradcheck(inputs:upstreamSeed:epsilon:absoluteTolerance:relativeTolerance:_:)``).
  public func evaluate(_ tensors: [Tensor]) -> Tensor {
    precondition(tensors.count == inputs.count, "[evaluate] \(inputs.count) inputs expected, got \(tensors.count)")
    for (tensor, input) in zip(tensors, inputs) where tensor.shape != input.shape {
      fatalError("[evaluate] input \(input.name) has shape \(format(input.shape)), got \(format(tensor.shape))")
    }
    let byName = Dictionary(uniqueKeysWithValues: zip(inputs.map(\.name), tensors).map { ($0, $1) })
    return Evaluator(inputs: byName, dtype: tensors.first?.dtype ?? .float32).evaluate(expression)
  }
}
