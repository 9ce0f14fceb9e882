"""Bare acronyms (*MIT*, *KAIST*, *UNEP, Nairobi*) and the names they abbreviate.

An affiliation written as an acronym alone is matched to the organisation whose
key words it spells (*Massachusetts Institute of Technology* → ``mit``), or whose
name carries it (*Centro Agronómico Tropical de Investigación y Enseñanza CATIE*).
Resolution accepts such a match only when a single organisation of a compatible
country fits (see :func:`netkit.resolve.evidence.acronym_edges`).
"""

from __future__ import annotations

import re

from netkit.lexicon.text import fold
from netkit.resolve.normalize import _PARENS, organisation_part
from netkit.resolve.places import is_place

__all__ = ["bare_acronym", "initials"]

_ACRONYM = re.compile(r"^[A-Z][A-Z&\-]{2,9}$")
_CAPITALS = re.compile(r"[A-Z]{2}")


def bare_acronym(name: str | None) -> str | None:
    """The acronym a name consists of, folded to letters; ``None`` if it is more.

    A place after the acronym (*DHI Paris*), an address after a comma and a note in
    brackets are ignored. Acronyms have 3–10 capital letters (``&`` and ``-`` allowed).

    Examples
    --------
    >>> bare_acronym("MIT"), bare_acronym("NBSS&LUP, ICAR, Amravati Road, Nagpur 440010, India")
    ('mit', 'nbsslup')
    >>> bare_acronym("[INRS (Montréal)]"), bare_acronym("UNEP, Division of GEF Coordination")
    ('inrs', 'unep')
    >>> bare_acronym("Siemens AG"), bare_acronym("IT"), bare_acronym("CO2CRC")
    (None, None, None)
    """
    if not isinstance(name, str) or not _CAPITALS.search(name):
        return None
    org = _PARENS.sub(" ", organisation_part(name)).split()
    while len(org) > 1 and is_place(fold(org[-1])):
        org = org[:-1]
    if len(org) != 1 or not _ACRONYM.match(org[0]):
        return None
    return re.sub(r"[^a-z]", "", org[0].casefold())


def initials(key: str) -> str:
    """The first letters of the words of a key of two words or more (``""`` otherwise).

    Examples
    --------
    >>> initials("massachusetts institute technology"), initials("sintef")
    ('mit', '')
    """
    words = key.split()
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if not w.isdigit())
