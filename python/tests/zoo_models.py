"""NumPy twins of HessianLab's zoo families, built from the spec text alone (for zoo_oracle.py).

Each is a :class:`Model`: dimension, the minimum w*, batched loss and gradient, and the HVP at w*,
all exact (no finite differences), written here independently of HessianLab's Swift code:

- ``quad:EIGS:d=N[:seed=S]``: ½ wᵀ diag(EIGS, 0, …) w, or in the seeded random basis;
- a ``.npy`` Hessian: ½ wᵀ H w in the file's precision;
- ``poly:EXPR[:d=N][:flat=K]``: the polynomial, expanded into monomials, minimum at the origin;
- ``dln:H1-…-H{M+1}:rank=R``: ‖W_M⋯W_1 − W*‖²_F at the canonical point W_l = [[I_R, 0], [0, 0]];
- ``sum:A|B|…``: the direct sum on consecutive coordinates.

Seeded ``quad:`` specs draw their basis from HessianLab's generator (xoshiro256**, ziggurat-v2 normals),
rewritten here from its documented definition.
"""
import ast
import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Tuple

import numpy as np


class NotReproducible(ValueError):
    """SPEC's landscape cannot be rebuilt outside HessianLab."""


@dataclass
class Model:
    """A landscape as block functions: loss n×d → (n,), gradient n×d → n×d, hvp d×k → d×k (at w*)."""

    dimension: int
    point: np.ndarray
    loss: Callable[[np.ndarray], np.ndarray]
    gradient: Callable[[np.ndarray], np.ndarray]
    hvp: Callable[[np.ndarray], np.ndarray]
    precision: str = "float64"

    def hessian(self) -> np.ndarray:
        """The dense Hessian at w* (d HVPs)."""
        return self.hvp(np.eye(self.dimension))


def quadratic(H: np.ndarray, precision: str = "float64") -> Model:
    """½ wᵀ H w, minimum at the origin."""
    d = H.shape[0]
    return Model(d, np.zeros(d), lambda P: 0.5 * np.einsum("ni,ij,nj->n", P, H, P), lambda P: P @ H,
                 lambda V: H @ V, precision)


MASK = (1 << 64) - 1


def _splitmix64(state: int) -> Tuple[int, int]:
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


ZIGGURAT_R = 3.6541528853610088
ZIGGURAT_V = 4.92867323399e-3


def _ziggurat_tables() -> Tuple[List[int], List[float], List[float]]:
    """The 256-layer tables of HessianLab's ``Ziggurat`` (Marsaglia & Tsang 2000, §4), rewritten."""
    n, scale = 256, 2.0 ** 53
    x = [0.0] * n
    x[n - 1] = ZIGGURAT_R
    for i in range(n - 1, 1, -1):
        arg = ZIGGURAT_V / x[i] + math.exp(-0.5 * x[i] * x[i])
        x[i - 1] = math.sqrt(-2 * math.log(arg)) if arg < 1 else 0.0
    q = ZIGGURAT_V / math.exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R)
    k, w, f = [0] * n, [0.0] * n, [0.0] * n
    k[0], w[0], f[0] = int(ZIGGURAT_R / q * scale), q / scale, 1.0
    for i in range(1, n):
        k[i] = 0 if i == 1 else int(x[i - 1] / x[i] * scale)
        w[i] = x[i] / scale
        f[i] = math.exp(-0.5 * x[i] * x[i])
    return k, w, f


def seeded_normals(seed: int, count: int, stream: str = "ziggurat-v2") -> np.ndarray:
    """HessianLab's documented generator, rewritten: xoshiro256** seeded by SplitMix64, uniforms
    (next >> 11)·2⁻⁵³, normals by the given normal stream: ``ziggurat-v2`` (the default: layer
    u & 255, sign bit 8, magnitude u >> 11 of one output; Marsaglia's tail; wedge test) or
    ``box-muller-v1`` (cos first, then the cached sin)."""
    s = []
    state = seed
    for _ in range(4):
        state, value = _splitmix64(state)
        s.append(value)

    def rotl(x: int, k: int) -> int:
        return ((x << k) | (x >> (64 - k))) & MASK

    def next64() -> int:
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next_uniform() -> float:
        return (next64() >> 11) * 2.0 ** -53

    out = np.empty(count)
    if stream == "box-muller-v1":
        for i in range(0, count, 2):
            u1 = 1 - next_uniform()
            u2 = next_uniform()
            r = math.sqrt(-2 * math.log(u1))
            angle = 2 * math.pi * u2
            out[i] = r * math.cos(angle)
            if i + 1 < count:
                out[i + 1] = r * math.sin(angle)
        return out
    if stream != "ziggurat-v2":
        raise ValueError(f"unknown normal stream {stream!r}")
    k, w, f = _ziggurat_tables()

    def slow(i: int, x: float):
        if i == 0:
            while True:
                e = -math.log(1 - next_uniform()) / ZIGGURAT_R
                y = -math.log(1 - next_uniform())
                if y + y > e * e:
                    return ZIGGURAT_R + e
        accept = f[i] + next_uniform() * (f[i - 1] - f[i]) < math.exp(-0.5 * x * x)
        return x if accept else None

    for j in range(count):
        while True:
            u = next64()
            i, m = u & 0xFF, u >> 11
            x = float(m) * w[i]
            y = x if m < k[i] else slow(i, x)
            if y is not None:
                out[j] = -y if u & 0x100 else y
                break
    return out


