import Foundation
import GraphRender
import Testing

/// `lucid render -o DIR` and the bundle writers never replace or delete a file they did not write,
/// refuse unusable folders in one line, and leave complete files even when killed.
@Suite(.enabled(if: Hardening.hasLucid, "lucid binary not built"))
struct FileSafetyTests {
  static let small = ["render", "tanh(w * x)", "-i", "x=2", "-i", "w=-0.5"]
  static let larger = ["render", "tanh(w * x) + tanh(w * x * x) + tanh(x - w)", "-i", "x=2", "-i", "w=-0.5"]

  @Test func theUsersNotesSurviveEveryRun() throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: folder.appendingPathComponent("notes/lecture.md"))
    try Data("mine".utf8).write(to: folder.appendingPathComponent("todo.txt"))
    for arguments in [Self.larger, Self.small, Self.small] {
      let run = try Hardening.run(arguments + ["-o", folder.path])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(try String(contentsOf: folder.appendingPathComponent("notes/lecture.md"), encoding: .utf8) == "mine")
      #expect(try String(contentsOf: folder.appendingPathComponent("todo.txt"), encoding: .utf8) == "mine")
    }
    // After the shorter run the folder holds exactly the manifest's files and the user's.
    let manifest = try String(contentsOf: folder.appendingPathComponent(".lucid-bundle"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map(String.init)
    let files = Hardening.contents(of: folder).filter {
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }
    #expect(Set(files) == Set(manifest + [".lucid-bundle", "notes/lecture.md", "todo.txt"]))
  }

  @Test(arguments: [
    "graph.svg", "index.html", "frames/frame-000.svg", "frames/frame-002.pdf", "README.md", "trace.json",
  ])
  func aFileItDidNotWriteIsNeverReplaced(name: String) throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("frames"), withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try Data("the user's own \(name)".utf8).write(to: file)
    let before = Hardening.contents(of: folder)

    let run = try Hardening.run(Self.small + ["-o", folder.path])
    #expect(run.status == 1)
    #expect(
      run.stderr == "lucid: error: cannot write '\(file.path)': it exists and was not written by lucid "
        + "(it is not listed in .lucid-bundle); move it away or choose another folder\n")
    #expect(try String(contentsOf: file, encoding: .utf8) == "the user's own \(name)")
    #expect(Hardening.contents(of: folder) == before)

    // The same holds after a successful run: a file that appears later is not the tool's either.
    try FileManager.default.removeItem(at: file)
    #expect(try Hardening.run(Self.small + ["-o", folder.path]).status == 0)
    let other = folder.appendingPathComponent("frames/frame-009.svg")
    try Data("mine".utf8).write(to: other)
    let again = try Hardening.run(Self.larger + ["-o", folder.path])
    #expect(again.status == 1 && again.stderr.contains("'\(other.path)': it exists and was not written by lucid"))
    #expect(try String(contentsOf: other, encoding: .utf8) == "mine")
  }

  @Test func refusesAFileOrAnUnwritableFolderInOneLine() throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bundle")
    try Data("x".utf8).write(to: file)
    let onFile = try Hardening.run(Self.small + ["-o", file.path])
    #expect(onFile.status == 1)
    #expect(
      onFile.stderr
        == "lucid: error: cannot write '\(file.path)': a file of that name exists where a folder is needed\n")
    #expect(try Data(contentsOf: file) == Data("x".utf8))

    let under = try Hardening.run(Self.small + ["-o", file.appendingPathComponent("inner").path])
    #expect(under.status == 1 && under.stderr.split(separator: "\n").count == 1, "\(under.stderr)")

    // /proc refuses new entries even to root (who ignores permission bits).
    let proc = try Hardening.run(Self.small + ["-o", "/proc/lucid-hardening-\(UUID().uuidString)"])
    #expect(proc.status == 1 && proc.stderr.hasPrefix("lucid: error: cannot write '/proc/"), "\(proc.stderr)")
    #expect(proc.stderr.split(separator: "\n").count == 1)
  }

  @Test func aDamagedOrHostileManifestIsRefused() throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundle = folder.appendingPathComponent("bundle")
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    let outside = folder.appendingPathComponent("outside.txt")
    try Data("keep".utf8).write(to: outside)
    let manifest = bundle.appendingPathComponent(".lucid-bundle")

    try Data("not a manifest\ngraph.svg\n".utf8).write(to: manifest)
    let damaged = try Hardening.run(Self.small + ["-o", bundle.path])
    #expect(damaged.status == 1 && damaged.stderr.contains("this is not a lucid bundle manifest"), "\(damaged.stderr)")

    // A hand-made manifest that claims a file outside the folder must not let the tool remove it.
    let header = "# lucid bundle: files written by the lucid tools, which may replace or remove them"
    try Data("\(header)\n../outside.txt\n".utf8).write(to: manifest)
    let hostile = try Hardening.run(Self.small + ["-o", bundle.path])
    #expect(
      hostile.status == 1 && hostile.stderr.contains("lists '../outside.txt', which is not a path inside the folder"))
    #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
  }

  /// Where to kill a run that replaces an older bundle with a larger one.
  enum KillPoint: CustomTestStringConvertible, Sendable {
    /// As soon as the process has started.
    case started
    /// Once the manifest lists the new files (nothing new written yet).
    case manifestUpdated
    /// Once this file of the new, larger bundle exists.
    case file(String)

    var testDescription: String {
      switch self {
      case .started: "at start"
      case .manifestUpdated: "after the manifest"
      case .file(let path): "after \(path)"
      }
    }
  }

  @Test(arguments: [
    // The older bundle has 7 frames, the new one 21: frames 7 and up are new names.
    KillPoint.started, .manifestUpdated, .file("frames/frame-008.svg"), .file("frames/frame-016.svg"),
    .file("frames/frame-010.pdf"), .file("filmstrip.svg"),
  ])
  func aKilledRunLeavesOnlyCompleteFiles(at point: KillPoint) throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundle = folder.appendingPathComponent("bundle")
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: bundle.appendingPathComponent("notes.md"))
    #expect(try Hardening.run(Self.small + ["-o", bundle.path]).status == 0)
    let oldManifest = try Data(contentsOf: bundle.appendingPathComponent(".lucid-bundle"))

    let process = try Hardening.start(Self.larger + ["-o", bundle.path], outputIn: folder)
    let deadline = Date().addingTimeInterval(Hardening.sanitized ? 600 : 120)
    func reached() -> Bool {
      switch point {
      case .started: return true
      case .manifestUpdated:
        return (try? Data(contentsOf: bundle.appendingPathComponent(".lucid-bundle"))) != oldManifest
      case .file(let path): return FileManager.default.fileExists(atPath: bundle.appendingPathComponent(path).path)
      }
    }
    // Await the condition (polling the file system, which has no change notification here).
    while !reached() && process.isRunning && Date() < deadline { usleep(500) }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let wasKilled = process.terminationReason == .uncaughtSignal
    if !wasKilled { print("note: the run finished before the kill point \(point.testDescription)") }

    try Self.expectOnlyCompleteFiles(in: bundle)
    #expect(try String(contentsOf: bundle.appendingPathComponent("notes.md"), encoding: .utf8) == "mine")

    // The next run owns whatever the killed one left, finishes, and leaves no temporaries.
    let rerun = try Hardening.run(Self.small + ["-o", bundle.path])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    try Self.expectOnlyCompleteFiles(in: bundle)
    #expect(!Hardening.contents(of: bundle).contains { $0.hasSuffix(".tmp") })
  }

  /// Every file is complete: SVGs parse as XML, PDFs end with `%%EOF`, PNGs with their `IEND` chunk,
  /// JSON parses, the page ends with `</html>`, the slides with their last frame.
  static func expectOnlyCompleteFiles(in folder: URL) throws {
    for path in Hardening.contents(of: folder) {
      let url = folder.appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        !path.hasSuffix(".tmp")
      else { continue }
      let data = try Data(contentsOf: url)
      let text = String(decoding: data, as: UTF8.self)
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      switch url.pathExtension {
      case "svg": #expect(Hardening.xmlError(data) == nil, "\(path) is not complete XML")
      case "pdf": #expect(data.starts(with: Data("%PDF-".utf8)) && trimmed.hasSuffix("%%EOF"), "\(path) is truncated")
      case "png":
        #expect(data.suffix(8) == Data([0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]), "\(path) is truncated")
      case "json": #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is truncated")
      case "html": #expect(trimmed.hasSuffix("</html>"), "\(path) is truncated")
      case "tex": #expect(trimmed.hasSuffix("\\end{frame}") || trimmed.hasSuffix("}"), "\(path) is truncated")
      case "dot": #expect(trimmed.hasSuffix("}"), "\(path) is truncated")
      case "md": #expect(!data.isEmpty, "\(path) is empty")
      default:
        if path == ".lucid-bundle" { #expect(text.hasSuffix("\n") && text.hasPrefix("# lucid bundle")) }
      }
    }
  }
}
