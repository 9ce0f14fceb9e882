"""From a Corpus to ``igraph.Graph``: incidence, projection and weighting, layers, time slices,
export and conversion."""

from netkit.build.bipartite import Incidence, incidence
from netkit.build.convert import as_igraph, from_networkx, to_networkx
from netkit.build.export import (
    FORMATS,
    export,
    write_edgelist_csv,
    write_gexf,
    write_graphml,
    write_pajek,
    write_vosviewer,
    write_vosviewer_txt,
)
from netkit.build.graphs import NODE_ATTRIBUTES, collaboration_graph, org_graph, person_graph
from netkit.build.layers import layers, slices
from netkit.build.projection import EDGE_ATTRIBUTES, WEIGHTINGS, edge_table
from netkit.build.temporal import temporal_edges as temporal_edges

__all__ = [
    "EDGE_ATTRIBUTES",
    "FORMATS",
    "NODE_ATTRIBUTES",
    "WEIGHTINGS",
    "Incidence",
    "as_igraph",
    "collaboration_graph",
    "edge_table",
    "export",
    "from_networkx",
    "incidence",
    "layers",
    "org_graph",
    "person_graph",
    "slices",
    "to_networkx",
    "write_edgelist_csv",
    "write_gexf",
    "write_graphml",
    "write_pajek",
    "write_vosviewer",
    "write_vosviewer_txt",
]
