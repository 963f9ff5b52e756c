"""``Landscape.jax()``: JAX's gradient and HVP through ``pure_callback`` and ``custom_jvp`` are the
server's, on a deep linear network, a polynomial, a quadratic in a random basis and a sum.

"To rounding": the JAX path adds no arithmetic of its own to the server's float64 numbers beyond
a product by the cotangent 1.0 and sums with exact zeros (condition factor 1), so every entry
must agree within 4 ulps of the reference's largest entry, |Δ| ≤ 4·ε·‖ref‖∞. Fixed seed 19.
Skipped when jax or a hessian-lab with ``serve`` is missing."""
import numpy as np
import pytest

jax = pytest.importorskip("jax", reason="jax is not installed (pip install './python[jax]')")
import jax.numpy as jnp  # noqa: E402

from hessianlab import Landscape  # noqa: E402
from served import serve_binary  # noqa: E402

SPECS = ["dln:4-3-5:rank=2", "poly:x0^2*x1^4 + x2^2 + (x0 - x1)^2", "quad-full-rank", "sum-edge-xy2"]
ULPS = 4
EPS = np.finfo(np.float64).eps


def close_to_rounding(actual, reference):
    """max |actual − reference| ≤ ULPS·ε·‖reference‖∞ (see the module docstring)."""
    actual, reference = np.asarray(actual, dtype=np.float64), np.asarray(reference, dtype=np.float64)
    assert actual.shape == reference.shape
    bound = ULPS * EPS * max(np.abs(reference).max(), np.finfo(np.float64).tiny)
    error = np.abs(actual - reference).max()
    assert error <= bound, f"max error {error:.3g} > {bound:.3g}"


@pytest.fixture
def x64():
    """float64 JAX for the duration of a test (restored after, so other tests keep JAX's default)."""
    previous = jax.config.jax_enable_x64
    jax.config.update("jax_enable_x64", True)
    yield
    jax.config.update("jax_enable_x64", previous)


@pytest.fixture
def binary():
    found = serve_binary()
    if found is None:
        pytest.skip("no hessian-lab with `serve` (run `swift build` or set HESSIAN_LAB)")
    return found


class Counting:
    """Wraps a landscape's NumPy functions and records the shape of every request."""

    def __init__(self, landscape):
        self.requests = []
        for name in ("loss", "gradient", "hvp"):
            original = getattr(landscape, name)
            setattr(landscape, name, self._wrap(name, original))

    def _wrap(self, name, original):
        def call(x):
            self.requests.append((name, np.shape(x)))
            return original(x)
        return call


@pytest.mark.parametrize("spec", SPECS)
def test_gradient_and_hvp_through_pure_callback_are_the_servers(binary, x64, spec):
    rng = np.random.default_rng(19)
    with Landscape(spec, binary=binary) as f:
        J = f.jax()
        d = f.dimension
        w_star = jnp.asarray(f.point)
        jit_gradient = jax.jit(jax.grad(J.loss))
        jit_hvp = jax.jit(lambda u: jax.jvp(jax.grad(J.loss), (w_star,), (u,))[1])
        points = f.point + 0.5 * rng.standard_normal((3, d))
        for w in points:
            close_to_rounding(J.loss(jnp.asarray(w)), f.loss(w))
            close_to_rounding(jax.grad(J.loss)(jnp.asarray(w)), f.gradient(w))
            close_to_rounding(jit_gradient(jnp.asarray(w)), f.gradient(w))
            value, gradient = jax.value_and_grad(J.loss)(jnp.asarray(w))
            close_to_rounding(value, f.loss(w))
            close_to_rounding(gradient, f.gradient(w))
        V = rng.standard_normal((d, 3))
        reference = f.hvp(V)
        for j in range(3):
            v = jnp.asarray(V[:, j])
            gradient, hv = jax.jvp(jax.grad(J.loss), (w_star,), (v,))
            close_to_rounding(gradient, f.gradient(f.point))
            close_to_rounding(hv, reference[:, j])
            close_to_rounding(jit_hvp(v), reference[:, j])
            close_to_rounding(J.hvp(v), reference[:, j])
            close_to_rounding(jax.jvp(J.gradient, (w_star,), (v,))[1], reference[:, j])
        H = f.hvp(np.eye(d))
        close_to_rounding(jax.hessian(J.loss)(w_star), H)
        close_to_rounding(jax.jit(jax.hessian(J.loss))(w_star), H)
        close_to_rounding(jax.jacfwd(J.gradient)(w_star), H)
        close_to_rounding(jax.vmap(J.hvp)(jnp.asarray(V.T)), reference.T)


