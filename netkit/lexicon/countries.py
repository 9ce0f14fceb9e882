"""Countries: one table of ISO 3166-1 names, codes and the spellings addresses use.

The table (:func:`country_table`) joins, in this order (a later source wins):

1. the ISO 3166-1 names of ``pycountry`` — short, official and common names (*Korea,
   Republic of*, *Republic of Korea*) — and the part of a short name before its comma
   (*Korea*, *Bolivia*), unless an ISO name already means another country (*Congo* is
   the Republic of the Congo, ``CG``);
2. :data:`SPELLINGS`: how Web of Science, Scopus and other sources write countries
   (*USA*, *Peoples R China*, *England*, *Fed Rep Ger*, *Trinid & Tobago*) and the names
   authors write in their own language (*Deutschland*, *España*, *Türkiye* …).

Keys are folded by :func:`netkit.lexicon.text.fold_key` (accents, case, punctuation;
``&`` spelt ``and``). :func:`country_code` looks a name (or, when asked, an ISO alpha-2/3
code) up; :func:`country_from_address` reads the country of an address.
"""

from __future__ import annotations

import re
from functools import lru_cache

from netkit.lexicon.places import US_STATE_CODES
from netkit.lexicon.text import fold_key

__all__ = ["CODE_FIXES", "SAME_COUNTRY", "SPELLINGS", "country_code", "country_from_address",
           "country_of_region_named_like_another", "country_table"]

CODE_FIXES: dict[str, str] = {"EL": "GR", "UK": "GB"}
"""Codes that European sources (Eurostat, NUTS, CORDIS) use instead of ISO 3166-1."""

SAME_COUNTRY: dict[str, str] = {**CODE_FIXES, "HK": "CN", "MO": "CN"}
"""Country codes compared as one when matching organisations (addresses put Hong Kong and
Macao in "Peoples R China"; European sources write EL and UK)."""

