"""Shared by the worked examples of external estimators: judge an estimate against a landscape's
known answer, and print a verdict table.

``judge_llc`` and ``judge_top_eigenvalues`` follow the conventions of ``hessian-lab check``: a
z-test at false-failure probability α = 0.01 (|z| ≤ z_{1−α/2} = 2.576) when a standard error is
given, and for eigenvalues without one a tolerance of √ε·max|h| on every error.
"""
from __future__ import annotations

import math
import os
import sys
from typing import Dict, List, Optional, Sequence

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))
import numpy as np  # noqa: E402

import hessianlab  # noqa: E402  (also works when the package is installed: pip install ./python)

#: α, the probability that an unbiased estimate with an honest Gaussian standard error fails.
FALSE_FAILURE_PROBABILITY = 0.01
#: z_{1−α/2} for α = 0.01.
CRITICAL_Z = 2.5758293035489004


def judge_llc(estimate: float, standard_error: Optional[float], truth: float) -> Dict[str, object]:
    """z = (estimate − λ)/SE and pass iff |z| ≤ z_{1−α/2}; without an SE (or SE = 0) the verdict
    is undecided. Returns ``{"z", "passed"}``."""
    if standard_error is None or not standard_error > 0 or not math.isfinite(estimate):
        return {"z": None, "passed": None}
    z = (estimate - truth) / standard_error
    return {"z": z, "passed": abs(z) <= CRITICAL_Z}


def judge_top_eigenvalues(estimates: Sequence[float], truth: Sequence[float]) -> Dict[str, object]:
    """Both sorted descending; each |error| must be ≤ √ε·max|h| (float64). Returns
    ``{"largestError", "tolerance", "passed"}``."""
    e = np.sort(np.asarray(estimates, dtype=float))[::-1]
    t = np.sort(np.asarray(truth, dtype=float))[::-1][: len(e)]
    tolerance = math.sqrt(np.finfo(float).eps) * float(np.max(np.abs(t)))
    largest = float(np.max(np.abs(e - t)))
    return {"largestError": largest, "tolerance": tolerance, "passed": largest <= tolerance}


def table(rows: List[Dict[str, object]], columns: Sequence[str]) -> str:
    """A plain-text table of ``rows`` (dicts) with the given column keys, numbers to 4 digits."""
    def cell(value: object) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return "pass" if value else "FAIL"
        if isinstance(value, float):
            return f"{value:.4g}"
        return str(value)
    body = [[cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in body)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in body]
    return "\n".join(lines)
