"""A HessianLab landscape in Python: ``Landscape("dln:4-3-5:rank=2")`` starts
``hessian-lab serve SPEC`` and asks it for losses, gradients and Hessian-vector products over the
oracle protocol (``docs/oracle-protocol.md``), in the other direction from :func:`hessianlab.serve`.

>>> with Landscape("newton-edge") as f:
...     f.known["learningCoefficientExact"], f.loss(f.point), f.hvp(np.eye(f.dimension))

Any landscape argument works: a zoo id, ``poly:``, ``dln:``, ``quad:``, ``sum:``, a fixture
``.json`` or a ``.npy`` Hessian. The landscape's answers known independently of any estimator
(``known``: d, rank, λ, m, their provenance and sources, the rank bounds on λ) are exactly those
of ``hessian-lab describe SPEC --json``, so an external estimator can be judged against them.

Frames are encoded and decoded by :mod:`hessianlab.protocol` (the package's one implementation of
the wire format, shared with :func:`hessianlab.serve` and :class:`hessianlab.client.OracleClient`);
the binary is found by :func:`hessianlab.cli.find_binary`. :meth:`Landscape.jax` and
:meth:`Landscape.torch` wrap a landscape for JAX and PyTorch (modules ``landscape_jax`` and
``landscape_torch``, imported on first use).
"""
from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from . import protocol
from .cli import HessianLabError, find_binary
from .protocol import Kind, ProtocolError

__all__ = ["Landscape", "LandscapeError", "find_hessian_lab"]


class LandscapeError(RuntimeError):
    """The server refused a request (its ERROR message), ended, or broke the protocol. The message
    quotes the server's last standard-error line when it wrote one."""


def find_hessian_lab() -> str:
    """The ``hessian-lab`` executable, found as :func:`hessianlab.cli.find_binary` finds it
    (``$HESSIAN_LAB``, ``PATH``, then the newer repository build). Raises :class:`LandscapeError`
    when there is none."""
    try:
        return find_binary()
    except HessianLabError as error:
        raise LandscapeError(str(error)) from None


