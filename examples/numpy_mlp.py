"""A NumPy MLP with hand-written Hessian-vector products, at a teacher minimum.

f(x) = W2·tanh(W1·x + b1) + b2, loss L(w) = (1/2n) Σᵢ ‖f(xᵢ) − yᵢ‖², with the targets made by the
same network (the teacher), so w* (the teacher's weights) is an exact minimum with L(w*) = 0.
The HVP is Pearlmutter's R-operator written out by hand (forward R-pass, then the backward pass
of the gradient differentiated along v) and is checked here against finite differences of the
gradient before anything else runs.

    python3 examples/numpy_mlp.py            # check the HVP, then run the analyses in-process
    python3 examples/numpy_mlp.py --serve    # be an oracle: hessian-lab rank 'oracle:python3 examples/numpy_mlp.py --serve'
"""
import sys

import numpy as np

from report import analyse, hessianlab

N_IN, N_HIDDEN, N_OUT, N = 4, 6, 2, 8
SHAPES = [("W1", (N_HIDDEN, N_IN)), ("b1", (N_HIDDEN,)), ("W2", (N_OUT, N_HIDDEN)), ("b2", (N_OUT,))]
D = sum(int(np.prod(shape)) for _, shape in SHAPES)  # 24 + 6 + 12 + 2 = 44

rng = np.random.default_rng(2026)
X = rng.standard_normal((N_IN, N))  # one sample per column


def unpack(w):
    """The flat vector w as the parameter arrays (views)."""
    out, start = {}, 0
    for name, shape in SHAPES:
        size = int(np.prod(shape))
        out[name] = w[start:start + size].reshape(shape)
        start += size
    return out


def pack(parts):
    """The parameter arrays as one flat vector (the order of SHAPES)."""
    return np.concatenate([parts[name].reshape(-1) for name, _ in SHAPES])


def forward(p):
    z = np.tanh(p["W1"] @ X + p["b1"][:, None])
    return z, p["W2"] @ z + p["b2"][:, None]


W_STAR = rng.standard_normal(D)
Y = forward(unpack(W_STAR))[1]  # the teacher's outputs: L(W_STAR) = 0


def loss(w):
    """L at one point."""
    return 0.5 / N * float(np.sum((forward(unpack(w))[1] - Y) ** 2))


def gradient(w):
    """∇L at one point, by backpropagation."""
    p = unpack(w)
    z, out = forward(p)
    g_out = (out - Y) / N
    g_a = (p["W2"].T @ g_out) * (1 - z**2)
    return pack({"W1": g_a @ X.T, "b1": g_a.sum(1), "W2": g_out @ z.T, "b2": g_out.sum(1)})


def hvp_at(w, v):
    """H(w)·v by the R-operator: every quantity of the gradient, differentiated along v."""
    p, r = unpack(w), unpack(v)
    z, out = forward(p)
    g_out = (out - Y) / N
    g_z = p["W2"].T @ g_out
    R_a = r["W1"] @ X + r["b1"][:, None]
    R_z = (1 - z**2) * R_a
    R_g_out = (r["W2"] @ z + p["W2"] @ R_z + r["b2"][:, None]) / N
    R_g_z = r["W2"].T @ g_out + p["W2"].T @ R_g_out
    R_g_a = R_g_z * (1 - z**2) - 2 * g_z * z * R_z
    return pack({"W1": R_g_a @ X.T, "b1": R_g_a.sum(1), "W2": R_g_out @ z.T + g_out @ R_z.T, "b2": R_g_out.sum(1)})


def hvp(v):
    """H(w*)·v for one vector: hessianlab.serve detects a single-vector function and loops it."""
    return hvp_at(W_STAR, v)


def check_against_finite_differences():
    """Central differences of the gradient (error O(h²)) at a point that is not the minimum, so the
    residual term of the Hessian is exercised too; and of the loss for the gradient."""
    check = np.random.default_rng(1)
    w = W_STAR + 0.3 * check.standard_normal(D)
    h = 1e-5
    worst_hvp = worst_gradient = 0.0
    for _ in range(5):
        v = check.standard_normal(D)
        fd = (gradient(w + h * v) - gradient(w - h * v)) / (2 * h)
        exact = hvp_at(w, v)
        worst_hvp = max(worst_hvp, np.linalg.norm(fd - exact) / np.linalg.norm(exact))
        fd_directional = (loss(w + h * v) - loss(w - h * v)) / (2 * h)
        worst_gradient = max(worst_gradient, abs(fd_directional - gradient(w) @ v) / abs(gradient(w) @ v))
    print(f"finite-difference check: HVP relative error {worst_hvp:.1e}, gradient {worst_gradient:.1e}")
    assert worst_hvp < 1e-6 and worst_gradient < 1e-6, "the hand-written derivatives are wrong"
    assert loss(W_STAR) == 0.0


ORACLE = hessianlab.Oracle(dimension=D, point=W_STAR, hvp=hvp, loss=loss, gradient=gradient,
                           name="numpy MLP 4-6-2 (teacher minimum)")

if __name__ == "__main__":
    if "--serve" in sys.argv[1:]:
        hessianlab.serve(dimension=D, point=W_STAR, hvp=hvp, loss=loss, gradient=gradient, name=ORACLE.name)
    check_against_finite_differences()
    # Gauss–Newton at a zero-residual minimum: rank H ≤ n·outputs = 16 < d = 44.
    analyse(ORACLE)
