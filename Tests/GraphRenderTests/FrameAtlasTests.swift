import Foundation
import Testing

@testable import GraphRender

extension GraphRenderTests {
  @Suite struct FrameAtlasChecks {
    let renderer = GraphRenderer()

    @Test(arguments: [false, true])
    func splicedFramesEqualPerFrameRenders(record: Bool) throws {
      let frames = Fixtures.frames(record: record)
      let layout = try renderer.prepareLayout(for: frames)
      let spliced = try #require(FrameAtlas.render(frames, using: layout))
      for (index, frame) in frames.enumerated() {
        let reference = try renderer.renderFrame(frame, using: layout, as: .svg)
        if spliced[index] != reference {
          try? reference.write(to: URL(fileURLWithPath: "/tmp/ref-\(index).svg"))
          try? spliced[index].write(to: URL(fileURLWithPath: "/tmp/fast-\(index).svg"))
        }
        #expect(spliced[index] == reference, "frame \(index)")
      }
    }
  }
}
