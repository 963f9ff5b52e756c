"""``Landscape.torch()``: the module's loss, backward (gradient) and double backward (HVP at w*)
are the server's; a PyHessian-style power iteration and devinterp's SGLD run on it unchanged.

"To rounding": float64 tensors carry the server's numbers through one product by the incoming
cotangent (1.0 or v's entries' own products are done by the server), condition factor 1, so
|Δ| ≤ 4·ε·‖ref‖∞ (4 ulps of the largest entry). Fixed seed 19. Skipped when torch (not in CI:
too large) or a hessian-lab with ``serve`` is missing; the devinterp test also needs devinterp."""
import copy
import inspect
import math
import pickle

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed (too large for CI; see CONTRIBUTING.md)")

from hessianlab import Landscape, LandscapeError  # noqa: E402
from served import serve_binary  # noqa: E402

SPECS = ["dln:4-3-5:rank=2", "poly:x0^2*x1^4 + x2^2 + (x0 - x1)^2", "quad-full-rank", "sum-edge-xy2"]
EPS = np.finfo(np.float64).eps


def close_to_rounding(actual, reference, ulps=4):
    actual = actual.detach().numpy() if torch.is_tensor(actual) else np.asarray(actual)
    reference = np.asarray(reference, dtype=np.float64)
    assert actual.shape == reference.shape
    bound = ulps * EPS * max(np.abs(reference).max(), np.finfo(np.float64).tiny)
    error = np.abs(actual.astype(np.float64) - reference).max()
    assert error <= bound, f"max error {error:.3g} > {bound:.3g}"


@pytest.fixture
def binary():
    found = serve_binary()
    if found is None:
        pytest.skip("no hessian-lab with `serve` (run `swift build` or set HESSIAN_LAB)")
    return found


@pytest.mark.parametrize("spec", SPECS)
def test_loss_gradient_and_hvp_are_the_servers(binary, spec):
    rng = np.random.default_rng(19)
    with Landscape(spec, binary=binary) as f:
        model = f.torch()
        (w,) = list(model.parameters())
        assert w is model.w and w.dtype == torch.float64 and w.shape == (f.dimension,)
        assert np.array_equal(w.detach().numpy(), f.point)
        # Loss and gradient anywhere (loss.backward()).
        for _ in range(3):
            point = f.point + 0.5 * rng.standard_normal(f.dimension)
            with torch.no_grad():
                w.copy_(torch.from_numpy(point))
            model.zero_grad()
            loss = model()
            assert loss.shape == () and loss.dtype == torch.float64
            close_to_rounding(loss, f.loss(point))
            loss.backward()
            close_to_rounding(w.grad, f.gradient(point))
        # HVP by double backward at w*.
        model.reset()
        assert np.array_equal(w.detach().numpy(), f.point)
        (g,) = torch.autograd.grad(model(), w, create_graph=True)
        close_to_rounding(g, f.gradient(f.point))
        V = rng.standard_normal((f.dimension, 3))
        reference = f.hvp(V)
        for j in range(3):
            (hv,) = torch.autograd.grad(g, w, grad_outputs=torch.from_numpy(V[:, j]), retain_graph=True)
            close_to_rounding(hv, reference[:, j])
        # torch.autograd.functional (double backward inside) agrees too.
        _, hv = torch.autograd.functional.hvp(model.loss_at, w.detach(), torch.from_numpy(V[:, 0]))
        close_to_rounding(hv, reference[:, 0])


def test_a_pyhessian_style_power_iteration_finds_the_top_eigenvalue(binary):
    """PyHessian's hessian_vector_product: loss.backward(create_graph=True), then autograd.grad of
    the parameters' .grad with grad_outputs=v; power iteration to 1e-10 relative change."""
    with Landscape("quad-full-rank", binary=binary) as f:  # eigenvalues 1…10 in a random basis
        model = f.torch()
        params = [p for p in model.parameters() if p.requires_grad]
        criterion = model.criterion
        inputs, targets = next(iter(model.data_loader()))
        loss = criterion(model(inputs), targets)
        loss.backward(create_graph=True)
        grads = [p.grad for p in params]
        torch.manual_seed(19)
        v = [torch.randn_like(p) for p in params]
        eigenvalue = None
        for _ in range(500):
            norm = torch.sqrt(sum((x * x).sum() for x in v))
            v = [x / norm for x in v]
            hv = torch.autograd.grad(grads, params, grad_outputs=v, only_inputs=True, retain_graph=True)
            new = sum((a * b).sum() for a, b in zip(hv, v)).item()
            if eigenvalue is not None and abs(new - eigenvalue) < 1e-10 * abs(new):
                eigenvalue = new
                break
            eigenvalue, v = new, [x.detach() for x in hv]
        # Power iteration with ratio 9/10 converges to 1e-10 relative change well within 500 steps;
        # the eigenvalue error is then ≲ 1e-9 relative.
        assert eigenvalue == pytest.approx(10.0, rel=1e-8)


