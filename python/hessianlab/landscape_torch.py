"""A served landscape as a PyTorch module: ``Landscape(spec).torch()`` (see :class:`LandscapeModule`).

The module's one parameter ``w`` (shape (d,)) starts at w*; its forward ignores its inputs and
returns L(w). Derivatives come from the server through custom ``torch.autograd.Function``\\ s,
never from autograd of a numerical approximation:

- backward of the loss: ∇L(w) (one GRADIENT request);
- backward of that backward (``create_graph=True``, then a second ``torch.autograd.grad``):
  ∇²L(w)·v (one HVP request per backward call), **at w* only**: the protocol's HVP is at w*
  (``docs/oracle-protocol.md``), and anywhere else it raises :class:`hessianlab.LandscapeError`
  rather than answer with a wrong number. A Hessian-vector product carries no derivative with
  respect to w (a third derivative is not served): autograd reports w as unused when asked for it.

So an SGLD sampler (first derivatives anywhere) and a PyHessian-style tool (HVPs at the trained
point: ``loss.backward(create_graph=True)``, then ``torch.autograd.grad(grads, params, v)``) run
unchanged; ``model.criterion``, ``model.data_loader()`` give them the data they expect.

devinterp 2.x (``pip install devinterp``; tested with 2.0.1): ``llc`` samples a token dataset
through a per-token loss, which :meth:`LandscapeModule.token_dataset` and
:meth:`LandscapeModule.per_token_loss` provide::

    from devinterp.slt.llc import llc
    with hessianlab.Landscape("dln:4-3-5:rank=2") as f:
        model, n = f.torch(), 1000
        result = llc(model, model.token_dataset(n), {}, loss_fn=model.per_token_loss,
                     lr=1e-4, n_beta=n / math.log(n), localization=100.0, num_chains=4,
                     num_draws=200, num_burnin_steps=100, batch_size=32, device="cpu")
        print(float(result["llc_mean"]), f.known["learningCoefficient"])

devinterp 1.x (``pip install "devinterp<2"``; tested with 1.3.2, where the function is in
``devinterp.slt.sampler`` and takes ``evaluate``; earlier releases export it from
``devinterp.slt`` and some take ``criterion``)::

    from devinterp.optim import SGLD
    from devinterp.slt.sampler import estimate_learning_coeff
    llc = estimate_learning_coeff(
        model, model.data_loader(n), evaluate=model.evaluate,    # or criterion=model.criterion
        sampling_method=SGLD, optimizer_kwargs=dict(lr=1e-4, localization=100.0, nbeta=n / math.log(n)),
        num_chains=4, num_draws=200, num_burnin_steps=100, cores=1, seed=0, verbose=False)

Use one process (devinterp 1.x: ``cores=1``): the module holds a live server process, which
cannot be sent to another process (``copy.deepcopy``, as devinterp makes one copy per chain,
shares it). L(w) has no data: ``n`` is only the nominal sample size the tools read from the data
(devinterp 1.x's default nβ = n/ln n when ``nbeta`` is not given); set nβ yourself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Tuple

import numpy as np

import torch

if TYPE_CHECKING:  # pragma: no cover
    from .landscape import Landscape

__all__ = ["LandscapeModule"]


def _numpy(tensor: "torch.Tensor") -> np.ndarray:
    return tensor.detach().cpu().numpy().astype(np.float64)


def _tensor(array: Any, like: "torch.Tensor") -> "torch.Tensor":
    return torch.as_tensor(np.asarray(array, dtype=np.float64)).to(device=like.device, dtype=like.dtype)


def _refuse_off_point(landscape: "Landscape", w: "torch.Tensor", what: str) -> None:
    """Raises :class:`hessianlab.LandscapeError` unless ``w`` equals w* exactly (in ``w``'s dtype)."""
    point = torch.as_tensor(landscape.point).to(dtype=w.dtype, device=w.device)
    if not torch.equal(w.detach(), point):
        from .landscape import LandscapeError
        distance = float((w.detach().double().cpu() - torch.as_tensor(landscape.point)).abs().max())
        raise LandscapeError(f"{landscape.spec}: {what} asked at a point other than w* (max |w - w*| = "
                             f"{distance:.3g}); the server's HVP is at w* only (docs/oracle-protocol.md)")


class _LossFunction(torch.autograd.Function):
    """L(w) by a LOSS request; its backward is g·∇L(w) through :class:`_GradientFunction`."""

    @staticmethod
    def forward(ctx: Any, w: "torch.Tensor", landscape: "Landscape") -> "torch.Tensor":  # type: ignore[override]
        ctx.landscape = landscape
        ctx.save_for_backward(w)
        return _tensor(landscape.loss(_numpy(w)), w)

    @staticmethod
    def backward(ctx: Any, g: "torch.Tensor") -> Tuple[Any, None]:  # type: ignore[override]
        (w,) = ctx.saved_tensors
        return g * _GradientFunction.apply(w, ctx.landscape), None


class _GradientFunction(torch.autograd.Function):
    """∇L(w) by a GRADIENT request; its backward is ∇²L(w)·v through :class:`_HvpFunction` (at w* only)."""

    @staticmethod
    def forward(ctx: Any, w: "torch.Tensor", landscape: "Landscape") -> "torch.Tensor":  # type: ignore[override]
        ctx.landscape = landscape
        ctx.save_for_backward(w)
        return _tensor(landscape.gradient(_numpy(w)), w)

    @staticmethod
    def backward(ctx: Any, v: "torch.Tensor") -> Tuple[Any, None]:  # type: ignore[override]
        (w,) = ctx.saved_tensors
        return _HvpFunction.apply(w, v, ctx.landscape), None


class _HvpFunction(torch.autograd.Function):
    """∇²L(w)·v by an HVP request, at w = w* only (refused elsewhere). Its backward is H·u with
    respect to v (H is symmetric, so ``torch.autograd.functional.hvp``'s double-backward trick
    works). With respect to w it would be a third derivative, which the server does not serve:
    none is returned, so a derivative that depends on it alone is reported by autograd as not
    connected to w (an error), never as a number."""

    @staticmethod
    def forward(ctx: Any, w: "torch.Tensor", v: "torch.Tensor", landscape: "Landscape") -> "torch.Tensor":  # type: ignore[override]
        _refuse_off_point(landscape, w, "a Hessian-vector product (a second derivative)")
        ctx.landscape = landscape
        ctx.save_for_backward(w)
        return _tensor(landscape.hvp(_numpy(v)), v)

    @staticmethod
    def backward(ctx: Any, u: "torch.Tensor") -> Tuple[None, Any, None]:  # type: ignore[override]
        (w,) = ctx.saved_tensors
        return None, _HvpFunction.apply(w, u, ctx.landscape), None


class _TokenRows(torch.utils.data.Dataset):
    """``n`` rows ``{"input_ids": tensor([0, 0])}`` (a token dataset whose content is ignored)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index: int) -> Dict[str, "torch.Tensor"]:
        if not 0 <= index < self.n:
            raise IndexError(index)
        return {"input_ids": torch.zeros(2, dtype=torch.long)}


class LandscapeModule(torch.nn.Module):
    """``nn.Module`` of a served landscape: parameter ``w`` (d,) initialised at w*, forward → L(w)
    (a 0-d tensor; any inputs are ignored, so ``model(batch)``, ``model(inputs)`` and ``model()``
    all work). Gradient by the server anywhere; HVP (double backward) by the server at w* only.

    For tools that want data: :meth:`data_loader` (one batch of ``(inputs, targets)``),
    :meth:`criterion` (``criterion(output, targets)`` is the output, the loss) and
    :meth:`evaluate` (``evaluate(model, batch)`` is ``model(batch)``, devinterp 1.x's signature);
    :meth:`token_dataset` and :meth:`per_token_loss` for devinterp 2.x's ``llc``.
    ``landscape`` is the :class:`hessianlab.Landscape` (kept open by the caller).
    """

    def __init__(self, landscape: "Landscape", dtype: "torch.dtype" = torch.float64) -> None:
        super().__init__()
        if dtype not in (torch.float64, torch.float32):
            raise ValueError(f"dtype must be torch.float64 or torch.float32, not {dtype}")
        self.landscape = landscape
        self.w = torch.nn.Parameter(torch.as_tensor(landscape.point, dtype=dtype).clone())

    def forward(self, *inputs: Any) -> "torch.Tensor":
        """L(w) as a 0-d tensor (one LOSS request); ``inputs`` are ignored."""
        return _LossFunction.apply(self.w, self.landscape)

    def loss_at(self, w: "torch.Tensor") -> "torch.Tensor":
        """L at a tensor ``w`` of shape (d,) other than the parameter, differentiable the same way
        (for ``torch.autograd.functional.hvp(model.loss_at, w_star, v)`` and the like)."""
        if w.shape != self.w.shape:
            raise ValueError(f"loss_at: w must have shape {tuple(self.w.shape)}, not {tuple(w.shape)}")
        return _LossFunction.apply(w, self.landscape)

    def reset(self) -> None:
        """Puts ``w`` back at w* (in place)."""
        with torch.no_grad():
            self.w.copy_(torch.as_tensor(self.landscape.point, dtype=self.w.dtype))

    def data_loader(self, n: int = 1) -> "torch.utils.data.DataLoader":
        """A ``DataLoader`` yielding one batch ``(inputs, targets)`` of ``n`` placeholder rows (zeros,
        shape (n, 1)); the loss does not depend on it. ``n`` is the nominal sample size that
        devinterp reads from the loader for its defaults (``len(loader.dataset)``, batch size)."""
        if n < 1:
            raise ValueError(f"n must be at least 1, not {n}")
        rows = torch.zeros(n, 1, dtype=self.w.dtype)
        dataset = torch.utils.data.TensorDataset(rows, rows.clone())
        return torch.utils.data.DataLoader(dataset, batch_size=n, shuffle=False)

    def token_dataset(self, n: int = 32) -> "torch.utils.data.Dataset":
        """For devinterp 2.x's ``llc``/``sample``: ``n`` placeholder rows ``{"input_ids": [0, 0]}``
        (sequences of length 2, so one loss position each); ``n`` must be at least the sampler's
        ``batch_size`` (its loader drops an incomplete last batch)."""
        if n < 1:
            raise ValueError(f"n must be at least 1, not {n}")
        return _TokenRows(n)

    @staticmethod
    def per_token_loss(model: "torch.nn.Module", input_ids: "torch.Tensor") -> "torch.Tensor":
        """devinterp 2.x's ``loss_fn(model, input_ids)``: L(w) at every position, shape
        (batch, seq − 1), so that its mean is L(w) and its gradient ∇L(w)."""
        batch, length = input_ids.shape[0], input_ids.shape[-1]
        return model(input_ids).expand(batch, length - 1)

    @staticmethod
    def criterion(output: "torch.Tensor", targets: Any = None) -> "torch.Tensor":
        """The loss criterion that makes the module's output the loss: returns ``output``."""
        return output

    @staticmethod
    def evaluate(model: "torch.nn.Module", batch: Any) -> "torch.Tensor":
        """devinterp's ``evaluate(model, batch)``: the loss ``model(batch)``."""
        return model(batch)

    def extra_repr(self) -> str:
        """The spec, d and dtype, shown in ``repr(model)``."""
        return f"{self.landscape.spec!r}, d={self.w.numel()}, dtype={self.w.dtype}"
