"""devinterp's SGLD estimator of the local learning coefficient on five zoo landscapes with known λ,
judged against the truth: once with devinterp's documented hyper-parameters, once with settings
matched to HessianLab's own SGLD (whose estimate on the same budget is printed next to it).

Each landscape is ``hessianlab.Landscape(spec).torch()``: an ``nn.Module`` whose one parameter w
starts at w* and whose forward returns L(w) (gradients by the ``hessian-lab serve`` process).
devinterp samples w ~ exp(−nβ L(w) − (γ/2)‖w − w*‖²) by SGLD and reports
λ̂ = nβ (mean L over the draws − L(w*)), per chain; SE = sd over chains / √chains, and
z = (λ̂ − λ)/SE, pass iff |z| ≤ 2.576 (false-failure probability 1% for an unbiased estimate
with an honest SE).

Settings (``--settings documented matched``, both by default):

- documented: devinterp's deep-linear-network notebook (``examples/dlns.ipynb``, ``eval_rlct``):
  ``lr = 1e-4``, ``localization = 1.0``, ``nbeta = default_nbeta(1024)`` (= 1024/ln 1024 = 147.7,
  its training-set size), 100 chains × 10 draws, no burn-in, a draw every step.
- matched: HessianLab's ``hessian-lab llc --method sgld`` settings: n = 10⁴ (nβ = n/ln n = 1086),
  γ = 1, ε = 0.01/(nβ·max(1, h_max/2)) with h_max from 20 power iterations of the HVP, a draw
  every 10 steps; 8 chains × 3,000 steps (1,000 burn-in) by default, ``--full`` for HessianLab's
  defaults, 8 chains × 20,000 steps (4,000 burn-in).

devinterp 1.3.x (``estimate_learning_coeff_with_summary``, a ``DataLoader`` and ``evaluate``) and
2.x (``devinterp.slt.sampling.sample`` + ``compute_llc``, what ``llc()`` runs: a token dataset and a
per-token loss) are both supported; 2.x's ``compute_llc`` averages the loss over every step,
burn-in included, so the table also gives its draws-only value ("2.x draws").

    python3 -m venv .venv-ext && .venv-ext/bin/pip install torch devinterp   # 2.x (or "devinterp<2" for 1.3.x)
    .venv-ext/bin/pip install -e ./python
    .venv-ext/bin/python examples/devinterp_llc.py            # 1.3.2: about 10 min; 2.0.1: about 1 h
    .venv-ext/bin/python examples/devinterp_llc.py --quick    # one landscape, small budget

As an estimator for ``hessian-lab verify --external`` (it appends ``--landscape SPEC --seed N``;
one JSON line ``{"value": …, "standardError": …}`` on standard output)::

    hessian-lab verify --external '.venv-ext/bin/python examples/devinterp_llc.py --settings matched' \
        --quantity llc --landscapes newton-edge,quad-rank-deficient --seeds 10
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time
import warnings
from dataclasses import dataclass, replace
from typing import Dict, List, Optional

os.environ.setdefault("TQDM_DISABLE", "1")  # devinterp's per-chain progress bars

import numpy as np  # noqa: E402

from verdict import hessianlab, judge_llc, table  # noqa: E402

LANDSCAPES = ["dln:4-3-5:rank=2", "quad-full-rank", "quad-rank-deficient", "newton-edge", "dln-3-2-3"]


@dataclass(frozen=True)
class Settings:
    """One SGLD configuration: nominal n (nβ = n/ln n), step size ε (None: HessianLab's default
    0.01/(nβ·max(1, h_max/2))), localisation γ, chains, draws per chain, burn-in steps, steps
    between draws."""

    name: str
    n: float
    lr: Optional[float]
    localization: float
    chains: int
    draws: int
    burn_in: int
    every: int

    @property
    def nbeta(self) -> float:
        return self.n / math.log(self.n)

    @property
    def steps(self) -> int:
        return self.burn_in + self.draws * self.every


DOCUMENTED = Settings("documented", n=1024, lr=1e-4, localization=1.0, chains=100, draws=10, burn_in=0, every=1)
MATCHED = Settings("matched", n=10_000, lr=None, localization=1.0, chains=8, draws=200, burn_in=1000, every=10)
MATCHED_FULL = replace(MATCHED, chains=8, draws=1600, burn_in=4000)


def largest_curvature(f: "hessianlab.Landscape", seed: int = 0) -> float:
    """h_max by 20 power iterations ‖Hv‖ from a Gaussian start, as HessianLab's SGLD estimates it."""
    v = np.random.default_rng(seed).standard_normal(f.dimension)
    v /= np.linalg.norm(v)
    estimate = 0.0
    for _ in range(20):
        hv = f.hvp(v)
        norm = float(np.linalg.norm(hv))
        if not norm > 0 or not math.isfinite(norm):
            break
        estimate, v = norm, hv / norm
    return estimate


