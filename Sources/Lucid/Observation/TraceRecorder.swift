import Synchronization

/// A ``GraphObserver`` that keeps every event, to be read back as a ``Trace``.
///
///     let recorder = TraceRecorder()
///     withObserver(recorder) {
///       let y = (w * x + b).tanh()
///       y.backward()
///     }
///     let trace = recorder.trace
///
/// Safe to share between tasks (its storage is behind a lock), though the ops it
/// watches run on one thread at a time.
public final class TraceRecorder: GraphObserver {
  /// Tensors with more elements than this are kept as a summary only.
  public let valueLimit: Int
  private let events = Mutex<[GraphEvent]>([])

  /// Creates an empty recorder that keeps full values up to `valueLimit` elements.
  public init(valueLimit: Int = 4096) {
    self.valueLimit = valueLimit
  }

  /// Appends `event`.
  public func observe(_ event: GraphEvent) {
    events.withLock { $0.append(event) }
  }

  /// Everything recorded so far.
  public var trace: Trace {
    Trace(events: events.withLock { $0 })
  }

  /// Forgets everything recorded so far.
  public func reset() {
    events.withLock { $0.removeAll() }
  }
}
