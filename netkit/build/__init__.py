"""From a Corpus to ``igraph.Graph``: incidence, projection and weighting, conversion."""

from netkit.build.convert import to_networkx
from netkit.build.projection import Incidence, incidence, org_graph

__all__ = ["Incidence", "incidence", "org_graph", "to_networkx"]
