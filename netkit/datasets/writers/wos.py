"""Write the synthetic ecosystem's Web of Science publications as a WoS export.

Tagged plain text (``FN Clarivate Analytics Web of Science`` / ``VR 1.0`` header,
UTF-8 with BOM, ``ER`` / ``EF``) or, with ``layout="tab"``, the tab-delimited export
(header of tags, UTF-8 with BOM, CRLF). Organisations are written as WoS spells
them (upper-case abbreviations from ``GroundTruth.aliases``) in ``C1`` lines
``[Surname, Given; …] ORG, DEPT, City, Country``. ``UT`` encodes the synthetic event
number (``WOS:000000000000042``).
"""

from __future__ import annotations

from pathlib import Path

from netkit.datasets.names import strip_accents
from netkit.datasets.writers._publications import (
    department,
    initials,
    publication_records,
    split_name,
    syn_number,
)
from netkit.model.files import atomic_write_bytes

__all__ = ["COUNTRY_NAMES", "ut", "write"]

COUNTRY_NAMES = {"XV": "Nordvalia", "DE": "Germany", "FR": "France", "GB": "England",
                 "US": "USA", "NL": "Netherlands", "SE": "Sweden", "NO": "Norway"}
"""How WoS addresses spell the countries of the synthetic ecosystem."""

TAB_TAGS = ["PT", "AU", "AF", "TI", "SO", "LA", "DT", "C1", "C3", "RP", "OI", "PY", "PD",
            "DI", "UT"]
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def ut(event_id: str) -> str:
    """The accession number of a synthetic event: ``pub:syn:42`` → ``WOS:000000000000042``."""
    return f"WOS:{syn_number(event_id):015d}"


def _fields(rec) -> dict[str, list[str]]:
    n = syn_number(rec.event_id)
    af, au, oi = [], [], []
    by_address: dict[str, list[str]] = {}
    short_only = n % 4 == 0  # older records: no AF (full names), initials only
    for a in rec.authors:
        sur, given = split_name(strip_accents(a.name))  # WoS writes names in ASCII
        full = f"{sur}, {given}".strip(", ")
        short = f"{sur}, {initials(given)}".strip(", ")
        af.append(full)
        au.append(short)
        if a.orcid:
            oi.append(f"{short if short_only else full}/{a.orcid}")
        for org in a.orgs:
            dept = department(org.sector, n, syn_number(a.person_id), wos=True)
            country = COUNTRY_NAMES.get(org.country or "", org.country or "")
            addr = ", ".join(p for p in (org.name, f"DEPT {dept.upper()}" if dept else None,
                                         org.city, country) if p)
            by_address.setdefault(addr, []).append(full)
    c1 = [f"[{'; '.join(names)}] {addr}." for addr, names in by_address.items()]
    if short_only:
        c1 = [f"[{'; '.join(au[af.index(x)] for x in names)}] {addr}."
              for addr, names in by_address.items()]
    f: dict[str, list[str]] = {"PT": ["J"], "AU": au, "AF": [] if short_only else af,
                               "TI": [rec.title or ""],
                               "SO": ["JOURNAL OF SYNTHETIC ECOSYSTEMS"], "LA": ["English"],
                               "DT": ["Article"], "C1": c1}
    if c1 and rec.authors:
        addr = next((a for a, names in by_address.items() if af[0] in names), None)
        if addr:
            f["RP"] = [f"{au[0]} (corresponding author), {addr}."]
    if oi:
        f["OI"] = ["; ".join(oi)]
    if rec.year is not None:
        f["PY"] = [str(rec.year)]
    if rec.date and len(rec.date) == 10:
        f["PD"] = [f"{_MONTHS[int(rec.date[5:7]) - 1]} {int(rec.date[8:10])}"]
    f["UT"] = [ut(rec.event_id)]
    return f


def _plain(records) -> str:
    out = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    for rec in records:
        for tag, values in _fields(rec).items():
            if not values:
                continue
            out.append(f"{tag} {values[0]}")
            out.extend(f"   {v}" for v in values[1:])
        out.append("ER")
        out.append("")
    out.append("EF")
    return "\n".join(out) + "\n"


def _tab(records) -> str:
    rows = ["\t".join(TAB_TAGS)]
    for rec in records:
        f = _fields(rec)
        rows.append("\t".join("; ".join(f.get(t, [])).replace("\t", " ") for t in TAB_TAGS))
    return "\r\n".join(rows) + "\r\n"


def write(corpus, truth, directory, *, layout: str = "plain") -> list[Path]:
    """Write the WoS publications of ``corpus`` as a WoS export.

    Parameters
    ----------
    corpus, truth, directory
        As for every writer (:mod:`netkit.datasets.writers`).
    layout : {"plain", "tab"}
        Tagged plain text (``wos_savedrecs.txt``) or tab-delimited
        (``wos_tabdelimited.txt``).

    Returns
    -------
    list of Path
        The one file written.

    Examples
    --------
    >>> import tempfile
    >>> import netkit as nk
    >>> from netkit.datasets import synthetic_ecosystem
    >>> p, = write(*synthetic_ecosystem(seed=1, size="tiny"), tempfile.mkdtemp(), layout="tab")
    >>> p.name, nk.ingest.sniff(p)
    ('wos_tabdelimited.txt', 'wos-tab')
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    records = publication_records(corpus, truth, "wos")
    if layout == "plain":
        path = directory / "wos_savedrecs.txt"
        text = _plain(records)
    elif layout == "tab":
        path = directory / "wos_tabdelimited.txt"
        text = _tab(records)
    else:
        from netkit.errors import ParameterError

        raise ParameterError(f"layout must be 'plain' or 'tab', not {layout!r}")
    return [atomic_write_bytes(path, b"\xef\xbb\xbf" + text.encode("utf-8"))]
