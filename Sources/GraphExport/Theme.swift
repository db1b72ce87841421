/// The colours of a picture. Colour encodes state: not yet computed, current, done.
public struct Theme: Sendable, Hashable {
  /// The theme's name (`light`, `dark`, `print`).
  public var name: String
  /// Page background.
  public var background: String
  /// Text and ordinary outlines.
  public var text: String
  /// Secondary text (row headings, shapes).
  public var muted: String
  /// Fill of parameters (leaves that require grad).
  public var parameterFill: String
  /// Fill of inputs (leaves without grad).
  public var inputFill: String
  /// Fill of constants written as numbers.
  public var constantFill: String
  /// Fill of intermediate results.
  public var valueFill: String
  /// Fill of the output (the root of backward).
  public var outputFill: String
  /// Fill of op nodes.
  public var opFill: String
  /// Outline and edge colour of the current step.
  public var current: String
  /// Fill of the current node.
  public var currentFill: String
  /// Outline of nodes whose backward has finished.
  public var done: String
  /// Edges carrying a gradient in a backward frame.
  public var gradientEdge: String
  /// Gradient-magnitude scale, from small to large.
  public var scale: [String]

  /// Dark text on white, soft fills.
  public static let light = Theme(
    name: "light", background: "white", text: "#1f2937", muted: "#6b7280", parameterFill: "#dbeafe",
    inputFill: "#f3f4f6", constantFill: "#ffffff", valueFill: "#ffffff", outputFill: "#dcfce7", opFill: "#fef3c7",
    current: "#dc2626", currentFill: "#fee2e2", done: "#16a34a", gradientEdge: "#dc2626",
    scale: ["#fff7ed", "#fed7aa", "#fdba74", "#fb923c", "#f97316"])

  /// Light text on a dark background, for dark slides.
  public static let dark = Theme(
    name: "dark", background: "#111827", text: "#e5e7eb", muted: "#9ca3af", parameterFill: "#1e3a8a",
    inputFill: "#374151", constantFill: "#1f2937", valueFill: "#1f2937", outputFill: "#14532d", opFill: "#78350f",
    current: "#f87171", currentFill: "#7f1d1d", done: "#4ade80", gradientEdge: "#f87171",
    scale: ["#431407", "#7c2d12", "#9a3412", "#c2410c", "#ea580c"])

  /// Greys only, for printed handouts: state shows as outline weight and style.
  public static let print = Theme(
    name: "print", background: "white", text: "black", muted: "#555555", parameterFill: "#e0e0e0",
    inputFill: "#f5f5f5", constantFill: "white", valueFill: "white", outputFill: "#cccccc", opFill: "#eeeeee",
    current: "black", currentFill: "#d0d0d0", done: "#404040", gradientEdge: "black",
    scale: ["#f0f0f0", "#d9d9d9", "#bdbdbd", "#969696", "#737373"])

  /// Every built-in theme.
  public static let all: [Theme] = [.light, .dark, .print]

  /// The built-in theme called `name`, if there is one.
  public static func named(_ name: String) -> Theme? {
    all.first { $0.name == name }
  }
}
