/// An n-dimensional array that remembers how it was computed, so gradients can flow back.
///
/// A `Tensor` is a node of a computation graph. Leaves are made by you
/// (`Tensor([[1, 2], [3, 4]], requiresGrad: true)`); every op makes a new tensor that
/// records its parents and a backward rule. ``backward(gradient:)`` walks that graph in
/// reverse topological order and leaves each leaf's gradient in ``grad``.
///
/// `Tensor` is a class because graph nodes need identity (the same tensor used twice
/// must receive the sum of both gradients). It is **not thread-safe**: build and
/// differentiate a graph on one thread or task at a time.
public final class Tensor {
  /// The numeric value (shape + contiguous buffer).
  var value: NDArray
  /// How this tensor was computed; `nil` for leaves and constants.
  var node: Node?
  /// The accumulated gradient (leaves, and non-leaves with `keepGrad`).
  var gradValue: NDArray?
  /// Hooks run on this tensor's gradient during backward, in registration order.
  var hooks: [(id: Int, body: (Tensor) -> Tensor?)] = []
  var nextHookID = 0
  /// Scratch slot of the backward engine (position in the topological order).
  var topoIndex = -1
  /// Whether this leaf is a number written in an expression (`x * 2`).
  var isLiteral = false
  /// This tensor's id in the observation session that first saw it.
  var traceID = -1
  /// The session `traceID` belongs to; weak, so an ended session never aliases a new one.
  weak var traceSession: ObservationSession?

  /// Whether gradients should be computed for this tensor.
  ///
  /// Set it on leaves you want to differentiate with respect to. An op's result
  /// requires grad exactly when one of its inputs does and grad mode is on.
  public var requiresGrad: Bool

  /// Whether a non-leaf tensor keeps its gradient after ``backward(gradient:)``
  /// (PyTorch's `retain_grad()`). Leaves always keep theirs.
  public var keepGrad: Bool

  /// An optional label used by the graph pictures (e.g. `"w1"`).
  public var name: String? {
    didSet { ObservationSession.reportRename(of: self) }
  }

  init(value: NDArray, requiresGrad: Bool = false, keepGrad: Bool = false, name: String? = nil) {
    self.value = value
    self.requiresGrad = requiresGrad
    self.keepGrad = keepGrad
    self.name = name
  }

  /// Tears a long graph down iteratively: releasing the root of a million-op chain
  /// must not recurse a million deinits deep.
  deinit {
    guard var pending = node?.parents, !pending.isEmpty else { return }
    node = nil
    while var next = pending.popLast() {
      if isKnownUniquelyReferenced(&next), let parents = next.node?.parents {
        pending.append(contentsOf: parents)
        next.node = nil
      }
    }
  }
}

extension Tensor {
  /// The size of each axis; `[]` for a scalar.
  public var shape: [Int] { value.shape }

  /// The number of axes (`0` for a scalar).
  public var ndim: Int { value.shape.count }

  /// The number of elements.
  public var size: Int { value.count }

  /// The element type.
  public var dtype: DType { value.dtype }

  /// Whether this tensor was made by you rather than computed by an op.
  public var isLeaf: Bool { node == nil }

  /// The op that produced this tensor, or `nil` for a leaf.
  public var operation: Op? { node?.operation }

  /// The tensors this one was computed from, in argument order (empty for a leaf).
  public var parents: [Tensor] { node?.parents ?? [] }

  /// The op's attributes, such as `axis` or `exponent` (empty for a leaf).
  public var attributes: [String: String] { node?.attributes ?? [:] }

  /// The accumulated gradient of the last ``backward(gradient:)`` calls, or `nil`.
  ///
  /// Leaves accumulate across calls until ``zeroGrad()``; a non-leaf has one only with
  /// ``keepGrad``. Reading returns a new constant tensor holding a copy-on-write view of
  /// the gradient; assigning replaces it (assign `nil` to clear it). An assigned gradient
  /// must have this tensor's shape and is stored in this tensor's dtype.
  public var grad: Tensor? {
    get { gradValue.map { Tensor(value: $0) } }
    set {
      if let newValue, newValue.shape != shape {
        fatalError("[grad] gradient shape \(format(newValue.shape)) does not match tensor shape \(format(shape))")
      }
      gradValue = newValue?.value.converted(to: dtype)
    }
  }

  /// The elements in row-major order, widened to `Double`.
  public var scalars: [Double] { value.doubles }

  /// The value of a one-element tensor. Stops with a message for larger tensors.
  public func item() -> Double {
    guard size == 1 else {
      fatalError("[item] only one-element tensors have an item, this one has shape \(format(shape))")
    }
    return value[flat: 0]
  }

  /// Clears the accumulated gradient.
  public func zeroGrad() {
    gradValue = nil
  }

  /// Keeps this non-leaf tensor's gradient after backward (PyTorch's `retain_grad()`),
  /// and returns `self` so it can be chained.
  @discardableResult
  public func retainingGrad() -> Tensor {
    keepGrad = true
    return self
  }

  /// Sets ``name`` and returns `self`, for chaining: `let h = (x * w).named("h")`.
  @discardableResult
  public func named(_ name: String) -> Tensor {
    self.name = name
    return self
  }

  /// A new leaf with the same value that is cut from the graph and requires no grad.
  public func detach() -> Tensor {
    Tensor.leaf(value, requiresGrad: false, name: name)
  }
}
