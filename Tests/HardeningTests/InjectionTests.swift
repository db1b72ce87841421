import Foundation
import FuzzSupport
import GraphExport
import GraphRender
import Lucid
import Testing

/// Hostile titles, captions and tensor names come out as text in every format: DOT, SVG, the
/// stepper page (HTML) and the Beamer fragment (LaTeX).
@Suite struct InjectionTests {
  static let title = "</h1><script>alert(\"t\")</script> & 'q' {braces} \\end{document} $x$ 50% #1\n# heading ]]> -->"
  static let names = [
    "<script>alert('x')</script>", "w\"&amp;{}", "b\nnew line", "$\\frac{1}{0}$ #1 %c", "</template>\\N",
  ]

  /// Checks one bundle folder: every SVG parses as XML, the DOT is lexically sound, the page has only
  /// its own script and shows the title escaped, the slides keep their braces balanced.
  static func checkBundle(_ folder: URL, title: String) throws {
    let files = Hardening.contents(of: folder)
    for path in files where path.hasSuffix(".svg") {
      let data = try Data(contentsOf: folder.appendingPathComponent(path))
      #expect(Hardening.xmlError(data) == nil, "\(path): \(Hardening.xmlError(data) ?? "")")
      #expect(!String(decoding: data, as: UTF8.self).contains("<script"), "\(path)")
    }
    let dot = try String(contentsOf: folder.appendingPathComponent("graph.dot"), encoding: .utf8)
    #expect(DOTScanner.lexicalProblems(in: dot) == [])

    let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(page.components(separatedBy: "<script").count - 1 == 1)
    #expect(!page.contains("alert(\"t\")") && !page.contains("alert('x')"))
    #expect(page.contains("&lt;/h1&gt;&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
    #expect(page.components(separatedBy: "</h1>").count - 1 == 1)

    let slides = try String(contentsOf: folder.appendingPathComponent("slides.tex"), encoding: .utf8)
    #expect(!slides.contains("\\end{document}"))
    #expect(Self.unbalancedBraces(slides) == 0)
    // `%` would comment out the rest of a line, `#` and `$` are TeX syntax.
    #expect(slides.contains("50\\%") && slides.contains("\\#1") && slides.contains("\\$x\\$"))
  }

  /// Unescaped `{` minus unescaped `}` outside comments.
  static func unbalancedBraces(_ tex: String) -> Int {
    var balance = 0
    for line in tex.split(separator: "\n") {
      var escaped = false
      for character in line {
        if escaped {
          escaped = false
          continue
        }
        switch character {
        case "\\": escaped = true
        case "%": break
        case "{": balance += 1
        case "}": balance -= 1
        default: continue
        }
        if character == "%" { break }
      }
    }
    return balance
  }

  @Test(.enabled(if: Hardening.hasLucid, "lucid binary not built"))
  func hostileTitleThroughTheCommand() throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try Hardening.run([
      "render", "tanh(w * x) + x", "-i", "x=2", "-i", "w=-0.5", "--title", Self.title, "-o", folder.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    try Self.checkBundle(folder, title: Self.title)
    let strip = try String(contentsOf: folder.appendingPathComponent("filmstrip.svg"), encoding: .utf8)
    #expect(strip.contains("&lt;/h1&gt;&lt;script&gt;"))
  }

  @Test(.enabled(if: Hardening.hasLucid, "lucid binary not built"))
  func expressionTextIsTheDefaultTitle() throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    // `&`, `<` and quotes cannot be part of an expression, but `*`, `**`, `[`, `_` and `@` are
    // Markdown and TeX syntax.
    let expression = "sum(a @ b) * 2 ** x_1 - a[0, ::-1][0]"
    let run = try Hardening.run([
      "render", expression, "-i", "a=[[1,2],[3,4]]", "-i", "b=[[5,6],[7,8]]", "-i", "x_1=0.5", "-o", folder.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(page.contains("<title>\(expression)</title>"))
    let slides = try String(contentsOf: folder.appendingPathComponent("slides.tex"), encoding: .utf8)
    #expect(slides.contains("x\\_1") && Self.unbalancedBraces(slides) == 0)
    let markdown = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(markdown.hasPrefix("# sum(a @ b) \\* 2 \\*\\* x\\_1"), "\(markdown.prefix(80))")
  }

  @Test func hostileNamesThroughTheLibrary() throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let trace = DOTFuzzing.record(names: Self.names)
    try LectureBundleWriter().write(trace, title: Self.title, to: folder)
    try Self.checkBundle(folder, title: Self.title)
    for frame in GraphExporter().frames(for: trace) {
      #expect(DOTScanner.lexicalProblems(in: frame.dot) == [])
    }
    let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(!page.contains("</template>\\N"))
  }

  @Test func theBraceCounterCanFail() {
    #expect(Self.unbalancedBraces("\\title{a{b}") == 1)
    #expect(Self.unbalancedBraces("\\title{a\\{b} % {") == 0)
  }
}
