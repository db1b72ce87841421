import CGraphviz
import Synchronization

/// The process's one Graphviz context and the lock that serialises every call into Graphviz.
///
/// Graphviz keeps process-global state and is not thread-safe, and creating and freeing contexts
/// leaks memory, so the context is created once, on first use, and lives for the rest of the process.
/// The only way to reach it is ``perform(_:)``, which holds the lock for the whole operation.
final class GraphvizSession: Sendable {
  /// The session every renderer in the process shares.
  static let shared = GraphvizSession()

  private let context: Mutex<GraphvizContext>

  private init() {
    context = Mutex(GraphvizContext())
  }

  /// Runs `body` with exclusive access to the Graphviz context.
  ///
  /// Messages Graphviz left from earlier work are discarded first, so `body` sees only its own.
  func perform<Result: Sendable>(
    _ body: (inout GraphvizContext) throws(RenderError) -> Result
  ) throws(RenderError) -> Result {
    try context.withLock { (graphviz: inout GraphvizContext) throws(RenderError) -> Result in
      _ = graphviz.drainMessages()
      return try body(&graphviz)
    }
  }
}
