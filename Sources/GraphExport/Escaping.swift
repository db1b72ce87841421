/// Escaping of user text (tensor names, captions) for the places it goes.
public enum Escaping {
  /// Rewrites `text` one Unicode scalar at a time: `replacement` returns what a scalar
  /// becomes, or `nil` to keep it. Every escaper of the project (here and in
  /// GraphRender's documents) is one such table.
  public static func rewrite(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        out += replaced
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether `scalar` is a control character (C0, DEL, C1) or a noncharacter: what
  /// HTML, XML and the DOT language forbid or misread in text.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0xFFFE...0xFFFF).contains(scalar.value)
  }

  /// Text for the inside of a Graphviz HTML-like label: `&`, `<`, `>`, `"`, `'` become
  /// entities, backslashes are doubled (Graphviz expands `\N`, `\G` even in HTML
  /// labels), newlines become `<BR/>`, other control characters a visible `�`.
  /// Anything a user writes comes out as text, never as markup.
  public static func html(_ text: String) -> String {
    rewrite(text) { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      case "\\": "\\\\"
      case "\n": "<BR/>"
      case "\r", "\t": " "
      default: isControl(scalar) ? "\u{FFFD}" : nil
      }
    }
  }

  /// A DOT double-quoted string (quotes included) whose text Graphviz shows verbatim:
  /// backslashes are doubled (so `\N`, `\l` and friends stay literal), quotes escaped,
  /// newlines written as `\n`, other control characters dropped.
  public static func quoted(_ text: String) -> String {
    let body = rewrite(text) { scalar in
      switch scalar {
      case "\\": "\\\\"
      case "\"": "\\\""
      case "\n": "\\n"
      default: isControl(scalar) ? "" : nil
      }
    }
    return "\"" + body + "\""
  }
}
