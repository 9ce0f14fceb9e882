"""Convert between igraph (the working graph) and networkx (interchange and reference)."""

from __future__ import annotations

import igraph as ig
import networkx as nx

__all__ = ["to_networkx"]


def to_networkx(graph: ig.Graph) -> nx.Graph:
    """A networkx graph with the same nodes (keyed by ``name``), edges and attributes.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", "b"]; g.es["weight"] = [2.0]
    >>> h = to_networkx(g)
    >>> sorted(h.nodes), h["a"]["b"]["weight"]
    (['a', 'b'], 2.0)
    """
    h: nx.Graph = nx.MultiGraph() if graph.has_multiple() else nx.Graph()
    if graph.is_directed():
        h = nx.MultiDiGraph() if graph.has_multiple() else nx.DiGraph()
    names = graph.vs["name"] if "name" in graph.vs.attributes() else list(range(graph.vcount()))
    vattrs = [a for a in graph.vs.attributes() if a != "name"]
    h.add_nodes_from(
        (name, {a: graph.vs[a][i] for a in vattrs}) for i, name in enumerate(names)
    )
    eattrs = graph.es.attributes()
    columns = {a: graph.es[a] for a in eattrs}
    h.add_edges_from(
        (names[u], names[v], {a: columns[a][i] for a in eattrs})
        for i, (u, v) in enumerate(graph.get_edgelist())
    )
    h.graph.update({a: graph[a] for a in graph.attributes()})
    return h
