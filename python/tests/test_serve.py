"""hessianlab.serve driven over a subprocess by the package's protocol client."""
import os
import subprocess
import sys

import numpy as np
import pytest

from hessianlab import protocol
from hessianlab.client import OracleClient, OracleReplyError
from hessianlab.protocol import Kind

import quadratic_oracle as q

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "quadratic_oracle.py")


def start(mode: str, **kwargs) -> OracleClient:
    return OracleClient([sys.executable, SCRIPT, mode], stderr=subprocess.PIPE, **kwargs)


def test_handshake_and_all_three_requests():
    rng = np.random.default_rng(3)
    V = rng.standard_normal((q.D, 4))
    P = rng.standard_normal((5, q.D))
    with start("block") as oracle:
        assert oracle.hello == {"protocol": 1, "dimension": q.D, "precision": "float64",
                                "capabilities": ["hvp", "loss", "gradient"], "name": "quadratic block"}
        assert np.array_equal(oracle.point, q.W_STAR)
        assert np.allclose(oracle.hvp(V), q.H @ V, rtol=0, atol=1e-12)
        assert np.allclose(oracle.losses(P), q.block_loss(P), rtol=1e-14, atol=0)
        assert np.allclose(oracle.gradients(P), (P - q.W_STAR) @ q.H, rtol=0, atol=1e-12)
        assert oracle.close() == 0
        assert b"starting block" in oracle.process.stderr.read()


def test_single_vector_functions_give_the_block_results():
    rng = np.random.default_rng(4)
    V = rng.standard_normal((q.D, q.D))  # k = d: a wrongly broadcast block would have the right shape
    P = rng.standard_normal((q.D, q.D))
    with start("block") as block, start("single") as single:
        for name in ("hvp", "losses", "gradients"):
            argument = V if name == "hvp" else P
            expected = getattr(block, name)(argument)
            got = getattr(single, name)(argument)
            assert got.shape == expected.shape
            assert np.allclose(got, expected, rtol=1e-13, atol=1e-13), name
        assert np.allclose(single.hvp(V[:, :1]), q.H @ V[:, :1], atol=1e-12)
        assert single.close() == 0


def test_float32_precision_replies_in_float32():
    with start("float32") as oracle:
        assert oracle.hello["precision"] == "float32"
        reply = oracle.request(Kind.HVP, np.eye(q.D))
        assert reply.dtype == np.float32
        assert np.allclose(reply, q.H.astype(np.float32), rtol=1e-6)


def test_user_prints_do_not_corrupt_the_channel():
    with start("noisy") as oracle:
        assert np.allclose(oracle.hvp(np.eye(q.D)), q.H, atol=1e-12)
        assert np.allclose(oracle.hvp(np.eye(q.D)), q.H, atol=1e-12)
        assert oracle.close() == 0
        err = oracle.process.stderr.read()
        assert b"a user print inside the HVP" in err and b"raw bytes to fd 1" in err


@pytest.mark.parametrize("mode, message", [
    ("raises", "hvp of 2×6: RuntimeError: the model broke"),
    ("nan", "hvp returned a non-finite number (vector 0 of 2)"),
    ("shape", "hvp returned shape (6, 3) for a block of 2 vectors, expected (6, 2)"),
])
def test_a_failing_hvp_gives_an_error_frame_and_the_server_goes_on(mode, message):
    with start(mode) as oracle:
        with pytest.raises(OracleReplyError) as error:
            oracle.hvp(np.ones((q.D, 2)))
        assert message in error.value.message
        assert "\n" not in error.value.message
        # Still serving: the loss is fine.
        assert np.allclose(oracle.losses(q.W_STAR), [0.0])
        assert oracle.close() == 0
        if mode == "raises":
            assert b"Traceback" in oracle.process.stderr.read()


def test_a_missing_capability_is_an_error_frame():
    with start("hvp-only") as oracle:
        assert oracle.hello["capabilities"] == ["hvp"]
        with pytest.raises(OracleReplyError, match="no loss"):
            oracle.losses(q.W_STAR)


def test_a_request_of_the_wrong_width_is_an_error_frame():
    with start("block") as oracle:
        with pytest.raises(OracleReplyError, match="expected k×6"):
            oracle.request(Kind.HVP, np.ones((1, q.D + 1)))


def test_end_of_input_exits_cleanly():
    with start("block") as oracle:
        oracle.process.stdin.close()
        assert oracle.process.wait(timeout=30) == 0


def test_a_corrupt_frame_ends_the_server_with_status_2():
    with start("block") as oracle:
        oracle.process.stdin.write(b"XXXX" + bytes(28))
        oracle.process.stdin.flush()
        frame = protocol.read_frame(oracle.process.stdout)
        assert frame.kind == Kind.ERROR and "bad magic" in frame.payload["message"]
        assert oracle.process.wait(timeout=30) == 2


def test_a_reply_kind_from_the_client_is_refused():
    with start("block") as oracle:
        protocol.write_frame(oracle.process.stdin, *protocol.array_parts(Kind.HVP_REPLY, np.ones(q.D)))
        frame = protocol.read_frame(oracle.process.stdout)
        assert frame.kind == Kind.ERROR and "unexpected HVP_REPLY" in frame.payload["message"]
        assert oracle.process.wait(timeout=30) == 2


def test_a_terminal_on_stdout_is_refused_with_a_hint():
    import pty
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run([sys.executable, SCRIPT, "block"], stdin=subprocess.DEVNULL, stdout=terminal,
                              stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(controller)
        os.close(terminal)
    assert done.returncode == 2
    assert b"standard output is a terminal" in done.stderr and b"oracle:python3" in done.stderr
