extension Lesson15YourOwnModel {
  /// `lessons/15-your-own-model/model.py`, the NumPy model the lesson serves through `oracle:`
  /// (written to a temporary folder for the run; a test checks the two copies agree). It is the
  /// same network as ``TeacherNetwork``, whose Swift twin runs when `python3` with NumPy is absent.
  static let script = #"""
"""Your own model, served to HessianLab (lesson 15). NumPy only.

    python3 model.py [--inputs M] [--hidden H] [--dead K] [--defect gradient]
    hessian-lab rank 'oracle:python3 model.py' --seed 1

A tanh network f(x; w) = sum_j a_j tanh(W_j x + b_j) with M inputs, H hidden units and one
output: d = H(M + 2) parameters w = (W, b, a). It is fitted to n = 40 inputs labelled by a
teacher of the same shape whose last K units are dead (outgoing weight a_j = 0), and w* is
the teacher. Wrapping a model takes three functions of the flat parameter vector:

  loss(w)     L(w) = 1/2 mean_i (f(x_i; w) - y_i)^2
  gradient(w) J(w)^T r(w) / n, r the residuals, J the n x d Jacobian of the outputs
  hvp(v)      H v at w*; the residuals vanish there, so H = J^T J / n exactly

With the Python package installed, `hessianlab.serve(Oracle(dimension=d, point=w_star,
loss=..., gradient=..., hvp=...))` does the serving; the frames below do it by hand
(docs/oracle-protocol.md). `--defect gradient` doubles the gradient: the trust checks refuse it.
"""
import json
import struct
import sys

import numpy as np


def option(name, default):
    args = sys.argv[1:]
    return args[args.index(name) + 1] if name in args else default


M, HIDDEN, DEAD = int(option("--inputs", 2)), int(option("--hidden", 3)), int(option("--dead", 1))
DEFECT = option("--defect", "none")
N = 40
ROOTS = np.sqrt(np.array([2.0, 3.0, 5.0, 7.0, 11.0, 13.0, 17.0]))


def frac(x):
    return x - np.floor(x)


# Inputs and teacher from Weyl sequences: the same numbers in any language, no random generator.
X = 3 * frac(np.arange(1, N + 1)[:, None] * ROOTS[:M]) - 1.5
W_STAR = np.concatenate([
    (2 * frac(np.arange(1, HIDDEN * M + 1) * ROOTS[6] + 0.25) - 1),
    frac(np.arange(1, HIDDEN + 1) * ROOTS[5]) - 0.5,
    np.where(np.arange(HIDDEN) < HIDDEN - DEAD, 1 + 0.5 * np.cos(1.3 * np.arange(HIDDEN)), 0.0),
])
D = W_STAR.size


def unpack(w):
    return w[:HIDDEN * M].reshape(HIDDEN, M), w[HIDDEN * M:HIDDEN * (M + 1)], w[HIDDEN * (M + 1):]


def outputs(w):
    W, b, a = unpack(w)
    return np.tanh(X @ W.T + b) @ a


def jacobian(w):
    W, b, a = unpack(w)
    t = np.tanh(X @ W.T + b)
    s = (1 - t * t) * a
    return np.concatenate([(s[:, :, None] * X[:, None, :]).reshape(N, -1), s, t], axis=1)


Y = outputs(W_STAR)
J_STAR = jacobian(W_STAR)


def loss(w):
    r = outputs(w) - Y
    return 0.5 * np.mean(r * r)


def gradient(w):
    g = jacobian(w).T @ (outputs(w) - Y) / N
    return 2 * g if DEFECT == "gradient" else g


def hvp(v):
    return J_STAR.T @ (J_STAR @ v) / N


# The wire protocol: 32-byte frame headers, float64 payloads, one reply per request.
def send(kind, rows, cols, payload, dtype):
    head = struct.pack("<4sHBBQQQ", b"HLOP", 1, kind, dtype, rows, cols, len(payload))
    sys.stdout.buffer.write(head + payload)
    sys.stdout.buffer.flush()


def receive(n):
    data = sys.stdin.buffer.read(n)
    if len(data) < n:
        sys.exit(0)
    return data


hello = {"protocol": 1, "dimension": D, "precision": "float64",
         "capabilities": ["hvp", "loss", "gradient"], "name": "tanh %d-%d-1, %d dead" % (M, HIDDEN, DEAD)}
send(0x01, 0, 0, json.dumps(hello).encode(), 1)
send(0x02, 1, D, W_STAR.astype("<f8").tobytes(), 8)
while True:
    _, _, kind, _, rows, cols, length = struct.unpack("<4sHBBQQQ", receive(32))
    if kind == 0x1F:
        sys.exit(0)
    block = np.frombuffer(receive(length), dtype="<f8").reshape(rows, cols)
    if kind == 0x10:
        reply, kind_out = np.stack([hvp(v) for v in block]), 0x90
    elif kind == 0x11:
        reply, kind_out = np.array([[loss(w)] for w in block]), 0x91
    else:
        reply, kind_out = np.stack([gradient(w) for w in block]), 0x92
    send(kind_out, reply.shape[0], reply.shape[1], reply.astype("<f8").tobytes(), 8)

"""#
}
