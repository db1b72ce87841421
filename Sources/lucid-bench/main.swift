// lucid-bench: small, repeatable performance measurements for Lucid.
//
//   swift run -c release lucid-bench [--filter NAME] [--quick] [--threads N]
//
// Each workload prints one JSON object per measurement on its own line.
import Foundation
import Lucid

let workloads: [Workload] = [
  Workload(name: "mlp784-256-10-xent-f32", summary: "MLP forward + backward, batch 1, 64, 512", run: runMLPWorkload),
  Workload(name: "horner", summary: "Horner's rule on 0-d Float64 tensors, 1k and 10k nodes", run: runHornerWorkload),
  Workload(name: "matmul-f32", summary: "n×n Float32 matrix product, n = 512, 1024", run: runMatmulWorkload),
  Workload(name: "observe-overhead", summary: "the batch-1 MLP with and without an observer", run: runObserveWorkload),
  Workload(name: "render", summary: "frame sequences vs. a full dot layout and the dot CLI", run: runRenderWorkload),
  Workload(
    name: "render-trace", summary: "the exporter's frames of a recorded 3-4-1 network, per frame",
    run: runRenderTraceWorkload),
  Workload(
    name: "deep", summary: "backward over 250k-1M-op chains, DOT export of 25k-100k nodes", run: runDeepWorkload),
]

do {
  let configuration = try BenchConfiguration(arguments: Array(CommandLine.arguments.dropFirst()))
  if configuration.showHelp {
    print(BenchConfiguration.usage(workloads: workloads))
    exit(0)
  }
  BLAS.setThreadCount(configuration.threads)
  let selected = workloads.filter { configuration.filter == nil || $0.name.contains(configuration.filter!) }
  if selected.isEmpty {
    FileHandle.standardError.write(Data("no workload matches '\(configuration.filter ?? "")'\n".utf8))
    exit(2)
  }
  for workload in selected {
    try workload.run(configuration)
  }
} catch {
  FileHandle.standardError.write(Data("lucid-bench: \(error)\n".utf8))
  exit(1)
}
