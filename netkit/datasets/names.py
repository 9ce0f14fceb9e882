"""Names for the synthetic ecosystem, and how each source spells them.

Real sources spell one organisation in many ways: Web of Science abbreviates and
upper-cases (``UNIV NORDHAVN``), patent offices upper-case and expand legal forms
(``HALVORSEN PHARMA AKTIEBOLAG``), Scopus drops accents, CORDIS writes capitals.
:func:`spell` reproduces these habits so that resolution can be tested against a
known truth.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

__all__ = ["REGIONS", "SOURCES", "make_org_name", "make_person_name", "spell", "strip_accents"]

SOURCES = ("openalex", "wos", "scopus", "uspto", "patentsview", "cordis", "sbir")

# name, code, lat, lon, share of organisations, cities
REGIONS: tuple[tuple[str, str, float, float, float, tuple[str, ...]], ...] = (
    ("Hovedstad", "XV01", 59.9, 10.7, 0.30, ("Nordhavn", "Kastelby", "Vesterå")),
    ("Østmark", "XV02", 60.4, 13.9, 0.17, ("Brønnvik", "Ølstad")),
    ("Sørland", "XV03", 58.2, 8.0, 0.13, ("Sévigny", "Lindås")),
    ("Vestkyst", "XV04", 60.6, 5.3, 0.11, ("Fjellhavn", "Måløya")),
    ("Midtdal", "XV05", 63.4, 10.4, 0.10, ("Trøndal", "Røros-Nord")),
    ("Nordvidde", "XV06", 67.3, 14.4, 0.08, ("Bodvik", "Narheim")),
    ("Innlandet", "XV07", 61.1, 10.5, 0.06, ("Hamarsund", "Lillemo")),
    ("Polarkyst", "XV08", 69.6, 19.0, 0.05, ("Tromsvik", "Altaøy")),
)

FOREIGN = (("DE", "Berlin"), ("FR", "Paris"), ("GB", "Cambridge"), ("US", "Boston"),
           ("NL", "Delft"), ("SE", "Göteborg"))

_FIELDS = ("Energy", "Marine Science", "Materials", "Health Technology", "Digitalisation",
           "Aquaculture", "Climate", "Biotechnology", "Transport", "Food Science")
_INDUSTRY = ("Pharma", "Energy", "Robotics", "Materials", "Maritime", "Software", "Diagnostics",
             "Foods", "Semiconductors", "Analytics", "Engineering", "Instruments")
_SURNAMES = ("Halvorsen", "Åberg", "Lindqvist", "Brekke", "Sørensen", "Mæland", "Ødegård",
             "Dahl", "Nygård", "Holm", "Strand", "Berg", "Lund", "Moen", "Haugen", "Bakke",
             "Solberg", "Eide", "Vik", "Aas", "Kristiansen", "Jøssang", "Rønning", "Tveit",
             "Fjeld", "Løvås", "Hagen", "Sandvik", "Nilsen", "Eriksen")
_GIVEN = ("Ingrid", "Lars", "Sofie", "Erik", "Mari", "Anders", "Kari", "Jonas", "Nora", "Ole",
          "Hanne", "Per", "Silje", "Tor", "Emma", "Jakob", "Ida", "Henrik", "Linnea", "Magnus",
          "Åse", "Bjørn", "Elin", "Øystein", "Camille", "Lukas", "Amélie", "Noah", "Zoë", "Ravi")
_SYLLABLES = ("ve", "xo", "ra", "qu", "an", "ti", "lo", "mi", "zen", "ko", "ly", "nu", "tra",
              "vi", "sol", "gen", "ox", "ia", "ber", "ka")
_STARTUP_TAIL = ("Labs", "Robotics", "Analytics", "Therapeutics", "Bio", "Energy", "AI",
                 "Systems", "Sensing", "Materials")
_LEGAL = ("AB", "AS", "Ltd", "GmbH", "Oy", "Inc", "ASA")
_LEGAL_LONG = {"AB": "AKTIEBOLAG", "AS": "AKSJESELSKAP", "ASA": "ALLMENNAKSJESELSKAP",
               "Ltd": "LIMITED", "GmbH": "GESELLSCHAFT MIT BESCHRÄNKTER HAFTUNG",
               "Oy": "OSAKEYHTIÖ", "Inc": "INCORPORATED"}

# Web of Science abbreviations (a subset of the Clarivate list)
_WOS_ABBREV = (
    ("University", "UNIV"), ("Institute", "INST"), ("Technology", "TECHNOL"),
    ("National", "NATL"), ("Laboratory", "LAB"), ("Research", "RES"), ("Hospital", "HOSP"),
    ("Centre", "CTR"), ("Center", "CTR"), ("Science", "SCI"), ("Sciences", "SCI"),
    ("Ministry", "MINIST"), ("Foundation", "FDN"), ("Development", "DEV"),
    ("Regional", "REG"), ("Agency", "AGCY"), ("Engineering", "ENGN"), ("Marine", "MAR"),
    ("Materials", "MAT"), ("Health", "HLTH"), ("Energy", "ENERGY"),
)


def strip_accents(text: str) -> str:
    """Remove diacritics and map Nordic letters to their ASCII spellings.

    >>> strip_accents("Ødegård Sévigny Åberg")
    'Odegard Sevigny Aberg'
    """
    text = text.replace("Ø", "O").replace("ø", "o").replace("Æ", "AE").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def make_person_name(rng: np.random.Generator) -> str:
    """A person's name, ``"Given Surname"``."""
    return f"{_GIVEN[rng.integers(len(_GIVEN))]} {_SURNAMES[rng.integers(len(_SURNAMES))]}"


