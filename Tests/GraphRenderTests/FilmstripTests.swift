import Foundation
import GraphExport
import GraphRender
import Lucid
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension GraphRenderTests {
  @Suite struct Filmstrips {
    let frames = GraphExporter().frames(for: LectureFixtures.neuron())

    @Test func automaticChoiceTellsTheStoryOfBackprop() throws {
      // start, forward ×3, seed, backward ×3, end
      #expect(
        frames.map(\.kind) == [.start, .forward, .forward, .forward, .seed, .backward, .backward, .backward, .end])
      #expect(try FilmstripSelection.automatic().indices(in: frames) == [0, 4, 5, 6, 7, 8])
      #expect(try FilmstripSelection.automatic(backwardSteps: 1).indices(in: frames) == [0, 4, 6, 8])
      #expect(try FilmstripSelection.automatic(backwardSteps: 2).indices(in: frames) == [0, 4, 5, 7, 8])
      #expect(try FilmstripSelection.automatic(backwardSteps: 0).indices(in: frames) == [0, 4, 8])
    }

    @Test func withoutBackwardTheForwardStepsAreChosen() throws {
      let forwardOnly = GraphExporter().frames(
        for: Trace(
          events: LectureFixtures.neuron().events.filter {
            if case .forward = $0 { return true }
            if case .leaf = $0 { return true }
            return false
          }))
      #expect(forwardOnly.map(\.kind) == [.start, .forward, .forward, .forward, .end])
      #expect(try FilmstripSelection.automatic(backwardSteps: 2).indices(in: forwardOnly) == [0, 1, 3, 4])
    }

    @Test func explicitChoiceIsCheckedAndKeptInOrder() throws {
      #expect(try FilmstripSelection.frames([8, 0]).indices(in: frames) == [8, 0])
      #expect(throws: RenderError.self) { try FilmstripSelection.frames([9]).indices(in: frames) }
      #expect(throws: RenderError.self) { try FilmstripSelection.frames([-1]).indices(in: frames) }
      #expect(throws: RenderError.self) { try FilmstripSelection.frames([]).indices(in: frames) }
      #expect(throws: RenderError.self) { try FilmstripSelection.automatic(backwardSteps: -1).indices(in: frames) }
    }

    @Test(arguments: [FilmstripSelection.automatic(), .frames([2, 5]), .frames([8])])
    func svgNestsTheChosenFramesWithUniqueIDsAndThePNGIsAPicture(_ selection: FilmstripSelection) throws {
      let folder = try LectureFixtures.scratchFolder()
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      let chosen = try selection.indices(in: frames)
      let bundle = try LectureBundleWriter(filmstrip: selection)
        .write(LectureFixtures.neuron(), title: "strip", to: folder)

      let document = try XMLDocument(data: Data(contentsOf: bundle.filmstripImage))
      let root = try #require(document.rootElement())
      #expect(root.name == "svg")
      let nested = try root.nodes(forXPath: "./*[local-name()='g']/*[local-name()='svg']")
      #expect(nested.count == chosen.count)
      let headings = try root.nodes(forXPath: "./*[local-name()='g']/*[local-name()='text']").compactMap(\.stringValue)
      #expect(headings == chosen.map { "Step \($0 + 1) of \(frames.count)" })
      let ids = try root.nodes(forXPath: "//@id").compactMap(\.stringValue)
      #expect(!ids.isEmpty && Set(ids).count == ids.count)
      let graphs = try root.nodes(forXPath: "//*[local-name()='g'][@class='graph']")
      #expect(graphs.count == chosen.count)

      let png = try Data(contentsOf: bundle.filmstripBitmap)
      #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
      // IHDR: width and height, big-endian, at bytes 16..<24.
      let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
      let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
      let frame = try SVGDocument(Data(contentsOf: bundle.frames[0]))
      let frameWidth = Double(frame.rootAttributes["width"]?.dropLast(2) ?? "") ?? 0
      #expect(Double(width) > frameWidth && height > 100)
    }
  }
}
