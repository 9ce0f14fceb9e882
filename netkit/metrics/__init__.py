"""Graph → pandas: centrality, bridging, communities, diffusion, dynamics, comparison.

Every public function of every module in this package is also available here
(``nk.metrics.betweenness`` …); each module lists its public names in ``__all__``.
Metrics never read or write files.
"""

from importlib import import_module
from pkgutil import iter_modules

__all__: list[str] = []

for _info in sorted(iter_modules(__path__), key=lambda i: i.name):
    if _info.name.startswith("_"):
        continue
    _module = import_module(f"{__name__}.{_info.name}")
    globals()[_info.name] = _module
    for _name in getattr(_module, "__all__", ()):
        globals()[_name] = getattr(_module, _name)
        __all__.append(_name)
