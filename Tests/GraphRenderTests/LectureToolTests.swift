import Foundation
import GraphExport
import GraphRender
import Testing

/// Headless Chromium, if installed (Debian: `apt-get install chromium`).
let chromiumPath = LectureFixtures.executable(
  "chromium", candidates: ["/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"])

/// pdflatex with Beamer and PGF, if installed (Debian: texlive-latex-base, texlive-latex-recommended,
/// texlive-pictures).
let pdflatexPath: String? = {
  guard let pdflatex = LectureFixtures.executable("pdflatex"),
    let kpsewhich = LectureFixtures.executable("kpsewhich"),
    let found = try? LectureFixtures.run(kpsewhich, ["beamer.cls", "pgfcore.sty"], timeout: 10),
    found.output.split(separator: "\n").count == 2
  else { return nil }
  return pdflatex
}()

extension GraphRenderTests {
  /// The bundle's page in a real browser and its slides in a real TeX; each skips when the tool is
  /// not installed.
  @Suite struct LectureTools {
    /// Loads `page` (with `query` and `fragment`) in headless Chromium and returns the DOM after the
    /// script ran (and `milliseconds` of virtual time passed); with `screenshot`, saves a 1280×900
    /// picture of the page there instead.
    private func dump(
      _ page: URL, query: String = "", fragment: String = "", screenshot: URL? = nil, milliseconds: Int = 1000
    ) throws -> String {
      let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-chromium-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: profile) }
      var arguments = [
        "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
        "--hide-scrollbars", "--user-data-dir=\(profile.path)", "--virtual-time-budget=\(milliseconds)",
        "--window-size=1280,900",
      ]
      if let screenshot { arguments.append("--screenshot=\(screenshot.path)") } else { arguments.append("--dump-dom") }
      arguments.append(page.absoluteString + query + fragment)
      let result = try LectureFixtures.run(try #require(chromiumPath), arguments, timeout: 20)
      #expect(result.status == 0, "chromium exited with status \(result.status)")
      return result.output
    }

    /// The value of attribute `name` on the page's `<main id="stepper">`.
    private func stepper(_ dom: String, _ name: String) -> String? {
      guard let start = dom.range(of: "<main id=\"stepper\""),
        let end = dom.range(of: ">", range: start.upperBound..<dom.endIndex)
      else { return nil }
      let tag = dom[start.upperBound..<end.lowerBound]
      guard let value = tag.range(of: " \(name)=\"") else { return nil }
      return String(tag[value.upperBound...].prefix { $0 != "\"" })
    }

    private func element(_ dom: String, id: String) -> String? {
      guard let start = dom.range(of: "id=\"\(id)\""),
        let open = dom.range(of: ">", range: start.upperBound..<dom.endIndex),
        let close = dom.range(of: "</", range: open.upperBound..<dom.endIndex)
      else { return nil }
      return String(dom[open.upperBound..<close.lowerBound])
    }

    /// `text` as the page shows it (newlines as spaces), serialised as a browser serialises a text
    /// node: only `&`, `<` and `>` are escaped.
    private func serialized(_ text: String) -> String {
      DocumentEscaping.html(text).replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&#39;", with: "'")
    }

    @Test(
      .enabled(
        if: chromiumPath != nil, "chromium is not installed (apt-get install chromium); skipping the browser test"))
    func pageStepsWithFragmentKeysAndButtons() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let trace = LectureFixtures.neuron(names: LectureFixtures.hostileNames)
      let frames = GraphExporter().frames(for: trace)
      let page = try LectureBundleWriter().write(trace, title: LectureFixtures.hostileTitle, to: folder).webPage
      let count = frames.count

