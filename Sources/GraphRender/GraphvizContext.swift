import CGraphviz
import Foundation

/// The Graphviz context (`GVC_t`) with the plugin lists it offers.
///
/// Only ``GraphvizSession`` creates one, and only while holding its lock is it used.
struct GraphvizContext {
  /// The `GVC_t *` every layout and render goes through.
  let gvc: OpaquePointer
  /// Names of the installed layout engines, sorted.
  let layoutEngines: [String]
  /// Names of the installed output devices (formats), sorted.
  let devices: [String]

  /// Creates the context and routes Graphviz's messages into ``GraphvizDiagnostics``.
  init() {
    GraphvizDiagnostics.install()
    guard let gvc = gvContext() else {
      fatalError("Graphviz could not create a context (out of memory)")
    }
    self.gvc = gvc
    layoutEngines = Self.pluginNames(gvc, kind: "layout")
    devices = Self.pluginNames(gvc, kind: "device")
  }

  /// Returns and clears the messages Graphviz reported since the last call.
  func drainMessages() -> [GraphvizDiagnostics.Message] {
    GraphvizDiagnostics.shared.withLock { $0.drain() }
  }

  /// The errors Graphviz reported since the last drain, as one line, or `fallback` if there were none.
  func errorText(fallback: String) -> String {
    let messages = drainMessages()
    let errors = messages.filter(\.isError)
    let chosen = errors.isEmpty ? messages : errors
    return chosen.isEmpty ? fallback : chosen.map(\.text).joined(separator: "; ")
  }

  private static func pluginNames(_ gvc: OpaquePointer, kind: String) -> [String] {
    var count: Int32 = 0
    guard let list = lucid_gvPluginList(gvc, kind, &count) else { return [] }
    var names = Set<String>()
    for index in 0..<Int(count) {
      guard let entry = list[index] else { continue }
      // Entries may read "name:package"; keep the device name only.
      names.insert(String(String(cString: entry).prefix { $0 != ":" }))
      free(entry)
    }
    free(list)
    return names.sorted()
  }
}
