"""Frames of the HessianLab oracle protocol, version 1 (``docs/oracle-protocol.md``).

Every message is a 32-byte little-endian header (magic ``HLOP``, version, kind, dtype, rows,
columns, payload length) followed by its payload: nothing, UTF-8 JSON, or a row-major
float32/float64 array. This module only encodes, decodes and validates frames; it is shared by
the server (:func:`hessianlab.serve`) and any client.
"""
from __future__ import annotations

import enum
import json
import os
import struct
from dataclasses import dataclass
from typing import Any, BinaryIO, Optional, Union

import numpy as np

from ._pipes import PIPE_CAPACITY, enlarge_pipe  # noqa: F401  (public here)
from ._pipes import _descriptor, _read_into, _write_all

MAGIC = b"HLOP"
VERSION = 1
HEADER = struct.Struct("<4sHBBQQQ")
HEADER_SIZE = HEADER.size  # 32
#: Largest payload a reader accepts (16 GiB): a length beyond it is a corrupt header, not a request.
MAX_PAYLOAD = 1 << 34


class Kind(enum.IntEnum):
    """The kind byte of a frame."""

    HELLO = 0x01
    POINT = 0x02
    HVP = 0x10
    LOSS = 0x11
    GRADIENT = 0x12
    SHUTDOWN = 0x1F
    ERROR = 0x7F
    HVP_REPLY = 0x90
    LOSS_REPLY = 0x91
    GRADIENT_REPLY = 0x92


class DType(enum.IntEnum):
    """The dtype byte of a frame: its value is the element size for arrays."""

    NONE = 0
    JSON = 1
    FLOAT32 = 4
    FLOAT64 = 8


#: The reply kind of each request kind.
REPLY_KIND = {Kind.HVP: Kind.HVP_REPLY, Kind.LOSS: Kind.LOSS_REPLY, Kind.GRADIENT: Kind.GRADIENT_REPLY}
_NUMPY_DTYPE = {DType.FLOAT32: np.dtype("<f4"), DType.FLOAT64: np.dtype("<f8")}


class ProtocolError(Exception):
    """A frame that breaks the protocol (bad magic, version, kind, dtype, length, or a short read)."""


@dataclass
class Frame:
    """One decoded frame: its kind and its payload (``None``, a JSON value, or a 2-D array)."""

    kind: Kind
    payload: Union[None, Any, np.ndarray] = None

    @property
    def array(self) -> np.ndarray:
        """The payload as a 2-D array; raises :class:`ProtocolError` when it is not one."""
        if not isinstance(self.payload, np.ndarray):
            raise ProtocolError(f"{self.kind.name} frame carries no array")
        return self.payload


def precision_dtype(precision: str) -> DType:
    """The array dtype of a precision name, ``"float64"`` or ``"float32"``."""
    try:
        return {"float64": DType.FLOAT64, "float32": DType.FLOAT32}[precision]
    except KeyError:
        raise ValueError(f"precision must be 'float64' or 'float32', not {precision!r}") from None


def encode_header(kind: Kind, dtype: DType, rows: int, columns: int, length: int) -> bytes:
    """The 32-byte header of a frame."""
    return HEADER.pack(MAGIC, VERSION, int(kind), int(dtype), rows, columns, length)


def encode_json(kind: Kind, value: Any) -> bytes:
    """A whole frame whose payload is ``value`` as UTF-8 JSON."""
    body = json.dumps(value).encode("utf-8")
    return encode_header(kind, DType.JSON, 0, 0, len(body)) + body


def encode_empty(kind: Kind) -> bytes:
    """A whole frame with no payload (SHUTDOWN)."""
    return encode_header(kind, DType.NONE, 0, 0, 0)


def array_parts(kind: Kind, array: np.ndarray, dtype: DType = DType.FLOAT64) -> "tuple[bytes, memoryview]":
    """Header and payload of an array frame: ``array`` (1-D is one row) as row-major ``dtype``.

    The payload is returned as a buffer (not copied when ``array`` already has the layout), so a
    large block can be written without building one big ``bytes``.
    """
    if dtype not in _NUMPY_DTYPE:
        raise ValueError(f"an array frame needs dtype float32 or float64, not {dtype!r}")
    a = np.asarray(array)
    if a.ndim == 1:
        a = a.reshape(1, -1)
    if a.ndim != 2:
        raise ValueError(f"an array frame needs a 1-D or 2-D array, not {a.ndim}-D")
    a = np.ascontiguousarray(a, dtype=_NUMPY_DTYPE[dtype])
    rows, columns = a.shape
    header = encode_header(kind, dtype, rows, columns, rows * columns * int(dtype))
    return header, memoryview(a).cast("B")


