import GraphExport
import Lucid

/// The properties the DOT fuzzer checks: whatever the tensor names and the caption title, the
/// exported frames
///
/// - all have the same node and edge statements (the shared layout depends on it),
/// - are lexically sound DOT: every quoted string and HTML-like label is closed on its line,
/// - hold user text only as text: inside an HTML-like label every `<` opens one of Graphviz's
///   own tags and every `&` starts an entity, and each name appears in its escaped form.
///
/// Shared by the libFuzzer target `FuzzDOT` and the regression tests in `Tests/HardeningTests`.
public enum DOTFuzzing {
  /// The separator between the title and the names in a fuzz input (ASCII record separator), so
  /// that names may contain every other byte, NUL and newlines included.
  public static let separator: UInt8 = 0x1E

  /// The number of named tensors in the recorded graph.
  public static let nameCount = 5

  /// Splits `bytes` into a title and ``nameCount`` names (missing ones are empty).
  public static func split(_ bytes: [UInt8]) -> (title: String, names: [String]) {
    let parts = bytes.split(separator: separator, maxSplits: nameCount, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    var names = Array(parts.dropFirst().prefix(nameCount))
    while names.count < nameCount { names.append("") }
    return (parts.first ?? "", names)
  }

  /// Records `e = sum(tanh(a * b) + a)` with backward, naming the five tensors `names`.
  public static func record(names: [String]) -> Trace {
    precondition(names.count == nameCount)
    let recorder = TraceRecorder()
    withObserver(recorder) {
      let a = Tensor([1.0, -2.0], requiresGrad: true, name: names[0])
      let b = Tensor(3.0, requiresGrad: true, name: names[1])
      let c = (a * b).named(names[2])
      let d = c.tanh().named(names[3])
      let e = (d + a).sum().named(names[4])
      e.backward()
    }
    return recorder.trace
  }

  /// Every broken property for one input; empty when all hold.
  public static func problems(_ bytes: [UInt8]) -> [String] {
    let (title, names) = split(bytes)
    let trace = record(names: names)
    let exporter = GraphExporter()
    let frames = exporter.frames(for: trace)
    var problems: [String] = []
    guard let first = frames.first else { return ["no frames"] }
    let structure = DOTScanner.structure(of: first.dot)
    for frame in frames {
      problems += DOTScanner.lexicalProblems(in: frame.dot).map { "frame \(frame.index): \($0)" }
      let other = DOTScanner.structure(of: frame.dot)
      if other != structure { problems.append("frame \(frame.index) has a different node/edge structure") }
      for name in names where !frame.dot.contains("<B>\(Escaping.html(name))</B>") {
        problems.append("frame \(frame.index) does not show the name \(name.debugDescription) escaped")
      }
    }
    // 6 values (a, b, c, d, a + d, e) and 4 ops (*, tanh, +, sum); 2 + 2 + 3 + 3 edges.
    if structure.nodes.count != 10 || structure.edges.count != 10 {
      problems.append(
        "structure has \(structure.nodes.count) nodes and \(structure.edges.count) edges, expected 10 and 10")
    }
    // The title goes into the graph label of a caption.
    let captioned = exporter.dot(
      for: trace.state(after: trace.count - 1), caption: Caption(title: title, detail: title))
    problems += DOTScanner.lexicalProblems(in: captioned).map { "captioned graph: \($0)" }
    if DOTScanner.structure(of: captioned) != structure {
      problems.append("the captioned graph has a different node/edge structure")
    }
    if !captioned.contains("<B>\(Escaping.html(title))</B>") {
      problems.append("the caption does not show the title \(title.debugDescription) escaped")
    }
    return problems
  }
}
