import Foundation
import GraphRender

/// `render`: per-frame cost of a frame sequence (shared layout + `nop2` per frame) against one full
/// in-process `dot` layout and against running the `dot` command once per frame.
func runRenderWorkload(_ configuration: BenchConfiguration) throws {
  let renderer = GraphRenderer()
  let sizes = [20, 100, 500]
  let frameCount = configuration.quick ? 10 : 50
  let runs = configuration.quick ? 2 : 5
  let dotPath = DotCommand.locate()
  if dotPath == nil {
    FileHandle.standardError.write(Data("note: `dot` not found on PATH; skipping the CLI comparison\n".utf8))
  }
  for size in sizes {
    let graph = SyntheticGraph(nodes: size)
    let frames = (0..<frameCount).map { graph.frame($0, of: frameCount) }
    // Warm-up: fonts, plugins and caches.
    _ = try renderer.renderFrames(Array(frames.suffix(3)), as: .svg)
    _ = try renderer.render(frames[frames.count - 1], as: .svg)

    var perFrame: [Double] = []
    var oneByOne: [Double] = []
    var prepare: [Double] = []
    for run in 0..<runs {
      var layout: FrameLayout?
      prepare.append(try Measure.milliseconds { layout = try renderer.prepareLayout(for: frames) })
      var batch: [Data] = []
      let total = try Measure.milliseconds { batch = try renderer.renderFrames(frames, using: layout!, as: .svg) }
      perFrame.append(total / Double(frames.count))
      var single: [Data] = []
      let singleTotal = try Measure.milliseconds {
        single = try frames.map { try renderer.renderFrame($0, using: layout!, as: .svg) }
      }
      oneByOne.append(singleTotal / Double(frames.count))
      // Verification: the sequence renderer must give exactly the per-frame pictures.
      if run == 0 {
        try verify(batch == single, "renderFrames(_:using:as:) differs from renderFrame(_:using:as:) at \(size) nodes")
      }
    }
    var fullLayout: [Double] = []
    for _ in 0..<runs {
      fullLayout.append(try Measure.milliseconds { _ = try renderer.render(frames[frames.count - 1], as: .svg) })
    }
    var cli: Double?
    if let dotPath {
      let sample = configuration.quick ? 2 : (size >= 500 ? 3 : 10)
      let picked = stride(from: 0, to: frames.count, by: max(1, frames.count / sample)).prefix(sample).map {
        frames[$0]
      }
      var times: [Double] = []
      for frame in picked {
        times.append(
          try Measure.milliseconds { try DotCommand.render(frame, dotPath: dotPath, nodeCount: graph.nodeCount) })
      }
      cli = Measure.median(times)
    }
    let frameMedian = Measure.median(perFrame)
    let prepareMedian = Measure.median(prepare)
    let layoutMedian = Measure.median(fullLayout)
    Measure.report([
      "impl": "lucid", "workload": "render", "nodes": graph.nodeCount, "frames": frameCount,
      "median_ms_per_frame": frameMedian, "one_by_one_ms_per_frame": Measure.median(oneByOne),
      "prepare_ms": prepareMedian,
      "amortized_ms_per_frame": frameMedian + prepareMedian / Double(frameCount),
      "layout_ms": layoutMedian, "dot_cli_ms_per_frame": cli as Any,
      "speedup_vs_cli": cli.map { $0 / frameMedian } as Any,
      "frame_over_layout": frameMedian / layoutMedian,
    ])
  }
}

/// Running Graphviz's `dot` command once per frame, as torchviz users do.
enum DotCommand {
  /// The `dot` executable on `PATH`, if any.
  static func locate() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/dot"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Renders `dot` text to SVG with the command; big graphs get the same effort caps as GraphRender.
  static func render(_ dot: String, dotPath: String, nodeCount: Int) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dotPath)
    var arguments = ["-Tsvg"]
    if nodeCount > LayoutLimits().reducedEffortNodeCount {
      arguments += ["-Gnslimit=2", "-Gnslimit1=2", "-Gmclimit=0.25", "-Gsearchsize=10"]
    }
    process.arguments = arguments
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data(dot.utf8))
    try input.fileHandleForWriting.close()
    _ = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
  }
}
