import Lucid
import Testing

@Suite("Printing tensors")
struct DescriptionTests {
  @Test("whole numbers print without .0, in nested rows")
  func wholeNumbers() {
    #expect(Tensor([[11, 15], [11, 15]]).description == "[[11, 15], [11, 15]]")
    #expect(Tensor([1, 2, 3]).description == "[1, 2, 3]")
    #expect(Tensor(5).description == "5")
    #expect(Tensor(-3, dtype: .float64).description == "-3")
    #expect(Tensor([[[1, 2]], [[3, 4]]]).description == "[[[1, 2]], [[3, 4]]]")
  }

  @Test("-0 prints as 0")
  func negativeZero() {
    #expect(Tensor([-0.0, 0, -1]).description == "[0, 0, -1]")
    #expect((-Tensor([0, 1])).description == "[0, -1]")
    #expect(formatScalar(-0.0) == "0")
  }

  @Test("fractions print with at most 8 significant digits (NumPy's precision)")
  func fractions() {
    #expect(Tensor([0.1, 2.5], dtype: .float32).description == "[0.1, 2.5]")
    #expect(Tensor([0.1, -2.25], dtype: .float64).description == "[0.1, -2.25]")
    #expect(Tensor(1.0 / 3, dtype: .float64).description == "0.33333333")
    #expect(Tensor(1.0 / 3, dtype: .float32).description == "0.33333334")
    #expect(Tensor(0.1 + 0.2, dtype: .float64).description == "0.3")
    #expect(Tensor(-2.0 / 3, dtype: .float64).description == "-0.66666667")
    #expect(Tensor(1e-5 / 3, dtype: .float64).description == "3.3333333e-06")
  }

  @Test("values within rounding of a whole number print as that number")
  func nearlyWhole() {
    #expect(Tensor([0.9999999999999996, 2.0000000000000004], dtype: .float64).description == "[1, 2]")
    // The seed example's gradients computed in Float32 print exactly.
    #expect(Tensor([[11, 15], [11, 15]], dtype: .float32).description == "[[11, 15], [11, 15]]")
  }

  @Test("special values")
  func specials() {
    let t = Tensor([.nan, .infinity, -.infinity], dtype: .float64)
    #expect(t.description == "[nan, inf, -inf]")
    #expect(formatScalar(1e20) == "1e+20")
    #expect(formatScalar(12_345_678) == "12345678")
    #expect(formatScalar(-4096) == "-4096")
  }

  @Test("empty tensors")
  func empty() {
    #expect(Tensor([Double]()).description == "[]")
    #expect(Tensor(shape: [2, 0], scalars: []).description == "[[], []]")
  }

  @Test("wide rows break after each row, aligned under the first")
  func wide() {
    let t = Tensor(shape: [2, 12], scalars: (0..<24).map { Double($0) + 0.125 }, dtype: .float64)
    let lines = t.description.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("[[0.125, 1.125"))
    #expect(lines[0].hasSuffix("11.125],"))
    #expect(lines[1].hasPrefix(" [12.125"))
    #expect(lines[1].hasSuffix("23.125]]"))
  }

  @Test("huge tensors are elided in the middle")
  func elided() {
    let t = Tensor(shape: [2000], scalars: (0..<2000).map(Double.init))
    #expect(t.description == "[0, 1, 2, ..., 1997, 1998, 1999]")
  }

  @Test("debugDescription adds shape, dtype and flags")
  func debug() {
    let t = Tensor([1, 2], requiresGrad: true, name: "w")
    #expect(t.debugDescription == "Tensor([1, 2], shape: [2], dtype: float32, name: w, requiresGrad: true)")
    let y = t * 2
    #expect(y.debugDescription.contains("op: multiply"))
  }
}
