// swift-tools-version: 6.0
// Lucid for Swift: a small reverse-mode autodiff library and the tools to *see* backpropagation.
import PackageDescription

let package = Package(
  name: "Lucid",
  products: [
    .library(name: "Lucid", targets: ["Lucid"]),
    .library(name: "GraphExport", targets: ["GraphExport"]),
    .library(name: "GraphRender", targets: ["GraphRender"]),
  ],
  targets: [
    // The autodiff core: Tensor, ops with their backward rules, the backward engine, observation.
    .target(name: "Lucid"),
    // Trace / live graph -> Graphviz DOT text. Pure Swift.
    .target(name: "GraphExport", dependencies: ["Lucid"]),
    // Graphviz's C libraries (cgraph/gvc), Debian package libgraphviz-dev.
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    // The only Swift code that talks to Graphviz.
    .target(name: "GraphRender", dependencies: ["CGraphviz"]),

    // Examples a teacher would copy.
    .executableTarget(name: "matmul", dependencies: ["Lucid"], path: "examples/matmul"),

    .testTarget(name: "LucidTests", dependencies: ["Lucid"]),
    .testTarget(name: "GraphExportTests", dependencies: ["GraphExport"]),
    .testTarget(name: "GraphRenderTests", dependencies: ["GraphRender"]),
  ],
  swiftLanguageModes: [.v6]
)
