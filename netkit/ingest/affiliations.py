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
from netkit.ingest.sectors import sector_from_name

_sector_rule = lru_cache(maxsize=1 << 17)(sector_from_name)  # pure; shared by both users below

# Abbreviations and words of bibliographic affiliations that the general name rules
# (netkit.ingest.sectors) do not know: WoS ``CANC CTR``, ``SCH MED``, ``FDN``, Polish
# ``SP ZOO`` … Used only when the general rules find nothing.
ABBREVIATION_RULES: tuple[tuple[str, str, str], ...] = (
    ("health", "health",
     r"hlth|canc|clin|klin|krankenhaus|spital|chu|hop|heart|herz|hlth care|rehabil|"
     r"kaiser permanente|va med|vet affairs|irccs"),
    ("university", "university",
     r"sch|tu|eth|kth|lmu|iit|epfl|ucl|mit|caltech|usp|unam|ntnu|dtu|tum|kaist|ucla"),
    ("government", "government",
     r"agcy|epa|nih|nasa|cdc|fda|natl inst|bundesanstalt|minist|govt|dept"),
    ("research", "research", r"res|ctr|imec|cea|inria|riken|csiro|fdn res"),
    ("nonprofit", "nonprofit", r"fdn|fdn\w*|assoc|soc"),
    ("firm", "firm",
     r"sp zoo|sp z o o|semiconductors?|telecom\w*|microelectronics|associates|"
     r"electronics|software|networks|ericsson|nokia|siemens|ibm|intel|google|microsoft|"
     r"samsung|huawei|philips|bosch|sony|qualcomm|nxp|zte|stmicroelectronics"),
)
_ABBREV = tuple(
    (rule, sector, re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.IGNORECASE))
    for rule, sector, pattern in ABBREVIATION_RULES
)