def encode_array(kind: Kind, array: np.ndarray, dtype: DType = DType.FLOAT64) -> bytes:
    """A whole array frame as bytes (see :func:`array_parts`)."""
    header, payload = array_parts(kind, array, dtype)
    return header + payload.tobytes()


def write_frame(stream: BinaryIO, header: bytes, payload: Union[bytes, memoryview] = b"") -> None:
    """Write one frame and flush it.

    On a stream with a file descriptor (a pipe), header and payload go out in one ``writev``
    after anything buffered, without joining them into a new buffer; other streams (and systems
    without ``writev``) get two ``write`` calls.
    """
    descriptor = _descriptor(stream) if len(payload) and hasattr(os, "writev") else None
    if descriptor is None:
        stream.write(header)
        if len(payload):
            stream.write(payload)
        stream.flush()
        return
    stream.flush()
    _write_all(descriptor, [memoryview(header).cast("B"), memoryview(payload).cast("B")])


def decode_header(header: bytes) -> "tuple[Kind, DType, int, int, int]":
    """Validate a 32-byte header; returns (kind, dtype, rows, columns, length)."""
    if len(header) != HEADER_SIZE:
        raise ProtocolError(f"a header is {HEADER_SIZE} bytes, got {len(header)}")
    magic, version, kind, dtype, rows, columns, length = HEADER.unpack(header)
    if magic != MAGIC:
        raise ProtocolError(f"bad magic {magic!r} (expected {MAGIC!r})")
    if version != VERSION:
        raise ProtocolError(f"protocol version {version} (this side speaks {VERSION})")
    try:
        kind = Kind(kind)
    except ValueError:
        raise ProtocolError(f"unknown frame kind 0x{kind:02x}") from None
    try:
        dtype = DType(dtype)
    except ValueError:
        raise ProtocolError(f"unknown dtype {dtype} in a {kind.name} frame") from None
    if dtype in _NUMPY_DTYPE:
        if rows * columns * int(dtype) != length:
            raise ProtocolError(
                f"{kind.name} frame: length {length} is not rows·columns·{int(dtype)} = "
                f"{rows}·{columns}·{int(dtype)}")
    elif rows or columns:
        raise ProtocolError(f"{kind.name} frame: a {dtype.name} frame has rows = columns = 0, got {rows}×{columns}")
    elif dtype == DType.NONE and length:
        raise ProtocolError(f"{kind.name} frame: an empty frame has length 0, got {length}")
    if length > MAX_PAYLOAD:
        raise ProtocolError(f"{kind.name} frame: payload length {length} is beyond {MAX_PAYLOAD} bytes")
    return kind, dtype, rows, columns, length


#: The most a read buffer grows ahead of the bytes that have arrived.
_READ_STEP = 1 << 24


def _read_exactly(stream: BinaryIO, count: int, what: str) -> Optional[bytearray]:
    """``count`` bytes, or ``None`` at end of stream before the first one. The bytes are read
    into one buffer in place (``readinto``, no per-chunk copies); the buffer grows ahead of the
    bytes that have arrived by at most 16 MiB at a time, so a corrupt length cannot allocate
    memory the stream does not deliver."""
    buffer = bytearray(min(count, _READ_STEP))
    filled = 0
    while filled < count:
        if filled == len(buffer):
            buffer.extend(bytes(min(count - filled, _READ_STEP)))
        with memoryview(buffer) as view:
            got = _read_into(stream, view[filled:])
        if not got:
            if not filled:
                return None
            raise ProtocolError(f"stream ended {count - filled} bytes short inside {what}")
        filled += got
    return buffer


def read_frame(stream: BinaryIO) -> Optional[Frame]:
    """Read and validate one frame; ``None`` at a clean end of stream (before any header byte).

    Array payloads come back as 2-D float64/float32 arrays (rows × columns), JSON as its value.
    """
    header = _read_exactly(stream, HEADER_SIZE, "a header")
    if header is None:
        return None
    kind, dtype, rows, columns, length = decode_header(bytes(header))
    body = _read_exactly(stream, length, f"a {kind.name} payload of {length} bytes") if length else bytearray()
    if body is None:
        raise ProtocolError(f"stream ended before the {length}-byte payload of a {kind.name} frame")
    if dtype == DType.NONE:
        return Frame(kind)
    if dtype == DType.JSON:
        try:
            return Frame(kind, json.loads(body.decode("utf-8")))
        except (UnicodeDecodeError, ValueError) as error:
            raise ProtocolError(f"{kind.name} frame: payload is not UTF-8 JSON ({error})") from None
    array = np.frombuffer(body, dtype=_NUMPY_DTYPE[dtype]).reshape(rows, columns)
    return Frame(kind, array)
