import Lucid
import Testing

@Suite("Gradient hooks")
struct HookTests {
  @Test("a hook fires exactly once per backward with the full gradient (both consumers)")
  func onceWithFullGradient() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    let h = x * 3
    var seen: [[Double]] = []
    h.registerHook { g in
      seen.append(g.scalars)
      return nil
    }
    let y = h * 2 + h * h  // ∂y/∂h = 2 + 2h
    y.backward()
    #expect(seen == [[2 + 6, 2 + 12]])
    #expect(x.grad?.scalars == [3 * 8, 3 * 14])
    y.backward()
    #expect(seen.count == 2)
    #expect(seen[1] == [8, 14])
  }

  @Test("a hook on a leaf sees the leaf's full gradient for this backward")
  func leafHook() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    var seen: [[Double]] = []
    x.registerHook { g in
      seen.append(g.scalars)
      return nil
    }
    (x + x * x).backward()
    #expect(seen == [[3, 5]])
    (x * 2).backward()
    #expect(seen == [[3, 5], [2, 2]])  // the new contribution, not the accumulated grad
    #expect(x.grad?.scalars == [5, 7])
  }

  @Test("a hook that clips the gradient changes what reaches the leaf")
  func clipping() {
    let x = Tensor([1, -2, 3], requiresGrad: true, dtype: .float64)
    let h = x * 10
    h.registerHook { g in
      Tensor(shape: g.shape, scalars: g.scalars.map { Swift.min(Swift.max($0, -1), 1) }, dtype: g.dtype)
    }
    (h * h).backward()  // ∂/∂h = 2h = [20, -40, 60] → clipped to [1, -1, 1]
    #expect(x.grad?.scalars == [10, -10, 10])
  }

  @Test("a hook on a leaf can replace its stored gradient")
  func leafReplacement() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    x.registerHook { g in g * 0 }
    (x * 5).backward()
    #expect(x.grad?.scalars == [0, 0])
  }

  @Test("removing the handle stops the hook; removing twice is harmless")
  func removal() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    var calls = 0
    let handle = x.registerHook { g in
      calls += 1
      return g * 100
    }
    let other = x.registerHook { _ in nil }
    (x * 1).backward()
    #expect(calls == 1)
    #expect(x.grad?.scalars == [100, 100])
    handle.remove()
    handle.remove()
    x.zeroGrad()
    (x * 1).backward()
    #expect(calls == 1)
    #expect(x.grad?.scalars == [1, 1])
    other.remove()
  }

  @Test("several hooks run in registration order, each seeing the previous result")
  func chaining() {
    let x = Tensor([1], requiresGrad: true, dtype: .float64)
    var order: [String] = []
    x.registerHook { g in
      order.append("first \(g.item())")
      return g + 1
    }
    x.registerHook { g in
      order.append("second \(g.item())")
      return g * 10
    }
    (x * 3).backward()
    #expect(order == ["first 3.0", "second 4.0"])
    #expect(x.grad?.item() == 40)
  }

  @Test("a replacement in another dtype is converted to the tensor's dtype")
  func replacementDtype() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float32)
    x.registerHook { g in Tensor([7, 8], dtype: .float64) }
    (x * 1).backward()
    #expect(x.grad?.dtype == .float32)
    #expect(x.grad?.scalars == [7, 8])
  }

  @Test("the handle does not keep the tensor alive and is safe after it is gone")
  func handleAfterDeinit() {
    var handle: HookHandle?
    weak var weakTensor: Tensor?
    do {
      let t = Tensor([1], requiresGrad: true)
      weakTensor = t
      handle = t.registerHook { _ in nil }
    }
    #expect(weakTensor == nil)
    handle?.remove()
  }
}
