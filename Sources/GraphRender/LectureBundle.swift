import Foundation

/// The files a ``LectureBundleWriter`` wrote.
public struct LectureBundle: Sendable, Equatable {
  /// The bundle's folder.
  public var directory: URL
  /// `graph.svg`: the final state of the graph (every value and gradient).
  public var graphImage: URL
  /// `graph.dot`: the DOT text of the final state.
  public var graphSource: URL
  /// `frames/frame-000.<ext>`, `frame-001.<ext>`, … in ``LectureBundleWriter/frameFormat``, in order.
  public var frames: [URL]
  /// `frames/frame-000.pdf`, … for the Beamer slides (the same as ``frames`` when PDF is the frame
  /// format); empty when PDF frames were not requested.
  public var pdfFrames: [URL]
  /// `trace.json`: the recorded trace, readable with `Trace(jsonData:)`.
  public var trace: URL
  /// `index.html`: the self-contained page that steps through the frames.
  public var webPage: URL
  /// `README.md`: every frame with its caption, for course notes.
  public var markdownPage: URL
  /// `slides.tex`: the Beamer fragment; `nil` when there are no PDF frames to show.
  public var slides: URL?
  /// `filmstrip.svg`: the chosen frames side by side.
  public var filmstripImage: URL
  /// `filmstrip.png`: the same filmstrip as a bitmap, for printed handouts.
  public var filmstripBitmap: URL

  /// Every written file, in the order above, each once (PDF frames are ``frames`` when that is
  /// their format).
  public var files: [URL] {
    [graphImage, graphSource] + frames + (pdfFrames == frames ? [] : pdfFrames)
      + [trace, webPage, markdownPage] + (slides.map { [$0] } ?? []) + [filmstripImage, filmstripBitmap]
  }
}
