"""A NumPy oracle of L(w) = ½ (w − w*)ᵀ H (w − w*), H = A Aᵀ of rank 3 in d = 6, for the tests.

``python3 quadratic_oracle.py MODE``: ``block`` (block functions), ``single`` (single-vector
functions, looped by serve), ``float32``, ``noisy`` (prints to stdout while serving),
``raises`` (the HVP raises), ``nan`` (the HVP returns NaN), ``shape`` (the HVP returns d×(k+1)),
``hvp-only``.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import hessianlab  # noqa: E402

D = 6
A = np.random.default_rng(7).standard_normal((D, 3))
H = A @ A.T
W_STAR = np.linspace(-1.0, 1.0, D)


def block_hvp(V):
    return H @ V


def block_loss(P):
    X = P - W_STAR
    return 0.5 * np.einsum("ni,ij,nj->n", X, H, X)


def block_gradient(P):
    return (P - W_STAR) @ H


def single_hvp(v):
    assert v.shape == (D,), v.shape
    return H @ v


def single_loss(w):
    x = w - W_STAR
    return 0.5 * float(x @ H @ x)


def single_gradient(w):
    assert w.shape == (D,), w.shape
    return H @ (w - W_STAR)


def main(mode: str) -> None:
    hvp, loss, gradient = block_hvp, block_loss, block_gradient
    precision = "float64"
    if mode == "single":
        hvp, loss, gradient = single_hvp, single_loss, single_gradient
    elif mode == "float32":
        precision = "float32"
    elif mode == "noisy":
        def hvp(V):
            print("a user print inside the HVP")
            os.write(1, b"raw bytes to fd 1\n")
            return H @ V
    elif mode == "raises":
        def hvp(V):
            raise RuntimeError("the model broke")
    elif mode == "nan":
        def hvp(V):
            out = H @ V
            out[0, 0] = np.nan
            return out
    elif mode == "shape":
        def hvp(V):
            return np.zeros((D, V.shape[1] + 1))
    elif mode == "hvp-only":
        loss = gradient = None
    elif mode != "block":
        raise SystemExit(f"unknown mode {mode}")
    print("starting", mode, file=sys.stderr)  # before serve, stdout is still the channel
    hessianlab.serve(dimension=D, point=W_STAR, hvp=hvp, loss=loss, gradient=gradient,
                     precision=precision, name=f"quadratic {mode}")


if __name__ == "__main__":
    main(sys.argv[1])  # further arguments are ignored (tests use one to find the process)
