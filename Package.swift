// swift-tools-version: 6.0
// Lucid for Swift: a small reverse-mode autodiff library and the tools to *see* backpropagation.
import PackageDescription

let package = Package(
  name: "Lucid",
  products: [
    .library(name: "Lucid", targets: ["Lucid"]),
    .executable(name: "lucid", targets: ["lucid"]),
    .library(name: "LucidNN", targets: ["LucidNN"]),
    .library(name: "GraphExport", targets: ["GraphExport"]),
    .library(name: "GraphRender", targets: ["GraphRender"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The autodiff core: Tensor, ops with their backward rules, the backward engine, observation.
    .target(name: "Lucid", dependencies: ["COpenBLAS"]),
    // CBLAS from OpenBLAS (Debian package libopenblas-dev), for matmul.
    .systemLibrary(
      name: "COpenBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    // Modules, losses, optimizers and toy data sets on top of Lucid.
    .target(name: "LucidNN", dependencies: ["Lucid"]),
    // The expression language of the `lucid` command: parser, shape checker, evaluator.
    .target(name: "LucidExpressions", dependencies: ["Lucid"]),
    // Trace / live graph -> Graphviz DOT text. Pure Swift.
    .target(name: "GraphExport", dependencies: ["Lucid"]),
    // Graphviz's C libraries (cgraph/gvc), Debian package libgraphviz-dev.
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    // The only Swift code that talks to Graphviz.
    .target(name: "GraphRender", dependencies: ["Lucid", "GraphExport", "CGraphviz"]),
    // The command-line tool: thin adapters over the libraries.
    .executableTarget(
      name: "lucid",
      dependencies: [
        "Lucid", "LucidExpressions", "GraphExport", "GraphRender",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Benchmarks: `swift run -c release lucid-bench [--filter NAME] [--quick]`.
    .executableTarget(name: "lucid-bench", dependencies: ["Lucid", "GraphExport", "GraphRender"]),

    // Examples a teacher would copy.
    .executableTarget(name: "matmul", dependencies: ["Lucid", "GraphRender"], path: "examples/matmul"),
    .executableTarget(name: "broadcasting", dependencies: ["Lucid", "GraphRender"], path: "examples/broadcasting"),
    .executableTarget(name: "slicing", dependencies: ["Lucid", "GraphRender"], path: "examples/slicing"),
    .executableTarget(name: "fan-out", dependencies: ["Lucid", "GraphRender"], path: "examples/fan-out"),
    .executableTarget(name: "hooks", dependencies: ["Lucid", "GraphRender"], path: "examples/hooks"),
    .executableTarget(
      name: "mlp", dependencies: ["Lucid", "LucidNN", "GraphExport", "GraphRender"], path: "examples/mlp"),
    .executableTarget(name: "neuron", dependencies: ["Lucid", "GraphRender"], path: "examples/neuron"),

    .testTarget(name: "LucidTests", dependencies: ["Lucid"]),
    .testTarget(name: "LucidNNTests", dependencies: ["LucidNN"]),
    .testTarget(name: "LucidExpressionsTests", dependencies: ["LucidExpressions"]),
    .testTarget(name: "LucidCLITests", dependencies: ["Lucid", "LucidExpressions"]),
    .testTarget(name: "GraphExportTests", dependencies: ["GraphExport"], exclude: ["Golden"]),
    .testTarget(name: "GraphRenderTests", dependencies: ["GraphRender"]),

    // Hardening (issue 10): the fuzz targets' shared checks and entry points (scripts/fuzz; built
    // normally they replay inputs: `swift run FuzzExpressions FILE...`), and the tests that replay
    // the seed corpus and every crash found, check limits, file safety, escaping and deep graphs.
    .target(name: "FuzzSupport", dependencies: ["Lucid", "LucidExpressions", "GraphExport"], path: "Fuzz/FuzzSupport"),
    .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
    .executableTarget(
      name: "FuzzExpressions", dependencies: ["FuzzSupport", "CLibFuzzer"], path: "Fuzz/FuzzExpressions"),
    .executableTarget(name: "FuzzDOT", dependencies: ["FuzzSupport", "CLibFuzzer"], path: "Fuzz/FuzzDOT"),
    .executableTarget(
      name: "FuzzFrames", dependencies: ["FuzzSupport", "GraphRender", "CLibFuzzer"], path: "Fuzz/FuzzFrames"),
    .testTarget(
      name: "HardeningTests",
      dependencies: ["Lucid", "LucidExpressions", "GraphExport", "GraphRender", "FuzzSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
