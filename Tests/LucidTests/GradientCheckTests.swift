import Foundation
import Lucid
import Testing

/// Every op against finite differences (Float64, random upstream gradients), and every
/// op in Float32 against its Float64 result.
@Suite("Finite-difference gradients of every op")
struct GradientCheckTests {
  @Test("gradcheck passes (Float64, random upstream)", arguments: OpCatalog.all)
  func gradcheckPasses(_ op: OpCase) {
    let inputs = zip(op.shapes, op.values()).map { Tensor(shape: $0, scalars: $1) }
    for seed: UInt64 in [42, 2024] {
      let result = gradcheck(inputs: inputs, upstreamSeed: seed, op.f)
      #expect(result.passed, "\(op.name) seed \(seed): \(result)")
      #expect(result.analytic.map(\.count) == op.shapes.map(elementCount))
    }
  }

  @Test("independent central differences agree with backward", arguments: OpCatalog.all)
  func handWrittenCentralDifference(_ op: OpCase) throws {
    let values = op.values(seed: 99)
    let outShape = op.f(zip(op.shapes, values).map { Tensor(shape: $0, scalars: $1, dtype: .float64) }).shape
    var rng = TestRandom(seed: 1234)
    let v = rng.values(elementCount(outShape), -1.5, 1.5)
    let (y, grads) = analyticGradient(op.shapes, values, upstream: v, op.f)
    #expect(y.dtype == .float64)
    let numeric = centralDifference(op.shapes, values, upstream: v, op.f)
    for (i, grad) in grads.enumerated() {
      let g = try #require(grad, "\(op.name): input \(i) has no gradient")
      #expect(g.shape == op.shapes[i], "\(op.name): gradient shape \(g.shape) vs input \(op.shapes[i])")
      #expect(g.dtype == .float64)
      expectClose(g.scalars, numeric[i], atol: 1e-6, rtol: 1e-5, "\(op.name) input \(i)")
    }
  }

  @Test("Float32 forward and gradients match Float64", arguments: OpCatalog.all)
  func float32MatchesFloat64(_ op: OpCase) throws {
    let values = op.values(seed: 5)
    let x64 = leaves(op.shapes, values, dtype: .float64)
    let x32 = leaves(op.shapes, values, dtype: .float32)
    let y64 = op.f(x64)
    let y32 = op.f(x32)
    #expect(y32.dtype == .float32, "\(op.name): result dtype \(y32.dtype)")
    #expect(y32.shape == y64.shape)
    expectClose(y32.scalars, y64.scalars, atol: 1e-5, rtol: 1e-5, "\(op.name) forward")

    var rng = TestRandom(seed: 77)
    let v = rng.values(y64.size, -1, 1)
    y64.backward(gradient: Tensor(shape: y64.shape, scalars: v, dtype: .float64))
    y32.backward(gradient: Tensor(shape: y32.shape, scalars: v, dtype: .float32))
    for i in x32.indices {
      let g32 = try #require(x32[i].grad)
      let g64 = try #require(x64[i].grad)
      #expect(g32.dtype == .float32, "\(op.name): gradient dtype \(g32.dtype)")
      expectClose(g32.scalars, g64.scalars, atol: 1e-4, rtol: 1e-4, "\(op.name) gradient \(i)")
    }
  }
}

/// Checks of `gradcheck` itself: it must agree with a hand-written check and must fail
/// on a wrong gradient.
@Suite("gradcheck itself")
struct GradCheckSelfTests {
  let shapes = [[2, 3], [3, 2]]
  let values: [[Double]] = [[0.5, -1, 2, 1.5, -0.25, 0.75], [1, -2, 0.5, 0.25, -1, 3]]
  let f: ([Tensor]) -> Tensor = { t in (t[0].matmul(t[1])).tanh() }

  @Test("its numeric and analytic parts equal an independent computation")
  func matchesIndependentComputation() {
    let inputs = zip(shapes, values).map { Tensor(shape: $0, scalars: $1) }
    let result = gradcheck(inputs: inputs, upstreamSeed: 11, f)
    #expect(result.passed)
    let v = Tensor.randn([2, 2], seed: 11, dtype: .float64).scalars
    let numeric = centralDifference(shapes, values, upstream: v, f)
    for i in 0..<2 { expectClose(result.numeric[i], numeric[i], atol: 1e-7, rtol: 1e-7) }
    let (_, grads) = analyticGradient(shapes, values, upstream: v, f)
    for i in 0..<2 { expectClose(result.analytic[i], grads[i]!.scalars, atol: 1e-12, rtol: 1e-12) }
  }

  @Test("it fails when a hook scales an intermediate gradient")
  func detectsWrongGradient() {
    let inputs = zip(shapes, values).map { Tensor(shape: $0, scalars: $1) }
    let result = gradcheck(inputs: inputs) { t in
      let h = t[0].matmul(t[1])
      h.registerHook { g in g * 1.01 }  // a wrong backward rule: 1% off
      return h.tanh()
    }
    #expect(!result.passed)
    #expect(result.maxAbsoluteError > 1e-4)
    #expect(result.description.contains("FAILED"))
  }

  @Test("it fails when the gradient is cut by detach")
  func detectsMissingContribution() {
    let result = gradcheck(inputs: [Tensor([0.5, -1.5, 2])]) { t in t[0].detach() * t[0] }
    #expect(!result.passed)
    // Analytic sees only one factor (x·v); numeric sees both (2x·v).
    for (a, n) in zip(result.analytic[0], result.numeric[0]) {
      #expect(isClose(2 * a, n, atol: 1e-6, rtol: 1e-6))
    }
  }

  @Test("it uses a random upstream gradient, not ones")
  func catchesRulesOnlyRightForOnes() {
    // Replacing the output gradient with ones is right only for the all-ones seed.
    let result = gradcheck(inputs: [Tensor([[1, 2], [3, 4]])]) { t in
      let y = t[0] * t[0]
      y.registerHook { g in Tensor.ones(g.shape, dtype: g.dtype) }
      return y
    }
    #expect(!result.passed)
  }

  @Test("a NaN gradient fails")
  func nanFails() {
    let result = gradcheck(inputs: [Tensor([1, 2])]) { t in
      let y = t[0] * 2
      y.registerHook { g in g * Double.nan }
      return y
    }
    #expect(!result.passed)
    #expect(result.maxAbsoluteError == .infinity)
  }
}
