"""Dask adapter: shard each block of an oracle over a ``distributed.Client``.

``hessianlab.dask.sharded(model, client)`` returns an oracle whose HVP block (d×k) is cut into
column groups and whose loss and gradient blocks (n×d) are cut into row groups, one task per
group (by default one group per worker); the tasks run where the scheduler puts them and the
results are gathered in order, so the answer does not depend on the number of workers. The
model's functions are pickled (cloudpickle: closures and NumPy functions travel) and scattered
to every worker once, when the sharded oracle is built; a model that does not pickle (a jitted
JAX function on a process cluster, say) should be built on the workers instead, e.g. by a small
function that loads it on first call.

Multi-host: start ``dask scheduler`` on one machine and ``dask worker tcp://HOST:8786`` on each
of the others, then in the oracle script ``client = distributed.Client("tcp://HOST:8786")``.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import numpy as np

import distributed

from .adapter import ModelOracle
from .batching import BlockFunction
from .server import Oracle


def _apply(function: BlockFunction, rows: np.ndarray) -> np.ndarray:
    return function(rows)


def _sharded_rows(function: BlockFunction, client: "distributed.Client", tasks: int) -> Callable[[np.ndarray], np.ndarray]:
    # The function (and what it closes over: the model) is sent to every worker once, not per task.
    remote = client.scatter(function, broadcast=True, hash=False)

    def call(rows: np.ndarray) -> np.ndarray:
        groups = [group for group in np.array_split(np.ascontiguousarray(rows), min(tasks, len(rows))) if len(group)]
        futures = client.map(_apply, [remote] * len(groups), groups, pure=False)
        return np.concatenate(client.gather(futures), axis=0)
    return call


def sharded(model: Any, client: "distributed.Client", tasks: Optional[int] = None) -> ModelOracle:
    """``model`` (a :class:`hessianlab.Oracle` or an adapter's oracle) with every block sharded
    over ``client``: ``tasks`` groups per block (default: the number of workers)."""
    oracle: Oracle = model.as_oracle() if hasattr(model, "as_oracle") and not isinstance(model, Oracle) else model
    if tasks is None:
        tasks = max(1, len(client.scheduler_info().get("workers", {})))
    functions = dict(oracle._functions)

    def rows_function(kind: str) -> Optional[Callable[[np.ndarray], np.ndarray]]:
        return _sharded_rows(functions[kind], client, tasks) if kind in functions else None

    hvp_rows, loss_rows, gradient_rows = (rows_function(kind) for kind in ("hvp", "loss", "gradient"))
    return ModelOracle(
        dimension=oracle.dimension, point=oracle.point,
        hvp=(lambda V: hvp_rows(np.asarray(V).T).T) if hvp_rows else None,
        loss=(lambda P: loss_rows(P)[:, 0]) if loss_rows else None,
        gradient=gradient_rows, precision=oracle.precision, name=oracle.name)
