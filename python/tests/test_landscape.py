"""hessianlab.Landscape against the built ``hessian-lab serve``: the handshake's known answers are
``describe --json``'s, and the served loss, gradient and HVP agree with each other (central finite
differences) and with closed forms. Skipped with the reason when no binary with ``serve`` is found."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from hessianlab.landscape import Landscape, LandscapeError, find_hessian_lab  # noqa: E402

from served import REPOSITORY, serve_binary  # noqa: E402

SPECS = ["dln:4-3-5:rank=2", "newton-edge", "nc-xy2", "quad-multiplet", "sum-edge-xy2",
         "poly:x0^2*x1^4 + x2^2", os.path.join(REPOSITORY, "fixtures", "hessians", "rank3-d6.npy")]


@pytest.fixture(scope="module")
def binary():
    found = serve_binary()
    if found is None:
        pytest.skip("no hessian-lab with `serve` (run `swift build` or set HESSIAN_LAB)")
    return found


def describe(binary, spec):
    out = subprocess.run([binary, "describe", spec, "--json"], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    report.pop("schemaVersion")
    report.pop("toolVersion")
    report.pop("symmetrizedAsymmetry", None)  # how the CLI read a .npy, not a known answer of the landscape
    return report


@pytest.mark.parametrize("spec", SPECS)
def test_known_answers_are_describes(binary, spec):
    with Landscape(spec, binary=binary) as f:
        assert f.known == describe(binary, spec)
        assert f.dimension == f.known["dimension"] == f.point.shape[0]
        assert f.capabilities == ["hvp", "loss", "gradient"]


@pytest.mark.parametrize("spec", SPECS)
def test_gradient_and_hvp_agree_with_finite_differences(binary, spec):
    rng = np.random.default_rng(7)
    with Landscape(spec, binary=binary) as f:
        d = f.dimension
        # At w*: the loss is minimal (0 for these landscapes), the gradient vanishes.
        assert f.loss(f.point) == pytest.approx(0, abs=1e-12)
        assert np.allclose(f.gradient(f.point), 0, atol=1e-12)
        # Gradient at random points vs central differences of the loss (error O(h²)·L''' ≲ 1e-5 here).
        W = f.point + 0.5 * rng.standard_normal((3, d))
        G = f.gradient(W)
        assert G.shape == (3, d)
        h = 1e-5
        for i in range(3):
            E = np.eye(d) * h
            fd = (f.loss(W[i] + E) - f.loss(W[i] - E)) / (2 * h)
            assert np.allclose(G[i], fd, rtol=1e-5, atol=1e-5 * (1 + np.abs(G[i]).max())), (spec, i)
        # HVP at w* vs central differences of the gradient; a block (d, k) and one vector (d,).
        V = rng.standard_normal((d, 3))
        HV = f.hvp(V)
        assert HV.shape == (d, 3)
        fd = np.stack([(f.gradient(f.point + h * V[:, j]) - f.gradient(f.point - h * V[:, j])) / (2 * h)
                       for j in range(3)], axis=1)
        assert np.allclose(HV, fd, rtol=1e-5, atol=1e-5 * (1 + np.abs(HV).max())), spec
        assert np.allclose(f.hvp(V[:, 0]), HV[:, 0], rtol=1e-12, atol=1e-12 * np.abs(HV).max())
        # Symmetry: the numerical rank of the served Hessian is the known rank.
        H = f.hvp(np.eye(d))
        assert np.allclose(H, H.T, atol=1e-12 * (1 + np.abs(H).max()))
        if f.known["rank"] is not None:
            eigenvalues = np.linalg.eigvalsh(H)
            tau = np.abs(eigenvalues).max() * d * np.finfo(np.float32 if f.precision == "float32" else float).eps
            assert int((np.abs(eigenvalues) > tau).sum()) == f.known["rank"], spec


def test_batched_losses_match_single_ones_and_closed_form(binary):
    # newton-edge: L = x² + y⁴ at w* = 0.
    with Landscape("newton-edge", binary=binary) as f:
        W = np.array([[1.0, 2.0], [0.5, -1.0], [0.0, 0.0]])
        assert np.array_equal(f.loss(W), np.array([1 + 16, 0.25 + 1, 0]))
        assert f.loss(W[0]) == 17.0 and isinstance(f.loss(W[0]), float)
        assert np.array_equal(f.gradient(W[1]), np.array([1.0, -4.0]))
        assert np.array_equal(f.hvp(np.eye(2)), np.diag([2.0, 0.0]))


def test_errors(binary):
    with pytest.raises(LandscapeError, match="no-such-landscape"):
        Landscape("no-such-landscape", binary=binary)
    f = Landscape("newton-edge", binary=binary)
    with pytest.raises(ValueError, match=r"shape \(2,\) or \(n, 2\)"):
        f.loss(np.zeros(3))
    with pytest.raises(LandscapeError, match=r"NaN in the request"):
        f.loss(np.array([0.0, np.nan]))
    assert f.close() == 2  # the server refused the request and ended with status 2
    with pytest.raises(LandscapeError, match="closed"):
        f.loss(np.zeros(2))
    with Landscape("nc-x2", binary=binary) as g:
        pass
    assert g.close() == 0


def test_find_hessian_lab_prefers_the_environment(monkeypatch):
    monkeypatch.setenv("HESSIAN_LAB", "/some/where/hessian-lab")
    assert find_hessian_lab() == "/some/where/hessian-lab"


def fake_server(tmp_path, body):
    """An executable standing in for hessian-lab: ``body`` is Python run as its `serve`."""
    path = tmp_path / "fake-hessian-lab"
    path.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    path.chmod(0o755)
    return str(path)


def test_a_broken_frame_or_a_silent_server_is_a_landscape_error(tmp_path):
    garbage = fake_server(tmp_path, "sys.stdout.buffer.write(b'HLOX' + bytes(28)); sys.stdout.flush()")
    with pytest.raises(LandscapeError, match=r"broken frame.*bad magic"):
        Landscape("newton-edge", binary=garbage)
    hello_then_json = fake_server(tmp_path, (
        "import json, struct\n"
        "def frame(kind, value):\n"
        "    body = json.dumps(value).encode()\n"
        "    return struct.pack('<4sHBBQQQ', b'HLOP', 1, kind, 1, 0, 0, len(body)) + body\n"
        "hello = {'protocol': 1, 'dimension': 2, 'precision': 'float64', 'capabilities': ['loss']}\n"
        "sys.stdout.buffer.write(frame(0x01, hello) + frame(0x02, [0, 0])); sys.stdout.flush()"))
    with pytest.raises(LandscapeError, match=r"not a 1×2 POINT"):
        Landscape("newton-edge", binary=hello_then_json)
    silent = fake_server(tmp_path, "sys.stderr.write('no landscape here\\n'); sys.exit(3)")
    with pytest.raises(LandscapeError, match=r"exited with status 3.*no landscape here"):
        Landscape("newton-edge", binary=silent)


def test_copies_share_the_server_and_pickling_is_refused(binary):
    import copy
    import pickle
    with Landscape("newton-edge", binary=binary) as f:
        assert copy.deepcopy(f) is f and copy.deepcopy([f])[0] is f
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(f)


def test_the_landscape_modules_frame_through_the_protocol_module():
    """One implementation of the wire format: the Landscape modules use hessianlab.protocol's
    frames and never pack a header of their own."""
    package = os.path.join(REPOSITORY, "python", "hessianlab")
    for name in ("landscape.py", "landscape_jax.py", "landscape_torch.py", "zoo.py"):
        text = open(os.path.join(package, name), encoding="utf-8").read()
        assert "import struct" not in text and "HLOP" not in text and "<4sHBBQQQ" not in text, name
    assert "protocol.read_frame" in open(os.path.join(package, "landscape.py"), encoding="utf-8").read()
