import Foundation
import Lucid
import Testing

/// How an op's random inputs are drawn.
enum InputDomain: Sendable {
  /// Uniform in `[-2, 2)`.
  case any
  /// Uniform in `[0.5, 2)` (log, sqrt, pow bases, denominators).
  case positive
  /// `|x|` in `[0.2, 2)` with random signs (kinks at 0 stay outside the stencil).
  case awayFromZero
}

/// One differentiable op applied to random inputs: the table every op's Float64
/// finite-difference test and Float32 test runs over.
struct OpCase: Sendable, CustomTestStringConvertible {
  let name: String
  let shapes: [[Int]]
  let domains: [InputDomain]
  let f: @Sendable ([Tensor]) -> Tensor

  init(
    _ name: String, _ shapes: [[Int]], _ domains: [InputDomain]? = nil, _ f: @escaping @Sendable ([Tensor]) -> Tensor
  ) {
    self.name = name
    self.shapes = shapes
    self.domains = domains ?? shapes.map { _ in .any }
    self.f = f
  }

  var testDescription: String { name }

  /// Deterministic random input values, one array per input.
  func values(seed: UInt64 = 7) -> [[Double]] {
    var rng = TestRandom(seed: seed &+ UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFF))
    return zip(shapes, domains).map { shape, domain in
      let n = elementCount(shape)
      switch domain {
      case .any: return rng.values(n)
      case .positive: return rng.values(n, 0.5, 2)
      case .awayFromZero: return rng.awayFromZero(n)
      }
    }
  }
}

/// Every differentiable op of the core, with the broadcasting and shape variants that
/// take different code paths.
enum OpCatalog {
  static let all: [OpCase] =
    arithmetic + elementwise + reductions + linearAlgebra + shapeOps + indexing + softmax
    + composite

  static let arithmetic: [OpCase] = [
    OpCase("add same shape", [[2, 3], [2, 3]]) { $0[0] + $0[1] },
    OpCase("add row vector (2,3)+(3)", [[2, 3], [3]]) { $0[0] + $0[1] },
    OpCase("add column (3,1)+(1,4)", [[3, 1], [1, 4]]) { $0[0] + $0[1] },
    OpCase("add rank promotion (2,3,4)+(4)", [[2, 3, 4], [4]]) { $0[0] + $0[1] },
    OpCase("add (4)+(2,3,4) reversed", [[4], [2, 3, 4]]) { $0[0] + $0[1] },
    OpCase("add scalar tensor []+(2,3)", [[], [2, 3]]) { $0[0] + $0[1] },
    OpCase("add (2,1,4)+(3,1)", [[2, 1, 4], [3, 1]]) { $0[0] + $0[1] },
    OpCase("subtract (3,1)-(1,4)", [[3, 1], [1, 4]]) { $0[0] - $0[1] },
    OpCase("subtract (2,3)-[]", [[2, 3], []]) { $0[0] - $0[1] },
    OpCase("multiply (2,3)*(2,1)", [[2, 3], [2, 1]]) { $0[0] * $0[1] },
    OpCase("multiply same tensor twice", [[2, 3]]) { $0[0] * $0[0] },
    OpCase("divide (1,3)/(2,1)", [[1, 3], [2, 1]], [.any, .positive]) { $0[0] / $0[1] },
    OpCase("divide (2,3)/(3)", [[2, 3], [3]], [.any, .positive]) { $0[0] / $0[1] },
    OpCase("negate", [[2, 3]]) { -$0[0] },
    OpCase("pow tensor (2,3)**(3)", [[2, 3], [3]], [.positive, .any]) { $0[0] ** $0[1] },
    OpCase("pow free function", [[2, 2], [2, 2]], [.positive, .any]) { pow($0[0], $0[1]) },
    OpCase("pow scalar x**3", [[2, 3]]) { $0[0] ** 3 },
    OpCase("pow scalar x**2", [[5]]) { $0[0] ** 2 },
    OpCase("pow scalar x**2.5", [[5]], [.positive]) { $0[0] ** 2.5 },
    OpCase("pow scalar x**-1", [[5]], [.positive]) { pow($0[0], -1) },
    OpCase("pow 2**x", [[2, 3]]) { 2 ** $0[0] },
    OpCase("tensor + Double", [[2, 3]]) { $0[0] + 1.5 },
    OpCase("Double + tensor", [[2, 3]]) { 1.5 + $0[0] },
    OpCase("tensor - Double", [[2, 3]]) { $0[0] - 0.5 },
    OpCase("Double - tensor", [[2, 3]]) { 3 - $0[0] },
    OpCase("tensor * Double", [[2, 3]]) { $0[0] * -2.5 },
    OpCase("Double * tensor", [[2, 3]]) { 0.5 * $0[0] },
    OpCase("tensor / Double", [[2, 3]]) { $0[0] / 4 },
    OpCase("Double / tensor", [[2, 3]], [.positive]) { 2 / $0[0] },
  ]

