/// Finding byte strings in rendered documents (Graphviz's SVG is ASCII markup around UTF-8 text).
enum ByteSearch {
  /// The index (in `bytes`' own indices) where `needle` first occurs, or `nil`.
  static func firstIndex(of needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count else { return nil }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      var position = 0
      let last = buffer.count - needle.count
      while position <= last {
        if buffer[position] == first, buffer[position..<position + needle.count].elementsEqual(needle) {
          return bytes.startIndex + position
        }
        position += 1
      }
      return nil
    }
  }
}
