"""Organisation identity: one organisation per real organisation, with an audit trail.

The package is also callable: ``nk.resolve(corpus, …)`` is ``nk.resolve.resolve(corpus, …)``.

>>> import netkit as nk
>>> corpus, truth = nk.datasets.synthetic_ecosystem(seed=1, size="tiny")
>>> res = nk.resolve(corpus)
>>> res.corpus.n_organizations <= corpus.n_organizations
True
>>> nk.resolve.resolve(corpus).mapping.equals(res.mapping)
True
"""

import sys as _sys
import types as _types

from netkit.lexicon.legal_forms import strip_legal_form
from netkit.resolve.audit import save_resolution, write_csv
from netkit.resolve.identifiers import EXCLUSIVE_SCHEMES, STRONG_SCHEMES, clean_identifier
from netkit.resolve.match import align, candidate_pairs, score_pairs
from netkit.resolve.normalize import normalize_name, normalize_names, organisation_part
from netkit.resolve.overrides import read_overrides, read_thesaurus
from netkit.resolve.people import PeopleResolution, resolve_people
from netkit.resolve.registry import Registry, load_registry
from netkit.resolve.resolve import METHODS, Resolution, resolve

__all__ = [
    "EXCLUSIVE_SCHEMES",
    "METHODS",
    "STRONG_SCHEMES",
    "PeopleResolution",
    "Registry",
    "Resolution",
    "align",
    "candidate_pairs",
    "clean_identifier",
    "load_registry",
    "normalize_name",
    "normalize_names",
    "organisation_part",
    "read_overrides",
    "read_thesaurus",
    "resolve",
    "resolve_people",
    "save_resolution",
    "score_pairs",
    "strip_legal_form",
    "write_csv",
]


class _CallableModule(_types.ModuleType):
    """Lets ``netkit.resolve(corpus, …)`` call :func:`netkit.resolve.resolve`."""

    def __call__(self, corpus, **kwargs):
        return resolve(corpus, **kwargs)


_sys.modules[__name__].__class__ = _CallableModule
