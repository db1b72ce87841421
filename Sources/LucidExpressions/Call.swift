/// A function call with its arguments checked and sorted out.
struct Call {
  enum Kind {
    case elementwise, reduction, softmax, logSoftmax, transpose, reshape, matmul, pow
  }

  var name: String
  var kind: Kind
  /// The tensor operands, in order.
  var operands: [Expression]
  var axis: Int?
  var keepDims = false
  /// `reshape`'s target shape.
  var targetShape: [Int] = []

  /// Checks the argument count and keywords of `name(arguments)`.
  init(_ name: String, _ arguments: [CallArgument], column: Int) throws(ExpressionError) {
    self.name = name
    let positional = arguments.filter { $0.label == nil }.map(\.value)
    let keywords = arguments.filter { $0.label != nil }
    var allowed: Set<String> = []
    var arity = 1
    switch name {
    case _ where Program.elementwise.contains(name): kind = .elementwise
    case _ where Program.reductions.contains(name):
      kind = .reduction
      allowed = ["axis", "keepdims"]
    case "softmax", "log_softmax":
      kind = name == "softmax" ? .softmax : .logSoftmax
      allowed = ["axis"]
      axis = -1
    case "transpose": kind = .transpose
    case "reshape":
      kind = .reshape
      arity = 2
    case "matmul":
      kind = .matmul
      arity = 2
    case "pow":
      kind = .pow
      arity = 2
    default:
      throw ExpressionError(
        "unknown function '\(name)' (known: \(Program.functions.joined(separator: ", ")))", column: column)
    }
    guard positional.count == arity else {
      throw ExpressionError(
        "\(name) takes \(arity) argument\(arity == 1 ? "" : "s"), got \(positional.count)", column: column)
    }
    operands = positional
    var seen: Set<String> = []
    for keyword in keywords {
      let label = keyword.label!
      guard allowed.contains(label) else {
        let hint =
          allowed.isEmpty ? "it takes no keyword arguments" : "it takes \(allowed.sorted().joined(separator: ", "))"
        throw ExpressionError("\(name) has no argument '\(label)': \(hint)", column: keyword.value.column)
      }
      guard seen.insert(label).inserted else {
        throw ExpressionError("\(name) got '\(label)' twice", column: keyword.value.column)
      }
      switch label {
      case "axis": axis = try Self.integer(keyword.value, "axis")
      default: keepDims = try Self.boolean(keyword.value, "keepdims")
      }
    }
    if kind == .reshape {
      guard case .list(let dims, _) = positional[1] else {
        throw ExpressionError("reshape's second argument must be a list like [2, 3]", column: positional[1].column)
      }
      var shape: [Int] = []
      for d in dims {
        guard d == d.rounded(), d >= -1, d < 1e15 else {
          throw ExpressionError(
            "reshape sizes must be whole numbers ≥ 0 (or -1), got \(d)", column: positional[1].column)
        }
        shape.append(Int(d))
      }
      targetShape = shape
      operands = [positional[0]]
    }
  }

  private static func integer(_ expression: Expression, _ label: String) throws(ExpressionError) -> Int {
    var value: Double?
    switch expression {
    case .number(let v, _): value = v
    case .negate(.number(let v, _), _): value = -v
    default: break
    }
    guard let value, value == value.rounded(), Swift.abs(value) < 1e9 else {
      throw ExpressionError("\(label) must be an integer", column: expression.column)
    }
    return Int(value)
  }

  private static func boolean(_ expression: Expression, _ label: String) throws(ExpressionError) -> Bool {
    switch expression {
    case .name("true", _): return true
    case .name("false", _): return false
    default: throw ExpressionError("\(label) must be true or false", column: expression.column)
    }
  }
}