@lru_cache(maxsize=1 << 16)
def sector_of_organization(name: str | None) -> tuple[str, str]:
    """Sector and rule for an organisation named by a bibliographic source.

    The general name rules (:func:`netkit.ingest.sector_from_name`) first; when they
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
    sector, rule = _sector_rule(name)
    if sector != "unknown" or not name:
        return sector, rule
    for r, sec, rx in _ABBREV:
        if rx.search(name):
            return sec, f"name:abbrev:{r}"
    return sector, rule

__all__ = [
    "Affiliation",
    "country_code",
    "country_from_address",
    "name_key",
    "org_key",
    "parse_affiliation",
    "sector_of_organization",
    "split_outside_brackets",
]

_ISO_NAMES = (
    "AF=afghanistan;AL=albania;DZ=algeria;AS=american samoa;AD=andorra;AO=angola;AI=anguilla;"
    "AQ=antarctica;AG=antigua and barbuda;EG=arab republic of egypt;AR=argentina;"
    "AR=argentine republic;AM=armenia;AW=aruba;AU=australia;AT=austria;AZ=azerbaijan;BS=bahamas;"
    "BH=bahrain;BD=bangladesh;BB=barbados;BY=belarus;BE=belgium;BZ=belize;BJ=benin;BM=bermuda;"
    "BT=bhutan;VE=bolivarian republic of venezuela;BO=bolivia;BO=bolivia, plurinational state of;"
    "BQ=bonaire;BQ=bonaire, sint eustatius and saba;BA=bosnia and herzegovina;BW=botswana;"
    "BV=bouvet island;BR=brazil;IO=british indian ocean territory;VG=british virgin islands;"
    "BN=brunei darussalam;BG=bulgaria;BF=burkina faso;BI=burundi;CV=cabo verde;KH=cambodia;"
    "CM=cameroon;CA=canada;KY=cayman islands;CF=central african republic;TD=chad;CL=chile;CN=china;"
    "CX=christmas island;CC=cocos (keeling) islands;CO=colombia;DM=commonwealth of dominica;"
    "BS=commonwealth of the bahamas;MP=commonwealth of the northern mariana islands;KM=comoros;"
    "CD=congo;CD=congo, the democratic republic of the;CK=cook islands;CR=costa rica;HR=croatia;"
    "CU=cuba;CW=curaçao;CY=cyprus;CZ=czech republic;CZ=czechia;CI=côte d'ivoire;"
    "KP=democratic people's republic of korea;ST=democratic republic of sao tome and principe;"
    "TL=democratic republic of timor-leste;LK=democratic socialist republic of sri lanka;"
    "DK=denmark;DJ=djibouti;DM=dominica;DO=dominican republic;UY=eastern republic of uruguay;"
    "EC=ecuador;EG=egypt;SV=el salvador;GQ=equatorial guinea;ER=eritrea;EE=estonia;SZ=eswatini;"
    "ET=ethiopia;FK=falkland islands (malvinas);FO=faroe islands;"
    "ET=federal democratic republic of ethiopia;NP=federal democratic republic of nepal;"
    "DE=federal republic of germany;NG=federal republic of nigeria;SO=federal republic of somalia;"
    "FM=federated states of micronesia;BR=federative republic of brazil;FJ=fiji;FI=finland;"
    "FR=france;GF=french guiana;PF=french polynesia;FR=french republic;"
    "TF=french southern territories;GA=gabon;GA=gabonese republic;GM=gambia;GE=georgia;DE=germany;"
    "GH=ghana;GI=gibraltar;LU=grand duchy of luxembourg;GR=greece;GL=greenland;GD=grenada;"
    "GP=guadeloupe;GU=guam;GT=guatemala;GG=guernsey;GN=guinea;GW=guinea-bissau;GY=guyana;HT=haiti;"
    "JO=hashemite kingdom of jordan;HM=heard island and mcdonald islands;GR=hellenic republic;"
    "VA=holy see (vatican city state);HN=honduras;HK=hong kong;"
    "HK=hong kong special administrative region of china;HU=hungary;IS=iceland;"
    "PG=independent state of papua new guinea;WS=independent state of samoa;IN=india;ID=indonesia;"
    "IR=iran;IR=iran, islamic republic of;IQ=iraq;IE=ireland;AF=islamic republic of afghanistan;"
    "IR=islamic republic of iran;MR=islamic republic of mauritania;PK=islamic republic of pakistan;"
    "IM=isle of man;IL=israel;IT=italian republic;IT=italy;JM=jamaica;JP=japan;JE=jersey;JO=jordan;"
    "KZ=kazakhstan;KE=kenya;BH=kingdom of bahrain;BE=kingdom of belgium;BT=kingdom of bhutan;"
    "KH=kingdom of cambodia;DK=kingdom of denmark;SZ=kingdom of eswatini;LS=kingdom of lesotho;"
    "MA=kingdom of morocco;NO=kingdom of norway;SA=kingdom of saudi arabia;ES=kingdom of spain;"
    "SE=kingdom of sweden;TH=kingdom of thailand;NL=kingdom of the netherlands;TO=kingdom of tonga;"
    "KI=kiribati;KR=korea;KP=korea, democratic people's republic of;KR=korea, republic of;"
    "KW=kuwait;KG=kyrgyz republic;KG=kyrgyzstan;LA=lao people's democratic republic;LA=laos;"
    "LV=latvia;LB=lebanese republic;LB=lebanon;LS=lesotho;LR=liberia;LY=libya;LI=liechtenstein;"
    "LT=lithuania;LU=luxembourg;MO=macao;MO=macao special administrative region of china;"
    "MG=madagascar;MW=malawi;MY=malaysia;MV=maldives;ML=mali;MT=malta;MH=marshall islands;"
    "MQ=martinique;MR=mauritania;MU=mauritius;YT=mayotte;MX=mexico;FM=micronesia;"
    "FM=micronesia, federated states of;MD=moldova;MD=moldova, republic of;MC=monaco;MN=mongolia;"
    "ME=montenegro;MS=montserrat;MA=morocco;MZ=mozambique;MM=myanmar;NA=namibia;NR=nauru;NP=nepal;"
    "NL=netherlands;NC=new caledonia;NZ=new zealand;NI=nicaragua;NE=niger;NG=nigeria;NU=niue;"
    "NF=norfolk island;KP=north korea;MK=north macedonia;MP=northern mariana islands;NO=norway;"
    "OM=oman;PK=pakistan;PW=palau;PS=palestine;PS=palestine, state of;PA=panama;"
    "PG=papua new guinea;PY=paraguay;DZ=people's democratic republic of algeria;"
    "BD=people's republic of bangladesh;CN=people's republic of china;PE=peru;PH=philippines;"
    "PN=pitcairn;BO=plurinational state of bolivia;PL=poland;PT=portugal;PT=portuguese republic;"
    "AD=principality of andorra;LI=principality of liechtenstein;MC=principality of monaco;"
    "PR=puerto rico;QA=qatar;AL=republic of albania;AO=republic of angola;AM=republic of armenia;"
    "AT=republic of austria;AZ=republic of azerbaijan;BY=republic of belarus;BJ=republic of benin;"
    "BA=republic of bosnia and herzegovina;BW=republic of botswana;BG=republic of bulgaria;"
    "BI=republic of burundi;CV=republic of cabo verde;CM=republic of cameroon;TD=republic of chad;"
    "CL=republic of chile;CO=republic of colombia;CR=republic of costa rica;HR=republic of croatia;"
    "CU=republic of cuba;CY=republic of cyprus;CI=republic of côte d'ivoire;"
    "DJ=republic of djibouti;EC=republic of ecuador;SV=republic of el salvador;"
    "GQ=republic of equatorial guinea;EE=republic of estonia;FJ=republic of fiji;"
    "FI=republic of finland;GH=republic of ghana;GT=republic of guatemala;GN=republic of guinea;"
    "GW=republic of guinea-bissau;GY=republic of guyana;HT=republic of haiti;"
    "HN=republic of honduras;IS=republic of iceland;IN=republic of india;ID=republic of indonesia;"
    "IQ=republic of iraq;KZ=republic of kazakhstan;KE=republic of kenya;KI=republic of kiribati;"
    "LV=republic of latvia;LR=republic of liberia;LT=republic of lithuania;"
    "MG=republic of madagascar;MW=republic of malawi;MV=republic of maldives;ML=republic of mali;"
    "MT=republic of malta;MU=republic of mauritius;MD=republic of moldova;"
    "MZ=republic of mozambique;MM=republic of myanmar;NA=republic of namibia;NR=republic of nauru;"
    "NI=republic of nicaragua;MK=republic of north macedonia;PW=republic of palau;"
    "PA=republic of panama;PY=republic of paraguay;PE=republic of peru;PL=republic of poland;"
    "SM=republic of san marino;SN=republic of senegal;RS=republic of serbia;"
    "SC=republic of seychelles;SL=republic of sierra leone;SG=republic of singapore;"
    "SI=republic of slovenia;ZA=republic of south africa;SS=republic of south sudan;"
    "SR=republic of suriname;TJ=republic of tajikistan;CG=republic of the congo;"
    "GM=republic of the gambia;MH=republic of the marshall islands;NE=republic of the niger;"
    "PH=republic of the philippines;SD=republic of the sudan;TT=republic of trinidad and tobago;"
    "TN=republic of tunisia;TR=republic of türkiye;UG=republic of uganda;UZ=republic of uzbekistan;"
    "VU=republic of vanuatu;YE=republic of yemen;ZM=republic of zambia;ZW=republic of zimbabwe;"
    "RO=romania;RU=russian federation;RW=rwanda;RW=rwandese republic;RE=réunion;"
    "BL=saint barthélemy;SH=saint helena;SH=saint helena, ascension and tristan da cunha;"
    "KN=saint kitts and nevis;LC=saint lucia;MF=saint martin (french part);"
    "PM=saint pierre and miquelon;VC=saint vincent and the grenadines;WS=samoa;SM=san marino;"
    "ST=sao tome and principe;SA=saudi arabia;SN=senegal;RS=serbia;SC=seychelles;SL=sierra leone;"
    "SG=singapore;SX=sint maarten (dutch part);SK=slovak republic;SK=slovakia;SI=slovenia;"
    "VN=socialist republic of viet nam;SB=solomon islands;SO=somalia;ZA=south africa;"
    "GS=south georgia and the south sandwich islands;KR=south korea;SS=south sudan;ES=spain;"
    "LK=sri lanka;IL=state of israel;KW=state of kuwait;QA=state of qatar;SD=sudan;"
    "OM=sultanate of oman;SR=suriname;SJ=svalbard and jan mayen;SE=sweden;CH=swiss confederation;"
    "CH=switzerland;SY=syria;SY=syrian arab republic;TW=taiwan;TW=taiwan, province of china;"
    "TJ=tajikistan;TZ=tanzania;TZ=tanzania, united republic of;TH=thailand;ER=the state of eritrea;"
    "PS=the state of palestine;TL=timor-leste;TG=togo;TG=togolese republic;TK=tokelau;TO=tonga;"
    "TT=trinidad and tobago;TN=tunisia;TM=turkmenistan;TC=turks and caicos islands;TV=tuvalu;"
    "TR=türkiye;UG=uganda;UA=ukraine;KM=union of the comoros;AE=united arab emirates;"
    "GB=united kingdom;GB=united kingdom of great britain and northern ireland;"
    "MX=united mexican states;TZ=united republic of tanzania;US=united states;"
    "UM=united states minor outlying islands;US=united states of america;UY=uruguay;UZ=uzbekistan;"
    "VU=vanuatu;VE=venezuela;VE=venezuela, bolivarian republic of;VN=viet nam;VN=vietnam;"
    "VG=virgin islands;VI=virgin islands of the united states;VG=virgin islands, british;"
    "VI=virgin islands, u.s.;WF=wallis and futuna;EH=western sahara;YE=yemen;ZM=zambia;ZW=zimbabwe;"
    "AX=åland islands;"
)

# Spellings used by WoS, Scopus and others that the ISO list lacks.
_EXTRA = {
    "usa": "US", "us": "US", "u s a": "US", "u s": "US", "united states": "US",
    "united states of america": "US", "america": "US",
    "peoples r china": "CN", "people s republic of china": "CN", "peoples republic of china": "CN",
    "pr china": "CN", "p r china": "CN", "china": "CN", "mainland china": "CN",
    "england": "GB", "scotland": "GB", "wales": "GB", "north ireland": "GB",
    "northern ireland": "GB", "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB",
    "south korea": "KR", "korea": "KR", "republic of korea": "KR", "korea republic of": "KR",
    "north korea": "KP", "russia": "RU", "russian federation": "RU", "iran": "IR",
    "taiwan": "TW", "republic of china taiwan": "TW", "vietnam": "VN", "viet nam": "VN",
    "syria": "SY", "laos": "LA", "macedonia": "MK", "north macedonia": "MK",
    "moldova": "MD", "tanzania": "TZ", "venezuela": "VE", "bolivia": "BO",
    "czech republic": "CZ", "czechia": "CZ", "slovak republic": "SK", "turkey": "TR",
    "turkiye": "TR", "hong kong": "HK", "macau": "MO", "macao": "MO",
    "the netherlands": "NL", "netherlands": "NL", "holland": "NL",
    "u arab emirates": "AE", "uae": "AE", "rep congo": "CG", "dem rep congo": "CD",
    "democratic republic of the congo": "CD", "cote ivoire": "CI", "ivory coast": "CI",
    "byelarus": "BY", "fed rep ger": "DE", "w germany": "DE", "ger dem rep": "DE",
    "west germany": "DE", "east germany": "DE", "trinid & tobago": "TT",
    "trinidad & tobago": "TT", "papua n guinea": "PG", "bosnia & herceg": "BA",
    "bosnia & herzegovina": "BA", "turks & caicos": "TC", "st kitts & nevi": "KN",
    "antigua & barbu": "AG", "surinam": "SR", "brunei": "BN", "kosovo": "XK",
    "palestine": "PS", "cape verde": "CV", "swaziland": "SZ", "curacao": "CW",
    "reunion": "RE", "vatican": "VA", "micronesia": "FM", "guinea bissau": "GW",
    "sao tome & prin": "ST", "st lucia": "LC", "st vincent": "VC", "timor leste": "TL",
    "east timor": "TL", "cent afr republ": "CF", "central african republic": "CF",
    "equat guinea": "GQ", "libya": "LY", "burma": "MM", "myanmar": "MM",
    "marshall island": "MH", "solomon islands": "SB", "fr polynesia": "PF",
    "new caledonia": "NC", "british virgin isl": "VG", "falkland island": "FK",
    # the home country of netkit's synthetic ecosystem (user-assigned ISO code XV)
    "nordvalia": "XV",
}

_STATES_TEXT = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI"
)
_US_STATES = frozenset(_STATES_TEXT.split())


def _country_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for chunk in "".join(_ISO_NAMES).split(";"):
        if chunk:
            code, name = chunk.split("=", 1)
            table.setdefault(_plain(name), code)
    for name, code in _EXTRA.items():
        table[_plain(name)] = code
    return table


def _plain(text: str) -> str:
    """Lower case, accents of Latin letters removed, ``and`` spelt ``&``, punctuation to
    spaces (:func:`netkit.ingest.ids.name_key`)."""
    return _name_key(text)


_COUNTRIES: dict[str, str] = {}


def country_code(name: str | None) -> str | None:
    """The ISO-3166 alpha-2 code of a country name as sources spell it, or ``None``.

    Examples
    --------
    >>> country_code("Peoples R China"), country_code("England"), country_code("Deutschland")
    ('CN', 'GB', None)
    >>> country_code("United States"), country_code("Korea, Republic of")
    ('US', 'KR')
    """
    if not name:
        return None
    if not _COUNTRIES:
        _COUNTRIES.update(_country_table())
    return _COUNTRIES.get(_plain(name))


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
    return _country_of_last_part(last, "," in address)


@lru_cache(maxsize=1 << 15)
def _country_of_last_part(last: str, comma: bool) -> str | None:
    """:func:`country_from_address` of an address whose last part is ``last``
    (``comma``: the address has a comma)."""
    code = country_code(last)
    if code:
        return code
    words = last.split()
    if words and words[-1].upper().rstrip(".") in ("USA", "U.S.A"):
        return "US"
    if words and words[0] in _US_STATES and all(_POSTAL.fullmatch(w) for w in words[1:]) \
            and (len(words) > 1 or comma):
        return "US"
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
def _named_sector(part: str) -> str:
    """The sector the general name rules give one part of an address (cached: parts
    such as ``Department of Physics`` or a city repeat across many strings)."""
    return _sector_rule(part)[0]


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
    Without ``org_first`` the organisation is the first part that names an
    organisation by the rules of :func:`~netkit.ingest.sector_from_name` and does not
    start like a sub-unit (``Department of``, ``School of``, ``Institute of`` …);
    failing that, the first part that does not start like a sub-unit; failing
    that, the last part before the city. A trailing part without organisation
    words is the city when at least one other part remains.

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
    """
    raw = text
    text = text.strip().rstrip(".").strip()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return Affiliation(raw, None)
    country = country_from_address(text) if len(parts) > 1 else None
    if country and len(parts) > 1:
        last = parts[-1]
        if country_code(last) or country_code(_clean_city(last) or "") or country == "US":
            parts = parts[:-1]
        if len(parts) > 1 and _STATE_PART.match(parts[-1]):
            parts = parts[:-1]
    city = None
    if len(parts) > 1:
        cand = parts[-1]
        if _named_sector(cand) == "unknown" and not _UNIT.match(cand):
            city = _clean_city(cand)
            parts = parts[:-1]
    if org_first:
        org = parts[0]
    else:
        plain = [p for p in parts if not _UNIT.match(p)]
        named = [p for p in plain if _named_sector(p) != "unknown"]
        org = named[0] if named else (plain[0] if plain else parts[-1])
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
