/// Receives a value-type event for every step the autodiff core takes inside an
/// observation scope (see ``withObserver(_:_:)``).
///
/// Events describe tensors by id and carry copies of their values; they never hold a
/// ``Tensor``, so nothing an observer keeps can change under it later.
/// `observe(_:)` is called synchronously on the thread running the ops.
public protocol GraphObserver: Sendable {
  /// Called once per event, in the order the steps happen.
  func observe(_ event: GraphEvent)

  /// Tensors with more elements than this are reported as a summary (shape, min, max,
  /// mean, norm) instead of every value. The default keeps up to 4,096 values.
  var valueLimit: Int { get }
}

extension GraphObserver {
  /// Keeps up to 4,096 values per tensor.
  public var valueLimit: Int { 4096 }
}

/// Runs `body` with `observer` attached: every leaf, forward op, backward step and hook
/// call inside it is reported; outside it nothing is.
///
/// Scopes are task-local: they nest (the innermost observer wins), they end when `body`
/// returns, and they never leak into other threads or tasks. With no scope active, an
/// op pays one task-local read.
@discardableResult
public func withObserver<Result>(_ observer: some GraphObserver, _ body: () throws -> Result) rethrows -> Result {
  var context = ScopeContext.current
  context.session = ObservationSession(observer: observer)
  return try ScopeContext.$current.withValue(context, operation: body)
}
