import Testing

@testable import LucidExpressions

/// Renders an expression back to fully parenthesised text, to pin precedence.
private func shape(_ e: Expression) -> String {
  switch e {
  case .number(let v, _): return v == v.rounded() ? String(Int(v)) : String(v)
  case .name(let n, _): return n
  case .negate(let x, _): return "(-\(shape(x)))"
  case .binary(let op, let a, let b, _): return "(\(shape(a)) \(op.rawValue) \(shape(b)))"
  case .call(let name, let args, _):
    return name + "(" + args.map { ($0.label.map { "\($0)=" } ?? "") + shape($0.value) }.joined(separator: ", ") + ")"
  case .index(let base, let items, _):
    let parts = items.map { item -> String in
      switch item {
      case .at(let i): return String(i)
      case .slice(let s, let e, let st):
        return (s.map(String.init) ?? "") + ":" + (e.map(String.init) ?? "") + (st.map { ":\($0)" } ?? "")
      }
    }
    return "\(shape(base))[\(parts.joined(separator: ","))]"
  case .transpose(let x, _): return "\(shape(x)).T"
  case .list(let values, _): return "[" + values.map { String(Int($0)) }.joined(separator: ",") + "]"
  }
}

@Suite("Expression parser")
struct ParserTests {
  @Test(
    "Python/NumPy precedence",
    arguments: [
      ("a + b * c", "(a + (b * c))"),
      ("a - b - c", "((a - b) - c)"),
      ("a / b * c", "((a / b) * c)"),
      ("a ** b ** c", "(a ** (b ** c))"),
      ("-a ** 2", "(-(a ** 2))"),
      ("2 ** -1", "(2 ** (-1))"),
      ("a @ b + c", "((a @ b) + c)"),
      ("-a * b", "((-a) * b)"),
      ("(a + b) * c", "((a + b) * c)"),
      ("x[0, 1:3].T", "x[0,1:3].T"),
      ("x[:, -1]", "x[:,-1]"),
      ("x[::2]", "x[::2]"),
      ("sum(x, axis=-1, keepdims=true)", "sum(x, axis=(-1), keepdims=true)"),
      ("reshape(x, [2, -1])", "reshape(x, [2,-1])"),
      ("1e-3 * x", "(0.001 * x)"),
      ("  tanh( w*x+b )", "tanh(((w * x) + b))"),
    ])
  func precedence(source: String, expected: String) throws {
    #expect(shape(try Parser.parse(source)) == expected)
  }

  @Test(
    "parse errors name the problem and the column",
    arguments: [
      ("a +", "expression ends too early", 4),
      ("a @ (b", "expected ')' to close the '(' at column 5", 7),
      ("a $ b", "unexpected character '$'", 3),
      ("a b", "unexpected 'b' after a complete expression", 3),
      ("x[]", "expected an index or a slice", 3),
      ("x.S", "expected 'T' after '.'", 3),
      ("1e999", "overflows", 1),
      ("x[1.5]", "is not an integer", 3),
      ("f(a,", "expression ends too early", 5),
    ])
  func errors(source: String, message: String, column: Int) {
    #expect {
      try Parser.parse(source)
    } throws: { error in
      guard let error = error as? ExpressionError else { return false }
      return error.message.contains(message) && error.column == column
    }
  }

  @Test("deep nesting and long text hit limits instead of the stack")
  func limits() {
    let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
    var limits = ExpressionLimits()
    limits.maxLength = 1_000_000
    #expect(throws: ExpressionError.self) { try Parser.parse(deep, limits: limits) }
    let minus = String(repeating: "-", count: 50_000) + "x"
    #expect(throws: ExpressionError.self) { try Parser.parse(minus, limits: limits) }
    let power = Array(repeating: "x", count: 50_000).joined(separator: "**")
    #expect(throws: ExpressionError.self) { try Parser.parse(power, limits: limits) }
    let long = String(repeating: "x+", count: 6_000) + "x"
    #expect {
      try Parser.parse(long)
    } throws: { ($0 as? ExpressionError)?.message.contains("over the limit of 10000") == true }
  }
}

