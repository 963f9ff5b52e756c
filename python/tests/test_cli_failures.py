"""A Python oracle that fails, run by the real CLI: one line naming the failure, exit 2, no
process left behind."""
import os
import shlex
import subprocess
import sys
import uuid

import pytest

from conftest import HERE

SCRIPT = os.path.join(HERE, "quadratic_oracle.py")


def processes_with(marker: str) -> "list[int]":
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if marker.encode() in handle.read():
                    found.append(int(pid))
        except OSError:
            pass
    return found


@pytest.mark.parametrize("mode, message", [
    ("raises", "RuntimeError: the model broke"),
    ("nan", "hvp returned a non-finite number"),
    ("shape", "hvp returned shape"),
])
def test_an_oracle_error_ends_the_run_with_its_message(cli, mode, message):
    marker = f"marker-{uuid.uuid4().hex}"  # an extra argument, to find the oracle's processes
    command = " ".join(shlex.quote(part) for part in (sys.executable, SCRIPT, mode, marker))
    done = subprocess.run([cli, "rank", f"oracle:{command}", "--method", "block", "--seed", "7",
                           "--oracle-processes", "2"], capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr, done.stderr
    assert done.stdout == ""
    assert processes_with(marker) == []
