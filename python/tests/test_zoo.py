"""``hessianlab.zoo.list()``: every zoo id with its known answers, as ``landscapes --json`` lists
them, and each entry's answers are those ``describe ID --json`` gives (exact fractions compared as
text). The parsing is also checked without a binary."""
import json
import subprocess

import pytest

import hessianlab
from hessianlab.zoo import ZooEntry


def test_entries_parse_exact_fractions_and_nulls():
    entry = ZooEntry.from_json({"id": "poly-degenerate", "spec": "poly:(x0 - x1^2)^2", "summary": "s",
                                "dimension": 2, "rank": 1, "learningCoefficient": None, "multiplicity": None,
                                "provenance": "unknown"})
    assert entry.learning_coefficient is None and entry.learning_coefficient_exact is None
    assert entry.multiplicity is None and entry.rank == 1
    entry = ZooEntry.from_json({"id": "quad-rank-deficient", "spec": "quad:1,2,4,8,16:d=20:seed=2", "summary": "s",
                                "dimension": 20, "rank": 5, "learningCoefficient": "5/2", "multiplicity": 1,
                                "provenance": "theorem"})
    assert entry.learning_coefficient == 2.5 and entry.learning_coefficient_exact == "5/2"


def test_list_is_the_zoo_with_describes_answers(plain_cli):
    entries = hessianlab.zoo.list(binary=plain_cli)
    listed = json.loads(subprocess.run([plain_cli, "landscapes", "--json"], capture_output=True, text=True,
                                       check=True).stdout)["landscapes"]
    assert [e.id for e in entries] == [e["id"] for e in listed]
    assert len({e.id for e in entries}) == len(entries) >= 20
    kinds = {e.id.split("-")[0] for e in entries}
    assert {"quad", "nc", "newton", "poly", "dln", "sum"} <= kinds
    for entry in entries:
        described = json.loads(subprocess.run([plain_cli, "describe", entry.id, "--json"], capture_output=True,
                                              text=True, check=True).stdout)
        assert entry.dimension == described["dimension"], entry.id
        assert entry.rank == described["rank"], entry.id
        assert entry.learning_coefficient_exact == described["learningCoefficientExact"], entry.id
        assert entry.learning_coefficient == described["learningCoefficient"], entry.id
        assert entry.multiplicity == described["multiplicity"], entry.id
        assert entry.provenance == described["provenance"], entry.id
        assert isinstance(entry.summary, str) and entry.summary and entry.spec


def test_list_reports_a_failing_binary():
    with pytest.raises(hessianlab.HessianLabError):
        hessianlab.zoo.list(binary="/bin/false")
