import Foundation
import GraphExport
import GraphRender
import Lucid

/// Recorded traces and scratch folders for the lecture-bundle tests.
enum LectureFixtures {
  /// `o = tanh(w * x + b)`, recorded with its backward pass; `names` overrides the tensors' names.
  static func neuron(names: [String] = ["x", "w", "b", "wx", "n", "o"]) -> Trace {
    let recorder = TraceRecorder()
    withObserver(recorder) {
      let x = Tensor(2.0, name: names[0])
      let w = Tensor(-3.0, requiresGrad: true, name: names[1])
      let b = Tensor(6.8813735870195432, requiresGrad: true, name: names[2])
      let wx = (w * x).named(names[3])
      let n = (wx + b).named(names[4])
      let o = n.tanh().named(names[5])
      o.backward()
    }
    return recorder.trace
  }

  /// Tensor names a template, a Markdown renderer or TeX would love to interpret.
  static let hostileNames = [
    "<script>alert('x')</script>", "w\"&amp;{}", "b\nnew line", "$\\frac{1}{0}$ #1 %c", "_^~[link](http://e.x)",
    "o`</template>",
  ]

  /// A title that must come out as text everywhere.
  static let hostileTitle = "<script>alert(1)</script> & \"quotes\" {braces} $x^2$ 50% #1 \\end{document}\n**bold**"

  /// A fresh, empty folder for one test; `name` is the last path component.
  static func scratchFolder(_ name: String = "bundle") throws -> URL {
    let parent = FileManager.default.temporaryDirectory
      .appendingPathComponent("lucid-lecture-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    return parent.appendingPathComponent(name, isDirectory: true)
  }

  /// Every file under `folder`, relative, sorted.
  static func contents(of folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    return ((enumerator?.allObjects as? [String]) ?? []).sorted()
  }

  /// The full path of executable `name` on `PATH` (or the first of `candidates` that exists).
  static func executable(_ name: String, candidates: [String] = []) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let file = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: file) { return file }
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs `executable` with `arguments` in `folder`, giving up after `timeout` seconds.
  /// - Returns: The exit status and standard output (standard error is discarded).
  static func run(
    _ executable: String, _ arguments: [String], in folder: URL? = nil, timeout: TimeInterval = 20
  ) throws -> (status: Int32, output: String) {
    // Standard output goes to a file, so a chatty child can never block on a full pipe.
    let capture = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-run-\(UUID().uuidString).out")
    guard FileManager.default.createFile(atPath: capture.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: capture.path])
    }
    defer { try? FileManager.default.removeItem(at: capture) }
    let output = try FileHandle(forWritingTo: capture)
    defer { try? output.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return (process.terminationStatus, try String(contentsOf: capture, encoding: .utf8))
  }
}
