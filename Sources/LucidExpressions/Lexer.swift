/// A token of the expression language.
struct Token: Hashable {
  enum Kind: Hashable {
    case number(Double)
    case identifier(String)
    case symbol(String)
    case end
  }

  var kind: Kind
  /// 1-based column of the token's first character.
  var column: Int
  /// The token's text, for messages.
  var text: String
}

/// Splits expression text into tokens.
enum Lexer {
  static let symbols = ["**", "+", "-", "*", "/", "@", "(", ")", "[", "]", ",", ":", "=", "."]

  static func tokenize(_ source: String) throws(ExpressionError) -> [Token] {
    let chars = Array(source.unicodeScalars)
    var tokens: [Token] = []
    var i = 0
    while i < chars.count {
      let c = chars[i]
      let column = i + 1
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        i += 1
        continue
      }
      if c.properties.numericType != nil && ("0"..."9").contains(c)
        || (c == "." && i + 1 < chars.count && ("0"..."9").contains(chars[i + 1]))
      {
        var j = i
        while j < chars.count && (("0"..."9").contains(chars[j]) || chars[j] == ".") { j += 1 }
        if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
          var k = j + 1
          if k < chars.count && (chars[k] == "+" || chars[k] == "-") { k += 1 }
          if k < chars.count && ("0"..."9").contains(chars[k]) {
            while k < chars.count && ("0"..."9").contains(chars[k]) { k += 1 }
            j = k
          }
        }
        let text = String(String.UnicodeScalarView(chars[i..<j]))
        guard let value = Double(text) else {
          throw ExpressionError("malformed number '\(text)'", column: column)
        }
        guard value.isFinite else {
          throw ExpressionError("number \(text) overflows a 64-bit float", column: column)
        }
        tokens.append(Token(kind: .number(value), column: column, text: text))
        i = j
        continue
      }
      if c == "_" || c.properties.isAlphabetic {
        var j = i
        while j < chars.count && (chars[j] == "_" || chars[j].properties.isAlphabetic || ("0"..."9").contains(chars[j]))
        {
          j += 1
        }
        let text = String(String.UnicodeScalarView(chars[i..<j]))
        tokens.append(Token(kind: .identifier(text), column: column, text: text))
        i = j
        continue
      }
      if let symbol = symbols.first(where: { matches($0, chars, at: i) }) {
        tokens.append(Token(kind: .symbol(symbol), column: column, text: symbol))
        i += symbol.unicodeScalars.count
        continue
      }
      throw ExpressionError("unexpected character '\(Character(c))'", column: column)
    }
    tokens.append(Token(kind: .end, column: chars.count + 1, text: "end of input"))
    return tokens
  }

  private static func matches(_ symbol: String, _ chars: [Unicode.Scalar], at i: Int) -> Bool {
    let s = Array(symbol.unicodeScalars)
    guard i + s.count <= chars.count else { return false }
    return Array(chars[i..<(i + s.count)]) == s
  }
}
