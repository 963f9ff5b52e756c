"""The oracle server: answers HessianLab's HVP, loss and gradient requests on stdin/stdout."""
from __future__ import annotations

import contextlib
import os
import sys
import traceback
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator, Optional

import numpy as np

from . import protocol
from .batching import BlockFunction, OracleFunctionError, UserFunction
from .protocol import Kind, ProtocolError

#: Exit status after a protocol error from the client (the stream can no longer be trusted).
EXIT_PROTOCOL_ERROR = 2


@dataclass
class Oracle:
    """A model as HessianLab sees it: dimension d, the point w*, and block functions.

    ``hvp`` maps d×k → d×k (one vector per column), ``loss`` n×d → (n,), ``gradient`` n×d → n×d;
    single-vector versions are accepted and looped (see :mod:`hessianlab.batching`). At least one
    of the three must be given. ``precision`` is what the model computes in; replies are sent in it.
    """

    dimension: int
    point: np.ndarray
    hvp: Optional[UserFunction] = None
    loss: Optional[UserFunction] = None
    gradient: Optional[UserFunction] = None
    precision: str = "float64"
    name: Optional[str] = None
    batched: Optional[bool] = None
    _functions: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.dimension = int(self.dimension)
        if self.dimension < 1:
            raise ValueError(f"dimension must be at least 1, got {self.dimension}")
        protocol.precision_dtype(self.precision)
        point = np.asarray(self.point, dtype=np.float64).reshape(-1)
        if point.shape != (self.dimension,):
            raise ValueError(f"point has {point.size} entries, the dimension is {self.dimension}")
        if not np.all(np.isfinite(point)):
            raise ValueError("point has a non-finite entry")
        self.point = point
        for kind in ("hvp", "loss", "gradient"):
            function = getattr(self, kind)
            if function is not None:
                self._functions[kind] = BlockFunction(function, kind, self.dimension, self.precision, self.batched)
        if not self._functions:
            raise ValueError("give at least one of hvp, loss, gradient")

    @property
    def capabilities(self) -> "list[str]":
        """The capabilities announced in HELLO, in protocol order."""
        return [kind for kind in ("hvp", "loss", "gradient") if kind in self._functions]

    def hello(self) -> dict:
        """The HELLO payload."""
        payload = {"protocol": protocol.VERSION, "dimension": self.dimension,
                   "precision": self.precision, "capabilities": self.capabilities}
        if self.name:
            payload["name"] = self.name
        return payload

    def answer(self, kind: Kind, rows: np.ndarray) -> np.ndarray:
        """The reply rows (k×d, or n×1 for losses) to one request; raises on a bad request or result."""
        name = {Kind.HVP: "hvp", Kind.LOSS: "loss", Kind.GRADIENT: "gradient"}[kind]
        if name not in self._functions:
            raise OracleFunctionError(f"this oracle has no {name} (capabilities: {', '.join(self.capabilities)})")
        if rows.ndim != 2 or rows.shape[1] != self.dimension or rows.shape[0] < 1:
            raise OracleFunctionError(
                f"{kind.name} request of shape {rows.shape[0]}×{rows.shape[1] if rows.ndim == 2 else '?'}, "
                f"expected k×{self.dimension} with k ≥ 1")
        return self._functions[name](rows)

    def serve(self, stdin: Optional[BinaryIO] = None, stdout: Optional[BinaryIO] = None) -> int:
        """Serve this oracle until SHUTDOWN or end of input; see :func:`serve`. Returns the exit status."""
        if stdin is not None and stdout is not None:
            return serve_streams(self, stdin, stdout)
        if stdout is None and os.isatty(1):
            print("hessianlab: standard output is a terminal; this program is an oracle for hessian-lab, "
                  "run it through it, e.g. hessian-lab rank 'oracle:python3 SCRIPT' --method block", file=sys.stderr)
            return EXIT_PROTOCOL_ERROR
        with _protected_stdout() as channel:
            return serve_streams(self, stdin or sys.stdin.buffer, stdout or channel)


