import GraphExport

/// The colours and font of a bundle's pages, taken from the exporter's ``Theme`` so the page around
/// the pictures matches them (white for the light theme, dark grey for the dark one).
///
/// Theme values are user data that end up inside CSS and XML attributes, so each is checked against
/// a conservative colour syntax (`#1f2937`, `white`, `rgb(1, 2, 3)`) and replaced by the light
/// theme's value when it does not match.
struct PageStyle: Sendable, Equatable {
  /// Page background.
  var background: String
  /// Body text.
  var text: String
  /// Secondary text (the step counter, hints).
  var muted: String
  /// Highlights: focus rings, the slider, the play button.
  var accent: String
  /// The CSS `font-family` / Graphviz `fontname`.
  var fontFamily: String
  /// Whether the background is dark, so the browser draws dark form controls.
  var isDark: Bool

  /// The style of pages whose pictures were drawn with `options`.
  init(_ options: DOTOptions) {
    let theme = options.theme
    let fallback = Theme.light
    background = Self.color(theme.background, or: fallback.background)
    text = Self.color(theme.text, or: fallback.text)
    muted = Self.color(theme.muted, or: fallback.muted)
    accent = Self.color(theme.current, or: fallback.current)
    let font = options.fontName.filter { $0.isLetter || $0.isNumber || " ,-_".contains($0) }
    fontFamily = font.isEmpty ? "Arial,Liberation Sans,Helvetica,sans-serif" : font
    isDark = Self.luminance(background).map { $0 < 0.4 } ?? false
  }

  /// `value` when it is a plain colour, else `fallback`.
  static func color(_ value: String, or fallback: String) -> String {
    let allowed = value.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "#(),. %".unicodeScalars.contains($0))
    }
    return !value.isEmpty && value.count <= 40 && allowed ? value : fallback
  }

  /// The relative luminance (0 black … 1 white) of a `#rgb` or `#rrggbb` colour or of `white`/`black`.
  static func luminance(_ color: String) -> Double? {
    switch color.lowercased() {
    case "white": return 1
    case "black": return 0
    default: break
    }
    guard color.hasPrefix("#") else { return nil }
    var hex = String(color.dropFirst())
    if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
    guard hex.count >= 6, let value = UInt32(hex.prefix(6), radix: 16) else { return nil }
    let red = Double((value >> 16) & 0xFF) / 255
    let green = Double((value >> 8) & 0xFF) / 255
    let blue = Double(value & 0xFF) / 255
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
  }
}
