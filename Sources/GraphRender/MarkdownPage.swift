import GraphExport

/// `README.md` of a lecture bundle: the title, links to the interactive page and the other files,
/// then every frame as an image with its caption, for course-notes sites and repository browsers.
///
/// All user text is escaped with ``DocumentEscaping/markdown(_:)`` and never starts a line.
struct MarkdownPage: Sendable {
  /// One frame of the page.
  struct Step: Sendable {
    /// The picture's path relative to the bundle, e.g. `frames/frame-000.svg`.
    var picture: String
    /// What the frame shows.
    var caption: GraphExport.Caption
    /// The frame's kind, which names the caption's second line.
    var kind: Frame.Kind
  }

  /// The page's title.
  var title: String
  /// The frames in order.
  var steps: [Step]
  /// The other files of the bundle to link to, as (label, relative path).
  var links: [(label: String, path: String)]

  /// The Markdown text.
  func markdown() -> String {
    var lines = ["# \(DocumentEscaping.markdown(title))", ""]
    lines.append(links.map { "[\($0.label)](\($0.path))" }.joined(separator: " · "))
    lines.append("")
    for (index, step) in steps.enumerated() {
      let heading = "Step \(index + 1) of \(steps.count): \(DocumentEscaping.markdown(step.caption.title))"
      lines.append("## \(heading)")
      lines.append("")
      lines.append("![\(heading)](\(step.picture))")
      lines.append("")
      if let detail = step.caption.detail, !detail.isEmpty {
        lines.append("*\(Self.detailLabel(step.kind)):* \(DocumentEscaping.markdown(detail))")
        lines.append("")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// What the caption's second line says for a frame of `kind`.
  static func detailLabel(_ kind: Frame.Kind) -> String {
    switch kind {
    case .start: "Leaves"
    case .forward: "Computes"
    case .seed: "Seed"
    case .backward: "Rule"
    case .end: "Result"
    }
  }
}
