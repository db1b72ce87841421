import Foundation

/// Every differentiable operation, with the name a graph shows and its backward rule.
///
/// This is the one place that defines how an op is called and how its gradient is
/// explained to a student; the graph pictures and the recorded trace read both from here.
/// In the rules, `∂L/∂out` is the gradient arriving from the op's output, `⊙` and `⊘`
/// are elementwise product and quotient, and `·` is a matrix product.
public enum Op: String, Sendable, Hashable, Codable, CaseIterable {
  /// `a + b`, broadcast.
  case add
  /// `a - b`, broadcast.
  case subtract
  /// `a * b` elementwise, broadcast.
  case multiply
  /// `a / b` elementwise, broadcast.
  case divide
  /// `-x`.
  case negate
  /// `a ** b` with a tensor exponent, broadcast.
  case power
  /// `x ** k` with a constant exponent `k` (attribute `exponent`).
  case powerScalar
  /// `exp(x)`.
  case exp
  /// Natural logarithm.
  case log
  /// Square root.
  case sqrt
  /// Hyperbolic tangent.
  case tanh
  /// Logistic sigmoid `1 / (1 + e^−x)`.
  case sigmoid
  /// `max(x, 0)`.
  case relu
  /// `|x|`.
  case abs
  /// Sum over all elements or one axis.
  case sum
  /// Mean over all elements or one axis.
  case mean
  /// Maximum over all elements or one axis.
  case max
  /// Minimum over all elements or one axis.
  case min
  /// Matrix product with NumPy's rules for 1-D, 2-D and batched 3-D operands.
  case matmul
  /// Same elements, new shape.
  case reshape
  /// Axes permuted.
  case transpose
  /// Broadcast to a larger shape by copying.
  case broadcast
  /// Joined along an existing axis.
  case concatenate
  /// Joined along a new axis.
  case stack
  /// Indexing and slicing (`x[0]`, `x[1..<3]`, `x[.all, 1]`).
  case index
  /// Softmax along an axis.
  case softmax
  /// Log-softmax along an axis.
  case logSoftmax

  /// The short label an op node shows in a graph: `+`, `×`, `matmul`, `tanh`.
  public var symbol: String {
    switch self {
    case .add: "+"
    case .subtract: "−"
    case .multiply: "×"
    case .divide: "÷"
    case .negate: "neg"
    case .power, .powerScalar: "**"
    case .logSoftmax: "log_softmax"
    default: rawValue
    }
  }

  /// The backward rule in the words a student reads, with generic names: `a`, `b` for
  /// the inputs of a binary op, `x` for the input of a unary one, `out` for the result,
  /// e.g. `∂L/∂a = ∂L/∂out · bᵀ` for matmul.
  public var rule: String {
    rule(inputs: [], output: "out")
  }

  /// The backward rule with the tensors' own names filled in, e.g.
  /// `rule(inputs: ["n"], output: "o")` for tanh is `∂L/∂n = ∂L/∂o ⊙ (1 − tanh²(n))`.
  /// Missing input names fall back to `a`, `b` (binary ops) or `x` (unary ones);
  /// `exponent` fills the `k` of `x ** k`.
  public func rule(inputs: [String], output: String, exponent: String? = nil) -> String {
    let binary = ruleTemplate.contains("{a}") || ruleTemplate.contains("{b}")
    let fallback = binary ? ["a", "b"] : ["x"]
    let names = fallback.indices.map { $0 < inputs.count ? inputs[$0] : fallback[$0] }
    var text = ruleTemplate.replacingOccurrences(of: "{out}", with: output)
    text = text.replacingOccurrences(of: "{k}", with: exponent ?? "k")
    if binary {
      text = text.replacingOccurrences(of: "{a}", with: names[0]).replacingOccurrences(of: "{b}", with: names[1])
    } else {
      text = text.replacingOccurrences(of: "{x}", with: names[0])
    }
    return text
  }

  /// The rule with `{a}`, `{b}`, `{x}`, `{out}` and `{k}` standing for the names.
  private var ruleTemplate: String {
    switch self {
    case .add: "∂L/∂{a} = ∂L/∂{out};  ∂L/∂{b} = ∂L/∂{out}  (summed back to each input's shape)"
    case .subtract: "∂L/∂{a} = ∂L/∂{out};  ∂L/∂{b} = −∂L/∂{out}  (summed back to each input's shape)"
    case .multiply: "∂L/∂{a} = ∂L/∂{out} ⊙ {b};  ∂L/∂{b} = ∂L/∂{out} ⊙ {a}"
    case .divide: "∂L/∂{a} = ∂L/∂{out} ⊘ {b};  ∂L/∂{b} = −∂L/∂{out} ⊙ {a} ⊘ {b}²"
    case .negate: "∂L/∂{x} = −∂L/∂{out}"
    case .power: "∂L/∂{a} = ∂L/∂{out} ⊙ {b}·{a}^({b}−1);  ∂L/∂{b} = ∂L/∂{out} ⊙ {out}·ln({a})"
    case .powerScalar: "∂L/∂{x} = ∂L/∂{out} ⊙ {k}·{x}^({k}−1)"
    case .exp: "∂L/∂{x} = ∂L/∂{out} ⊙ exp({x})"
    case .log: "∂L/∂{x} = ∂L/∂{out} ⊘ {x}"
    case .sqrt: "∂L/∂{x} = ∂L/∂{out} ⊘ (2·√{x})"
    case .tanh: "∂L/∂{x} = ∂L/∂{out} ⊙ (1 − tanh²({x}))"
    case .sigmoid: "∂L/∂{x} = ∂L/∂{out} ⊙ σ({x})·(1 − σ({x}))"
    case .relu: "∂L/∂{x} = ∂L/∂{out} ⊙ [{x} > 0]"
    case .abs: "∂L/∂{x} = ∂L/∂{out} ⊙ sign({x})"
    case .sum: "∂L/∂{x} = ∂L/∂{out} broadcast back to {x}'s shape"
    case .mean: "∂L/∂{x} = ∂L/∂{out} broadcast back to {x}'s shape, ÷ n"
    case .max: "∂L/∂{x} = ∂L/∂{out} where {x} is the maximum (shared equally by ties), 0 elsewhere"
    case .min: "∂L/∂{x} = ∂L/∂{out} where {x} is the minimum (shared equally by ties), 0 elsewhere"
    case .matmul: "∂L/∂{a} = ∂L/∂{out} · {b}ᵀ;  ∂L/∂{b} = {a}ᵀ · ∂L/∂{out}"
    case .reshape: "∂L/∂{x} = ∂L/∂{out} reshaped to {x}'s shape"
    case .transpose: "∂L/∂{x} = ∂L/∂{out} with the axes permuted back"
    case .broadcast: "∂L/∂{x} = ∂L/∂{out} summed back to {x}'s shape"
    case .concatenate: "∂L/∂xᵢ = the slice of ∂L/∂out that xᵢ filled"
    case .stack: "∂L/∂xᵢ = ∂L/∂out[i] along the stacked axis"
    case .index: "∂L/∂{x} = zeros with ∂L/∂{out} added at the selected positions"
    case .softmax: "∂L/∂{x} = y ⊙ (∂L/∂{out} − Σ(∂L/∂{out} ⊙ y)),  y = softmax({x})"
    case .logSoftmax: "∂L/∂{x} = ∂L/∂{out} − softmax({x}) ⊙ Σ ∂L/∂{out}"
    }
  }
}
