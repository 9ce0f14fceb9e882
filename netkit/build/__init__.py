"""From a Corpus to ``igraph.Graph``: incidence, projection and weighting, layers, time slices,
export and conversion; projection engines (memory, DuckDB, Spark) and tie tables on disk."""

from netkit.build.bipartite import Incidence, incidence
from netkit.build.convert import GraphLike, as_igraph, from_networkx, to_networkx
from netkit.build.engines import ENGINES, project
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
from netkit.build.projection import EDGE_ATTRIBUTES, edge_table
from netkit.build.temporal import temporal_edges as temporal_edges
from netkit.build.tie_table import (
    TIE_SCHEMA,
    graph_from_edge_table,
    read_edge_table,
    write_edge_table,
)
from netkit.build.weighting import WEIGHTING_RULES, WEIGHTINGS, Weighting

__all__ = [
    "EDGE_ATTRIBUTES",
    "ENGINES",
    "FORMATS",
    "NODE_ATTRIBUTES",
    "TIE_SCHEMA",
    "WEIGHTINGS",
    "WEIGHTING_RULES",
    "GraphLike",
    "Incidence",
    "Weighting",
    "as_igraph",
    "collaboration_graph",
    "edge_table",
    "export",
    "from_networkx",
    "graph_from_edge_table",
    "incidence",
    "layers",
    "org_graph",
    "person_graph",
    "project",
    "read_edge_table",
    "slices",
    "to_networkx",
    "write_edge_table",
    "write_edgelist_csv",
    "write_gexf",
    "write_graphml",
    "write_pajek",
    "write_vosviewer",
    "write_vosviewer_txt",
]
