"""Word lists of name normalisation: abbreviations, translations, linking words,
legal forms and country names (data only; see :mod:`netkit.resolve.normalize`)."""

from __future__ import annotations

__all__ = ["ABBREVIATIONS", "COUNTRY_NAMES", "LEGAL_CANON", "LEGAL_EXTRA", "LEGAL_GROUPS",
           "NOT_LEGAL", "ROMAN_NUMBERS", "SHORT_LEGAL", "STOPWORDS"]

# -- abbreviations and translations -------------------------------------------------

ABBREVIATIONS: dict[str, str] = {
    # Web of Science / Scopus abbreviations (ISI list, most frequent in C1 fields)
    "univ": "university", "universi": "university", "uni": "university",
    "tu": "technical university", "fu": "free university",
    "inst": "institute", "instit": "institute", "technol": "technology",
    "natl": "national", "nat": "natural", "ctr": "center", "cntr": "center", "cent": "central",
    "lab": "laboratory", "labs": "laboratories", "lab.": "laboratory",
    "dept": "department", "dep": "department", "div": "division",
    "sch": "school", "coll": "college", "hosp": "hospital", "med": "medical",
    "sci": "science", "res": "research", "engn": "engineering", "eng": "engineering",
    "acad": "academy", "fac": "faculty", "fdn": "foundation", "fdtn": "foundation",
    "assoc": "association", "soc": "society", "int": "international", "intl": "international",
    "grp": "group", "minist": "ministry", "agcy": "agency", "org": "organization",
    "polytech": "polytechnic", "politecn": "polytechnic", "polytechn": "polytechnic",
    "fed": "federal", "super": "superior", "norm": "normal", "amer": "american",
    "appl": "applied", "environm": "environmental", "agr": "agricultural",
    "agr.": "agricultural", "biol": "biology", "chem": "chemistry", "phys": "physics",
    "math": "mathematics", "comp": "computer", "mar": "marine", "comput": "computer",
    "elektr": "electrical", "def": "defense", "so": "southern",
    "telecommun": "telecommunication", "telecomm": "telecommunication",
    "infrastruct": "infrastructure", "cty": "county",
    "autonoma": "autonomous", "katholische": "catholic", "nas": "national", "nasional": "national",
    "escola": "school", "escuela": "school", "naut": "nautical", "nautica": "nautical", "catolica": "catholic",
    "cattolica": "catholic", "katholieke": "catholic", "catholique": "catholic",
    "federale": "federal", "forschung": "research", "recherche": "research",
    "investigacion": "research", "investigaciones": "research", "ricerca": "research",
    "forskning": "research", "wissenschaften": "science", "wissenschaft": "science",
    "ciencias": "science", "scienze": "science", "ciencia": "science", "scientifique": "scientific",
    "cientifica": "scientific", "cientificas": "scientific", "cientifico": "scientific",
    "europaische": "european", "europeenne": "european", "europea": "european",
    "geschichte": "history", "bibliothek": "library", "bibliotheque": "library",
    "biblioteca": "library", "kunste": "arts", "medizin": "medicine",
    "universitatsmedizin": "university medicine",
    "universitaetsmedizin": "university medicine", "universitatsbibliothek": "university library",
    "fachhochschule": "university applied science", "hochschule": "university applied science", "universitatsklinikum": "university hospital", "technological": "technology", "technologie": "technology",
    "technologies": "technology", "mech": "mechanical", "mat": "materials",
    "stat": "statistics", "econ": "economics", "mgmt": "management", "management": "management",
    "adv": "advanced", "studies": "studies", "stud": "studies", "hlth": "health",
    "publ": "public", "pub": "public", "serv": "service", "syst": "systems",
    "dev": "development", "educ": "education", "ind": "industrial", "indust": "industrial",
    "clin": "clinical", "canc": "cancer", "gen": "general", "childrens": "children",
    "mem": "memorial", "reg": "regional", "metropolitan": "metropolitan",
    "calif": "california", "penn": "pennsylvania", "mass": "massachusetts",
    "wash": "washington", "mich": "michigan", "minn": "minnesota", "wisc": "wisconsin",
    "tex": "texas", "virginia": "virginia", "carolina": "carolina", "conn": "connecticut",
    "colo": "colorado", "ariz": "arizona", "fla": "florida", "ill": "illinois",
    "n": "north", "s": "south", "w": "west", "ne": "northeast",
    "nw": "northwest", "se": "southeast", "sw": "southwest",
    "st": "saint", "ste": "sainte", "sant": "saint", "mt": "mount", "ft": "fort",
    "peoples": "people", "chinese": "chinese",
    # British → American spellings
    "centre": "center", "centres": "centers", "organisation": "organization",
    "programme": "program", "defence": "defense", "labour": "labor",
    # other languages → English (only words that name the kind of organisation)
    "teknologi": "technology", "sains": "science",
    "universitet": "university", "universitetet": "university", "universitat": "university",
    "universitaet": "university", "universite": "university", "universidad": "university",
    "universidade": "university", "universita": "university", "universiteit": "university",
    "uniwersytet": "university", "univerzita": "university", "universitatea": "university",
    "universitas": "university", "universiti": "university", "universitaria": "university",
    "yliopisto": "university", "egyetem": "university",
    "institut": "institute", "instituto": "institute", "istituto": "institute",
    "instytut": "institute", "instituut": "institute", "institutet": "institute",
    "technische": "technical", "technischen": "technical", "technique": "technical",
    "tecnica": "technical", "tecnico": "technical", "technicka": "technical",
    "tekniske": "technical", "teknisk": "technical", "tekniska": "technical",
    "politecnico": "polytechnic", "polytechnique": "polytechnic", "politecnica": "polytechnic",
    "politechnika": "polytechnic",
    "nacional": "national", "nationale": "national", "nazionale": "national",
    "centro": "center", "zentrum": "center", "vrije": "free", "freie": "free",
    "libre": "free", "libera": "free",
    # city names that sources write in the local language or in English
    "munchen": "munich", "koln": "cologne", "wien": "vienna", "praha": "prague",
    "warszawa": "warsaw", "lisboa": "lisbon", "roma": "rome", "milano": "milan", "torino": "turin",
    "napoli": "naples", "firenze": "florence", "venezia": "venice", "genova": "genoa",
    "padova": "padua", "goteborg": "gothenburg", "kobenhavn": "copenhagen", "kobenhavns": "copenhagen",
    "bruxelles": "brussels", "brussel": "brussels", "geneve": "geneva", "nurnberg": "nuremberg", "braunschweig": "brunswick",
    "leuven": "leuven", "louvain": "louvain", "sevilla": "seville", "zaragoza": "zaragoza",
    "hopital": "hospital", "ospedale": "hospital", "klinikum": "hospital", "sykehus": "hospital",
    "laboratoire": "laboratory", "laboratorio": "laboratory", "laboratorium": "laboratory",
}
"""Word → canonical English word, applied token by token after folding."""

