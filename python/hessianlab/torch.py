"""PyTorch adapter: ``hessianlab.torch.oracle(model, loss_fn, data)`` for an ``nn.Module``.

The trainable parameters are flattened into w (in ``model.named_parameters()`` order) and the
loss L(w) = loss_fn(functional_call(model, unflatten(w), (inputs,)), targets) is evaluated with
``torch.func``: HVPs are forward-over-reverse, ``jvp(grad(L), (w,), (v,))``, vmapped over the
columns of the block; losses ``vmap(L)``; gradients ``vmap(grad(L))``. When the loss uses an
operation whose forward-mode derivative PyTorch does not provide or gets wrong (``F.mse_loss`` in
torch 2.x raises "ZeroTensors are immutable" under ``jvp(grad(...))``), the first HVP block falls
back, for good, to reverse-over-reverse: ``vjp(grad(L), w*)`` taken once at w* and its pullback
vmapped over the columns (H is symmetric, so vᵀH = (Hv)ᵀ); same values to rounding. Buffers (batch-norm
statistics) are passed unchanged. Computation in float64 by default, on the model's device. Put
a model with dropout or batch normalisation in ``eval()`` mode first (the loss must be a function
of w alone).
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Tuple

import numpy as np

import torch
from torch.func import functional_call, grad, jvp, vjp, vmap

from .adapter import ModelOracle


def oracle(model: "torch.nn.Module", loss_fn: Callable[[Any, Any], "torch.Tensor"], data: Tuple[Any, Any],
           dtype: "torch.dtype" = torch.float64, name: Optional[str] = None) -> ModelOracle:
    """The oracle of ``loss_fn(model(inputs), targets)`` over ``data = (inputs, targets)`` at the
    model's current parameters (w*). ``dtype`` is float64 (default) or float32; the model is not
    modified (its parameters are copied in ``dtype``)."""
    if dtype not in (torch.float64, torch.float32):
        raise ValueError(f"dtype must be torch.float64 or torch.float32, not {dtype}")
    inputs, targets = data
    inputs = inputs.to(dtype) if torch.is_floating_point(inputs) else inputs
    targets = targets.to(dtype) if torch.is_tensor(targets) and torch.is_floating_point(targets) else targets
    named = [(key, value.detach().to(dtype)) for key, value in model.named_parameters() if value.requires_grad]
    # Frozen parameters and buffers (batch-norm statistics) are passed unchanged, in dtype.
    fixed = {key: value.detach().to(dtype) for key, value in model.named_parameters() if not value.requires_grad}
    buffers = {key: (value.to(dtype) if torch.is_floating_point(value) else value) for key, value in model.named_buffers()}
    buffers.update(fixed)
    names = [key for key, _ in named]
    shapes = [value.shape for _, value in named]
    sizes = [value.numel() for _, value in named]
    w_star = torch.cat([value.reshape(-1) for _, value in named])

    def L(w: "torch.Tensor") -> "torch.Tensor":
        pieces = torch.split(w, sizes)
        params = {key: piece.reshape(shape) for key, piece, shape in zip(names, pieces, shapes)}
        return loss_fn(functional_call(model, {**params, **buffers}, (inputs,)), targets)

    grad_L = grad(L)
    hvp_block = _HvpBlock(grad_L, w_star)
    loss_block = vmap(L)
    gradient_block = vmap(grad_L)

    def numpy_in_out(function: Callable[["torch.Tensor"], "torch.Tensor"]) -> Callable[[np.ndarray], np.ndarray]:
        def call(x: np.ndarray) -> np.ndarray:
            with torch.no_grad():
                tensor = torch.from_numpy(np.array(x, dtype=np.float64)).to(device=w_star.device, dtype=dtype)
                return function(tensor).detach().cpu().numpy().astype(np.float64)
        return call

    return ModelOracle(dimension=int(w_star.numel()), point=w_star.cpu().numpy().astype(np.float64),
                       hvp=numpy_in_out(hvp_block), loss=numpy_in_out(loss_block),
                       gradient=numpy_in_out(gradient_block),
                       precision="float64" if dtype == torch.float64 else "float32", name=name)


class _HvpBlock:
    """H·V for a d×k block at w*: forward-over-reverse (``jvp`` of ``grad``) vmapped over the
    columns, or, once that has raised for an operation without a usable forward-mode derivative,
    reverse-over-reverse (the pullback of ``grad`` at w*, built once, vmapped). ``mode`` says which
    (``"forward-over-reverse"`` or ``"reverse-over-reverse"``)."""

    def __init__(self, grad_L: Callable[["torch.Tensor"], "torch.Tensor"], w_star: "torch.Tensor") -> None:
        self.mode = "forward-over-reverse"
        self._forward = vmap(lambda v: jvp(grad_L, (w_star,), (v,))[1], in_dims=1, out_dims=1)
        self._grad_L = grad_L
        self._w_star = w_star
        self._reverse: Optional[Callable[["torch.Tensor"], "torch.Tensor"]] = None

    def __call__(self, V: "torch.Tensor") -> "torch.Tensor":
        if self._reverse is None:
            try:
                return self._forward(V)
            except (RuntimeError, NotImplementedError):
                with torch.enable_grad():
                    _, pullback = vjp(self._grad_L, self._w_star)
                self._reverse = vmap(lambda v: pullback(v)[0], in_dims=1, out_dims=1)
                self.mode = "reverse-over-reverse"
        return self._reverse(V)
