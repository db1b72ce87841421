import Foundation
import GraphRender
import Testing

extension GraphRenderTests {
  @Suite struct BundleWriter {
    let writer = FrameBundleWriter()

    /// A fresh, empty folder for one test.
    private func scratchFolder() throws -> URL {
      let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("lucid-render-tests-\(UUID().uuidString)", isDirectory: true)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      return url
    }

    private func contents(of folder: URL) -> [String] {
      let enumerator = FileManager.default.enumerator(atPath: folder.path)
      return ((enumerator?.allObjects as? [String]) ?? []).sorted()
    }

    @Test func writesTheGraphAndNumberedFramesAndKeepsOtherFiles() throws {
      let folder = try scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let notes = folder.appendingPathComponent("notes.md")
      try Data("my notes".utf8).write(to: notes)
      let frames = Fixtures.frames()
      let bundle = try writer.write(graph: frames[frames.count - 1], frames: frames, to: folder)

      #expect(bundle.frames.map(\.lastPathComponent) == (0..<frames.count).map { String(format: "frame-%03d.svg", $0) })
      let expected =
        ["frames"] + bundle.frames.map { "frames/" + $0.lastPathComponent }
        + [".lucid-bundle", "graph.dot", "graph.svg", "notes.md"]
      #expect(contents(of: folder) == expected.sorted())
      #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes")
      #expect(try String(contentsOf: bundle.graphSource, encoding: .utf8) == frames[frames.count - 1])
      let graph = try SVGDocument(Data(contentsOf: bundle.graphImage))
      #expect(graph.nodes.count == Fixtures.nodeCount)
      for url in bundle.frames { _ = try SVGDocument(Data(contentsOf: url)) }
      // The frames are streamed from the sequence renderer: each file is exactly its own render.
      let layout = try GraphRenderer().prepareLayout(for: frames)
      for (url, frame) in zip(bundle.frames, frames) {
        #expect(try Data(contentsOf: url) == GraphRenderer().renderFrame(frame, using: layout, as: .svg))
      }
    }

    @Test func frameNamesArePaddedToAtLeastThreeDigits() {
      #expect(FrameBundleWriter.frameFileName(7, fileExtension: "svg") == "frame-007.svg")
      #expect(FrameBundleWriter.frameFileName(42, fileExtension: "png") == "frame-042.png")
      #expect(FrameBundleWriter.frameFileName(1234, fileExtension: "svg") == "frame-1234.svg")
    }

    @Test func pngFramesGetThePNGExtension() throws {
      let folder = try scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let frames = Array(Fixtures.frames().prefix(2))
      let bundle = try FrameBundleWriter(frameFormat: .png).write(graph: frames[1], frames: frames, to: folder)
      #expect(bundle.frames.map(\.lastPathComponent) == ["frame-000.png", "frame-001.png"])
    }

    @Test func refusesAFileInPlaceOfTheFolder() throws {
      let folder = try scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let file = folder.appendingPathComponent("bundle")
      try Data("x".utf8).write(to: file)
      #expect {
        try writer.write(graph: Fixtures.frame(0), frames: [Fixtures.frame(0)], to: file)
      } throws: { error in
        guard case .fileSystem(let path, _)? = error as? RenderError else { return false }
        return path == file.path
      }
      #expect(contents(of: folder) == ["bundle"])
      #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test func refusesAFolderUnderARegularFile() throws {
      // Root ignores permission bits, but nobody can create a folder inside a regular file.
      let folder = try scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let file = folder.appendingPathComponent("plain-file")
      try Data().write(to: file)
      let target = file.appendingPathComponent("bundle", isDirectory: true)
      #expect(throws: RenderError.self) {
        try writer.write(graph: Fixtures.frame(0), frames: [Fixtures.frame(0)], to: target)
      }
      #expect(contents(of: folder) == ["plain-file"])
    }

    @Test func refusesAnUnwritableLocation() throws {
      // /proc refuses new entries even to root.
      let target = URL(fileURLWithPath: "/proc/lucid-render-test-\(UUID().uuidString)")
      #expect(throws: RenderError.self) {
        try writer.write(graph: Fixtures.frame(0), frames: [Fixtures.frame(0)], to: target)
      }
      #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func invalidDOTLeavesNothingBehind() throws {
      let folder = try scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let target = folder.appendingPathComponent("bundle", isDirectory: true)
      var frames = Fixtures.frames()
      frames[5] = "digraph { broken -> }"
      #expect(throws: RenderError.self) {
        try writer.write(graph: frames[0], frames: frames, to: target)
      }
      #expect(contents(of: folder).isEmpty)
    }
  }
}
