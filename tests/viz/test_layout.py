import igraph as ig
import numpy as np
import pytest

from netkit.errors import ParameterError
from netkit.viz.layout import layout


def test_layout_is_seeded_and_stable():
    g = ig.Graph.Barabasi(200, 2)
    a, b, c = layout(g, seed=3), layout(g, seed=3), layout(g, seed=4)
    assert a.shape == (200, 2) and np.array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.allclose(a.mean(axis=0), 0, atol=1.0)


def test_layout_does_not_disturb_global_random():
    import random

    random.seed(11)
    expected = random.random()
    random.seed(11)
    layout(ig.Graph.Ring(30), seed=1)
    assert random.random() == expected


def test_layout_edge_cases():
    assert layout(ig.Graph()).shape == (0, 2)
    assert layout(ig.Graph(5), method="circle").shape == (5, 2)
    with pytest.raises(ParameterError):
        layout(ig.Graph(3), method="spring")
