#!/usr/bin/env python3
"""A stand-in for the hessian-lab binary in tests of hessianlab.run: ``COMMAND LANDSCAPE… --json OPTIONS``.

For an ``oracle:CMD`` landscape it starts CMD (``--oracle-processes N`` copies), asks each copy
for H times the identity and prints {"command", "arguments", "hello", "hessian"} as JSON. The
command ``fail`` prints two stderr lines and exits 2; ``garbage`` prints no JSON.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np  # noqa: E402

from hessianlab.client import OracleClient  # noqa: E402


def main() -> int:
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "fail":
        print("progress line", file=sys.stderr)
        print("hessian-lab: error: --kept: 0 must be positive", file=sys.stderr)
        return 2
    if command == "garbage":
        print("not json")
        return 0
    report = {"command": command, "arguments": arguments}
    processes = int(arguments[arguments.index("--oracle-processes") + 1]) if "--oracle-processes" in arguments else 1
    landscape = arguments[0]
    if landscape.startswith("oracle:"):
        clients = [OracleClient(landscape[len("oracle:"):]) for _ in range(processes)]
        d = clients[0].dimension
        columns = np.array_split(np.eye(d), processes, axis=1)
        report["hello"] = clients[0].hello
        report["hessian"] = np.hstack([c.hvp(block) for c, block in zip(clients, columns)]).tolist()
        report["statuses"] = [c.close() for c in clients]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
