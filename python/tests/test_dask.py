"""hessianlab.dask: blocks sharded over a LocalCluster of 2 workers equal the unsharded result."""
import numpy as np
import pytest

pytest.importorskip("distributed", reason="dask[distributed] is not installed (scripts/test-python installs it)")
from distributed import Client, LocalCluster  # noqa: E402

import hessianlab  # noqa: E402
import hessianlab.dask  # noqa: E402

D = 12
A = np.random.default_rng(5).standard_normal((D, 4))
H = A @ A.T
W = np.linspace(0.0, 1.0, D)


def hvp(V):
    return H @ V


def single_loss(w):  # single-point: looped on the workers
    x = w - W
    return 0.5 * float(x @ H @ x)


def gradient(P):
    return (P - W) @ H


@pytest.fixture(scope="module", params=[False, True], ids=["threads", "processes"])
def client(request):
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=request.param, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def test_sharded_blocks_equal_the_unsharded_oracle(client):
    plain = hessianlab.Oracle(dimension=D, point=W, hvp=hvp, loss=single_loss, gradient=gradient)
    sharded = hessianlab.dask.sharded(plain, client)
    rng = np.random.default_rng(6)
    V = rng.standard_normal((D, 5))
    P = rng.standard_normal((7, D))
    assert np.array_equal(sharded.hvp(V), H @ V)
    expected_losses = np.array([single_loss(p) for p in P])
    assert np.allclose(sharded.loss(P), expected_losses, rtol=1e-14, atol=0)
    assert np.array_equal(sharded.gradient(P), (P - W) @ H)
    assert sharded.hvp(V[:, :1]).shape == (D, 1)  # fewer vectors than workers


def test_each_block_is_split_into_one_task_per_worker(client):
    seen = []
    plain = hessianlab.Oracle(dimension=D, point=W, hvp=hvp)
    sharded = hessianlab.dask.sharded(plain, client)
    original = client.map

    def recording_map(function, *iterables, **kwargs):
        seen.append([len(group) for group in iterables[-1]])
        return original(function, *iterables, **kwargs)

    client.map = recording_map
    try:
        sharded.hvp(np.eye(D)[:, :5])
    finally:
        del client.map
    assert seen == [[3, 2]]


def test_a_sharded_oracle_serves(client):
    import io
    from hessianlab import protocol
    from hessianlab.protocol import Kind
    from hessianlab.server import serve_streams
    sharded = hessianlab.dask.sharded(hessianlab.Oracle(dimension=D, point=W, hvp=hvp), client)
    requests = io.BytesIO(protocol.encode_array(Kind.HVP, np.eye(D)[:3]) + protocol.encode_empty(Kind.SHUTDOWN))
    replies = io.BytesIO()
    assert serve_streams(sharded.as_oracle(), requests, replies) == 0
    replies.seek(0)
    assert protocol.read_frame(replies).kind == Kind.HELLO
    assert protocol.read_frame(replies).kind == Kind.POINT
    reply = protocol.read_frame(replies)
    assert reply.kind == Kind.HVP_REPLY and np.array_equal(reply.array, H[:3])
