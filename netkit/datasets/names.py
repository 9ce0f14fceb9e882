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

__all__ = ["REGIONS", "SOURCES", "make_org_name", "make_person_name", "native_order", "spell",
           "strip_accents"]

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
# the wider world of names: particles, compound surnames, name order, other scripts' romanisation
_MORE_SURNAMES = (
    "Johansen", "Larsen", "Andersen", "Pedersen", "Jacobsen", "Olsen", "Hansen", "Karlsen",
    "Johannessen", "Mathisen", "Amundsen", "Bjørnstad", "Sæther", "Grønlund", "Kvåle",
    "Myklebust", "Lie", "Aasen", "Fossum", "Helland", "Ruud", "Stene", "Tangen", "Ulriksen",
    "Wold", "Årdal", "Bøe", "Engebretsen", "Gundersen", "Hovland", "Isaksen", "Jensen",
    "Knutsen", "Lunde", "Nordby", "Opsahl", "Rasmussen", "Skjelbred", "Thorsen", "Vestby",
    "Lindgren", "Sjöberg", "Åström", "Nyström", "Bergström", "Virtanen", "Mäkinen", "Korhonen",
    "Müller", "Schröder", "Groß", "Becker", "Hoffmann", "Schäfer", "Weiß", "Köhler",
    "van der Berg", "de Vries", "van Dijk", "de Jong", "van den Broek", "ter Horst",
    "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Fontaine", "Chevalier",
    "García-Márquez", "Fernández", "Rodríguez", "López-Ortega", "Martínez", "Sánchez",
    "Rossi", "Bianchi", "Esposito", "Ricci", "Nagy", "Kovács", "Tóth", "Szabó", "Horváth",
    "Wang", "Zhang", "Chen", "Zhao", "Huang", "Zhou", "Xu", "Sun", "Kim", "Park", "Tanaka",
    "Suzuki", "Sharma", "Patel", "Gupta", "Iyer", "Nowak", "Wiśniewski", "Łukasiewicz",
    "Kowalczyk", "Novák", "Dvořák", "Ivanova", "Petrov", "Smith", "Brown", "Taylor", "Wilson",
    "O'Brien", "MacLeod", "Murphy", "Kelly", "Walsh", "Costa", "Silva", "Pereira", "Santos",
)
_MORE_GIVEN = (
    "Astrid", "Eirik", "Frida", "Gunnar", "Hilde", "Ivar", "Johanne", "Knut", "Liv", "Martin",
    "Nils", "Oda", "Pål", "Ragnhild", "Sigurd", "Thea", "Ulrik", "Vilde", "Aksel", "Birgit",
    "Dag", "Eva", "Finn", "Guro", "Halvard", "Inger", "Jørgen", "Kristin", "Leif", "Marte",
    "Anna", "Johan", "Maria", "Peter", "Sara", "Thomas", "Julia", "Daniel", "Laura", "David",
    "Sophie", "Michael", "Clara", "Stefan", "Elena", "Marco", "Lucía", "Carlos", "Isabel",
    "Jean-Pierre", "Marie-Claire", "François", "Hélène", "Jürgen", "Jörg", "Katarzyna",
    "Tomasz", "Jiří", "Olga", "Sergei", "Priya", "Arjun", "Aisha", "Omar", "Yuki", "Hiroshi",
    "Min-jun", "Seo-yeon", "Liam", "Grace", "Patrick", "Siobhan", "Beatriz", "João",
)
_HUNGARIAN = {"Nagy", "Kovács", "Tóth", "Szabó", "Horváth"}
_HU_GIVEN = ("János", "Zsófia", "Gábor", "Katalin", "László", "Eszter", "Zoltán", "Réka")
_CHINESE = {"Wang", "Zhang", "Chen", "Zhao", "Huang", "Zhou", "Xu", "Sun"}
_CN_GIVEN = ("Wei", "Jing", "Lei", "Yan", "Tao", "Xiaoming", "Li", "Hui", "Jun", "Ying")
_ALL_SURNAMES = _SURNAMES + _MORE_SURNAMES
_ALL_GIVEN = _GIVEN + _MORE_GIVEN
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
    """A person's name, ``"Given [Middle] Surname"`` (given names first, particles such as
    ``van der`` belong to the surname).

    Names come from a pool of about 170 surnames and 110 given names of many origins
    (Nordic, German, Dutch with particles, Spanish compound surnames, Hungarian, Chinese,
    Polish, Irish …); a third of the people have a middle name. Hungarian and Chinese
    surnames get given names of their own (sources may write them surname first).

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> [make_person_name(rng) for _ in range(3)]
    ['Jörg Lars Lund', 'Linnea Olsen', 'Jun Xu']
    """
    g = int(rng.integers(len(_ALL_GIVEN)))
    k = int(rng.integers(len(_ALL_SURNAMES)))
    surname = _ALL_SURNAMES[k]
    if surname in _HUNGARIAN:
        return f"{_HU_GIVEN[g % len(_HU_GIVEN)]} {surname}"
    if surname in _CHINESE:
        return f"{_CN_GIVEN[g % len(_CN_GIVEN)]} {surname}"
    given = _ALL_GIVEN[g]
    if (g + k) % 3 == 0:  # a middle name, derived (no extra random draw)
        given = f"{given} {_ALL_GIVEN[(g * 7 + k * 3 + 1) % len(_ALL_GIVEN)]}"
    return f"{given} {surname}"


def native_order(name: str) -> str | None:
    """The surname-first spelling of a Hungarian or Chinese name, else ``None``.

    >>> native_order("János Nagy"), native_order("Kari Berg")
    ('Nagy János', None)
    """
    given, _, surname = name.rpartition(" ")
    if surname in _HUNGARIAN or surname in _CHINESE:
        return f"{surname} {given}"
    return None


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
