import Foundation

/// The record a bundle writer keeps in its folder of the files it wrote there: `DIR/.lucid-bundle`,
/// one relative path per line under a header line.
///
/// It is what lets ``FrameBundleWriter`` and ``LectureBundleWriter`` write into a folder that holds
/// other things without ever replacing or deleting a file they did not create:
///
/// 1. Before anything is written, every file the run will write is checked: one that exists and is
///    not listed in the manifest is somebody else's, and the run is refused, naming it
///    (``RenderError/fileSystem(path:reason:)``). A damaged manifest is refused too.
/// 2. The manifest is rewritten (atomically) to list the old entries *and* the new files, so that a
///    run killed half-way still owns everything it may have left behind.
/// 3. The files are written, each atomically (see ``AtomicFile``).
/// 4. Files the manifest listed that this run did not write (the extra frames of an earlier, longer
///    sequence) are removed, as are temporary files of an interrupted run (`.NAME.UUID.tmp` next to a
///    listed `NAME`), and the manifest is rewritten to list exactly this run's files.
///
/// A folder therefore always holds, for every listed name, either the complete old file or the
/// complete new one, plus the user's own files, untouched.
struct BundleManifest {
  /// The manifest's file name inside the bundle folder.
  static let fileName = ".lucid-bundle"
  /// The first line of every manifest.
  static let header = "# lucid bundle: files written by the lucid tools, which may replace or remove them"

  /// The bundle folder.
  let directory: URL
  /// The paths listed before this run, relative to ``directory``.
  let previous: [String]
  /// The paths this run writes, relative to ``directory``, in writing order.
  let paths: [String]

  private var manifestURL: URL { directory.appendingPathComponent(Self.fileName) }

  /// Reads the manifest of `directory` (none yet is an empty list) and checks that none of `paths`
  /// is a file this tool did not write. Touches nothing.
  ///
  /// - Throws: ``RenderError/fileSystem(path:reason:)`` naming the first conflicting file, or the
  ///   manifest when it cannot be read or is not one.
  init(claiming paths: [String], in directory: URL) throws(RenderError) {
    self.directory = directory
    self.paths = paths
    let previous = try Self.read(directory.appendingPathComponent(Self.fileName))
    self.previous = previous
    let owned = Set(previous)
    for path in paths where !owned.contains(path) {
      let url = directory.appendingPathComponent(path)
      var status = stat()
      if lstat(url.path, &status) == 0 {
        throw .fileSystem(
          path: url.path,
          reason: "it exists and was not written by lucid (it is not listed in \(Self.fileName)); "
            + "move it away or choose another folder")
      }
    }
  }

  /// Step 2: records the old and the new paths, before the first file is written.
  func begin() throws(RenderError) {
    var union = previous
    let listed = Set(previous)
    union += paths.filter { !listed.contains($0) }
    try write(union)
  }

  /// Step 4: removes listed files this run did not write and leftovers of interrupted runs, then
  /// records exactly this run's files.
  func finish() throws(RenderError) {
    let current = Set(paths)
    for path in previous where !current.contains(path) {
      let url = directory.appendingPathComponent(path)
      if unlink(url.path) != 0 && errno != ENOENT { throw AtomicFile.failure(url, errno) }
    }
    removeTemporaries(of: Set(previous).union(current))
    try write(paths)
  }

  /// Removes `.NAME.UUID.tmp` files that ``AtomicFile`` left behind when a run was killed, for each
  /// listed `NAME`, in the folders the listed paths live in.
  private func removeTemporaries(of paths: Set<String>) {
    let names = Set(paths.map { ($0 as NSString).lastPathComponent }).union([Self.fileName])
    let folders = Set(paths.map { ($0 as NSString).deletingLastPathComponent })
    for folder in folders {
      let url = folder.isEmpty ? directory : directory.appendingPathComponent(folder, isDirectory: true)
      guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { continue }
      for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
        // `.NAME.` + 36-character UUID + `.tmp`
        let inner = entry.dropFirst().dropLast(4)
        guard inner.count > 38, let dot = inner.dropLast(36).lastIndex(of: "."),
          UUID(uuidString: String(inner[inner.index(after: dot)...])) != nil,
          names.contains(String(inner[..<dot]))
        else { continue }
        unlink(url.appendingPathComponent(entry).path)
      }
    }
  }

  private func write(_ list: [String]) throws(RenderError) {
    let text = ([Self.header] + list).joined(separator: "\n") + "\n"
    try AtomicFile.write(Data(text.utf8), to: manifestURL)
  }

  /// The listed paths, or none when there is no manifest yet.
  private static func read(_ url: URL) throws(RenderError) -> [String] {
    var status = stat()
    guard lstat(url.path, &status) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { return [] }
      throw AtomicFile.failure(url, errno)
    }
    guard (status.st_mode & S_IFMT) == S_IFREG, let data = FileManager.default.contents(atPath: url.path) else {
      throw .fileSystem(path: url.path, reason: "the bundle manifest is not a readable file")
    }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    guard lines.first == header else {
      throw .fileSystem(
        path: url.path, reason: "this is not a lucid bundle manifest; move it away or choose another folder")
    }
    let entries = Array(lines.dropFirst())
    // Only plain relative paths inside the folder are honoured, so a hand-edited manifest cannot make
    // the writer replace or remove anything outside it.
    for entry in entries {
      let components = entry.split(separator: "/", omittingEmptySubsequences: false)
      guard !entry.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
        !entry.unicodeScalars.contains(where: { $0.value < 0x20 })
      else {
        throw .fileSystem(
          path: url.path, reason: "the bundle manifest lists '\(entry)', which is not a path inside the folder")
      }
    }
    return entries
  }
}
