"""HessianLab from Python.

- Serve a model to HessianLab: :func:`serve` (any NumPy functions), or the adapters
  :mod:`hessianlab.jax`, :mod:`hessianlab.torch` and :mod:`hessianlab.dask` (loaded on first use).
- Run HessianLab on a model and get its JSON report: :func:`rank`, :func:`spectrum`,
  :func:`covariance`, :func:`llc`, :func:`compare`, :func:`describe`.
- Run your estimator on a landscape with known answers: :class:`Landscape` (NumPy, ``.jax()``,
  ``.torch()``) and :func:`hessianlab.zoo.list` (the zoo's ids and answers).
- Judge your own estimator's estimate against a landscape's known value: :func:`check`.

The wire protocol is ``docs/oracle-protocol.md`` in the HessianLab repository.
"""
from __future__ import annotations

import importlib
from typing import Any

from .batching import OracleFunctionError
from .check import CheckResult, check
from .cli import HessianLabError, compare, covariance, describe, find_binary, llc, rank, run, spectrum
from .protocol import ProtocolError
from .landscape import Landscape, LandscapeError
from .server import Oracle, serve
from . import zoo

__all__ = [
    "Oracle", "serve", "rank", "spectrum", "covariance", "llc", "compare", "describe", "run",
    "find_binary", "HessianLabError", "ProtocolError", "OracleFunctionError", "Landscape", "LandscapeError",
    "zoo",
    "check", "CheckResult",
]
__version__ = "0.1.0"

_ADAPTERS = ("jax", "torch", "dask")


def __getattr__(name: str) -> Any:
    """Load the optional adapters (``hessianlab.jax``, ``.torch``, ``.dask``) on first access."""
    if name in _ADAPTERS:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'hessianlab' has no attribute {name!r}")
