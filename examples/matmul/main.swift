// The seed's usage example: a matrix product and its gradients.
//
//   out = a · b        (2×2 · 2×2)
//   backward() seeds ∂L/∂out with ones, so L = Σ out.
//   ∂L/∂a = ∂L/∂out · bᵀ  and  ∂L/∂b = aᵀ · ∂L/∂out.
import Lucid

let a = Tensor([[1, 2], [3, 4]], requiresGrad: true)
let b = Tensor([[5, 6], [7, 8]], requiresGrad: true)
let out = a.matmul(b)
out.backward()
print(a.grad!)  // [[11, 15], [11, 15]]
print(b.grad!)  // [[4, 4], [6, 6]]
