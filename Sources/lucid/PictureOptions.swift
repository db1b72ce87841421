import ArgumentParser
import GraphExport

/// How `dot` and `render` draw the graph.
struct PictureOptions: ParsableArguments {
  @Option(help: "Direction of the graph: lr (left to right) or tb (top to bottom).")
  var direction: DOTOptions.Direction = .leftToRight

  @Option(help: "Colours: light, dark or print (greys only).")
  var theme: ThemeOption = .light

  @Option(help: "Significant digits of the numbers shown (1-17).")
  var digits = 4

  @Flag(help: "Add a legend of node kinds.")
  var legend = false

  @Flag(help: "Shade value nodes by gradient magnitude.")
  var shade = false

  @Flag(help: "Hide values.")
  var hideValues = false

  @Flag(help: "Hide gradients.")
  var hideGrads = false

  func validate() throws {
    guard (1...17).contains(digits) else { throw ValidationError("--digits must be between 1 and 17, got \(digits)") }
  }

  var dotOptions: DOTOptions {
    var options = DOTOptions()
    options.direction = direction
    options.theme = theme.theme
    options.digits = digits
    options.showLegend = legend
    options.shadeGradients = shade
    options.showValues = !hideValues
    options.showGrads = !hideGrads
    return options
  }
}

extension DOTOptions.Direction: ExpressibleByArgument {}

/// `--theme` values.
enum ThemeOption: String, ExpressibleByArgument, CaseIterable {
  case light, dark, print

  var theme: Theme { Theme.named(rawValue)! }
}
