"""The lucid-bench workloads in PyTorch (eager, 1 thread), micrograd and NumPy.

Prints one JSON line per measurement, in lucid-bench's format, so the two can be put side
by side. Run it in the same sitting as `swift run -c release lucid-bench --threads 1`:

    python3 -m venv .venv && .venv/bin/pip install torch micrograd numpy
    .venv/bin/python benchmarks/compare.py [--quick]
"""
import json
import statistics
import sys
import time

QUICK = "--quick" in sys.argv


def median_ms(body, warmup, iterations):
    for _ in range(warmup):
        body()
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        body()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def report(**fields):
    print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in fields.items()}), flush=True)


def torch_workloads():
    import torch

    torch.set_num_threads(1)
    for batch in (1, 64, 512):
        g = torch.Generator().manual_seed(0)
        x = torch.randn(batch, 784, generator=g)
        w1 = (torch.randn(784, 256, generator=g) / 28).requires_grad_()
        b1 = torch.zeros(256, requires_grad=True)
        w2 = (torch.randn(256, 10, generator=g) / 16).requires_grad_()
        b2 = torch.zeros(10, requires_grad=True)
        onehot = torch.zeros(batch, 10)
        onehot[torch.arange(batch), torch.arange(batch) % 10] = 1
        params = (w1, b1, w2, b2)

        def step():
            for p in params:
                p.grad = None
            h = torch.relu(x @ w1 + b1)
            logits = h @ w2 + b2
            loss = -(torch.log_softmax(logits, dim=1) * onehot).sum() / batch
            loss.backward()

        iterations = 3 if QUICK else (30 if batch == 512 else 100)
        ms = median_ms(step, 1 if QUICK else 5, iterations)
        report(impl="pytorch", workload="mlp784-256-10-xent-f32", batch=batch, threads=1, median_ms=ms, iters=iterations)

    for nodes in (1_000, 10_000):
        steps = nodes // 2
        coefficients = [(i % 7) / 7 - 0.4 for i in range(steps + 1)]

        def horner():
            x = torch.tensor(0.999, dtype=torch.float64, requires_grad=True)
            c = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in coefficients]
            p = c[0]
            for i in range(1, steps + 1):
                p = p * x + c[i]
            p.backward()

        iterations = 3 if QUICK else (10 if nodes > 5_000 else 30)
        ms = median_ms(horner, 1, iterations)
        report(impl="pytorch", workload="horner", nodes=nodes, median_ms=ms, iters=iterations,
               us_per_node=ms * 1000 / nodes)


def micrograd_workloads():
    from micrograd.engine import Value

    for nodes in (1_000, 10_000):
        steps = nodes // 2
        coefficients = [(i % 7) / 7 - 0.4 for i in range(steps + 1)]

        def horner():
            x = Value(0.999)
            c = [Value(v) for v in coefficients]
            p = c[0]
            for i in range(1, steps + 1):
                p = p * x + c[i]
            p.backward()

        # micrograd's backward is recursive; deep graphs need a higher limit.
        sys.setrecursionlimit(max(10_000, 4 * nodes))
        iterations = 3 if QUICK else (10 if nodes > 5_000 else 30)
        ms = median_ms(horner, 1, iterations)
        report(impl="micrograd", workload="horner", nodes=nodes, median_ms=ms, iters=iterations,
               us_per_node=ms * 1000 / nodes)


def numpy_workloads():
    import numpy as np

    rng = np.random.default_rng(0)
    for n in (512, 1024):
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        iterations = 2 if QUICK else 20
        ms = median_ms(lambda: a @ b, 1, iterations)
        report(impl="numpy", workload="matmul-f32", n=n, median_ms=ms, iters=iterations, gflops=2 * n**3 / (ms * 1e6))


if __name__ == "__main__":
    for section in (numpy_workloads, micrograd_workloads, torch_workloads):
        try:
            section()
        except ImportError as error:
            print(json.dumps({"skipped": section.__name__, "reason": str(error)}), flush=True)
