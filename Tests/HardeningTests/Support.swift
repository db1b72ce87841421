import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Paths and processes shared by the hardening tests.
enum Hardening {
  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The built `lucid` binary, next to the test bundle.
  static let lucid = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("lucid")

  /// Whether the `lucid` binary was built with the tests (`swift build --build-tests` builds it).
  static var hasLucid: Bool { FileManager.default.isExecutableFile(atPath: lucid.path) }

  /// Whether this process runs under a sanitizer, which makes everything several times slower.
  static let sanitized: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return environment.keys.contains { $0.hasPrefix("ASAN_") || $0.hasPrefix("TSAN_") }
      || (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8))?.contains("libclang_rt.") == true
  }()

  /// The files of a fuzz corpus folder, e.g. `Fuzz/Corpus/expressions`.
  static func corpus(_ folder: String) throws -> [URL] {
    let url = root.appendingPathComponent(folder, isDirectory: true)
    return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
  }

  /// A fresh folder for one test, removed by the caller.
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("lucid-hardening-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every path under `folder`, relative, sorted (hidden files included).
  static func contents(of folder: URL) -> [String] {
    ((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []).sorted()
  }

  /// The result of running `lucid`.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `lucid` to completion with no stdin; its output goes through temporary files, so a
  /// chatty child can never block on a full pipe.
  static func run(_ arguments: [String]) throws -> Run {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = try start(arguments, outputIn: folder)
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: folder.appendingPathComponent("stdout"), encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? "")
  }

  /// Starts `lucid` with stdout and stderr going to `folder/stdout` and `folder/stderr`.
  static func start(_ arguments: [String], outputIn folder: URL) throws -> Process {
    let process = Process()
    process.executableURL = lucid
    process.arguments = arguments
    for name in ["stdout", "stderr"] {
      _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
    }
    process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
    process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Parses `data` as XML, returning the parser's error if it is not well-formed.
  static func xmlError(_ data: Data) -> String? {
    let parser = XMLParser(data: data)
    return parser.parse() ? nil : (parser.parserError.map { "\($0)" } ?? "not well-formed")
  }
}
