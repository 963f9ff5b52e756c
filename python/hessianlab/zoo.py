"""The landscape zoo from Python: ``hessianlab.zoo.list()`` is ``hessian-lab landscapes --json``
(``docs/schema/landscapes.schema.json``) as typed entries, each a landscape whose answers are
known by construction or theorem, ready for ``hessianlab.Landscape(entry.id)``.

>>> [(e.id, e.rank, e.learning_coefficient_exact) for e in hessianlab.zoo.list()][:2]
[('quad-full-rank', 10, '5'), ('quad-rank-deficient', 5, '5/2')]
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Dict, List, Optional

from .cli import run

__all__ = ["ZooEntry", "list"]


@dataclass(frozen=True)
class ZooEntry:
    """One zoo landscape and its known answers (``None`` when unknown).

    ``id`` (usable wherever a landscape argument is, e.g. ``Landscape(id)``), ``spec`` (the spec
    string it stands for), ``summary``, ``dimension`` (d), ``rank`` (of the Hessian at w*),
    ``learning_coefficient`` (λ as a float) and ``learning_coefficient_exact`` (λ as the exact
    fraction text, ``"5/2"``), ``multiplicity`` (m) and ``provenance`` of λ (``construction``,
    ``computed``, ``theorem`` or ``unknown``).
    """

    id: str
    spec: str
    summary: str
    dimension: int
    rank: Optional[int]
    learning_coefficient: Optional[float]
    learning_coefficient_exact: Optional[str]
    multiplicity: Optional[int]
    provenance: str

    @classmethod
    def from_json(cls, entry: Dict[str, Any]) -> "ZooEntry":
        """An entry of ``landscapes --json``; λ comes as exact text (``"5/2"``) and is also parsed."""
        exact = entry["learningCoefficient"]
        return cls(id=entry["id"], spec=entry["spec"], summary=entry["summary"], dimension=int(entry["dimension"]),
                   rank=entry["rank"], learning_coefficient=None if exact is None else float(Fraction(exact)),
                   learning_coefficient_exact=exact, multiplicity=entry["multiplicity"],
                   provenance=entry["provenance"])


def list(*, binary: Optional[str] = None) -> List[ZooEntry]:  # noqa: A001 (the name the issue asks for)
    """Every zoo landscape with its known answers, in the CLI's order (one run of
    ``hessian-lab landscapes --json``, through :func:`hessianlab.run`; ``binary`` as there).
    Raises :class:`hessianlab.HessianLabError` when the tool fails."""
    report = run("landscapes", binary=binary)
    return [ZooEntry.from_json(entry) for entry in report["landscapes"]]
