import Foundation

/// The files of a lecture bundle, rendered in memory: paths relative to the bundle folder and their
/// bytes, in the order they are written (pictures first, `index.html` last, so a page that exists
/// has all its files next to it).
struct LectureBundleContents: Sendable {
  /// One file.
  struct File: Sendable {
    /// The path inside the bundle, e.g. `frames/frame-000.svg`.
    var path: String
    /// The file's bytes.
    var data: Data
  }

  /// The files in writing order.
  var files: [File] = []
  /// The paths of the frames in the writer's frame format.
  var framePaths: [String] = []
  /// The paths of the PDF frames (the same as ``framePaths`` when PDF is the frame format).
  var pdfFramePaths: [String] = []

  /// Adds a file, unless one with that path is already there.
  mutating func add(_ path: String, _ data: Data) {
    guard !files.contains(where: { $0.path == path }) else { return }
    files.append(File(path: path, data: data))
  }

  /// The manifest of these files written into `directory`.
  func manifest(in directory: URL) -> LectureBundle {
    func url(_ path: String) -> URL { directory.appendingPathComponent(path) }
    let hasSlides = files.contains { $0.path == "slides.tex" }
    return LectureBundle(
      directory: directory, graphImage: url("graph.svg"), graphSource: url("graph.dot"),
      frames: framePaths.map(url), pdfFrames: pdfFramePaths.map(url), trace: url("trace.json"),
      webPage: url("index.html"), markdownPage: url("README.md"), slides: hasSlides ? url("slides.tex") : nil,
      filmstripImage: url("filmstrip.svg"), filmstripBitmap: url("filmstrip.png"))
  }
}
