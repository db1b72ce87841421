import Foundation
import Testing

@testable import GraphRender

extension GraphRenderTests {
  @Suite struct FrameSequence {
    let renderer = GraphRenderer()

    @Test(arguments: [false, true])
    func nodesKeepTheirPositionsInEveryFrame(record: Bool) throws {
      let frames = Fixtures.frames(record: record)
      let documents = try renderer.renderFrames(frames, as: .svg).map(SVGDocument.init)
      let reference = try #require(documents.last)
      let referenceCentres = reference.nodeCentres
      #expect(referenceCentres.count == Fixtures.nodeCount)
      for (index, document) in documents.enumerated() {
        #expect(document.rootAttributes["viewBox"] == reference.rootAttributes["viewBox"], "frame \(index)")
        #expect(!document.nodes.isEmpty)
        for (name, centre) in document.nodeCentres {
          #expect(centre == referenceCentres[name], "frame \(index), node \(name)")
        }
      }
    }

    @Test func invisibleNodesAndEdgesAreNotDrawn() throws {
      let frames = Fixtures.frames()
      let svg = try SVGDocument(renderer.renderFrames(frames, as: .svg)[1])
      // Frame 1: the four leaves, the first op and its output are visible.
      #expect(svg.nodes.count == 6)
      #expect(svg.edges.count == 3)
    }

    @Test func eachFrameShowsItsOwnLabelsAndCaption() throws {
      let frames = Fixtures.frames()
      let pictures = try renderer.renderFrames(frames, as: .svg)
      let first = try SVGDocument(pictures[0])
      let last = try SVGDocument(pictures[pictures.count - 1])
      #expect(first.texts.contains("start"))
      #expect(first.texts.contains("grad —"))
      #expect(!first.texts.contains("grad 6.0000"))
      #expect(last.texts.contains("grad 6.0000"))
      #expect(last.texts.contains { $0.hasPrefix("backward step 7") })
    }

    @Test func canvasHasRoomForTheWidestCaption() throws {
      var frames = Fixtures.frames()
      let long =
        "a caption much wider than the drawing itself, to check that it is never cut off at either side,"
        + " not on the left and not on the right, however long the explanation of the step becomes"
      frames[2] = Fixtures.frame(2, caption: long)
      let layout = try renderer.prepareLayout(for: frames)
      let widest = try #require(layout.captionSizes.values.map(\.width).max())
      #expect(layout.width >= widest)
      #expect(layout.drawing.width < widest)
      let plain = try renderer.prepareLayout(for: Fixtures.frames())
      // The long caption widens the canvas but does not change the drawing.
      #expect(layout.drawing == plain.drawing)
      let svg = try SVGDocument(renderer.renderFrame(frames[2], using: layout, as: .svg))
      #expect(svg.texts.contains(long))
    }

    @Test func styleWithoutADeclaredDefaultStillShows() throws {
      // The layout frame never mentions fontcolor or a fill for "a"; a later frame does.
      let base = "digraph { rankdir=LR; a [shape=box]; b [shape=box]; a -> b; }"
      let styled =
        "digraph { rankdir=LR; a [shape=box style=filled fillcolor=gold fontcolor=red penwidth=3]; b [shape=box]; a -> b; }"
      let pictures = try renderer.renderFrames([styled, base], as: .svg)
      let text = String(decoding: pictures[0], as: UTF8.self)
      #expect(text.contains("fill=\"gold\""))
      #expect(text.contains("fill=\"red\""))
      #expect(text.contains("stroke-width=\"3\""))
    }

    @Test func pngFramesHaveTheSameSize() throws {
      let pictures = try renderer.renderFrames(Fixtures.frames(), as: .png)
      let sizes = try Set(pictures.map { try PNG.size($0).0 * 100_000 + PNG.size($0).1 })
      #expect(sizes.count == 1)
    }

    @Test func aFrameWithAnotherStructureIsRejected() throws {
      var frames = Fixtures.frames()
      frames[3] = frames[3].replacingOccurrences(of: "  mul2 -> L", with: "  mul2 -> a")
      #expect {
        try renderer.renderFrames(frames, as: .svg)
      } throws: { error in
        guard case .frameMismatch(frame: 3, let reason)? = error as? RenderError else { return false }
        return reason.contains("edge")
      }
    }

    @Test func renderingAnUnpreparedWiderCaptionIsRejected() throws {
      let frames = Fixtures.frames()
      let layout = try renderer.prepareLayout(for: frames)
      let wide = Fixtures.frame(1, caption: String(repeating: "very wide caption ", count: 20))
      #expect(throws: RenderError.self) { try renderer.renderFrame(wide, using: layout, as: .svg) }
    }
  }
}
