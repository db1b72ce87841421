/// A token of the DOT language, as a kind and a byte range of the source text.
struct DOTToken: Equatable {
  /// What a token is.
  enum Kind: UInt8, Equatable {
    /// An unquoted identifier: letters, digits, `_` and bytes ≥ 0x80, not starting with a digit.
    case name
    /// A numeral such as `-1.5` or `.25`.
    case numeral
    /// A double-quoted string, quotes included.
    case quoted
    /// An HTML-like string `<…>`, angle brackets included.
    case html
    /// `->` or `--`.
    case edgeOperator
    /// One of `{ } [ ] = ; , : +`.
    case symbol
  }

  /// The token's kind.
  var kind: Kind
  /// The offset of the token's first byte.
  var start: Int
  /// The offset just past the token's last byte.
  var end: Int
}

/// Splits DOT text into tokens, strictly: anything Graphviz's scanner would warn about, treat
/// specially or that this scanner does not know (a badly delimited numeral, an unterminated string
/// or comment, a stray byte) makes it give up, so that its caller can fall back to Graphviz's parser.
///
/// Comments (`//`, `/* */`, and `#` lines, which Graphviz treats as preprocessor output) and
/// whitespace are skipped. Quoted and HTML-like strings are kept whole; their contents are not
/// interpreted here.
enum DOTTokenizer {
  /// The tokens of `text`, or `nil` when the text is not plain, well-formed DOT.
  static func tokens(of text: UnsafeBufferPointer<UInt8>) -> [DOTToken]? {
    // NUL never belongs in DOT text (and callers use it as a separator).
    guard !text.contains(0) else { return nil }
    var tokens: [DOTToken] = []
    tokens.reserveCapacity(text.count / 6)
    var index = 0
    var atLineStart = true
    let count = text.count
    while index < count {
      let byte = text[index]
      switch byte {
      case 0x20, 0x09, 0x0D:
        index += 1
        continue
      case 0x0A:
        index += 1
        atLineStart = true
        continue
      case UInt8(ascii: "#"):
        guard atLineStart else { return nil }
        while index < count, text[index] != 0x0A { index += 1 }
        continue
      case UInt8(ascii: "/"):
        guard index + 1 < count else { return nil }
        if text[index + 1] == UInt8(ascii: "/") {
          while index < count, text[index] != 0x0A { index += 1 }
          continue
        }
        guard text[index + 1] == UInt8(ascii: "*") else { return nil }
        guard let close = endOfBlockComment(in: text, from: index + 2) else { return nil }
        index = close
        atLineStart = false
        continue
      case UInt8(ascii: "\""):
        guard let close = endOfQuoted(in: text, from: index + 1) else { return nil }
        tokens.append(DOTToken(kind: .quoted, start: index, end: close))
        index = close
      case UInt8(ascii: "<"):
        guard let close = endOfHTML(in: text, from: index + 1) else { return nil }
        tokens.append(DOTToken(kind: .html, start: index, end: close))
        index = close
      case UInt8(ascii: "-"):
        guard index + 1 < count else { return nil }
        let next = text[index + 1]
        if next == UInt8(ascii: ">") || next == UInt8(ascii: "-") {
          tokens.append(DOTToken(kind: .edgeOperator, start: index, end: index + 2))
          index += 2
        } else {
          guard let close = endOfNumeral(in: text, from: index + 1) else { return nil }
          tokens.append(DOTToken(kind: .numeral, start: index, end: close))
          index = close
        }
      case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "="),
        UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "+"):
        tokens.append(DOTToken(kind: .symbol, start: index, end: index + 1))
        index += 1
      default:
        if isDigit(byte) || byte == UInt8(ascii: ".") {
          guard let close = endOfNumeral(in: text, from: index) else { return nil }
          tokens.append(DOTToken(kind: .numeral, start: index, end: close))
          index = close
        } else if isLetter(byte) {
          var close = index + 1
          while close < count, isLetter(text[close]) || isDigit(text[close]) { close += 1 }
          tokens.append(DOTToken(kind: .name, start: index, end: close))
          index = close
        } else {
          return nil
        }
      }
      atLineStart = false
    }
    return tokens
  }

  /// Letters of a DOT identifier: ASCII letters, `_` and every byte of a multi-byte UTF-8 sequence.
  static func isLetter(_ byte: UInt8) -> Bool {
    ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
      || byte >= 0x80
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// The end of a numeral whose digits start at `start` (after any minus sign): `[0-9]+(.[0-9]*)?`
  /// or `.[0-9]+`. A numeral run into a letter, digit or dot (`1a`, `1.2.3`) is refused.
  private static func endOfNumeral(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    var digits = 0
    while index < text.count, isDigit(text[index]) {
      index += 1
      digits += 1
    }
    if index < text.count, text[index] == UInt8(ascii: ".") {
      index += 1
      while index < text.count, isDigit(text[index]) {
        index += 1
        digits += 1
      }
    }
    guard digits > 0 else { return nil }
    if index < text.count, isLetter(text[index]) || text[index] == UInt8(ascii: ".") { return nil }
    return index
  }

  /// The offset past the closing quote of a string whose contents start at `start`.
  private static func endOfQuoted(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < text.count {
      switch text[index] {
      case UInt8(ascii: "\\"): index += 2
      case UInt8(ascii: "\""): return index + 1
      default: index += 1
      }
    }
    return nil
  }

  /// The offset past the `>` that balances the `<` just before `start`.
  private static func endOfHTML(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var depth = 1
    var index = start
    while index < text.count {
      switch text[index] {
      case UInt8(ascii: "<"): depth += 1
      case UInt8(ascii: ">"):
        depth -= 1
        if depth == 0 { return index + 1 }
      default: break
      }
      index += 1
    }
    return nil
  }

  private static func endOfBlockComment(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 1 < text.count {
      if text[index] == UInt8(ascii: "*"), text[index + 1] == UInt8(ascii: "/") { return index + 2 }
      index += 1
    }
    return nil
  }
}
