"""JAX adapter: ``hessianlab.jax.oracle(loss_fn, params)`` for any pytree of parameters.

HVPs are forward-over-reverse, ``jax.jvp(jax.grad(f), (w,), (v,))``, vmapped over the columns of
the block and jitted (blocks padded to power-of-two widths, so few shapes compile); losses are ``vmap(f)`` and gradients
``vmap(grad(f))``. The pytree is flattened with ``jax.flatten_util.ravel_pytree``.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import numpy as np

import jax
import jax.numpy as jnp
from jax.flatten_util import ravel_pytree

from .adapter import ModelOracle


def oracle(loss_fn: Callable[[Any], Any], params: Any, precision: Optional[str] = None,
           name: Optional[str] = None) -> ModelOracle:
    """The oracle of ``loss_fn(params) -> scalar`` at ``params`` (a pytree: w* is its flattening).

    ``precision``: ``"float64"`` enables JAX's x64 mode and casts the parameters to float64;
    ``"float32"`` casts them to float32; ``None`` keeps the parameters' own dtype (float32 unless
    x64 is enabled) and declares it. Cost: one HVP is about two gradient evaluations.
    """
    if precision == "float64":
        jax.config.update("jax_enable_x64", True)
    if precision is not None and precision not in ("float64", "float32"):
        raise ValueError(f"precision must be 'float64', 'float32' or None, not {precision!r}")
    if precision is not None:
        dtype = jnp.float64 if precision == "float64" else jnp.float32
        params = jax.tree_util.tree_map(lambda leaf: jnp.asarray(leaf, dtype=dtype), params)
    flat, unravel = ravel_pytree(params)
    dtype = flat.dtype
    declared = precision or ("float64" if dtype == jnp.float64 else "float32")

    def f(w: jax.Array) -> jax.Array:
        return loss_fn(unravel(w))

    w_star = flat
    grad_f = jax.grad(f)
    hvp_block = jax.jit(jax.vmap(lambda v: jax.jvp(grad_f, (w_star,), (v,))[1], in_axes=1, out_axes=1))
    loss_block = jax.jit(jax.vmap(f))
    gradient_block = jax.jit(jax.vmap(grad_f))

    def bucketed(function: Callable[[jax.Array], jax.Array], axis: int) -> Callable[[np.ndarray], np.ndarray]:
        """NumPy in and out; the block is padded (last vector repeated) along ``axis`` to the next power of two, so
        that a run compiles O(log k) shapes instead of one per block width."""
        def call(x: np.ndarray) -> np.ndarray:
            k = x.shape[axis]
            width = 1 << max(0, (k - 1).bit_length())
            padding = [(0, 0), (0, 0)]
            padding[axis] = (0, width - k)
            padded = np.pad(np.asarray(x, dtype=np.float64), padding, mode="edge")  # repeats, not zeros
            out = np.asarray(function(jnp.asarray(padded, dtype=dtype)), dtype=np.float64)
            return out[:, :k] if axis == 1 else out[:k]
        return call

    return ModelOracle(dimension=int(flat.size), point=np.asarray(flat, dtype=np.float64),
                       hvp=bucketed(hvp_block, 1), loss=bucketed(loss_block, 0),
                       gradient=bucketed(gradient_block, 0), precision=declared, name=name)
