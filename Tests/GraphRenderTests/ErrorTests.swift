import Foundation
import GraphRender
import Testing

extension GraphRenderTests {
  @Suite struct Errors {
    let renderer = GraphRenderer()

    @Test func badDOTCarriesGraphvizsMessage() {
      #expect {
        try renderer.render("digraph { a -> ; }", as: .svg)
      } throws: { error in
        guard case .invalidDOT(let message)? = error as? RenderError else { return false }
        return message.contains("syntax error in line 1")
      }
      // The parser recovers: the next graph renders.
      #expect(throws: Never.self) { try renderer.render("digraph { a -> b }", as: .svg) }
    }

    /// cgraph's `agmemread` left what its scanner read past a graph for the next parse in the
    /// process: a second graph on the same line came back from the *next* call, and trailing
    /// newlines shifted later error line numbers. Every text is now read to its end.
    @Test func nothingOfOneTextLeaksIntoTheNext() {
      #expect {
        try renderer.render("digraph { a } digraph { zzz }", as: .svg)
      } throws: { error in
        guard case .invalidDOT(let message)? = error as? RenderError else { return false }
        return message.contains("2 graphs")
      }
      let next = String(decoding: (try? renderer.render("digraph { b }", as: .svg)) ?? Data(), as: UTF8.self)
      #expect(next.contains("<title>b</title>") && !next.contains("zzz"))
      #expect(throws: RenderError.self) { try renderer.render("digraph { a }\ngraph {\n b }", as: .svg) }
      #expect(throws: RenderError.self) { try renderer.render("digraph { a }\n}", as: .svg) }
      _ = try? renderer.render("digraph { a }\n\n\n", as: .svg)
      #expect {
        try renderer.render("digraph {\n a -> ; }", as: .svg)
      } throws: { error in
        guard case .invalidDOT(let message)? = error as? RenderError else { return false }
        return message.contains("syntax error in line 2")
      }
    }

    @Test func malformedHTMLLabelIsAnError() {
      #expect(throws: RenderError.self) {
        try renderer.render("digraph { a [label=<<b>x</i>>] }", as: .svg)
      }
    }

    @Test func emptyTextIsAnError() {
      #expect(throws: RenderError.invalidDOT(message: "the text contains no graph")) {
        try renderer.render("", as: .svg)
      }
    }

    @Test func unknownEngine() {
      let renderer = GraphRenderer(options: RenderOptions(engine: "nosuchengine"))
      #expect {
        try renderer.render("digraph { a -> b }", as: .svg)
      } throws: { error in
        guard case .unknownEngine("nosuchengine", let available)? = error as? RenderError else { return false }
        return available.contains("dot")
      }
    }

    @Test func unknownFormat() {
      #expect {
        try renderer.render("digraph { a -> b }", as: ImageFormat(rawValue: "nosuchformat"))
      } throws: { error in
        guard case .unsupportedFormat("nosuchformat", let available)? = error as? RenderError else { return false }
        return available.contains("svg")
      }
    }

    @Test func graphOverTheNodeLimit() {
      let renderer = GraphRenderer(options: RenderOptions(limits: LayoutLimits(maxNodes: 50)))
      #expect(throws: RenderError.graphTooLarge(nodes: 61, edges: 60, limits: LayoutLimits(maxNodes: 50))) {
        try renderer.render(Fixtures.chain(60), as: .svg)
      }
      #expect(throws: Never.self) { try renderer.render(Fixtures.chain(40), as: .svg) }
    }

    @Test func badFrameNamesTheFrame() {
      var frames = Fixtures.frames()
      frames[4] = "digraph { a -> }"
      #expect {
        try renderer.renderFrames(frames, as: .svg)
      } throws: { error in
        guard case .invalidDOT(let message)? = error as? RenderError else { return false }
        return message.hasPrefix("frame 4:") && message.contains("syntax error")
      }
    }

    @Test func emptySequenceAndBadLayoutFrame() {
      #expect(throws: RenderError.self) { try renderer.renderFrames([], as: .svg) }
      #expect(throws: RenderError.self) { try renderer.renderFrames(Fixtures.frames(), as: .svg, layoutFrame: 99) }
    }

    @Test(arguments: [
      RenderError.invalidDOT(message: "syntax error in line 1 near ';'"),
      .unknownEngine(name: "x", available: ["dot"]), .unsupportedFormat(name: "x", available: ["svg"]),
      .graphTooLarge(nodes: 5, edges: 4, limits: LayoutLimits()), .frameMismatch(frame: 2, reason: "r"),
      .fileSystem(path: "/p", reason: "Not a directory"),
    ])
    func descriptionsAreOneLine(error: RenderError) {
      #expect(!error.description.isEmpty)
      #expect(!error.description.contains("\n"))
      #expect(error.localizedDescription == error.description)
    }
  }
}
