import Foundation
import GraphRender
import Testing

extension GraphRenderTests {
  @Suite struct Memory {
    /// The process's resident set size in bytes, from /proc/self/statm.
    private func residentBytes() throws -> Int {
      let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
      let pages = try #require(statm.split(separator: " ").dropFirst().first.flatMap { Int($0) })
      return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Frame by frame, and through the sequence renderer (sample renders plus caption graphs).
    @Test(arguments: [false, true])
    func renderingManyFramesDoesNotGrowResidentMemory(asSequence: Bool) throws {
      let renderer = GraphRenderer()
      let frames = Fixtures.frames(record: true)
      let layout = try renderer.prepareLayout(for: frames)
      func renderRound() throws {
        if asSequence {
          #expect(try renderer.renderFrames(frames, using: layout, as: .svg).count == frames.count)
        } else {
          for frame in frames { _ = try renderer.renderFrame(frame, using: layout, as: .svg) }
        }
      }
      // Warm up until allocator arenas and Graphviz's caches have settled.
      for _ in 0..<10 { try renderRound() }
      let before = try residentBytes()
      let rounds = 60
      for _ in 0..<rounds { try renderRound() }
      let after = try residentBytes()
      let frameCount = rounds * frames.count
      // Leaking one parsed graph per frame would cost tens of kilobytes per frame (> 10 MB here).
      #expect(frameCount >= 600)
      #expect(after - before < 3 * 1024 * 1024, "grew \((after - before) / 1024) KiB over \(frameCount) frames")
    }
  }
}
