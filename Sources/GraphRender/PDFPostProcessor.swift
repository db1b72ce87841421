import Foundation

/// Makes cairo's PDFs reproducible: cairo 1.16 (Debian 12) stamps every PDF with the time
/// it was written and ignores `SOURCE_DATE_EPOCH`. When that variable is set (the
/// reproducible-builds convention, used by `scripts/gallery`), the stamp is replaced with
/// that time, written in the same number of bytes so the PDF's offsets stay valid.
enum PDFPostProcessor {
  static func finish(_ pdf: Data, environment: [String: String] = ProcessInfo.processInfo.environment) -> Data {
    guard let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) else { return pdf }
    let key = Array("/CreationDate (D:".utf8)
    guard let start = pdf.firstRange(of: key)?.upperBound else { return pdf }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMddHHmmss"
    let stamp = Array(formatter.string(from: Date(timeIntervalSince1970: epoch)).utf8)
    // Only rewrite the exact 14-digit form cairo writes.
    guard start + stamp.count <= pdf.endIndex,
      pdf[start..<(start + stamp.count)].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
    else { return pdf }
    var result = pdf
    result.replaceSubrange(start..<(start + stamp.count), with: stamp)
    return result
  }
}
