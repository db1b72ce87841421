import Lucid

extension Module {
  /// Every trainable tensor of this module and its descendants, with its dotted path
  /// (`layer0.weight`), depth first in declaration order.
  ///
  /// A tensor reached twice (a layer shared by two parents) is listed once, under the
  /// first path that reaches it, so an optimizer never updates it twice.
  public var namedParameters: [(name: String, tensor: Tensor)] {
    var seen = Set<ObjectIdentifier>()
    var result: [(name: String, tensor: Tensor)] = []
    func visit(_ module: any Module, prefix: String) {
      for (name, tensor) in module.localParameters where seen.insert(ObjectIdentifier(tensor)).inserted {
        result.append((prefix + name, tensor))
      }
      for (name, child) in module.children {
        visit(child, prefix: prefix + name + ".")
      }
    }
    visit(self, prefix: "")
    return result
  }

  /// Every trainable tensor of this module and its descendants, each once (see
  /// ``namedParameters``). Hand these to an optimizer.
  public var parameters: [Tensor] {
    namedParameters.map(\.tensor)
  }

  /// The total number of trainable scalars.
  public var parameterCount: Int {
    parameters.reduce(0) { $0 + $1.size }
  }

  /// Sets each parameter tensor's ``Tensor/name`` to its path in this module
  /// (`layer0.weight`), optionally under `prefix`, so graph pictures label it.
  ///
  /// Containers call this at the end of their initializer. Because an outer container
  /// is made after its parts, the outermost one names last and its full paths win.
  public func nameParameters(prefix: String = "") {
    let base = prefix.isEmpty ? "" : prefix + "."
    for (name, tensor) in namedParameters {
      tensor.name = base + name
    }
  }

  /// Clears the gradient of every parameter (call before each backward pass, since
  /// gradients accumulate).
  public func zeroGrad() {
    for tensor in parameters {
      tensor.zeroGrad()
    }
  }
}
