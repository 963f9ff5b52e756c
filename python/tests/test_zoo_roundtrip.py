"""Every zoo landscape that NumPy can rebuild from its spec (zoo_models.py: all but the six with a
seeded random basis), served back through a NumPy oracle (zoo_oracle.py), gives the built-in
path's rank, spectrum and covariance result (same seeds; eigenvalues equal to rounding)."""
import functools
import json
import os
import shlex
import subprocess
import sys

import numpy as np
import pytest

import zoo_oracle
from conftest import HERE

ROOT = os.path.dirname(os.path.dirname(HERE))
HESSIANS = os.path.join(ROOT, "fixtures", "hessians")
NPY = sorted(os.path.join(HESSIANS, name) for name in os.listdir(HESSIANS) if name.endswith(".npy"))
SPECS = ["quad:3,2,1:d=6", "quad:2*4,0.5,1e-3:d=9", *NPY]


@functools.lru_cache(maxsize=1)
def zoo_ids() -> "list[str]":
    from hessianlab import HessianLabError, find_binary
    try:
        listing = subprocess.run([find_binary(), "landscapes", "--json"], capture_output=True, text=True, check=True)
    except (HessianLabError, OSError, subprocess.CalledProcessError):
        return []
    return [entry["id"] for entry in json.loads(listing.stdout)["landscapes"]]


def short(spec: str) -> str:
    return os.path.basename(spec)


