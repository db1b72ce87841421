/// What an op records on its result: which op, its inputs, and its pullback.
///
/// The pullback maps the gradient arriving at the result to one contribution per
/// parent (already summed back to that parent's shape), or `nil` for a parent that needs
/// none. It captures only values (``NDArray``s, shapes, attributes), never a `Tensor`,
/// so the graph's only strong edges are `parents` and tearing it down stays iterative.
/// A class so that the backward engine reads it with one retain, not one per field.
final class Node {
  let operation: Op
  let attributes: [String: String]
  var parents: [Tensor]
  let pullback: (NDArray) -> [NDArray?]

  init(operation: Op, attributes: [String: String], parents: [Tensor], pullback: @escaping (NDArray) -> [NDArray?]) {
    self.operation = operation
    self.attributes = attributes
    self.parents = parents
    self.pullback = pullback
  }
}

extension Tensor {
  /// Makes a leaf (or constant) tensor and reports it to an active observer.
  static func leaf(
    _ value: NDArray, requiresGrad: Bool = false, keepGrad: Bool = false, name: String? = nil,
    isLiteral: Bool = false
  ) -> Tensor {
    let tensor = Tensor(value: value, requiresGrad: requiresGrad, keepGrad: keepGrad, name: name)
    tensor.isLiteral = isLiteral
    if let session = ScopeContext.current.session {
      _ = session.id(of: tensor)
    }
    return tensor
  }

  /// Wraps an op's result: records parents and pullback when gradients are wanted, and
  /// reports the step to an active observer. Every op goes through here.
  static func make(
    _ value: NDArray, _ operation: Op, _ parents: [Tensor], attributes: [String: String] = [:],
    pullback: @escaping (NDArray) -> [NDArray?]
  ) -> Tensor {
    let result = Tensor(value: value)
    let context = ScopeContext.current
    if context.gradEnabled && parents.contains(where: { $0.requiresGrad }) {
      result.requiresGrad = true
      result.node = Node(operation: operation, attributes: attributes, parents: parents, pullback: pullback)
    }
    if let session = context.session {
      session.reportForward(result, operation, parents, attributes)
    }
    return result
  }

  /// A constant of this tensor's dtype, used when a plain number meets a tensor.
  func constant(_ scalar: Double) -> Tensor {
    Tensor.literal(scalar, dtype: dtype)
  }

  /// A number written in an expression (`x * 2`) as a 0-d tensor that requires no grad.
  /// Observers report it as a ``LeafKind/constant`` and the pictures draw it as one.
  public static func literal(_ value: Double, dtype: DType = .float32) -> Tensor {
    Tensor.leaf(NDArray(scalar: value, dtype: dtype), isLiteral: true)
  }
}
