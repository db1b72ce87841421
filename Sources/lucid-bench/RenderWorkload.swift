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

    let timing = try SequenceTiming.measure(frames, runs: runs, renderer: renderer, label: "\(size) nodes")
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
    timing.report(workload: "render", nodes: graph.nodeCount, frames: frameCount, cliPerFrame: cli)
  }
}

/// Medians (ms) of rendering one frame sequence: `prepareLayout`, then per frame as a sequence
/// (`renderFrames`) and one by one (`renderFrame`), and one full layout of the last frame.
struct SequenceTiming {
  var prepare: Double
  var perFrame: Double
  var oneByOne: Double
  var layout: Double

  /// Prints the JSON line: the medians, per frame amortised over the sequence, and the ratios to
  /// one full layout and to the `dot` command per frame (`cliPerFrame`, when it ran).
  func report(workload: String, nodes: Int, frames: Int, cliPerFrame cli: Double?) {
    Measure.report([
      "impl": "lucid", "workload": workload, "nodes": nodes, "frames": frames,
      "median_ms_per_frame": perFrame, "one_by_one_ms_per_frame": oneByOne, "prepare_ms": prepare,
      "amortized_ms_per_frame": perFrame + prepare / Double(frames), "layout_ms": layout,
      "dot_cli_ms_per_frame": cli as Any, "speedup_vs_cli": cli.map { $0 / perFrame } as Any,
      "frame_over_layout": perFrame / layout,
    ])
  }

  /// Measures `runs` times; the first run also checks that both ways give the same pictures.
  static func measure(_ frames: [String], runs: Int, renderer: GraphRenderer, label: String) throws -> SequenceTiming {
    var prepare: [Double] = []
    var sequence: [Double] = []
    var oneByOne: [Double] = []
    for run in 0..<runs {
      var layout: FrameLayout?
      prepare.append(try Measure.milliseconds { layout = try renderer.prepareLayout(for: frames) })
      var batch: [Data] = []
      sequence.append(try Measure.milliseconds { batch = try renderer.renderFrames(frames, using: layout!, as: .svg) })
      var single: [Data] = []
      oneByOne.append(
        try Measure.milliseconds { single = try frames.map { try renderer.renderFrame($0, using: layout!, as: .svg) } })
      if run == 0 {
        try verify(batch == single, "renderFrames(_:using:as:) differs from renderFrame(_:using:as:) (\(label))")
      }
    }
    var layouts: [Double] = []
    for _ in 0..<runs {
      layouts.append(try Measure.milliseconds { _ = try renderer.render(frames[frames.count - 1], as: .svg) })
    }
    let count = Double(frames.count)
    return SequenceTiming(
      prepare: Measure.median(prepare), perFrame: Measure.median(sequence) / count,
      oneByOne: Measure.median(oneByOne) / count, layout: Measure.median(layouts))
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
