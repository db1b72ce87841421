import CGraphviz
import Foundation

/// The fast path for SVG frame sequences: every distinct look of every node and edge is drawn once
/// by Graphviz, and each frame is spliced together from those drawings.
///
/// When all frames share one ``DOTSkeleton`` signature, they differ only in the attribute lists of
/// node and edge statements (and in the caption). Each object then has a few distinct looks across
/// the sequence (hidden, just computed, holding its gradient, …). The atlas writes `K` *sample
/// frames* — the layout frame's text with the attribute lists swapped so that sample `j` shows every
/// object's `j`-th look (objects with fewer looks are hidden in it) — where `K` is the largest number
/// of looks of any object, and renders them through the ordinary per-frame path. Graphviz writes every object's drawing as a self-contained
/// slot of the SVG (see ``SVGSlots``), in an order fixed by the graph's structure, so frame `f` is:
/// its own head, background and caption (from a render of a graph holding only the frame's root
/// graph attributes, on the same canvas), then for each object the slot of the sample frame that
/// shows its look in `f`. The result equals the per-frame render byte for byte; tests hold it to that.
///
/// Anything the atlas can't vouch for (a refused skeleton, differing signatures, labels placed by
/// Graphviz's global label placer, gradients or other numbered SVG definitions, an unexpected
/// document shape or canvas, or any Graphviz error) makes it decline, and the caller renders frame
/// by frame.
enum FrameAtlas {
  /// Renders `frames` with `layout` as SVG and hands each picture to `emit`, in order, as it is
  /// assembled (so a long sequence is never held in memory at once).
  ///
  /// - Returns: `false` to ask for the per-frame path. That can happen after some frames were
  ///   emitted (a later caption that Graphviz refuses); the per-frame path then emits them again.
  /// - Throws: Only what `emit` throws; Graphviz's errors mean `false`.
  static func render(
    _ frames: [String], using layout: FrameLayout, emit: (Int, Data) throws(RenderError) -> Void
  ) throws(RenderError) -> Bool {
    let template = frames.indices.contains(layout.layoutFrameIndex) ? layout.layoutFrameIndex : 0
    guard
      let sequence = layout.sequence.flatMap({ $0.frames == frames ? $0 : nil })
        ?? ParsedSequence(frames, template: template)
    else { return false }
    let looks = Looks(sequence)
    // K sample renders plus N small caption renders only pay when K is clearly below N.
    guard looks.sampleCount * 4 <= frames.count * 3 else { return false }
    let samples = (0..<looks.sampleCount).map { looks.sampleText(index: $0, of: sequence) }
    return try GraphvizSession.shared.perform { (graphviz) throws(RenderError) -> Bool in
      guard let drawn = try? Samples(samples, skeleton: sequence.templateSkeleton, layout: layout, in: graphviz)
      else { return false }
      for frame in frames.indices {
        guard let head = try? renderCaption(sequence.captionGraph(frame), using: layout, in: graphviz),
          let picture = drawn.frame(frame, head: head, looks: looks)
        else { return false }
        try emit(frame, picture)
      }
      return true
    }
  }

  /// Renders `frames` with `layout` as SVG, or returns `nil` to ask for the per-frame path.
  static func render(_ frames: [String], using layout: FrameLayout) -> [Data]? {
    var pictures: [Data] = []
    pictures.reserveCapacity(frames.count)
    let done = try? render(frames, using: layout) { (_, picture) throws(RenderError) in pictures.append(picture) }
    return done == true ? pictures : nil
  }

  /// The rendered sample frames, cut into slots, and the order those slots follow.
  private struct Samples {
    let svgs: [[UInt8]]
    let slots: [SVGSlots]
    let order: EmissionOrder