SPELLINGS: dict[str, tuple[str, ...]] = {
    "AE": ("u arab emirates", "uae"),
    "AG": ("antigua & barbu",),
    "AT": ("osterreich",),
    "BA": ("bosnia & herceg", "bosnia & herzegovina"),
    "BE": ("belgie", "belgique"),
    "BH": ("kingdom of bahrain",),
    "BN": ("brunei",),
    "BO": ("bolivia",),
    "BR": ("brasil",),
    "BY": ("byelarus",),
    "CD": ("dem rep congo", "democratic republic of the congo"),
    "CF": ("cent afr republ", "central african republic"),
    "CG": ("rep congo",),
    "CH": ("schweiz", "suisse", "svizzera", "switzerland"),
    "CI": ("cote ivoire", "ivory coast"),
    "CN": ("peoples r china", "people s republic of china", "peoples republic of china",
        "pr china", "p r china", "china", "mainland china", "prc", "zhongguo", "p r of china"),
    "CV": ("cape verde",),
    "CW": ("curacao",),
    "CZ": ("czech republic", "czechia", "cesko", "ceska republika"),
    "DE": ("fed rep ger", "w germany", "ger dem rep", "west germany", "east germany",
        "deutschland", "bundesrepublik deutschland"),
    "DK": ("danmark",),
    "ES": ("espana",),
    "FI": ("suomi",),
    "FK": ("falkland island",),
    "FM": ("micronesia",),
    "FR": ("frankreich",),
    "GB": ("england", "scotland", "wales", "north ireland", "northern ireland", "uk", "u k",
        "great britain", "britain", "the united kingdom", "united kingdom"),
    "GQ": ("equat guinea",),
    "GR": ("ellada",),
    "GW": ("guinea bissau",),
    "HK": ("hong kong",),
    "HR": ("hrvatska",),
    "HU": ("magyarorszag",),
    "IR": ("iran", "islamic republic of iran"),
    "IT": ("italia",),
    "JP": ("nippon",),
    "KN": ("st kitts & nevi",),
    "KP": ("north korea",),
    "KR": ("south korea", "korea", "republic of korea", "korea republic of", "republic korea",
        "rep of korea", "korea south", "s korea"),
    "KW": ("state of kuwait",),
    "LA": ("laos",),
    "LC": ("st lucia",),
    "LY": ("libya",),
    "MD": ("moldova",),
    "MH": ("marshall island",),
    "MK": ("macedonia", "north macedonia"),
    "MM": ("burma", "myanmar"),
    "MO": ("macau", "macao"),
    "MX": ("mexico",),
    "NC": ("new caledonia",),
    "NL": ("the netherlands", "netherlands", "holland", "nederland"),
    "NO": ("norge",),
    "NZ": ("new zealand aotearoa", "aotearoa new zealand"),
    "OM": ("sultanate of oman",),
    "PE": ("peru",),
    "PF": ("fr polynesia",),
    "PG": ("papua n guinea",),
    "PL": ("polska",),
    "PS": ("palestine",),
    "QA": ("state of qatar",),
    "RE": ("reunion",),
    "RO": ("romania",),
    "RS": ("srbija",),
    "RU": ("russia", "russian federation", "rossiya"),
    "SA": ("kingdom of saudi arabia", "ksa"),
    "SB": ("solomon islands",),
    "SE": ("sverige",),
    "SG": ("republic of singapore",),
    "SI": ("slovenija",),
    "SK": ("slovak republic", "slovensko"),
    "SR": ("surinam",),
    "ST": ("sao tome & prin",),
    "SU": ("ussr",),
    "SY": ("syria",),
    "SZ": ("swaziland",),
    "TC": ("turks & caicos",),
    "TL": ("timor leste", "east timor"),
    "TR": ("turkey", "turkiye"),
    "TT": ("trinid & tobago", "trinidad & tobago"),
    "TW": ("taiwan", "republic of china taiwan", "republic of china", "taiwan roc",
        "taiwan r o c"),
    "TZ": ("tanzania",),
    "US": ("usa", "us", "u s a", "u s", "united states", "united states of america", "america",
        "the united states", "the usa"),
    "VA": ("vatican",),
    "VC": ("st vincent",),
    "VE": ("venezuela",),
    "VG": ("british virgin isl",),
    "VN": ("vietnam", "viet nam"),
    "XK": ("kosovo",),
    "XV": ("nordvalia",),
    "YU": ("yugoslavia",),
}
"""ISO 3166-1 alpha-2 code → the spellings of that country that ISO lacks, folded: how Web
of Science, Scopus and other sources write it (*USA*, *Peoples R China*, *England*, *Fed
Rep Ger*, *Trinid & Tobago*), names in the country's own language (*Deutschland*,
*España*, *Türkiye*), countries that no longer exist (*USSR*, ISO 3166-3) and ``XV``,
the home country of netkit's synthetic ecosystem (*Nordvalia*, a user-assigned code)."""


@lru_cache(maxsize=1)
def country_table() -> dict[str, str]:
    """Folded country name or spelling → ISO 3166-1 alpha-2 code (see the module notes).

    Examples
    --------
    >>> table = country_table()
    >>> table["peoples r china"], table["korea republic of"], table["congo"], table["osterreich"]
    ('CN', 'KR', 'CG', 'AT')
    """
    import pycountry

    table: dict[str, str] = {}
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
    for c in countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                table.setdefault(fold_key(name), c.alpha_2)
    for c in countries:  # "Korea, Republic of" → "Korea"
        if "," in c.name:
            table.setdefault(fold_key(c.name.split(",", 1)[0]), c.alpha_2)
    for code, names in SPELLINGS.items():
        table.update({fold_key(name): code for name in names})
    return table


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    import pycountry

    out = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    out.update({c.alpha_2: c.alpha_2 for c in pycountry.countries})
    return out


