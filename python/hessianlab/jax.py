"""JAX adapter: ``hessianlab.jax.oracle(loss_fn, params)`` for any pytree of parameters.

HVPs are forward-over-reverse, ``jax.jvp(jax.grad(f), (w,), (v,))``, vmapped over the columns of
the block and jitted (one compiled function per block width); losses are ``vmap(f)`` and gradients
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

    def numpy_in_out(function: Callable[[jax.Array], jax.Array]) -> Callable[[np.ndarray], np.ndarray]:
        return lambda x: np.asarray(function(jnp.asarray(x, dtype=dtype)), dtype=np.float64)

    return ModelOracle(dimension=int(flat.size), point=np.asarray(flat, dtype=np.float64),
                       hvp=numpy_in_out(hvp_block), loss=numpy_in_out(loss_block),
                       gradient=numpy_in_out(gradient_block), precision=declared, name=name)
