"""Judge your estimator's estimate against a HessianLab landscape's known value: ``hessian-lab check``.

    result = hessianlab.check("llc", 7.9, standard_error=0.2, landscape="dln:4-3-5:rank=2")
    result.verdict               # "pass": λ = 8 (Aoyagi's theorem), z = −0.5
    result.comparisons[0]["z"]   # −0.5

The statistics are the CLI's (``docs/schema/check.schema.json``): error and relative error; with a
standard error, z = error/SE, the two-sided p-value and a pass iff |z| ≤ z_{1−α/2} at the false-failure
probability ``alpha`` (default 0.01), with whether the SE is plausible; without one, only what is
exact is judged (a rank by exact match, λ known only by its bounds by containment, eigenvalues
within a tolerance).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Union

from .cli import run

#: An estimate: one number, or a sequence of numbers for ``top-eigenvalues``.
Numbers = Union[float, int, Sequence[float]]

QUANTITIES = ("llc", "rank", "top-eigenvalues", "covariance-scale")


@dataclass(frozen=True)
class CheckResult:
    """The verdict of ``hessian-lab check --json``, with the whole report in :attr:`report`."""

    #: ``"pass"``, ``"fail"`` or ``"undecided"`` (no statistical verdict possible).
    verdict: str
    #: The known value with its provenance (``values``, ``exact``, ``bounds``, ``provenance``, ``source``, ``caveat``).
    known: Dict[str, Any]
    #: One comparison per estimate: ``estimate``, ``truth``, ``error``, ``relativeError``, ``standardError``, ``z``, ``pValue``, ``passed``.
    comparisons: List[Dict[str, Any]]
    #: The sentences explaining the test, the verdict and the SE assessment.
    findings: List[str]
    #: The parsed JSON report.
    report: Dict[str, Any] = field(repr=False)

    @property
    def passed(self) -> bool:
        """Whether the estimate passed (``False`` for a fail and for an undecided check)."""
        return self.verdict == "pass"

    @classmethod
    def from_report(cls, report: Dict[str, Any]) -> "CheckResult":
        """The result of a parsed ``check --json`` report."""
        return cls(verdict=report["verdict"], known=report["known"], comparisons=report["comparisons"],
                   findings=report["findings"], report=report)


def _text(value: Numbers) -> str:
    """``5.1`` → ``"5.1"``, ``[5.1, 3.0]`` → ``"5.1,3.0"`` (``repr`` keeps every digit)."""
    if isinstance(value, (str, bytes)):
        raise TypeError("give numbers, not text")
    if isinstance(value, Sequence) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        items = items if isinstance(items, list) else [items]
        return ",".join(repr(float(x)) for x in items)
    return repr(float(value))


def check(quantity: str, estimate: Numbers, standard_error: Optional[Numbers] = None, *,
          landscape: Union[str, "os.PathLike[str]", Any], alpha: Optional[float] = None,
          binary: Optional[str] = None, **options: Any) -> CheckResult:
    """Judge ``estimate`` of ``quantity`` (``llc``, ``rank``, ``top-eigenvalues``, ``covariance-scale``)
    against the known value of ``landscape`` (a zoo id or spec such as ``"dln:4-3-5:rank=2"``, a
    ``.npy`` Hessian, or a :class:`hessianlab.Landscape`, whose ``spec`` is used).

    ``standard_error`` is one number (or, for eigenvalues, one per value); ``alpha`` the false-failure
    probability. Other options become flags: ``population=100, sigma=0.1`` for ``covariance-scale``,
    ``tolerance=1e-6`` for eigenvalues without an SE. Returns a :class:`CheckResult` for a pass, a
    fail or an undecided check; raises :class:`hessianlab.HessianLabError` (status 2) on bad input.
    """
    if quantity not in QUANTITIES:
        raise ValueError(f"quantity {quantity!r} is not one of {', '.join(QUANTITIES)}")
    spec = getattr(landscape, "spec", landscape)
    arguments: Dict[str, Any] = {"quantity": quantity, "value": _text(estimate), "alpha": alpha}
    if standard_error is not None:
        arguments["standard_error"] = _text(standard_error)
    report = run("check", spec, binary=binary, accepted_statuses=(0, 1), **arguments, **options)
    return CheckResult.from_report(report)
