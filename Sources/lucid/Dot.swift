import ArgumentParser
import GraphExport

/// `lucid dot`: the graph (or one frame) as Graphviz DOT.
struct Dot: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the computation graph, or one backprop frame, as Graphviz DOT.",
    discussion: """
      Example:
        lucid dot "tanh(w*x + b)" -i x=0.5 -i w=2 -i b=-1 | dot -Tsvg > graph.svg
        lucid dot "tanh(w*x + b)" -i x=0.5 -i w=2 -i b=-1 --step 6
      """)

  @OptionGroup var options: ExpressionOptions
  @OptionGroup var picture: PictureOptions

  @Option(help: "Print frame K (0 = start) instead of the final graph.")
  var step: Int?

  func run() throws {
    let program = try options.program()
    let (_, _, trace) = options.run(program)
    let frames = GraphExporter(options: picture.dotOptions).frames(for: trace)
    if let step {
      guard frames.indices.contains(step) else {
        throw ValidationError("--step \(step) is out of range: this graph has frames 0...\(frames.count - 1)")
      }
      print(frames[step].dot, terminator: "")
    } else {
      print(frames[frames.count - 1].dot, terminator: "")
    }
  }
}
