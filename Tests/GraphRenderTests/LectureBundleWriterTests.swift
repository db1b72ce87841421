import Foundation
import GraphExport
import GraphRender
import Lucid
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension GraphRenderTests {
  @Suite struct LectureBundles {
    let writer = LectureBundleWriter()

    private func text(_ url: URL) throws -> String {
      try String(contentsOf: url, encoding: .utf8)
    }

    private func occurrences(of needle: String, in text: String) -> Int {
      text.components(separatedBy: needle).count - 1
    }

    @Test func writesEveryFileAndKeepsOthers() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let notes = folder.appendingPathComponent("notes.md")
      try Data("my notes".utf8).write(to: notes)
      let trace = LectureFixtures.neuron()
      let frames = GraphExporter().frames(for: trace)

      let bundle = try writer.write(trace, title: "One neuron", to: folder)

      let frameNames = frames.indices.map { FrameBundleWriter.frameFileName($0, fileExtension: "svg") }
      let pdfNames = frames.indices.map { FrameBundleWriter.frameFileName($0, fileExtension: "pdf") }
      let expected =
        ["frames"] + (frameNames + pdfNames).map { "frames/" + $0 } + [
          ".lucid-bundle", "README.md", "filmstrip.png", "filmstrip.svg", "graph.dot", "graph.svg", "index.html",
          "notes.md",
          "slides.tex", "trace.json",
        ]
      #expect(LectureFixtures.contents(of: folder) == expected.sorted())
      #expect(try text(notes) == "my notes")
      #expect(bundle.files.count == expected.count - 3)  // minus frames/, notes.md and the manifest
      #expect(bundle.files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
      #expect(bundle.frames.map(\.lastPathComponent) == frameNames)
      #expect(bundle.pdfFrames.map(\.lastPathComponent) == pdfNames)

      #expect(try Trace(jsonData: Data(contentsOf: bundle.trace)) == trace)
      #expect(try text(bundle.graphSource) == frames[frames.count - 1].dot)
      #expect(try SVGDocument(Data(contentsOf: bundle.graphImage)).nodes.count > 0)
      let first = try SVGDocument(Data(contentsOf: bundle.frames[0]))
      let last = try SVGDocument(Data(contentsOf: bundle.frames[frames.count - 1]))
      #expect(first.rootAttributes["viewBox"] == last.rootAttributes["viewBox"])
      for url in bundle.pdfFrames { #expect(try Data(contentsOf: url).prefix(5) == Data("%PDF-".utf8)) }
      #expect(
        try Data(contentsOf: bundle.filmstripBitmap).prefix(8)
          == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func writingAgainReplacesOnlyItsOwnFilesAndLeavesNoTemporaries() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      try writer.write(LectureFixtures.neuron(), title: "first", to: folder)
      let extraFrame = folder.appendingPathComponent("frames/frame-999.svg")
      try Data("older run".utf8).write(to: extraFrame)
      let before = LectureFixtures.contents(of: folder)
      let bundle = try writer.write(LectureFixtures.neuron(), title: "second", to: folder)
      #expect(LectureFixtures.contents(of: folder) == before)
      #expect(try text(extraFrame) == "older run")
      #expect(try text(bundle.webPage).contains("<title>second</title>"))
      // No temporaries: the only hidden file is the writer's manifest.
      #expect(
        LectureFixtures.contents(of: folder).filter { $0.split(separator: "/").last!.hasPrefix(".") } == [
          ".lucid-bundle"
        ])
      let temporaries = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
      #expect(!temporaries.contains { $0.hasPrefix("lucid-filmstrip-") })
    }

    @Test func refusesAFileInPlaceOfTheFolder() throws {
      let file = try LectureFixtures.scratchFolder("bundle")
      defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
      try Data("x".utf8).write(to: file)
      #expect {
        try writer.write(LectureFixtures.neuron(), title: "t", to: file)
      } throws: { error in
        guard case .fileSystem(let path, let reason)? = error as? RenderError else { return false }
        return path == file.path && reason.contains("file")
      }
      #expect(try Data(contentsOf: file) == Data("x".utf8))
      #expect(LectureFixtures.contents(of: file.deletingLastPathComponent()) == ["bundle"])
    }

    @Test func refusesAnUnwritableLocation() {
      let target = URL(fileURLWithPath: "/proc/lucid-lecture-test-\(UUID().uuidString)")
      #expect(throws: RenderError.self) {
        try writer.write(LectureFixtures.neuron(), title: "t", to: target)
      }
      #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func invalidFilmstripChoiceLeavesNothingBehind() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let writer = LectureBundleWriter(filmstrip: .frames([0, 99]))
      #expect {
        try writer.write(LectureFixtures.neuron(), title: "t", to: folder)
      } throws: { error in
        guard case .invalidArgument(let message)? = error as? RenderError else { return false }
        return message.contains("99")
      }
      #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func pageIsSelfContainedWithOneTemplatePerFrame() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let trace = LectureFixtures.neuron()
      let frames = GraphExporter().frames(for: trace)
      let page = try text(try writer.write(trace, title: "One neuron", to: folder).webPage)

      #expect(page.hasPrefix("<!DOCTYPE html>"))
      #expect(occurrences(of: "<template class=\"frame\"", in: page) == frames.count)
      #expect(occurrences(of: "</template>", in: page) == frames.count)
      // One SVG per template, plus the first frame drawn directly for readers without JavaScript.
      #expect(occurrences(of: "<svg", in: page) == frames.count + 1)
      for (index, frame) in frames.enumerated() {
        #expect(page.contains("id=\"frame-\(index + 1)\" data-kind=\"\(frame.kind.rawValue)\""))
      }
      var external = page
      for namespace in ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"] {
        external = external.replacingOccurrences(of: namespace, with: "")
      }
      #expect(!external.contains("http://") && !external.contains("https://"))
      #expect(!page.contains("<script src") && !page.contains("<link") && !page.contains("@import"))
      #expect(occurrences(of: "<script", in: page) == 1)
      #expect(!page.contains("<?xml") && !page.contains("<!DOCTYPE svg"))
      #expect(page.contains("background: white") && page.contains("color-scheme: light"))
    }

    @Test func pageTakesTheDarkThemeBackground() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      var options = DOTOptions()
      options.theme = .dark
      let writer = LectureBundleWriter(exporter: GraphExporter(options: options))
      let page = try text(try writer.write(LectureFixtures.neuron(), title: "dark", to: folder).webPage)
      #expect(page.contains("--background: \(Theme.dark.background);"))
      #expect(page.contains("color-scheme: dark"))
    }

    @Test func hostileTitleAndNamesComeOutAsText() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let trace = LectureFixtures.neuron(names: LectureFixtures.hostileNames)
      let frames = GraphExporter().frames(for: trace)
      let bundle = try writer.write(trace, title: LectureFixtures.hostileTitle, to: folder)

      let page = try text(bundle.webPage)
      #expect(occurrences(of: "<script", in: page) == 1)
      #expect(occurrences(of: "</template>", in: page) == frames.count)
      #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; {braces}"))
      #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
      #expect(!page.contains("alert('x')") && !page.contains("alert(1)</"))

      let markdown = try text(bundle.markdownPage)
      let firstLine = markdown.split(separator: "\n", omittingEmptySubsequences: false)[0]
      #expect(firstLine.hasPrefix("# \\<script\\>alert(1)\\</script\\> \\& \"quotes\" \\{braces\\} \\$x\\^2\\$"))
      #expect(firstLine.hasSuffix("\\*\\*bold\\*\\*"))
      // Every `<` is escaped, so no HTML reaches the Markdown renderer, and no link forms.
      #expect(markdown.firstRange(of: /(^|[^\\])</.anchorsMatchLineEndings()) == nil)
      #expect(markdown.firstRange(of: /(^|[^\\])\]\(http/) == nil)
      #expect(markdown.contains("\\[link\\](http://e.x)"))

      let slides = try text(try #require(bundle.slides))
      #expect(!slides.contains("\\end{document}"))
      #expect(slides.contains("\\textbackslash{}end\\{document\\}"))
      #expect(slides.contains("\\$\\textbackslash{}frac\\{1\\}\\{0\\}\\$ \\#1 \\%c"))
      // Every line that is not a comment is the fragment's own markup.
      for line in slides.split(separator: "\n") where !line.hasPrefix("%") {
        #expect(!line.contains("<script>") && !line.contains("\n"))
      }

      let strip = try text(bundle.filmstripImage)
      #expect(strip.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func pngFramesAndNoPDFs() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let writer = LectureBundleWriter(frameFormat: .png, includesPDFFrames: false)
      let bundle = try writer.write(LectureFixtures.neuron(), title: "png", to: folder)
      #expect(bundle.slides == nil && bundle.pdfFrames.isEmpty)
      #expect(bundle.frames.allSatisfy { $0.pathExtension == "png" })
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("slides.tex").path))
      #expect(try text(bundle.markdownPage).contains("(frames/frame-000.png)"))
      #expect(
        !LectureFixtures.contents(of: folder).contains {
          $0.hasSuffix(".pdf") || ($0.hasPrefix("frames/") && $0.hasSuffix(".svg"))
        })
    }

    @Test func pdfFrameFormatWritesEachPDFOnce() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let bundle = try LectureBundleWriter(frameFormat: .pdf).write(LectureFixtures.neuron(), title: "pdf", to: folder)
      #expect(bundle.pdfFrames == bundle.frames && bundle.frames.allSatisfy { $0.pathExtension == "pdf" })
      #expect(Set(bundle.files).count == bundle.files.count)
      #expect(bundle.files.count == LectureFixtures.contents(of: folder).count - 2)  // minus frames/ and the manifest
      #expect(bundle.slides != nil)
    }

    @Test func slidesFallBackToTheDocumentFolderForAnUnusableFolderName() throws {
      let folder = try LectureFixtures.scratchFolder("my bundle #1")
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let bundle = try writer.write(LectureFixtures.neuron(), title: "t", to: folder)
      let slides = try text(try #require(bundle.slides))
      #expect(slides.contains("\\providecommand{\\lucidbundlepath}{.}%"))
      #expect(occurrences(of: "{\\lucidbundlepath/frames/frame-", in: slides) == bundle.frames.count)
    }
  }
}
