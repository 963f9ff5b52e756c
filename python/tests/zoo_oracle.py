"""Serve a zoo landscape back to HessianLab through a NumPy oracle.

``python3 zoo_oracle.py SPEC`` serves the loss, gradient and HVP (at w*) of the landscape SPEC
denotes, rebuilt in NumPy from the spec text by zoo_models.py (``quad:`` with or without a
seeded basis, ``.npy`` Hessians, ``poly:``, ``dln:``, ``sum:`` and the zoo ids that name them),
independently of HessianLab's own code. Fixtures (``.json``) are not rebuilt here; ``hessian-lab
serve`` (issue 19) will serve any landscape directly.
"""
import functools
import json
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import hessianlab  # noqa: E402
from zoo_models import Model, NotReproducible, model  # noqa: E402,F401


@functools.lru_cache(maxsize=1)
def zoo(binary: str = "") -> "dict[str, str]":
    """Zoo id → spec, from ``hessian-lab landscapes --json``."""
    listing = subprocess.run([binary or hessianlab.find_binary(), "landscapes", "--json"],
                             check=True, capture_output=True, text=True).stdout
    return {entry["id"]: entry["spec"] for entry in json.loads(listing)["landscapes"]}


def landscape(spec: str) -> Model:
    """The NumPy model of SPEC; raises NotReproducible when it cannot be rebuilt here."""
    return model(spec, zoo())


def hessian(spec: str) -> "tuple[np.ndarray, str]":
    """(H at w*, precision) of SPEC."""
    m = landscape(spec)
    return m.hessian(), m.precision


def main(spec: str) -> None:
    """Serve SPEC."""
    m = landscape(spec)
    hessianlab.serve(dimension=m.dimension, point=m.point, precision=m.precision, name=f"numpy {spec}",
                     hvp=m.hvp, loss=m.loss, gradient=m.gradient, batched=True)


if __name__ == "__main__":
    main(sys.argv[1])
