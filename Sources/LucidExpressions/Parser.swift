/// A recursive-descent parser for the expression language, with Python/NumPy
/// precedence: `**` (right-associative, binds tighter than a unary minus on its left,
/// so `-a**2` is `-(a**2)`), then unary `-`, then `* / @` (left), then `+ -` (left).
/// Postfix indexing `x[...]` and `.T` bind tightest of all.
public struct Parser {
  private var tokens: [Token]
  private var position = 0
  private var depth = 0
  private let limits: ExpressionLimits

  /// Parses `source` completely, or throws an ``ExpressionError`` with a column.
  public static func parse(_ source: String, limits: ExpressionLimits = ExpressionLimits()) throws(ExpressionError)
    -> Expression
  {
    guard source.count <= limits.maxLength else {
      throw ExpressionError(
        "expression is \(source.count) characters long, over the limit of \(limits.maxLength) (raise it with --max-length)"
      )
    }
    guard limits.maxDepth <= ExpressionLimits.deepestSupported else {
      throw ExpressionError(
        "the nesting limit \(limits.maxDepth) is over the \(ExpressionLimits.deepestSupported) levels this build supports"
          + " (lower --max-depth)")
    }
    var parser = Parser(tokens: try Lexer.tokenize(source), limits: limits)
    let expression = try parser.parseExpression()
    guard case .end = parser.current.kind else {
      throw ExpressionError(
        "unexpected '\(parser.current.text)' after a complete expression", column: parser.current.column)
    }
    // Operator chains such as `x + x + ... + x` parse in a loop but still make a tall tree, which
    // the checker and the evaluator walk recursively: the limit bounds the tree's height.
    let depth = expression.depth
    guard depth.levels <= limits.maxDepth else {
      throw Self.tooDeep(limits, column: depth.column)
    }
    return expression
  }

  private static func tooDeep(_ limits: ExpressionLimits, column: Int) -> ExpressionError {
    ExpressionError(
      "expression nests deeper than \(limits.maxDepth) levels (raise it with --max-depth)", column: column)
  }

  private init(tokens: [Token], limits: ExpressionLimits) {
    self.tokens = tokens
    self.limits = limits
  }

  private var current: Token { tokens[position] }

  private mutating func advance() -> Token {
    let token = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  private func isSymbol(_ symbol: String) -> Bool {
    current.kind == .symbol(symbol)
  }

  private mutating func expect(_ symbol: String, _ context: String) throws(ExpressionError) {
    guard isSymbol(symbol) else {
      throw ExpressionError("expected '\(symbol)' \(context), found '\(current.text)'", column: current.column)
    }
    _ = advance()
  }

  /// Guards recursion so that `((((...))))` cannot exhaust the stack.
  private mutating func nested<T>(_ body: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
    depth += 1
    defer { depth -= 1 }
    guard depth <= limits.maxDepth else { throw Self.tooDeep(limits, column: current.column) }
    return try body(&self)
  }

  mutating func parseExpression() throws(ExpressionError) -> Expression {
    try nested { (p: inout Parser) throws(ExpressionError) in try p.parseAdditive() }
  }

  private mutating func parseAdditive() throws(ExpressionError) -> Expression {
    var left = try parseMultiplicative()
    while isSymbol("+") || isSymbol("-") {
      let op = advance()
      let right = try parseMultiplicative()
      left = .binary(op.text == "+" ? .add : .subtract, left, right, column: op.column)
    }
    return left
  }

  private mutating func parseMultiplicative() throws(ExpressionError) -> Expression {
    var left = try parseUnary()
    while isSymbol("*") || isSymbol("/") || isSymbol("@") {
      let op = advance()
      let right = try parseUnary()
      let kind: BinaryOperator = op.text == "*" ? .multiply : (op.text == "/" ? .divide : .matmul)
      left = .binary(kind, left, right, column: op.column)
    }
    return left
  }

  private mutating func parseUnary() throws(ExpressionError) -> Expression {
    if isSymbol("-") || isSymbol("+") {
      let op = advance()
      let operand = try nested { (p: inout Parser) throws(ExpressionError) in try p.parseUnary() }
      return op.text == "-" ? .negate(operand, column: op.column) : operand
    }
    return try parsePower()
  }

  private mutating func parsePower() throws(ExpressionError) -> Expression {
    let base = try parsePostfix()
    if isSymbol("**") {
      let op = advance()
      // The exponent may carry its own sign (`2 ** -1`) and chains to the right.
      let exponent = try nested { (p: inout Parser) throws(ExpressionError) in try p.parseUnary() }
      return .binary(.power, base, exponent, column: op.column)
    }
    return base
  }

  private mutating func parsePostfix() throws(ExpressionError) -> Expression {
    var expression = try parsePrimary()
    while true {
      if isSymbol("[") {
        let open = advance()
        expression = .index(expression, try parseIndexItems(), column: open.column)
      } else if isSymbol(".") {
        let dot = advance()
        guard current.kind == .identifier("T") else {
          throw ExpressionError("expected 'T' after '.', found '\(current.text)'", column: current.column)
        }
        _ = advance()
        expression = .transpose(expression, column: dot.column)
      } else {
        return expression
      }
    }
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      _ = advance()
      return .number(value, column: token.column)
    case .identifier(let name):
      _ = advance()
      if isSymbol("(") {
        _ = advance()
        let arguments = try parseArguments(of: name)
        return .call(name, arguments, column: token.column)
      }
      return .name(name, column: token.column)
    case .symbol("("):
      _ = advance()
      let inner = try parseExpression()
      try expect(")", "to close the '(' at column \(token.column)")
      return inner
    case .symbol("["):
      return try parseList()
    case .end:
      throw ExpressionError("expression ends too early", column: token.column)
    default:
      throw ExpressionError("unexpected '\(token.text)'", column: token.column)
    }
  }

