"""Shared fixtures: the package under test is ../ (importable without installing), and the
hessian-lab binary for end-to-end tests (skipped with a reason when it lacks oracle support)."""
import functools
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from hessianlab import HessianLabError, find_binary  # noqa: E402


@functools.lru_cache(maxsize=1)
def oracle_support() -> "tuple[str | None, str]":
    """(binary, reason): the binary when it accepts oracle: specs, else None and why not."""
    try:
        binary = find_binary()
    except HessianLabError as error:
        return None, str(error)
    try:
        probe = subprocess.run([binary, "describe", "oracle:exit 3", "--json"], capture_output=True,
                               text=True, timeout=60, stdin=subprocess.DEVNULL)
    except OSError as error:
        return None, f"{binary}: {error}"
    # Without oracle support the spec is an unknown landscape (or a build without the transport
    # says so); with it, the oracle's exit is reported.
    if "unknown landscape" not in probe.stderr and "not available in this build" not in probe.stderr:
        return binary, ""
    return None, f"{binary} has no oracle: support yet (describe 'oracle:exit 3' said: {probe.stderr.strip()[:200]})"


@pytest.fixture
def cli() -> str:
    """The hessian-lab binary with oracle support, else the test is skipped with the reason."""
    binary, reason = oracle_support()
    if binary is None:
        pytest.skip(reason)
    return binary


@pytest.fixture
def plain_cli() -> str:
    """Any hessian-lab binary (built-in landscapes only)."""
    try:
        return find_binary()
    except HessianLabError as error:
        pytest.skip(str(error))