def quad(spec: str) -> Model:
    """``quad:EIGS:d=N[:seed=S]``: axis-aligned, or H = Q diag(EIGS) Qᵀ with Q the orthonormal
    factor (LAPACK Householder QR, as NumPy's) of a d×k Gaussian drawn row-major from seed S."""
    fields = spec[len("quad:"):].split(":")
    options = dict(field.split("=", 1) for field in fields[1:])
    values: List[float] = []
    for item in filter(None, fields[0].split(",")):
        value, _, count = item.partition("*")
        values += [float(value)] * int(count or 1)
    d = int(options.get("d", len(values)))
    if "seed" not in options:
        return quadratic(np.diag(np.concatenate([values, np.zeros(d - len(values))])))
    k = len(values)
    Q, _ = np.linalg.qr(seeded_normals(int(options["seed"]), d * k).reshape(d, k))
    v = np.array(values)
    return Model(d, np.zeros(d), lambda P: 0.5 * np.sum((P @ Q) ** 2 * v, axis=1),
                 lambda P: ((P @ Q) * v) @ Q.T, lambda V: Q @ (v[:, None] * (Q.T @ V)))


# Polynomials --------------------------------------------------------------------------------------
Terms = Dict[Tuple[int, ...], float]


def _poly_of(node: ast.AST, d: int) -> Terms:
    def add(a: Terms, b: Terms, sign: float = 1.0) -> Terms:
        out = dict(a)
        for e, c in b.items():
            out[e] = out.get(e, 0.0) + sign * c
        return {e: c for e, c in out.items() if c != 0}

    def mul(a: Terms, b: Terms) -> Terms:
        out: Terms = {}
        for ea, ca in a.items():
            for eb, cb in b.items():
                e = tuple(i + j for i, j in zip(ea, eb))
                out[e] = out.get(e, 0.0) + ca * cb
        return {e: c for e, c in out.items() if c != 0}

    zero = (0,) * d
    if isinstance(node, ast.Expression):
        return _poly_of(node.body, d)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return {zero: float(node.value)} if node.value else {}
    if isinstance(node, ast.Name) and node.id.startswith("x") and node.id[1:].isdigit():
        e = [0] * d
        e[int(node.id[1:])] = 1
        return {tuple(e): 1.0}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _poly_of(node.operand, d)
        return {e: -c for e, c in inner.items()} if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left = _poly_of(node.left, d)
        if isinstance(node.op, ast.Pow):
            assert isinstance(node.right, ast.Constant) and isinstance(node.right.value, int), "integer powers only"
            out: Terms = {zero: 1.0}
            for _ in range(node.right.value):
                out = mul(out, left)
            return out
        right = _poly_of(node.right, d)
        if isinstance(node.op, ast.Add):
            return add(left, right)
        if isinstance(node.op, ast.Sub):
            return add(left, right, -1.0)
        if isinstance(node.op, ast.Mult):
            return mul(left, right)
        if isinstance(node.op, ast.Div) and list(right) == [zero]:
            return {e: c / right[zero] for e, c in left.items()}
    raise NotReproducible(f"polynomial syntax not handled here: {ast.dump(node)[:80]}")


def poly(spec: str) -> Model:
    """``poly:EXPR[:d=N][:flat=K]``, minimum at the origin."""
    body, *fields = spec[len("poly:"):].split(":")
    options = dict(field.split("=", 1) for field in fields)
    tree = ast.parse(body.replace("^", "**"), mode="eval")
    used = [int(n.id[1:]) for n in ast.walk(tree) if isinstance(n, ast.Name)]
    d = int(options.get("d", max(used, default=-1) + 1)) + int(options.get("flat", 0))
    terms = _poly_of(tree, d)
    exponents = np.array(list(terms), dtype=float).reshape(-1, d)
    coefficients = np.array(list(terms.values()))

    def monomials(P: np.ndarray, e: np.ndarray) -> np.ndarray:  # n × terms
        return np.prod(P[:, None, :] ** e[None, :, :], axis=2)

    def loss(P):
        return monomials(P, exponents) @ coefficients

    def gradient(P):
        G = np.zeros_like(P)
        for j in range(d):
            e = exponents.copy()
            factor = e[:, j].copy()
            e[:, j] = np.maximum(e[:, j] - 1, 0)
            G[:, j] = monomials(P, e) @ (coefficients * factor)
        return G

    H = np.zeros((d, d))  # at the origin only degree-2 terms contribute
    for e, c in terms.items():
        if sum(e) == 2:
            nonzero = [j for j in range(d) if e[j]]
            if len(nonzero) == 1:
                H[nonzero[0], nonzero[0]] += 2 * c
            else:
                H[nonzero[0], nonzero[1]] += c
                H[nonzero[1], nonzero[0]] += c
    return Model(d, np.zeros(d), loss, gradient, lambda V: H @ V)


