"""Benchmark (issue 18): `hessian-lab rank 'oracle:…' --method block` against SciPy's
`eigsh(LinearOperator(matvec=hvp), k=60)` on the same NumPy HVP function.

H = B diag(s) Bᵀ, d = 20,000, rank 50 (B orthonormal d×50, s = 1…50), never formed. Alternates
rounds of the two and prints, per round and as medians: the wall time of each, the HVP counts,
the ranks, eigsh's share of time outside its HVP function, and the protocol overhead of the oracle
run (wall time not spent in the oracle's setup or HVP function, which the oracle measures itself),
split into the oracle server's framing, its waits for the next request (HessianLab's own work),
and process start and exit; the same share in CPU time. Results: BENCHMARKS.md, cases 7 and 8.

    python3 python/benchmarks/oracle_vs_eigsh.py [--d 20000] [--rank 50] [--rounds 3]
    python3 python/benchmarks/oracle_vs_eigsh.py --serve D RANK     # the oracle (used by the above)
"""
import argparse
import json
import os
import re
import resource
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


def _framing_timers() -> dict:
    """Wall seconds of the server's phases, by wrapping its functions: waiting for a request's
    header (the client's own work), reading payloads, answering (hvp included), writing replies."""
    from hessianlab import protocol, server
    timers = {"wait": 0.0, "read": 0.0, "answer": 0.0, "write": 0.0}

    def timed(name, function, phase=None):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timers[phase(*args) if phase else name] += time.perf_counter() - start
        return wrapper

    if hasattr(protocol, "_read_exactly"):
        protocol._read_exactly = timed("read", protocol._read_exactly,
                                       lambda stream, count, what="": "wait" if count == protocol.HEADER_SIZE else "read")
    protocol.write_frame = timed("write", protocol.write_frame)
    server.Oracle.answer = timed("answer", server.Oracle.answer)
    return timers


def serve(d: int, rank: int) -> None:
    B, s = factored(d, rank)
    setup = time.perf_counter() - STARTED
    spent = [0.0, 0]

    cpu = [0.0, time.process_time()]

    def hvp(V):
        start, start_cpu = time.perf_counter(), time.process_time()
        out = B @ (s[:, None] * (B.T @ V))
        spent[0] += time.perf_counter() - start
        cpu[0] += time.process_time() - start_cpu
        spent[1] += V.shape[1]
        return out

    timers = _framing_timers()
    serving = time.time()
    status = hessianlab.serve(dimension=d, point=np.zeros(d), hvp=hvp, batched=True, exit=False)
    print(f"oracle: setup {setup:.3f} s, {spent[1]} HVPs, {spent[0]:.3f} s inside hvp; "
          f"waiting {timers['wait']:.3f} s, reading {timers['read']:.3f} s, "
          f"answering {timers['answer'] - spent[0]:.3f} s besides hvp, writing {timers['write']:.3f} s; "
          f"CPU: setup {cpu[1]:.3f} s, hvp {cpu[0]:.3f} s, whole process {time.process_time():.3f} s; "
          f"served from {serving:.3f} to {time.time():.3f}",
          file=sys.stderr)
    sys.exit(status)


def run_scipy(d: int, B: np.ndarray, s: np.ndarray) -> dict:
    """One eigsh run on the same HVP: wall seconds, HVP count, rank among the 60."""
    from scipy.sparse.linalg import LinearOperator, eigsh
    count = [0]
    inside = [0.0]

    def hvp(V):
        started = time.perf_counter()
        V = V.reshape(d, -1)
        count[0] += V.shape[1]
        out = B @ (s[:, None] * (B.T @ V))
        inside[0] += time.perf_counter() - started
        return out

    start = time.perf_counter()
    values = eigsh(LinearOperator((d, d), matvec=hvp, matmat=hvp, dtype=np.float64), k=60,
                   return_eigenvectors=False)
    seconds = time.perf_counter() - start
    tau = np.max(np.abs(values)) * d * np.finfo(float).eps
    return {"seconds": seconds, "hvps": count[0], "rank": int(np.sum(values > tau)), "inside": inside[0]}


