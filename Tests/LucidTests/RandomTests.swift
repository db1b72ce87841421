import Foundation
import Lucid
import Testing

@Suite("Seeded random tensors")
struct RandomTests {
  @Test("SplitMix64 matches the reference sequence")
  func referenceSequence() {
    var g = SplitMix64(seed: 0)
    #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(g.next() == 0x06C4_5D18_8009_454F)
  }

  @Test("randn and rand are pinned to SplitMix64 + Box–Muller (values computed independently)")
  func pinnedSequence() {
    // Reference computed outside Swift from the documented algorithm:
    // u = (next() >> 11)·2⁻⁵³; z = √(−2 ln(1 − u₁))·cos(2π u₂), one sample per two uniforms.
    let n = Tensor.randn([4], seed: 0, dtype: .float64).scalars
    expectClose(
      n, [-1.8839083333524405, 0.22760793546360525, -0.22143788059715477, 0.08341854419566393],
      atol: 1e-15, rtol: 1e-14)
    let u = Tensor.rand([3], seed: 0, dtype: .float64).scalars
    #expect(u == [0.8833108082136426, 0.43152799704850997, 0.026433771592597743])
  }

  @Test("the same seed gives the same numbers; different seeds differ")
  func reproducible() {
    let a = Tensor.randn([3, 4], seed: 7, dtype: .float64)
    let b = Tensor.randn([3, 4], seed: 7, dtype: .float64)
    let c = Tensor.randn([3, 4], seed: 8, dtype: .float64)
    #expect(a.scalars == b.scalars)
    #expect(a.scalars != c.scalars)
    #expect(Set(a.scalars).count == 12)
    let u = Tensor.rand([100], seed: 1)
    #expect(u.scalars == Tensor.rand([100], seed: 1).scalars)
    #expect(u.scalars != Tensor.rand([100], seed: 2).scalars)
  }

  @Test("Float32 samples are the Float64 samples rounded")
  func dtypes() {
    let a = Tensor.randn([10], seed: 3, dtype: .float64)
    let b = Tensor.randn([10], seed: 3, requiresGrad: true, dtype: .float32, name: "w")
    #expect(b.dtype == .float32)
    #expect(b.requiresGrad)
    #expect(b.name == "w")
    #expect(b.scalars == a.scalars.map { Double(Float($0)) })
  }

  @Test("10k randn samples have mean ≈ 0 and std ≈ 1")
  func normalMoments() {
    let x = Tensor.randn([10_000], seed: 123, dtype: .float64).scalars
    let mean = x.reduce(0, +) / Double(x.count)
    let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count - 1)
    #expect(Swift.abs(mean) < 0.04)  // 4 standard errors
    #expect(Swift.abs(variance.squareRoot() - 1) < 0.03)
    // Roughly 68% within one standard deviation.
    let within = Double(x.filter { Swift.abs($0) < 1 }.count) / Double(x.count)
    #expect(Swift.abs(within - 0.6827) < 0.02)
  }

  @Test("rand stays in its range with mean at the middle")
  func uniform() {
    let x = Tensor.rand([10_000], seed: 5, dtype: .float64).scalars
    #expect(x.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(Swift.abs(x.reduce(0, +) / 10_000 - 0.5) < 0.015)
    let y = Tensor.rand([1000], in: -3..<5, seed: 6, dtype: .float64).scalars
    #expect(y.allSatisfy { $0 >= -3 && $0 < 5 })
    #expect(y.min()! < -2.5)
    #expect(y.max()! > 4.5)
  }
}
