import Foundation
import Lucid

// Workloads over the autodiff core. Each one first checks its result against a plain
// reference written with loops in Double (the "unoptimised path"), then times.

/// Runs `body` `warmup` times, then `iterations` times, and returns the median in ms.
func medianMilliseconds(warmup: Int, iterations: Int, _ body: () -> Void) -> Double {
  for _ in 0..<warmup { body() }
  return Measure.median((0..<iterations).map { _ in Measure.milliseconds(body) })
}

/// Stops the benchmark when a result disagrees with its reference.
func verify(_ ok: Bool, _ message: @autoclosure () -> String) throws {
  guard ok else { throw BenchConfiguration.UsageError(description: "verification failed: \(message())") }
}

func relativeError(_ a: Double, _ b: Double) -> Double {
  Swift.abs(a - b) / Swift.max(1e-12, Swift.abs(b))
}

// MARK: - MLP 784-256-10 with cross-entropy

/// The parameters and data of the MLP workload, seeded.
struct MLPProblem {
  let batch: Int
  let x: Tensor
  let w1: Tensor
  let b1: Tensor
  let w2: Tensor
  let b2: Tensor
  let onehot: Tensor

  init(batch: Int) {
    self.batch = batch
    x = Tensor.randn([batch, 784], seed: 1)
    w1 = Tensor.randn([784, 256], seed: 2, requiresGrad: true) * (1 / 28.0)
    b1 = Tensor.zeros([256], requiresGrad: true)
    w2 = Tensor.randn([256, 10], seed: 3, requiresGrad: true) * (1 / 16.0)
    b2 = Tensor.zeros([10], requiresGrad: true)
    var labels = [Double](repeating: 0, count: batch * 10)
    for i in 0..<batch { labels[i * 10 + i % 10] = 1 }
    onehot = Tensor(shape: [batch, 10], scalars: labels)
  }

  var parameters: [Tensor] { [w1, b1, w2, b2] }

  /// One iteration: forward, loss, backward from the parameters (no optimizer step).
  @discardableResult
  func step() -> Double {
    for p in parameters { p.zeroGrad() }
    let h = (x.matmul(w1) + b1).relu()
    let logits = h.matmul(w2) + b2
    let loss = -(logits.logSoftmax(axis: 1) * onehot).sum() / Double(batch)
    loss.backward()
    return loss.item()
  }
}

extension Tensor {
  /// `self * k` as a fresh leaf (so scaled random parameters are still leaves).
  static func * (lhs: Tensor, rhs: Double) -> Tensor {
    Tensor(shape: lhs.shape, scalars: lhs.scalars.map { $0 * rhs }, requiresGrad: lhs.requiresGrad, dtype: lhs.dtype)
  }
}

/// Loss and Σ of every gradient element of the MLP, computed with plain loops in Double.
func referenceMLP(_ p: MLPProblem) -> (loss: Double, checksum: Double) {
  let (B, D, H, C) = (p.batch, 784, 256, 10)
  let x = p.x.scalars
  let w1 = p.w1.scalars
  let b1 = p.b1.scalars
  let w2 = p.w2.scalars
  let b2 = p.b2.scalars
  var h = [Double](repeating: 0, count: B * H)
  for i in 0..<B {
    for j in 0..<H {
      var s = b1[j]
      for k in 0..<D { s += x[i * D + k] * w1[k * H + j] }
      h[i * H + j] = Swift.max(0, s)
    }
  }
  var loss = 0.0
  var dlogits = [Double](repeating: 0, count: B * C)
  for i in 0..<B {
    var logits = [Double](repeating: 0, count: C)
    for c in 0..<C {
      var s = b2[c]
      for j in 0..<H { s += h[i * H + j] * w2[j * C + c] }
      logits[c] = s
    }
    let m = logits.max()!
    let z = logits.reduce(0) { $0 + Foundation.exp($1 - m) }
    let label = i % 10
    loss -= (logits[label] - m - Foundation.log(z)) / Double(B)
    for c in 0..<C { dlogits[i * C + c] = (Foundation.exp(logits[c] - m) / z - (c == label ? 1 : 0)) / Double(B) }
  }
  var checksum = 0.0
  var dh = [Double](repeating: 0, count: B * H)
  for i in 0..<B {
    for c in 0..<C {
      checksum += dlogits[i * C + c]  // b2
      for j in 0..<H {
        checksum += h[i * H + j] * dlogits[i * C + c]  // w2
        dh[i * H + j] += dlogits[i * C + c] * w2[j * C + c]
      }
    }
  }
  for i in 0..<B {
    for j in 0..<H where h[i * H + j] > 0 {
      checksum += dh[i * H + j]  // b1
      for k in 0..<D { checksum += x[i * D + k] * dh[i * H + j] }  // w1
    }
  }
  return (loss, checksum)
}

