import GraphRender
import Testing

extension GraphRenderTests {
  @Suite struct DocumentEscapes {
    @Test func htmlEscapesMarkupAndQuotes() {
      #expect(
        DocumentEscaping.html("<script>alert('x')</script> & \"q\"\nnext\u{7}")
          == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; next\u{FFFD}")
      #expect(DocumentEscaping.html("∂L/∂w ⊙ bᵀ") == "∂L/∂w ⊙ bᵀ")
    }

    @Test func markdownEscapesWhatCouldBecomeMarkup() {
      #expect(
        DocumentEscaping.markdown("*a* _b_ `c` [d](e) <f> & #g | $h$ ~i~ {j} \\k\nl")
          == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\& \\#g \\| \\$h\\$ \\~i\\~ \\{j\\} \\\\k l")
      #expect(DocumentEscaping.markdown("tanh(n) = 0.5 - 1 + 2!") == "tanh(n) = 0.5 - 1 + 2!")
    }

    @Test(arguments: [
      ("\\ { } $ & # ^ _ % ~", "\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{}"),
      ("∂L/∂a = ∂L/∂out · bᵀ", "$\\partial$L/$\\partial$a = $\\partial$L/$\\partial$out $\\cdot$ b$^{\\top}$"),
      ("a ⊙ b ⊘ c² − √x", "a $\\odot$ b $\\oslash$ c$^{2}$ $-$ $\\surd$x"),
      ("σ(x) Σ xᵢ ‖g‖ → ∑", "$\\sigma$(x) $\\Sigma$ x$_{i}$ $\\|$g$\\|$ $\\rightarrow$ $\\sum$"),
      ("<b>|\"x\"", "\\textless{}b\\textgreater{}\\textbar{}''x''"),
      ("x--y", "x-{}-{}y"),
      ("café 日本 🙂", "café ?? ?"),
      ("line\nbreak\u{1}", "line break"),
    ])
    func latexEscapesSpecialCharactersAndMathSymbols(_ input: String, _ expected: String) {
      #expect(DocumentEscaping.latex(input) == expected)
    }
  }
}
