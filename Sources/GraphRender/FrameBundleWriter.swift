import Foundation

/// Writes a graph and its frame sequence into a folder:
///
/// ```
/// DIR/graph.svg               the final state
/// DIR/graph.dot               its DOT text
/// DIR/frames/frame-000.svg    one picture per frame, all with the same layout
/// DIR/frames/frame-001.svg    …
/// ```
///
/// The folder may hold other files: the writer never replaces or deletes a file it did not write.
/// It lists what it wrote in `DIR/.lucid-bundle` (see ``BundleManifest``); a later run replaces only
/// listed files, refuses to start when one of its names is taken by a file that is not listed
/// (naming that file), and removes listed files it no longer writes (the extra frames of an
/// earlier, longer sequence). Every file is written atomically, so a killed run leaves each file
/// either complete and old or complete and new. All frames are parsed and checked before the first
/// file is written, so invalid DOT leaves the folder untouched.
public struct FrameBundleWriter: Sendable {
  /// The renderer that lays out and draws the pictures.
  public var renderer: GraphRenderer
  /// The format of the frame pictures; `graph.svg` is always SVG.
  public var frameFormat: ImageFormat

  /// Creates a writer.
  public init(renderer: GraphRenderer = GraphRenderer(), frameFormat: ImageFormat = .svg) {
    self.renderer = renderer
    self.frameFormat = frameFormat
  }

  /// The file name of frame `index` with extension `fileExtension`, zero-padded to three digits.
  public static func frameFileName(_ index: Int, fileExtension: String) -> String {
    let digits = String(index)
    return "frame-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + "." + fileExtension
  }

  /// Writes the bundle.
  ///
  /// - Parameters:
  ///   - graph: The DOT text of the final state, for `graph.svg` and `graph.dot` (laid out on its own).
  ///   - frames: The frames' DOT texts; see ``GraphRenderer/prepareLayout(for:layoutFrame:)``.
  ///   - directory: The bundle folder; created if missing.
  /// - Returns: The written files.
  /// - Throws: ``RenderError/fileSystem(path:reason:)`` when `directory` is a file or cannot be
  ///   written or holds a file of one of the bundle's names that this writer did not write, and the
  ///   rendering errors of ``GraphRenderer``.
  @discardableResult
  public func write(graph: String, frames: [String], to directory: URL) throws(RenderError) -> FrameBundle {
    let framesDirectory = directory.appendingPathComponent("frames", isDirectory: true)
    try Self.checkDestination(directory)
    try Self.checkDestination(framesDirectory)
    let frameNames = frames.indices.map { Self.frameFileName($0, fileExtension: frameFormat.fileExtension) }
    let manifest = try BundleManifest(
      claiming: frameNames.map { "frames/" + $0 } + ["graph.svg", "graph.dot"], in: directory)
    // Render everything that can fail on bad input before touching the file system.
    let graphImage = try renderer.render(graph, as: .svg)
    let layout = try renderer.prepareLayout(for: frames)
    try Self.makeDirectory(directory)
    try Self.makeDirectory(framesDirectory)
    try manifest.begin()
    let frameURLs = frameNames.map { framesDirectory.appendingPathComponent($0) }
    // Frames are written as they are made, so only one is held in memory. SVG sequences come from
    // the sequence renderer (each distinct look drawn once) when it takes them; otherwise, or if it
    // gives up part way, every frame is rendered on its own (rewriting any it already wrote).
    var spliced = false
    if frameFormat == .svg {
      spliced = try FrameAtlas.render(frames, using: layout) { (index, picture) throws(RenderError) in
        try AtomicFile.write(picture, to: frameURLs[index])
      }
    }
    if !spliced {
      for (index, frame) in frames.enumerated() {
        let picture: Data
        do throws(RenderError) {
          picture = try renderer.renderFrame(frame, using: layout, as: frameFormat)
        } catch {
          throw error.inFrame(index)
        }
        try AtomicFile.write(picture, to: frameURLs[index])
      }
    }
    let imageURL = directory.appendingPathComponent("graph.svg")
    let sourceURL = directory.appendingPathComponent("graph.dot")
    try AtomicFile.write(graphImage, to: imageURL)
    try AtomicFile.write(Data(graph.utf8), to: sourceURL)
    try manifest.finish()
    return FrameBundle(directory: directory, graphImage: imageURL, graphSource: sourceURL, frames: frameURLs)
  }

  /// Throws when `url` exists but is not a writable folder.
  static func checkDestination(_ url: URL) throws(RenderError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else {
      throw .fileSystem(path: url.path, reason: "a file of that name exists where a folder is needed")
    }
    guard access(url.path, W_OK | X_OK) == 0 else { throw AtomicFile.failure(url, errno) }
  }

  /// Creates `url` as a folder (with missing parents) unless it already is one, and checks that it
  /// can be written.
  static func makeDirectory(_ url: URL) throws(RenderError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      try checkDestination(url)
    } else {
      do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      } catch {
        throw .fileSystem(path: url.path, reason: Self.reason(error))
      }
    }
    guard access(url.path, W_OK | X_OK) == 0 else { throw AtomicFile.failure(url, errno) }
  }

  private static func reason(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return (error as NSError).localizedDescription
  }
}
