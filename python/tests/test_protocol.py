"""Frame encoding and decoding: round trips, the documented bytes, and refusals of corrupt frames."""
import io
import struct

import numpy as np
import pytest

from hessianlab import protocol
from hessianlab.protocol import DType, Kind, ProtocolError


def decode(data: bytes):
    return protocol.read_frame(io.BytesIO(data))


def test_documented_hello_and_hvp_bytes():
    # docs/oracle-protocol.md, "A byte-level example".
    hello = protocol.encode_json(Kind.HELLO, {"protocol": 1, "dimension": 2, "precision": "float64",
                                              "capabilities": ["hvp", "loss"]})
    assert hello[:32].hex(" ") == ("48 4c 4f 50 01 00 01 01 00 00 00 00 00 00 00 00 "
                                   "00 00 00 00 00 00 00 00 58 00 00 00 00 00 00 00")
    hvp = protocol.encode_array(Kind.HVP, np.array([1.0, 1.0]))
    assert hvp.hex(" ") == ("48 4c 4f 50 01 00 10 08 01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 "
                            "10 00 00 00 00 00 00 00 00 00 00 00 00 00 f0 3f 00 00 00 00 00 00 f0 3f")
    reply = protocol.encode_array(Kind.HVP_REPLY, np.array([[2.0, 6.0]]))
    assert reply[32:].hex(" ") == "00 00 00 00 00 00 00 40 00 00 00 00 00 00 18 40"
    assert protocol.encode_empty(Kind.SHUTDOWN).hex(" ") == (
        "48 4c 4f 50 01 00 1f 00 " + " ".join(["00"] * 24))


@pytest.mark.parametrize("dtype", [DType.FLOAT64, DType.FLOAT32])
@pytest.mark.parametrize("shape", [(1, 1), (3, 5), (7, 2)])
def test_array_round_trip(dtype, shape):
    rng = np.random.default_rng(1)
    array = rng.standard_normal(shape)
    frame = decode(protocol.encode_array(Kind.GRADIENT_REPLY, array, dtype))
    assert frame.kind == Kind.GRADIENT_REPLY
    assert frame.array.shape == shape
    expected = array.astype(np.float32 if dtype == DType.FLOAT32 else np.float64)
    assert np.array_equal(frame.array, expected)


def test_json_and_empty_round_trip():
    value = {"message": "bad – ünïcode", "n": [1, 2]}
    assert decode(protocol.encode_json(Kind.ERROR, value)).payload == value
    frame = decode(protocol.encode_empty(Kind.SHUTDOWN))
    assert frame.kind == Kind.SHUTDOWN and frame.payload is None


def test_several_frames_in_one_stream_and_clean_end():
    stream = io.BytesIO(protocol.encode_empty(Kind.SHUTDOWN) + protocol.encode_array(Kind.LOSS, np.ones((2, 3))))
    assert protocol.read_frame(stream).kind == Kind.SHUTDOWN
    assert protocol.read_frame(stream).array.shape == (2, 3)
    assert protocol.read_frame(stream) is None


def header(magic=b"HLOP", version=1, kind=0x10, dtype=8, rows=1, columns=2, length=16):
    return struct.pack("<4sHBBQQQ", magic, version, kind, dtype, rows, columns, length)


@pytest.mark.parametrize("data, message", [
    (header(magic=b"HLOQ") + bytes(16), "bad magic"),
    (header(version=2) + bytes(16), "version 2"),
    (header(kind=0x55) + bytes(16), "unknown frame kind 0x55"),
    (header(dtype=3) + bytes(16), "unknown dtype 3"),
    (header(length=15) + bytes(15), "length 15 is not rows·columns·8"),
    (header(dtype=1, rows=1, columns=0, length=2) + b"{}", "rows = columns = 0"),
    (header(dtype=0, rows=0, columns=0, length=4) + bytes(4), "empty frame has length 0"),
    (header(dtype=1, rows=0, columns=0, length=3) + b"{x}", "not UTF-8 JSON"),
    (header(dtype=1, rows=0, columns=0, length=2) + b"\xff\xfe", "not UTF-8 JSON"),
    (header() + bytes(10), "6 bytes short"),
    (header()[:20], "12 bytes short inside a header"),
    (header(rows=1 << 40, columns=1 << 20, length=(1 << 63)), "beyond"),
])
def test_corrupt_frames_are_refused(data, message):
    with pytest.raises(ProtocolError, match=message):
        decode(data)


def test_a_valid_header_passes_the_same_checks():
    # The refusals above differ from this frame by one field each.
    assert decode(header() + bytes(16)).array.shape == (1, 2)


def test_array_frames_need_float_dtype_and_2d():
    with pytest.raises(ValueError):
        protocol.encode_array(Kind.HVP, np.ones((2, 2)), DType.JSON)
    with pytest.raises(ValueError):
        protocol.encode_array(Kind.HVP, np.ones((2, 2, 2)))
    with pytest.raises(ValueError):
        protocol.precision_dtype("float16")
