import Foundation
import GraphExport

/// A few chosen frames side by side, each under a heading, for one picture of the whole story:
/// a self-contained SVG (the frames nested as `<svg>` elements with their own `viewBox`) and, through
/// Graphviz itself, a PNG for printed handouts.
///
/// Frames of one sequence all have the same size. They are arranged in a grid whose number of
/// rows makes the whole picture closest to a landscape page (√2 : 1): tall, top-to-bottom graphs
/// end up in one or two rows, wide left-to-right graphs in two or three columns, so a printed page
/// stays readable.
struct Filmstrip: Sendable {
  /// One cell: a frame's picture and the heading above it.
  struct Cell: Sendable {
    /// The frame's SVG.
    var picture: EmbeddedSVG
    /// The heading, e.g. `Step 4 of 12`.
    var heading: String
  }

  /// The cells in reading order.
  var cells: [Cell]
  /// The line over the whole strip (the bundle's title).
  var title: String
  /// The page's colours and font, from the exporter's theme.
  var style: PageStyle

  /// Margin around the strip and gap between cells, in points.
  static let margin = 16.0
  static let gap = 24.0
  static let titleSize = 22.0
  static let headingSize = 15.0

  /// The size every frame is shown at: the largest frame (frames of a sequence are all the same).
  var pictureSize: (width: Double, height: Double) {
    (cells.map(\.picture.width).max() ?? 0, cells.map(\.picture.height).max() ?? 0)
  }

  /// The height of a cell's heading band.
  static var headingBand: Double { headingSize * 1.8 }
  /// The height of the title band.
  static var titleBand: Double { titleSize * 2 }

  /// The number of columns whose grid is closest to a landscape page. Rows are filled evenly (six
  /// frames become 3 × 2 or 2 × 3, never 5 + 1).
  var columns: Int {
    let (width, height) = pictureSize
    guard cells.count > 1, width > 0, height > 0 else { return max(cells.count, 1) }
    let target = 2.0.squareRoot()
    var best = cells.count
    var bestDistance = Double.infinity
    for rows in 1...cells.count {
      let columns = (cells.count + rows - 1) / rows
      let ratio = (Double(columns) * (width + Self.gap)) / (Double(rows) * (height + Self.headingBand + Self.gap))
      let distance = abs(log(ratio / target))
      if distance < bestDistance - 1e-9 {
        best = columns
        bestDistance = distance
      }
    }
    return best
  }

  /// The strip as one self-contained SVG document.
  func svg() -> Data {
    let (width, height) = pictureSize
    let columns = columns
    let rows = (cells.count + columns - 1) / columns
    let totalWidth = 2 * Self.margin + Double(columns) * width + Double(columns - 1) * Self.gap
    let totalHeight =
      2 * Self.margin + Self.titleBand
      + Double(rows) * (Self.headingBand + height) + Double(rows - 1) * Self.gap
    let font = DocumentEscaping.html(style.fontFamily)
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="no"?>
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
      width="\(format(totalWidth))pt" height="\(format(totalHeight))pt" \
      viewBox="0 0 \(format(totalWidth)) \(format(totalHeight))">
      <title>\(DocumentEscaping.html(title))</title>
      <rect width="100%" height="100%" fill="\(style.background)"/>
      <text x="\(format(Self.margin))" y="\(format(Self.margin + Self.titleSize))" \
      font-family="\(font)" font-size="\(format(Self.titleSize))" font-weight="bold" \
      fill="\(style.text)">\(DocumentEscaping.html(Self.fitted(title, width: totalWidth - 2 * Self.margin, size: Self.titleSize)))</text>

      """
    for (position, cell) in cells.enumerated() {
      let x = Self.margin + Double(position % columns) * (width + Self.gap)
      let y = Self.margin + Self.titleBand + Double(position / columns) * (Self.headingBand + height + Self.gap)
      let heading = Self.fitted(cell.heading, width: width, size: Self.headingSize)
      out += """
        <g class="filmstrip-cell" id="cell\(position)">
        <text x="\(format(x))" y="\(format(y + Self.headingSize))" font-family="\(font)" \
        font-size="\(format(Self.headingSize))" fill="\(style.text)">\(DocumentEscaping.html(heading))</text>
        <svg x="\(format(x))" y="\(format(y + Self.headingBand))" width="\(format(width))" \
        height="\(format(height))" viewBox="\(cell.picture.viewBox)" preserveAspectRatio="xMidYMin meet">
        \(cell.picture.prefixingIDs(with: "f\(position)-").content)</svg>
        </g>

        """
    }
    out += "</svg>\n"
    return Data(out.utf8)
  }

  /// The strip as a Graphviz graph whose one node is a table of `<IMG>` cells showing the PNG files
  /// at `images` (one per cell), each scaled into a cell of the frames' size in points.
  func dot(images: [URL]) -> String {
    let (width, height) = pictureSize
    let columns = columns
    var rows: [String] = []
    rows.append(
      "<TR><TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(format(Self.titleSize))\"><B>"
        + Escaping.html(title) + "</B></FONT></TD></TR>")
    for start in stride(from: 0, to: cells.count, by: columns) {
      let range = start..<min(start + columns, cells.count)
      var headings = ""
      var pictures = ""
      for position in range {
        let heading = Self.fitted(cells[position].heading, width: width, size: Self.headingSize)
        headings +=
          "<TD ALIGN=\"LEFT\" HEIGHT=\"\(format(Self.headingBand))\">"
          + "<FONT POINT-SIZE=\"\(format(Self.headingSize))\">\(Escaping.html(heading))</FONT></TD>"
        pictures +=
          "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(Int(width.rounded(.up)))\" HEIGHT=\"\(Int(height.rounded(.up)))\">"
          + "<IMG SRC=\"\(Escaping.html(images[position].path))\" SCALE=\"TRUE\"/></TD>"
      }
      rows.append("<TR>\(headings)</TR>")
      rows.append("<TR>\(pictures)</TR>")
    }
    return """
      digraph filmstrip {
        bgcolor=\(Escaping.quoted(style.background)); pad=0.2; margin=0;
        node [shape=plaintext margin=0 fontname=\(Escaping.quoted(style.fontFamily)) fontcolor=\(Escaping.quoted(style.text))];
        strip [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="\(Int(Self.gap / 2))" CELLPADDING="0">
      \(rows.joined(separator: "\n"))
      </TABLE>>];
      }
      """
  }

  /// `text`, cut short with `…` when it would not fit `width` points at font size `size`
  /// (estimated at 0.55 em per character, generous for proportional sans-serif fonts).
  static func fitted(_ text: String, width: Double, size: Double) -> String {
    let limit = max(8, Int(width / (size * 0.55)))
    guard text.count > limit else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }

  private func format(_ value: Double) -> String {
    String(format: "%.2f", value)
  }
}
