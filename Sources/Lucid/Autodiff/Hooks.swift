/// A registered gradient hook; call ``remove()`` to unregister it.
public struct HookHandle {
  weak var tensor: Tensor?
  let id: Int

  /// Unregisters the hook. Safe to call more than once, or after the tensor is gone.
  public func remove() {
    tensor?.hooks.removeAll { $0.id == id }
  }
}

extension Tensor {
  /// Registers `hook` to run on this tensor's gradient during every backward pass.
  ///
  /// The hook runs once per ``backward(gradient:)``, with the tensor's **full**
  /// gradient (the sum of every consumer's contribution), before the gradient is
  /// stored or passed on. Like PyTorch (and unlike the Python Lucid this library grew
  /// from, whose hooks only observe), the hook **may replace the gradient**: return a
  /// tensor of the same shape to use it instead (e.g. to clip), or `nil` to leave the
  /// gradient unchanged. Several hooks run in registration order, each seeing the
  /// previous one's result.
  ///
  ///     let handle = h.registerHook { g in
  ///       print("∂L/∂h =", g)
  ///       return nil
  ///     }
  ///     handle.remove()
  @discardableResult
  public func registerHook(_ hook: @escaping (Tensor) -> Tensor?) -> HookHandle {
    let id = nextHookID
    nextHookID += 1
    hooks.append((id, hook))
    return HookHandle(tensor: self, id: id)
  }

  /// Runs the hooks on `gradient` and returns the gradient to use.
  func runHooks(_ gradient: NDArray, session: ObservationSession?) -> NDArray {
    if hooks.isEmpty { return gradient }
    var current = gradient
    for hook in hooks {
      let seen = current
      let replacement = hook.body(Tensor(value: seen))
      if let replacement {
        guard replacement.shape == shape else {
          fatalError(
            "[hook] a hook returned shape \(format(replacement.shape)) for a gradient of shape \(format(shape))")
        }
        current = replacement.value.converted(to: dtype)
      }
      session?.reportHook(self, gradient: seen, replacement: replacement.map { _ in current })
    }
    return current
  }
}
