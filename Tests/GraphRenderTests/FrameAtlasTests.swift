import Foundation
import GraphExport
import Lucid
import Testing

@testable import GraphRender

extension GraphRenderTests {
  /// The sequence renderer splices frames from per-look sample renders; every spliced frame must be
  /// exactly what the per-frame path (a full `nop2` render of that frame) gives, so the per-frame path
  /// is the oracle here and the comparison is byte for byte.
  @Suite struct FrameAtlasChecks {
    let renderer = GraphRenderer()

    /// Renders `frames` both ways; returns whether the atlas took the sequence.
    @discardableResult
    func expectSpliceMatchesPerFrame(_ frames: [String], _ comment: Comment? = nil) throws -> Bool {
      let layout = try renderer.prepareLayout(for: frames)
      let spliced = FrameAtlas.render(frames, using: layout)
      let batch = try renderer.renderFrames(frames, using: layout, as: .svg)
      for (index, frame) in frames.enumerated() {
        let reference = try renderer.renderFrame(frame, using: layout, as: .svg)
        if let spliced {
          #expect(spliced[index] == reference, "frame \(index) \(comment.map { "\($0)" } ?? "")")
        }
        #expect(batch[index] == reference, "renderFrames, frame \(index) \(comment.map { "\($0)" } ?? "")")
      }
      return spliced != nil
    }

    @Test(arguments: [false, true])
    func handWrittenSequencesAreSplicedExactly(record: Bool) throws {
      #expect(try expectSpliceMatchesPerFrame(Fixtures.frames(record: record)))
    }

    @Test(arguments: [false, true])
    func exportedSequencesAreSplicedExactly(decorated: Bool) throws {
      var options = DOTOptions()
      if decorated {
        options.showLegend = true
        options.shadeGradients = true
        options.direction = .topToBottom
      }
      let exporter = GraphExporter(options: options)
      let neuron = exporter.frames(for: LectureFixtures.neuron()).map(\.dot)
      #expect(try expectSpliceMatchesPerFrame(neuron, "neuron"))
      let hostile = exporter.frames(for: LectureFixtures.neuron(names: LectureFixtures.hostileNames)).map(\.dot)
      #expect(try expectSpliceMatchesPerFrame(hostile, "hostile names"))
      let recorder = TraceRecorder()
      withObserver(recorder) {
        let a = Tensor([[1.0, 2], [3, 4]], requiresGrad: true, name: "a")
        let b = Tensor([[5.0, 6], [7, 8]], requiresGrad: true, name: "b")
        let out = a.matmul(b).named("out")
        out.sum().backward()
      }
      // Five frames with up to five looks per node: too short for the atlas to pay, rendered per frame.
      try expectSpliceMatchesPerFrame(exporter.frames(for: recorder.trace).map(\.dot), "matmul")
    }

    @Test func randomSequencesAreSplicedExactlyOrLeftToThePerFramePath() throws {
      var spliced = 0
      // LUCID_ATLAS_SEEDS=N runs a longer differential campaign.
      let count = ProcessInfo.processInfo.environment["LUCID_ATLAS_SEEDS"].flatMap { UInt64($0) } ?? 40
      let seeds: [UInt64] = Array(1...max(count, 2))
      for seed in seeds {
        var sequence = RandomSequence(seed: seed)
        let frames = sequence.frames()
        // `dot` gives up on a few of these tangles ("lost edge" with clusters and ranks); skip them.
        guard (try? renderer.prepareLayout(for: frames)) != nil else { continue }
        if try expectSpliceMatchesPerFrame(frames, "seed \(seed)") { spliced += 1 }
      }
      // Most generated sequences are inside the atlas's subset; make sure the test exercises it.
      #expect(spliced >= seeds.count / 2, "only \(spliced) of \(seeds.count) sequences were spliced")
      if ProcessInfo.processInfo.environment["LUCID_ATLAS_SEEDS"] != nil {
        print("spliced \(spliced) of \(seeds.count)")
      }
    }

