"""An organisation's sector from its name, when the source gives no type.

The rules are ordered; the first that matches wins and its name is recorded in
``organizations.sector_source`` (``name:<rule>``), so every decision can be traced.
They cover the spellings of WoS/Scopus (``UNIV``, ``INST``, ``HOSP`` …), legal forms
(``INC``, ``GMBH``, ``AB`` …) and several European languages. Bibliographic sources
add :data:`ABBREVIATION_RULES` (:func:`sector_of_organization`), tried only when the
general rules find nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from netkit.lexicon.places import us_state_names

__all__ = ["ABBREVIATION_RULES", "NAME_RULES", "R_AND_D_COMPANIES", "compile_rules",
           "sector_from_name", "sector_of_organization"]

# Names of the US states, for "<State> Tech" universities (Virginia Tech, Texas Tech …).
_US_STATES = "|".join(sorted((name.lower() for name in us_state_names().values()),
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
# the first that matches wins. The order matters: a clinical-trial cooperative group
# ("SW Oncol Grp", "Children's Oncology Group") is a research network, not a practice;
# a hospital named after its university
# is a hospital; a university of technology is a university, not a firm; a company's
# research laboratory is a firm; an academy of sciences is a research body.
NAME_RULES: tuple[tuple[str, str, str], ...] = (
    ("trial_group", "research",
     r"(?:cooperative|cooperat|coop|clinical trials?|clin trials?|trials?|study|studies|"
     r"oncology|oncol|cancer|canc|leukemia|leukaemia) (?:\w+ ){0,2}(?:group|grp)"),
    ("hospital", "health",
     r"hospital\w*|hosp|\w*hospitalet|\w*klinik\w*|clinic\w*|clin|clinique|"
     r"\w*sykehus\w*|\w*sjukhus\w*|\w*sygehus\w*|hopital|hôpital|h[oô]tel[- ]dieu|ospedal\w*|"
     r"\w*spital\w*|\w*krankenhaus\w*|\w*ziekenhuis|\w*sairaala\w*|nemocnic\w*|hastane\w*|"
     r"infirmary|infirm|irccs|nhs|umcg?|ggz|vamc|va med ctr|va hosp\w*|veterans affairs|"
     r"medical cent(?:er|re)|med ctr|med\w* centrum|medizinisches zentrum|"
     r"(?:health|hlth) ?care|(?:health|hlth) (?:service|serv|trust|authority|syst\w*|board)|"
     r"mental (?:health|hlth)|cancer (?:cent(?:er|re)|hospital)|canc ctr|"
     r"heart (?:cent(?:er|re)|ctr|inst\w*)|herzzentrum|poison (?:cent(?:er|re)|control)|"
     r"(?:inst|institut\w*|istituto|instituto) (?:\w+ ){0,3}(?:cardiol\w*|coração|coracao)|"
     r"antipoison|"
     r"(?:urol\w*|cardiol\w*|oncol\w*|dermatol\w*|orthop\w*|pediat\w*|paediat\w*|radiol\w*|"
     r"ophthalmol\w*|neurol\w*|dental|cardiovasc\w*|gastroenterol\w*|nephrol\w*) "
     r"(?:associates|assoc|practice|pract|group|grp|med grp|specialists|partners|consultants|"
     r"serv|services|pc|pa)"),
    ("cancer_research", "research",
     r"(?:cancer|canc|oncol\w*) (?:\w+ )?(?:res|research) (?:ctr|cent(?:er|re)|inst\w*|lab\w*)"),
    ("academy_of_sciences", "research",
     r"academy of (?:\w+ ){0,3}sciences?|acad (?:\w+ ){0,3}sci|akademie der wissenschaften|"
     r"academia sinica|academie des sciences|académie des sciences"),
    ("university", "university",
     r"univ\w*|universit\w*|college|coll|hochschule|\w*hogeschool|polytechn\w*|polytech|"
     r"politecn\w*|politécnic\w*|politeknik|ecole|école|escuela|escola superior|"
     r"scuola superiore|facult\w*|school of|business school|medical school|law school|"
     r"graduate school|grande ecole|høgskole|hogskole|högskola|fachhochschule|fachhsch|fh|uni|iut|"
     r"üniversite\w*|politehn\w*|politekn\w*|fakult\w*|fak|suny|cuny|penn state|ens|a&m|"
     r"\w*krigsskole\w*|military academy|naval academy|"
     r"ku \w+|uc|institute of technology|inst technol|institute of science (?:and|&) technology|"
     r"inst sci & technol|technological education institute|technol educ inst|"
     r"technische universit\w*|technion|academy|akademie|"
     rf"(?:{_US_STATES}) tech"),
    ("public_research", "research",
     r"cnrs|inserm|inra|inrae|inria|fraunhofer|max planck|helmholtz|csic|cnr|cea|"
     r"sintef|tno|vtt|csiro|riken|centre national de la recherche|"
     r"ifremer|cirad|onera|brgm|ineris|irstea|ifsttar|infn|enea|inaf|ingv|ciemat|"
     r"dlr|dkfz|desy|aist|nict|jamstec|etri|kist|ansto|ornl|lanl|llnl|pnnl|nrel|"
     r"fermilab|jpl|consiglio nazionale delle ricerche"),
    ("legal_form", "firm",
     r"(?:inc|incorporated|corp|corporation|co ltd|ltd|limited|llc|llp|plc|gmbh|ag|sa|s\.a|"
     r"sas|sarl|spa|s\.p\.a|srl|s\.r\.l|bv|b\.v|nv|n\.v|ab|asa|as|oy|oyj|aps|kk|"
     r"kabushiki kaisha|kg|kgaa|gbr|ohg|ug|pty|pte|sp zoo|sp z o o|private limited|pvt ltd)\.?$"),
    ("company_research", "firm",
     rf"{R_AND_D_COMPANIES}|corporate research|corp res|r&d inst\w*"),
    ("research", "research",
     r"institute|institut\w*|inst|research|laborator\w*|lab|labs|observator\w*|"
     r"\w*forsch\w*|centre national|natl lab|national lab\w*|consortium|consorzio|"
     r"technolog\w* cent(?:er|re)|technology research cent(?:er|re)"),
    ("government", "government",
     r"ministry|ministere|ministère|ministerium|department of|dept of|agency|authority|"
     r"council|government|govt|federal|state of|municipality|kommune|county|city of|"
     r"administration|bureau|office of|commission|directorate|us army|us navy|"
     r"air force|navy|army|us dept|u\.s\. dept|dept def|patent off\w*|property off\w*|"
     r"nih|nci|nhlbi|niaid|nimh|nist|noaa|nasa|usda|usgs|cdc|fda|epa|darpa|nsf|cnes|jaxa|"
     r"isro|drdo"),
    ("nonprofit", "nonprofit",
     r"foundation|fondation|fondazione|fundación|fundacion|fundação|stiftung|"
     r"association|society|trust|charity|alliance"),
    ("firm_word", "firm",
     r"inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|plc|gmbh|ag|"
     r"sa|sas|sarl|spa|srl|bv|nv|ab|as|asa|oy|oyj|aps|kk|kg|se|pty|pte|sl|cjsc|ojsc|ooo|"
     r"technologies|technology|tech|systems|solutions|industries|pharmaceuticals|"
     r"pharma|therapeutics|biotech|holdings|group|enterprises|gesellschaft|instruments|"
     r"semiconductors?|semicond|electronics|microelectronics|technol"),
)

# Abbreviations and words of bibliographic affiliations that the general name rules
# (NAME_RULES) do not know: WoS ``CANC CTR``, ``SCH MED``, ``FDN``, Polish
# ``SP ZOO`` … Used only when the general rules find nothing.
ABBREVIATION_RULES: tuple[tuple[str, str, str], ...] = (
    ("health", "health",
     r"hlth|canc|clin|\w*klin|krankenhaus|spital|chu|hop|heart|herz|hlth care|rehabil|"
     r"kaiser permanente|va med|vet affairs|irccs"),
    ("university", "university",
     r"sch|tu|eth|kth|lmu|iit|epfl|ucl|mit|caltech|usp|unam|ntnu|dtu|tum|kaist|ucla"),
    ("government", "government",
     r"agcy|epa|nih|nasa|cdc|fda|natl inst|bundesanstalt|minist|govt|dept"),
    ("research", "research", r"res|ctr|imec|cea|inria|riken|csiro|fdn res"),
    ("nonprofit", "nonprofit", r"fdn|fdn\w*|assoc|soc"),
    ("specialty", "health",  # "Georgia Urol": a practice named by its specialty
     r"urol|oncol|cardiol|cardiovasc|dermatol|orthop|radiol|ophthalmol|gastroenterol|nephrol"),
    ("firm", "firm",
     r"sp zoo|sp z o o|semiconductors?|telecom\w*|microelectronics|associates|pharmaceut\w*|"
     r"\w*therapeut\w*|solut|life sci\w*|"
     r"electronics|software|networks|ericsson|nokia|siemens|ibm|intel|google|microsoft|"
     r"samsung|huawei|philips|bosch|sony|qualcomm|nxp|zte|stmicroelectronics"),
)


def compile_rules(rules: tuple[tuple[str, str, str], ...]
                  ) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """``(rule, sector, pattern)`` → ``(rule, sector, regex)``: case-insensitive, the
    pattern matched as whole words.

    >>> [(r, s, bool(rx.search("Acme Hosp"))) for r, s, rx in compile_rules((("h", "health", "hosp"),))]
    [('h', 'health', True)]
    """
    return tuple((rule, sector, re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.IGNORECASE))
                 for rule, sector, pattern in rules)


_COMPILED = compile_rules(NAME_RULES)
_ABBREV = compile_rules(ABBREVIATION_RULES)


@lru_cache(maxsize=1 << 17)
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


@lru_cache(maxsize=1 << 16)
def sector_of_organization(name: str | None) -> tuple[str, str]:
    """Sector and rule for an organisation named by a bibliographic source.

    The general name rules (:func:`sector_from_name`) first; when they
    find nothing, the abbreviation rules of :data:`ABBREVIATION_RULES`
    (``name:abbrev:<rule>``).

    Examples
    --------
    >>> sector_of_organization("Mayo Clin")
    ('health', 'name:hospital')
    >>> sector_of_organization("Allegheny Prostate Ctr")
    ('research', 'name:abbrev:research')
    >>> sector_of_organization("UNIV OSLO")
    ('university', 'name:university')
    >>> sector_of_organization("Infini Syst Sp Zoo")
    ('firm', 'name:legal_form')
    >>> sector_of_organization("Murata Softw Networks")
    ('firm', 'name:abbrev:firm')
    """
    sector, rule = sector_from_name(name)
    if sector != "unknown" or not name:
        return sector, rule
    for r, sec, rx in _ABBREV:
        if rx.search(name):
            return sec, f"name:abbrev:{r}"
    return sector, rule
