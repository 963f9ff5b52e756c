"""Frames through real pipes and awkward streams: one ``writev`` per frame, ``readinto`` reads,
partial reads and writes, bounded growth of the read buffer, and the pipe capacity."""
import io
import os
import struct
import sys
import threading
import tracemalloc

import numpy as np
import pytest

from hessianlab import protocol
from hessianlab.protocol import Kind, ProtocolError


def test_a_block_beyond_the_read_step_crosses_a_pipe_exactly():
    # 18 MiB: larger than the 16 MiB read step and than any pipe buffer.
    block = np.random.default_rng(3).standard_normal((20_000, 118))
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "rb") as reader, os.fdopen(write_end, "wb") as writer:
        thread = threading.Thread(target=lambda: protocol.write_frame(writer, *protocol.array_parts(Kind.HVP, block)))
        thread.start()
        frame = protocol.read_frame(reader)
        thread.join()
    assert frame.kind == Kind.HVP and np.array_equal(frame.array, block)


class Trickle(io.RawIOBase):
    """A stream that delivers at most 7 bytes per call, by ``readinto`` or (``plain``) ``read`` only."""

    def __init__(self, data: bytes, plain: bool = False) -> None:
        self.data, self.offset = data, 0
        if plain:
            self.readinto = None  # type: ignore[assignment]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        chunk = self.data[self.offset:self.offset + min(7, len(buffer))]
        buffer[:len(chunk)] = chunk
        self.offset += len(chunk)
        return len(chunk)

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        chunk = self.data[self.offset:self.offset + min(7, size)]
        self.offset += len(chunk)
        return chunk


@pytest.mark.parametrize("plain", [False, True])
def test_partial_reads_assemble_whole_frames(plain):
    array = np.arange(15.0).reshape(3, 5)
    stream = Trickle(protocol.encode_array(Kind.GRADIENT, array) + protocol.encode_empty(Kind.SHUTDOWN), plain)
    assert np.array_equal(protocol.read_frame(stream).array, array)
    assert protocol.read_frame(stream).kind == Kind.SHUTDOWN
    assert protocol.read_frame(stream) is None


def test_partial_writes_are_resumed(monkeypatch):
    writes = []
    real_writev = os.writev

    def writev(descriptor, parts):  # at most 5 bytes per call, like a nearly full pipe
        head = bytes(b"".join(bytes(part) for part in parts))[:5]
        writes.append(len(head))
        return real_writev(descriptor, [head])

    monkeypatch.setattr(protocol.os, "writev", writev)
    array = np.arange(6.0).reshape(2, 3)
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "rb") as reader, os.fdopen(write_end, "wb") as writer:
        protocol.write_frame(writer, *protocol.array_parts(Kind.LOSS, array))
        writer.close()
        assert reader.read() == protocol.encode_array(Kind.LOSS, array)
    assert len(writes) == (32 + 48 + 4) // 5


def test_a_corrupt_length_allocates_only_what_arrives():
    # A header claiming 1 GiB followed by 100 bytes: refused as short, without a 1 GiB buffer.
    data = struct.pack("<4sHBBQQQ", b"HLOP", protocol.VERSION, 0x10, 8, 1 << 27, 1, 1 << 30) + bytes(100)
    tracemalloc.start()
    try:
        with pytest.raises(ProtocolError, match="bytes short"):
            protocol.read_frame(io.BytesIO(data))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 << 20  # one 16 MiB step (and its zero-filled extension), not 1 GiB


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="F_SETPIPE_SZ is Linux's")
def test_enlarge_pipe_reaches_the_capacity():
    with open("/proc/sys/fs/pipe-max-size") as limit:
        if int(limit.read()) < protocol.PIPE_CAPACITY:
            pytest.skip("this kernel caps pipes below 1 MiB")
    import fcntl
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "rb") as reader, os.fdopen(write_end, "wb") as writer:
        assert fcntl.fcntl(read_end, fcntl.F_GETPIPE_SZ) < protocol.PIPE_CAPACITY
        protocol.enlarge_pipe(writer)
        assert fcntl.fcntl(reader.fileno(), fcntl.F_GETPIPE_SZ) == protocol.PIPE_CAPACITY
    protocol.enlarge_pipe(io.BytesIO())  # not a pipe: nothing happens