def step_size(f: "hessianlab.Landscape", s: Settings) -> float:
    """The setting's ε, or HessianLab's default 0.01/(nβ·max(1, h_max/2)) when it has none."""
    return s.lr if s.lr is not None else 0.01 / (s.nbeta * max(1.0, largest_curvature(f) / 2))


def devinterp_version() -> str:
    """The installed devinterp's version string (``1.3.2``, ``2.0.1``)."""
    from importlib.metadata import version
    return version("devinterp")


def run_devinterp(f: "hessianlab.Landscape", s: Settings, lr: float, seed: int) -> Dict[str, object]:
    """devinterp's per-chain λ̂ (and for 2.x also the draws-only per-chain λ̂)."""
    model = f.torch()
    if devinterp_version().startswith("1."):
        from devinterp.optim import SGLD
        from devinterp.slt.sampler import estimate_learning_coeff_with_summary
        summary = estimate_learning_coeff_with_summary(
            model, model.data_loader(1), evaluate=model.evaluate, sampling_method=SGLD,
            optimizer_kwargs=dict(lr=lr, localization=s.localization, nbeta=s.nbeta),
            num_chains=s.chains, num_draws=s.draws, num_burnin_steps=s.burn_in, num_steps_bw_draws=s.every,
            cores=1, seed=seed, verbose=False)
        return {"perChain": [summary[f"llc-chain/{i}"] for i in range(s.chains)]}
    from devinterp.slt.llc import compute_llc
    from devinterp.slt.sampling import sample
    samples = sample(model, model.token_dataset(1), {}, loss_fn=model.per_token_loss, lr=lr, n_beta=s.nbeta,
                     localization=s.localization, num_chains=s.chains, num_draws=s.draws,
                     num_burnin_steps=s.burn_in, num_steps_bw_draws=s.every, batch_size=1,
                     num_init_loss_batches=1, init_seed=seed, device="cpu")
    result = compute_llc(samples)
    draws = samples.dataset["sampling_loss"].values.reshape(s.chains, -1).astype(np.float64)
    init = float(result["init_loss"])
    return {"perChain": [float(x) for x in result["llc_per_chain"].values],
            "drawsOnly": list(s.nbeta * (draws.mean(axis=1) - init))}


def run_ours(spec: str, s: Settings, lr: float, seed: int) -> Dict[str, object]:
    """``hessian-lab llc SPEC --method sgld`` with the same n, γ, ε, chains, steps, burn-in."""
    report = hessianlab.llc(spec, method="sgld", n=s.n, gamma=s.localization, step_size=lr, chains=s.chains,
                            steps=s.steps, burn_in=s.burn_in, seed=seed, echo_stderr=False)
    sgld = report["estimates"]["sgld"]
    return {"value": sgld["value"], "standardError": sgld["standardError"]}


def summarise(per_chain: List[float]) -> "tuple[float, Optional[float]]":
    """(mean, sd/√C) of the finite per-chain estimates; SE None with fewer than two."""
    x = np.asarray(per_chain, dtype=float)
    x = x[np.isfinite(x)]
    if len(x) == 0:
        return float("nan"), None
    return float(x.mean()), (float(x.std(ddof=1) / math.sqrt(len(x))) if len(x) > 1 else None)


def row(spec: str, truth: float, estimator: str, s: Settings, value: float, se: Optional[float],
        seconds: Optional[float] = None) -> Dict[str, object]:
    """One table row: the estimate, its SE, z and the verdict of :func:`verdict.judge_llc`."""
    verdict = judge_llc(value, se, truth, landscape=spec)
    return {"landscape": spec, "λ": truth, "estimator": estimator, "setting": s.name,
            "chains×steps": f"{s.chains}×{s.steps}", "estimate": value, "SE": se, "estimate/λ": value / truth,
            "z": verdict["z"], "verdict": verdict["passed"], "s": seconds}


