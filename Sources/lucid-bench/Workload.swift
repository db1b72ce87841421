import Foundation

/// One named benchmark.
struct Workload {
  /// The name `--filter` matches against.
  var name: String
  /// One line for `--help`.
  var summary: String
  /// Runs the workload and prints its JSON lines.
  var run: (BenchConfiguration) throws -> Void
}

/// The command line: `[--filter NAME] [--quick] [--threads N] [--help]`.
struct BenchConfiguration {
  /// Only workloads whose name contains this run.
  var filter: String?
  /// Few iterations, for smoke tests.
  var quick = false
  /// Print usage and exit.
  var showHelp = false
  /// BLAS threads for matrix products.
  var threads = 1

  /// A command-line mistake.
  struct UsageError: Error, CustomStringConvertible {
    var description: String
  }

  init(arguments: [String]) throws {
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--filter":
        guard let value = remaining.popFirst() else { throw UsageError(description: "--filter needs a name") }
        filter = value
      case "--quick": quick = true
      case "--threads":
        guard let value = remaining.popFirst(), let n = Int(value), n >= 1 else {
          throw UsageError(description: "--threads needs a positive number")
        }
        threads = n
      case "--help", "-h": showHelp = true
      default: throw UsageError(description: "unknown argument '\(argument)' (try --help)")
      }
    }
  }

  static func usage(workloads: [Workload]) -> String {
    var text = "usage: lucid-bench [--filter NAME] [--quick] [--threads N]\n\nworkloads:\n"
    for workload in workloads {
      text += "  \(workload.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(workload.summary)\n"
    }
    return text
  }
}

/// Timing helpers.
enum Measure {
  /// Milliseconds `body` takes.
  static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
  }

  /// The median of `values`.
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
  }

  /// Prints one JSON line with keys in the given order (numbers rounded to 3 decimals).
  static func report(_ fields: KeyValuePairs<String, Any>) {
    let parts = fields.map { key, value -> String in
      switch value {
      case let number as Double: return "\"\(key)\":\(number.isFinite ? String(format: "%.3f", number) : "null")"
      case let number as Int: return "\"\(key)\":\(number)"
      case let text as String: return "\"\(key)\":\"\(text)\""
      case Optional<Double>.none: return "\"\(key)\":null"
      default: return "\"\(key)\":\"\(value)\""
      }
    }
    FileHandle.standardOutput.write(Data(("{" + parts.joined(separator: ",") + "}\n").utf8))
  }
}
