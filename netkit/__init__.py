"""netkit: university–firm–startup collaboration networks from papers, patents and contracts.

>>> import netkit as nk
>>> corpus, truth = nk.datasets.synthetic_ecosystem(seed=1, size="tiny")
>>> graph = nk.build.org_graph(corpus)
>>> graph.vcount() > 0
True
"""

from importlib import import_module
from typing import TYPE_CHECKING

from netkit._version import __version__
from netkit.errors import (
    EmptyGraphError,
    InputError,
    NetkitError,
    ParameterError,
    SchemaError,
)
from netkit.model import Corpus

__all__ = [
    "Corpus",
    "EmptyGraphError",
    "InputError",
    "NetkitError",
    "ParameterError",
    "SchemaError",
    "__version__",
    "build",
    "datasets",
    "ingest",
    "metrics",
    "model",
    "report",
    "resolve",
    "viz",
]

_NAMESPACES = {"build", "datasets", "ingest", "metrics", "model", "report", "resolve", "viz"}

if TYPE_CHECKING:  # pragma: no cover
    from netkit import build, datasets, ingest, metrics, model, report, resolve, viz


def __getattr__(name: str):
    """Import the namespaces (``nk.build``, ``nk.metrics`` …) on first use, keeping import light."""
    if name in _NAMESPACES:
        return import_module(f"netkit.{name}")
    raise AttributeError(f"module 'netkit' has no attribute {name!r}")
