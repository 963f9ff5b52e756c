"""Shared by the worked examples of external estimators: judge an estimate against a landscape's
known answer, and print a verdict table.

``judge_llc`` and ``judge_top_eigenvalues`` ask ``hessianlab.check`` (``hessian-lab check``) when the
package and the binary have it, and otherwise apply its conventions themselves: a
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


def hessianlab_check(quantity: str, estimate: object, standard_error: Optional[float], landscape: Optional[str]):
    """``hessianlab.check(...)`` (``hessian-lab check --json``) when both the package and the binary
    have it, else ``None`` (then the functions below judge by the same rules themselves)."""
    check = getattr(hessianlab, "check", None)
    if check is None or landscape is None:
        return None
    try:
        return check(quantity, estimate, standard_error, landscape=landscape, alpha=FALSE_FAILURE_PROBABILITY,
                     echo_stderr=False)
    except hessianlab.HessianLabError:  # an older binary without `check`, or no known value for this spec
        return None


def judge_llc(estimate: float, standard_error: Optional[float], truth: float,
              landscape: Optional[str] = None) -> Dict[str, object]:
    """z = (estimate − λ)/SE and pass iff |z| ≤ z_{1−α/2}; without an SE (or SE = 0) the verdict
    is undecided. By ``hessian-lab check`` when ``landscape`` is given and it is available.
    Returns ``{"z", "passed"}``."""
    if standard_error is None or not standard_error > 0 or not math.isfinite(estimate):
        return {"z": None, "passed": None}
    result = hessianlab_check("llc", estimate, standard_error, landscape)
    if result is not None:
        return {"z": result.comparisons[0]["z"], "passed": result.verdict == "pass"}
    z = (estimate - truth) / standard_error
    return {"z": z, "passed": abs(z) <= CRITICAL_Z}


def judge_top_eigenvalues(estimates: Sequence[float], truth: Sequence[float],
                          landscape: Optional[str] = None) -> Dict[str, object]:
    """Both sorted descending; each |error| must be ≤ √ε·max|h| (float64). By ``hessian-lab check
    --quantity top-eigenvalues`` (its known spectrum) when ``landscape`` is given and it is
    available. Returns ``{"largestError", "tolerance", "passed"}``."""
    result = hessianlab_check("top-eigenvalues", [float(x) for x in estimates], None, landscape)
    if result is not None and result.report.get("tolerance") is not None:
        return {"largestError": max(abs(c["error"]) for c in result.comparisons),
                "tolerance": float(result.report["tolerance"]), "passed": result.verdict == "pass"}
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
