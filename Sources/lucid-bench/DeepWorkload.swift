import Foundation
import GraphExport
import Lucid

/// `deep`: long chains, to show that backward and DOT export take time linear in the graph's size
/// and never overflow the stack. `y = y + x`, repeated `ops` times from `y = x`, has `ops + 1` value
/// nodes, and `∂y/∂x = ops + 1`.
///
/// Prints, per size, the milliseconds to build the chain, run backward and free it (and per node),
/// then the milliseconds to export a chain of `nodes` drawn nodes (values and ops) as DOT.
func runDeepWorkload(_ configuration: BenchConfiguration) throws {
  let chains = configuration.quick ? [50_000, 100_000] : [250_000, 500_000, 1_000_000]
  for ops in chains {
    var buildMS = 0.0
    var backwardMS = 0.0
    var freeMS = 0.0
    var x: Tensor! = Tensor(1.0, requiresGrad: true, dtype: .float64)
    var y: Tensor! = x
    buildMS = Measure.milliseconds {
      for _ in 0..<ops { y = y + x }
    }
    backwardMS = Measure.milliseconds { y.backward() }
    try verify(x.grad!.item() == Double(ops + 1), "deep chain gradient \(x.grad!.item()), expected \(ops + 1)")
    freeMS = Measure.milliseconds {
      y = nil
      x = nil
    }
    Measure.report([
      "impl": "lucid", "workload": "deep-backward", "ops": ops, "build_ms": buildMS, "backward_ms": backwardMS,
      "free_ms": freeMS, "backward_ns_per_op": backwardMS * 1e6 / Double(ops),
    ])
  }
  let graphs = configuration.quick ? [10_000, 25_000] : [25_000, 50_000, 100_000]
  for nodes in graphs {
    // Each `+` draws an op node and its output value node; the leaf is one more.
    let ops = (nodes - 1) / 2
    let x = Tensor(1.0, requiresGrad: true, dtype: .float64, name: "x")
    var y = x
    for _ in 0..<ops { y = y + x }
    var dot = ""
    let exportMS = Measure.milliseconds { dot = GraphExporter().dot(for: y) }
    let drawn = dot.split(separator: "\n").filter { $0.contains(" [id=\"v") || $0.contains(" [id=\"op") }.count
    try verify(drawn == 2 * ops + 1, "deep DOT export drew \(drawn) nodes, expected \(2 * ops + 1)")
    Measure.report([
      "impl": "lucid", "workload": "deep-dot", "nodes": drawn, "export_ms": exportMS,
      "export_us_per_node": exportMS * 1e3 / Double(drawn), "dot_bytes": dot.utf8.count,
    ])
  }
}