def run_json(binary: str, *arguments: str) -> dict:
    done = subprocess.run([binary, *arguments, "--json"], capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"{arguments}: {done.stderr.strip()}"
    return json.loads(done.stdout)


def hessian_or_skip(spec: str):
    try:
        return zoo_oracle.hessian(spec)
    except zoo_oracle.NotReproducible as reason:
        pytest.skip(f"{reason}; served back by `hessian-lab serve` (issue 19)")


def tolerance(precision: str) -> float:
    # Eigenvalues "to rounding": the two paths round differently (BLAS order, and a float32 oracle
    # rounds each reply to float32); d·ε·‖H‖ with d ≤ 64 stays under these.
    return 1e-4 if precision == "float32" else 1e-11


@pytest.mark.parametrize("spec", SPECS + zoo_ids(), ids=short)
def test_the_numpy_hessian_is_the_landscape_hessian(plain_cli, spec):
    """Independent check of zoo_oracle itself: its H has the built-in path's dense spectrum."""
    H, precision = hessian_or_skip(spec)
    report = run_json(plain_cli, "rank", spec, "--method", "dense")
    eigenvalues = np.linalg.eigvalsh(H)
    tau = report["threshold"]
    assert report["rank"] == int(np.sum(np.abs(eigenvalues) > tau))
    counted = np.sort(eigenvalues[np.abs(eigenvalues) > tau])
    reported = np.sort([value for value in report["eigenvalues"] if abs(value) > tau])
    assert len(reported) == len(counted)
    assert np.allclose(reported, counted, rtol=0, atol=tolerance(precision) * max(1.0, np.max(np.abs(eigenvalues))))


def oracle_spec(spec: str) -> str:
    script = os.path.join(HERE, "zoo_oracle.py")
    return "oracle:" + " ".join(shlex.quote(part) for part in (sys.executable, script, spec))


def assert_same_eigenvalues(built_in, served, precision, scale):
    assert len(built_in) == len(served)
    assert np.allclose(built_in, served, rtol=0, atol=tolerance(precision) * max(scale, 1e-300))


@pytest.mark.parametrize("spec", SPECS + zoo_ids(), ids=short)
def test_served_back_gives_the_built_in_results(cli, spec):
    H, precision = hessian_or_skip(spec)
    scale = float(np.max(np.abs(np.linalg.eigvalsh(H)), initial=0.0))
    served = oracle_spec(spec)
    # Where H(w*) = 0 the trust checks' gradient-consistency tolerance (relative to ‖H‖) refuses a
    # correct oracle (see test_trust_checks_accept_a_correct_oracle_whose_hessian_is_zero): run
    # those without the checks until that is fixed; the results are still compared below.
    checks = ["--ignore-oracle-checks"] if scale == 0 else []
    for arguments in (["rank", "--method", "block", "--seed", "7"], ["rank", "--method", "dense"],
                      ["spectrum", "--top", str(min(2, H.shape[0])), "--seed", "7"]):
        built_in = run_json(cli, arguments[0], spec, *arguments[1:])
        through_oracle = run_json(cli, arguments[0], served, *arguments[1:], *checks)
        if "rank" in built_in:
            assert through_oracle["rank"] == built_in["rank"], arguments
        assert_same_eigenvalues(built_in["eigenvalues"], through_oracle["eigenvalues"], precision, scale)
    if np.min(np.linalg.eigvalsh(H)) >= -1e-12 * max(scale, 1):  # the covariance route needs a minimum
        arguments = ["--population", "10", "--kept", "100", "--seed", "7"]
        built_in = run_json(cli, "covariance", spec, *arguments)
        through_oracle = run_json(cli, "covariance", served, *arguments, *checks)
        assert through_oracle["rank"] == built_in["rank"]
        assert np.allclose(through_oracle["eigenvalues"], built_in["eigenvalues"], rtol=1e-9, atol=1e-12)


def test_seeded_specs_are_declared_not_reproducible():
    with pytest.raises(zoo_oracle.NotReproducible):
        zoo_oracle.model("quad:1,2:d=4:seed=3", {})


@pytest.mark.parametrize("spec", ["poly:(x0 - x1^2)^2 + x2^4:flat=1", "dln:3-2-3:rank=1", "dln:2-3-2-2:rank=2",
                                  "sum:poly:x0^2 + x1^4|dln:2-1-2:rank=1|quad:2,1:d=3"])
def test_the_numpy_models_have_exact_derivatives(spec):
    """Independent of HessianLab: the rebuilt models' gradients and HVPs against central differences
    (error O(h²) ≈ 1e-10 relative at h = 1e-5), and w* is a critical point with L(w*) = 0."""
    m = zoo_oracle.model(spec, {})
    rng = np.random.default_rng(11)
    h = 1e-5
    assert m.loss(m.point[None])[0] == 0 and not np.any(m.gradient(m.point[None]))
    P = m.point + 0.3 * rng.standard_normal((4, m.dimension))
    u = rng.standard_normal(m.dimension)
    fd_loss = (m.loss(P + h * u) - m.loss(P - h * u)) / (2 * h)
    assert np.allclose(m.gradient(P) @ u, fd_loss, rtol=1e-7, atol=1e-9)
    V = rng.standard_normal((m.dimension, 3))
    fd_hvp = np.stack([(m.gradient((m.point + h * v)[None])[0] - m.gradient((m.point - h * v)[None])[0]) / (2 * h)
                       for v in V.T], axis=1)
    assert np.allclose(m.hvp(V), fd_hvp, rtol=1e-7, atol=1e-8)


def test_several_oracle_processes_give_the_same_result(cli):
    spec = "quad:2*4,0.5,1e-3:d=9"
    one = run_json(cli, "rank", oracle_spec(spec), "--method", "block", "--seed", "7")
    three = run_json(cli, "rank", oracle_spec(spec), "--method", "block", "--seed", "7", "--oracle-processes", "3")
    assert three["rank"] == one["rank"] == 6
    # Equal up to the oracle's own rounding (its BLAS may round a column slice differently).
    assert np.allclose(three["eigenvalues"], one["eigenvalues"], rtol=1e-12, atol=0)


@pytest.mark.xfail(strict=True, reason="trust checks: gradientConsistency is relative to ‖H‖ and fails every "
                                       "correct oracle with H(w*) = 0 and a nonzero third or fourth derivative")
def test_trust_checks_accept_a_correct_oracle_whose_hessian_is_zero(cli):
    # x⁴ at 0: gradient 4x³ exactly, H = 0 exactly; central differences of the gradient are off by 4h².
    run_json(cli, "rank", oracle_spec("nc-x4"), "--method", "block", "--seed", "7")