    /// Renders and cuts the samples; `nil` when any of them can't be reused slot by slot.
    init?(
      _ samples: [String], skeleton: DOTSkeleton, layout: FrameLayout, in graphviz: borrowing GraphvizContext
    ) throws(RenderError) {
      try graphviz.requireDevice(for: .svg)
      var svgs: [[UInt8]] = []
      var slots: [SVGSlots] = []
      for sample in samples {
        guard let svg = try renderSample(sample, using: layout, in: graphviz), let cut = SVGSlots(svg),
          isReusable(svg, cut)
        else { return nil }
        svgs.append(svg)
        slots.append(cut)
      }
      let order = EmissionOrder(skeleton, clusterCount: slots[0].clusterCount)
      for (svg, cut) in zip(svgs, slots) {
        guard order.matches(cut, in: svg) else { return nil }
      }
      self.svgs = svgs
      self.slots = slots
      self.order = order
    }

    /// Frame `frame`: `head`'s head, background and caption, then each object's slot from the
    /// sample showing its look in that frame; `nil` when `head` is not drawn on the samples' canvas.
    func frame(_ frame: Int, head: [UInt8], looks: Looks) -> Data? {
      guard let headSlots = SVGSlots(head), headSlots.slots.count == 2 else { return nil }
      // Every sample must have been drawn on the canvas the caption graph has: then no object in
      // any look reaches past it, and every frame is exactly that size.
      if frame == 0 {
        let canvas = canvasTag(head)
        guard canvas != nil, svgs.allSatisfy({ canvasTag($0) == canvas }) else { return nil }
      }
      var picture: [UInt8] = []
      picture.reserveCapacity(svgs[0].count + head.count)
      picture += head[..<headSlots.firstSlot]
      for (slot, object) in order.objects.enumerated() {
        let sample = looks.sample(showing: object, inFrame: frame)
        picture += svgs[sample][slots[sample].slots[slot]]
      }
      picture += head[headSlots.tail...]
      return Data(picture)
    }
  }

  // MARK: Graphviz work (under the session lock)

  /// Renders one sample frame as the per-frame path would, without post-processing; `nil` when a
  /// label of it would be placed by Graphviz's global label placer (its position then depends on
  /// the other objects' labels, so its slot could not be reused).
  private static func renderSample(
    _ dot: String, using layout: FrameLayout, in graphviz: borrowing GraphvizContext
  ) throws(RenderError) -> [UInt8]? {
    var handle = try GraphHandle(parsing: dot, in: graphviz)
    let captionSize = try layout.captionSize(of: handle.graph, in: graphviz)
    try layout.pin(handle.graph, caption: captionSize)
    guard allLabelsArePinned(handle.graph) else { return nil }
    try handle.layOut(engine: "nop2", in: graphviz)
    return try handle.render(as: .svg, in: graphviz)
  }

  /// Renders the frame's root graph attributes alone on the shared canvas: the frame's head,
  /// background and caption, finished as the per-frame path finishes its SVG.
  private static func renderCaption(
    _ dot: String, using layout: FrameLayout, in graphviz: borrowing GraphvizContext
  ) throws(RenderError) -> [UInt8] {
    var handle = try GraphHandle(parsing: dot, in: graphviz)
    let captionSize = try layout.captionSize(of: handle.graph, in: graphviz)
    layout.pinCanvas(handle.graph, caption: captionSize)
    try handle.layOut(engine: "nop2", in: graphviz)
    let bytes = try handle.render(as: .svg, in: graphviz)
    return [UInt8](SVGPostProcessor.finish(bytes, graph: handle.graph))
  }

  private static func allLabelsArePinned(_ graph: UnsafeMutablePointer<Agraph_t>) -> Bool {
    func has(_ name: String, _ object: UnsafeMutableRawPointer) -> Bool {
      guard let value = lucid_agget(object, name) else { return false }
      return value.pointee != 0
    }
    let nodes = GraphObjects.nodes(of: graph)
    for node in nodes where has("xlabel", node) && !has("xlp", node) { return false }
    for edge in GraphObjects.edges(of: graph, nodes: nodes) {
      for (label, position) in FrameLayout.labelPositionAttributes where has(label, edge) && !has(position, edge) {
        return false
      }
    }
    return true
  }