STOPWORDS: frozenset[str] = frozenset({
    "the", "of", "and", "for", "in", "at", "on", "an", "a", "to",
    "de", "del", "della", "delle", "dei", "degli", "di", "da", "do", "dos", "das",
    "der", "des", "die", "den", "du", "la", "le", "les", "el", "los", "las",
    "fur", "fuer", "und", "et", "y", "e", "i", "og", "och", "en", "van", "voor", "het",
    "zu", "sul", "sulla", "per", "stiftelsen", "stiftung", "d", "l", "dell", "dall", "all",
    "pour", "aux", "au",
})
"""Articles and linking words removed from keys (after abbreviation expansion, so
``E`` → ``east`` survives when it stands for a direction)."""


LEGAL_CANON = {
    "aktiebolag": "ab", "aktiebolaget": "ab", "aksjeselskap": "as", "aktieselskab": "as",
    "a s": "as", "allmennaksjeselskap": "asa", "osakeyhtio": "oy", "julkinen osakeyhtio": "oyj",
    "incorporated": "inc", "limited": "ltd", "corporation": "corp", "company": "co",
    "aktiengesellschaft": "ag", "gesellschaft mit beschrankter haftung": "gmbh",
    "kabushiki kaisha": "kk", "kabushikikaisha": "kk", "public limited company": "plc",
    "limited liability company": "llc", "societe anonyme": "sa", "s a": "sa",
    "anpartsselskab": "aps", "besloten vennootschap": "bv", "b v": "bv",
    "naamloze vennootschap": "nv", "n v": "nv", "societa per azioni": "spa", "s p a": "spa",
    "sociedad anonima": "sa", "l p": "lp", "p c": "pc", "l l c": "llc", "l l p": "llp",
    "co ltd": "ltd", "pty ltd": "ltd", "pte ltd": "ltd", "pvt ltd": "ltd", "plc ltd": "plc",
    "sdn bhd": "ltd", "gmbh and co kg": "kg", "mbh and co kg": "kg", "co kg": "kg",
}
"""Spelled-out legal forms → their usual abbreviation (the *legal form class*)."""
LEGAL_GROUPS = {"inc": "corp", "corp": "corp", "co": "corp", "llc": "corp", "kk": "ltd"}
"""Classes that name the same kind of company (US corporations and LLCs, which companies
convert between: *Google Inc* became *Google LLC*; Japanese KK = Co., Ltd.)."""

