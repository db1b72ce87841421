import CGraphviz
import Foundation

/// A graph parsed by cgraph, owned uniquely so that it is always freed exactly once.
///
/// Dropping the handle frees the layout (if any) and then the graph, in the order Graphviz requires:
/// `gvLayout` → any number of `gvRender*` → `gvFreeLayout` → `agclose`.
struct GraphHandle: ~Copyable {
  /// The cgraph root graph.
  let graph: UnsafeMutablePointer<Agraph_t>
  private let gvc: OpaquePointer
  private var isLaidOut = false
  /// Whether the layout must not be freed: Graphviz reported errors during it (its engine may have
  /// left its data half built), or it is one that Graphviz 2.x's `dot` frees twice (labelled flat
  /// edges that needed a rank above rank 0; see `lucid_layout_free_is_unsafe`). Such a layout leaks
  /// its data rather than corrupting the heap.
  private var leaksLayout = false

  /// Parses DOT text; throws ``RenderError/invalidDOT(message:)`` with Graphviz's message on failure.
  init(parsing dot: String, in context: borrowing GraphvizContext) throws(RenderError) {
    var extra: Int32 = 0
    let parsed = dot.utf8CString.withUnsafeBufferPointer { text in
      lucid_read_graph(text.baseAddress, text.count - 1, &extra)
    }
    guard let graph = parsed else {
      throw .invalidDOT(message: context.errorText(fallback: "the text contains no graph"))
    }
    // cgraph reports some syntax problems as errors yet still returns a (partial) graph.
    let problems = context.drainMessages().filter(\.isError)
    if !problems.isEmpty || extra > 0 {
      agclose(graph)
      let message = problems.map(\.text).joined(separator: "; ")
      throw .invalidDOT(
        message: extra > 0 ? "the text holds \(extra + 1) graphs; give one at a time" : message)
    }
    self.graph = graph
    self.gvc = context.gvc
  }

  /// Creates an empty directed graph.
  init(emptyNamed name: String, in context: borrowing GraphvizContext) {
    guard let graph = lucid_agopen_directed(name) else {
      fatalError("Graphviz could not allocate a graph (out of memory)")
    }
    self.graph = graph
    self.gvc = context.gvc
  }

  deinit {
    if isLaidOut && !leaksLayout { gvFreeLayout(gvc, graph) }
    agclose(graph)
  }

  /// Lays the graph out with `engine`, replacing any earlier layout.
  mutating func layOut(engine: String, in context: borrowing GraphvizContext) throws(RenderError) {
    if isLaidOut {
      if !leaksLayout { gvFreeLayout(gvc, graph) }
      isLaidOut = false
      leaksLayout = false
    }
    guard gvLayout(gvc, graph, engine) == 0 else {
      let message = context.errorText(fallback: "Graphviz gave no reason")
      if !context.layoutEngines.contains(engine) {
        throw .unknownEngine(name: engine, available: context.layoutEngines)
      }
      throw .layoutFailed(message: message)
    }
    isLaidOut = true
    leaksLayout = lucid_layout_free_is_unsafe(graph) != 0
    // Graphviz reports some problems (such as a malformed HTML-like label) and carries on with a
    // degraded picture; treat them as failures so a broken label never goes unnoticed.
    let errors = context.drainMessages().filter(\.isError).map(\.text)
    if !errors.isEmpty {
      leaksLayout = true
      let message = errors.joined(separator: "; ")
      throw message.contains("syntax error") ? .invalidDOT(message: message) : .layoutFailed(message: message)
    }
  }

  /// Renders the laid-out graph in `format` and returns the bytes.
  func render(as format: ImageFormat, in context: borrowing GraphvizContext) throws(RenderError) -> [UInt8] {
    precondition(isLaidOut, "render(as:in:) needs a layout first")
    var data: UnsafeMutablePointer<CChar>?
    var length = 0
    let status = lucid_gvRenderData(gvc, graph, format.rawValue, &data, &length)
    defer { if let data { gvFreeRenderData(data) } }
    guard status == 0, let data else {
      let message = context.errorText(fallback: "Graphviz gave no reason")
      if !context.devices.contains(format.fileExtension) {
        throw .unsupportedFormat(name: format.rawValue, available: context.devices)
      }
      throw .renderFailed(message: message)
    }
    return data.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
  }
}
