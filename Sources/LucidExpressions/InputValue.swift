/// A named input as given on the command line: `NAME=VALUE`, where VALUE is a number or a
/// nested JSON-style array such as `[[1,2],[3,4]]`.
public struct InputValue: Hashable, Sendable {
  /// The name expressions refer to.
  public var name: String
  /// The shape of the value (`[]` for a number).
  public var shape: [Int]
  /// The elements in row-major order.
  public var scalars: [Double]

  /// Parses `NAME=VALUE`.
  public init(parsing text: String, limits: ExpressionLimits = ExpressionLimits()) throws(ExpressionError) {
    guard let equals = text.firstIndex(of: "=") else {
      throw ExpressionError("input '\(text)' must look like NAME=VALUE")
    }
    name = String(text[..<equals]).trimmingCharacters(in: " ")
    guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
      name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    else {
      throw ExpressionError(
        "input name '\(name)' is not a valid name (letters, digits and _, not starting with a digit)")
    }
    var reader = ValueReader(text: String(text[text.index(after: equals)...]), name: name, limits: limits)
    (shape, scalars) = try reader.read()
  }

  /// An input from a name, a shape and row-major scalars.
  public init(name: String, shape: [Int], scalars: [Double]) {
    self.name = name
    self.shape = shape
    self.scalars = scalars
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}

/// Reads a number or a nested array, checking that it is rectangular.
private struct ValueReader {
  let chars: [Character]
  let name: String
  let limits: ExpressionLimits
  var i = 0
  var scalars: [Double] = []

  init(text: String, name: String, limits: ExpressionLimits) {
    chars = Array(text)
    self.name = name
    self.limits = limits
  }

  mutating func read() throws(ExpressionError) -> ([Int], [Double]) {
    skipSpaces()
    guard i < chars.count else { throw error("has no value after '='") }
    let shape = try readValue(depth: 0)
    skipSpaces()
    guard i == chars.count else { throw error("has unexpected '\(chars[i])' at position \(i + 1) of its value") }
    return (shape, scalars)
  }

  private func error(_ message: String) -> ExpressionError {
    ExpressionError("input \(name) \(message)")
  }

  private mutating func skipSpaces() {
    while i < chars.count && chars[i].isWhitespace { i += 1 }
  }

  /// Reads one value and returns its shape.
  private mutating func readValue(depth: Int) throws(ExpressionError) -> [Int] {
    guard depth <= 32 else { throw error("nests arrays deeper than 32 levels") }
    skipSpaces()
    guard i < chars.count else { throw error("ends too early") }
    if chars[i] == "[" {
      i += 1
      var childShape: [Int]?
      var count = 0
      skipSpaces()
      if i < chars.count && chars[i] == "]" {
        i += 1
        return [0]
      }
      while true {
        let shape = try readValue(depth: depth + 1)
        if let expected = childShape, expected != shape {
          throw error(
            "is a ragged array: element \(count) has shape \(format(shape)), expected \(format(expected)) like the first"
          )
        }
        childShape = shape
        count += 1
        skipSpaces()
        guard i < chars.count else { throw error("is missing a closing ']'") }
        if chars[i] == "," {
          i += 1
          continue
        }
        guard chars[i] == "]" else { throw error("has unexpected '\(chars[i])' at position \(i + 1) of its value") }
        i += 1
        return [count] + (childShape ?? [])
      }
    }
    var j = i
    while j < chars.count && (chars[j].isNumber || "+-.eE".contains(chars[j])) { j += 1 }
    let text = String(chars[i..<j])
    guard !text.isEmpty, let value = Double(text) else {
      let found = text.isEmpty ? String(chars[i]) : text
      throw error("has '\(found)' where a number was expected")
    }
    guard value.isFinite else { throw error("has the number \(text), which overflows a 64-bit float") }
    scalars.append(value)
    guard scalars.count <= limits.maxElements else {
      throw error("has more than \(limits.maxElements) elements (raise the limit with --max-elements)")
    }
    i = j
    return []
  }
}

func format(_ shape: [Int]) -> String {
  "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
