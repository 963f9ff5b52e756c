"""Evaluations to reach a covariance spread: HessianLab's CMA-ES (`covariance --route cma`) against pycma.

On the same Hessians (d = 10, 20, 50; full rank with eigenvalues log-spaced over 1…100, and rank
r = max(3, d/4) with the same range spectrum), both start at w* = 0 with σ₀ = 1 and C = I. The
spread is cond(H_r^½ C_r H_r^½) on the range of H (1 when C ∝ H⁺ there) — the formula of
`CovarianceHessianRelation.spread` — measured on the final C of each run at 16 evenly spaced
checkpoints of the budget B (HessianLab: its `trajectory`; pycma: its C after the generation that
reaches each checkpoint). Reported per tool: the first checkpoint with spread ≤ the target (median
over seeds, "—" when none reached it), the spread at B, and wall time for B evaluations. pycma runs
with its defaults (active CMA, its c_σ and c_μ), stopping criteria off, up to B evaluations.

    /path/to/python-with-cma Benchmarks/cma_vs_pycma.py [--binary .build/release/hessian-lab] [--quick]
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import warnings

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

TARGET = 3.0
SEEDS = (1, 2, 3)
BUDGET = {10: 8000, 20: 24000, 50: 100000}
CHECKPOINTS = 16


def hessian(d: int, rank: int, seed: int) -> np.ndarray:
    """Q diag(h) Qᵀ with h log-spaced over 1…100 on `rank` directions, Q a seeded random rotation."""
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    h = np.zeros(d)
    h[:rank] = np.logspace(0, 2, rank)
    return (q * h) @ q.T


def spread(c: np.ndarray, H: np.ndarray, rank: int) -> float:
    """cond(H_r^½ C_r H_r^½) on the range of H."""
    h, u = np.linalg.eigh(H)
    keep = np.argsort(h)[::-1][:rank]
    root = np.sqrt(h[keep])
    s = root[:, None] * (u[:, keep].T @ c @ u[:, keep]) * root[None, :]
    w = np.linalg.eigvalsh(0.5 * (s + s.T))
    return float(w[-1] / w[0]) if w[0] > 0 else float("inf")


def ours(binary: str, path: str, budget: int, seed: int) -> "tuple[list, list, float]":
    start = time.perf_counter()
    out = subprocess.run([binary, "covariance", path, "--route", "cma", "--evaluations", str(budget), "--seed", str(seed), "--json"],
                         capture_output=True, text=True, check=True).stdout
    seconds = time.perf_counter() - start
    j = json.loads(out)
    return [t["lossEvaluations"] for t in j["trajectory"]], [t["spread"] for t in j["trajectory"]], seconds


def pycma(H: np.ndarray, rank: int, budget: int, seed: int) -> "tuple[list, list, float]":
    import cma
    d = H.shape[0]
    es = cma.CMAEvolutionStrategy(np.zeros(d), 1.0, {
        "seed": seed, "verbose": -9, "maxfevals": budget, "tolfun": 0, "tolx": 0, "tolfunhist": 0,
        "tolflatfitness": 10**9, "tolstagnation": 10**9, "tolxstagnation": False, "tolconditioncov": np.inf})
    marks = [budget * (k + 1) // CHECKPOINTS for k in range(CHECKPOINTS)]
    evals, spreads, nxt = [], [], 0
    start = time.perf_counter()
    while es.countevals + es.popsize <= budget and not es.stop():
        x = np.array(es.ask())
        es.tell(list(x), list(0.5 * np.einsum("ij,jk,ik->i", x, H, x)))
        while nxt < len(marks) and es.countevals + es.popsize > marks[nxt]:
            evals.append(es.countevals)
            spreads.append(spread(np.array(es.sm.covariance_matrix), H, rank))
            nxt += 1
    return evals, spreads, time.perf_counter() - start


def first_reach(evals: list, spreads: list) -> "int | None":
    return next((e for e, s in zip(evals, spreads) if s <= TARGET), None)


def main(argv: list) -> int:
    try:
        import cma
    except ImportError:
        print("pycma is not installed: pip install cma", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")
    binary = argv[argv.index("--binary") + 1] if "--binary" in argv else ".build/release/hessian-lab"
    dims = (10,) if "--quick" in argv else (10, 20, 50)
    print(f"pycma {cma.__version__}; target spread ≤ {TARGET}; seeds {SEEDS}; budgets {BUDGET}; binary {binary}")
    print("| d | r | tool | evaluations to spread ≤ 3 (median; per seed) | spread at B (median) | seconds for B (median) |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for d in dims:
            for rank in (d, max(3, d // 4)):
                H = hessian(d, rank, seed=d * 100 + rank)
                path = os.path.join(folder, f"h{d}-{rank}.npy")
                np.save(path, H)
                for name, run in (("HessianLab", lambda s: ours(binary, path, BUDGET[d], s)),
                                  ("pycma", lambda s: pycma(H, rank, BUDGET[d], s))):
                    rows = [run(s) for s in SEEDS]
                    reach = [first_reach(e, sp) for e, sp, _ in rows]
                    got = sorted(r for r in reach if r is not None)
                    med = f"{got[len(got) // 2]}" if len(got) * 2 > len(reach) else "—"
                    print(f"| {d} | {rank} | {name} | {med} ({', '.join('—' if r is None else str(r) for r in reach)}) | "
                          f"{np.median([sp[-1] for _, sp, _ in rows]):.3g} | {np.median([t for _, _, t in rows]):.2f} |",
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
