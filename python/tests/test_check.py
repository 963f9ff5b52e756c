"""hessianlab.check against the built hessian-lab: a pass, a fail (a deliberately wrong λ), no
verdict without an SE, and bad input (exit status 2 raised as HessianLabError)."""
import numpy as np
import pytest

import hessianlab
from hessianlab import CheckResult, HessianLabError
from hessianlab.check import _text


def test_numbers_become_the_value_text():
    assert _text(5.1) == "5.1"
    assert _text([5.1, 3]) == "5.1,3.0"
    assert _text(np.array([2.5, 1.0])) == "2.5,1.0"
    assert _text(np.float64(0.25)) == "0.25"
    with pytest.raises(TypeError):
        _text("5.1")


def test_the_truth_passes_and_lambda_plus_0_3_fails(plain_cli):
    # dln:4-3-5:rank=2 has λ = 8 (Aoyagi's theorem). 8.3 ± 0.05 is z = 6 > z_{0.995} = 2.576.
    right = hessianlab.check("llc", 8.0, standard_error=0.05, landscape="dln:4-3-5:rank=2", binary=plain_cli)
    assert isinstance(right, CheckResult) and right.passed and right.verdict == "pass"
    assert right.known["values"] == [8.0] and right.known["provenance"] == "theorem"
    wrong = hessianlab.check("llc", 8.3, standard_error=0.05, landscape="dln:4-3-5:rank=2", binary=plain_cli,
                             echo_stderr=False)
    assert wrong.verdict == "fail" and not wrong.passed
    assert abs(wrong.comparisons[0]["z"] - 6) < 1e-9
    assert wrong.report["standardErrorAssessment"] == "implausible"
    assert any("biased, or the SE is under-reported" in f for f in wrong.findings)


def test_alpha_and_eigenvalue_lists(plain_cli):
    # quad-full-rank: eigenvalues 1…10 by construction; the three largest 10, 9, 8, one SE for all.
    result = hessianlab.check("top-eigenvalues", np.array([8.01, 9.0, 10.0]), standard_error=0.01,
                              landscape="quad-full-rank", alpha=0.05, binary=plain_cli)
    assert result.passed
    assert result.report["falseFailureProbability"] == 0.05
    assert [c["truth"] for c in result.comparisons] == [10.0, 9.0, 8.0]


def test_no_standard_error_gives_no_statistical_verdict(plain_cli):
    result = hessianlab.check("llc", 3.4, landscape="dln-3-2-3", binary=plain_cli)
    assert result.verdict == "undecided" and not result.passed
    assert abs(result.comparisons[0]["error"] + 0.1) < 1e-12


def test_covariance_scale_takes_the_selection(plain_cli):
    # H = 2I in d = 2, λ = 10, σ = 0.5: c = σ²·h/λ = 0.05 exactly.
    result = hessianlab.check("covariance-scale", 0.05, standard_error=0.002, landscape="quad:2,2:d=2",
                              population=10, sigma=0.5, binary=plain_cli)
    assert result.passed and abs(result.known["values"][0] - 0.05) < 1e-9


def test_bad_input_raises_with_the_one_line(plain_cli):
    with pytest.raises(HessianLabError) as error:
        hessianlab.check("llc", 0.5, standard_error=-1, landscape="nc-x2", binary=plain_cli, echo_stderr=False)
    assert error.value.status == 2 and "--standard-error" in error.value.message
    with pytest.raises(HessianLabError) as oracle:
        hessianlab.check("llc", 0.5, landscape="oracle:true", binary=plain_cli, echo_stderr=False)
    assert oracle.value.status == 2 and "no known answers" in oracle.value.message
    with pytest.raises(ValueError):
        hessianlab.check("volume", 0.5, landscape="nc-x2", binary=plain_cli)


def test_a_landscape_object_is_checked_by_its_spec(plain_cli):
    class Spec:
        spec = "nc-x2"
    assert hessianlab.check("rank", 1, landscape=Spec(), binary=plain_cli).passed