    @Test(arguments: [
      ("strict graphs merge edges", "strict digraph { a -> b [color=%C] }"),
      ("the background changes", "digraph { bgcolor=%C; a -> b }"),
      ("gradient fills are numbered per document", "digraph { a [style=filled fillcolor=\"%C:white\"] }"),
      (
        "HTML anchors are numbered per process",
        "digraph { a [label=<<TABLE><TR><TD HREF=\"x\">%C</TD></TR></TABLE>>] }"
      ),
      ("an edge label is placed around the others", "digraph { a -> b [label=%C]; a -> c }"),
      ("the caption is inherited by a cluster", "digraph { label=%C; subgraph cluster_x { a } b -> a }"),
    ])
    func sequencesOutsideTheSubsetAreRenderedPerFrame(reason: String, template: String) throws {
      // The last frame (the layout frame) has no edge label, so an edge label elsewhere is unpinned.
      // Few distinct looks, so that only the reason named keeps the atlas out.
      let colors = ["red", "blue", "red", "blue", "red", "blue"]
      var frames = colors.map { template.replacingOccurrences(of: "%C", with: $0) }
      frames[frames.count - 1] = frames[frames.count - 1].replacingOccurrences(of: "[label=blue]", with: "")
      let layout = try renderer.prepareLayout(for: frames)
      #expect(FrameAtlas.render(frames, using: layout) == nil, "\(reason)")
      // Graphviz itself numbers gradients and HTML anchors differently in every render, so the
      // per-frame pictures are not reproducible byte for byte; the sequence must still render.
      let pictures = try renderer.renderFrames(frames, using: layout, as: .svg)
      #expect(pictures.count == frames.count)
      #expect(pictures.allSatisfy { (try? SVGDocument($0)) != nil })
    }

    /// Graph attributes that change how Graphviz orders, transforms or pages its SVG: each sequence
    /// is either spliced exactly or left to the per-frame path, never spliced wrongly.
    @Test(arguments: [
      "outputorder=edgesfirst", "outputorder=nodesfirst", "layers=\"a:b\"; layerselect=a", "rotate=90",
      "size=\"1,1\"", "ratio=fill; size=\"4,2!\"", "pad=1", "concentrate=true", "labelloc=t; labeljust=r",
      "page=\"1,1\"", "dpi=150", "splines=ortho", "center=true; margin=0.5", "forcelabels=true",
    ])
    func unusualGraphAttributesAreSplicedExactlyOrPerFrame(attributes: String) throws {
      let frames = (0..<6).map { index in
        let color = index % 2 == 0 ? "red" : "blue"
        return """
          digraph { \(attributes); label="step \(index)"
            a [color=\(color), xlabel="x"]; b; c [style=\(index % 3 == 0 ? "invis" : "solid")]
            a -> b [color=\(color)]; a -> c -> b; subgraph cluster_k { label=k; d -> b [penwidth=\(index % 2 + 1)] }
          }
          """
      }
      try expectSpliceMatchesPerFrame(frames, "\(attributes)")
    }

    @Test func bitmapsGoFrameByFrame() throws {
      let frames = Fixtures.frames()
      let layout = try renderer.prepareLayout(for: frames)
      let pictures = try renderer.renderFrames(frames, using: layout, as: .png)
      #expect(pictures.count == frames.count)
      #expect(pictures.allSatisfy { $0.starts(with: [0x89, 0x50, 0x4E, 0x47]) })
    }
  }

  @Suite struct DOTSkeletonChecks {
    @Test func nodesEdgesAndSlotsFollowGraphvizCreationOrder() throws {
      let dot = """
        digraph "g" {
          graph [label="cap", fontsize=12] node [shape=box]
          b -> "a" -> c:n [color=red]
          subgraph cluster_1 { label=inner; d [label="x"] }
          a [style=filled]; e
          "a" -> d -> b
        }
        """
      let skeleton = try #require(DOTSkeleton(dot))
      #expect(skeleton.nodeNames == ["b", "a", "c", "d", "e"])
      #expect(skeleton.edges.map { [$0.tail, $0.head] } == [[0, 1], [1, 2], [1, 3], [3, 0]])
      // One owner per node, one per edge statement; both edges of a chain share theirs.
      #expect(skeleton.edges[0].owner == skeleton.edges[1].owner)
      #expect(skeleton.edges[2].owner == skeleton.edges[3].owner)
      #expect(skeleton.ownerCount == 5 + 2)
      let slotTexts = skeleton.slots.map { String(dot.utf8.dropFirst($0.start).prefix($0.end - $0.start))! }
      #expect(slotTexts == [" [color=red]", " [label=\"x\"]", " [style=filled]", "", ""])
      #expect(skeleton.slots.map(\.owner)[2] == skeleton.nodeOwners[1])
      #expect(skeleton.rootGraphStatements.count == 1)
    }

