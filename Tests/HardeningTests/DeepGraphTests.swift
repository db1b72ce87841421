import Foundation
import GraphExport
import Lucid
import Testing

/// Very long graphs: backward, freeing and DOT export are iterative, so a million-op chain neither
/// overflows the stack nor takes more than linear time (timings: `lucid-bench --filter deep`).
@Suite struct DeepGraphTests {
  /// `y = y + x`, `ops` times from `y = x`: `∂y/∂x = ops + 1`.
  static func chain(_ ops: Int) -> (x: Tensor, y: Tensor) {
    let x = Tensor(1.0, requiresGrad: true, dtype: .float64, name: "x")
    var y = x
    for _ in 0..<ops { y = y + x }
    return (x, y)
  }

  @Test func backwardOverAMillionOpChain() {
    // Under a sanitizer (several times slower) a quarter of the length still proves the point:
    // the recursive version overflowed at a few tens of thousands.
    let ops = Hardening.sanitized ? 250_000 : 1_000_000
    var (x, y): (Tensor?, Tensor?) = Self.chain(ops)
    y!.backward()
    #expect(x!.grad?.item() == Double(ops + 1))
    // Freeing the chain releases a million nested parents: that must not recurse either.
    y = nil
    x = nil
  }

  @Test func dotExportOfAHundredThousandNodes() {
    let nodes = Hardening.sanitized ? 25_001 : 100_001
    let (_, y) = Self.chain((nodes - 1) / 2)
    let dot = GraphExporter().dot(for: y)
    let drawn = dot.split(separator: "\n").filter { $0.contains(" [id=\"v") || $0.contains(" [id=\"op") }.count
    #expect(drawn == nodes)
    #expect(dot.hasPrefix("digraph") && dot.hasSuffix("}\n"))
  }
}
