import Lucid
import LucidExpressions
import Testing

/// Expressions with inputs, spread over every operator and function.
let spread: [(String, [String])] = [
  ("tanh(w1*x1 + w2*x2 + b)", ["x1=2", "x2=0", "w1=-3", "w2=1", "b=6.8813735870195432"]),
  ("sum(a @ b)", ["a=[[1,2],[3,4]]", "b=[[5,6],[7,8]]"]),
  ("mean((a - b) ** 2)", ["a=[[1,2],[3,4]]", "b=[0.5,-1]"]),
  ("sum(softmax(z, axis=-1) * t)", ["z=[[1,2,3],[0,-1,4]]", "t=[[0.1,0.2,0.3],[1,2,3]]"]),
  ("sum(log_softmax(z))", ["z=[[1,2,3],[0,-1,4]]"]),
  ("max(x, axis=0) + min(x)", ["x=[[1,5],[3,2]]"]),
  ("sum(exp(x) / sqrt(x) - log(x))", ["x=[0.5,1.5,2.5]"]),
  ("sum(sigmoid(x) * relu(x) + abs(x))", ["x=[-1.5,0.5,2]"]),
  ("sum(x[:, 1] * x[0])", ["x=[[1,2],[3,4]]"]),
  ("sum(reshape(x, [3, 2]).T @ y)", ["x=[[1,2,3],[4,5,6]]", "y=[1,-1,2]"]),
  ("pow(x, y) + x ** 3 - 2 ** y", ["x=[1.5,2]", "y=[0.5,3]"]),
  ("-x**2 + x / 3", ["x=1.25"]),
  ("sum(transpose(a) @ a)", ["a=[[1,2,3]]"]),
  ("sum(x[::2] * 2, keepdims=true)", ["x=[1,2,3,4,5]"]),
]

@Suite("Evaluation")
struct EvaluationTests {
  @Test("gradients match central finite differences (Float64, random upstream)", arguments: spread.indices)
  func finiteDifferences(index: Int) throws {
    let (source, inputTexts) = spread[index]
    let program = try Program(source, inputs: inputTexts.map { try InputValue(parsing: $0) })
    let tensors = program.inputs.map { Tensor(shape: $0.shape, scalars: $0.scalars, dtype: .float64) }
    let result = gradcheck(inputs: tensors) { program.evaluate($0) }
    #expect(result.passed, "\(source): \(result)")
  }

  @Test("the result has the shape the checker inferred", arguments: spread.indices)
  func shapes(index: Int) throws {
    let (source, inputTexts) = spread[index]
    let program = try Program(source, inputs: inputTexts.map { try InputValue(parsing: $0) })
    #expect(program.evaluate(dtype: .float64).result.shape == program.shape)
  }

  @Test("the seed example's closed form")
  func seedExample() throws {
    let program = try Program(
      "a @ b", inputs: [try InputValue(parsing: "a=[[1,2],[3,4]]"), try InputValue(parsing: "b=[[5,6],[7,8]]")])
    let (result, leaves) = program.evaluate()
    result.backward()
    #expect(leaves[0].grad?.scalars == [11, 15, 11, 15])
    #expect(leaves[1].grad?.scalars == [4, 4, 6, 6])
  }
}
