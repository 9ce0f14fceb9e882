"""Convert between igraph (the working graph) and networkx (interchange and reference).

Both directions keep every graph, vertex and edge attribute, so that
``from_networkx(to_networkx(g))`` has the same vertices (in order), the same
edges and the same attributes as ``g``.
"""

from __future__ import annotations

from typing import TypeAlias

import igraph as ig
import networkx as nx

from netkit.errors import ParameterError

__all__ = ["GraphLike", "as_igraph", "from_networkx", "to_networkx"]

GraphLike: TypeAlias = ig.Graph | nx.Graph
"""A graph that netkit's metrics and views accept: an ``igraph.Graph`` (the working graph) or
any networkx graph (``Graph``, ``DiGraph``, ``MultiGraph``, ``MultiDiGraph``), which
:func:`as_igraph` converts once."""


def to_networkx(graph: ig.Graph) -> nx.Graph:
    """A networkx graph with the same nodes (keyed by ``name``), edges and attributes.

    Parameters
    ----------
    graph : igraph.Graph
        Vertices are keyed by their ``name`` attribute (by index if there is
        none). Graphs with parallel edges become ``MultiGraph`` /
        ``MultiDiGraph``.

    Returns
    -------
    networkx.Graph, DiGraph, MultiGraph or MultiDiGraph
        Node order is vertex order; graph attributes go to ``G.graph``.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", "b"]; g.es["weight"] = [2.0]
    >>> h = to_networkx(g)
    >>> sorted(h.nodes), h["a"]["b"]["weight"]
    (['a', 'b'], 2.0)
    """
    multi = graph.has_multiple()
    if graph.is_directed():
        h: nx.Graph = nx.MultiDiGraph() if multi else nx.DiGraph()
    else:
        h = nx.MultiGraph() if multi else nx.Graph()
    names = graph.vs["name"] if "name" in graph.vs.attributes() else list(range(graph.vcount()))
    vattrs = [a for a in graph.vs.attributes() if a != "name"]
    vcols = {a: graph.vs[a] for a in vattrs}
    h.add_nodes_from((name, {a: vcols[a][i] for a in vattrs}) for i, name in enumerate(names))
    eattrs = graph.es.attributes()
    columns = {a: graph.es[a] for a in eattrs}
    h.add_edges_from(
        (names[u], names[v], {a: columns[a][i] for a in eattrs})
        for i, (u, v) in enumerate(graph.get_edgelist())
    )
    h.graph.update({a: graph[a] for a in graph.attributes()})
    return h


def from_networkx(graph: nx.Graph) -> ig.Graph:
    """An igraph graph with the same nodes, edges and attributes as a networkx graph.

    Parameters
    ----------
    graph : networkx.Graph, DiGraph, MultiGraph or MultiDiGraph

    Returns
    -------
    igraph.Graph
        Vertices in networkx node order, with the node key as ``name``;
        undirected edges ordered by (smaller, larger) vertex index, directed
        ones by (source, target); an attribute that some nodes or edges lack
        is ``None`` there. Multigraph edge keys are dropped.

    Examples
    --------
    >>> import networkx as nx
    >>> h = nx.Graph(); h.add_edge("b", "a", weight=3.0); h.graph["level"] = "org"
    >>> g = from_networkx(h)
    >>> g.vs["name"], g.es["weight"], g["level"]
    (['b', 'a'], [3.0], 'org')
    >>> list(to_networkx(g).edges(data=True))
    [('b', 'a', {'weight': 3.0})]
    """
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    directed = graph.is_directed()
    g = ig.Graph(n=len(nodes), directed=directed)
    g.vs["name"] = nodes
    vattrs = sorted({k for _, d in graph.nodes(data=True) for k in d} - {"name"})
    for a in vattrs:
        g.vs[a] = [d.get(a) for _, d in graph.nodes(data=True)]
    edges = []
    for u, v, d in graph.edges(data=True):
        i, j = index[u], index[v]
        if not directed and i > j:
            i, j = j, i
        edges.append((i, j, d))
    edges.sort(key=lambda e: (e[0], e[1]))
    g.add_edges([(i, j) for i, j, _ in edges])
    eattrs = sorted({k for _, _, d in edges for k in d})
    for a in eattrs:
        g.es[a] = [d.get(a) for _, _, d in edges]
    for key, value in graph.graph.items():
        g[key] = value
    return g


def as_igraph(graph: GraphLike) -> ig.Graph:
    """``graph`` itself if it is an ``igraph.Graph``; a networkx graph converted once.

    Raises
    ------
    ParameterError
        For anything else.

    Examples
    --------
    >>> import networkx as nx
    >>> as_igraph(nx.path_graph(3)).ecount()
    2
    """
    if isinstance(graph, ig.Graph):
        return graph
    if isinstance(graph, nx.Graph):
        return from_networkx(graph)
    raise ParameterError(f"expected an igraph.Graph or a networkx graph, not {type(graph).__name__}")
