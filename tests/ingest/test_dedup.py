"""One event per real event across sources (issue 17, item 3): :mod:`netkit.ingest.dedup`."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk
from netkit.cli import main
from netkit.datasets.samples import write_samples
from netkit.ingest.dedup import merge_events, normalise_doi, title_key
from netkit.model import Corpus

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
PUBLICATIONS = [DATA / "wos.txt", DATA / "scopus.csv", DATA / "openalex.jsonl"]


def groups(corpus: Corpus) -> dict[str, set[str]]:
    """Kept event -> the ids of all its copies."""
    return {k: set(v) for k, v in corpus.event_ids.groupby("event_id")["value"]}


def check_accounting(corpus: Corpus) -> None:
    acc = corpus.accounting
    assert (acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]).all()


@pytest.fixture(scope="module")
def publications() -> Corpus:
    return nk.ingest.read(PUBLICATIONS)


def test_publications_by_doi_pmid_and_title(publications):
    c = publications
    assert sorted(groups(c).values(), key=sorted) == sorted([
        {"pub:wos:000000000000001", "pub:scopus:2-s2.0-85000000001",
         "pub:openalex:W1000000001"},  # DOI in three spellings
        {"pub:wos:000000000000002", "pub:scopus:2-s2.0-85000000002"},  # title + year + authors
        {"pub:wos:000000000000003", "pub:scopus:2-s2.0-85000000003"},  # PubMed id
        {"pub:wos:000000000000005", "pub:scopus:2-s2.0-85000000004"},  # DOI
    ], key=sorted)
    rules = c.event_ids.set_index("value")["matched_by"]
    assert rules["pub:scopus:2-s2.0-85000000002"] == "title"
    assert rules["pub:scopus:2-s2.0-85000000003"] == "pmid"
    assert rules["pub:openalex:W1000000001"] == "doi"
    # 6 WoS + 5 Scopus + 1 OpenAlex records, 5 copies merged away
    assert c.n_events == 12 - 5 == 7
    assert c.duplicates["events_across_sources"] == 5
    assert set(c.event_ids["event_id"]) <= set(c.events["event_id"])
    assert not c.events["event_id"].isin(c.event_ids.loc[
        c.event_ids["value"] != c.event_ids["event_id"], "value"]).any()


def test_near_misses_stay_apart(publications):
    ids = set(publications.events["event_id"])
    # the same guideline in two journals: two DOIs, same title, year and author
    assert {"pub:wos:000000000000004"} <= ids
    kept_5 = publications.event_ids.set_index("value").loc["pub:wos:000000000000005", "event_id"]
    assert kept_5 in ids and kept_5 != "pub:wos:000000000000004"
    # same title and year, no author in common
    assert {"pub:wos:000000000000006", "pub:scopus:2-s2.0-85000000005"} <= ids


def test_no_event_holds_two_dois(publications):
    c = publications
    raw = pd.concat([nk.ingest.read(p).events for p in PUBLICATIONS], ignore_index=True)
    doi = pd.Series(normalise_doi(raw["doi"].to_numpy(dtype=object)).to_numpy(),
                    index=raw["event_id"])
    per_event = c.event_ids.assign(doi=c.event_ids["value"].map(doi)).groupby(
        "event_id")["doi"].nunique()
    assert (per_event <= 1).all()


def test_participations_move_and_accounting_counts_copies(publications):
    c = publications
    parts = [nk.ingest.read(p).participations for p in PUBLICATIONS]
    copies = groups(c)
    kept = next(k for k, v in copies.items() if "pub:openalex:W1000000001" in v)
    expected = pd.concat(parts)
    expected = expected[expected["event_id"].isin(copies[kept])].drop_duplicates(
        ["event_id", "org_id", "person_id", "role"])
    got = c.participations[c.participations["event_id"] == kept]
    assert len(got) == len(expected) == 6  # 2 authors x 3 sources, each with its org
    assert c.participations["event_id"].isin(c.events["event_id"]).all()
    assert c.n_participations == sum(map(len, parts))  # moved, none lost or repeated
    acc = c.accounting.set_index("format")
    assert acc.loc["wos", "duplicates"] == 4 and acc.loc["wos", "loaded"] == 2
    assert acc.loc["scopus", "duplicates"] == 1
    assert acc.loc["openalex", "duplicates"] == 0
    check_accounting(c)


def test_kept_event_is_the_richest_copy_filled_from_the_others():
    c = Corpus(
        organizations={"org_id": ["o:a", "o:b", "o:c"], "name": ["A", "B", "C"],
                       "sector": ["firm"] * 3},
        events={"event_id": ["pub:wos:1", "pub:scopus:2"], "kind": ["publication"] * 2,
                "year": [2020, None], "title": [None, "Deep learning for fjords"],
                "source": ["wos", "scopus"], "doi": ["10.1/X", "10.1/x"]},
        participations={"event_id": ["pub:wos:1", "pub:scopus:2", "pub:scopus:2"],
                        "org_id": ["o:a", "o:b", "o:c"], "role": ["author"] * 3})
    m = merge_events(c)
    assert m.events[["event_id", "year", "title"]].values.tolist() == [
        ["pub:scopus:2", 2020, "Deep learning for fjords"]]  # more participations wins
    assert sorted(m.participations["org_id"]) == ["o:a", "o:b", "o:c"]
    assert set(m.participations["event_id"]) == {"pub:scopus:2"}


def test_grant_number_across_cordis_and_norway():
    c = nk.ingest.read([DATA / "cordis", DATA / "norway.csv"])
    assert groups(c) == {"con:cordis:779469": {"con:cordis:779469", "con:norway:779469"}}
    assert set(c.events["event_id"]) == {"con:cordis:779469", "con:cordis:101000002",
                                         "con:norway:999001"}
    ev = c.events.set_index("event_id")
    assert ev.loc["con:cordis:779469", "year"] == 2018
    orgs = set(c.participations.loc[c.participations["event_id"] == "con:cordis:779469",
                                    "org_id"])
    assert {"org:norway:998433290", "org:norway:919477822", "org:cordis:999900001"} <= orgs
    assert c.accounting.set_index("format").loc["norway-h2020", "duplicates"] == 1
    check_accounting(c)


def test_patent_number_across_uspto_and_patentsview():
    c = nk.ingest.read([DATA / "uspto.xml", DATA / "patentsview"])
    assert list(groups(c).values()) == [{"pat:uspto:08925001", "pat:patentsview:8925001"}]
    assert c.n_events == 2  # 8925001 once, 8925999 (PatentsView only)
    assert c.event_ids["matched_by"].eq("patent-number").all()
    check_accounting(c)


def test_one_source_is_left_as_it_is():
    alone = nk.ingest.read(DATA / "wos.txt")
    assert alone.n_events == 6 and alone.event_ids.empty and "events_across_sources" \
        not in alone.duplicates


def test_title_key_needs_a_real_title():
    assert title_key(["Editorial", "Reply to comment", None]).isna().all()


def test_event_ids_saved_and_optional_in_manifest(publications, tmp_path):
    out = publications.save(tmp_path / "c")
    back = Corpus.load(out)
    assert back.event_ids.equals(publications.event_ids)
    # a corpus saved before event_ids existed still loads
    manifest = json.loads((out / "manifest.json").read_text())
    del manifest["tables"]["event_ids"]
    (out / "manifest.json").write_text(json.dumps(manifest))
    (out / "event_ids.parquet").unlink()
    assert Corpus.load(out).event_ids.empty


def test_cli_says_how_many_events_sources_shared(tmp_path, capsys):
    assert main(["ingest", *map(str, PUBLICATIONS), "--out", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert "4 events were found in more than one source (merged; see " in out
    assert "event_ids.parquet" in out


def test_synthetic_ecosystem_has_no_false_merge(small_ecosystem, tmp_path):
    """Every synthetic event is written to one source: nothing may merge, although many
    different synthetic papers share a title and year (a small title vocabulary)."""
    corpus, truth = small_ecosystem
    written = write_samples(tmp_path, ecosystem=(corpus, truth))
    pubs = corpus.events[corpus.events["kind"] == "publication"]
    assert pubs.duplicated(["title", "year"]).sum() > 100
    sources = {k: v for k, v in written.items() if k not in ("truth", "registry")}
    c = nk.ingest.read([p for paths in sources.values() for p in paths])
    assert c.event_ids.empty
    assert c.n_events == corpus.n_events  # every true event, once


# -- real samples --------------------------------------------------------------------------
@pytest.mark.realdata
def test_real_publications_openalex_wos_scopus(real_data):
    folders = [real_data / f for f in ("openalex-works", "wos-plaintext", "wos-tabdelimited",
                                       "scopus-csv")]
    c = nk.ingest.read(folders)
    alone = [nk.ingest.read(f) for f in folders]
    separate = [a.events for a in alone]
    assert c.n_participations == sum(a.n_participations for a in alone)
    shared = c.event_ids["event_id"].nunique()
    assert shared > 0
    assert c.n_events == sum(map(len, separate)) - c.duplicates["events_across_sources"]
    ids = c.event_ids.merge(pd.concat(separate)[["event_id", "doi", "title", "year"]],
                            left_on="value", right_on="event_id", suffixes=("", "_copy"))
    ids["doi"] = normalise_doi(ids["doi"].to_numpy(dtype=object)).to_numpy()
    ids["tkey"] = title_key(ids["title"].to_numpy(dtype=object)).to_numpy()
    per = ids.groupby("event_id").agg(dois=("doi", "nunique"), sources=("source", "nunique"))
    assert (per["dois"] <= 1).all()  # no event merged across different DOIs
    assert (per["sources"] >= 2).all()
    by_title = ids[ids["matched_by"] == "title"].groupby("event_id")
    assert (by_title["tkey"].nunique() == 1).all() and (by_title["year"].nunique() == 1).all()
    check_accounting(c)


@pytest.mark.realdata
def test_real_grants_cordis_norway(real_data):
    """The CORDIS sample names projects by rcn, not by grant-agreement number: projects are
    paired by start and end dates and their Norwegian participants (count, coordinator).
    Checked against what the rule does not read: the EC contribution of each Norwegian
    participant, given by both tables."""
    cordis = real_data / "cordis-h2020-participations"
    norway = real_data / "h2020-norway-participations"
    c = nk.ingest.read([cordis, norway])
    shared = c.event_ids["event_id"].nunique()
    assert shared > 100
    assert c.n_events == 4706 + 971 - shared  # the projects of each sample (their SOURCE.md)
    assert set(c.event_ids["matched_by"]) == {"grant-fingerprint"}
    check_accounting(c)
    cr = pd.read_csv(next(cordis.glob("*.csv")), dtype=str)
    nr = pd.read_csv(next(norway.glob("*.csv")), sep=";", dtype=str)
    cr = cr.assign(event=cr["rcn"].radd("con:cordis:rcn-"), org=cr["pic"].radd("org:cordis:"),
                   eur=pd.to_numeric(cr["contribution"]).fillna(0))  # none = 0 in Norway
    nr = nr.assign(event=nr["Prosjektnr"].radd("con:norway:"), orgnr=nr["Organisasjonsnummer"],
                   eur=pd.to_numeric(nr["Innvilget beløp organisasjon EUR"]))
    ids = c.event_ids
    pairs = ids[ids["source"] == "cordis"].merge(ids[ids["source"] == "norway"], on="event_id",
                                                 suffixes=("_c", "_n"))
    assert len(pairs) == shared
    eur_c = cr[cr["country"] == "NO"].groupby("event")["eur"].apply(sorted)
    eur_n = nr.groupby("event")["eur"].apply(sorted)
    for a, b in zip(pairs["value_c"].map(eur_c), pairs["value_n"].map(eur_n), strict=True):
        assert len(a) == len(b) and all(abs(x - y) <= 2 for x, y in zip(a, b, strict=True))
    # the Norwegian PIC gets the organisation number of its certain counterpart
    links = c.org_ids[(c.org_ids["scheme"] == "orgnr")
                      & c.org_ids["org_id"].str.startswith("org:cordis:")]
    assert len(links) > 0 and not links["org_id"].duplicated().any()
    assert not links["value"].duplicated().any()
    rows = (links.merge(cr[["org", "event", "eur"]], left_on="org_id", right_on="org")
            .merge(pairs[["value_c", "value_n"]], left_on="event", right_on="value_c")
            .merge(nr[["orgnr", "event", "eur"]], left_on=["value", "value_n"],
                   right_on=["orgnr", "event"], suffixes=("", "_n")))
    same = rows.assign(ok=(rows["eur"] - rows["eur_n"]).abs() <= 2).groupby("org_id")["ok"].any()
    assert set(same.index) == set(links["org_id"]) and same.all()


@pytest.mark.realdata
def test_real_norway_with_raw_cordis_by_grant_number(real_data):
    # the real Norwegian table with a raw CORDIS project.csv/organization.csv that lists
    # one of its projects (HAEOLUS, 779469): one event, the Norwegian copy in event_ids
    c = nk.ingest.read([real_data / "h2020-norway-participations", DATA / "cordis"])
    assert list(groups(c).values()) == [{"con:cordis:779469", "con:norway:779469"}]
    assert c.events["event_id"].isin(["con:cordis:779469", "con:norway:779469"]).sum() == 1
    assert set(c.event_ids["matched_by"]) == {"grant-number"}
    check_accounting(c)


def test_report_inputs_read_one_by_one_are_merged(tmp_path):
    from netkit.report.config import load_config
    from netkit.report.writer import load_report_corpus

    toml = tmp_path / "report.toml"
    toml.write_text("".join(f"[[inputs]]\npath = '{p}'\n" for p in PUBLICATIONS))
    corpus = load_report_corpus(load_config(toml))[0]
    assert corpus.n_events == 7 and corpus.event_ids["event_id"].nunique() == 4
    check_accounting(corpus)


def test_event_ids_follow_filter_and_resolution(publications):
    sub = publications.filter(years=(2019, 2019))
    assert set(sub.event_ids["event_id"]) == set(publications.event_ids["event_id"]) & set(
        sub.events["event_id"])
    assert len(sub.event_ids) and len(sub.event_ids) < len(publications.event_ids)
    resolved = nk.resolve.resolve(publications)
    resolved = resolved if isinstance(resolved, Corpus) else resolved.corpus
    assert resolved.event_ids.equals(publications.event_ids)
    people = nk.resolve.resolve_people(resolved)
    people = people if isinstance(people, Corpus) else people.corpus
    assert people.event_ids.equals(publications.event_ids)
