"""The examples: the hand-written HVPs are right (always), and each example runs end to end
against the CLI (when it has oracle support)."""
import os
import subprocess
import sys

import numpy as np
import pytest

from conftest import HERE

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "examples")
sys.path.insert(0, EXAMPLES)


def test_numpy_mlp_hvp_is_the_dense_hessian_of_finite_differences():
    import numpy_mlp as m
    m.check_against_finite_differences()
    # Independent of the R-operator: the Hessian by central differences of the gradient at w*.
    h = 1e-5
    H_fd = np.stack([(m.gradient(m.W_STAR + h * e) - m.gradient(m.W_STAR - h * e)) / (2 * h) for e in np.eye(m.D)], 1)
    H = np.stack([m.hvp(e) for e in np.eye(m.D)], 1)
    assert np.max(np.abs(H - H_fd)) < 1e-7 * np.max(np.abs(H))
    eigenvalues = np.linalg.eigvalsh(H)
    tau = np.max(np.abs(eigenvalues)) * m.D * np.finfo(float).eps
    assert int(np.sum(np.abs(eigenvalues) > tau)) == m.N * m.N_OUT  # Gauss–Newton at zero residual


@pytest.mark.parametrize("example, needs", [("numpy_mlp.py", None), ("jax_mlp.py", "jax"), ("torch_mlp.py", "torch")])
def test_example_runs_end_to_end(cli, example, needs):
    if needs:
        pytest.importorskip(needs, reason=f"{needs} is not installed")
    done = subprocess.run([sys.executable, os.path.join(EXAMPLES, example)], capture_output=True, text=True,
                          timeout=900, env={**os.environ, "HESSIAN_LAB": cli}, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    for needle in ("rank (block Krylov):", "top eigenvalues:", "covariance read-out:", "LLC bounds", "verdict"):
        assert needle in done.stdout, (needle, done.stdout)


def test_the_quickstart_prints_the_rank_of_its_dense_hessian(cli):
    pytest.importorskip("jax", reason="jax is not installed")
    done = subprocess.run([sys.executable, os.path.join(EXAMPLES, "quickstart_jax.py")], capture_output=True,
                          text=True, timeout=600, env={**os.environ, "HESSIAN_LAB": cli}, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    # The dense rank of jax.hessian at the same point, with the same threshold τ = max|λ|·d·ε.
    from jax.flatten_util import ravel_pytree
    import jax
    namespace: dict = {}
    exec(open(os.path.join(EXAMPLES, "quickstart_jax.py")).read().split("report =")[0], namespace)
    flat, unravel = ravel_pytree(namespace["w"])
    H = np.asarray(jax.hessian(lambda v: namespace["loss"](unravel(v)))(flat))
    eigenvalues = np.linalg.eigvalsh(H)
    rank = int(np.sum(np.abs(eigenvalues) > np.max(np.abs(eigenvalues)) * H.shape[0] * np.finfo(float).eps))
    assert rank == 8  # 8 samples, one output, a teacher minimum: H = JᵀJ/n
    assert done.stdout.startswith(f"rank {rank} of d = {H.shape[0]}"), done.stdout
    # README's "Your own model" shows this run's real output.
    readme = open(os.path.join(os.path.dirname(EXAMPLES), "README.md"), encoding="utf-8").read()
    shown = readme.split("$ .venv-python/bin/python examples/quickstart_jax.py\n", 1)[1].split("\n```", 1)[0]
    assert shown.strip() == done.stdout.strip(), (shown, done.stdout)
