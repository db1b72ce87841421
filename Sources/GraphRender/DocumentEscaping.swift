import GraphExport

/// Escaping of user text (titles, captions, tensor names) for the documents of a lecture bundle.
///
/// Everything a user wrote comes out as text, never as markup: a title like
/// `<script>alert(1)</script>` is shown, not run, in HTML, Markdown and LaTeX alike.
public enum DocumentEscaping {
  /// Text for HTML element content or a double- or single-quoted attribute value.
  ///
  /// `&`, `<`, `>`, `"` and `'` become entities; tabs and newlines become spaces; other control
  /// characters (which HTML forbids) become `�`.
  public static func html(_ text: String) -> String {
    Escaping.rewrite(text) { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      case "\n", "\r", "\t": " "
      default: Escaping.isControl(scalar) ? "\u{FFFD}" : nil
      }
    }
  }

  /// Text for one line of CommonMark / GitHub Markdown, shown literally inside a paragraph, a
  /// heading or an image's alt text.
  ///
  /// Every ASCII punctuation character that can start or end markup inside a line (emphasis, link
  /// and image brackets, code, HTML, entities, a heading's closing `#`, table cells' `|`, GitHub's
  /// `$` math and `~` strikethrough, kramdown's `{:…}` attributes) gets a backslash; with `[` and `]`
  /// escaped, `(`, `)` and `!` cannot form a link and stay as they are; newlines become spaces, control characters `�`. The text must not start a line:
  /// callers put a fixed prefix before it, so `1.`, `-` and `+` cannot begin a list.
  public static func markdown(_ text: String) -> String {
    Escaping.rewrite(text) { scalar in
      switch scalar {
      case "\\", "`", "*", "_", "{", "}", "[", "]", "#", "|", "<", ">", "&", "~", "^", "$": "\\" + String(scalar)
      case "\n", "\r", "\t": " "
      default: Escaping.isControl(scalar) ? "\u{FFFD}" : nil
      }
    }
  }

  /// Text for a LaTeX document compiled with pdflatex, in text mode.
  ///
  /// The ten special characters are escaped (`\{`, `\textbackslash{}`, …); `<`, `>`, `|`, `"` get
  /// their text-mode commands. The mathematical symbols of backward rules (`∂ ⊙ ⊘ ᵀ · − √ σ Σ ² ‖ →`,
  /// Greek letters, super- and subscript digits) become inline math such as `$\partial$`; accented
  /// Latin letters are left to pdflatex's UTF-8 input; any other character, which the default
  /// fonts cannot show, becomes `?`. Newlines become spaces.
  public static func latex(_ text: String) -> String {
    Escaping.rewrite(text) { scalar in
      switch scalar {
      case "\\": return "\\textbackslash{}"
      case "{", "}", "$", "&", "#", "_", "%": return "\\" + String(scalar)
      case "^": return "\\textasciicircum{}"
      case "~": return "\\textasciitilde{}"
      case "<": return "\\textless{}"
      case ">": return "\\textgreater{}"
      case "|": return "\\textbar{}"
      case "\"": return "''"
      // `--`, `<<`, `!`` and friends are ligatures in LaTeX's fonts; keep them as typed.
      case "-": return "-{}"
      case "`": return "\\textasciigrave{}"
      case "\n", "\r", "\t": return " "
      default:
        if let replacement = latexSymbols[scalar] { return replacement }
        if scalar.isASCII { return Escaping.isControl(scalar) ? "" : nil }
        // Accented Latin letters, which pdflatex's UTF-8 input maps to accent commands.
        if (0xC0...0xFF).contains(scalar.value), ![0xD0, 0xDE, 0xF0, 0xFE].contains(scalar.value) { return nil }
        return "?"
      }
    }
  }

  /// Non-ASCII characters of captions and rules, as pdflatex-safe LaTeX.
  static let latexSymbols: [Unicode.Scalar: String] = {
    var table: [Unicode.Scalar: String] = [
      "∂": "$\\partial$", "⊙": "$\\odot$", "⊘": "$\\oslash$", "⊗": "$\\otimes$", "⊕": "$\\oplus$",
      "ᵀ": "$^{\\top}$", "·": "$\\cdot$", "⋅": "$\\cdot$", "−": "$-$", "√": "$\\surd$", "×": "$\\times$",
      "÷": "$\\div$", "±": "$\\pm$", "‖": "$\\|$", "→": "$\\rightarrow$", "←": "$\\leftarrow$",
      "↦": "$\\mapsto$", "⇒": "$\\Rightarrow$", "∑": "$\\sum$", "∏": "$\\prod$", "∇": "$\\nabla$",
      "∞": "$\\infty$", "≤": "$\\leq$", "≥": "$\\geq$", "≠": "$\\neq$", "≈": "$\\approx$", "∈": "$\\in$",
      "∘": "$\\circ$", "′": "$'$", "…": "\\ldots{}", "–": "--", "—": "---", "‘": "`", "’": "'",
      "“": "``", "”": "''", "\u{00A0}": "~", "\u{00AD}": "", "\u{FFFD}": "?",
      "ᵢ": "$_{i}$", "ⱼ": "$_{j}$", "ₖ": "$_{k}$", "ₙ": "$_{n}$", "ⁿ": "$^{n}$", "ⁱ": "$^{i}$",
      "⁺": "$^{+}$", "⁻": "$^{-}$", "₊": "$_{+}$", "₋": "$_{-}$",
    ]
    let superscripts: [Unicode.Scalar] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let subscripts: [Unicode.Scalar] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    for digit in 0..<10 {
      table[superscripts[digit]] = "$^{\(digit)}$"
      table[subscripts[digit]] = "$_{\(digit)}$"
    }
    let greek: [(Unicode.Scalar, String)] = [
      ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("ζ", "zeta"),
      ("η", "eta"), ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"),
      ("ν", "nu"), ("ξ", "xi"), ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"), ("τ", "tau"),
      ("υ", "upsilon"), ("φ", "phi"), ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"), ("Γ", "Gamma"),
      ("Δ", "Delta"), ("Θ", "Theta"), ("Λ", "Lambda"), ("Ξ", "Xi"), ("Π", "Pi"), ("Σ", "Sigma"),
      ("Υ", "Upsilon"), ("Φ", "Phi"), ("Ψ", "Psi"), ("Ω", "Omega"),
    ]
    for (letter, name) in greek { table[letter] = "$\\\(name)$" }
    // Latin-1 symbols that pdflatex's default OT1 fonts cannot show in text mode.
    table["°"] = "$^{\\circ}$"
    table["µ"] = "$\\mu$"
    table["¬"] = "$\\neg$"
    table["¦"] = "\\textbar{}"
    return table
  }()
}
