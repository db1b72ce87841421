/// The per-task settings every op reads once: grad mode and the active observer.
///
/// Stored in a task-local value, so scopes nest, end when their closure returns, and
/// never leak into other tasks or threads: no global mutable state.
struct ScopeContext: Sendable {
  var gradEnabled = true
  var session: ObservationSession?

  @TaskLocal static var current = ScopeContext()
}

/// Whether ops record the graph in the current scope (see ``withNoGrad(_:)``).
public var isGradEnabled: Bool {
  ScopeContext.current.gradEnabled
}

/// Runs `body` with gradient recording off: ops inside make constants, as in PyTorch's
/// `torch.no_grad()`. Use it for optimizer updates and evaluation.
public func withNoGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
  var context = ScopeContext.current
  context.gradEnabled = false
  return try ScopeContext.$current.withValue(context, operation: body)
}

/// Runs `body` with gradient recording on again inside a ``withNoGrad(_:)`` scope.
public func withGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
  var context = ScopeContext.current
  context.gradEnabled = true
  return try ScopeContext.$current.withValue(context, operation: body)
}
