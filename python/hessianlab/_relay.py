"""Relay an oracle child's stdin/stdout to a Unix socket served inside a Python process.

Started by ``hessian-lab`` as ``python3 _relay.py SOCKET`` when :func:`hessianlab.rank` and
friends are given an in-process oracle: bytes from stdin go to the socket, bytes from the socket
go to stdout. Deliberately imports nothing from the package (fast start, no NumPy).
"""
import os
import socket
import sys
import threading


def _pump_in(connection: socket.socket) -> None:
    try:
        while True:
            chunk = os.read(0, 1 << 20)
            if not chunk:
                break
            connection.sendall(chunk)
    except OSError:
        pass
    try:
        connection.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def main() -> int:
    """Connect to the socket named by the only argument and copy both ways until it closes."""
    if len(sys.argv) != 2:
        print("usage: _relay.py SOCKET", file=sys.stderr)
        return 2
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(sys.argv[1])
    except OSError as error:
        print(f"hessianlab relay: cannot reach the in-process oracle at {sys.argv[1]}: {error}", file=sys.stderr)
        return 2
    threading.Thread(target=_pump_in, args=(connection,), daemon=True).start()
    try:
        while True:
            chunk = connection.recv(1 << 20)
            if not chunk:
                return 0
            view = memoryview(chunk)
            while view:
                written = os.write(1, view)
                view = view[written:]
    except (OSError, KeyboardInterrupt):
        return 0


if __name__ == "__main__":
    sys.exit(main())
