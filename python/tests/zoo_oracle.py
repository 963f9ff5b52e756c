"""Serve a quadratic zoo landscape back to HessianLab through a NumPy oracle.

``python3 zoo_oracle.py SPEC`` serves L(w) = ½ wᵀ H w (minimum w* = 0) for the H that SPEC
denotes, built here independently of HessianLab:

- ``quad:EIGS:d=N`` without a seed: H = diag(EIGS, 0, …, 0) (the axis-aligned basis);
- a zoo id whose spec is such a ``quad:`` (read from ``hessian-lab landscapes --json``);
- a ``.npy`` Hessian: H as stored, served in the file's precision.

Seeded ``quad:`` specs (a random basis drawn by HessianLab's generator) and the non-quadratic
families (``poly:``, ``dln:``, ``sum:``) are not reproducible here: they are served back by
``hessian-lab serve`` (issue 19). :func:`hessian` raises ``NotReproducible`` for them.
"""
import json
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import hessianlab  # noqa: E402


class NotReproducible(ValueError):
    """SPEC's Hessian cannot be built outside HessianLab."""


def quad_hessian(spec: str) -> np.ndarray:
    """H of an axis-aligned ``quad:EIGS:d=N`` spec."""
    fields = spec[len("quad:"):].split(":")
    options = dict(field.split("=", 1) for field in fields[1:])
    if "seed" in options:
        raise NotReproducible(f"{spec}: a seeded random basis")
    values = []
    for item in filter(None, fields[0].split(",")):
        value, _, count = item.partition("*")
        values += [float(value)] * int(count or 1)
    d = int(options.get("d", len(values)))
    return np.diag(np.concatenate([values, np.zeros(d - len(values))]))


def hessian(spec: str, binary: str = "") -> "tuple[np.ndarray, str]":
    """(H, precision) of SPEC; raises NotReproducible when it cannot be built here."""
    if spec.endswith(".npy"):
        H = np.load(spec)
        return H.astype(np.float64), "float32" if H.dtype == np.float32 else "float64"
    if spec.startswith("quad:"):
        return quad_hessian(spec), "float64"
    listing = json.loads(subprocess.run([binary or hessianlab.find_binary(), "landscapes", "--json"],
                                        check=True, capture_output=True, text=True).stdout)
    entries = {entry["id"]: entry["spec"] for entry in listing["landscapes"]}
    if spec in entries and entries[spec].startswith("quad:"):
        return quad_hessian(entries[spec]), "float64"
    raise NotReproducible(f"{spec}: not a quadratic whose Hessian can be built outside HessianLab")


def main(spec: str) -> None:
    """Serve SPEC's quadratic."""
    H, precision = hessian(spec)
    d = H.shape[0]
    hessianlab.serve(dimension=d, point=np.zeros(d), precision=precision, name=f"numpy {spec}",
                     hvp=lambda V: H @ V,
                     loss=lambda P: 0.5 * np.einsum("ni,ij,nj->n", P, H, P),
                     gradient=lambda P: P @ H)


if __name__ == "__main__":
    main(sys.argv[1])
