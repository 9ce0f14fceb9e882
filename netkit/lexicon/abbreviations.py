"""The abbreviations of Web of Science and Scopus, and the words name keys drop.

* :data:`ABBREVIATIONS`: ``UNIV``, ``INST``, ``NATL``, ``TECHNOL``, ``CTR`` … (the ISI
  list, most frequent in ``C1`` fields), British spellings, the words that name a
  kind of organisation in other languages, and city exonyms
  (:data:`netkit.lexicon.places.CITY_EXONYMS`), each → one English word;
* :data:`STOPWORDS`: articles and linking words of several languages;
* :data:`ROMAN_NUMBERS`: *II* … *XIII* → digits (*Universidad Carlos III*).

Used by :func:`netkit.resolve.normalize.normalize_name`, after :func:`netkit.lexicon.text.fold`.
"""

from __future__ import annotations

from netkit.lexicon.places import CITY_EXONYMS

__all__ = ["ABBREVIATIONS", "ROMAN_NUMBERS", "STOPWORDS", "TRANSLATIONS"]

TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "technology": ("teknologi",),
    "university": ("universitet", "universitetet", "universitat", "universitaet", "universite",
        "universidad", "universidade", "universita", "universiteit", "uniwersytet", "univerzita",
        "universitatea", "universitas", "universiti", "universitaria", "yliopisto", "egyetem",
        "universitaire", "universitario", "universitair", "universitesi", "unibertsitatea",
        "univerza", "universitetas", "universitate", "rijksuniversiteit"),
    "institute": ("institut", "instituto", "istituto", "instytut", "instituut", "institutet",
        "institutt", "instituttet", "institutului"),
    "technical": ("technische", "technischen", "technique", "tecnica", "tecnico", "technicka",
        "tekniske", "teknisk", "tekniska"),
    "polytechnic": ("politecnico", "polytechnique", "politecnica", "politechnika"),
    "national": ("nacional", "nationale", "nazionale"),
    "center": ("centro", "zentrum"),
    "free": ("vrije", "freie", "libre", "libera"),
    "group": ("groep", "gruppo", "groupe", "grupo"),
    "academy": ("akademia", "akademie", "academie", "academia", "akademi", "accademia"),
    "european": ("europeen", "europeo", "europaisch"),
    "diaconal": ("diakonale", "diakonal"),
    "science": ("sains", "znanosti", "nauk", "vetenskap", "wetenschappen", "vitenskap"),
    "school": ("scuola", "schule", "skola", "szkola", "skole"),
    "medical": ("medicale", "medica", "medico", "medizinische", "medisch", "medicinsk",
        "medicinska"),
    "foundation": ("fondazione", "fundacion", "fundacao", "fondation", "stichting", "fundacio"),
    "museum": ("museo", "musee", "museu", "muzeum"),
    "observatory": ("osservatorio", "observatoire", "observatorio"),
    "council": ("consiglio", "consejo", "conselho", "conseil"),
    "ministry": ("ministerio", "ministero", "ministere", "ministerium"),
    "society": ("sociedad", "societa", "societe", "sociedade"),
    "agency": ("agenzia", "agencia", "agence"),
    "clinic": ("clinica", "clinique"),
    "health": ("salud", "saude", "sante", "sanita", "gesundheit", "helse"),
    "state": ("estatal", "statale", "etat", "staatliche"),
    "college": ("collegio", "colegio"),
    "hospital": ("hopital", "hopitaux", "hospitalier", "hospitaliere", "ospedale", "ospedaliero",
        "ospedaliera", "klinikum", "sykehus", "sykehuset", "sjukhus", "sjukhuset", "sygehus",
        "ziekenhuis", "krankenhaus", "szpital", "nemocnice", "bolnica", "sairaala", "chu", "chru"),
}
"""English word → the words of other languages that name that kind of organisation (folded)."""

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
    # Dutch and US medical centres: "Erasmus MC", "Amsterdam UMC", "Hackensack UMC"
    "mc": "medical center", "umc": "university medical center",
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
    **{word: english for english, words in TRANSLATIONS.items() for word in words},
    **CITY_EXONYMS,
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

ROMAN_NUMBERS: dict[str, str] = {
    "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
    "x": "10", "xi": "11", "xii": "12", "xiii": "13"}
"""Roman numbers of university names (*Jaume I*, *Carlos III*) → digits."""