# Deep linear networks ----------------------------------------------------------------------------
def dln(spec: str) -> Model:
    """``dln:H1-…-H{M+1}:rank=R``: L = ‖W_M⋯W_1 − W*‖²_F, W_l ∈ ℝ^{H_{l+1}×H_l} row-major in layer order."""
    head, *fields = spec[len("dln:"):].split(":")
    widths = [int(w) for w in head.split("-")]
    r = int(dict(field.split("=", 1) for field in fields)["rank"])
    shapes = [(widths[l + 1], widths[l]) for l in range(len(widths) - 1)]
    sizes = [a * b for a, b in shapes]
    d = sum(sizes)

    def canonical(rows: int, columns: int) -> np.ndarray:
        m = np.zeros((rows, columns))
        m[range(r), range(r)] = 1.0
        return m

    target = canonical(widths[-1], widths[0])
    point = np.concatenate([canonical(*shape).reshape(-1) for shape in shapes])

    def layers(w: np.ndarray) -> List[np.ndarray]:
        return [piece.reshape(shape) for piece, shape in zip(np.split(w, np.cumsum(sizes)[:-1]), shapes)]

    def prefix_suffix(W: List[np.ndarray]) -> Tuple[List[np.ndarray], List[np.ndarray]]:
        B = [np.eye(widths[0])]  # B_l = W_{l−1}⋯W_1
        for layer in W[:-1]:
            B.append(layer @ B[-1])
        A = [np.eye(widths[-1])]  # A_l = W_M⋯W_{l+1}, built from the top
        for layer in reversed(W[1:]):
            A.insert(0, A[0] @ layer)
        return A, B

    def loss_one(w):
        W = layers(w)
        P = W[-1] @ prefix_suffix(W)[1][-1] if len(W) > 1 else W[0]
        return float(np.sum((P - target) ** 2))

    def gradient_one(w):
        W = layers(w)
        A, B = prefix_suffix(W)
        R = A[0] @ W[0] - target
        return np.concatenate([(2 * A[l].T @ R @ B[l].T).reshape(-1) for l in range(len(W))])

    W_star = layers(point)
    A_star, B_star = prefix_suffix(W_star)

    def hvp_one(v):  # at w*, where R = 0: (H·V)_l = 2 A_lᵀ δP B_lᵀ with δP = Σ_k A_k V_k B_k
        V = layers(v)
        dP = sum(A_star[k] @ V[k] @ B_star[k] for k in range(len(V)))
        return np.concatenate([(2 * A_star[l].T @ dP @ B_star[l].T).reshape(-1) for l in range(len(V))])

    return Model(d, point, lambda P: np.array([loss_one(p) for p in P]),
                 lambda P: np.stack([gradient_one(p) for p in P]),
                 lambda V: np.stack([hvp_one(v) for v in V.T], axis=1))


# Direct sums -------------------------------------------------------------------------------------
def direct_sum(models: List[Model]) -> Model:
    """L(w) = Σ L_i(w_i) on consecutive blocks of coordinates."""
    cuts = np.cumsum([m.dimension for m in models])[:-1]

    def split_rows(P):
        return np.split(P, cuts, axis=1)

    return Model(int(sum(m.dimension for m in models)), np.concatenate([m.point for m in models]),
                 lambda P: sum(m.loss(block) for m, block in zip(models, split_rows(P))),
                 lambda P: np.hstack([m.gradient(block) for m, block in zip(models, split_rows(P))]),
                 lambda V: np.vstack([m.hvp(block) for m, block in zip(models, np.split(V, cuts, axis=0))]),
                 "float32" if any(m.precision == "float32" for m in models) else "float64")


def model(spec: str, zoo: Dict[str, str]) -> Model:
    """The Model of SPEC; ``zoo`` maps zoo ids to their specs."""
    if spec in zoo:
        return model(zoo[spec], zoo)
    if spec.endswith(".npy"):
        H = np.load(spec)
        return quadratic(H.astype(np.float64), "float32" if H.dtype == np.float32 else "float64")
    if spec.startswith("sum:"):
        return direct_sum([model(piece, zoo) for piece in spec[len("sum:"):].split("|")])
    for prefix, build in (("quad:", quad), ("poly:", poly), ("dln:", dln)):
        if spec.startswith(prefix):
            return build(spec)
    raise NotReproducible(f"{spec}: not a family rebuilt here")
