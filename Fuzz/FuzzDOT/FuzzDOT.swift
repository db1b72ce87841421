// The fuzz target over DOT export with arbitrary tensor names and titles; see DOTFuzzing.
//
// Built by scripts/fuzz with `-sanitize=fuzzer,address -D LIBFUZZER`, libFuzzer supplies `main` and
// calls `LLVMFuzzerTestOneInput` with each input. Built normally it is a plain driver:
// `swift run FuzzDOT FILE...` replays inputs (a corpus, a crash) and prints each outcome.
import Foundation
import FuzzSupport

#if LIBFUZZER
  import CLibFuzzer
#endif

/// libFuzzer calls this with each input; a trap (or a failed check) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzDriver.check(Array(UnsafeBufferPointer(start: data, count: size)), DOTFuzzing.problems)
  return 0
}

#if LIBFUZZER
  /// SwiftPM aliases `main` to this symbol; it hands the command line to libFuzzer.
  @_cdecl("FuzzDOT_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
      guard let data else { return 0 }
      return fuzzDOT(data, size)
    }
  }
#else
  /// The plain driver: replays the files named on the command line.
  @main enum Replay {
    static func main() { FuzzDriver.replay(target: "FuzzDOT", DOTFuzzing.problems) }
  }
#endif
