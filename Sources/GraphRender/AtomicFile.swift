import Foundation

/// Writes files all-or-nothing: into a temporary file in the same folder, then renamed into place.
///
/// A failed write removes its temporary file, so a reader never sees a half-written file and a failed
/// run leaves nothing behind.
enum AtomicFile {
  /// Writes `data` to `url`, replacing an existing file of that name.
  static func write(_ data: Data, to url: URL) throws(RenderError) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(url, errno) }
    var written = 0
    var status: Int32 = 0
    data.withUnsafeBytes { buffer in
      while written < buffer.count {
        let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          status = errno
          return
        }
        written += result
      }
    }
    if close(descriptor) != 0, status == 0 { status = errno }
    if status == 0, rename(temporary.path, url.path) != 0 { status = errno }
    if status != 0 {
      unlink(temporary.path)
      throw failure(url, status)
    }
  }

  /// A ``RenderError/fileSystem(path:reason:)`` for `url` and the C error number `code`.
  static func failure(_ url: URL, _ code: Int32) -> RenderError {
    .fileSystem(path: url.path, reason: String(cString: strerror(code)))
  }
}
