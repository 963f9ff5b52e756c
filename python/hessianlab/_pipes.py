"""Byte-stream helpers of the oracle protocol's frames (:mod:`hessianlab.protocol` re-exports the
public ones): one ``writev`` per frame, reads into a given buffer, and the pipe capacity."""
from __future__ import annotations

import os
import select
from typing import BinaryIO, Optional

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["PIPE_CAPACITY", "enlarge_pipe"]


#: The pipe buffer size :func:`enlarge_pipe` asks for (Linux's default limit for unprivileged processes).
PIPE_CAPACITY = 1 << 20


def enlarge_pipe(stream: BinaryIO) -> None:
    """Raise the buffer of the pipe under ``stream`` to :data:`PIPE_CAPACITY` (Linux
    ``F_SETPIPE_SZ``), so a large frame crosses in a few writes instead of one 64 KiB pipeful per
    wake-up of the reader. Does nothing elsewhere, for a stream that is not a pipe, or when the
    kernel refuses: only speed depends on it."""
    descriptor = _descriptor(stream)
    option = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if descriptor is None or option is None:
        return
    try:
        fcntl.fcntl(descriptor, option, PIPE_CAPACITY)
    except OSError:
        pass


def _descriptor(stream: BinaryIO) -> Optional[int]:
    """The file descriptor under ``stream``, or ``None`` (an in-memory stream)."""
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return None


def _write_all(descriptor: int, parts: "list[memoryview]") -> None:
    """Write every byte of ``parts`` with ``writev``, resuming after partial writes (and waiting
    for room on a non-blocking descriptor)."""
    while parts:
        try:
            written = os.writev(descriptor, parts)
        except BlockingIOError:
            select.select([], [descriptor], [])
            continue
        while parts and written >= len(parts[0]):
            written -= len(parts[0])
            parts = parts[1:]
        if parts and written:
            parts = [parts[0][written:], *parts[1:]]


def _read_into(stream: BinaryIO, view: memoryview) -> int:
    """Read into ``view`` (``readinto`` when the stream has it); returns the byte count, 0 at end."""
    readinto = getattr(stream, "readinto", None)
    if readinto is not None:
        return readinto(view) or 0
    chunk = stream.read(len(view))
    view[:len(chunk)] = chunk
    return len(chunk)
