// Writes a file all-or-nothing: into a temporary file in the same folder, then renamed
// over the destination, so a reader (or a crashed run) never sees half a picture.
import Foundation

func writeAtomically(_ text: String, to url: URL) throws {
  let temporary = url.deletingLastPathComponent()
    .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
  do {
    try Data(text.utf8).write(to: temporary)
    guard rename(temporary.path, url.path) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
  } catch {
    try? FileManager.default.removeItem(at: temporary)
    throw error
  }
}
