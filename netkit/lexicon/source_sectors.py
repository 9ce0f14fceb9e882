"""Organisation types of patent and contract sources mapped onto netkit sectors.

One table per source (DESIGN §2): CORDIS ``activityType`` (+ ``SME``), the USPTO
assignee type code (the ``<role>`` of grant XML and PatentsView's ``assignee_type``),
the Norwegian R&D sector code (``FoU sektorkode``). Sources without types (NSERC,
NSF, SBIR research institutions) use the name rules of :mod:`netkit.lexicon.sectors`.
Every decision is recorded as ``sector_source`` (``"cordis:activityType=PRC+SME"``,
``"uspto:role=02+name:university"`` …) so that it can be traced and overridden.

A firm becomes a *startup* when its source flags it as an SME / small business, or by
:func:`netkit.lexicon.startup.startup_rule` when its founding year is known.
"""

from __future__ import annotations

from netkit.lexicon.sectors import sector_from_name
from netkit.lexicon.startup import startup_rule

__all__ = [
    "ASSIGNEE_TYPES",
    "CORDIS_ACTIVITY_TYPES",
    "NORWAY_SECTOR_CODES",
    "assignee_sector",
    "cordis_sector",
    "flag_startup",
    "name_sector",
    "norway_sector",
]

CORDIS_ACTIVITY_TYPES: dict[str, str] = {
    "HES": "university",  # higher or secondary education establishment
    "REC": "research",  # research organisation
    "PRC": "firm",  # private for-profit entity (SME flag makes it a startup)
    "PUB": "government",  # public body (excluding research and education)
    "OTH": "other",  # other
}
"""CORDIS ``activityType`` → sector."""

ASSIGNEE_TYPES: dict[str, tuple[str, str]] = {
    "1": ("unassigned", "unknown"),
    "2": ("org", "firm"),  # US company or corporation
    "3": ("org", "firm"),  # foreign company or corporation
    "4": ("person", "unknown"),  # US individual
    "5": ("person", "unknown"),  # foreign individual
    "6": ("org", "government"),  # US federal government
    "7": ("org", "government"),  # foreign government
    "8": ("org", "government"),  # US county government
    "9": ("org", "government"),  # US state government
}
"""USPTO assignee type code (grant XML ``<role>``, PatentsView ``assignee_type``) →
(what the assignee is, sector). Two-digit codes ``1x`` mean "part interest" of type x."""

NORWAY_SECTOR_CODES: dict[str, str] = {
    "UoH": "university",  # universitets- og høgskolesektoren
    "INS": "research",  # instituttsektoren
    "NÆR": "firm",  # næringslivet
    "HEL": "health",  # helseforetak
    "NFR": "government",  # Norges forskningsråd
    "DIV": "other",  # øvrige
}
"""Research Council of Norway R&D sector code (``FoU sektorkode``) → sector."""

# Sectors that a name rule may assert over a source's generic "company"/"government"/"other" code:
# universities and hospitals are coded as companies in patent data.
_NAME_OVERRIDES = frozenset({"university", "research", "health"})


def name_sector(name: str | None, source: str | None = None) -> tuple[str, str]:
    """Sector from the name rules, with the source's prefix in ``sector_source``.

    Examples
    --------
    >>> name_sector("University of Toronto", "nserc")
    ('university', 'nserc:name:university')
    >>> name_sector("Zorblax")
    ('unknown', 'name:none')
    """
    sector, rule = sector_from_name(name)
    return sector, f"{source}:{rule}" if source else rule


def flag_startup(sector: str, sector_source: str, *, small: bool = False, flag: str = "SME",
                 founded_year: int | None = None, event_year: int | None = None
                 ) -> tuple[str, str]:
    """Make a firm a startup if its source flags it small, or if it is young.

    Examples
    --------
    >>> flag_startup("firm", "cordis:activityType=PRC", small=True)
    ('startup', 'cordis:activityType=PRC+SME')
    >>> flag_startup("firm", "name:legal_form", founded_year=2018, event_year=2020)
    ('startup', 'name:legal_form+young:founded 2018, event 2020, age<=10')
    >>> flag_startup("university", "x", small=True)
    ('university', 'x')
    """
    if sector not in ("firm", "unknown") or not (small or founded_year is not None):
        return sector, sector_source
    if small:
        return "startup", f"{sector_source}+{flag}"
    new, rule = startup_rule(sector, founded_year, event_year)
    if rule:
        return new, f"{sector_source}+{rule}"
    return sector, sector_source


