"""Whether a part of an address names a first-level region of its country.

Affiliation strings often write the region between the city and the country
(``Changsha, Hunan, China``; ``Aachen, Nordrhein-Westfalen, Germany``; ``Sydney, NSW,
Australia``): the region is not the city. The names are ISO 3166-2 first-level
subdivisions (``pycountry``) as sources write them: the name without its comma
clause (*Navarra, Comunidad Foral de*) and without the word for its kind (*Hunan
Sheng*, *Tianjin Shi*, *Hunan Province*, *Jiangsu Province*), its code suffix
(``NSW``, ``ON``), each folded (accents, case, punctuation) and also without spaces
(*Tamilnadu*).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from netkit.lexicon.text import fold

__all__ = ["is_region"]

_KIND = frozenset({
    "sheng", "shi", "zizhiqu", "province", "provincia", "state", "region", "prefecture",
    "oblast", "krai", "county", "governorate", "district", "division", "territory",
    "do", "autonomous", "special", "administrative", "sar", "metropolitan", "estado",
    "departamento", "comunidad", "voivodeship",
})


def _forms(name: str) -> set[str]:
    key = fold(name, punctuation=True)
    words = key.split()
    bare = " ".join(w for w in words if w not in _KIND)
    out = {key, key.replace(" ", "")}
    if bare:
        out |= {bare, bare.replace(" ", "")}
    return out


@cache
def _names(country: str) -> frozenset[str]:
    import pycountry

    out: set[str] = set()
    for sub in pycountry.subdivisions.get(country_code=country) or ():
        if sub.parent_code is not None:
            continue
        name = re.sub(r"\s*\([^)]*\)", "", sub.name).split(",")[0]
        out |= _forms(name)
        out.add(fold(sub.code.split("-", 1)[1], punctuation=True))
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def is_region(country: str | None, text: str | None) -> bool:
    """Whether ``text`` names a first-level subdivision of ``country`` (ISO alpha-2).

    Examples
    --------
    >>> is_region("CN", "Hunan Province"), is_region("DE", "Nordrhein-Westfalen")
    (True, True)
    >>> is_region("IN", "Tamilnadu"), is_region("AU", "NSW"), is_region("ES", "Navarra")
    (True, True, True)
    >>> is_region("CN", "Changsha"), is_region("US", "Boston"), is_region(None, "Hunan")
    (False, False, False)
    """
    if not country or not text:
        return False
    names = _names(country.upper())
    return any(f in names for f in _forms(text))
