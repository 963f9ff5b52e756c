"""BlockFunction: block functions are called once per block, single-vector ones are looped."""
import numpy as np
import pytest

from hessianlab.batching import BlockFunction, OracleFunctionError

D = 5
h = np.arange(1.0, D + 1)


class Counting:
    def __init__(self, function):
        self.function, self.calls = function, 0

    def __call__(self, x):
        self.calls += 1
        return self.function(x)


def test_a_block_hvp_is_called_on_the_block():
    f = Counting(lambda V: h[:, None] * V)
    block = BlockFunction(f, "hvp", D)
    V = np.random.default_rng(0).standard_normal((3, D))  # rows
    assert np.allclose(block(V), V * h)
    assert block.batched is True
    calls = f.calls
    block(V)
    assert f.calls == calls + 1  # one call per block once detected


def test_a_single_vector_hvp_that_broadcasts_wrongly_on_a_square_block_is_looped():
    # h * V with V d×d has the right shape and the wrong values: detection must see it.
    f = Counting(lambda v: h * v)
    block = BlockFunction(f, "hvp", D)
    V = np.random.default_rng(1).standard_normal((D, D))
    assert np.allclose(block(V), V * h)
    assert block.batched is False
    calls = f.calls
    block(V)
    assert f.calls == calls + D


def test_a_scalar_loss_is_looped_and_a_block_loss_is_not():
    P = np.random.default_rng(2).standard_normal((4, D))
    expected = 0.5 * np.sum(h * P**2, axis=1)
    single = BlockFunction(lambda w: 0.5 * float(np.sum(h * w**2)), "loss", D)
    batched = BlockFunction(lambda P: 0.5 * np.sum(h * P**2, axis=1), "loss", D)
    column = BlockFunction(lambda P: 0.5 * np.sum(h * P**2, axis=1, keepdims=True), "loss", D)
    for function, mode in ((single, False), (batched, True), (column, True)):
        assert np.allclose(function(P)[:, 0], expected)
        assert function.batched is mode


def test_forced_modes_skip_the_probe():
    f = Counting(lambda V: 2 * V)
    BlockFunction(f, "gradient", D, batched=True)(np.ones((3, D)))
    assert f.calls == 1
    g = Counting(lambda v: 2 * v)
    BlockFunction(g, "gradient", D, batched=False)(np.ones((3, D)))
    assert g.calls == 3


@pytest.mark.parametrize("function, message", [
    (lambda V: np.zeros((D + 1, V.shape[1])), r"shape \(6, 2\) for a block of 2 vectors, expected \(5, 2\)"),
    (lambda V: np.full_like(V, np.inf), "non-finite number"),
    (lambda V: 1 / 0, "division by zero"),
])
def test_bad_results_are_refused(function, message):
    with pytest.raises((OracleFunctionError, ZeroDivisionError), match=message):
        BlockFunction(function, "hvp", D)(np.ones((2, D)))