def test_a_vmapped_call_is_one_request(binary, x64):
    rng = np.random.default_rng(19)
    with Landscape("dln:4-3-5:rank=2", binary=binary) as f:
        J = f.jax()
        d = f.dimension
        counting = Counting(f)
        W = jnp.asarray(f.point + rng.standard_normal((5, d)))
        losses = jax.vmap(J.loss)(W)
        assert counting.requests == [("loss", (5, d))]
        close_to_rounding(losses, f.loss(np.asarray(W)))
        counting.requests.clear()
        jax.jit(jax.vmap(jax.grad(J.loss)))(W)
        assert counting.requests == [("gradient", (5, d))]  # jit drops the unused loss
        counting.requests.clear()
        jax.vmap(J.hvp)(jnp.eye(d))
        assert counting.requests == [("hvp", (d, d))]
        counting.requests.clear()
        jax.jit(jax.hessian(J.loss))(J.point)
        assert counting.requests == [("hvp", (d, d))]  # the Hessian in one request (jit drops the gradient)


def test_second_derivatives_away_from_the_minimum_are_refused(binary, x64):
    with Landscape("newton-edge", binary=binary) as f:
        J = f.jax()
        w = jnp.asarray(f.point + np.array([0.5, 0.25]))
        close_to_rounding(jax.grad(J.loss)(w), f.gradient(np.asarray(w)))  # first derivatives: anywhere
        with pytest.raises(Exception, match=r"other than w\*.*HVP is at w\* only"):
            jax.hessian(J.loss)(w)
        with pytest.raises(Exception, match=r"other than w\*"):
            jax.jvp(J.gradient, (w,), (jnp.ones(2),))
        # Reverse-over-reverse is not supported (documented): JAX cannot transpose a callback.
        with pytest.raises(Exception, match="transpose"):
            jax.grad(lambda u: jnp.sum(jax.grad(J.loss)(u)))(J.point)
        # The landscape is still usable after a refused request (the refusal is client-side).
        assert f.loss(f.point) == 0.0


def test_shapes_are_checked_when_traced(binary, x64):
    with Landscape("newton-edge", binary=binary) as f:
        J = f.jax()
        with pytest.raises(ValueError, match=r"shape \(2,\)"):
            J.loss(jnp.zeros(3))
        with pytest.raises(ValueError, match=r"shape \(2,\)"):
            J.hvp(jnp.zeros(3))


def test_float32_follows_the_argument_dtype(binary):
    previous = jax.config.jax_enable_x64
    jax.config.update("jax_enable_x64", False)
    try:
        with Landscape("quad-full-rank", binary=binary) as f:
            J = f.jax()
            assert J.point.dtype == jnp.float32
            H = jax.hessian(J.loss)(J.point)  # w* rounded to float32 is recognised as w*
            assert H.dtype == jnp.float32
            reference = f.hvp(np.eye(f.dimension))
            # One float32 rounding of each float64 entry: |Δ| ≤ ε₃₂/2 · |entry| ≤ ε₃₂ · ‖H‖∞.
            assert np.abs(np.asarray(H, dtype=np.float64) - reference).max() <= \
                np.finfo(np.float32).eps * np.abs(reference).max()
    finally:
        jax.config.update("jax_enable_x64", previous)
