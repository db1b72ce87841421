/// The words under (or over) a picture: which step it is and the rule applied.
public struct Caption: Sendable, Hashable {
  /// The step, e.g. `backward 3/7: tanh`.
  public var title: String
  /// A second line, e.g. the op's backward rule.
  public var detail: String?

  /// Creates a caption.
  public init(title: String, detail: String? = nil) {
    self.title = title
    self.detail = detail
  }
}
