import Testing

/// All GraphRender tests run one after another: Graphviz calls are serialised anyway, and the memory
/// test needs a quiet process to measure resident memory.
@Suite(.serialized) struct GraphRenderTests {}
