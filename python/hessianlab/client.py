"""A minimal client of the oracle protocol: start an oracle command and ask it for blocks.

HessianLab's own client is in Swift; this one serves the package's tests and Python users who
want to check their oracle by hand (``OracleClient("python3 my_model.py").hvp(V)``).
"""
from __future__ import annotations

import subprocess
from typing import List, Optional, Union

import numpy as np

from . import protocol
from .protocol import Kind, ProtocolError


class OracleReplyError(Exception):
    """The oracle answered a request with an ERROR frame; ``message`` is its text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OracleClient:
    """An oracle process started with ``/bin/sh -c COMMAND`` (or an argument list), after its
    HELLO (``hello``) and POINT (``point``). Use as a context manager; :meth:`close` sends SHUTDOWN
    and returns the exit status."""

    def __init__(self, command: Union[str, List[str]], stderr: Optional[int] = None, timeout: float = 60) -> None:
        self.process = subprocess.Popen(command, shell=isinstance(command, str), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=stderr)
        self.timeout = timeout
        protocol.enlarge_pipe(self.process.stdin)  # type: ignore[arg-type]
        protocol.enlarge_pipe(self.process.stdout)  # type: ignore[arg-type]
        hello = self._read()
        if hello.kind != Kind.HELLO:
            raise ProtocolError(f"the first frame is {hello.kind.name}, not HELLO")
        self.hello: dict = hello.payload
        point = self._read()
        if point.kind != Kind.POINT:
            raise ProtocolError(f"the second frame is {point.kind.name}, not POINT")
        self.point = point.array.reshape(-1)
        self.dimension = int(self.hello["dimension"])

    def _read(self) -> protocol.Frame:
        frame = protocol.read_frame(self.process.stdout)  # type: ignore[arg-type]
        if frame is None:
            raise ProtocolError("the oracle closed its output")
        return frame

    def request(self, kind: Kind, rows: np.ndarray) -> np.ndarray:
        """Send one request (k×d rows) and return the reply array; raises :class:`OracleReplyError`."""
        protocol.write_frame(self.process.stdin, *protocol.array_parts(kind, rows))  # type: ignore[arg-type]
        reply = self._read()
        if reply.kind == Kind.ERROR:
            raise OracleReplyError(str(reply.payload.get("message", reply.payload)))
        if reply.kind != protocol.REPLY_KIND[kind]:
            raise ProtocolError(f"{kind.name} answered by {reply.kind.name}")
        return reply.array

    def hvp(self, vectors: np.ndarray) -> np.ndarray:
        """H·V for a d×k block (columns), returned d×k."""
        return self.request(Kind.HVP, np.asarray(vectors, dtype=np.float64).reshape(self.dimension, -1).T).T

    def losses(self, points: np.ndarray) -> np.ndarray:
        """The losses at n×d points, returned (n,)."""
        return self.request(Kind.LOSS, np.atleast_2d(points))[:, 0]

    def gradients(self, points: np.ndarray) -> np.ndarray:
        """The gradients at n×d points, returned n×d."""
        return self.request(Kind.GRADIENT, np.atleast_2d(points))

    def close(self) -> int:
        """Send SHUTDOWN, wait for the process, return its exit status."""
        try:
            protocol.write_frame(self.process.stdin, protocol.encode_empty(Kind.SHUTDOWN))  # type: ignore[arg-type]
            self.process.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass
        try:
            return self.process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def __enter__(self) -> "OracleClient":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.close()
        if self.process.stdout:
            self.process.stdout.close()
