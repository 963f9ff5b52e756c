"""Run the ``hessian-lab`` command-line tool from Python and return its ``--json`` report."""
from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator, List, Optional, Union

from .server import Oracle

#: What the run functions accept as a model: a landscape spec string (``"oracle:python3 m.py"``,
#: ``"quad:3,2,1"``), the path of a Python script that serves an oracle, or an in-process oracle
#: (a :class:`hessianlab.Oracle`, or any object with an ``as_oracle()`` method, such as the JAX,
#: PyTorch and Dask adapters).
Model = Union[str, "os.PathLike[str]", Oracle, Any]


class HessianLabError(Exception):
    """``hessian-lab`` failed: ``status`` is its exit status, ``message`` its last stderr line."""

    def __init__(self, message: str, status: int, stderr: str = "", command: Optional[List[str]] = None) -> None:
        super().__init__(f"{message} (exit status {status})")
        self.message = message
        self.status = status
        self.stderr = stderr
        self.command = command or []


def find_binary() -> str:
    """The ``hessian-lab`` executable: ``$HESSIAN_LAB``, then ``PATH``, then the newer of the
    repository's ``.build/release`` and ``.build/debug`` builds (the repository is searched upwards
    from the working directory and from this package). Raises :class:`HessianLabError` when there
    is none."""
    explicit = os.environ.get("HESSIAN_LAB")
    if explicit:
        return explicit
    on_path = shutil.which("hessian-lab")
    if on_path:
        return on_path
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for directory in (start, *start.parents):
            if (directory / "Package.swift").is_file():
                built = [candidate for candidate in (directory / ".build" / configuration / "hessian-lab"
                                                     for configuration in ("release", "debug"))
                         if os.access(candidate, os.X_OK)]
                if built:  # the newer of the two, so that a stale release build is not preferred
                    return str(max(built, key=lambda candidate: candidate.stat().st_mtime))
    raise HessianLabError("hessian-lab not found: set HESSIAN_LAB, put it on PATH, or run `swift build` "
                          "in the HessianLab repository", 127)


def options_to_arguments(options: "dict[str, Any]") -> List[str]:
    """``{"oracle_processes": 2, "json": True, "method": ["block", "slq"]}`` →
    ``["--oracle-processes", "2", "--json", "--method", "block", "--method", "slq"]``
    (``None`` and ``False`` are left out)."""
    arguments: List[str] = []
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            arguments.append(flag)
        elif isinstance(value, (list, tuple)):
            for item in value:
                arguments += [flag, str(item)]
        else:
            arguments += [flag, str(value)]
    return arguments


@contextlib.contextmanager
def landscape_spec(model: Model) -> Iterator[str]:
    """The landscape argument for a model (see :data:`Model`); an in-process oracle is served for
    the duration of the block."""
    if hasattr(model, "as_oracle") and not isinstance(model, Oracle):
        model = model.as_oracle()
    if isinstance(model, Oracle):
        from .inprocess import served
        with served(model) as spec:
            yield spec
        return
    text = os.fspath(model)
    if text.endswith(".py") and os.path.isfile(text):
        yield "oracle:" + " ".join(shlex.quote(part) for part in (sys.executable, os.path.abspath(text)))
    else:
        yield text


def run(command: str, *models: Model, binary: Optional[str] = None, echo_stderr: bool = True,
        accepted_statuses: "tuple[int, ...]" = (0,), **options: Any) -> Any:
    """Run ``hessian-lab COMMAND MODEL… --json OPTIONS`` and return the parsed JSON.

    Options are spelled as Python keywords (``oracle_processes=2`` → ``--oracle-processes 2``).
    The tool's stderr (progress, the oracle's own messages) is echoed to ``sys.stderr`` unless
    ``echo_stderr=False``. Raises :class:`HessianLabError` with the last stderr line and the exit
    status when the tool fails, that is exits with a status not in ``accepted_statuses`` (``check``
    accepts 1, a failed verdict that still prints its report). Ctrl-C interrupts the tool (and so
    its oracle processes) first.
    """
    executable = binary or find_binary()
    with contextlib.ExitStack() as stack:
        specs = [stack.enter_context(landscape_spec(model)) for model in models]
        argv = [executable, command, *specs, "--json", *options_to_arguments(options)]
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = process.communicate()
        except KeyboardInterrupt:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            raise
    stderr = err.decode("utf-8", "replace")
    if echo_stderr and stderr:
        sys.stderr.write(stderr)
    if process.returncode not in accepted_statuses:
        lines = [line for line in stderr.splitlines() if line.strip()]
        raise HessianLabError(lines[-1] if lines else "hessian-lab failed", process.returncode, stderr, argv)
    try:
        return json.loads(out.decode("utf-8"))
    except ValueError:
        raise HessianLabError("hessian-lab printed no JSON", process.returncode, stderr, argv) from None


def rank(model: Model, method: str = "block", **options: Any) -> Any:
    """``hessian-lab rank MODEL --method METHOD --json``: the numerical rank of the Hessian at w*."""
    return run("rank", model, method=method, **options)


def spectrum(model: Model, **options: Any) -> Any:
    """``hessian-lab spectrum MODEL --json`` (e.g. ``top=10``, ``bottom=5``, ``density=True``)."""
    return run("spectrum", model, **options)


def covariance(model: Model, **options: Any) -> Any:
    """``hessian-lab covariance MODEL --json``: the selection-covariance rank read-out (needs losses)."""
    return run("covariance", model, **options)


def llc(model: Model, **options: Any) -> Any:
    """``hessian-lab llc MODEL --json``: rank bounds on the learning coefficient and its estimates."""
    return run("llc", model, **options)


def compare(*models: Model, **options: Any) -> Any:
    """``hessian-lab compare MODEL… --json``: the head-to-head of the rank methods and its verdict."""
    return run("compare", *models, **options)


def describe(model: Model, **options: Any) -> Any:
    """``hessian-lab describe MODEL --json``: dimension and capabilities of an oracle."""
    return run("describe", model, **options)
