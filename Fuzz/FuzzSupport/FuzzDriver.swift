import Foundation

/// What the property-checking fuzz targets (`FuzzDOT`, `FuzzFrames`) share: the check libFuzzer's
/// entry point runs on each input, and the plain driver that replays files when built without
/// libFuzzer.
public enum FuzzDriver {
  /// Stops with every property `problems` finds broken in `bytes`; libFuzzer keeps such an input.
  public static func check(_ bytes: [UInt8], _ problems: ([UInt8]) -> [String]) {
    let found = problems(bytes)
    // fatalError, unlike precondition, keeps its message in optimised builds.
    if !found.isEmpty { fatalError(found.joined(separator: "\n")) }
  }

  /// Replays the files named on the command line and prints each outcome; exits 1 when an input
  /// breaks a property and 2 when a file cannot be read.
  public static func replay(target: String, _ problems: ([UInt8]) -> [String]) -> Never {
    var failed = false
    for path in CommandLine.arguments.dropFirst() {
      guard let contents = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(target): cannot read \(path)\n".utf8))
        exit(2)
      }
      let found = problems([UInt8](contents))
      print("\(path): \(found.isEmpty ? "ok" : found.joined(separator: "; "))")
      if !found.isEmpty { failed = true }
    }
    exit(failed ? 1 : 0)
  }
}
