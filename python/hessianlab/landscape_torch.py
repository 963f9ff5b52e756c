"""A served landscape as a PyTorch module: ``Landscape(spec).torch()`` (see :class:`LandscapeModule`).

The module's one parameter ``w`` (shape (d,)) starts at w*; its forward ignores its inputs and
returns L(w). Derivatives come from the server through custom ``torch.autograd.Function``\\ s, never
from autograd of a numerical approximation:

- backward of the loss: ∇L(w) (one GRADIENT request);
- backward of that backward (``create_graph=True``, then a second ``torch.autograd.grad``):
  ∇²L(w)·v (one HVP request per backward call), **at w* only**: the protocol's HVP is at w*
  (``docs/oracle-protocol.md``), and anywhere else it raises :class:`hessianlab.LandscapeError`
  rather than answer with a wrong number. Third derivatives raise the same way.

So an SGLD sampler (first derivatives anywhere) and a PyHessian-style tool (HVPs at the trained
point, ``loss.backward(create_graph=True)`` then ``torch.autograd.grad(grads, params, v)``) run
unchanged. devinterp (``pip install devinterp``; the keyword names are those of 1.x, whose
``estimate_learning_coeff`` takes ``evaluate``; older 1.x releases take ``criterion=model.criterion``
instead)::

    from devinterp.optim import SGLD
    from devinterp.slt import estimate_learning_coeff
    with hessianlab.Landscape("dln:4-3-5:rank=2") as f:
        model = f.torch()
        llc = estimate_learning_coeff(
            model, model.data_loader(n=1000), evaluate=model.evaluate,
            sampling_method=SGLD, optimizer_kwargs=dict(lr=1e-4, localization=100.0, nbeta=1000 / math.log(1000)),
            num_chains=4, num_draws=200, num_burnin_steps=100, cores=1, seed=0, verbose=False)
        print(llc, f.known["learningCoefficient"])

``cores=1``: the module holds a live server process, which cannot be sent to another process
(copies made by ``copy.deepcopy``, as devinterp makes one per chain, share the server). The
loss is L(w) itself, with no data: ``n`` in ``data_loader(n)`` is only the nominal sample size
that devinterp's defaults read (its default nβ = n/ln n when ``nbeta`` is not given; set it).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Tuple

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
    """∇²L(w)·v by an HVP request, at w = w* only. Its backward is H·u with respect to v (H is
    symmetric); with respect to w it would be a third derivative, which the server does not
    serve, so it raises."""

    @staticmethod
    def forward(ctx: Any, w: "torch.Tensor", v: "torch.Tensor", landscape: "Landscape") -> "torch.Tensor":  # type: ignore[override]
        _refuse_off_point(landscape, w, "a Hessian-vector product (a second derivative)")
        ctx.landscape = landscape
        ctx.save_for_backward(w)
        return _tensor(landscape.hvp(_numpy(v)), v)

    @staticmethod
    def backward(ctx: Any, u: "torch.Tensor") -> Tuple[Any, Any, None]:  # type: ignore[override]
        if ctx.needs_input_grad[0]:
            from .landscape import LandscapeError
            raise LandscapeError(f"{ctx.landscape.spec}: a third derivative (the derivative of a Hessian-vector "
                                 f"product with respect to w) is not served; detach w to differentiate H·v in v")
        (w,) = ctx.saved_tensors
        return None, _HvpFunction.apply(w, u, ctx.landscape), None


class LandscapeModule(torch.nn.Module):
    """``nn.Module`` of a served landscape: parameter ``w`` (d,) initialised at w*, forward → L(w)
    (a 0-d tensor; any inputs are ignored, so ``model(batch)``, ``model(inputs)`` and ``model()``
    all work). Gradient by the server anywhere; HVP (double backward) by the server at w* only.

    For tools that want data: :meth:`data_loader` (one batch of ``(inputs, targets)``),
    :meth:`criterion` (``criterion(output, targets)`` is the output, the loss) and
    :meth:`evaluate` (``evaluate(model, batch)`` is ``model(batch)``, devinterp's signature).
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
