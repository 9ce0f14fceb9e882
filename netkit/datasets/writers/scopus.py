"""Write the synthetic ecosystem's Scopus publications as a Scopus CSV export.

The 2023+ layout by default (every header quoted, authors ``; ``-separated,
``Author full names`` with ids), or the older one with ``layout="old"`` (authors
``, ``-separated, no full names). UTF-8 with BOM, every field quoted, LF line ends.
Affiliations are ``Department of X, Org, City, Country`` with the organisation
spelled as Scopus does (``GroundTruth.aliases``). ``EID`` and ``Author(s) ID``
encode the synthetic event and person numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from netkit.datasets.writers._publications import (
    department,
    initials,
    publication_records,
    split_name,
    syn_number,
)
from netkit.model.files import atomic_write_bytes

__all__ = ["COUNTRY_NAMES", "eid", "scopus_author_id", "write"]

COUNTRY_NAMES = {"XV": "Nordvalia", "DE": "Germany", "FR": "France", "GB": "United Kingdom",
                 "US": "United States", "NL": "Netherlands", "SE": "Sweden", "NO": "Norway"}
"""How Scopus affiliations spell the countries of the synthetic ecosystem."""

NEW_COLUMNS = ["Authors", "Author full names", "Author(s) ID", "Title", "Year", "Source title",
               "Volume", "Issue", "Art. No.", "Page start", "Page end", "Page count", "Cited by",
               "DOI", "Link", "Affiliations", "Authors with affiliations", "Abstract",
               "Author Keywords", "Index Keywords", "Publisher", "ISSN",
               "Language of Original Document", "Abbreviated Source Title", "Document Type",
               "Publication Stage", "Open Access", "Source", "EID"]
OLD_COLUMNS = ["Authors", "Author(s) ID", "Title", "Year", "Source title", "Volume", "Issue",
               "Art. No.", "Page start", "Page end", "Page count", "Cited by", "DOI", "Link",
               "Affiliations", "Authors with affiliations", "Abstract", "Author Keywords",
               "Index Keywords", "Publisher", "ISSN", "Language of Original Document",
               "Abbreviated Source Title", "Document Type", "Source", "EID"]


def eid(event_id: str) -> str:
    """The Scopus EID of a synthetic event: ``pub:syn:42`` → ``2-s2.0-85000000042``."""
    return f"2-s2.0-{85_000_000_000 + syn_number(event_id)}"


def scopus_author_id(person_id: str) -> str:
    """The Scopus author id of a synthetic person: ``per:syn:7`` → ``57000000007``."""
    return str(57_000_000_000 + syn_number(person_id))


def _row(rec, layout: str) -> dict[str, str]:
    n = syn_number(rec.event_id)
    short, full, ids, affs, with_affs = [], [], [], [], []
    for a in rec.authors:
        sur, given = split_name(a.name)
        ini = ".".join(initials(given)) + "." if given else ""
        short_name = f"{sur} {ini}".strip()
        short.append(short_name)
        aid = scopus_author_id(a.person_id)
        ids.append(aid)
        full.append(f"{sur}, {given} ({aid})")
        mine = []
        for org in a.orgs:
            dept = department(org.sector, n, syn_number(a.person_id))
            country = COUNTRY_NAMES.get(org.country or "", org.country or "")
            aff = ", ".join(p for p in (f"Department of {dept}" if dept else None, org.name,
                                        org.city, country) if p)
            mine.append(aff)
            if aff not in affs:
                affs.append(aff)
        name = short_name if layout == "2023" else f"{sur}, {ini}".strip(", ")
        with_affs.append(", ".join([name, *mine]))
    row = {c: "" for c in (NEW_COLUMNS if layout == "2023" else OLD_COLUMNS)}
    row.update({
        "Authors": ("; " if layout == "2023" else ", ").join(short),
        "Author(s) ID": ";".join(ids) + (";" if layout == "old" and ids else ""),
        "Title": rec.title or "", "Year": "" if rec.year is None else str(rec.year),
        "Source title": "Journal of Synthetic Ecosystems",
        "Link": f"https://www.scopus.com/inward/record.uri?eid={eid(rec.event_id)}",
        "Affiliations": "; ".join(affs), "Authors with affiliations": "; ".join(with_affs),
        "Language of Original Document": "English", "Document Type": "Article",
        "Source": "Scopus", "EID": eid(rec.event_id),
    })
    if layout == "2023":
        row["Author full names"] = "; ".join(full)
        row["Publication Stage"] = "Final"
    return row


def write(corpus, truth, directory, *, layout: str = "2023") -> list[Path]:
    """Write the Scopus publications of ``corpus`` as a Scopus CSV export, ``scopus.csv``.

    Parameters
    ----------
    corpus, truth, directory
        As for every writer (:mod:`netkit.datasets.writers`).
    layout : {"2023", "old"}
        The 2023+ column layout or the older one (no ``Author full names``).

    Returns
    -------
    list of Path
        ``[directory / "scopus.csv"]``.

    Examples
    --------
    >>> import tempfile
    >>> from netkit.datasets import synthetic_ecosystem
    >>> p, = write(*synthetic_ecosystem(seed=1, size="tiny"), tempfile.mkdtemp(), layout="old")
    >>> p.read_text(encoding="utf-8-sig").splitlines()[0].split(",")[:3]
    ['"Authors"', '"Author(s) ID"', '"Title"']
    """
    if layout not in ("2023", "old"):
        from netkit.errors import ParameterError

        raise ParameterError(f"layout must be '2023' or 'old', not {layout!r}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    columns = NEW_COLUMNS if layout == "2023" else OLD_COLUMNS
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writeheader()
    for rec in publication_records(corpus, truth, "scopus"):
        w.writerow(_row(rec, layout))
    return [atomic_write_bytes(directory / "scopus.csv",
                               b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))]
