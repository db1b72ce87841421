import Foundation
import Lucid
import Testing

@Suite("Grad mode")
struct GradModeTests {
  @Test("ops inside withNoGrad make constants: requiresGrad false, isLeaf true")
  func noGradMakesConstants() {
    let w = Tensor([1, 2], requiresGrad: true)
    #expect(isGradEnabled)
    let y = withNoGrad {
      #expect(!isGradEnabled)
      return (w * 2).exp().sum()
    }
    #expect(isGradEnabled)
    #expect(!y.requiresGrad)
    #expect(y.isLeaf)
    #expect(y.parents.isEmpty)
    #expect(Swift.abs(y.item() - (Foundation.exp(2.0) + Foundation.exp(4.0))) < 1e-4)
  }

  @Test("withGrad re-enables recording inside withNoGrad; scopes nest and end")
  func nesting() {
    let w = Tensor([1, 2], requiresGrad: true)
    let (inner, outer) = withNoGrad {
      let inner = withGrad { w * 2 }
      let outer = w * 2
      return (inner, outer)
    }
    #expect(inner.requiresGrad)
    #expect(!inner.isLeaf)
    #expect(!outer.requiresGrad)
    inner.sum().backward()
    #expect(w.grad?.scalars == [2, 2])
  }

  @Test("the scope ends even when the body throws")
  func throwingBody() {
    struct Oops: Error {}
    #expect(throws: Oops.self) {
      try withNoGrad { throw Oops() }
    }
    #expect(isGradEnabled)
  }

  @Test("an optimizer-style update under no-grad leaves the parameter a leaf")
  func update() {
    let w = Tensor([1, 2], requiresGrad: true, dtype: .float64)
    (w * w).sum().backward()
    let updated = withNoGrad { w - w.grad! * 0.1 }
    #expect(updated.scalars == [0.8, 1.6])
    #expect(updated.isLeaf)
    #expect(!updated.requiresGrad)
  }

  @Test("grad mode is per task: another task does not see this scope")
  func perTask() async {
    let seenInside = await withNoGrad {
      Task.detached { isGradEnabled }
    }.value
    #expect(seenInside)
  }
}