      // A link opens at its step, keys go through the page's handler, the fragment follows.
      let keyed = try dump(page, query: "?keys=Right,Right,Left", fragment: "#step-3")
      #expect(stepper(keyed, "data-step") == "4")
      #expect(stepper(keyed, "data-fragment") == "#step-4")
      #expect(element(keyed, id: "position") == "step 4 of \(count)")
      #expect(element(keyed, id: "caption-title") == serialized(frames[3].caption.title))
      #expect(element(keyed, id: "caption-detail") == serialized(frames[3].caption.detail ?? ""))
      #expect(keyed.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;"))
      // The hostile title and names stayed text: still exactly the page's one script.
      #expect(keyed.components(separatedBy: "<script").count == 2)
      // Only the current frame is in the document; the others wait in their templates.
      let picture = try #require(keyed.range(of: "id=\"picture\""))
      let controls = try #require(keyed.range(of: "class=\"controls\""))
      #expect(keyed[picture.upperBound..<controls.lowerBound].components(separatedBy: "<svg").count == 2)

      let jumped = try dump(page, query: "?keys=End,Home,PageDown,Right")
      #expect(stepper(jumped, "data-step") == "3")
      #expect(stepper(jumped, "data-kind") == frames[2].kind.rawValue)

      let clicked = try dump(page, query: "?clicks=next,next,last,previous")
      #expect(stepper(clicked, "data-step") == "\(count - 1)")
      #expect(stepper(clicked, "data-fragment") == "#step-\(count - 1)")

      // Play advances on its own (normal speed: a step every 1.5 s of virtual time) and shows Pause.
      let played = try dump(page, query: "?clicks=play", milliseconds: 4000)
      #expect(Int(stepper(played, "data-step") ?? "") ?? 0 > 1)
      #expect(played.contains("aria-pressed=\"true\""))

      // Out-of-range steps are clamped.
      let clamped = try dump(page, fragment: "#step-999")
      #expect(stepper(clamped, "data-step") == "\(count)")
    }

    @Test(
      .enabled(if: chromiumPath != nil, "chromium is not installed (apt-get install chromium); skipping the screenshot")
    )
    func screenshotShowsThePage() throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let page = try LectureBundleWriter().write(LectureFixtures.neuron(), title: "One neuron", to: folder).webPage
      // Set LUCID_SCREENSHOT=/some/file.png to keep the picture and look at it.
      let keep = ProcessInfo.processInfo.environment["LUCID_SCREENSHOT"].map(URL.init(fileURLWithPath:))
      let screenshot = keep ?? folder.appendingPathComponent("screenshot.png")
      _ = try dump(page, fragment: "#step-6", screenshot: screenshot)
      let png = try Data(contentsOf: screenshot)
      #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
      #expect(png.count > 20_000, "a 1280×900 screenshot of a drawn graph is more than a blank page")
    }

    @Test(.enabled(if: pdflatexPath != nil, "pdflatex with beamer and pgf is not installed; skipping the Beamer test"))
    func slidesCompileWithOneOverlayPerFrame() throws {
      let folder = try LectureFixtures.scratchFolder("neuron-bundle")
      let parent = folder.deletingLastPathComponent()
      defer { try? FileManager.default.removeItem(at: parent) }
      let trace = LectureFixtures.neuron(names: LectureFixtures.hostileNames)
      let count = GraphExporter().frames(for: trace).count
      try LectureBundleWriter().write(trace, title: LectureFixtures.hostileTitle, to: folder)
      let document = """
        \\documentclass{beamer}
        \\begin{document}
        \\begin{frame}{Backpropagation}
        \\input{neuron-bundle/slides.tex}
        \\end{frame}
        \\end{document}

        """
      try Data(document.utf8).write(to: parent.appendingPathComponent("main.tex"))
      let result = try LectureFixtures.run(
        try #require(pdflatexPath), ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main.tex"],
        in: parent, timeout: 60)
      let log = (try? String(contentsOf: parent.appendingPathComponent("main.log"), encoding: .utf8)) ?? ""
      #expect(result.status == 0, "pdflatex failed:\n\(log.suffix(1500))")
      #expect(log.contains("Output written on main.pdf (\(count) pages"))
      #expect(!log.contains("LaTeX Warning: File") && !log.contains("not found"))
    }
  }
}