def run_oracle(d: int, rank: int) -> dict:
    """One `hessian-lab rank 'oracle:…' --method block` run: wall seconds, the reported rank and
    HVPs, and the oracle's own account of its time (setup, inside hvp, framing, waiting)."""
    command = " ".join(shlex.quote(part) for part in (sys.executable, os.path.abspath(__file__), "--serve", str(d), str(rank)))
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    launched = time.time()
    start = time.perf_counter()
    done = subprocess.run([hessianlab.find_binary(), "rank", "oracle:" + command, "--method", "block", "--seed", "7",
                           "--json"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    ended = time.time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip().splitlines()[-1])
    report = json.loads(done.stdout)
    line = [text for text in done.stderr.splitlines() if text.startswith("oracle: setup")][-1]
    numbers = dict(zip(("setup", "oracle_hvps", "inside", "wait", "read", "answer", "write", "setup_cpu", "hvp_cpu",
                        "oracle_cpu", "serve_start", "serve_end"),
                       map(float, re.findall(r"[0-9]+(?:\.[0-9]+)?", line))))
    numbers.update(seconds=wall, hvps=report["hessianVectorProducts"], rank=report["rank"])
    numbers["neither"] = wall - numbers["setup"] - numbers["inside"]
    numbers["framing"] = numbers["read"] + numbers["answer"] + numbers["write"]
    numbers["rest"] = numbers["neither"] - numbers["framing"] - numbers["wait"]
    numbers["before"] = numbers["serve_start"] - launched - numbers["setup"]  # hessian-lab, sh and interpreter start
    numbers["after"] = ended - numbers["serve_end"]  # oracle exit, hessian-lab's report and exit
    # CPU seconds (load-independent): hessian-lab, the shell and the oracle together, less the
    # oracle's setup and hvp, is the CPU the run spent outside the oracle's own work.
    numbers["cpu"] = (children.ru_utime + children.ru_stime) - (children_before.ru_utime + children_before.ru_stime)
    numbers["cpu_neither"] = numbers["cpu"] - numbers["setup_cpu"] - numbers["hvp_cpu"]
    return numbers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--d", type=int, default=20_000)
    parser.add_argument("--rank", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of the two; medians are reported")
    parser.add_argument("--serve", nargs=2, type=int)
    args = parser.parse_args()
    if args.serve:
        serve(*args.serve)
        return
    d, rank = args.d, args.rank
    B, s = factored(d, rank)
    print(f"hessian-lab: {hessianlab.find_binary()}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    scipy_runs, oracle_runs = [], []
    for round_ in range(args.rounds):
        scipy_runs.append(run_scipy(d, B, s))
        oracle_runs.append(run_oracle(d, rank))
        a, b = scipy_runs[-1], oracle_runs[-1]
        print(f"round {round_ + 1}: eigsh {a['seconds']:.2f} s ({a['hvps']} HVPs, rank {a['rank']}, "
              f"not in hvp {1 - a['inside'] / a['seconds']:.0%}); "
              f"hessian-lab {b['seconds']:.2f} s ({b['hvps']} HVPs for the rank + {b['oracle_hvps'] - b['hvps']:.0f} "
              f"trust-check HVPs, rank {b['rank']}): setup {b['setup']:.2f}, inside hvp {b['inside']:.2f}, "
              f"not in the oracle {b['neither']:.2f} s = {b['neither'] / b['seconds']:.0%} "
              f"(Python framing {b['framing']:.2f}, oracle waiting for requests {b['wait']:.2f}, "
              f"start/handshake/exit {b['rest']:.2f}: before the oracle's script runs {b['before']:.2f}, after SHUTDOWN "
              f"{b['after']:.2f}); CPU {b['cpu']:.2f} s, of it not in the oracle's setup or hvp "
              f"{b['cpu_neither']:.2f} s = {b['cpu_neither'] / b['cpu']:.0%}; load {os.getloadavg()[0]:.1f}")
    med = {key: float(np.median([run[key] for run in oracle_runs])) for key in oracle_runs[0]}
    scipy_median = float(np.median([run["seconds"] for run in scipy_runs]))
    share = float(np.median([run["neither"] / run["seconds"] for run in oracle_runs]))
    print(f"medians of {args.rounds}: eigsh k=60 {scipy_median:.2f} s ({scipy_runs[0]['hvps']} HVPs, rank among the 60 = "
          f"{scipy_runs[0]['rank']}, not in hvp "
          f"{float(np.median([1 - r['inside'] / r['seconds'] for r in scipy_runs])):.0%}); hessian-lab rank --method block {med['seconds']:.2f} s "
          f"({oracle_runs[0]['hvps']} HVPs, rank {oracle_runs[0]['rank']}); ratio {med['seconds'] / scipy_median:.2f}; "
          f"time not in the oracle {med['neither']:.2f} s = {share:.1%} of the run (Python framing {med['framing']:.2f}, "
          f"waiting {med['wait']:.2f}, start/handshake/exit {med['rest']:.2f}); oracle setup {med['setup']:.2f} s, "
          f"inside hvp {med['inside']:.2f} s; CPU {med['cpu']:.2f} s, not in the oracle's setup or hvp "
          f"{med['cpu_neither']:.2f} s = {float(np.median([r['cpu_neither'] / r['cpu'] for r in oracle_runs])):.1%}")


if __name__ == "__main__":
    main()