  static let elementwise: [OpCase] = [
    OpCase("exp", [[2, 3]]) { $0[0].exp() },
    OpCase("exp free function", [[4]]) { exp($0[0]) },
    OpCase("log", [[2, 3]], [.positive]) { $0[0].log() },
    OpCase("log free function", [[4]], [.positive]) { log($0[0]) },
    OpCase("sqrt", [[2, 3]], [.positive]) { $0[0].sqrt() },
    OpCase("sqrt free function", [[4]], [.positive]) { sqrt($0[0]) },
    OpCase("tanh", [[2, 3]]) { $0[0].tanh() },
    OpCase("tanh free function", [[4]]) { tanh($0[0]) },
    OpCase("sigmoid", [[2, 3]]) { $0[0].sigmoid() },
    OpCase("sigmoid free function", [[4]]) { sigmoid($0[0]) },
    OpCase("relu", [[2, 3]], [.awayFromZero]) { $0[0].relu() },
    OpCase("relu free function", [[4]], [.awayFromZero]) { relu($0[0]) },
    OpCase("abs", [[2, 3]], [.awayFromZero]) { $0[0].abs() },
    OpCase("abs free function", [[4]], [.awayFromZero]) { abs($0[0]) },
  ]

  static let reductions: [OpCase] = [
    OpCase("sum all", [[2, 3]]) { $0[0].sum() },
    OpCase("sum axis 0", [[2, 3, 2]]) { $0[0].sum(axis: 0) },
    OpCase("sum axis 1", [[2, 3, 2]]) { $0[0].sum(axis: 1) },
    OpCase("sum axis -1 keepDims", [[2, 3]]) { $0[0].sum(axis: -1, keepDims: true) },
    OpCase("sum all keepDims", [[2, 3]]) { $0[0].sum(keepDims: true) },
    OpCase("sum free function", [[2, 3]]) { sum($0[0], axis: 1) },
    OpCase("mean all", [[2, 3]]) { $0[0].mean() },
    OpCase("mean axis 1", [[2, 3, 2]]) { $0[0].mean(axis: 1) },
    OpCase("mean axis 0 keepDims", [[4, 3]]) { mean($0[0], axis: 0, keepDims: true) },
    OpCase("max all", [[2, 3]]) { $0[0].max() },
    OpCase("max axis 0", [[3, 4]]) { $0[0].max(axis: 0) },
    OpCase("max axis -1 keepDims", [[2, 3, 4]]) { max($0[0], axis: -1, keepDims: true) },
    OpCase("min all", [[2, 3]]) { $0[0].min() },
    OpCase("min axis 1", [[2, 3, 4]]) { min($0[0], axis: 1) },
  ]

  static let linearAlgebra: [OpCase] = [
    OpCase("matmul 2-D (2,3)@(3,4)", [[2, 3], [3, 4]]) { $0[0].matmul($0[1]) },
    OpCase("matmul 1-D@2-D", [[3], [3, 4]]) { $0[0].matmul($0[1]) },
    OpCase("matmul 2-D@1-D", [[2, 3], [3]]) { $0[0].matmul($0[1]) },
    OpCase("matmul 1-D@1-D", [[5], [5]]) { matmul($0[0], $0[1]) },
    OpCase("matmul 3-D@3-D", [[2, 2, 3], [2, 3, 4]]) { $0[0].matmul($0[1]) },
    OpCase("matmul 3-D@2-D", [[2, 2, 3], [3, 4]]) { $0[0].matmul($0[1]) },
    OpCase("matmul 2-D@3-D", [[2, 3], [3, 3, 2]]) { $0[0].matmul($0[1]) },
    OpCase("matmul batch-1 broadcast (1,2,3)@(3,3,2)", [[1, 2, 3], [3, 3, 2]]) { $0[0].matmul($0[1]) },
    OpCase("matmul (3,2,3)@(1,3,2)", [[3, 2, 3], [1, 3, 2]]) { $0[0].matmul($0[1]) },
    OpCase("matmul 3-D@1-D", [[2, 2, 3], [3]]) { $0[0].matmul($0[1]) },
    OpCase("matmul 1-D@3-D", [[3], [2, 3, 2]]) { $0[0].matmul($0[1]) },
    OpCase("matmul x@x.T", [[2, 3]]) { $0[0].matmul($0[0].T) },
  ]

