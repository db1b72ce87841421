import ArgumentParser
import Foundation
import GraphExport
import GraphRender

/// `lucid render`: the graph and every backprop frame as pictures.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render the graph and every backprop frame into a folder.",
    discussion: """
      Writes DIR/graph.svg (the final state), DIR/graph.dot, DIR/frames/frame-000.svg, \
      frame-001.svg, ... (one per forward op and backward step, all with the same layout, plus \
      PDFs for the slides), DIR/index.html (a page that steps through the frames), \
      DIR/slides.tex (Beamer overlays), DIR/README.md, DIR/filmstrip.svg and .png, and \
      DIR/trace.json. Files it did not create are left alone.

      Example:
        lucid render "tanh(w1*x1 + w2*x2 + b)" -i x1=2 -i x2=0 -i w1=-3 -i w2=1 -i b=6.88 -o neuron
        lucid render "sum(a @ b)" -i a=[[1,2],[3,4]] -i b=[[5,6],[7,8]] -o matmul --format png --theme dark
      """)

  @OptionGroup var options: ExpressionOptions
  @OptionGroup var picture: PictureOptions

  @Option(name: [.short, .customLong("output")], help: "The folder to write into (created if missing).")
  var output: String

  @Option(help: "Frame format: svg, png or pdf.")
  var format: String = "svg"

  @Option(help: "The title of the stepper page and slides (default: the expression).")
  var title: String?

  @Option(help: "The most nodes (values and ops) a graph may have to be laid out.")
  var maxNodes = LayoutLimits().maxNodes

  @Option(help: "The most edges a graph may have to be laid out.")
  var maxEdges = LayoutLimits().maxEdges

  func validate() throws {
    guard ["svg", "png", "pdf"].contains(format) else {
      throw ValidationError("--format must be svg, png or pdf, got '\(format)'")
    }
    guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1, got \(maxNodes)") }
    guard maxEdges >= 0 else { throw ValidationError("--max-edges must be at least 0, got \(maxEdges)") }
  }

  func run() throws {
    let program = try options.program()
    let (_, _, trace) = options.run(program)
    let progress = Progress(total: trace.count)
    var renderOptions = RenderOptions()
    renderOptions.limits.maxNodes = maxNodes
    renderOptions.limits.maxEdges = maxEdges
    let writer = LectureBundleWriter(
      exporter: GraphExporter(options: picture.dotOptions), renderer: GraphRenderer(options: renderOptions),
      frameFormat: ImageFormat(rawValue: format))
    let bundle = try Self.namingTheFlags { () throws(RenderError) in
      try writer.write(trace, title: title ?? options.expression, to: URL(fileURLWithPath: output))
    }
    progress.finish()
    print("wrote \(bundle.frames.count) frames to \(bundle.directory.path)/ (open index.html to step through them)")
  }
}

extension Render {
  /// Runs `body`, turning a graph over the layout limits into an error that names the flag that
  /// raises the limit.
  static func namingTheFlags<T>(_ body: () throws(RenderError) -> T) throws(RenderError) -> T {
    do {
      return try body()
    } catch {
      guard case .graphTooLarge(let nodes, let edges, let limits) = error else { throw error }
      throw .invalidArgument(tooLarge(nodes: nodes, edges: edges, limits: limits))
    }
  }

  /// The one-line error for a graph over the layout limits, naming the limit and its flag.
  static func tooLarge(nodes: Int, edges: Int, limits: LayoutLimits) -> String {
    if nodes > limits.maxNodes {
      return "the graph has \(nodes) nodes, over the limit of \(limits.maxNodes) for laying it out "
        + "(raise it with --max-nodes; layout time grows quickly with size)"
    }
    return "the graph has \(edges) edges, over the limit of \(limits.maxEdges) for laying it out "
      + "(raise it with --max-edges; layout time grows quickly with size)"
  }
}

/// A one-line progress note on stderr, only for an interactive terminal.
struct Progress {
  let total: Int
  let interactive = isatty(2) == 1

  init(total: Int) {
    self.total = total
    if interactive && total > 20 {
      FileHandle.standardError.write(Data("rendering \(total) recorded steps…".utf8))
    }
  }

  func finish() {
    if interactive && total > 20 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
