import Foundation
import GraphRender
import Testing

extension GraphRenderTests {
  @Suite struct Render {
    let renderer = GraphRenderer()

    /// Graphviz 2.x's `dot` adds a rank above rank 0 for these labelled flat edges and then frees a
    /// rank array twice in `gvFreeLayout` (valgrind and ASan report it; glibc does not notice). Such
    /// layouts are leaked instead; rendering them, as a graph and as a sequence, must be safe. The
    /// AddressSanitizer suite (`scripts/sanitize address`, run by CI) is what catches a regression.
    @Test func layoutsGraphvizWouldFreeTwiceAreKept() throws {
      let dot = """
        digraph { subgraph cluster_b { a; b } c; d
          b -> c [label=g2]; d -> a [label=g0]; c -> d [label=g0]; b -> d [label=g0] }
        """
      for _ in 0..<3 { _ = try SVGDocument(renderer.render(dot, as: .svg)) }
      let frames = (0..<4).map { dot.replacingOccurrences(of: "g0", with: "g\($0 % 2)") }
      #expect(try renderer.renderFrames(frames, as: .svg).count == 4)
    }

    @Test func svgNodeAndEdgeCountsMatchTheDOT() throws {
      let svg = try SVGDocument(renderer.render(Fixtures.frame(Fixtures.frames().count - 1), as: .svg))
      #expect(svg.nodes.count == Fixtures.nodeCount)
      #expect(svg.edges.count == Fixtures.edgeCount)
      #expect(Set(svg.nodes.map(\.title)) == Set(Fixtures.values + Fixtures.ops.map(\.name)))
    }

    @Test func svgIsSelfContainedWithTitleAndViewBox() throws {
      let data = try renderer.render(Fixtures.frame(2), as: .svg)
      let svg = try SVGDocument(data)
      let text = String(decoding: data, as: UTF8.self)
      let viewBox = try #require(svg.rootAttributes["viewBox"])
      #expect(viewBox.split(separator: " ").count == 4)
      #expect(svg.titles.first == "G")
      #expect(!text.contains("<!DOCTYPE"))
      #expect(!svg.elementNames.contains("image"))
      #expect(svg.references.isEmpty)
      #expect(!text.contains("xlink:href"))
    }

    @Test func anonymousGraphIsTitledByItsCaption() throws {
      let svg = try SVGDocument(renderer.render("digraph { label=\"x & y\"; a -> b }", as: .svg))
      #expect(svg.titles.first == "x & y")
    }

    @Test func labelTextAppearsAsSVGText() throws {
      let svg = try SVGDocument(renderer.render(Fixtures.frame(Fixtures.frames().count - 1), as: .svg))
      #expect(svg.texts.contains("grad 6.0000"))
      #expect(svg.texts.contains("data -8.0000"))
    }

    @Test(arguments: [
      (ImageFormat.png, Array("\u{89}PNG\r\n\u{1A}\n".unicodeScalars.map { UInt8($0.value) })),
      (ImageFormat.pdf, Array("%PDF".utf8)),
    ])
    func binaryFormatsStartWithTheirMagic(format: ImageFormat, magic: [UInt8]) throws {
      try #require(GraphRenderer.availableFormats.contains(format), "Graphviz lacks \(format)")
      let data = try renderer.render(Fixtures.frame(3, record: true), as: format)
      #expect(Array(data.prefix(magic.count)) == magic)
    }

    @Test func pngFollowsTheRasterScale() throws {
      let small = try GraphRenderer(options: RenderOptions(rasterScale: 1)).render(Fixtures.frame(3), as: .png)
      let large = try GraphRenderer(options: RenderOptions(rasterScale: 2)).render(Fixtures.frame(3), as: .png)
      let (smallWidth, _) = try PNG.size(small)
      let (largeWidth, _) = try PNG.size(large)
      #expect(abs(Double(largeWidth) / Double(smallWidth) - 2) < 0.05)
    }

    @Test func formatsAndEnginesAreListed() {
      #expect(GraphRenderer.availableFormats.contains(.svg))
      #expect(GraphRenderer.availableEngines.contains("dot"))
      #expect(GraphRenderer.availableEngines.contains("nop2"))
    }
  }
}

/// Reads a PNG's pixel size from its IHDR chunk.
enum PNG {
  struct NotPNG: Error {}

  static func size(_ data: Data) throws -> (Int, Int) {
    let bytes = Array(data.prefix(24))
    guard bytes.count == 24, bytes[12..<16].elementsEqual("IHDR".utf8) else { throw NotPNG() }
    let value = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (value(16), value(20))
  }
}