func runMLPWorkload(_ configuration: BenchConfiguration) throws {
  for batch in [1, 64, 512] {
    let problem = MLPProblem(batch: batch)
    let loss = problem.step()
    let checksum = problem.parameters.reduce(0) { $0 + $1.grad!.scalars.reduce(0, +) }
    let reference = referenceMLP(problem)
    try verify(relativeError(loss, reference.loss) < 1e-4, "mlp loss \(loss) vs \(reference.loss)")
    try verify(
      Swift.abs(checksum - reference.checksum) < 1e-3 * Swift.max(1, Swift.abs(reference.checksum)),
      "mlp grad checksum \(checksum) vs \(reference.checksum)")
    let iterations = configuration.quick ? 3 : (batch == 512 ? 30 : 100)
    let ms = medianMilliseconds(warmup: configuration.quick ? 1 : 5, iterations: iterations) { _ = problem.step() }
    Measure.report([
      "impl": "lucid", "workload": "mlp784-256-10-xent-f32", "batch": batch, "threads": configuration.threads,
      "median_ms": ms, "iters": iterations, "loss": loss,
    ])
  }
}

// MARK: - Horner's rule on 0-d tensors

func runHornerWorkload(_ configuration: BenchConfiguration) throws {
  for nodes in [1_000, 10_000] {
    let steps = nodes / 2
    let xValue = 0.999
    let coefficients = (0...steps).map { Double($0 % 7) / 7 - 0.4 }
    func build() -> (Tensor, Tensor, [Tensor]) {
      let x = Tensor(xValue, requiresGrad: true, dtype: .float64)
      let c = coefficients.map { Tensor($0, requiresGrad: true, dtype: .float64) }
      var p = c[0]
      for i in 1...steps { p = p * x + c[i] }
      p.backward()
      return (p, x, c)
    }
    // Reference: value and derivative by Horner's rule in Double.
    var value = coefficients[0]
    var derivative = 0.0
    for i in 1...steps {
      derivative = derivative * xValue + value
      value = value * xValue + coefficients[i]
    }
    let (p, x, c) = build()
    try verify(relativeError(p.item(), value) < 1e-12, "horner value")
    try verify(relativeError(x.grad!.item(), derivative) < 1e-9, "horner dp/dx \(x.grad!.item()) vs \(derivative)")
    try verify(relativeError(c[0].grad!.item(), Foundation.pow(xValue, Double(steps))) < 1e-9, "horner dp/dc0")
    let iterations = configuration.quick ? 3 : (nodes > 5_000 ? 30 : 100)
    let ms = medianMilliseconds(warmup: configuration.quick ? 1 : 3, iterations: iterations) { _ = build() }
    Measure.report([
      "impl": "lucid", "workload": "horner", "nodes": nodes, "median_ms": ms, "iters": iterations,
      "us_per_node": ms * 1000 / Double(nodes),
    ])
  }
}

// MARK: - matmul

func runMatmulWorkload(_ configuration: BenchConfiguration) throws {
  for n in [512, 1024] {
    let a = Tensor.randn([n, n], seed: 11)
    let b = Tensor.randn([n, n], seed: 12)
    let c = a.matmul(b)
    let (av, bv, cv) = (a.scalars, b.scalars, c.scalars)
    for (i, j) in [(0, 0), (n - 1, 3), (n / 2, n - 1)] {
      var s = 0.0
      for k in 0..<n { s += av[i * n + k] * bv[k * n + j] }
      try verify(Swift.abs(cv[i * n + j] - s) < 1e-3 * Swift.max(1, Swift.abs(s)), "matmul entry (\(i), \(j))")
    }
    let iterations = configuration.quick ? 2 : 20
    let ms = medianMilliseconds(warmup: 1, iterations: iterations) { _ = a.matmul(b) }
    Measure.report([
      "impl": "lucid", "workload": "matmul-f32", "n": n, "threads": configuration.threads, "median_ms": ms,
      "iters": iterations, "gflops": 2 * Double(n * n * n) / (ms * 1e6),
    ])
  }
}

// MARK: - Observation overhead

/// An observer that does nothing, to isolate the cost of reporting.
struct NullObserver: GraphObserver {
  func observe(_ event: GraphEvent) {}
}

func runObserveWorkload(_ configuration: BenchConfiguration) throws {
  let problem = MLPProblem(batch: 1)
  let iterations = configuration.quick ? 3 : 300
  let warmup = configuration.quick ? 1 : 20
  let plain = medianMilliseconds(warmup: warmup, iterations: iterations) { _ = problem.step() }
  let null = medianMilliseconds(warmup: warmup, iterations: iterations) {
    withObserver(NullObserver()) { _ = problem.step() }
  }
  let recorded = medianMilliseconds(warmup: warmup, iterations: iterations) {
    withObserver(TraceRecorder(valueLimit: 64)) { _ = problem.step() }
  }
  Measure.report([
    "impl": "lucid", "workload": "observe-overhead", "batch": 1, "median_ms": plain, "iters": iterations,
    "null_observer_ms": null, "recorder_ms": recorded, "null_ratio": null / plain, "recorder_ratio": recorded / plain,
  ])
}
