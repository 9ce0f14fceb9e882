"""Write the synthetic ecosystem's USPTO patents as grant full-text XML weekly files.

One ``ipgYYMMDD.xml`` file per grant week: concatenated ``<?xml …?>`` documents in the
DTD v4.5 layout (``<us-parties>`` with ``<inventors>``, ``<assignees>`` with the USPTO
type code in ``<role>``), as USPTO publishes them. Grants of one filing year are
issued together on the first Tuesday of the second year after it. Patent numbers are
``9000000 + n`` for the event ``pat:syn:n``; assignees are spelled as ``truth.aliases``
gives them for ``uspto``; inventors carry their employer's city. The XML carries no
link between an inventor and an organisation.

The example of :mod:`netkit.datasets.writers` writes and reads it back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from netkit.datasets.names import strip_accents
from netkit.datasets.writers._events import source_events
from netkit.datasets.writers._publications import split_name
from netkit.model.files import atomic_write_text

__all__ = ["doc_number", "grant_date", "write"]

SOURCE = "uspto"


def doc_number(event_id: str) -> str:
    """The 8-digit patent number of a synthetic event id.

    >>> doc_number("pat:syn:0042")
    '09000042'
    """
    return f"{9000000 + int(event_id.rsplit(':', 1)[1]):08d}"


def grant_date(filing_year: int) -> dt.date:
    """First Tuesday of ``filing_year + 2`` (USPTO issues grants on Tuesdays).

    >>> grant_date(2015).isoformat()
    '2017-01-03'
    """
    d = dt.date(filing_year + 2, 1, 1)
    return d + dt.timedelta(days=(1 - d.weekday()) % 7)


def role_code(sector: str, country: str | None) -> str:
    """USPTO assignee type code of a synthetic organisation (universities file as companies)."""
    us = country == "US"
    if sector == "government":
        return "06" if us else "07"
    return "02" if us else "03"


def _split(name: str) -> tuple[str, str]:
    """(last, first) as USPTO writes them: accents dropped (ASCII), like many grants."""
    last, first = split_name(strip_accents(name or "")) if name else ("", "")
    return last, first


def _e(text) -> str:
    return escape("" if text is None or text is pd.NA else str(text))


def _address(city, country, state=None) -> str:
    parts = [f"<city>{_e(city)}</city>"] if city else []
    if state:
        parts.append(f"<state>{_e(state)}</state>")
    parts.append(f"<country>{_e(country or 'XX')}</country>")
    return "<address>\n" + "\n".join(parts) + "\n</address>"


def _party(tag: str, attributes: str, sequence: int, names: str, who: dict,
           after: str = "") -> str:
    """One ``<inventor>`` or ``<us-applicant>`` of the grant's ``<us-parties>``."""
    return (f'<{tag} sequence="{sequence:03d}" {attributes}>\n<addressbook>\n{names}\n'
            f"{_address(who['city'], who['country'])}\n</addressbook>\n{after}</{tag}>")


def _grant(ev, granted: dt.date, assignees: list[dict], inventors: list[dict]) -> str:
    num = doc_number(ev.event_id)
    filing = str(ev.date).replace("-", "")
    g = granted.strftime("%Y%m%d")
    inv = "\n".join(_party("inventor", 'designation="us-only"', i,
                           f"<last-name>{_e(p['last'])}</last-name>\n"
                           f"<first-name>{_e(p['first'])}</first-name>", p)
                    for i, p in enumerate(inventors, start=1))
    app = "\n".join(_party("us-applicant", 'app-type="applicant" designation="us-only" '
                           'applicant-authority-category="assignee"', i,
                           f"<orgname>{_e(a['name'])}</orgname>", a,
                           f"<residence>\n<country>{_e(a['country'] or 'XX')}</country>\n"
                           "</residence>\n")
                    for i, a in enumerate(assignees, start=1))
    asg = "\n".join(
        f"<assignee>\n<addressbook>\n<orgname>{_e(a['name'])}</orgname>\n<role>{a['role']}</role>\n"
        f"{_address(a['city'], a['country'])}\n</addressbook>\n</assignee>" for a in assignees)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>\n'
        f'<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" file="US{num}-{g}.XML" '
        f'status="PRODUCTION" id="us-patent-grant" country="US" date-produced="{g}" '
        f'date-publ="{g}">\n<us-bibliographic-data-grant>\n<publication-reference>\n'
        f"<document-id>\n<country>US</country>\n<doc-number>{num}</doc-number>\n<kind>B2</kind>\n"
        f"<date>{g}</date>\n</document-id>\n</publication-reference>\n"
        '<application-reference appl-type="utility">\n<document-id>\n<country>US</country>\n'
        f"<doc-number>{13000000 + int(num)}</doc-number>\n<date>{filing}</date>\n</document-id>\n"
        "</application-reference>\n<us-application-series-code>13</us-application-series-code>\n"
        f'<invention-title id="d2e53">{_e(ev.title)}</invention-title>\n'
        f"<us-parties>\n<us-applicants>\n{app}\n</us-applicants>\n<inventors>\n{inv}\n"
        f"</inventors>\n</us-parties>\n<assignees>\n{asg}\n</assignees>\n"
        "</us-bibliographic-data-grant>\n"
        f'<abstract id="abstract">\n<p id="p-0001" num="0000">{_e(ev.title)}.</p>\n</abstract>\n'
        '<claims id="claims">\n<claim id="CLM-00001" num="00001">\n'
        f"<claim-text>1. {_e(ev.title)}.</claim-text>\n</claim>\n</claims>\n</us-patent-grant>\n"
    )


def write(corpus, truth, directory) -> list[Path]:
    """Write the corpus's ``uspto`` patents as weekly grant XML files; return their paths."""
    src = source_events(corpus, truth, directory, SOURCE, "patent")
    if src is None:
        return []
    ev, part, orgs, alias, people = src.events, src.participations, src.orgs, src.alias, \
        src.people
    by_event = {k: g for k, g in part.groupby("event_id", sort=False, observed=True)}
    weeks: dict[dt.date, list[str]] = {}
    for row in ev.itertuples(index=False):
        granted = grant_date(int(row.year))
        rows = by_event.get(row.event_id, part.iloc[:0])
        assignees = []
        for oid in rows.loc[rows["role"] == "assignee", "org_id"].dropna():
            o = orgs[oid]
            assignees.append({"name": alias.get(oid, o["name"]), "city": o["city"],
                              "country": o["country"], "role": role_code(o["sector"], o["country"])})
        inventors = []
        for r in rows[rows["role"] == "inventor"].itertuples(index=False):
            last, first = _split(people.get(r.person_id, ""))
            o = orgs[r.org_id] if isinstance(r.org_id, str) and r.org_id in orgs else None
            inventors.append({"last": last, "first": first,
                              "city": None if o is None else o["city"],
                              "country": None if o is None else o["country"]})
        weeks.setdefault(granted, []).append(_grant(row, granted, assignees, inventors))
    paths = []
    for granted in sorted(weeks):
        paths.append(atomic_write_text(src.directory / f"ipg{granted.strftime('%y%m%d')}.xml",
                                       "".join(weeks[granted])))
    return paths
