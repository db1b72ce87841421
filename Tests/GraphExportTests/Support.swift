import Foundation
import GraphExport
import Lucid
import Testing

/// The seed's matmul example, recorded.
func recordMatmul() -> Trace {
  let recorder = TraceRecorder()
  withObserver(recorder) {
    let a = Tensor([[1, 2], [3, 4]], requiresGrad: true, name: "a")
    let b = Tensor([[5, 6], [7, 8]], requiresGrad: true, name: "b")
    let out = a.matmul(b).named("out")
    out.backward()
  }
  return recorder.trace
}

/// micrograd's neuron `o = tanh(x1·w1 + x2·w2 + b)` with the classic values, recorded.
func recordNeuron() -> Trace {
  let recorder = TraceRecorder()
  withObserver(recorder) {
    let x1 = Tensor(2.0, name: "x1")
    let x2 = Tensor(0.0, name: "x2")
    let w1 = Tensor(-3.0, requiresGrad: true, name: "w1")
    let w2 = Tensor(1.0, requiresGrad: true, name: "w2")
    let b = Tensor(6.8813735870195432, requiresGrad: true, name: "b")
    let n = (x1 * w1 + x2 * w2 + b).named("n")
    let o = n.tanh().named("o")
    o.backward()
  }
  return recorder.trace
}

/// Compares `text` with the golden file `name`; `LUCID_UPDATE_GOLDEN=1` rewrites it.
/// Golden files are reviewed by rendering them (`dot -Tpng`) and looking, not by
/// copying the exporter's output unseen.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
  if ProcessInfo.processInfo.environment["LUCID_UPDATE_GOLDEN"] == "1" {
    try text.write(to: url, atomically: true, encoding: .utf8)
  }
  let golden = try String(contentsOf: url, encoding: .utf8)
  #expect(text == golden, "DOT differs from Golden/\(name)", sourceLocation: sourceLocation)
}

/// The statements that define a graph's structure: node ids and edges with their ids,
/// with every attribute except `id` stripped.
func structure(of dot: String) -> (nodes: [String], edges: [String]) {
  var nodes: [String] = []
  var edges: [String] = []
  for line in dot.split(separator: "\n") {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard let bracket = trimmed.firstIndex(of: "["), !trimmed.hasPrefix("graph "), !trimmed.hasPrefix("node "),
      !trimmed.hasPrefix("edge ")
    else { continue }
    let head = trimmed[..<bracket].trimmingCharacters(in: .whitespaces)
    let idRange = trimmed.range(of: #"id="[^"]*""#, options: .regularExpression)
    let id = idRange.map { String(trimmed[$0]) } ?? ""
    if head.contains("->") { edges.append(head + " " + id) } else { nodes.append(head + " " + id) }
  }
  return (nodes, edges)
}

/// Where the Graphviz `dot` command is, if installed.
let dotCommand: String? = ["/usr/bin/dot", "/usr/local/bin/dot"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// Runs `dot -Tsvg` on `text`; returns the SVG, or the error output on failure.
func renderWithDotCommand(_ text: String) throws -> (ok: Bool, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: dotCommand!)
  process.arguments = ["-Tsvg"]
  let input = Pipe()
  let output = Pipe()
  let errors = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  input.fileHandleForWriting.write(Data(text.utf8))
  try input.fileHandleForWriting.close()
  let svg = output.fileHandleForReading.readDataToEndOfFile()
  let message = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let ok = process.terminationStatus == 0 && message.isEmpty
  return (ok, String(decoding: ok ? svg : message, as: UTF8.self))
}
