"""The JAX adapter on a small MLP: HVP blocks equal jax.hessian's dense H times V, and the
CLI's block rank through the oracle equals the rank of that dense H."""
import numpy as np
import pytest

jax = pytest.importorskip("jax", reason="jax is not installed (scripts/test-python installs it)")
import jax.numpy as jnp  # noqa: E402
from jax.flatten_util import ravel_pytree  # noqa: E402

import hessianlab  # noqa: E402
import hessianlab.jax  # noqa: E402
from mlp import teacher_problem  # noqa: E402


@pytest.fixture(scope="module")
def problem():
    loss_fn, params = teacher_problem()
    flat, unravel = ravel_pytree(params)
    H = np.asarray(jax.hessian(lambda w: loss_fn(unravel(w)))(flat))
    return loss_fn, params, np.asarray(flat), H


def test_hvp_block_equals_dense_hessian_times_v(problem):
    loss_fn, params, w, H = problem
    oracle = hessianlab.jax.oracle(loss_fn, params, precision="float64")
    assert oracle.dimension == w.size == 26 and oracle.precision == "float64"
    assert np.array_equal(oracle.point, w)
    V = np.random.default_rng(0).standard_normal((w.size, 7))
    scale = np.linalg.norm(H, 2) * np.linalg.norm(V, axis=0).max()
    assert np.max(np.abs(oracle.hvp(V) - H @ V)) <= 1e-12 * scale


def test_losses_and_gradients_are_batched_and_right(problem):
    loss_fn, params, w, H = problem
    oracle = hessianlab.jax.oracle(loss_fn, params, precision="float64")
    _, unravel = ravel_pytree(params)
    P = w + 0.01 * np.random.default_rng(1).standard_normal((4, w.size))
    expected = np.array([float(loss_fn(unravel(jnp.asarray(p)))) for p in P])
    assert np.allclose(oracle.loss(P), expected, rtol=1e-13, atol=0)
    assert abs(oracle.loss(w[None])[0]) < 1e-28  # the teacher minimum
    G = oracle.gradient(P)
    # Central differences of the loss along e_j, O(h²) error.
    h = 1e-6
    j = 5
    e = np.zeros(w.size)
    e[j] = h
    fd = (oracle.loss(P + e) - oracle.loss(P - e)) / (2 * h)
    assert np.allclose(G[:, j], fd, rtol=1e-6, atol=1e-9)


def test_float32_precision_is_declared():
    loss_fn, params = teacher_problem()
    oracle = hessianlab.jax.oracle(loss_fn, params, precision="float32")
    assert oracle.precision == "float32"
    assert oracle.hvp(np.eye(oracle.dimension)).shape == (oracle.dimension, oracle.dimension)


def numerical_rank(H, precision="float64"):
    """rank with τ = max|λ|·d·ε, the CLI's precision-relative threshold (docs/oracle-protocol.md)."""
    eps = np.finfo(np.float32 if precision == "float32" else np.float64).eps
    eigenvalues = np.linalg.eigvalsh(H)
    tau = np.max(np.abs(eigenvalues)) * H.shape[0] * eps
    return int(np.sum(np.abs(eigenvalues) > tau)), eigenvalues, tau


def test_the_rank_has_a_clear_gap(problem):
    # So that the end-to-end comparison below does not hinge on rounding at the threshold.
    *_, H = problem
    rank, eigenvalues, tau = numerical_rank(H)
    assert rank == np.linalg.matrix_rank(H, tol=tau)
    above = np.sort(np.abs(eigenvalues))[::-1]
    assert above[rank - 1] > 1e6 * tau and above[rank] < 0.1 * tau
    assert 0 < rank < H.shape[0]


def test_cli_block_rank_through_the_oracle_is_the_dense_rank(problem, cli, monkeypatch):
    monkeypatch.setenv("HESSIAN_LAB", cli)
    loss_fn, params, w, H = problem
    rank, eigenvalues, _ = numerical_rank(H)
    report = hessianlab.rank(hessianlab.jax.oracle(loss_fn, params, precision="float64"),
                             method="block", seed=7)
    assert report["rank"] == rank
    top = np.sort(eigenvalues)[::-1][:rank]
    assert np.allclose(np.sort(report["eigenvalues"])[::-1][:rank], top, rtol=1e-9, atol=1e-12 * top[0])
