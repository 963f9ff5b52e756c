"""A JAX MLP trained to a minimum, served to HessianLab through hessianlab.jax.

A 2-16-1 tanh network is fitted to 12 points of a smooth target (gradient descent, then
Gauss–Newton steps until it interpolates); the Hessian of the training loss at the trained
weights is then examined without ever forming it (forward-over-reverse HVPs, vmapped over each
block). With d = 65 parameters and 12 data points, H = JᵀJ/n at the interpolating minimum has
rank at most 12.

    python3 examples/jax_mlp.py            # train, then run the analyses in-process
    python3 examples/jax_mlp.py --serve    # be an oracle: hessian-lab rank 'oracle:python3 examples/jax_mlp.py --serve'
"""
import sys

import jax
import jax.flatten_util
import jax.numpy as jnp
import numpy as np

from report import analyse, hessianlab
import hessianlab.jax  # noqa: E402

jax.config.update("jax_enable_x64", True)

key_w1, key_w2, key_x = jax.random.split(jax.random.PRNGKey(0), 3)
x = jax.random.uniform(key_x, (12, 2), minval=-1.0, maxval=1.0)
y = jnp.sin(2.0 * x[:, :1]) * x[:, 1:]


def model(params, inputs):
    return jnp.tanh(inputs @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]


def loss_fn(params):
    return 0.5 * jnp.mean((model(params, x) - y) ** 2)


def train(steps=500, rate=0.5, polish=20):
    """Full-batch gradient descent, then minimum-norm Gauss–Newton steps w ← w − Jᵀ(JJᵀ)⁻¹r on
    the residuals r (12 equations, 65 unknowns) until the fit interpolates: L(w*) ≈ 0, ∇L(w*) ≈ 0."""
    params = {"W1": jax.random.normal(key_w1, (2, 16)), "b1": jnp.zeros(16),
              "W2": 0.5 * jax.random.normal(key_w2, (16, 1)), "b2": jnp.zeros(1)}
    step = jax.jit(lambda p: jax.tree_util.tree_map(lambda a, g: a - rate * g, p, jax.grad(loss_fn)(p)))
    for _ in range(steps):
        params = step(params)
    flat, unravel = jax.flatten_util.ravel_pytree(params)
    residuals = jax.jit(lambda w: (model(unravel(w), x) - y).reshape(-1))
    jacobian = jax.jit(jax.jacfwd(residuals))
    for _ in range(polish):
        r, J = residuals(flat), jacobian(flat)
        flat = flat - J.T @ jnp.linalg.solve(J @ J.T, r)
    return unravel(flat)


if __name__ == "__main__":
    params = train()
    oracle = hessianlab.jax.oracle(loss_fn, params, precision="float64", name="JAX MLP 2-16-1")
    if "--serve" in sys.argv[1:]:
        oracle.serve()
    gradient_norm = float(np.linalg.norm(oracle.gradient(oracle.point[None])[0]))
    print(f"trained: loss {float(loss_fn(params)):.3g}, ‖∇L(w*)‖ = {gradient_norm:.3g}, d = {oracle.dimension}")
    analyse(oracle)
