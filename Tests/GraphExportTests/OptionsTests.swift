import GraphExport
import Lucid
import Testing

@Suite("Options")
struct OptionsTests {
  private func neuronDOT(_ configure: (inout DOTOptions) -> Void) -> String {
    var options = DOTOptions()
    configure(&options)
    return GraphExporter(options: options).dot(for: recordNeuron())
  }

  @Test("direction sets rankdir")
  func direction() {
    #expect(neuronDOT { _ in }.contains("rankdir=LR"))
    #expect(neuronDOT { $0.direction = .topToBottom }.contains("rankdir=TB"))
  }

  @Test("values, grads and shapes can be hidden")
  func hiding() {
    let full = neuronDOT { _ in }
    #expect(full.contains(">data<") && full.contains(">grad<"))
    #expect(!neuronDOT { $0.showValues = false }.contains(">data<"))
    #expect(!neuronDOT { $0.showGrads = false }.contains(">grad<"))
    let matrix = GraphExporter().dot(for: recordMatmul())
    #expect(matrix.contains(">2×2<"))
    var options = DOTOptions()
    options.showShapes = false
    #expect(!GraphExporter(options: options).dot(for: recordMatmul()).contains(">2×2<"))
  }

  @Test("digits control the numbers shown")
  func digits() {
    #expect(neuronDOT { $0.digits = 3 }.contains(">0.707<"))
    #expect(neuronDOT { $0.digits = 6 }.contains(">0.707107<"))
  }

  @Test("themes change colours; print uses greys only", arguments: Theme.all)
  func themes(theme: Theme) {
    let dot = neuronDOT { $0.theme = theme }
    #expect(dot.contains("bgcolor=\"\(theme.background)\""))
    if theme.name == "print" {
      let colours = dot.matches(of: /#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/)
      #expect(!colours.isEmpty)
      #expect(colours.allSatisfy { $0.output.1 == $0.output.2 && $0.output.2 == $0.output.3 })
    }
  }

  @Test("font, legend and gradient shading")
  func extras() {
    #expect(neuronDOT { $0.fontName = "Courier" }.contains("fontname=\"Courier\""))
    let legend = neuronDOT { $0.showLegend = true }
    #expect(legend.contains("cluster_legend") && legend.contains("parameter"))
    let shaded = neuronDOT {
      $0.shadeGradients = true
      $0.showLegend = true
    }
    #expect(shaded.contains("legend_scale"))
    #expect(Theme.light.scale.contains { shaded.contains("fillcolor=\"\($0)\"") })
  }

  @Test("small tensors are grids, large ones summaries")
  func grids() {
    let small = GraphExporter().dot(for: Tensor([[1, 2], [3, 4]], name: "m"))
    #expect(small.contains(">1</TD>") && small.contains(">4</TD>"))
    let large = GraphExporter().dot(for: Tensor.ones([10, 10], name: "big"))
    #expect(large.contains(">min 1<") && large.contains(">max 1<") && large.contains(">‖·‖ 10<"))
  }
}

@Suite("Graphviz accepts the DOT", .enabled(if: dotCommand != nil, "the Graphviz `dot` command is not installed"))
struct DotCommandTests {
  @Test("every frame of the examples renders with dot -Tsvg")
  func allFramesRender() throws {
    var options = DOTOptions()
    options.showLegend = true
    options.shadeGradients = true
    for trace in [recordMatmul(), recordNeuron()] {
      for theme in Theme.all {
        options.theme = theme
        for frame in GraphExporter(options: options).frames(for: trace) {
          let result = try renderWithDotCommand(frame.dot)
          #expect(result.ok, "frame \(frame.index) (\(theme.name)): \(result.output)")
        }
      }
    }
  }
}
