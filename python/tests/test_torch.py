"""The PyTorch adapter on a small MLP (runs when torch is importable; torch is not installed by
scripts/test-python: `.venv-python/bin/pip install torch && scripts/test-python` runs these)."""
import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed (too large for CI; see CONTRIBUTING.md)")

import hessianlab  # noqa: E402
import hessianlab.torch  # noqa: E402


def teacher():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2)).double()
    x = torch.randn(5, 3, dtype=torch.float64)
    with torch.no_grad():
        y = model(x)
    return model, torch.nn.functional.mse_loss, (x, y)


def dense_hessian(model, loss_fn, data):
    x, y = data
    names = [name for name, _ in model.named_parameters()]
    shapes = [p.shape for _, p in model.named_parameters()]
    sizes = [p.numel() for _, p in model.named_parameters()]
    w = torch.cat([p.detach().reshape(-1) for p in model.parameters()])

    def L(w):
        params = {n: piece.reshape(s) for n, piece, s in zip(names, torch.split(w, sizes), shapes)}
        return loss_fn(torch.func.functional_call(model, params, (x,)), y)
    return torch.autograd.functional.hessian(L, w).numpy(), L, w


def test_hvp_block_equals_the_dense_hessian_times_v():
    model, loss_fn, data = teacher()
    H, _, w = dense_hessian(model, loss_fn, data)
    oracle = hessianlab.torch.oracle(model, loss_fn, data)
    assert oracle.dimension == 26 and oracle.precision == "float64"
    assert np.array_equal(oracle.point, w.numpy())
    V = np.random.default_rng(0).standard_normal((26, 6))
    assert np.max(np.abs(oracle.hvp(V) - H @ V)) <= 1e-12 * np.linalg.norm(H, 2) * np.linalg.norm(V, axis=0).max()


def test_losses_gradients_and_the_model_is_not_modified():
    model, loss_fn, data = teacher()
    before = [p.detach().clone() for p in model.parameters()]
    _, L, w = dense_hessian(model, loss_fn, data)
    oracle = hessianlab.torch.oracle(model, loss_fn, data)
    P = w.numpy() + 0.01 * np.random.default_rng(1).standard_normal((3, 26))
    expected = np.array([float(L(torch.as_tensor(p))) for p in P])
    assert np.allclose(oracle.loss(P), expected, rtol=1e-13, atol=0)
    G = oracle.gradient(P)
    expected_gradients = np.stack([torch.func.grad(L)(torch.as_tensor(p)).numpy() for p in P])
    assert np.allclose(G, expected_gradients, rtol=1e-12, atol=1e-14)
    assert all(torch.equal(a, b) for a, b in zip(before, model.parameters()))


def test_float32_is_declared():
    model, loss_fn, data = teacher()
    oracle = hessianlab.torch.oracle(model.float(), loss_fn, (data[0].float(), data[1].float()), dtype=torch.float32)
    assert oracle.precision == "float32"
    assert oracle.hvp(np.eye(26)).shape == (26, 26)


def test_cli_block_rank_is_the_dense_rank(cli, monkeypatch):
    monkeypatch.setenv("HESSIAN_LAB", cli)
    model, loss_fn, data = teacher()
    H, _, _ = dense_hessian(model, loss_fn, data)
    eigenvalues = np.linalg.eigvalsh(H)
    tau = np.max(np.abs(eigenvalues)) * H.shape[0] * np.finfo(np.float64).eps
    report = hessianlab.rank(hessianlab.torch.oracle(model, loss_fn, data), method="block", seed=7)
    assert report["rank"] == int(np.sum(np.abs(eigenvalues) > tau))


class _SquareWithoutForwardMode(torch.autograd.Function):
    """x² elementwise with a (differentiable) backward but no forward-mode rule (no ``jvp``):
    ``jvp(grad(...))`` through it raises, so the adapter must take its reverse-over-reverse route."""

    @staticmethod
    def forward(x):
        return x * x

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0])

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 2 * x * g


def _squared_error(output, target):
    return ((output - target) ** 2).mean()


def _squared_error_without_forward_mode(output, target):
    return _SquareWithoutForwardMode.apply(output - target).mean()


@pytest.mark.parametrize("loss_fn", [_squared_error, _squared_error_without_forward_mode, torch.nn.functional.mse_loss],
                         ids=["forward-over-reverse", "reverse-over-reverse", "mse_loss"])
def test_both_hvp_routes_give_the_dense_hessian(loss_fn):
    model, _, data = teacher()
    H, _, _ = dense_hessian(model, _squared_error, data)  # the same loss, by autograd.functional.hessian
    oracle = hessianlab.torch.oracle(model, loss_fn, data)
    V = np.random.default_rng(2).standard_normal((26, 5))
    for _ in range(2):  # the second block reuses the route chosen by the first
        assert np.max(np.abs(oracle.hvp(V) - H @ V)) <= 1e-12 * np.linalg.norm(H, 2) * np.linalg.norm(V, axis=0).max()