def serve_streams(oracle: Oracle, stdin: BinaryIO, stdout: BinaryIO) -> int:
    """The server loop on explicit binary streams. Returns 0 on SHUTDOWN or EOF, 2 on a protocol error.

    A user function that raises, or returns a wrong shape or a non-finite number, gets an ERROR
    frame with a one-line message (the traceback goes to stderr) and the server keeps serving: the
    client decides what an ERROR means (``hessian-lab`` ends the run and stops the process).
    """
    reply_dtype = protocol.precision_dtype(oracle.precision)
    protocol.write_frame(stdout, protocol.encode_json(Kind.HELLO, oracle.hello()))
    protocol.write_frame(stdout, *protocol.array_parts(Kind.POINT, oracle.point))
    while True:
        try:
            frame = protocol.read_frame(stdin)
        except ProtocolError as error:
            message = f"hessianlab: protocol error from the client: {error}"
            print(message, file=sys.stderr)
            _send_error(stdout, message)
            return EXIT_PROTOCOL_ERROR
        if frame is None or frame.kind == Kind.SHUTDOWN:
            return 0
        if frame.kind not in protocol.REPLY_KIND:
            message = f"hessianlab: unexpected {frame.kind.name} frame from the client"
            print(message, file=sys.stderr)
            _send_error(stdout, message)
            return EXIT_PROTOCOL_ERROR
        try:
            rows = frame.array
            result = oracle.answer(frame.kind, rows)
        except Exception as error:  # user code: report, keep serving
            traceback.print_exc(file=sys.stderr)
            _send_error(stdout, f"{frame.kind.name.lower()} of {_block_size(frame)}: {type(error).__name__}: {error}")
            continue
        protocol.write_frame(stdout, *protocol.array_parts(protocol.REPLY_KIND[frame.kind], result, reply_dtype))


def _block_size(frame: protocol.Frame) -> str:
    if isinstance(frame.payload, np.ndarray):
        return f"{frame.payload.shape[0]}×{frame.payload.shape[1]}"
    return "no array"


def _send_error(stdout: BinaryIO, message: str) -> None:
    one_line = " ".join(str(message).split())
    try:
        protocol.write_frame(stdout, protocol.encode_json(Kind.ERROR, {"message": one_line}))
    except (BrokenPipeError, OSError):
        pass


@contextlib.contextmanager
def _protected_stdout() -> Iterator[BinaryIO]:
    """Keep file descriptor 1 for frames only: the channel is a duplicate of it, and both fd 1 and
    ``sys.stdout`` point at stderr while serving (so ``print`` and C libraries writing to stdout
    cannot corrupt the stream). Restored afterwards."""
    sys.stdout.flush()
    channel_fd = os.dup(1)
    saved_fd = os.dup(1)
    saved_stdout = sys.stdout
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    channel = os.fdopen(channel_fd, "wb", buffering=1 << 16)
    try:
        yield channel
    finally:
        try:
            channel.close()
        except OSError:
            pass
        sys.stdout = saved_stdout
        os.dup2(saved_fd, 1)
        os.close(saved_fd)


def serve(dimension: int, point: np.ndarray, hvp: Optional[UserFunction] = None,
          loss: Optional[UserFunction] = None, gradient: Optional[UserFunction] = None,
          precision: str = "float64", name: Optional[str] = None, batched: Optional[bool] = None,
          exit: bool = True) -> int:
    """Serve a model to HessianLab on stdin/stdout (``hessian-lab rank 'oracle:python3 this.py'``).

    ``hvp(V)`` takes and returns d×k arrays (column i is H·vᵢ); ``loss(P)`` maps n×d points to n
    losses; ``gradient(P)`` maps n×d points to n×d gradients. A single-vector function ((d,) → (d,)
    or a scalar loss) is detected on the first request and looped (``batched`` forces either).
    Requests arrive as float64; replies are sent in ``precision``. While serving, ``print`` and
    anything else written to stdout goes to stderr. An exception in a user function becomes an
    ERROR frame (traceback on stderr) and serving continues until the client stops the process.
    Returns (or, with ``exit=True``, exits with) 0 on SHUTDOWN or end of input, 2 after a protocol
    error. Ctrl-C exits quietly with status 130.
    """
    oracle = Oracle(dimension=dimension, point=point, hvp=hvp, loss=loss, gradient=gradient,
                    precision=precision, name=name, batched=batched)
    return _finish(oracle, exit)


def _finish(oracle: Oracle, exit: bool) -> int:
    try:
        status = oracle.serve()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        status = 0  # the client went away
    if exit:
        sys.exit(status)
    return status
