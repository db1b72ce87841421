/// The shared geometry of a frame sequence: one full layout that every frame is drawn with.
///
/// Make one with ``GraphRenderer/prepareLayout(for:layoutFrame:)`` and pass it to
/// ``GraphRenderer/renderFrame(_:using:as:)``. Every frame rendered with the same layout has its nodes
/// and edges at the same coordinates on a canvas of the same size; the canvas leaves room for the
/// widest caption of the frames the layout was prepared for.
public struct FrameLayout: Sendable {
  /// The index of the frame that was laid out with the full engine.
  public let layoutFrameIndex: Int
  /// The node names every frame must declare, in order.
  public var nodeNames: [String] { structure.nodeNames }
  /// The number of edges every frame must declare.
  public var edgeCount: Int { structure.edges.count }
  /// The canvas width in points (1/72 inch), without Graphviz's page margin.
  public var width: Double { canvas.width }
  /// The canvas height in points (1/72 inch), without Graphviz's page margin.
  public var height: Double { canvas.height }

  /// The structure frames are checked against.
  let structure: GraphStructure
  /// Geometry attributes per node, in node order.
  let nodes: [PinnedAttributes]
  /// Geometry attributes per edge, in edge order.
  let edges: [PinnedAttributes]
  /// Geometry attributes per cluster subgraph, with the cluster names.
  let clusters: [(name: String, attributes: PinnedAttributes)]
  /// The drawing's bounding box without any caption.
  let drawing: LayoutBox
  /// The drawing plus the caption band: the same for every frame.
  let canvas: LayoutBox
  /// Where captions go.
  let captionPlacement: CaptionPlacement
  /// Padded caption sizes measured while preparing.
  let captionSizes: [Caption: LayoutSize]
  /// The prepared frames, parsed for ``FrameAtlas`` (`nil` when they are outside its subset).
  let sequence: ParsedSequence?
}

/// Layout attributes (such as `pos`, `width`, `lp`) to set on one object, paired with the label
/// attribute they depend on: a label position is only pinned when the frame has that label.
struct PinnedAttributes: Sendable {
  /// Attributes set unconditionally.
  var always: [(name: String, value: String)] = []
  /// Label positions, keyed by the label attribute that must be non-empty (`label` → `lp`, ...).
  var labelPositions: [(label: String, name: String, value: String)] = []
}