def measure(specs: List[str], settings: List[Settings], seed: int) -> List[Dict[str, object]]:
    """devinterp (and for matched settings HessianLab) on every landscape and setting; the table rows."""
    version = devinterp_version()
    rows = []
    for spec in specs:
        with hessianlab.Landscape(spec) as f:
            truth = float(f.known["learningCoefficient"])
            for s in settings:
                lr = step_size(f, s)
                start = time.perf_counter()
                try:
                    result = run_devinterp(f, s, lr, seed)
                except Exception as error:  # a diverged chain (NaN loss) ends devinterp's run
                    print(f"{spec}, {s.name}: devinterp failed: {type(error).__name__}: {error}", file=sys.stderr)
                    result = {"perChain": []}
                seconds = time.perf_counter() - start
                rows.append(row(spec, truth, f"devinterp {version}", s, *summarise(result["perChain"]), seconds))
                if "drawsOnly" in result:
                    rows.append(row(spec, truth, f"devinterp {version} draws", s, *summarise(result["drawsOnly"])))
                if s.lr is None:  # matched: HessianLab's own estimate on the same settings
                    ours = run_ours(spec, s, lr, seed)
                    rows.append(row(spec, truth, "hessian-lab", s, ours["value"], ours["standardError"]))
    return rows


def external(spec: str, s: Settings, seed: int) -> int:
    """One run for ``hessian-lab verify --external``: devinterp's λ̂ and SE on ``spec`` as JSON."""
    import json
    with hessianlab.Landscape(spec) as f:
        value, se = summarise(run_devinterp(f, s, step_size(f, s), seed)["perChain"])
    print(json.dumps({"value": value if math.isfinite(value) else None, "standardError": se}))
    return 0


def main(argv: List[str]) -> int:
    """Parse the options, print the settings and the verdict table (or one JSON line with --landscape)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--landscapes", nargs="+", default=LANDSCAPES)
    parser.add_argument("--settings", nargs="+", choices=["documented", "matched"], default=["documented", "matched"])
    parser.add_argument("--full", action="store_true", help="HessianLab's default chain length (8 × 20,000 steps)")
    parser.add_argument("--quick", action="store_true", help="dln:4-3-5:rank=2 only, 4 × 1,500 steps matched")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--landscape", help="verify --external mode: run devinterp once on this spec (the first "
                        "--settings, default matched) and print {\"value\", \"standardError\"} as one JSON line")
    args = parser.parse_args(argv)
    try:
        import torch
        version = devinterp_version()
    except Exception:
        print("devinterp_llc.py needs torch and devinterp: pip install torch devinterp", file=sys.stderr)
        return 2
    torch.set_num_threads(1)  # d ≤ 30: threads only contend
    warnings.filterwarnings("ignore")
    matched = MATCHED_FULL if args.full else MATCHED
    specs = args.landscapes
    if args.quick:
        specs, matched = ["dln:4-3-5:rank=2"], replace(MATCHED, chains=4, draws=100, burn_in=500)
    settings = [DOCUMENTED if name == "documented" else matched for name in args.settings]
    if args.landscape:
        return external(args.landscape, settings[-1] if len(args.settings) > 1 else settings[0], args.seed)
    print(f"devinterp {version}, torch {torch.__version__}; z = (λ̂ − λ)/SE, pass iff |z| ≤ 2.576 (α = 0.01)")
    for s in settings:
        step = f"ε = {s.lr:g}" if s.lr is not None else "ε = 0.01/(nβ·max(1, h_max/2))"
        print(f"  {s.name}: nβ = {s.nbeta:.4g} (n = {s.n:g}), γ = {s.localization:g}, {step}, {s.chains} chains × "
              f"{s.steps} steps ({s.burn_in} burn-in, a draw every {s.every})")
    print()
    rows = measure(specs, settings, args.seed)
    print(table(rows, ["landscape", "λ", "estimator", "setting", "chains×steps", "estimate", "SE", "estimate/λ",
                       "z", "verdict", "s"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
