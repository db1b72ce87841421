import Foundation
import Lucid
import Testing

/// Whether every pair of `actual` and `expected` agrees within `tolerance` (absolute,
/// plus the same relative to `|expected|`).
func isClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9) -> Bool {
  actual.count == expected.count
    && zip(actual, expected).allSatisfy { Swift.abs($0 - $1) <= tolerance * (1 + Swift.abs($1)) }
}

/// A `Float64` tensor of standard normal samples.
func randomTensor(_ shape: [Int], seed: UInt64, requiresGrad: Bool = false) -> Tensor {
  Tensor.randn(shape, seed: seed, requiresGrad: requiresGrad, dtype: .float64)
}

/// The logistic function on one number.
func sigmoid(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }
