import jax, jax.numpy as jnp, hessianlab, hessianlab.jax
jax.config.update("jax_enable_x64", True)
keys = jax.random.split(jax.random.PRNGKey(0), 3)
x = jax.random.normal(keys[0], (8, 3))                      # 8 samples, 3 inputs
w = {"W": jax.random.normal(keys[1], (3, 5)), "v": jax.random.normal(keys[2], (5,))}
y = jnp.tanh(x @ w["W"]) @ w["v"]                             # a teacher: w is a minimum
loss = lambda p: 0.5 * jnp.mean((jnp.tanh(x @ p["W"]) @ p["v"] - y) ** 2)
report = hessianlab.rank(hessianlab.jax.oracle(loss, w), method="block", seed=7)
print(f"rank {report['rank']} of d = {report['dimension']}, τ = {report['threshold']:.2e}, "
      f"{report['hessianVectorProducts']} HVPs")