  /// The `<svg …>` tag and the top-level group's opening tag, which carry the canvas size and
  /// transform: from `<svg` to the end of the first `<g …>` tag.
  private static func canvasTag(_ svg: [UInt8]) -> ArraySlice<UInt8>? {
    let svgTag = Array("<svg".utf8)
    let groupTag = Array("<g".utf8)
    guard let start = ByteSearch.firstIndex(of: svgTag, in: svg[...]),
      let group = ByteSearch.firstIndex(of: groupTag, in: svg[start...]),
      let end = svg[group...].firstIndex(of: UInt8(ascii: ">"))
    else { return nil }
    return svg[start...end]
  }

  /// Slots that refer to numbered definitions (gradients, clip paths) can't move between documents.
  private static func isReusable(_ svg: [UInt8], _ slots: SVGSlots) -> Bool {
    ByteSearch.firstIndex(of: Array("url(#".utf8), in: svg[slots.firstSlot..<slots.tail]) == nil
  }
}

extension FrameAtlas {
  /// The distinct looks of every object across a sequence, and which sample frame shows each.
  struct Looks {
    /// For each owner, its looks in order of first appearance; a look is the owner's attribute
    /// lists, each ended by a NUL byte (which the scanner never lets into DOT text).
    private var looks: [[[UInt8]]]
    /// For each frame and owner, the index of the owner's look in that frame.
    private var lookIndex: [[Int32]]
    /// The owner of each node and each edge.
    private let nodeOwners: [Int]
    private let edgeOwners: [Int]

    /// Attribute lists that hide an object and drop its labels (one list, NUL-terminated).
    private static let hiddenNode = Array(" [style=invis, label=\"\", xlabel=\"\"]\0".utf8)
    private static let hiddenEdge = Array(
      " [style=invis, label=\"\", xlabel=\"\", headlabel=\"\", taillabel=\"\"]\0".utf8)

    /// How many sample frames show every look: the most looks any owner has.
    var sampleCount: Int { looks.reduce(1) { max($0, $1.count) } }

    init(_ sequence: ParsedSequence) {
      let template = sequence.templateSkeleton
      let ownerCount = template.ownerCount
      nodeOwners = template.nodeOwners
      edgeOwners = template.edges.map(\.owner)
      looks = Array(repeating: [], count: ownerCount)
      var known = [[LookKey: Int32]](repeating: [:], count: ownerCount)
      lookIndex = []
      lookIndex.reserveCapacity(sequence.frames.count)
      var previous = [Int32](repeating: -1, count: ownerCount)
      for (text, skeleton) in zip(sequence.texts, sequence.skeletons) {
        // Equal signatures: slot i of every frame belongs to the template's slot i's owner.
        var keys = [[UInt8]](repeating: [], count: ownerCount)
        for (slot, owned) in zip(skeleton.slots, template.slots) {
          keys[owned.owner] += text[slot.start..<slot.end]
          keys[owned.owner].append(0)
        }
        var indices = [Int32](repeating: 0, count: ownerCount)
        for owner in 0..<ownerCount {
          // Most objects look as they did in the previous frame: compare before hashing.
          let last = previous[owner]
          if last >= 0, looks[owner][Int(last)] == keys[owner] {
            indices[owner] = last
            continue
          }
          let key = LookKey(bytes: keys[owner])
          if let index = known[owner][key] {
            indices[owner] = index
          } else {
            let index = Int32(looks[owner].count)
            known[owner][key] = index
            looks[owner].append(keys[owner])
            indices[owner] = index
          }
          previous[owner] = indices[owner]
        }
        lookIndex.append(indices)
      }
    }

    /// The sample frame whose slot for `object` shows that object's look in frame `frame`.
    func sample(showing object: EmissionOrder.Object, inFrame frame: Int) -> Int {
      switch object {
      case .node(let node): Int(lookIndex[frame][nodeOwners[node]])
      case .edge(let edge): Int(lookIndex[frame][edgeOwners[edge]])
      case .fixed: 0
      }
    }

