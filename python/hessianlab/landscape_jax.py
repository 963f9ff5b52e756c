"""A served landscape as JAX functions: ``Landscape(spec).jax()`` (see :class:`JaxLandscape`).

Each function is a ``jax.pure_callback`` into the server, so it works under ``jax.jit`` and
``jax.vmap`` (``vmap_method="expand_dims"``: a vmapped call is **one** request for the whole
batch). Derivatives are ``jax.custom_jvp`` rules that ask the server, never JAX's autodiff of a
callback:

- ``loss``'s rule: L(w), ⟨∇L(w), t⟩ (the server's GRADIENT);
- ``gradient``'s rule: ∇L(w), ∇²L(w)·t (the server's HVP).

So ``jax.grad(loss)``, the HVP ``jax.jvp(jax.grad(loss), (w,), (v,))[1]``, ``jax.hessian(loss)``
(forward-over-reverse) and ``jax.jacfwd`` all return the server's numbers.

Limits, by design of the protocol (``docs/oracle-protocol.md``): the server's HVP is at w* only.
A second derivative asked at any other point raises :class:`hessianlab.LandscapeError` from the
callback ("... at w* only ...", wrapped by JAX in its runtime error) instead of answering with a
wrong number; w must equal w* exactly in its own dtype (``jnp.asarray(landscape.point)``). JAX
does not promise how an exception inside a callback surfaces (its documentation calls it a side
effect); with the CPU backend it stops the computation with a runtime error that quotes the
``LandscapeError`` (tested), never with a number.
Reverse-over-reverse (``jax.grad`` of a function of ``jax.grad(loss)``, ``jacrev(jacrev(loss))``)
is not supported: JAX cannot transpose a callback (it raises); use forward-over-reverse.

Precision: the functions compute in the dtype of their argument. Enable float64
(``jax.config.update("jax_enable_x64", True)``) to get the server's float64 numbers unchanged;
with JAX's default float32 they are the server's float64 results rounded to float32.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

import numpy as np

import jax
import jax.numpy as jnp

if TYPE_CHECKING:  # pragma: no cover
    from .landscape import Landscape

__all__ = ["JaxLandscape", "jax_functions"]


@dataclass(frozen=True)
class JaxLandscape:
    """JAX functions of a served landscape (all for one point or vector of shape (d,); vmap them
    for batches, each vmapped call being one request):

    - ``loss(w)`` → L(w), a scalar; differentiable (gradient by the server).
    - ``gradient(w)`` → ∇L(w), shape (d,); differentiable at w* (the HVP by the server).
    - ``hvp(v)`` → ∇²L(w*)·v, shape (d,); linear in v (``jax.jvp`` works; reverse mode does not).
    - ``point``: w* as a JAX array (in JAX's default float dtype), ``dimension``: d.
    """

    loss: Callable[[Any], Any]
    gradient: Callable[[Any], Any]
    hvp: Callable[[Any], Any]
    point: Any
    dimension: int


def jax_functions(landscape: "Landscape") -> JaxLandscape:
    """The :class:`JaxLandscape` of a live :class:`hessianlab.Landscape` (which must stay open while
    the functions are used). Cost: ``loss`` is one LOSS request per call (or per vmapped batch),
    ``jax.grad(loss)`` one LOSS and one GRADIENT request, an HVP by ``jax.jvp(jax.grad(loss))``
    two GRADIENT requests and one HVP request (fewer under ``jax.jit``, which drops unused
    primal values)."""
    d = landscape.dimension
    point = np.asarray(landscape.point, dtype=np.float64)

    def as_point(x: Any, what: str) -> Any:
        """``x`` as a floating JAX array whose last axis has length d (else ``ValueError``)."""
        x = jnp.asarray(x)
        if not jnp.issubdtype(x.dtype, jnp.floating):
            x = x.astype(jnp.result_type(float))
        if x.ndim < 1 or x.shape[-1] != d:
            raise ValueError(f"{what}: the argument must have shape ({d},) (vmap for batches), not {x.shape}")
        return x

    def loss_callback(w: np.ndarray) -> np.ndarray:
        rows = np.asarray(w, dtype=np.float64).reshape(-1, d)
        return np.asarray(landscape.loss(rows)).reshape(w.shape[:-1]).astype(w.dtype)

    def gradient_callback(w: np.ndarray) -> np.ndarray:
        rows = np.asarray(w, dtype=np.float64).reshape(-1, d)
        return landscape.gradient(rows).reshape(w.shape).astype(w.dtype)

    def hvp_callback(w: np.ndarray, v: np.ndarray) -> np.ndarray:
        w_rows, v_rows = np.broadcast_arrays(np.asarray(w), np.asarray(v))
        shape, dtype = v_rows.shape, np.result_type(np.asarray(w).dtype, np.asarray(v).dtype)
        w_rows, v_rows = w_rows.reshape(-1, d), v_rows.reshape(-1, d)
        at_point = np.all(w_rows == point.astype(w_rows.dtype), axis=1)
        if not at_point.all():
            from .landscape import LandscapeError
            distance = float(np.abs(w_rows[~at_point].astype(np.float64) - point).max())
            raise LandscapeError(f"{landscape.spec}: a Hessian-vector product asked at a point other than w* "
                                 f"(max |w - w*| = {distance:.3g}); the server's HVP is at w* only "
                                 f"(docs/oracle-protocol.md), so second derivatives are available at w* only")
        return landscape.hvp(v_rows.astype(np.float64).T).T.reshape(shape).astype(dtype)

    def hvp_at(w: Any, v: Any) -> Any:
        """∇²L(w)·v through the server; its callback refuses w ≠ w*."""
        shape = jnp.broadcast_shapes(w.shape, v.shape)
        dtype = jnp.result_type(w, v)
        return jax.pure_callback(hvp_callback, jax.ShapeDtypeStruct(shape, dtype), w, v, vmap_method="expand_dims")

    @jax.custom_jvp
    def gradient(w: Any) -> Any:
        w = as_point(w, "gradient")
        return jax.pure_callback(gradient_callback, jax.ShapeDtypeStruct(w.shape, w.dtype), w,
                                 vmap_method="expand_dims")

    @gradient.defjvp
    def gradient_jvp(primals: Any, tangents: Any) -> Any:
        (w,), (t,) = primals, tangents
        return gradient(w), hvp_at(w, t)

    @jax.custom_jvp
    def loss(w: Any) -> Any:
        w = as_point(w, "loss")
        return jax.pure_callback(loss_callback, jax.ShapeDtypeStruct(w.shape[:-1], w.dtype), w,
                                 vmap_method="expand_dims")

    @loss.defjvp
    def loss_jvp(primals: Any, tangents: Any) -> Any:
        (w,), (t,) = primals, tangents
        return loss(w), jnp.sum(gradient(w) * t, axis=-1)

    @jax.custom_jvp
    def hvp(v: Any) -> Any:
        v = as_point(v, "hvp")
        return hvp_at(jnp.asarray(point, dtype=v.dtype), v)

    @hvp.defjvp
    def hvp_jvp(primals: Any, tangents: Any) -> Any:
        (v,), (t,) = primals, tangents
        return hvp(v), hvp(t)

    return JaxLandscape(loss=loss, gradient=gradient, hvp=hvp, point=jnp.asarray(point), dimension=d)