@Suite("Inputs")
struct InputTests {
  @Test("numbers and nested arrays")
  func values() throws {
    let a = try InputValue(parsing: "a=[[1,2],[3,4]]")
    #expect(a.name == "a" && a.shape == [2, 2] && a.scalars == [1, 2, 3, 4])
    let b = try InputValue(parsing: "b = -2.5e1")
    #expect(b.name == "b" && b.shape == [] && b.scalars == [-25])
    let c = try InputValue(parsing: "c=[ [ [1], [2] ] ]")
    #expect(c.shape == [1, 2, 1])
  }

  @Test(
    "malformed inputs are rejected with a reason",
    arguments: [
      ("a", "must look like NAME=VALUE"), ("1a=2", "not a valid name"), ("a=", "has no value"),
      ("a=[1,2", "missing a closing"), ("a=[[1,2],[3]]", "ragged"), ("a=[1,x]", "where a number was expected"),
      ("a=1e400", "overflows"), ("a=[1,2]]", "unexpected ']'"), ("a=nan", "where a number was expected"),
    ])
  func malformed(text: String, message: String) {
    #expect {
      try InputValue(parsing: text)
    } throws: { ($0 as? ExpressionError)?.message.contains(message) == true }
  }
}

@Suite("Shape checking")
struct ShapeCheckTests {
  private func check(_ source: String, _ inputs: [String]) throws -> [Int] {
    try Program(source, inputs: inputs.map { try InputValue(parsing: $0) }).shape
  }

  @Test("shapes are inferred without running any op")
  func inference() throws {
    #expect(try check("a @ b", ["a=[[1,2],[3,4]]", "b=[1,2]"]) == [2])
    #expect(try check("sum(a, axis=0, keepdims=true)", ["a=[[1,2,3],[4,5,6]]"]) == [1, 3])
    #expect(try check("a[:, 1] + 1", ["a=[[1,2],[3,4]]"]) == [2])
    #expect(try check("reshape(a, [-1])", ["a=[[1,2],[3,4]]"]) == [4])
    #expect(try check("softmax(a)", ["a=[[1,2],[3,4]]"]) == [2, 2])
    #expect(try check("a.T @ a", ["a=[[1,2,3]]"]) == [3, 3])
  }

  @Test(
    "shape problems are errors with a column",
    arguments: [
      ("a @ b", "[matmul] shapes [2, 2] and [3] are not aligned", 3),
      ("a + b", "cannot be broadcast", 3),
      ("sum(a, axis=2)", "axis 2 is out of range", 1),
      ("a[2]", "index 2 is out of range", 2),
      ("reshape(a, [3])", "cannot reshape", 1),
      ("c + 1", "unknown name 'c'", 1),
      ("exp(a, b)", "exp takes 1 argument, got 2", 1),
      ("sum(a, axes=1)", "sum has no argument 'axes'", 13),
      ("sum(a, keepdims=2)", "keepdims must be true or false", 17),
      ("a + [1, 2]", "only allowed as reshape", 5),
    ])
  func errors(source: String, message: String, column: Int) {
    #expect {
      try check(source, ["a=[[1,2],[3,4]]", "b=[1,2,3]"])
    } throws: { error in
      guard let error = error as? ExpressionError else { return false }
      return error.message.contains(message) && error.column == column
    }
  }

  @Test("a broadcast that would be too large is refused before it runs")
  func sizeLimit() throws {
    #expect(try check("a + b", ["a=[[1],[2]]", "b=[[1,2,3]]"]) == [2, 3])
    var limits = ExpressionLimits()
    limits.maxElements = 4
    #expect {
      try Program(
        "a + b", inputs: [try InputValue(parsing: "a=[[1],[2]]"), try InputValue(parsing: "b=[[1,2,3]]")],
        limits: limits)
    } throws: { ($0 as? ExpressionError)?.message.contains("over the limit of 4") == true }
  }

  @Test("an input given twice is refused")
  func duplicates() {
    #expect(throws: ExpressionError.self) {
      try Program("a", inputs: [try InputValue(parsing: "a=1"), try InputValue(parsing: "a=2")])
    }
  }
}