    @Test func signaturesIgnoreAttributeListsAndTheCaptionOnly() throws {
      let base = try #require(DOTSkeleton("digraph { label=\"one\"; a -> b [color=red]; a [x=1] }"))
      let restyled = try #require(DOTSkeleton("digraph { label=\"two\"; a -> b; a [x=2, y=3] }"))
      let renamed = try #require(DOTSkeleton("digraph { label=\"one\"; a -> c [color=red]; a [x=1] }"))
      let attributed = try #require(DOTSkeleton("digraph { label=\"one\"; fontsize=9; a -> b; a [x=1] }"))
      #expect(base.signature == restyled.signature)
      #expect(base.signature != renamed.signature)
      #expect(base.signature != attributed.signature)
    }

    @Test(arguments: [
      "strict digraph { a }", "digraph { {a b} -> c }", "digraph { a -> {b c} }", "digraph { a -> b [key=1] }",
      "digraph { <b>a</b> }", "digraph { \"a\\\"b\" }", "digraph { a [label=\"\\G\"] }", "graph { a -> b }",
      "digraph { a -- b }", "digraph { a [color] }", "digraph { 1a }", "digraph { a } b", "digraph { a",
      "digraph { a [label=\"x]", "digraph { /* a }", "digraph { a @ b }", "digraph { a [label=<x<y>] }",
      "digraph { \"%p\" -> b }", "digraph { \"a\nb\" }", "digraph { a -> %b }",
    ])
    func textOutsideTheSubsetIsRefused(dot: String) {
      #expect(DOTSkeleton(dot) == nil)
    }

    @Test func commentsQuotesAndConcatenationAreUnderstood() throws {
      let dot = """
        # preprocessor line
        digraph G { // comment
          "x" + "y" [label="a // not a comment"] /* block */
          xy -> "z" -> "x" + "y"
        }
        """
      let skeleton = try #require(DOTSkeleton(dot))
      #expect(skeleton.nodeNames == ["xy", "z"])
      #expect(skeleton.edges.count == 2)
    }
  }

  @Suite struct SVGSlotChecks {
    @Test func graphvizSVGIsCutIntoOneSlotPerObject() throws {
      let frames = Fixtures.frames()
      let layout = try GraphRenderer().prepareLayout(for: frames)
      let svg = [UInt8](try GraphRenderer().renderFrame(frames[3], using: layout, as: .svg))
      let slots = try #require(SVGSlots(svg))
      // Every node and edge plus the two canvas anchors, no clusters.
      #expect(slots.slots.count == Fixtures.nodeCount + Fixtures.edgeCount + 2)
      #expect(slots.clusterCount == 0)
      let skeleton = try #require(DOTSkeleton(frames[3]))
      #expect(EmissionOrder(skeleton, clusterCount: 0).matches(slots, in: svg))
      // The slots tile the body: preamble + slots + tail is the document.
      var rebuilt = Array(svg[..<slots.firstSlot])
      for slot in slots.slots { rebuilt += svg[slot] }
      rebuilt += svg[slots.tail...]
      #expect(rebuilt == svg)
    }

    @Test func escapingMatchesGraphvizComments() {
      #expect(EmissionOrder.escaped("a->b") == "a&#45;&gt;b")
      #expect(EmissionOrder.escaped("x  y&amp;z&w") == "x &#160;y&amp;z&amp;w")
      #expect(EmissionOrder.escaped("<'\">") == "&lt;&#39;&quot;&gt;")
    }
  }
}

/// Random frame sequences for differential tests: varied names, statements, defaults, subgraphs,
/// ports, chains and per-frame looks, all valid DOT of one structure.
struct RandomSequence {
  private var random: SplitMix64
  private let directed: Bool

