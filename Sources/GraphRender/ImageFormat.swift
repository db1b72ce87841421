/// An output format, named as Graphviz names its output devices (`dot -T<name>`).
///
/// The common formats have static members; any other device the installation offers (see
/// ``GraphRenderer/availableFormats``) can be named with ``init(rawValue:)``.
public struct ImageFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The Graphviz device name, for example `"svg"` or `"png:cairo"`.
  public let rawValue: String

  /// Creates a format from a Graphviz device name.
  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// Scalable Vector Graphics: the best choice for web pages and slides.
  public static let svg = ImageFormat(rawValue: "svg")
  /// Portable Network Graphics, rendered at ``RenderOptions/rasterScale``.
  public static let png = ImageFormat(rawValue: "png")
  /// Portable Document Format, for LaTeX and Beamer.
  public static let pdf = ImageFormat(rawValue: "pdf")

  /// The file name extension for files in this format (the device name without a `:renderer` suffix).
  public var fileExtension: String {
    String(rawValue.prefix { $0 != ":" })
  }

  /// Whether the format is a bitmap, whose pixel density follows ``RenderOptions/rasterScale``.
  public var isRaster: Bool {
    ["png", "jpg", "jpeg", "jpe", "gif", "bmp", "tif", "tiff", "webp", "ico"].contains(fileExtension)
  }

  /// The device name.
  public var description: String { rawValue }
}
