import Foundation
import GraphExport
import Lucid

/// Writes everything a lecture needs about one recorded trace into a folder:
///
/// ```
/// DIR/index.html              one self-contained page that steps through the frames
/// DIR/README.md               every frame with its caption, for course notes
/// DIR/slides.tex              a Beamer fragment: one overlay per frame
/// DIR/filmstrip.svg, .png     a few chosen frames side by side, for handouts
/// DIR/graph.svg, graph.dot    the final state
/// DIR/trace.json              the recorded trace
/// DIR/frames/frame-000.svg    one picture per frame, all with the same layout
/// DIR/frames/frame-000.pdf    the same pictures as PDF, for the slides
/// ```
///
/// ```swift
/// let recorder = TraceRecorder()
/// withObserver(recorder) {
///   let y = (w * x + b).tanh()
///   y.backward()
/// }
/// try LectureBundleWriter().write(recorder.trace, title: "One neuron", to: URL(fileURLWithPath: "neuron"))
/// ```
///
/// Like ``FrameBundleWriter``, the writer renders everything in memory first, so invalid input (a
/// filmstrip frame outside the sequence, a graph over the layout limits) leaves nothing behind; it
/// refuses a destination that is a file or cannot be written; it writes every file atomically and
/// never replaces or deletes a file it did not write: it lists its files in `DIR/.lucid-bundle`
/// (see ``BundleManifest``), refuses to start when one of its names is taken by a file that is not
/// listed, and removes listed files a new run no longer writes. `index.html` is written last, so a
/// page that exists has all its files next to it.
public struct LectureBundleWriter: Sendable {
  /// Draws the trace's frames as DOT; its theme also colours the pages.
  public var exporter: GraphExporter
  /// Lays out and renders the pictures.
  public var renderer: GraphRenderer
  /// The format of `frames/frame-NNN.<ext>`, the pictures `README.md` shows: SVG (the default) or
  /// PNG; PDF works too, but Markdown viewers do not display it. `index.html` and `filmstrip.svg`
  /// always embed SVG.
  public var frameFormat: ImageFormat
  /// Whether to write `frames/frame-NNN.pdf` and the `slides.tex` that shows them.
  public var includesPDFFrames: Bool
  /// The frames of `filmstrip.svg` and `filmstrip.png`.
  public var filmstrip: FilmstripSelection

  /// Creates a writer.
  ///
  /// - Parameters:
  ///   - exporter: Draws the frames; pass one with dark ``DOTOptions/theme`` for dark slides.
  ///   - renderer: Lays out and renders the pictures; its ``RenderOptions/rasterScale`` sets the
  ///     filmstrip PNG's resolution.
  ///   - frameFormat: The format of `frames/frame-NNN.<ext>`.
  ///   - includesPDFFrames: Whether to write PDF frames and `slides.tex`.
  ///   - filmstrip: The frames of the filmstrip.
  public init(
    exporter: GraphExporter = GraphExporter(), renderer: GraphRenderer = GraphRenderer(),
    frameFormat: ImageFormat = .svg, includesPDFFrames: Bool = true,
    filmstrip: FilmstripSelection = .automatic()
  ) {
    self.exporter = exporter
    self.renderer = renderer
    self.frameFormat = frameFormat
    self.includesPDFFrames = includesPDFFrames
    self.filmstrip = filmstrip
  }

  /// The title used when `write` is given an empty one.
  public static let defaultTitle = "Backpropagation, step by step"

  /// Writes the bundle.
  ///
  /// - Parameters:
  ///   - trace: The recorded computation, e.g. ``TraceRecorder/trace``.
  ///   - title: The heading of the page, the Markdown and the filmstrip; any text (it is escaped).
  ///   - directory: The bundle folder; created if missing. Its name is the default picture path of
  ///     `slides.tex`.
  /// - Returns: The written files.
  /// - Throws: ``RenderError/invalidArgument(_:)`` for a filmstrip frame outside the sequence,
  ///   ``RenderError/fileSystem(path:reason:)`` when `directory` is a file or cannot be written or
  ///   holds a file of one of the bundle's names that this writer did not write, and the rendering
  ///   errors of ``GraphRenderer``.
  @discardableResult
  public func write(_ trace: Trace, title: String, to directory: URL) throws(RenderError) -> LectureBundle {
    let framesDirectory = directory.appendingPathComponent("frames", isDirectory: true)
    try FrameBundleWriter.checkDestination(directory)
    try FrameBundleWriter.checkDestination(framesDirectory)
    // Everything that can fail on bad input happens here, before the file system is touched.
    let contents = try contents(
      of: trace, title: title, folderName: directory.standardizedFileURL.lastPathComponent)
    let manifest = try BundleManifest(claiming: contents.files.map(\.path), in: directory)
    try FrameBundleWriter.makeDirectory(directory)
    try FrameBundleWriter.makeDirectory(framesDirectory)
    try manifest.begin()
    for file in contents.files {
      try AtomicFile.write(file.data, to: directory.appendingPathComponent(file.path))
    }
    try manifest.finish()
    return contents.manifest(in: directory)
  }
}
