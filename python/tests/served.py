"""The ``hessian-lab`` binary with ``serve`` for the Landscape tests: ``$HESSIAN_LAB``, else this
repository's newest build (never a stale one on PATH); ``None`` when there is none with ``serve``."""
import functools
import os
import subprocess
from typing import Optional

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@functools.lru_cache(maxsize=1)
def serve_binary() -> Optional[str]:
    """The binary, probed once per session with ``serve --help``."""
    candidates = [os.environ.get("HESSIAN_LAB")] + [os.path.join(REPOSITORY, ".build", c, "hessian-lab")
                                                     for c in ("debug", "release")]
    found = [c for c in candidates if c and os.access(c, os.X_OK)]
    if not found:
        return None
    binary = found[0] if os.environ.get("HESSIAN_LAB") else max(found, key=os.path.getmtime)
    probe = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True)
    return binary if probe.returncode == 0 else None
