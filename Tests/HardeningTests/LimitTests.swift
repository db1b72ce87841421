import Foundation
import Testing

/// Every limit on user input ends in one line that names the limit and the flag that raises it,
/// end to end through the `lucid` command, never in a trap.
@Suite(.enabled(if: Hardening.hasLucid, "lucid binary not built"))
struct LimitTests {
  static let longSum = [String](repeating: "x", count: 5_000).joined(separator: "+")

  @Test(arguments: [
    (["grad", String(repeating: "x", count: 10_001)], "over the limit of 10000 (raise it with --max-length)"),
    (["grad", "x" + String(repeating: "+x", count: 40), "-i", "x=1", "--max-length", "50"], "--max-length"),
    (
      ["grad", String(repeating: "(", count: 300) + "x" + String(repeating: ")", count: 300), "-i", "x=1"],
      "nests deeper than 200 levels (raise it with --max-depth)"
    ),
    (["grad", longSum, "-i", "x=1"], "nests deeper than 200 levels (raise it with --max-depth)"),
    (["grad", "-i", "x=1", "--", String(repeating: "-", count: 250) + "x"], "--max-depth"),
    (
      ["grad", "x", "-i", "x=[1,2,3,4,5]", "--max-elements", "4"],
      "more than 4 elements (raise the limit with --max-elements)"
    ),
    (
      ["grad", "x * y", "-i", "x=[[1],[2],[3]]", "-i", "y=[1,2,3]", "--max-elements", "8"],
      "over the limit of 8 (raise it with --max-elements)"
    ),
    (["grad", "reshape(x, [100000000000000, 100000000000000])", "-i", "x=1"], "more elements than an Int can count"),
    (
      ["grad", "x", "-i", "x=" + String(repeating: "[", count: 40) + "1" + String(repeating: "]", count: 40)],
      "deeper than 32 levels"
    ),
  ])
  func inputOverALimitIsOneClearLine(arguments: [String], message: String) throws {
    let run = try Hardening.run(arguments)
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("lucid: error: ") && run.stderr.contains(message), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(run.stdout.isEmpty)
  }

  @Test func raisingTheDepthLimitAcceptsWhatItRefused() throws {
    let run = try Hardening.run(["grad", Self.longSum.prefix(999).description, "-i", "x=1", "--max-depth", "500"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("500"))
  }

  @Test(arguments: [
    (["grad", "x", "-i", "x=1", "--max-depth", "501"], "--max-depth must be between 1 and 500"),
    (["grad", "x", "-i", "x=1", "--max-depth", "0"], "--max-depth must be between 1 and 500"),
    (["grad", "x", "-i", "x=1", "--max-length", "0"], "--max-length must be at least 1"),
    (["grad", "x", "-i", "x=1", "--max-elements=-5"], "--max-elements must be at least 1"),
    (["render", "x", "-i", "x=1", "-o", "/nonexistent-never", "--max-nodes", "0"], "--max-nodes must be at least 1"),
  ])
  func impossibleLimitsAreUsageErrors(arguments: [String], message: String) throws {
    let run = try Hardening.run(arguments)
    #expect(run.status == 2)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test func graphOverTheLayoutLimitNamesTheFlagAndWritesNothing() throws {
    let folder = try Hardening.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("bundle")
    // 6 values and 5 ops, plus the sum: over a limit of 8 nodes.
    let run = try Hardening.run([
      "render", "sum(tanh(x * w) + exp(x))", "-i", "x=[1,2]", "-i", "w=3", "-o", target.path, "--max-nodes", "8",
    ])
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("nodes, over the limit of 8 for laying it out (raise it with --max-nodes"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: target.path))

    let edges = try Hardening.run([
      "render", "sum(tanh(x * w) + exp(x))", "-i", "x=[1,2]", "-i", "w=3", "-o", target.path, "--max-edges", "3",
    ])
    #expect(edges.status == 1)
    #expect(
      edges.stderr.contains("edges, over the limit of 3 for laying it out (raise it with --max-edges"),
      "\(edges.stderr)")

    let raised = try Hardening.run([
      "render", "sum(tanh(x * w) + exp(x))", "-i", "x=[1,2]", "-i", "w=3", "-o", target.path, "--max-nodes", "50",
    ])
    #expect(raised.status == 0, "\(raised.stderr)")
  }
}
