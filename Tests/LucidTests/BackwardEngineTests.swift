import Foundation
import Lucid
import Testing

@Suite("The backward engine on whole graphs")
struct BackwardEngineTests {
  @Test("x + x gives gradient 2")
  func selfAdd() {
    let x = Tensor([1, -2, 3], requiresGrad: true, dtype: .float64)
    (x + x).backward()
    #expect(x.grad?.scalars == [2, 2, 2])
    let y = Tensor(3, requiresGrad: true, dtype: .float64)
    (y * y * y).backward()
    #expect(y.grad?.item() == 27)
  }

  @Test("reuse: z = y² + y with y = 3x gives dz/dx = 3(2y + 1)")
  func reuse() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    let y = x * 3
    let z = y * y + y
    z.backward()
    #expect(x.grad?.scalars == [3 * (2 * 3 + 1), 3 * (2 * 6 + 1)])
  }

  @Test("diamond: d = (2a)(3a) = 6a², dd/da = 12a")
  func diamond() {
    let a = Tensor([1, -0.5], requiresGrad: true, dtype: .float64)
    let b = a * 2
    let c = a * 3
    let d = b * c
    d.backward()
    #expect(a.grad?.scalars == [12, -6])
  }

  @Test("h + f(h) with keepGrad on h: h.grad is exact, not double counted")
  func keepGradResidual() {
    let x = Tensor([0.3, -1.2], requiresGrad: true, dtype: .float64)
    let h = (x * 2).retainingGrad()
    let y = h + h.tanh()
    y.backward()
    let hv = x.scalars.map { 2 * $0 }
    let expectedH = hv.map { 1 + (1 - Foundation.tanh($0) * Foundation.tanh($0)) }
    expectClose(h.grad!.scalars, expectedH, rtol: 1e-15)
    expectClose(x.grad!.scalars, expectedH.map { 2 * $0 }, rtol: 1e-15)
    #expect(h.keepGrad)
    #expect(!h.isLeaf)
  }

  @Test("non-leaf gradients are released after backward unless keepGrad")
  func releaseNonLeafGrads() {
    let x = Tensor([1, 2], requiresGrad: true)
    let h = x * 2
    let k = Tensor([1, 2], requiresGrad: true, keepGrad: true) * 1
    let kept = (x * 3).named("kept")
    kept.keepGrad = true
    let y = (h + kept + k).sum()
    y.backward()
    #expect(h.grad == nil)
    #expect(y.grad == nil)
    #expect(kept.grad?.scalars == [1, 1])
    #expect(k.grad == nil)  // keepGrad on the leaf does not carry over to its result
    #expect(x.grad?.scalars == [5, 5])
  }

  @Test("the default seed is ones of the output's shape")
  func defaultSeed() {
    let x = Tensor([[1, 2], [3, 4]], requiresGrad: true, dtype: .float64)
    (x * x).backward()
    #expect(x.grad?.scalars == [2, 4, 6, 8])
  }

  @Test("a second backward accumulates into leaves (and kept non-leaves)")
  func secondBackward() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    let h = (x * x).retainingGrad()
    let y = h.sum()
    y.backward()
    #expect(x.grad?.scalars == [2, 4])
    y.backward()
    #expect(x.grad?.scalars == [4, 8])
    #expect(h.grad?.scalars == [2, 2])
    // A fresh graph over the same leaf accumulates too.
    (x * 10).sum().backward()
    #expect(x.grad?.scalars == [14, 18])
  }

  @Test("zeroGrad clears; the next backward starts from zero")
  func zeroGrad() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    (x * 3).sum().backward()
    x.zeroGrad()
    #expect(x.grad == nil)
    (x * 5).sum().backward()
    #expect(x.grad?.scalars == [5, 5])
    x.grad = nil
    #expect(x.grad == nil)
  }

  @Test("the gradient handed out is a copy: changing it does not change the leaf")
  func gradIsNotAliased() {
    let a = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    let b = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    let y = a + b
    y.backward()
    let ga = a.grad!
    a.grad = Tensor([100, 100], dtype: .float64)
    #expect(ga.scalars == [1, 1])
    #expect(b.grad?.scalars == [1, 1])
    y.backward()
    #expect(a.grad?.scalars == [101, 101])
    #expect(b.grad?.scalars == [2, 2])
  }

  @Test("an assigned gradient takes the tensor's dtype, and later backward adds to it")
  func assignedGradDtype() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float32)
    x.grad = Tensor([0.5, 0.25], dtype: .float64)
    #expect(x.grad?.dtype == .float32)
    (x * 2).backward()
    #expect(x.grad?.dtype == .float32)
    #expect(x.grad?.scalars == [2.5, 2.25])
  }

  @Test("detach stops the gradient")
  func detach() {
    let x = Tensor([2, 3], requiresGrad: true, dtype: .float64)
    let y = x * x.detach() + x
    y.backward()
    #expect(x.grad?.scalars == [3, 4])
  }

  @Test("the graph stays intact after backward (it can still be drawn)")
  func graphIntact() {
    let a = Tensor([1], requiresGrad: true)
    let b = a * 2
    let c = b.exp()
    c.backward()
    #expect(c.parents.first === b)
    #expect(b.parents.first === a)
    #expect(c.operation == .exp)
  }

  @Test("every node's backward runs once, after all its consumers")
  func orderAndCounts() {
    let x = Tensor([0.5], requiresGrad: true, dtype: .float64)
    let b = (x * 2).named("b")
    // A long path and a short path from b to the output.
    let c1 = b.tanh()
    let c2 = c1 * 3
    let c3 = c2.exp()
    let d = b * b
    let out = c3 + d
    var log: [String] = []
    for (name, t) in [("b", b), ("c1", c1), ("c2", c2), ("c3", c3), ("d", d), ("x", x)] {
      t.registerHook { _ in
        log.append(name)
        return nil
      }
    }
    out.backward()
    #expect(log.count == 6)
    #expect(Set(log).count == 6)
    let position = Dictionary(uniqueKeysWithValues: log.enumerated().map { ($1, $0) })
    #expect(position["c3"]! < position["c2"]!)
    #expect(position["c2"]! < position["c1"]!)
    #expect(position["c1"]! < position["b"]!)
    #expect(position["d"]! < position["b"]!)
    #expect(position["b"]! < position["x"]!)
    // The value, by hand: out = exp(3 tanh(2x)) + 4x².
    let t = Foundation.tanh(1.0)
    let expected = Foundation.exp(3 * t) * 3 * (1 - t * t) * 2 + 8 * 0.5
    expectClose(x.grad!.scalars, [expected], rtol: 1e-14)
  }

  @Test("only tensors that require grad enter the backward pass")
  func constantsSkipped() {
    let w = Tensor([1, 2], requiresGrad: true)
    let c = Tensor([3, 4])
    var constantHookCalls = 0
    c.registerHook { _ in
      constantHookCalls += 1
      return nil
    }
    (w * c).sum().backward()
    #expect(constantHookCalls == 0)
    #expect(c.grad == nil)
  }

  @Test("backward with an explicit gradient of another dtype converts it")
  func seedDtype() {
    let x = Tensor([1, 2], requiresGrad: true, dtype: .float32)
    (x * 2).backward(gradient: Tensor([0.5, 1], dtype: .float64))
    #expect(x.grad?.dtype == .float32)
    #expect(x.grad?.scalars == [1, 2])
  }

  @Test("a 1,000,000-op chain runs backward and deallocates without overflowing the stack")
  func millionOpChain() {
    // Both the topological sort and the teardown must be iterative: a recursive version
    // needs a million stack frames and crashes. (~6 s and ~650 MB in a debug build.)
    let n = 1_000_000
    let k = 1.0000001
    let x = Tensor(2, requiresGrad: true, dtype: .float64)
    weak var firstIntermediate: Tensor?
    do {
      var y = x * k
      firstIntermediate = y
      for _ in 1..<n { y = y * k }
      y.backward()
      // y = x·kⁿ, so dy/dx = kⁿ.
      expectClose([y.item()], [2 * Foundation.pow(k, Double(n))], rtol: 1e-9)
      expectClose(x.grad!.scalars, [Foundation.pow(k, Double(n))], rtol: 1e-9)
      #expect(firstIntermediate != nil)
    }
    // Dropping the root frees the whole chain.
    #expect(firstIntermediate == nil)
  }
}
