import CGraphviz
import Foundation
import Synchronization

/// Collects the messages Graphviz reports through its error hook.
///
/// Graphviz calls a hook without a context pointer, so the log is process-wide. It is only written
/// while the ``GraphvizSession`` lock is held, so messages of one operation never mix with another's.
struct GraphvizDiagnostics: Sendable {
  /// One complete message.
  struct Message: Sendable, Equatable {
    /// Whether Graphviz reported it as an error rather than a warning.
    var isError: Bool
    /// The text without the `Error: ` / `Warning: ` prefix, continuation lines joined by spaces.
    var text: String
  }

  private var buffer = ""

  /// Appends one fragment as Graphviz delivers it (`"Error"`, `": "`, `"text\n"`).
  mutating func append(fragment: String) {
    buffer += fragment
  }

  /// Returns the messages collected so far and clears the log.
  mutating func drain() -> [Message] {
    defer { buffer = "" }
    var messages: [Message] = []
    for line in buffer.split(whereSeparator: \.isNewline) {
      let text = line.trimmingCharacters(in: .whitespaces)
      if text.isEmpty { continue }
      if let rest = text.dropPrefix("Error: ") {
        messages.append(Message(isError: true, text: rest))
      } else if let rest = text.dropPrefix("Warning: ") {
        messages.append(Message(isError: false, text: rest))
      } else if !messages.isEmpty {
        messages[messages.count - 1].text += " " + text
      } else {
        messages.append(Message(isError: false, text: text))
      }
    }
    return messages
  }
}

extension GraphvizDiagnostics {
  /// The process-wide log the hook writes to.
  static let shared = Mutex(GraphvizDiagnostics())

  /// Routes all Graphviz messages (warnings and errors) to ``shared`` instead of standard error.
  static func install() {
    _ = agseterr(AGWARN)
    _ = agseterrf(graphvizMessageHook)
  }
}

/// The C hook Graphviz calls with each message fragment.
private func graphvizMessageHook(_ fragment: UnsafeMutablePointer<CChar>?) -> Int32 {
  guard let fragment else { return 0 }
  let text = String(cString: fragment)
  GraphvizDiagnostics.shared.withLock { $0.append(fragment: text) }
  return 0
}

extension StringProtocol {
  fileprivate func dropPrefix(_ prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }
}
