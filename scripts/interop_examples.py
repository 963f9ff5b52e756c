#!/usr/bin/env python3
"""The NumPy-only snippets of docs/interop.md, run end to end.

Each example writes .npy files with NumPy, runs `hessian-lab` on them and checks
the answer against one computed independently in NumPy. Run from the repository
root:

    python3 scripts/interop_examples.py [--hessian-lab PATH] [--workdir DIR]

PATH defaults to $HESSIAN_LAB, then .build/debug/hessian-lab. Exit status 0 when
every example agrees, 1 otherwise. Needs NumPy only (PyTorch and JAX snippets
in docs/interop.md are shown, not run).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def run(cli, *args):
    """Runs `hessian-lab args…` and returns the decoded --json report."""
    out = subprocess.run([cli, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


# --- Example 1: a dense Hessian from NumPy -----------------------------------
# A least-squares model L(w) = ½‖Xw − y‖²/n with 12 parameters whose features
# span only 4 directions: H = XᵀX/n has rank 4 exactly.
def least_squares_model(rng, d=12, r=4, n=200):
    basis = rng.standard_normal((r, d))
    X = rng.standard_normal((n, r)) @ basis  # n × d, rank r
    y = X @ rng.standard_normal(d)
    return X, y


def example_dense_hessian(cli, work):
    rng = np.random.default_rng(2026)
    X, y = least_squares_model(rng)
    n, d = X.shape
    H = X.T @ X / n
    H = (H + H.T) / 2  # exactly symmetric: HessianLab checks symmetry
    path = os.path.join(work, "hessian.npy")
    np.save(path, H)  # float64, C order: what HessianLab reads

    eig_path = os.path.join(work, "eigenvalues.npy")
    report = run(cli, "rank", path, "--method", "dense", "--json", "--save", eig_path)
    expected = np.linalg.matrix_rank(H)  # NumPy's rule: S.max()·max(M, N)·eps
    assert report["rank"] == expected == 4, (report["rank"], expected)
    # --save wrote the eigenvalues HessianLab used: compare with NumPy's.
    eigenvalues = np.load(eig_path)
    assert np.allclose(eigenvalues, np.linalg.eigvalsh(H), atol=1e-12 * np.abs(H).max()), eigenvalues
    print(f"dense Hessian: rank {report['rank']} of d = {d} (NumPy matrix_rank {expected}), "
          f"threshold {report['threshold']:.3g}, gap ratio {report['gapRatio']:.3g}")
    return path, H


# --- Example 2: a low-rank factor probed with Hessian-vector products ---------
# When only v ↦ Hv is available (autograd), sketch the range with k random
# probes (Halko–Martinsson–Tropp): Q = orth(H Ω), B = Qᵀ H Q, H ≈ Q B Qᵀ.
# 2k HVPs instead of d; exact when k ≥ rank H.
def example_hvp_low_rank(cli, work, X, k=8):
    n, d = X.shape

    def hvp(v):  # exact HVP of the least-squares loss, as autograd would give
        return X.T @ (X @ v) / n

    rng = np.random.default_rng(7)
    omega = rng.standard_normal((d, k))
    Y = np.column_stack([hvp(omega[:, j]) for j in range(k)])
    Q, _ = np.linalg.qr(Y)
    B = Q.T @ np.column_stack([hvp(Q[:, j]) for j in range(k)])
    B = (B + B.T) / 2
    H_sketch = Q @ B @ Q.T
    H_sketch = (H_sketch + H_sketch.T) / 2
    path = os.path.join(work, "hessian-sketch.npy")
    np.save(path, H_sketch)
    np.save(os.path.join(work, "factor-Q.npy"), Q)  # the factor itself, for reuse in NumPy
    report = run(cli, "rank", path, "--json")
    assert report["rank"] == 4, report
    print(f"HVP sketch (k = {k} probes, {2 * k} HVPs): rank {report['rank']} of d = {d}")


# --- Example 3: evolution-strategies samples ----------------------------------
# (1,λ) selection around the minimum: keep the best of λ Gaussian candidates
# per round. The kept points' covariance is σ²I on the null space of H and
# strictly smaller on its range, so rank H = #{eigenvalues < σ²(1 − √(d/n))²}
# (the Marchenko–Pastur read-out HessianLab's `covariance` command uses).
def es_samples(H, rng, population=10, kept=400, sigma=1.0):
    d = H.shape[0]
    z = rng.standard_normal((kept, population, d)) * sigma
    losses = 0.5 * np.einsum("kpi,ij,kpj->kp", z, H, z)
    winners = z[np.arange(kept), losses.argmin(axis=1)]
    return winners  # kept × d displacements from the minimum


def readout(samples, sigma):
    n, d = samples.shape
    C = samples.T @ samples / n  # second moment: sampling is centred at w*
    tau = sigma**2 * (1 - np.sqrt(d / n)) ** 2
    return int((np.linalg.eigvalsh(C) < tau).sum()), C, tau


def example_es_samples(cli, work, hessian_path, H, population=10, kept=400, sigma=1.0):
    rng = np.random.default_rng(11)
    samples = es_samples(H, rng, population, kept, sigma)
    np.save(os.path.join(work, "es-samples.npy"), samples)
    numpy_rank, _, tau = readout(samples, sigma)

    # The same experiment run by HessianLab on the Hessian file, with its
    # covariance saved for NumPy.
    cov_path = os.path.join(work, "covariance.npy")
    report = run(cli, "covariance", hessian_path, "--population", str(population), "--kept", str(kept),
                 "--sigma", str(sigma), "--seed", "1", "--diagnostic-kept", "0", "--json", "--save", cov_path)
    C = np.load(cov_path)
    lab_rank_in_numpy = int((np.linalg.eigvalsh(C) < report["threshold"]).sum())
    assert numpy_rank == report["rank"] == lab_rank_in_numpy == 4, (numpy_rank, report["rank"], lab_rank_in_numpy)
    assert np.isclose(report["threshold"], tau), (report["threshold"], tau)
    print(f"ES samples (λ = {population}, n = {kept}, σ = {sigma}): NumPy read-out {numpy_rank}, "
          f"hessian-lab covariance {report['rank']}, τ = {tau:.3g}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hessian-lab", default=os.environ.get("HESSIAN_LAB", ".build/debug/hessian-lab"))
    parser.add_argument("--workdir", default=None, help="keep the .npy files here (default: a temporary folder)")
    args = parser.parse_args()
    cli = os.path.abspath(args.hessian_lab)
    if not os.access(cli, os.X_OK):
        sys.exit(f"interop_examples.py: no hessian-lab executable at {cli} (build it, or pass --hessian-lab)")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or tmp
        os.makedirs(work, exist_ok=True)
        try:
            hessian_path, H = example_dense_hessian(cli, work)
            rng = np.random.default_rng(2026)
            X, _ = least_squares_model(rng)
            example_hvp_low_rank(cli, work, X)
            example_es_samples(cli, work, hessian_path, H)
        except subprocess.CalledProcessError as error:
            sys.exit(f"interop_examples.py: {' '.join(error.cmd)} failed ({error.returncode}): {error.stderr.strip()}")
        except AssertionError as error:
            sys.exit(f"interop_examples.py: mismatch: {error}")
    print("all interop examples agree")


if __name__ == "__main__":
    main()
