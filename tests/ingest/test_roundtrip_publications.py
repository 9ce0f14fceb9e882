"""Round trip: synthetic corpus → OpenAlex / WoS / Scopus files → readers → the same
events, people and participations (organisations as each source spells them)."""

from __future__ import annotations

import pytest

import netkit as nk
from netkit.datasets.names import _CHINESE, _HUNGARIAN
from netkit.datasets.writers import openalex as w_openalex
from netkit.datasets.writers import scopus as w_scopus
from netkit.datasets.writers import wos as w_wos
from netkit.datasets.writers._publications import syn_number
from netkit.resolve.people_names import parse_name


def person_key(name: str) -> tuple[str, str]:
    """(surname key, first initial) of "Given Surname", "Surname, Given" or "Surname G.";
    also of the surname-first "Nagy János" that OpenAlex shows for some people."""
    native = name.split()[0] in (_HUNGARIAN | _CHINESE) and "," not in name
    if native:
        name = " ".join(name.split()[1:] + name.split()[:1])
    sur, _first, ini, _ = parse_name(name)
    return sur, ini[:1]


def _truth_rows(corpus, source):
    ev = corpus.events[(corpus.events.source == source) & (corpus.events.kind == "publication")]
    p = corpus.participations[corpus.participations.event_id.isin(set(ev.event_id))]
    p = p.merge(corpus.people, on="person_id")
    return ev, p


def _syn_event(reader_event_id: str) -> int:
    tail = reader_event_id.rsplit(":", 1)[-1]
    if tail.startswith("W"):
        return int(tail[1:]) - 1_000_000_000
    if tail.startswith("2-s2.0-"):
        return int(tail[7:]) - 85_000_000_000
    return int(tail)


@pytest.fixture(scope="module")
def eco():
    from netkit.datasets import synthetic_ecosystem

    return synthetic_ecosystem(seed=5, size="tiny")


@pytest.mark.parametrize(("source", "writer", "kwargs", "fmt"), [
    ("openalex", w_openalex, {}, "openalex"),
    ("openalex", w_openalex, {"gzip_output": True}, "openalex"),
    ("wos", w_wos, {}, "wos"),
    ("wos", w_wos, {"layout": "tab"}, "wos-tab"),
    ("scopus", w_scopus, {}, "scopus"),
    ("scopus", w_scopus, {"layout": "old"}, "scopus"),
])
def test_roundtrip(eco, tmp_path, source, writer, kwargs, fmt):
    corpus, truth = eco
    (path,) = writer.write(corpus, truth, tmp_path, **kwargs)
    assert nk.ingest.sniff(path) == fmt
    back = nk.ingest.read(path)
    acc = back.accounting.iloc[0]
    assert acc["quarantined"] == 0 and acc["duplicates"] == 0
    ev, tp = _truth_rows(corpus, source)

    # events: same ids (encoded), years, titles, dates where the format has them
    got = back.events.assign(n=back.events.event_id.map(_syn_event)).set_index("n")
    want = ev.assign(n=ev.event_id.map(syn_number)).set_index("n")
    assert sorted(got.index) == sorted(want.index)
    assert (got.loc[want.index, "year"].to_numpy() == want["year"].to_numpy()).all()
    assert (got.loc[want.index, "title"].to_numpy() == want["title"].to_numpy()).all()
    if source != "scopus":
        assert (got.loc[want.index, "date"].to_numpy() == want["date"].to_numpy()).all()

    # participations: (event, author name, organisation as the source spells it, country)
    alias = truth.aliases[truth.aliases.source == source].set_index("org_id")["name"]
    orgs = corpus.organizations.set_index("org_id")
    want_rows = {(syn_number(r.event_id), person_key(r.name), alias[r.org_id],
                  orgs.loc[r.org_id, "country"]) for r in tp.itertuples()}
    bp = back.participations.merge(back.people, on="person_id").merge(
        back.organizations, on="org_id", suffixes=("_person", ""))
    bp = bp[bp.org_id.notna()]
    got_rows = {(_syn_event(r.event_id), person_key(r.name_person), r.name, r.country)
                for r in bp.itertuples()}
    assert got_rows == want_rows
    # nobody lost: every author of every event is there
    want_people = {(syn_number(r.event_id), person_key(r.name)) for r in tp.itertuples()}
    bpp = back.participations.merge(back.people, on="person_id")
    assert {(_syn_event(e), person_key(n)) for e, n in zip(bpp.event_id, bpp.name,
                                                         strict=True)} == want_people

    # people ids carry the source's author ids where the format has them
    if source in ("openalex", "scopus"):
        per_event_ids = {(_syn_event(r.event_id), int(r.person_id.rsplit(":", 1)[-1].lstrip("A"))
                          % 1_000_000_000) for r in back.participations.itertuples()}
        assert per_event_ids == {(syn_number(r.event_id), syn_number(r.person_id))
                                 for r in tp.itertuples()}

    # sectors: exact from OpenAlex types; mostly right from WoS/Scopus name rules
    sect = bp.drop_duplicates("org_id")
    truth_sector = sect.name.map(
        {n: orgs.loc[o, "sector"] for o, n in alias.items()}).replace("startup", "firm")
    agree = (sect.sector.astype(str).to_numpy() == truth_sector.astype(str).to_numpy()).mean()
    assert agree == 1.0 if source == "openalex" else agree > 0.7


def test_writers_are_deterministic(eco, tmp_path):
    corpus, truth = eco
    for writer in (w_openalex, w_wos, w_scopus):
        (a,) = writer.write(corpus, truth, tmp_path / "a")
        (b,) = writer.write(corpus, truth, tmp_path / "b")
        assert a.read_bytes() == b.read_bytes()