  private mutating func parseArguments(of name: String) throws(ExpressionError) -> [CallArgument] {
    var arguments: [CallArgument] = []
    if isSymbol(")") {
      _ = advance()
      return arguments
    }
    while true {
      var label: String?
      if case .identifier(let word) = current.kind, tokens[position + 1].kind == .symbol("=") {
        label = word
        _ = advance()
        _ = advance()
      }
      arguments.append(CallArgument(label: label, value: try parseExpression()))
      if isSymbol(",") {
        _ = advance()
        continue
      }
      try expect(")", "to close the arguments of \(name)")
      return arguments
    }
  }

  private mutating func parseList() throws(ExpressionError) -> Expression {
    let open = advance()
    var values: [Double] = []
    while !isSymbol("]") {
      let negative = isSymbol("-")
      if negative { _ = advance() }
      guard case .number(let value) = current.kind else {
        throw ExpressionError("a list may hold only numbers, found '\(current.text)'", column: current.column)
      }
      _ = advance()
      values.append(negative ? -value : value)
      if isSymbol(",") { _ = advance() } else { break }
    }
    try expect("]", "to close the list at column \(open.column)")
    return .list(values, column: open.column)
  }

  private mutating func parseIndexItems() throws(ExpressionError) -> [IndexItem] {
    var items: [IndexItem] = []
    while true {
      let start = try parseOptionalInteger()
      if isSymbol(":") {
        _ = advance()
        let end = try parseOptionalInteger()
        var step: Int?
        if isSymbol(":") {
          _ = advance()
          step = try parseOptionalInteger()
        }
        items.append(.slice(start: start, end: end, step: step))
      } else if let start {
        items.append(.at(start))
      } else {
        throw ExpressionError("expected an index or a slice, found '\(current.text)'", column: current.column)
      }
      if isSymbol(",") {
        _ = advance()
        continue
      }
      try expect("]", "to close the index")
      return items
    }
  }

  private mutating func parseOptionalInteger() throws(ExpressionError) -> Int? {
    let negative = isSymbol("-")
    let column = current.column
    if negative { _ = advance() }
    guard case .number(let value) = current.kind else {
      if negative { throw ExpressionError("expected a number after '-'", column: current.column) }
      return nil
    }
    guard value == value.rounded(), Swift.abs(value) < 1e15 else {
      throw ExpressionError("index \(current.text) is not an integer", column: column)
    }
    _ = advance()
    return Int(negative ? -value : value)
  }
}