def make_org_name(sector: str, city: str, region: str, rng: np.random.Generator) -> str:
    """A plausible organisation name for a sector and a place (may repeat; callers dedupe)."""
    field = _FIELDS[rng.integers(len(_FIELDS))]
    surname = _SURNAMES[rng.integers(len(_SURNAMES))]
    legal = _LEGAL[rng.integers(len(_LEGAL))]
    if sector == "university":
        pattern = rng.integers(3)
        return (f"University of {city}", f"{city} University of Technology",
                f"{region} University")[pattern]
    if sector == "research":
        return (f"{region} Research Institute for {field}", f"National Laboratory for {field}",
                f"{surname} Institute of {field}")[rng.integers(3)]
    if sector == "firm":
        return f"{surname} {_INDUSTRY[rng.integers(len(_INDUSTRY))]} {legal}"
    if sector == "startup":
        n = 2 + rng.integers(2)
        coined = "".join(_SYLLABLES[i] for i in rng.integers(len(_SYLLABLES), size=n)).capitalize()
        return f"{coined} {_STARTUP_TAIL[rng.integers(len(_STARTUP_TAIL))]} {legal}"
    if sector == "government":
        return (f"Ministry of {field}", f"{region} Regional Development Agency",
                f"National Agency for {field}")[rng.integers(3)]
    if sector == "health":
        return (f"{city} University Hospital", f"{city} Hospital",
                f"{region} Health Trust")[rng.integers(3)]
    return (f"{surname} Foundation", f"{field} Society of {region}")[rng.integers(2)]


_WOS_WORDS = dict(_WOS_ABBREV)
_WOS_RX = re.compile(r"\b(" + "|".join(_WOS_WORDS) + r")\b")
_STOP_RX = re.compile(r"\b(of|for|the|and)\b\s*")


def _wos(name: str) -> str:
    out = _STOP_RX.sub("", _WOS_RX.sub(lambda m: _WOS_WORDS[m.group(1)], name))
    return re.sub(r"\s+", " ", strip_accents(out)).strip().upper()


def _legal_long(name: str) -> str:
    parts = name.rsplit(" ", 1)
    if len(parts) == 2 and parts[1] in _LEGAL_LONG:
        return f"{parts[0]} {_LEGAL_LONG[parts[1]]}"
    return name


def spell(name: str, source: str, variant: int = 0) -> str:
    """How ``source`` spells an organisation called ``name``.

    ``variant`` (0–3) picks among the habits of the source, so that one source
    does not always spell every name the same way.

    Examples
    --------
    >>> spell("University of Nordhavn", "wos")
    'UNIV NORDHAVN'
    >>> spell("Halvorsen Pharma AB", "uspto", variant=1)
    'HALVORSEN PHARMA AKTIEBOLAG'
    >>> spell("Ødegård Foundation", "scopus", variant=1)
    'Odegard Foundation'
    """
    if source in ("openalex", "sbir"):
        return name
    if source == "wos":
        return _wos(name)
    if source == "scopus":
        return strip_accents(name) if variant % 2 else name
    if source == "uspto":
        base = _legal_long(name) if variant % 2 else name
        return strip_accents(base).upper() if variant < 2 else base.upper()
    if source == "patentsview":
        words = name.split(" ")
        if words[-1] in _LEGAL_LONG:
            words[-1] = words[-1].capitalize() + ("." if variant % 2 else "")
        return " ".join(words)
    if source == "cordis":
        return strip_accents(name).upper() if variant % 2 else name.upper()
    raise ValueError(f"unknown source {source!r}")
