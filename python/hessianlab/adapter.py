"""What the framework adapters (JAX, PyTorch, Dask) return: block functions plus the model's d and w*."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from .server import Oracle, _finish


@dataclass
class ModelOracle:
    """A model's oracle as NumPy block functions: ``hvp`` d×k → d×k, ``loss`` n×d → (n,),
    ``gradient`` n×d → n×d, at ``point`` (w*, flattened) in ``precision``.

    Serve it from a script with :meth:`serve`, or pass it to :func:`hessianlab.rank` and friends
    (served in-process through :meth:`as_oracle`).
    """

    dimension: int
    point: np.ndarray
    hvp: Optional[Callable[[np.ndarray], np.ndarray]]
    loss: Optional[Callable[[np.ndarray], np.ndarray]]
    gradient: Optional[Callable[[np.ndarray], np.ndarray]]
    precision: str = "float64"
    name: Optional[str] = None

    def as_oracle(self) -> Oracle:
        """The protocol-level :class:`~hessianlab.Oracle` (block functions, no detection probe)."""
        return Oracle(dimension=self.dimension, point=self.point, hvp=self.hvp, loss=self.loss,
                      gradient=self.gradient, precision=self.precision, name=self.name, batched=True)

    def serve(self, exit: bool = True) -> int:
        """Serve on stdin/stdout until SHUTDOWN (see :func:`hessianlab.serve`)."""
        return _finish(self.as_oracle(), exit)