  init(seed: UInt64) {
    random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15)
    directed = seed % 5 != 0
  }

  private mutating func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
  private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

  mutating func frames() -> [String] {
    let names = [
      "a", "b2", "\"node 3\"", "\"δx\"", "\"a-b\"", "\"x&y\"", "\"<v>\"", "7", "\"p q  r\"", "_u", "\"it's\"",
      "\"tab\tc\"",
    ]
    let nodeCount = 4 + Int(random.next() % 6)
    let nodes = Array(names.prefix(nodeCount))
    let connector = directed ? "->" : "--"
    var edges: [(Int, [Int], String)] = []  // chain of node indices, ports
    for _ in 0..<(nodeCount + Int(random.next() % 4)) {
      let length = chance(25) ? 3 : 2
      let chain = (0..<length).map { _ in Int(random.next() % UInt64(nodeCount)) }
      let port = chance(15) ? pick([":n", ":s", ":e", ":w"]) : ""
      edges.append((edges.count, chain, port))
    }
    let useCluster = chance(40)
    let clusterHasLabel = chance(85)
    let useRankSubgraph = chance(30)
    let recordNodes = chance(30)
    let duplicateStatement = chance(50)
    let anonymous = chance(30)
    let clusterDefaults = chance(50)  // node defaults inside the cluster
    let edgeLabels = chance(25)  // on every frame, so the layout frame pins them
    let nodeXLabels = chance(20)
    let portLabels = chance(20)  // headlabel / taillabel on every frame
    let links = chance(20)
    let frameCount = 6 + Int(random.next() % 5)
    let fills = ["white", "\"#c8e6c9\"", "gold", "\"#ffd5d5\""]
    let edgeColors = ["gray40", "\"#e65100\"", "blue"]
    var looks: [[Int]] = []  // per frame, per node: look index
    for _ in 0..<frameCount { looks.append((0..<nodeCount).map { _ in Int(random.next() % 3) }) }
    var edgeLooks: [[Int]] = []
    for _ in 0..<frameCount { edgeLooks.append(edges.map { _ in Int(random.next() % 3) }) }

    let rootAttributes = chance(50) ? "  rankdir=LR; fontname=\"Helvetica\";" : "  graph [rankdir=TB, fontsize=11]"
    let captionStatement = chance(50)
    let captions = (0..<frameCount).map { _ in pick(["forward", "backward ∂L/∂a", "x < y & z", "one\\ltwo\\l"]) }
    return (0..<frameCount).map { frame in
      var lines: [String] = []
      lines.append("\(directed ? "digraph" : "graph") \(anonymous ? "" : "\"seq\"") {")
      lines.append(rootAttributes)
      let caption = "step \(frame + 1): " + captions[frame]
      lines.append(captionStatement ? "  label=\"\(caption)\"" : "  graph [label=\"\(caption)\"]")
      lines.append(
        "  node [fontname=\"Helvetica\" fontsize=10 style=filled fillcolor=white\(recordNodes ? " shape=record" : "")];"
      )
      lines.append("  /* defaults */ edge [color=gray40]")
      for (index, name) in nodes.enumerated() {
        let look = looks[frame][index]
        var attributes: [String] = []
        if look == 0 { attributes.append("style=invis") }
        attributes.append("fillcolor=\(fills[(look + index) % fills.count])")
        if recordNodes {
          attributes.append("label=\"{\(index)|data \(look)|grad \(look == 2 ? "1.5" : "—")}\"")
        } else if look == 2 {
          attributes.append("label=<<B>n\(index)</B><BR/>grad \(index)>")
        }
        if look == 1 && index % 2 == 0 { attributes.append("tooltip=\"t \(index) & <b>\"") }
        if nodeXLabels { attributes.append("xlabel=\"x\(look)\"") }
        if links && look > 0 { attributes.append("URL=\"https://example.org/?n=\(index)&l=\(look)\"") }
        let separator = index % 2 == 0 ? ", " : " "
        let inCluster = useCluster && index < 2
        if inCluster && index == 0 {
          lines.append("  subgraph cluster_box {\(clusterHasLabel ? " label=\"box\";" : "") color=gray")
          if clusterDefaults { lines.append("    node [shape=box, penwidth=2]") }
        }
        lines.append("  \(inCluster ? "  " : "")\(name) [\(attributes.joined(separator: separator))]")
        if inCluster && (index == 1 || nodeCount == 1) { lines.append("  }") }
      }
      if useRankSubgraph { lines.append("  { rank=same; \(nodes[nodeCount - 1]) \(nodes[nodeCount - 2]) }") }
      for (index, chain, port) in edges {
        let look = edgeLooks[frame][index]
        let style = look == 0 ? "style=invis" : "style=solid"
        let text = chain.map { nodes[$0] }.enumerated().map { $0.offset == 0 ? $0.element + port : $0.element }
        var extras = ""
        if edgeLabels { extras += " label=\"g\(look)\"" }
        if portLabels { extras += " headlabel=\"h\" taillabel=\"t\(look)\"" }
        lines.append(
          "  \(text.joined(separator: " \(connector) ")) [\(style) color=\(edgeColors[look]) penwidth=\(look + 1)\(extras)]"
        )
      }
      if duplicateStatement {
        lines.append("  \(nodes[0]) [color=\(looks[frame][0] == 1 ? "red" : "black")]")
      }
      lines.append("}")
      return lines.joined(separator: "\n")
    }
  }
}
