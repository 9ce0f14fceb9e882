"""The heavy-tailed organisation–event generator: seeded, sizes as asked, hubs and small fry."""

from __future__ import annotations

import numpy as np
import pytest

from netkit.build import org_graph
from netkit.datasets import heavy_tailed_corpus
from netkit.errors import ParameterError


def test_seeded_and_shaped_as_asked():
    a = heavy_tailed_corpus(5000, seed=4)
    b = heavy_tailed_corpus(5000, seed=4)
    assert a.participations.equals(b.participations) and a.events.equals(b.events)
    assert not a.participations.equals(heavy_tailed_corpus(5000, seed=5).participations)
    assert a.n_organizations == 5000 and a.n_events == round(1.07 * 5000)
    sizes = a.participations.groupby("event_id").size()
    assert sizes.max() <= 50 and sizes.min() >= 1
    assert not a.participations.duplicated(["event_id", "org_id"]).any()
    # Zipf sizes: most events are pairs, a few are large consortia
    assert (sizes == 2).mean() > 0.5 and sizes.max() >= 20
    # Pareto activity: most organisations in one or two events, a few in hundreds
    activity = a.participations["org_id"].value_counts()
    assert activity.median() <= 2 and activity.max() >= 100


def test_projects_to_a_graph_with_hubs_and_cliques():
    g = org_graph(heavy_tailed_corpus(5000, seed=0))
    deg = np.asarray(g.degree())
    assert 0.75 * 5000 < g.vcount() < 5000  # organisations never drawn have no participation
    assert 4 < g.ecount() / g.vcount() < 9
    assert deg.max() > 50 * np.median(deg)
    assert g.transitivity_undirected() > 0.05  # every consortium is a clique


@pytest.mark.parametrize("kwargs", [{"n_orgs": 1}, {"max_event_size": 1},
                                    {"events_per_org": 0}, {"activity_exponent": -1.0},
                                    {"size_exponent": float("nan")}])
def test_bad_parameters(kwargs):
    with pytest.raises(ParameterError):
        heavy_tailed_corpus(**{"n_orgs": 100, **kwargs})
