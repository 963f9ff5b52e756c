"""A small tanh MLP in JAX at a teacher minimum, shared by the JAX tests (needs jax)."""
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)

SIZES = (3, 4, 2)  # inputs, hidden, outputs: d = 3·4 + 4 + 4·2 + 2 = 26
SAMPLES = 5


def init(key):
    k1, k2, k3, k4, k5 = jax.random.split(key, 5)
    n_in, n_hidden, n_out = SIZES
    params = {"W1": jax.random.normal(k1, (n_hidden, n_in)), "b1": 0.1 * jax.random.normal(k2, (n_hidden,)),
              "W2": jax.random.normal(k3, (n_out, n_hidden)), "b2": 0.1 * jax.random.normal(k4, (n_out,))}
    x = jax.random.normal(k5, (SAMPLES, n_in))
    return params, x


def forward(params, x):
    return jnp.tanh(x @ params["W1"].T + params["b1"]) @ params["W2"].T + params["b2"]


def teacher_problem(seed=0):
    """(loss_fn, params*): the student's loss at the teacher's own parameters is 0 (a minimum)."""
    params, x = init(jax.random.PRNGKey(seed))
    params = jax.tree_util.tree_map(lambda a: a.astype(jnp.float64), params)
    y = forward(params, x.astype(jnp.float64))

    def loss_fn(p):
        return 0.5 * jnp.mean(jnp.sum((forward(p, x) - y) ** 2, axis=1))
    return loss_fn, params
