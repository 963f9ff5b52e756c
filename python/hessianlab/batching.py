"""Turn a user's HVP, loss or gradient function into a block function, detecting single-vector ones.

HessianLab asks for whole blocks. A user may write either the block function (HVP: d×k → d×k,
one vector per column; loss: n×d → n; gradient: n×d → n×d) or the single-vector one
(HVP: (d,) → (d,); loss: (d,) → scalar; gradient: (d,) → (d,)). On the first call the wrapper
evaluates the block *and* its first vector alone: when the block has the right shape and its
first column (row) agrees with the single result to √ε of the declared precision, the function is
a block function; otherwise, when the single result has the single-vector shape, the function is
looped over the block. The probe costs one extra evaluation, once. ``batched=True``/``False``
skips the probe.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

#: Functions a user hands to :func:`hessianlab.serve`.
UserFunction = Callable[[np.ndarray], np.ndarray]


class OracleFunctionError(Exception):
    """A user function returned something of the wrong shape or a non-finite number."""


class BlockFunction:
    """A user function seen as rows in → rows out (k×d → k×m, m = d, or 1 for the loss).

    ``kind`` is ``"hvp"`` (user convention: columns), ``"loss"`` or ``"gradient"`` (rows).
    """

    def __init__(self, function: UserFunction, kind: str, dimension: int,
                 precision: str = "float64", batched: Optional[bool] = None) -> None:
        if kind not in ("hvp", "loss", "gradient"):
            raise ValueError(f"kind must be hvp, loss or gradient, not {kind!r}")
        self.function = function
        self.kind = kind
        self.dimension = dimension
        self.batched = batched
        self._tolerance = float(np.sqrt(np.finfo(np.float32 if precision == "float32" else np.float64).eps))

    # Layout -------------------------------------------------------------------------------------
    def _block(self, rows: np.ndarray) -> np.ndarray:
        """Call the function on the whole block; the result as k×m rows (unchecked)."""
        if self.kind == "hvp":
            out = np.asarray(self.function(rows.T))
            return out.T if out.ndim == 2 else out
        out = np.asarray(self.function(rows))
        if self.kind == "loss" and out.ndim == 2 and out.shape[1:] == (1,):
            out = out[:, 0]
        return out

    def _single(self, row: np.ndarray) -> np.ndarray:
        return np.asarray(self.function(row))

    def _single_shape(self) -> tuple:
        return () if self.kind == "loss" else (self.dimension,)

    def _block_shape(self, k: int) -> tuple:
        return (k,) if self.kind == "loss" else (k, self.dimension)

    # Calls -------------------------------------------------------------------------------------
    def __call__(self, rows: np.ndarray) -> np.ndarray:
        """Apply the function to each row of ``rows`` (k×d); returns k×m (m = d, or 1 for loss)."""
        k = rows.shape[0]
        if self.batched is None:
            result = self._detect(rows)
        elif self.batched:
            result = self._block(rows)
        else:
            result = self._loop(rows)
        return self._checked(result, k)

    def _loop(self, rows: np.ndarray, first: Optional[np.ndarray] = None) -> np.ndarray:
        outputs = [first] if first is not None else []
        for row in rows[len(outputs):]:
            value = self._single(row)
            if value.shape != self._single_shape():
                raise OracleFunctionError(
                    f"{self.kind} returned shape {value.shape} for one vector, expected {self._single_shape()}")
            outputs.append(value)
        return np.stack(outputs)

    def _detect(self, rows: np.ndarray) -> np.ndarray:
        k = rows.shape[0]
        block, block_error = self._attempt(lambda: self._block(rows))
        single, single_error = self._attempt(lambda: self._single(rows[0]))
        block_ok = block is not None and block.shape == self._block_shape(k)
        single_ok = single is not None and single.shape == self._single_shape()
        if block_ok and single_ok:
            scale = max(float(np.max(np.abs(single), initial=0.0)), float(np.max(np.abs(block[0]), initial=0.0)))
            with np.errstate(invalid="ignore", over="ignore"):
                agree = bool(np.all(np.abs(block[0] - single) <= self._tolerance * max(scale, np.finfo(float).tiny)))
            self.batched = agree or not np.all(np.isfinite(single))
        elif block_ok or single_ok:
            self.batched = block_ok
        elif block_error is not None:
            raise block_error
        else:
            return block if block is not None else self._loop(rows)  # reported by _checked / _loop
        return block if self.batched else self._loop(rows, first=single)

    @staticmethod
    def _attempt(call: Callable[[], np.ndarray]) -> "tuple[Optional[np.ndarray], Optional[Exception]]":
        try:
            return call(), None
        except Exception as error:  # a block-only or single-only function may fail on the other
            return None, error

    def _checked(self, result: np.ndarray, k: int) -> np.ndarray:
        result = np.asarray(result)
        if result.shape != self._block_shape(k):
            if self.kind == "hvp":
                raise OracleFunctionError(
                    f"hvp returned shape {result.shape[::-1]} for a block of {k} vectors, expected "
                    f"{(self.dimension, k)} (d×k: one vector per column)")
            raise OracleFunctionError(
                f"{self.kind} returned shape {result.shape} for a block of {k}, expected {self._block_shape(k)}")
        if not np.all(np.isfinite(result)):
            bad = np.argwhere(~np.isfinite(result.reshape(k, -1)))[0]
            raise OracleFunctionError(f"{self.kind} returned a non-finite number (vector {bad[0]} of {k})")
        return result.reshape(k, -1)
