import CGraphviz

/// Sets many attributes on the objects of one graph, looking each attribute name up only once.
struct AttributeWriter {
  private let graph: UnsafeMutablePointer<Agraph_t>
  private let kind: Int32
  private var symbols: [String: UnsafeMutablePointer<Agsym_t>] = [:]

  /// A writer for the objects of `kind` (`AGNODE`, `AGEDGE`, `AGRAPH`) in `graph`.
  init(graph: UnsafeMutablePointer<Agraph_t>, kind: Int32) {
    self.graph = graph
    self.kind = kind
  }

  /// Sets attribute `name` of `object` to `value`, declaring the attribute with default `""` if needed.
  mutating func set(_ name: String, to value: String, of object: UnsafeMutableRawPointer) {
    let symbol: UnsafeMutablePointer<Agsym_t>?
    if let known = symbols[name] {
      symbol = known
    } else {
      symbol = lucid_agattr_declare(graph, kind, name)
      symbols[name] = symbol
    }
    if let symbol { _ = lucid_agxset(object, symbol, value) }
  }
}