    /// Sample frame `index`: the template's text with each owner's attribute lists replaced by its
    /// look number `index`. An owner with fewer looks is drawn hidden and without labels: no frame
    /// uses that slot of this sample, and hidden objects cost Graphviz almost nothing.
    func sampleText(index: Int, of sequence: ParsedSequence) -> String {
      let template = sequence.texts[sequence.template]
      let skeleton = sequence.templateSkeleton
      var remaining = [ArraySlice<UInt8>](repeating: [], count: skeleton.ownerCount)
      var started = [Bool](repeating: false, count: skeleton.ownerCount)
      var isNodeOwner = [Bool](repeating: false, count: skeleton.ownerCount)
      for owner in skeleton.nodeOwners { isNodeOwner[owner] = true }
      var output: [UInt8] = []
      output.reserveCapacity(template.count + template.count / 4)
      var cursor = 0
      for slot in skeleton.slots {
        let owner = slot.owner
        if !started[owner] {
          started[owner] = true
          if index < looks[owner].count {
            remaining[owner] = looks[owner][index][...]
          } else {
            remaining[owner] = (isNodeOwner[owner] ? Self.hiddenNode : Self.hiddenEdge)[...]
          }
        }
        // The owner's next attribute list: its look up to the next NUL byte.
        let rest = remaining[owner]
        let end = rest.firstIndex(of: 0) ?? rest.endIndex
        let list = rest[rest.startIndex..<end]
        remaining[owner] = end < rest.endIndex ? rest[(end + 1)...] : []
        output += template[cursor..<slot.start]
        output += list.isEmpty ? [0x20] : Array(list)
        cursor = slot.end
      }
      output += template[cursor...]
      return String(decoding: output, as: UTF8.self)
    }
  }

  /// Bytes as a dictionary key, hashed in one call rather than byte by byte.
  private struct LookKey: Hashable {
    var bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }
}

/// A frame sequence parsed for ``FrameAtlas``: every frame's text and skeleton, all with the same
/// signature, and one frame (the template, normally the layout frame) with its nodes identified.
struct ParsedSequence: Sendable {
  /// The frames' DOT texts.
  let frames: [String]
  /// Their UTF-8 bytes.
  let texts: [[UInt8]]
  /// Their skeletons, without node identities (and, but for the template, without signatures: all
  /// were checked equal to the template's).
  let skeletons: [DOTSkeleton]
  /// The index of the template frame.
  let template: Int
  /// The template's skeleton with node identities.
  let templateSkeleton: DOTSkeleton

  /// Parses `frames`; `nil` unless every frame parses and all share one signature.
  init?(_ frames: [String], template: Int) {
    guard frames.indices.contains(template) else { return nil }
    let texts = frames.map { Array($0.utf8) }
    guard
      let identified = texts[template].withUnsafeBufferPointer({ DOTSkeleton($0, identifyingNodes: true) })
    else { return nil }
    var skeletons: [DOTSkeleton] = []
    skeletons.reserveCapacity(frames.count)
    for (index, text) in texts.enumerated() {
      if index == template {
        skeletons.append(identified)
        continue
      }
      guard var skeleton = text.withUnsafeBufferPointer({ DOTSkeleton($0, identifyingNodes: false) }),
        skeleton.signature == identified.signature, skeleton.slots.count == identified.slots.count
      else { return nil }
      skeleton.signature = []  // checked; a layout may keep the sequence for a long time
      skeletons.append(skeleton)
    }
    self.frames = frames
    self.texts = texts
    self.skeletons = skeletons
    self.template = template
    self.templateSkeleton = identified
  }

  /// The DOT text of a graph with frame `index`'s header and root graph attributes only: what its
  /// head, background and caption are drawn from.
  func captionGraph(_ index: Int) -> String {
    let text = texts[index]
    let skeleton = skeletons[index]
    var bytes = Array(text[..<skeleton.bodyStart])
    for range in skeleton.rootGraphStatements {
      bytes.append(0x0A)
      bytes += text[range]
    }
    bytes += Array("\n}\n".utf8)
    return String(decoding: bytes, as: UTF8.self)
  }
}
