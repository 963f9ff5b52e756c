"""pycma's CMA-ES covariance on zoo quadratics, against H⁻¹ (H⁺ on the range of H).

CMA-ES samples N(m, σ²C); on a convex quadratic, pycma's documentation says, C adapts to the
shape of the inverse Hessian. Here pycma starts at w* (x0 = w*, σ₀ = 0.5) on
``hessianlab.Landscape(spec).loss`` (one LOSS request per generation) and its final C
(``es.sm.covariance_matrix``) is compared with the landscape's Hessian (from HVPs):

- shape: S = H_r^½ C_r H_r^½, C and H restricted to the range of H (r = rank), equals I_r up to
  scale when C ∝ H⁺ there. Reported: the relative error after the best scale,
  min_c ‖cS − I‖_F/‖I‖_F (the error in the metric of H, which no single direction dominates),
  and cond(S), pycma's own ``eigenspectrum`` read-out (1 for a perfect shape). Pass: error ≤ 0.3.
- rank read-out: C is large along flat directions (selection does not confine them) and small
  along curved ones, so r̂ = the number of eigenvalues of C below its largest ratio gap, when that
  gap is ≥ 10 (else r̂ = d). Pass: r̂ equals the known rank.

Two settings: pycma's defaults (it stops on tolfun = 1e-11, within a few hundred generations),
and a long run with the tolerance criteria off, up to 50·d generations (pycma still stops with
"noeffectaxis" once σ√C no longer changes w* + x in float64, σ ≈ 2e-15).

    pip install cma                          # pycma; not installed by scripts/test-python
    python3 examples/pycma_covariance.py     # about 2 minutes
    python3 examples/pycma_covariance.py --quick   # two landscapes, one seed (the test runs this)
"""
from __future__ import annotations

import os
import sys
import warnings
from typing import Dict, List, Optional

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only contend (7× slower)

import numpy as np  # noqa: E402

from verdict import hessianlab, table  # noqa: E402

LANDSCAPES = ["quad-full-rank", "quad-rank-deficient", "quad-clusters", "quad-tiny-axis", "quad-multiplet"]
QUICK = ["quad-full-rank", "quad-rank-deficient"]
SIGMA0 = 0.5
SEEDS = (1, 2, 3)
SHAPE_TOLERANCE = 0.3
GAP_THRESHOLD = 10.0
LONG = {"tolfun": 0, "tolx": 0, "tolfunhist": 0, "tolflatfitness": 10**9, "tolstagnation": 10**9,
        "tolxstagnation": False, "tolconditioncov": np.inf}


def run_cma(f: "hessianlab.Landscape", seed: int, long: bool) -> "tuple[np.ndarray, object]":
    """pycma from x0 = w*, σ₀ = ``SIGMA0``, until it stops; (C, the strategy)."""
    import cma
    options: Dict[str, object] = {"seed": seed, "verbose": -9}
    if long:
        options.update(LONG, maxiter=50 * f.dimension)
    es = cma.CMAEvolutionStrategy(f.point, SIGMA0, options)
    while not es.stop():
        candidates = es.ask()
        es.tell(candidates, list(f.loss(np.array(candidates))))
    return np.array(es.sm.covariance_matrix), es


def compare(C: np.ndarray, H: np.ndarray, rank: int) -> Dict[str, object]:
    """Shape error after the best scale and cond(S) on the range of H; the rank read-out of C."""
    h, U = np.linalg.eigh(0.5 * (H + H.T))
    order = np.argsort(h)[::-1][:rank]
    root = np.sqrt(h[order])
    S = root[:, None] * (U[:, order].T @ C @ U[:, order]) * root[None, :]
    scale = np.trace(S) / np.sum(S * S)
    shape_error = float(np.linalg.norm(scale * S - np.eye(rank)) / np.sqrt(rank)) if rank else 0.0
    s = np.linalg.eigvalsh(S) if rank else np.ones(1)
    c = np.sort(np.linalg.eigvalsh(0.5 * (C + C.T)))
    gaps = c[1:] / c[:-1]
    largest = int(np.argmax(gaps))
    read_out = largest + 1 if gaps[largest] >= GAP_THRESHOLD else len(c)
    gap_at_rank: Optional[float] = float(c[rank] / c[rank - 1]) if 0 < rank < len(c) else None
    return {"shape error": shape_error, "cond(S)": float(s.max() / s.min()), "r̂": read_out,
            "largest gap": float(gaps[largest]), "gap at r": gap_at_rank}


def measure(specs: List[str], seeds: "tuple[int, ...]") -> List[Dict[str, object]]:
    """pycma with both settings and every seed on each landscape; one table row per setting."""
    rows = []
    for spec in specs:
        with hessianlab.Landscape(spec) as f:
            H = f.hvp(np.eye(f.dimension))
            rank = int(f.known["rank"])
            for long in (False, True):
                runs = []
                for seed in seeds:
                    C, es = run_cma(f, seed, long)
                    runs.append({**compare(C, H, rank), "generations": es.countiter, "evaluations": es.countevals,
                                 "sigma": es.sigma})
                errors = [r["shape error"] for r in runs]
                rows.append({
                    "landscape": spec, "d": f.dimension, "r": rank, "setting": "long" if long else "defaults",
                    "generations": f"{min(r['generations'] for r in runs)}–{max(r['generations'] for r in runs)}",
                    "shape error": f"{np.mean(errors):.3g} ({min(errors):.2g}–{max(errors):.2g})",
                    "cond(S)": f"{np.median([r['cond(S)'] for r in runs]):.3g}",
                    "shape": all(e <= SHAPE_TOLERANCE for e in errors),
                    "r̂": ",".join(str(r["r̂"]) for r in runs),
                    "gap at r": ("—" if runs[0]["gap at r"] is None
                                 else ",".join(f"{r['gap at r']:.3g}" for r in runs)),
                    "rank": all(r["r̂"] == rank for r in runs)})
    return rows


def main(argv: List[str]) -> int:
    """Print the settings and the table (``--quick``: two landscapes, one seed)."""
    try:
        import cma
    except ImportError:
        print("pycma is not installed: pip install cma", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore", module="cma")
    quick = "--quick" in argv
    specs, seeds = (QUICK, SEEDS[:1]) if quick else (LANDSCAPES, SEEDS)
    print(f"pycma {cma.__version__}, x0 = w*, σ₀ = {SIGMA0}, seeds {', '.join(map(str, seeds))}; shape passes at error ≤ "
          f"{SHAPE_TOLERANCE}, rank read-out at the largest gap of C (≥ {GAP_THRESHOLD:g}) must equal the known rank\n")
    print(table(measure(specs, seeds), ["landscape", "d", "r", "setting", "generations", "shape error", "cond(S)",
                                        "shape", "r̂", "gap at r", "rank"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
