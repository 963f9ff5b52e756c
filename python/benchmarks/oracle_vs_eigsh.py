"""Benchmark (issue 18): `hessian-lab rank 'oracle:…' --method block` against SciPy's
`eigsh(LinearOperator(matvec=hvp), k=60)` on the same NumPy HVP function.

H = B diag(s) Bᵀ, d = 20,000, rank 50 (B orthonormal d×50, s = 1…50), never formed. Prints the
wall time of each, the HVP counts, the ranks, and the protocol overhead of the oracle run (wall
time not spent inside the oracle's HVP function, which the oracle measures itself).

    python3 python/benchmarks/oracle_vs_eigsh.py [--d 20000] [--rank 50]
    python3 python/benchmarks/oracle_vs_eigsh.py --serve D RANK     # the oracle (used by the above)
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import time

STARTED = time.perf_counter()
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import hessianlab  # noqa: E402


def factored(d: int, rank: int):
    """(B, s): H = B diag(s) Bᵀ with B d×rank orthonormal (seeded)."""
    B, _ = np.linalg.qr(np.random.default_rng(2026).standard_normal((d, rank)))
    return B, np.arange(1.0, rank + 1)


def serve(d: int, rank: int) -> None:
    B, s = factored(d, rank)
    setup = time.perf_counter() - STARTED
    spent = [0.0, 0]

    def hvp(V):
        start = time.perf_counter()
        out = B @ (s[:, None] * (B.T @ V))
        spent[0] += time.perf_counter() - start
        spent[1] += V.shape[1]
        return out

    status = hessianlab.serve(dimension=d, point=np.zeros(d), hvp=hvp, batched=True, exit=False)
    print(f"oracle: setup {setup:.3f} s, {spent[1]} HVPs, {spent[0]:.3f} s inside hvp", file=sys.stderr)
    sys.exit(status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--d", type=int, default=20_000)
    parser.add_argument("--rank", type=int, default=50)
    parser.add_argument("--serve", nargs=2, type=int)
    args = parser.parse_args()
    if args.serve:
        serve(*args.serve)
        return
    from scipy.sparse.linalg import LinearOperator, eigsh
    d, rank = args.d, args.rank
    B, s = factored(d, rank)
    count = [0]

    def hvp(V):
        V = V.reshape(d, -1)
        count[0] += V.shape[1]
        return B @ (s[:, None] * (B.T @ V))

    start = time.perf_counter()
    values = eigsh(LinearOperator((d, d), matvec=hvp, matmat=hvp, dtype=np.float64), k=60,
                   return_eigenvectors=False)
    scipy_seconds = time.perf_counter() - start
    tau = np.max(np.abs(values)) * d * np.finfo(float).eps
    print(f"scipy eigsh k=60: {scipy_seconds:.2f} s, {count[0]} HVPs, rank among the 60 = {int(np.sum(values > tau))}")

    command = " ".join(shlex.quote(part) for part in (sys.executable, os.path.abspath(__file__), "--serve", str(d), str(rank)))
    start = time.perf_counter()
    done = subprocess.run([hessianlab.find_binary(), "rank", "oracle:" + command, "--method", "block", "--seed", "7",
                           "--json"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip().splitlines()[-1])
    report = json.loads(done.stdout)
    line = [text for text in done.stderr.splitlines() if text.startswith("oracle: setup")][-1]
    setup = float(line.split("setup ")[1].split(" s")[0])
    inside = float(line.split("HVPs, ")[1].split(" s inside")[0])
    print(f"hessian-lab rank --method block: {wall:.2f} s, {report['hessianVectorProducts']} HVPs, rank {report['rank']}; "
          f"oracle setup {setup:.2f} s (interpreter, NumPy, building B), {inside:.2f} s inside its hvp; "
          f"time in neither: {wall - setup - inside:.2f} s = {(wall - setup - inside) / wall:.0%} of the run")
    print(f"ratio hessian-lab / scipy: {wall / scipy_seconds:.2f}")


if __name__ == "__main__":
    main()
