"""Serve an in-process :class:`~hessianlab.server.Oracle` to a ``hessian-lab`` run (no script needed).

The CLI starts ``python3 _relay.py SOCKET`` as its oracle command; each relay connects to a Unix
socket whose accepting thread lives in this process and runs the server loop on the connection.
With ``--oracle-processes N`` there are N connections; calls into the oracle are serialised by a
lock, so user functions need not be thread-safe.
"""
from __future__ import annotations

import contextlib
import os
import shlex
import socket
import sys
import tempfile
import threading
from typing import Iterator

from .server import Oracle, serve_streams

RELAY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_relay.py")


class _LockedOracle:
    """Forwards to an oracle with one call at a time."""

    def __init__(self, oracle: Oracle) -> None:
        self._oracle = oracle
        self._lock = threading.Lock()

    def __getattr__(self, name: str):
        return getattr(self._oracle, name)

    def answer(self, kind, rows):
        with self._lock:
            return self._oracle.answer(kind, rows)


def _serve_connection(oracle: _LockedOracle, connection: socket.socket) -> None:
    with connection, connection.makefile("rb") as reader, connection.makefile("wb") as writer:
        try:
            serve_streams(oracle, reader, writer)  # type: ignore[arg-type]
        except (OSError, ValueError):
            pass


@contextlib.contextmanager
def served(oracle: Oracle) -> Iterator[str]:
    """Listen for relays while the block runs; yields the ``oracle:COMMAND`` landscape spec."""
    directory = tempfile.mkdtemp(prefix="hessianlab-")
    path = os.path.join(directory, "oracle.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    locked = _LockedOracle(oracle)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_serve_connection, args=(locked, connection), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield "oracle:" + " ".join(shlex.quote(part) for part in (sys.executable, RELAY, path))
    finally:
        stop.set()
        try:
            listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        listener.close()
        thread.join(timeout=5)
        with contextlib.suppress(OSError):
            os.unlink(path)
        with contextlib.suppress(OSError):
            os.rmdir(directory)