def test_second_derivatives_away_from_the_minimum_and_third_derivatives_are_refused(binary):
    with Landscape("newton-edge", binary=binary) as f:
        model = f.torch()
        with torch.no_grad():
            model.w.add_(torch.tensor([0.5, 0.25], dtype=torch.float64))
        (g,) = torch.autograd.grad(model(), model.w, create_graph=True)  # first derivatives: anywhere
        close_to_rounding(g, f.gradient(f.point + np.array([0.5, 0.25])))
        with pytest.raises(LandscapeError, match=r"other than w\*.*HVP is at w\* only"):
            torch.autograd.grad(g, model.w, grad_outputs=torch.ones(2, dtype=torch.float64))
        model.reset()
        (g,) = torch.autograd.grad(model(), model.w, create_graph=True)
        (hv,) = torch.autograd.grad(g, model.w, grad_outputs=torch.ones(2, dtype=torch.float64), create_graph=True)
        close_to_rounding(hv, f.hvp(np.ones(2)))
        # A third derivative is not served: autograd reports w as unused, never a number.
        with pytest.raises(RuntimeError, match="not have been used in the graph"):
            torch.autograd.grad(hv.sum(), model.w)


def test_data_loader_criterion_evaluate_copies_and_dtype(binary):
    with Landscape("dln:2-1-2:rank=1", binary=binary) as f:
        model = f.torch()
        loader = model.data_loader(n=50)
        batches = list(loader)
        assert len(loader) == 1 and len(batches) == 1 and len(loader.dataset) == 50 and loader.batch_size == 50
        inputs, targets = batches[0]
        assert inputs.shape == targets.shape == (50, 1)
        loss = model()
        assert model(inputs).item() == model(batches[0]).item() == loss.item() == f.loss(f.point)
        assert model.criterion(model(inputs), targets) is not None
        assert model.criterion(loss, targets) is loss
        assert model.evaluate(model, batches[0]).item() == loss.item()
        with pytest.raises(ValueError, match="at least 1"):
            model.data_loader(n=0)
        twin = copy.deepcopy(model)  # devinterp copies the model per chain: the copy shares the server
        assert twin.landscape is f and twin.w is not model.w and torch.equal(twin.w, model.w)
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(model)
        single = f.torch(dtype=torch.float32)
        assert single.w.dtype == torch.float32 and single().dtype == torch.float32
        with pytest.raises(ValueError, match="dtype"):
            f.torch(dtype=torch.int64)


def test_token_dataset_and_per_token_loss(binary):
    with Landscape("newton-edge", binary=binary) as f:
        model = f.torch()
        rows = model.token_dataset(5)
        assert len(rows) == 5 and rows[4]["input_ids"].tolist() == [0, 0]
        with pytest.raises(IndexError):
            rows[5]
        batch = next(iter(torch.utils.data.DataLoader(rows, batch_size=4, drop_last=True)))
        with torch.no_grad():
            model.w.copy_(torch.tensor([1.0, 2.0], dtype=torch.float64))
        losses = model.per_token_loss(model, batch["input_ids"])
        assert losses.shape == (4, 1) and torch.all(losses == 17.0)  # x² + y⁴ at (1, 2)
        losses.float().mean().backward()  # as devinterp 2.x does
        close_to_rounding(model.w.grad, [2.0, 32.0])


def count_gradient_requests(landscape):
    calls = []
    gradient = landscape.gradient
    landscape.gradient = lambda W: (calls.append(np.shape(W)), gradient(W))[1]
    return calls


def test_devinterp_sgld_runs_unchanged(binary):
    """devinterp's SGLD (2.x ``llc`` or 1.x ``estimate_learning_coeff``, whichever is installed) on
    a rank-3 quadratic in d = 6, λ = 3/2: it runs, asks one gradient per step and chain, and returns
    a finite estimate (how good it is, is measured by the examples, not here)."""
    pytest.importorskip("devinterp", reason="devinterp is not installed")
    n, chains, draws, burnin = 1000, 2, 40, 20
    with Landscape("quad:1,2,4:d=6", binary=binary) as f:
        model = f.torch()
        calls = count_gradient_requests(f)
        try:
            from devinterp.slt.llc import llc  # devinterp 2.x
        except ImportError:
            llc = None
        if llc is not None:
            result = llc(model, model.token_dataset(64), {}, loss_fn=model.per_token_loss, lr=1e-4,
                         n_beta=n / math.log(n), localization=1.0, num_chains=chains, num_draws=draws,
                         num_burnin_steps=burnin, batch_size=8, num_init_loss_batches=2, device="cpu",
                         output_path=None)
            estimate = float(result["llc_mean"])
        else:
            from devinterp.optim import SGLD
            try:
                from devinterp.slt.sampler import estimate_learning_coeff  # devinterp 1.3
            except ImportError:
                from devinterp.slt import estimate_learning_coeff  # earlier 1.x
            parameters = inspect.signature(estimate_learning_coeff).parameters
            data = dict(evaluate=model.evaluate) if "evaluate" in parameters else dict(criterion=model.criterion)
            estimate = estimate_learning_coeff(
                model, model.data_loader(n), sampling_method=SGLD, num_chains=chains, num_draws=draws,
                num_burnin_steps=burnin, cores=1, seed=19, verbose=False,
                optimizer_kwargs=dict(lr=1e-4, localization=1.0, nbeta=n / math.log(n)), **data)
        assert math.isfinite(estimate)
        assert len(calls) == chains * (draws + burnin)  # one GRADIENT request per SGLD step and chain
        assert np.array_equal(model.w.detach().numpy(), f.point)  # the chains ran on copies