  static let shapeOps: [OpCase] = [
    OpCase("reshaped", [[2, 3]]) { $0[0].reshaped([3, 2]) },
    OpCase("reshaped -1", [[2, 3, 2]]) { $0[0].reshaped([-1, 4]) },
    OpCase("transposed()", [[2, 3]]) { $0[0].transposed() },
    OpCase("T 3-D", [[2, 3, 4]]) { $0[0].T },
    OpCase("transposed([1,2,0])", [[2, 3, 4]]) { $0[0].transposed([1, 2, 0]) },
    OpCase("squeezed", [[2, 1, 3, 1]]) { $0[0].squeezed() },
    OpCase("squeezed axis", [[2, 1, 3]]) { $0[0].squeezed(axis: 1) },
    OpCase("expandingDims", [[2, 3]]) { $0[0].expandingDims(at: -1) },
    OpCase("broadcasted (3,1)->(2,3,4)", [[3, 1]]) { $0[0].broadcasted(to: [2, 3, 4]) },
    OpCase("broadcasted []->(2,2)", [[]]) { $0[0].broadcasted(to: [2, 2]) },
    OpCase("concatenate axis 0", [[2, 3], [1, 3], [3, 3]]) { Tensor.concatenate($0, axis: 0) },
    OpCase("concatenate axis 1", [[2, 1], [2, 3]]) { $0[0].concatenated(with: [$0[1]], axis: 1) },
    OpCase("concatenate axis -1 3-D", [[2, 2, 1], [2, 2, 2]]) { concatenate($0, axis: -1) },
    OpCase("stack axis 0", [[2, 3], [2, 3]]) { Tensor.stack($0) },
    OpCase("stack axis 1", [[2, 3], [2, 3], [2, 3]]) { stack($0, axis: 1) },
    OpCase("stack axis -1", [[2, 3], [2, 3]]) { $0[0].stacked(with: [$0[1]], axis: -1) },
  ]

  static let indexing: [OpCase] = [
    OpCase("index int", [[3, 4]]) { $0[0][1] },
    OpCase("index negative int", [[3, 4]]) { $0[0][-1] },
    OpCase("index range", [[4, 3]]) { $0[0][1..<3] },
    OpCase("index closed and partial ranges", [[4, 5]]) { $0[0][...1, 2...] },
    OpCase("index .all, int", [[3, 4]]) { $0[0][.all, 1] },
    OpCase("index int, int", [[3, 4]]) { $0[0][2, -2] },
    OpCase("index step slice", [[7, 2]]) { $0[0].index([.slice(start: 1, end: nil, step: 2)]) },
    OpCase("index negative step", [[5, 3]]) { $0[0].index([.all, .slice(start: nil, end: nil, step: -1)]) },
    OpCase("index list with repeats", [[4, 2]]) { $0[0][[0, 0, 2, 0]] },
    OpCase("index two lists", [[3, 4]]) { $0[0][[2, 0, 2], [1, 1]] },
    OpCase("index 3-D mixed", [[3, 4, 5]]) {
      $0[0].index([.at(1), .slice(start: -3, end: nil, step: 1), .list([4, 0, 4])])
    },
  ]

  static let softmax: [OpCase] = [
    OpCase("softmax axis -1", [[2, 4]]) { $0[0].softmax() },
    OpCase("softmax axis 0", [[3, 2]]) { $0[0].softmax(axis: 0) },
    OpCase("softmax 3-D axis 1", [[2, 3, 2]]) { Lucid.softmax($0[0], axis: 1) },
    OpCase("logSoftmax axis -1", [[2, 4]]) { $0[0].logSoftmax() },
    OpCase("logSoftmax axis 0", [[3, 2]]) { Lucid.logSoftmax($0[0], axis: 0) },
  ]

  static let composite: [OpCase] = [
    OpCase("mlp tanh(x@w+b)", [[4, 3], [3, 2], [2]]) { ($0[0].matmul($0[1]) + $0[2]).tanh() },
    OpCase("cross-entropy-like", [[3, 4]]) { -($0[0].logSoftmax()[.all, 0]).mean() },
    OpCase("diamond a*b + a/(b*b+1)", [[2, 2], [2, 2]]) { $0[0] * $0[1] + $0[0] / ($0[1] * $0[1] + 1) },
  ]
}