class Landscape:
    """A landscape served by ``hessian-lab serve SPEC`` (one child process, stopped by :meth:`close`
    or at the end of a ``with`` block).

    Attributes after the handshake: ``name``, ``dimension`` (d), ``precision`` (``"float64"``, or
    ``"float32"`` for a float32 ``.npy`` Hessian), ``point`` (w*, shape (d,)), ``known`` (the
    ``describe --json`` answers, a dict) and ``hello`` (the whole HELLO).

    Each call is one request, so pass blocks: ``loss`` and ``gradient`` take one point (d,) or n
    points (n, d); ``hvp`` takes one vector (d,) or a block (d, k) of column vectors, at w*.
    """

    def __init__(self, spec: str, *, binary: Optional[str] = None) -> None:
        self.spec = spec
        command: List[str] = [binary or find_hessian_lab(), "serve", spec]
        self._process: Optional[subprocess.Popen] = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._last_error_line = ""
        self._lock = threading.Lock()  # one request and its reply at a time (JAX may call from several threads)
        self._pump = threading.Thread(target=self._pass_standard_error, daemon=True)
        self._pump.start()
        try:
            kind, hello = self._read()
            if kind != Kind.HELLO or not isinstance(hello, dict):
                raise LandscapeError(self._with_stderr(f"{spec}: the first frame is {kind.name}, not a HELLO object"))
            self.hello: Dict[str, Any] = hello
            if hello.get("protocol") != protocol.VERSION:
                raise LandscapeError(f"{spec}: the server speaks protocol {hello.get('protocol')}, "
                                     f"not {protocol.VERSION}")
            self.name: str = hello.get("name", spec)
            self.dimension: int = int(hello["dimension"])
            self.precision: str = hello["precision"]
            self.capabilities: List[str] = list(hello["capabilities"])
            self.known: Dict[str, Any] = hello.get("known", {})
            kind, point = self._read()
            if kind != Kind.POINT or not isinstance(point, np.ndarray) or point.shape != (1, self.dimension):
                raise LandscapeError(f"{spec}: the second frame is not a 1×{self.dimension} POINT")
            self.point: np.ndarray = point.reshape(-1)
        except BaseException:
            self.close()
            raise

    # -- the three requests ------------------------------------------------------------------

    def loss(self, W: Any) -> Any:
        """L(w) for one point (d,) → float, or the losses at n points (n, d) → (n,)."""
        points, single = self._points(W, "loss")
        losses = self._request(Kind.LOSS, points)[:, 0]
        return float(losses[0]) if single else losses

    def gradient(self, W: Any) -> np.ndarray:
        """∇L(w) for one point (d,) → (d,), or at n points (n, d) → (n, d)."""
        points, single = self._points(W, "gradient")
        gradients = self._request(Kind.GRADIENT, points)
        return gradients[0] if single else gradients

    def hvp(self, V: Any) -> np.ndarray:
        """∇²L(w*)·v for one vector (d,) → (d,), or H·V for a block (d, k) of columns → (d, k)."""
        block = np.asarray(V, dtype=np.float64)
        if block.ndim == 1 and block.shape[0] == self.dimension:
            return self._request(Kind.HVP, block.reshape(1, -1))[0]
        if block.ndim != 2 or block.shape[0] != self.dimension:
            raise ValueError(f"hvp: V must have shape ({self.dimension},) or ({self.dimension}, k), not {block.shape}")
        return self._request(Kind.HVP, block.T).T

    # -- frameworks ----------------------------------------------------------------------------

    def jax(self) -> Any:
        """JAX functions ``loss``, ``gradient``, ``hvp`` of this landscape, differentiable through
        the server (``jax.custom_jvp`` over ``jax.pure_callback``; jit and vmap work, a vmapped
        call is one request; second derivatives at w* only). See
        :class:`hessianlab.landscape_jax.JaxLandscape`. Needs ``jax``."""
        from .landscape_jax import jax_functions
        return jax_functions(self)

    def torch(self, dtype: Any = None) -> Any:
        """An ``nn.Module`` whose one parameter ``w`` starts at w* and whose forward returns L(w)
        (gradient and, at w*, HVP by the server), with ``data_loader()`` and ``criterion`` for
        devinterp and PyHessian-style tools. See :class:`hessianlab.landscape_torch.LandscapeModule`.
        ``dtype``: ``torch.float64`` (default) or ``torch.float32``. Needs ``torch``."""
        from .landscape_torch import LandscapeModule
        return LandscapeModule(self) if dtype is None else LandscapeModule(self, dtype=dtype)

    # -- lifetime ------------------------------------------------------------------------------

    def close(self) -> int:
        """Sends SHUTDOWN and waits for the server; returns its exit status (0 for a clean end).
        Idempotent."""
        process, self._process = getattr(self, "_process", None), None
        if process is None:
            return getattr(self, "returncode", 0)
        try:
            protocol.write_frame(process.stdin, protocol.encode_empty(Kind.SHUTDOWN))
            process.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass
        try:
            self.returncode = process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            self.returncode = process.wait()
        process.stdout.close()
        self._pump.join(timeout=2)
        return self.returncode

    def __enter__(self) -> "Landscape":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Landscape":
        """A copy shares the server: a landscape is a handle to one process (devinterp deep-copies
        the model, and so this handle, once per chain)."""
        return self

    def __reduce__(self) -> Any:
        raise TypeError(f"Landscape({self.spec!r}) is a running server and cannot be pickled or sent to "
                        f"another process; open a Landscape in that process (devinterp: cores=1)")

    def __repr__(self) -> str:
        return f"Landscape({self.spec!r}, d={getattr(self, 'dimension', '?')})"

    # -- framing -------------------------------------------------------------------------------

    def _points(self, W: Any, what: str) -> "tuple[np.ndarray, bool]":
        points = np.asarray(W, dtype=np.float64)
        if points.ndim == 1 and points.shape[0] == self.dimension:
            return points.reshape(1, -1), True
        if points.ndim != 2 or points.shape[1] != self.dimension:
            raise ValueError(f"{what}: W must have shape ({self.dimension},) or (n, {self.dimension}), not {points.shape}")
        return points, False

    def _request(self, kind: Kind, rows: np.ndarray) -> np.ndarray:
        """Sends one request frame (n×d float64 rows) and returns its reply, checked for kind and shape."""
        with self._lock:
            if self._process is None:
                raise LandscapeError(f"{self.spec}: the landscape was closed")
            try:
                protocol.write_frame(self._process.stdin, *protocol.array_parts(kind, rows))
            except (BrokenPipeError, OSError) as error:
                raise LandscapeError(self._with_stderr(f"{self.spec}: the server is gone ({error})")) from None
            reply_kind, reply = self._read()
        n, d = rows.shape
        if reply_kind != protocol.REPLY_KIND[kind]:
            raise LandscapeError(f"{self.spec}: {kind.name} answered by {reply_kind.name}")
        width = 1 if kind == Kind.LOSS else d
        if not isinstance(reply, np.ndarray) or reply.shape != (n, width):
            shape = reply.shape if isinstance(reply, np.ndarray) else "no array"
            raise LandscapeError(f"{self.spec}: a {reply_kind.name} of shape {shape}, expected {(n, width)}")
        return reply

    def _read(self) -> Tuple[Kind, Any]:
        """One frame through :func:`hessianlab.protocol.read_frame`: (kind, JSON value or 2-D float64
        array). An ERROR frame, a malformed frame or the end of the server's output raises
        :class:`LandscapeError`."""
        try:
            frame = protocol.read_frame(self._process.stdout)
        except ProtocolError as error:
            raise LandscapeError(self._with_stderr(f"{self.spec}: a broken frame from the server ({error})")) from None
        if frame is None:
            try:  # the output ended: the server is exiting, so wait a moment for its status
                status = self._process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                status = None
            ended = f"exited with status {status}" if status is not None else "closed its output"
            raise LandscapeError(self._with_stderr(f"{self.spec}: the server {ended} while HessianLab waited "
                                                   f"for a frame"))
        if frame.kind == Kind.ERROR:
            value = frame.payload
            raise LandscapeError(str(value.get("message", value)) if isinstance(value, dict) else str(value))
        if isinstance(frame.payload, np.ndarray):
            return frame.kind, frame.payload.astype(np.float64)
        return frame.kind, frame.payload

    def _pass_standard_error(self) -> None:
        """Passes the server's standard error through to ours and remembers its last line."""
        for raw in self._process.stderr:
            line = raw.decode("utf-8", "replace")
            sys.stderr.write(line)
            if line.strip():
                self._last_error_line = line.strip()

    def _with_stderr(self, message: str) -> str:
        if self._process is not None:
            try:
                self._process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
            self._pump.join(timeout=1)
        return message + (f"; its last standard-error line: {self._last_error_line!r}" if self._last_error_line else "")