def cordis_sector(activity_type: str | None, sme: bool = False, name: str | None = None
                  ) -> tuple[str, str]:
    """Sector of a CORDIS participant from ``activityType`` and the ``SME`` flag.

    An unknown or empty code falls back to the name rules (and says so).

    Examples
    --------
    >>> cordis_sector("HES")
    ('university', 'cordis:activityType=HES')
    >>> cordis_sector("PRC", sme=True)
    ('startup', 'cordis:activityType=PRC+SME')
    >>> cordis_sector("XYZ", name="Acme GmbH")
    ('firm', 'cordis:activityType=XYZ unknown+name:legal_form')
    """
    code = (activity_type or "").strip().upper()
    if code in CORDIS_ACTIVITY_TYPES:
        sector, src = CORDIS_ACTIVITY_TYPES[code], f"cordis:activityType={code}"
    else:
        sector, rule = sector_from_name(name)
        src = f"cordis:activityType={code or 'none'} unknown+{rule}"
    return flag_startup(sector, src, small=sme and sector in ("firm", "unknown"))


def assignee_sector(code: str | None, name: str | None, source: str = "uspto",
                    field: str = "role") -> tuple[str, str, str]:
    """What a patent assignee is and its sector, from the USPTO type code and the name.

    Returns ``(what, sector, sector_source)`` where ``what`` is ``"org"`` or
    ``"person"`` (individual assignees, codes 4 and 5, become people). Companies and
    governments whose name says university, research institute or hospital take that
    sector (universities are coded as companies). An unknown code falls back to the
    name rules and says so.

    Examples
    --------
    >>> assignee_sector("02", "Hon Hai Precision Ind. Co., Ltd.")
    ('org', 'firm', 'uspto:role=02')
    >>> assignee_sector("02", "The Regents of the University of California")
    ('org', 'university', 'uspto:role=02+name:university')
    >>> assignee_sector("4", None, "patentsview", "assignee_type")[0]
    'person'
    >>> assignee_sector("99", "Acme Widgets Inc")
    ('org', 'firm', 'uspto:role=99 unknown+name:legal_form')
    """
    raw = (code or "").strip()
    key = raw.lstrip("0")
    if key.endswith(".0"):
        key = key[:-2]
    if len(key) == 2 and key.startswith("1"):
        key = key[1]  # 1x: part interest of type x
    src = f"{source}:{field}={raw or 'none'}"
    if key in ASSIGNEE_TYPES:
        what, sector = ASSIGNEE_TYPES[key]
        if what == "unassigned":
            what = "org"
        if what == "person":
            return "person", "unknown", src
        by_name, rule = sector_from_name(name)
        if (sector == "unknown" or by_name in _NAME_OVERRIDES) and by_name != "unknown":
            return what, by_name, f"{src}+{rule}"
        return what, sector, src
    by_name, rule = sector_from_name(name)
    return "org", by_name, f"{src} unknown+{rule}"


def norway_sector(code: str | None, name: str | None = None, sme: bool = False
                  ) -> tuple[str, str]:
    """Sector of a Norwegian participant from its R&D sector code (``FoU sektorkode``).

    ``DIV`` (other) and unknown codes consult the name rules; a firm (``NÆR``) in an
    SME-instrument action is a startup.

    Examples
    --------
    >>> norway_sector("UoH")
    ('university', 'norway:FoU=UoH')
    >>> norway_sector("NÆR", sme=True)
    ('startup', 'norway:FoU=NÆR+SME-instrument')
    >>> norway_sector("DIV", "Oslo kommune")
    ('government', 'norway:FoU=DIV+name:government')
    >>> norway_sector("ZZZ", "Foo")
    ('unknown', 'norway:FoU=ZZZ unknown+name:none')
    """
    raw = (code or "").strip()
    src = f"norway:FoU={raw or 'none'}"
    if raw in NORWAY_SECTOR_CODES:
        sector = NORWAY_SECTOR_CODES[raw]
        if sector == "other":
            by_name, rule = sector_from_name(name)
            if by_name != "unknown":
                sector, src = by_name, f"{src}+{rule}"
    else:
        sector, rule = sector_from_name(name)
        src = f"{src} unknown+{rule}"
    return flag_startup(sector, src, small=sme and sector == "firm", flag="SME-instrument")