def country_code(text: str | None, *, codes: bool = False) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country as sources write it, or ``None``.

    Parameters
    ----------
    text : str or None
        A country name in any of the spellings of :func:`country_table`.
    codes : bool, default False
        Also take codes: any two letters are an alpha-2 code (user-assigned codes
        such as ``XK`` included; ``EL`` and ``UK`` become ``GR`` and ``GB``), and
        ISO alpha-3 codes are translated. Off for free text, where ``CA`` or ``IN``
        are more often a state or a word than a country.

    Examples
    --------
    >>> country_code("Peoples R China"), country_code("England"), country_code("Deutschland")
    ('CN', 'GB', 'DE')
    >>> country_code("United States"), country_code("Korea, Republic of"), country_code("Atlantis")
    ('US', 'KR', None)
    >>> country_code("EL", codes=True), country_code("uk", codes=True), country_code("NOR", codes=True)
    ('GR', 'GB', 'NO')
    >>> country_code("CA"), country_code("CA", codes=True)
    (None, 'CA')
    """
    if not text:
        return None
    if codes:
        up = text.strip().upper()
        if len(up) == 2 and up.isalpha():
            return CODE_FIXES.get(up, up)
        if up in _codes():
            return _codes()[up]
    return country_table().get(fold_key(text))


_POSTAL = re.compile(r"\b(?:[A-Z]{1,3}-)?\d[\w-]*\b")


@lru_cache(maxsize=1 << 17)
def country_from_address(address: str | None) -> str | None:
    """The country (ISO-2) of an address: its last comma-separated part.

    Understands the US forms of Web of Science (``CA 94143 USA``, ``TN 37830``)
    and the country spellings of WoS and Scopus.

    Examples
    --------
    >>> country_from_address("Univ Calif San Francisco, Dept Radiat Oncol, San Francisco, CA 94143 USA.")
    'US'
    >>> country_from_address("OAK RIDGE NATL LAB,OAK RIDGE,TN 37830.")
    'US'
    >>> country_from_address("ST LOUIS UNIV,MED CTR,ST LOUIS,MO.")
    'US'
    >>> country_from_address("Department of Computer Science, University of Turku, Turku, Finland")
    'FI'
    >>> country_from_address("Somewhere without a country") is None
    True
    """
    if not address:
        return None
    last = address.rstrip(" .;").rsplit(",", 1)[-1].strip()
    return country_of_last_part(last, "," in address)


@lru_cache(maxsize=1)
def _regions_named_like_another_country() -> dict[str, str]:
    """First-level subdivisions whose name ends with another country's name (*New
    Mexico*, *New South Wales*, *New Jersey*, *Northern Ireland*) → their country."""
    import pycountry

    table = country_table()
    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        words = fold_key(re.sub(r"\s*\([^)]*\)", "", sub.name).split(",")[0]).split()
        for n in (3, 2, 1):
            code = table.get(" ".join(words[-n:])) if len(words) > n else None
            if code and code != sub.country_code:
                out[" ".join(words)] = sub.country_code
    return out


def country_of_region_named_like_another(text: str | None) -> str | None:
    """The country of a text that ends with a region named like another country.

    Examples
    --------
    >>> country_of_region_named_like_another("University of New Mexico")
    'US'
    >>> country_of_region_named_like_another("Sydney New South Wales")
    'AU'
    >>> country_of_region_named_like_another("Mexico City") is None
    True
    """
    key = fold_key(text) if text else ""
    return next((code for region, code in _regions_named_like_another_country().items()
                 if key == region or key.endswith(f" {region}")), None)


@lru_cache(maxsize=1 << 15)
def country_of_last_part(last: str, comma: bool) -> str | None:
    """:func:`country_from_address` of an address whose last part is ``last``
    (``comma``: the address has a comma).

    >>> country_of_last_part("Vienna Austria", True), country_of_last_part("TN 37830", False)
    ('AT', 'US')
    """
    code = country_code(last)
    if code:
        return code
    words = last.split()
    if words and words[-1].upper().rstrip(".") in ("USA", "U.S.A"):
        return "US"
    if words and words[0] in US_STATE_CODES and all(_POSTAL.fullmatch(w) for w in words[1:]) \
            and (len(words) > 1 or comma):
        return "US"
    named_like = country_of_region_named_like_another(last)
    if named_like:
        return named_like  # "University of New Mexico", "Sydney, New South Wales"
    stripped = " ".join(w for w in words if not any(ch.isdigit() for ch in w))
    if stripped != last:
        code = country_code(stripped)
        if code:
            return code
    for n in (3, 2, 1):  # "Vienna Austria", "Ohio 43210 USA"
        if len(words) > n:
            code = country_code(" ".join(words[-n:]))
            if code:
                return code
    return None
