"""hessianlab.run and friends, against a stand-in binary (fake_hessian_lab.py)."""
import os
import sys

import numpy as np
import pytest

import hessianlab
from hessianlab import HessianLabError
from hessianlab.cli import find_binary, options_to_arguments

from conftest import HERE

FAKE = os.path.join(HERE, "fake_hessian_lab.py")
H = np.array([[2.0, 1.0, 0.0], [1.0, 3.0, 0.0], [0.0, 0.0, 0.0]])


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setenv("HESSIAN_LAB", FAKE)
    return FAKE


def test_options_become_flags():
    assert options_to_arguments({"oracle_processes": 2, "json": True, "quiet": False, "seed": None,
                                 "method": ["block", "slq"], "rank_of": 3}) == [
        "--oracle-processes", "2", "--json", "--method", "block", "--method", "slq", "--rank-of", "3"]


def test_the_binary_comes_from_the_environment_first(monkeypatch, tmp_path):
    monkeypatch.setenv("HESSIAN_LAB", "/somewhere/hessian-lab")
    assert find_binary() == "/somewhere/hessian-lab"
    monkeypatch.delenv("HESSIAN_LAB")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # no repository above: only this package's own checkout is searched
    found = None
    try:
        found = find_binary()
    except HessianLabError as error:
        assert "hessian-lab not found" in str(error) and error.status == 127
    if found is not None:
        assert found.endswith(os.path.join(".build", "release", "hessian-lab")) or \
            found.endswith(os.path.join(".build", "debug", "hessian-lab"))


def test_rank_passes_the_spec_method_and_json(fake):
    report = hessianlab.rank("quad:3,2,1", seed=7)
    assert report == {"command": "rank", "arguments": ["quad:3,2,1", "--json", "--method", "block", "--seed", "7"]}


def test_a_script_path_becomes_an_oracle_command(fake, tmp_path):
    script = tmp_path / "model.py"
    script.write_text(f"import sys; sys.path.insert(0, {os.path.dirname(HERE)!r})\n"
                      "import numpy as np, hessianlab\n"
                      "hessianlab.serve(dimension=2, point=[0, 0], hvp=lambda V: 5 * V)\n")
    report = hessianlab.covariance(str(script), kept=10)
    assert report["arguments"][0] == f"oracle:{sys.executable} {script}"
    assert report["hessian"] == [[5.0, 0.0], [0.0, 5.0]]


def test_a_failure_raises_with_the_last_stderr_line_and_the_status(fake):
    with pytest.raises(HessianLabError) as error:
        hessianlab.run("fail", "quad:1")
    assert error.value.message == "hessian-lab: error: --kept: 0 must be positive"
    assert error.value.status == 2
    assert "progress line" in error.value.stderr
    with pytest.raises(HessianLabError, match="printed no JSON"):
        hessianlab.run("garbage", "quad:1")


@pytest.mark.parametrize("processes", [1, 3])
def test_an_in_process_oracle_is_served_through_relays(fake, processes):
    calls = []

    def hvp(V):
        calls.append(V.shape[1])
        return H @ V

    oracle = hessianlab.Oracle(dimension=3, point=np.zeros(3), hvp=hvp, name="in-process")
    report = hessianlab.rank(oracle, oracle_processes=processes)
    assert report["arguments"][0].startswith("oracle:") and "_relay.py" in report["arguments"][0]
    assert report["hello"]["name"] == "in-process"
    assert np.array_equal(np.array(report["hessian"]), H)
    assert report["statuses"] == [0] * processes
    assert sum(calls) >= 3  # every column was computed here, in this process


def test_adapter_objects_are_accepted(fake):
    from hessianlab.adapter import ModelOracle
    model = ModelOracle(dimension=3, point=np.zeros(3), hvp=lambda V: H @ V, loss=None, gradient=None)
    assert np.array_equal(np.array(hessianlab.spectrum(model, top=2)["hessian"]), H)
