/// Escaping of user text (tensor names, captions) for the places it goes.
public enum Escaping {
  /// Text for the inside of a Graphviz HTML-like label: `&`, `<`, `>`, `"`, `'` become
  /// entities, backslashes are doubled (Graphviz expands `\N`, `\G` even in HTML
  /// labels), newlines become `<BR/>`, other control characters a visible `�`.
  /// Anything a user writes comes out as text, never as markup.
  public static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\\": out += "\\\\"
      case "\n": out += "<BR/>"
      case "\r", "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A DOT double-quoted string (quotes included) whose text Graphviz shows verbatim:
  /// backslashes are doubled (so `\N`, `\l` and friends stay literal), quotes escaped,
  /// newlines written as `\n`, other control characters dropped.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default:
        if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }
}
