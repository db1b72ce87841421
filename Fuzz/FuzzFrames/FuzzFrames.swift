// The fuzz target over the frame-sequence DOT reader; see SkeletonFuzzing in GraphRender.
//
// Built by scripts/fuzz with `-sanitize=fuzzer,address -D LIBFUZZER`, libFuzzer supplies `main` and
// calls `LLVMFuzzerTestOneInput` with each input. Built normally it is a plain driver:
// `swift run FuzzFrames FILE...` replays inputs (a corpus, a crash) and prints each outcome.
import Foundation
@_spi(Fuzzing) import GraphRender

#if LIBFUZZER
  import CLibFuzzer
#endif

/// libFuzzer calls this with each input; a trap (or a failed check) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let problems = SkeletonFuzzing.problems(Array(UnsafeBufferPointer(start: data, count: size)))
  // fatalError, unlike precondition, keeps its message in optimised builds.
  if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
  return 0
}

#if LIBFUZZER
  /// SwiftPM aliases `main` to this symbol; it hands the command line to libFuzzer.
  @_cdecl("FuzzFrames_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
      guard let data else { return 0 }
      return fuzzFrames(data, size)
    }
  }
#else
  /// The plain driver: replays the files named on the command line.
  @main enum Replay {
    static func main() {
      var failed = false
      for path in CommandLine.arguments.dropFirst() {
        guard let contents = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("FuzzFrames: cannot read \(path)\n".utf8))
          exit(2)
        }
        let bytes = [UInt8](contents)
        let problems = SkeletonFuzzing.problems(bytes)
        print("\(path): \(problems.isEmpty ? "ok" : problems.joined(separator: "; "))")
        if !problems.isEmpty { failed = true }
      }
      exit(failed ? 1 : 0)
    }
  }
#endif
