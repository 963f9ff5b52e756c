"""A test oracle for HessianLab's oracle protocol, standard library only (no NumPy).

    python3 quadratic.py [MODE]

serves L(w) = 1/2 (w - w*)^T H (w - w*) with H = diag(h) + u u^T (d = 6, rank 4) at w*, the
matrix the Swift tests rebuild (ExternalOracleTests.hessian). MODE (default `ok`) makes it break
the protocol in one way, so that each failure of docs/oracle-protocol.md can be provoked:

  ok                 correct replies (float64)
  float32            correct replies in float32, and precision "float32" in HELLO
  exit-at-start      writes a line to stderr and exits with status 3 before HELLO
  exit-mid-run       answers one request, then writes a line to stderr and exits with status 1
  signal             killed by SIGKILL on the first request
  hang               sleeps forever on the first request
  hang-ignoring-term ignores SIGTERM, then sleeps forever on the first request
  garbage            writes an HTTP line instead of a reply
  wrong-shape        replies with one row too few
  nan                puts a NaN in the first reply
  nan-after:N        puts a NaN in every reply after the first N (past the trust checks: the
                     failure then happens inside an estimator)
  error-frame        replies with an ERROR frame
  protocol-2         says protocol 2 in HELLO
  bad-hello          sends a HELLO without "dimension"
  huge-length        sends a reply header claiming 2^62 rows
  disagree:PATH      the first process to create PATH says d = 6, the others d = 5
  report-signals     puts its parent shell's ignored-signal mask (SigIgn) in HELLO's name
  hvp-only           offers only "hvp" (and an unknown capability, which must be ignored)
  identity:D         H = I at d = D, w* = 0, "hvp" only, each reply the request's own bytes
                     (no arithmetic: what is left of a request's time is the protocol's)

With HESSIANLAB_TEST_PIDS=FILE in its environment it appends "SHELL_PID PID" to FILE at start,
so a test can check that neither process outlives the oracle.
"""
import json
import os
import signal
import struct
import sys
import time
from array import array

MAGIC = b"HLOP"
H_DIAG = [3.0, 2.0, 0.0, 0.0, 1.0, 0.0]
U = [1.0, 0.0, 1.0, 0.0, 0.0, 2.0]
CENTER = [0.5, -1.0, 0.0, 2.0, 0.0, 0.25]

mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
out = sys.stdout.buffer
inp = sys.stdin.buffer
dtype = 4 if mode == "float32" else 8


def hvp(v):
    s = sum(ui * vi for ui, vi in zip(U, v))
    return [hi * vi + ui * s for hi, vi, ui in zip(H_DIAG, v, U)]


def loss(w):
    x = [wi - ci for wi, ci in zip(w, CENTER)]
    return 0.5 * sum(xi * hi for xi, hi in zip(x, hvp(x)))


def gradient(w):
    return hvp([wi - ci for wi, ci in zip(w, CENTER)])


def frame(kind, rows=0, cols=0, values=None, text=None, dt=8, length=None):
    if text is not None:
        payload, dt = text.encode(), 1
    elif values is not None:
        payload = array("d" if dt == 8 else "f", values).tobytes()
    else:
        payload, dt = b"", 0
    n = len(payload) if length is None else length
    out.write(MAGIC + struct.pack("<HBBQQQ", 1, kind, dt, rows, cols, n) + payload)
    out.flush()


def read_exactly(n):
    data = b""
    while len(data) < n:
        chunk = inp.read(n - len(data))
        if not chunk:
            sys.exit(0)
        data += chunk
    return data


if os.environ.get("HESSIANLAB_TEST_PIDS"):
    with open(os.environ["HESSIANLAB_TEST_PIDS"], "a") as pids:
        pids.write("%d %d\n" % (os.getppid(), os.getpid()))
if mode == "exit-at-start":
    sys.stderr.write("cannot load the model: weights.npz not found\n")
    sys.exit(3)
if mode == "hang-ignoring-term":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)

dimension = 6
name = "quadratic test oracle"
if mode.startswith("disagree:"):
    try:
        os.close(os.open(mode.split(":", 1)[1], os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        dimension = 5
if mode == "report-signals":
    with open("/proc/%d/status" % os.getppid()) as status:
        name = [line.split()[1] for line in status if line.startswith("SigIgn:")][0]
hello = {"protocol": 2 if mode == "protocol-2" else 1, "dimension": dimension,
         "precision": "float32" if mode == "float32" else "float64",
         "capabilities": ["hvp", "loss", "gradient"], "name": name, "future": {"ignored": True}}
identity = mode.startswith("identity:")
if identity:
    dimension = int(mode.split(":", 1)[1])
    CENTER = [0.0] * dimension
    hello["dimension"] = dimension
    hello["capabilities"] = ["hvp"]
if mode == "hvp-only":
    hello["capabilities"] = ["hvp", "teleport"]
if mode == "bad-hello":
    del hello["dimension"]
frame(0x01, text=json.dumps(hello))
frame(0x02, 1, dimension, values=CENTER[:dimension], dt=8)

served = 0
while True:
    header = read_exactly(32)
    magic, version, kind, dt, rows, cols, length = struct.unpack("<4sHBBQQQ", header)
    if kind == 0x1F:
        sys.exit(0)
    if identity:
        payload = read_exactly(length)
        out.write(MAGIC + struct.pack("<HBBQQQ", 1, 0x90, 8, rows, cols, length) + payload)
        out.flush()
        continue
    block = array("d", read_exactly(length))
    vectors = [list(block[i * cols:(i + 1) * cols]) for i in range(rows)]
    if mode == "exit-mid-run" and served == 1:
        sys.stderr.write("RuntimeError: CUDA out of memory at request 2\n")
        sys.exit(1)
    if mode == "signal":
        os.kill(os.getpid(), signal.SIGKILL)
    if mode.startswith("hang"):
        time.sleep(3600)
    if mode == "garbage":
        out.write(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        out.flush()
        continue
    if mode == "error-frame":
        frame(0x7F, text=json.dumps({"message": "loss is undefined for these weights"}))
        continue
    if mode == "huge-length":
        frame(0x90, rows=1 << 62, cols=cols, values=[], length=0)
        continue
    if kind == 0x10:
        reply, reply_kind, width = [hvp(v) for v in vectors], 0x90, cols
    elif kind == 0x11:
        reply, reply_kind, width = [[loss(w)] for w in vectors], 0x91, 1
    else:
        reply, reply_kind, width = [gradient(w) for w in vectors], 0x92, cols
    if mode == "wrong-shape":
        reply = reply[:-1]
    flat = [x for row in reply for x in row]
    if mode == "nan" or (mode.startswith("nan-after:") and served >= int(mode.split(":", 1)[1])):
        flat[0] = float("nan")
    frame(reply_kind, len(reply), width, values=flat, dt=dtype)
    served += 1