LEGAL_EXTRA = (*LEGAL_CANON, "kabushiki kaisha", "kabushikikaisha", "aktiengesellschaft", "l p", "lp",
                "p c", "pc", "pllc", "b v", "n v", "s p a", "s a", "co ltd", "co inc",
                "corporation", "company", "incorporated", "limited", "holdings", "holding",
                # the legal body of an English hospital: "Great Ormond St Hosp Children NHS Trust"
                "nhs trust", "nhs foundation trust")
NOT_LEGAL = frozenset({"university", "institute", "foundation", "hospital", "group",
                        "sad", "uk", "sem", "ses", "ent", "private", "vat", "ong", "eu",
                        "unlimited", "dat", "etat", "sep", "stg", "sha", "sia", "sal", "ood"})
# two-letter cleanco terms are kept only when they are common legal forms; the others
# ("at", "ca", "de", "et", "pt" …) are ordinary words or abbreviations in names
SHORT_LEGAL = frozenset({"as", "ab", "ag", "sa", "nv", "bv", "oy", "kg", "kk", "se", "co",
                          "sl", "lp", "pc", "ks", "aps", "hf", "ky", "kft", "bt"})



COUNTRY_NAMES: dict[str, str] = {
    "usa": "US", "united states": "US", "united states of america": "US", "us": "US",
    "peoples r china": "CN", "china": "CN", "p r china": "CN", "pr china": "CN",
    "england": "GB", "scotland": "GB", "wales": "GB", "north ireland": "GB",
    "northern ireland": "GB", "united kingdom": "GB", "uk": "GB",
    "germany": "DE", "fed rep ger": "DE", "france": "FR", "italy": "IT", "spain": "ES",
    "portugal": "PT", "netherlands": "NL", "the netherlands": "NL", "belgium": "BE",
    "switzerland": "CH", "austria": "AT", "sweden": "SE", "norway": "NO", "denmark": "DK",
    "finland": "FI", "iceland": "IS", "ireland": "IE", "poland": "PL",
    "czech republic": "CZ", "czechia": "CZ", "slovakia": "SK", "hungary": "HU",
    "romania": "RO", "bulgaria": "BG", "greece": "GR", "turkey": "TR", "turkiye": "TR",
    "russia": "RU", "ussr": "SU", "ukraine": "UA", "estonia": "EE", "latvia": "LV",
    "lithuania": "LT", "slovenia": "SI", "croatia": "HR", "serbia": "RS", "yugoslavia": "YU",
    "israel": "IL", "iran": "IR", "india": "IN", "pakistan": "PK", "bangladesh": "BD",
    "japan": "JP", "south korea": "KR", "korea": "KR", "republic of korea": "KR",
    "taiwan": "TW", "hong kong": "HK", "singapore": "SG", "malaysia": "MY",
    "indonesia": "ID", "thailand": "TH", "vietnam": "VN", "philippines": "PH",
    "australia": "AU", "new zealand": "NZ", "canada": "CA", "mexico": "MX", "brazil": "BR",
    "argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE",
    "south africa": "ZA", "egypt": "EG", "nigeria": "NG", "kenya": "KE", "morocco": "MA",
    "tunisia": "TN", "saudi arabia": "SA", "u arab emirates": "AE",
    "united arab emirates": "AE", "qatar": "QA", "luxembourg": "LU", "cyprus": "CY",
    "malta": "MT", "deutschland": "DE", "frankreich": "FR", "schweiz": "CH", "suisse": "CH",
    "svizzera": "CH", "osterreich": "AT", "nederland": "NL", "espana": "ES", "italia": "IT",
    "sverige": "SE", "norge": "NO", "danmark": "DK", "suomi": "FI", "polska": "PL",
    "brasil": "BR", "u k": "GB", "u s a": "US", "russian federation": "RU",
}

ROMAN_NUMBERS: dict[str, str] = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7",
                  "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12", "xiii": "13"}
