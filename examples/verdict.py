"""Shared by the worked examples of external estimators: judge an estimate against a landscape's
known answer, and print a verdict table.

``judge_llc`` and ``judge_top_eigenvalues`` ask ``hessianlab.check`` (``hessian-lab check``): a
z-test at false-failure probability α = 0.01 (|z| ≤ z_{1−α/2} = 2.576) when a standard error is
given, and for eigenvalues without one a tolerance of √ε·max|h| on every error. The judging is
HessianLab's, not re-implemented here.
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


def judge_llc(estimate: float, standard_error: Optional[float], truth: float, landscape: str) -> Dict[str, object]:
    """The verdict of ``hessianlab.check("llc", …)`` (``hessian-lab check --json``) at α = 0.01:
    z = (estimate − λ)/SE, pass iff |z| ≤ z_{1−α/2}. Without an SE (or SE ≤ 0) no statistical
    verdict is possible: ``{"z": None, "passed": None}``. ``truth`` is shown in the tables only;
    the known value is the one HessianLab holds for ``landscape``. Returns ``{"z", "passed"}``."""
    if standard_error is None or not standard_error > 0 or not math.isfinite(estimate):
        return {"z": None, "passed": None}
    result = hessianlab.check("llc", estimate, standard_error, landscape=landscape,
                              alpha=FALSE_FAILURE_PROBABILITY, echo_stderr=False)
    return {"z": result.comparisons[0]["z"], "passed": result.verdict == "pass"}


def judge_top_eigenvalues(estimates: Sequence[float], truth: Sequence[float], landscape: str) -> Dict[str, object]:
    """The verdict of ``hessianlab.check("top-eigenvalues", …)``: each of the k estimates (sorted
    descending) against HessianLab's known k largest eigenvalues of ``landscape``, within its
    stated tolerance (√ε·max|h| in float64). ``truth`` is shown in the tables only.
    Returns ``{"largestError", "tolerance", "passed"}``."""
    values = sorted((float(x) for x in estimates), reverse=True)
    result = hessianlab.check("top-eigenvalues", values, None, landscape=landscape, echo_stderr=False)
    return {"largestError": max(abs(c["error"]) for c in result.comparisons),
            "tolerance": float(result.report["tolerance"]), "passed": result.verdict == "pass"}


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
