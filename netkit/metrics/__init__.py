"""Graph → pandas: centrality, bridging, communities, diffusion, dynamics, comparison.

Every public function of every module in this package is also available here
(``nk.metrics.betweenness`` …); each module lists its public names in ``__all__``.
Metrics never read or write files.

Conventions of every metric:

* **Node keys.** Results are indexed by the graph's node keys as they are: the
  vertex ``name`` of an igraph graph (its vertex ids when it has none), the
  node keys of a networkx graph, of any hashable type (strings, integers,
  tuples as in ``nx.grid_2d_graph``). Anything that names nodes — diffusion
  seeds, module mappings — takes the same keys; an integer is a key, never a
  vertex position.
* **Direction.** Collaboration ties have no direction. Metrics defined for
  undirected graphs read a directed graph as undirected (``u → v`` and
  ``v → u`` one tie, weights summed) and say so with a
  :class:`DirectedGraphWarning`; metrics that use
  direction say so in their docstring (:func:`brokerage`,
  :func:`simulate_diffusion`).
* **Seeds.** Every routine that draws random numbers takes ``seed``, default
  ``0``, so that the same call on the same data gives the same result (as
  ``netkit report``, whose configured seed is passed to every step); pass
  another integer for another draw, or ``None`` for a fresh one from the
  operating system. Each call builds its own generator (numpy's
  ``default_rng``/``SeedSequence``, or a ``random.Random`` handed to igraph
  for the call); no global generator of Python or numpy is touched, and
  igraph's generator is restored to what it was before the call.
"""

from importlib import import_module
from pkgutil import iter_modules
from typing import TYPE_CHECKING

from netkit.metrics._graphs import DirectedGraphWarning

__all__: list[str] = ["DirectedGraphWarning"]

for _info in sorted(iter_modules(__path__), key=lambda i: i.name):
    if _info.name.startswith("_"):
        continue
    _module = import_module(f"{__name__}.{_info.name}")
    globals()[_info.name] = _module
    for _name in getattr(_module, "__all__", ()):
        globals()[_name] = getattr(_module, _name)
        __all__.append(_name)

if TYPE_CHECKING:  # the same names, spelled out for type checkers and IDEs (tests/test_types.py)
    from netkit.metrics.bridging import *
    from netkit.metrics.brokerage import *
    from netkit.metrics.centrality import *
    from netkit.metrics.communities import *
    from netkit.metrics.compare import *
    from netkit.metrics.diffusion import *
    from netkit.metrics.dynamics import *
    from netkit.metrics.events import *
    from netkit.metrics.mixing import *
    from netkit.metrics.mobility import *
    from netkit.metrics.regions import *
    from netkit.metrics.significance import *
    from netkit.metrics.sources import *
    from netkit.metrics.structure import *
    from netkit.metrics.temporal import *
