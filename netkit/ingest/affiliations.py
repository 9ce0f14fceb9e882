"""Parse affiliation strings: organisation, rolled-up units, city and country.

Bibliographic sources give affiliations as free text — ``Dept, Org, City, Country``
(Scopus, OpenAlex raw strings) or ``Org, Dept, City, Country`` (Web of Science
``C1``). This module picks the organisation out of such a string (department-level
parts roll up to it), reads the country from the address (ISO-3166 alpha-2) and
builds stable, source-namespaced organisation keys for name-only sources. Patent
and contract readers may reuse it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from netkit.ingest.ids import name_key as _name_key
from netkit.lexicon.countries import country_code, country_from_address
from netkit.lexicon.footnotes import without_footnote_labels
from netkit.lexicon.legal_forms import is_legal_form
from netkit.lexicon.sectors import sector_from_name

__all__ = [
    "Affiliation",
    "name_key",
    "org_key",
    "parse_affiliation",
    "split_outside_brackets",
]


def _plain(text: str) -> str:
    """Lower case, accents of Latin letters removed, ``and`` spelt ``&``, punctuation to
    spaces (:func:`netkit.ingest.ids.name_key`)."""
    return _name_key(text)


def split_outside_brackets(text: str, sep: str = ";") -> list[str]:
    """Split on ``sep`` except inside ``[...]`` (the author lists of WoS ``C1``).

    Examples
    --------
    >>> split_outside_brackets("[Luo, Z; Li, W] Huazhong Univ, Wuhan, Peoples R China; [Bian, L] ZTE Corp, Shenzhen, Peoples R China")
    ['[Luo, Z; Li, W] Huazhong Univ, Wuhan, Peoples R China', '[Bian, L] ZTE Corp, Shenzhen, Peoples R China']
    """
    if "[" not in text:
        return [p.strip() for p in text.split(sep) if p.strip()]
    out: list[str] = []
    cur = ""
    for piece in text.split(sep):
        cur = f"{cur}{sep}{piece}" if cur else piece
        if cur.count("[") <= cur.count("]"):
            if cur.strip():
                out.append(cur.strip())
            cur = ""
    if cur.strip():
        out.append(cur.strip())
    return out


# Parts that name a sub-unit of an organisation (rolled up to the organisation).
_UNIT = re.compile(
    r"^(?:the\s+)?(?:dep(?:artment|t|artamento|artement)?\.?|div(?:ision)?\.?|fac(?:ulty|ultad|ulté)?\.?|"
    r"sch(?:ool)?\.?|grad(?:uate)? sch(?:ool)?|lab(?:oratory|oratoire|oratorio|s)?\.?|key lab\w*|"
    r"state key lab\w*|group|unit|section|sect|chair|program(?:me)?|cent(?:er|re)\s+(?:for|of)|"
    r"ctr\s|inst(?:itute)?\s+(?:of|for)|college of|coll\s|research (?:group|unit|center|centre)|"
    r"service|dipartimento|institut f(?:ü|ue?)r|lehrstuhl|abteilung|unidad|umr|cnrs umr|ea\s?\d)\b",
    re.IGNORECASE,
)
_STATE_PART = re.compile(r"^[A-Z]{2}(?:\s+\d[\d-]*)?$")
# a street address: a street word with a house number ("Universitätsstr. 150",
# "8802 Higdon Dr", "Via Roma 12"); never the organisation, whatever words it holds
_STREET = re.compile(
    r"(?i)(?:str\.|straße|strasse|street|road|avenue|blvd|boulevard|\brue|\bvia|\bcalle"
    r"|weg|platz|gasse|\bst\.?|\brd\.?|\bave\.?|\bdr\.?)\s*\d|"
    r"^\d+[a-z]?\s+\w+.*\b(?:street|road|avenue|blvd|boulevard|drive|lane|st|rd|ave|dr)\.?$")


# author initials ("H.", "C.D", "J.-P."), never an organisation
_INITIALS = re.compile(r"^[A-Z](?:\.\s?-?[A-Z])*\.?$")
# a part that starts with a house number ("369 Sangdo-ro"): an address unless it names an
# organisation ("1 Peoples Hosp Shaoxing", WoS for the First People's Hospital)
_NUMBERED = re.compile(r"^\d+[A-Za-z]?[\s-]")
# a sub-unit part that names its university after it ("School of Electronic Engineering
# Soongsil University")
_HOLDS_UNIVERSITY = re.compile(r"(?i)\S\s+(?:\S+\s+)*?univ(?:ersity|ersit\w+)?\b")


def _merge_legal_forms(parts: list[str]) -> list[str]:
    """Parts with a part that is only a legal form joined to the part before it
    (*Littelfuse, Inc.*); two capital letters alone are a state code (*CO*), not *Co.*"""
    out: list[str] = []
    for p in parts:
        if out and not (len(p) <= 2 and p.isupper()) and is_legal_form(p):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


def _never_organization(part: str) -> bool:
    """Author initials, or a numbered part that names no organisation (an address)."""
    return bool(_INITIALS.match(part)) or (bool(_NUMBERED.match(part))
                                          and _named_sector(part) == "unknown")


@dataclass(frozen=True)
class Affiliation:
    """One affiliation string taken apart.

    ``organization`` is the organisation the string belongs to (sub-units rolled
    up), ``units`` the parts naming departments, schools, labs …, ``city`` and
    ``country`` (ISO-2) come from the address.
    """

    raw: str
    organization: str | None
    units: tuple[str, ...] = ()
    city: str | None = None
    country: str | None = None


@lru_cache(maxsize=1 << 16)
def _clean_city(part: str) -> str | None:
    words = [w for w in part.split() if not any(ch.isdigit() for ch in w)
             and not re.fullmatch(r"[A-Z]{1,3}-", w)]
    city = " ".join(words).strip(" .")
    return city or None


@lru_cache(maxsize=1 << 17)
def _region_after_city(country: str, last: str, before: str) -> bool:
    """Whether the last part of an address is its country's region written after a city
    (the part before it names no organisation and no sub-unit)."""
    from netkit.lexicon.region_names import is_region

    return (is_region(country, last) and _named_sector(before) == "unknown"
            and not _UNIT.match(before))


@lru_cache(maxsize=1 << 17)
def _named_sector(part: str) -> str:
    """The sector the general name rules give one part of an address (cached: parts
    such as ``Department of Physics`` or a city repeat across many strings)."""
    return sector_from_name(part)[0]


@lru_cache(maxsize=1 << 17)
def parse_affiliation(text: str, *, org_first: bool = False) -> Affiliation:
    """Take an affiliation string apart.

    Parameters
    ----------
    text : str
        ``Dept, Org, City, Country`` (Scopus, OpenAlex) or, with ``org_first``,
        ``Org, Dept, City, Country`` (Web of Science ``C1`` without its
        ``[authors]`` prefix).
    org_first : bool, default False
        The organisation is the first part (Web of Science convention).

    Returns
    -------
    Affiliation

    Notes
    -----
    Without ``org_first`` the organisation is the last part before the address that
    names a university by the rules of :func:`~netkit.lexicon.sectors.sector_from_name`
    and does not start like a sub-unit (``Department of``, ``School of``, ``Institute of``
    …): such strings go from the smallest unit to the largest, so a hospital, institute
    or lab named before its university rolls up to the university (*Zhongshan
    Hospital, Fudan University*), as a registry records them; failing that, a sub-unit
    part that names its university (*School of Electronic Engineering Soongsil
    University*). Without a university it is the first part that names an organisation;
    failing that, the first part that does not start like a sub-unit; failing that, the
    last part before the city. A legal form written as a part of its own belongs to the
    part before it (*Littelfuse, Inc., Chicago* is *Littelfuse, Inc.*); author initials
    (*H.*, *C.D*), a street address (*8802 Higdon Dr*) and a numbered part that names
    no organisation (*369 Sangdo-ro*) are never the organisation — a string of nothing
    else has none. A trailing part without organisation words is the city when at
    least one other part remains; a first-level region of the country written after
    the city (``Changsha, Hunan``) is not the city.

    Examples
    --------
    >>> a = parse_affiliation("Department of Information Technology, University of Turku, Turku, Finland")
    >>> a.organization, a.units, a.city, a.country
    ('University of Turku', ('Department of Information Technology',), 'Turku', 'FI')
    >>> a = parse_affiliation("Huazhong Univ Sci & Technol, Sch Elect Informat & Commun, Wuhan 430074, Peoples R China", org_first=True)
    >>> a.organization, a.units, a.city, a.country
    ('Huazhong Univ Sci & Technol', ('Sch Elect Informat & Commun',), 'Wuhan', 'CN')
    >>> parse_affiliation("Institute of Computer Technology, TU Wien, Vienna, Austria").organization
    'TU Wien'
    >>> a = parse_affiliation("Dept of Cardiology, Xiangya Hospital, Central South University, Changsha, Hunan, China")
    >>> a.organization, a.city, a.country
    ('Central South University', 'Changsha', 'CN')
    >>> a = parse_affiliation("Department of Biology, University of Toledo 1 , Toledo, OH, USA")
    >>> a.organization, a.city, a.country
    ('University of Toledo', 'Toledo', 'US')
    """
    raw = text
    text = without_footnote_labels(text).strip().rstrip(".").strip()
    parts = _merge_legal_forms([p.strip() for p in text.split(",") if p.strip()])
    if not parts:
        return Affiliation(raw, None)
    country = country_from_address(text) if len(parts) > 1 else None
    if country and len(parts) > 1:
        last = parts[-1]
        if country_code(last) or country_code(_clean_city(last) or "") or country == "US":
            parts = parts[:-1]
        if len(parts) > 1 and _STATE_PART.match(parts[-1]):
            parts = parts[:-1]
        if len(parts) > 2 and _region_after_city(country, parts[-1], parts[-2]):
            parts = parts[:-1]  # "Changsha, Hunan, China": the city is Changsha
    city = None
    if len(parts) > 1:
        cand = parts[-1]
        if _named_sector(cand) == "unknown" and not _UNIT.match(cand):
            city = _clean_city(cand)
            parts = parts[:-1]
    org: str | None
    if org_first:
        org = parts[0]
    else:
        plain = [p for p in parts if not _UNIT.match(p) and not _STREET.search(p)
                 and not _never_organization(p)]
        named = [p for p in plain if _named_sector(p) != "unknown"]
        universities = [p for p in named if _named_sector(p) == "university"]
        held = [p for p in parts if _UNIT.match(p) and _HOLDS_UNIVERSITY.search(p)]
        org = (universities[-1] if universities else held[-1] if held else named[0] if named
               else plain[0] if plain else parts[-1])
        if _never_organization(org):
            org = None
    units = tuple(p for p in parts if p is not org)
    return Affiliation(raw, org, units, city, country)


def name_key(name: str) -> str:
    """A normalised form of an organisation name for ids: accents removed, lower
    case, punctuation collapsed (``&`` kept).

    Examples
    --------
    >>> name_key("  Université  Paris-Saclay ")
    'universite paris saclay'
    """
    return _plain(name)


def org_key(name: str, country: str | None) -> str:
    """The stable key ``<normalised name>|<country>`` of a name-only organisation.

    Examples
    --------
    >>> org_key("UNIV CAMBRIDGE", "GB")
    'univ cambridge|GB'
    >>> org_key("Acme Inc.", None)
    'acme inc|'
    """
    return f"{name_key(name)}|{country or ''}"
