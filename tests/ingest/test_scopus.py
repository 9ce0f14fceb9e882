"""Scopus CSV: both real layouts, semicolon files, author ↔ affiliation links."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk
from netkit.datasets import synthetic_ecosystem
from netkit.datasets.writers import scopus as w_scopus
from netkit.errors import InputError
from netkit.ingest.formats import scopus
from netkit.ingest.formats.scopus import split_authors

OLD = "scientopy_scopus_2017_iot_gateway.csv"
NEW = "litstudy_scopus_v2_2023.csv"


def check_accounting(corpus) -> None:
    acc = corpus.accounting
    assert (acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]).all()
    assert int(acc["quarantined"].sum()) == len(corpus.quarantine)
    assert int(acc["loaded"].sum()) == corpus.n_events


@lru_cache(maxsize=4)
def read_cached(path):
    return nk.ingest.read(path)


def raw_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(("name", "n", "n_aff", "years"), [
    (OLD, 921, 897, (2004, 2018)), (NEW, 88, 87, (2023, 2023))])
def test_real_counts_from_source_md(real_data, name, n, n_aff, years):
    path = real_data / "scopus-csv" / name
    assert nk.ingest.sniff(path) == "scopus"
    c = read_cached(path)
    check_accounting(c)
    acc = c.accounting.iloc[0]
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"], acc["duplicates"]) == (
        n, n, 0, 0)
    assert c.participations.dropna(subset=["org_id"])["event_id"].nunique() == n_aff
    assert (int(c.events["year"].min()), int(c.events["year"].max())) == years
    orgs = c.organizations
    assert orgs["sector"].notna().all() and orgs["sector_source"].str.startswith("name:").all()
    assert (orgs["sector"] != "unknown").mean() > 0.8
    assert orgs["country"].notna().mean() > 0.95


def test_real_spot_checks_against_raw(real_data):
    for name in (OLD, NEW):
        path = real_data / "scopus-csv" / name
        c = read_cached(path)
        ev = c.events.set_index("event_id")
        p = c.participations
        for r in raw_rows(path)[::60]:
            eid = "pub:scopus:" + r["EID"]
            assert ev.loc[eid, "year"] == int(r["Year"])
            assert ev.loc[eid, "title"] == r["Title"]
            affs = {a.strip() for a in r["Affiliations"].split(";") if a.strip()}
            got = set(p.loc[(p.event_id == eid) & p.org_id.notna(), "raw_affiliation"])
            assert got == affs


def test_real_old_layout_known_record(real_data):
    c = read_cached(real_data / "scopus-csv" / OLD)
    p = c.participations.merge(c.organizations, on="org_id")
    rec = p[p.event_id == "pub:scopus:2-s2.0-85012875280"]
    assert set(zip(rec.name, rec.country, rec.sector, strict=True)) == {
        ("University of California Irvine", "US", "university"),
        ("TU Wien", "AT", "university"),
        ("University of Turku", "FI", "university")}
    # Rahmani has two affiliations; people without ids get name keys
    rahmani = rec[rec.person_id == "per:scopus:rahmani a m"]
    assert set(rahmani["name"]) == {"University of California Irvine", "TU Wien"}


def test_real_new_layout_author_ids(real_data):
    c = read_cached(real_data / "scopus-csv" / NEW)
    people = c.people.set_index("person_id")
    assert people.loc["per:scopus:57221302630", "name"] == "Hao, Jie"
    p = c.participations.merge(c.organizations, on="org_id")
    hao = p[(p.event_id == "pub:scopus:2-s2.0-85136453267")
            & (p.person_id == "per:scopus:57221302630")]
    assert hao[["name", "country", "city"]].values.tolist() == [
        ["University of Nebraska Medical Center", "US", "Omaha"]]


def test_semicolon_delimited_and_duplicates(tmp_path):
    text = ('Authors;Author(s) ID;Title;Year;Source title;Affiliations;'
            'Authors with affiliations;EID\n'
            '"Berg K., Moe P.";"1;2;";"T; with semicolon";2020;"J";'
            '"Dept X, Univ Oslo, Oslo, Norway; Equinor ASA, Stavanger, Norway";'
            '"Berg, K., Dept X, Univ Oslo, Oslo, Norway; Moe, P., Equinor ASA, Stavanger, '
            'Norway";2-s2.0-1\n')
    f = tmp_path / "semi.csv"
    f.write_text(text, "utf-8")
    g = tmp_path / "semi2.csv"
    g.write_text(text, "utf-8")
    assert nk.ingest.sniff(f) == "scopus"
    c = nk.ingest.read([f, g])
    check_accounting(c)
    assert c.accounting["duplicates"].tolist() == [0, 1]
    p = c.participations.merge(c.organizations, on="org_id")
    assert sorted(zip(p.person_id, p.name, p.sector, strict=True)) == [
        ("per:scopus:1", "Univ Oslo", "university"), ("per:scopus:2", "Equinor ASA", "firm")]
    assert c.events["title"].tolist() == ["T; with semicolon"]


def test_split_authors():
    assert split_authors("Siu K.-C.") == ["Siu K.-C."]
    assert split_authors("") == []


# -- the columnar path gives exactly what the per-record path gives ----------------------

MALFORMED = Path(__file__).resolve().parents[1] / "data" / "malformed" / "publications"
TABLES = ("events", "organizations", "org_ids", "people", "participations", "quarantine",
          "accounting")


def read_both(paths, monkeypatch=None, **kw):
    """Read with the columnar path and with the per-record path; assert equal tables.

    Returns the corpus and how many times the columnar path fell back to records."""
    fallbacks = []
    if monkeypatch is not None:
        run = scopus.RecordReader.run
        monkeypatch.setattr(scopus.RecordReader, "run",
                            lambda self, *a, **k: (fallbacks.append(a[1]), run(self, *a, **k))[1])
    try:
        fast = nk.ingest.read(paths, **kw)
    except InputError as exc:
        with pytest.raises(InputError) as slow_exc:
            nk.ingest.read(paths, engine="records", **kw)
        assert str(slow_exc.value) == str(exc)
        return None, fallbacks
    n_fallbacks = len(fallbacks)
    slow = nk.ingest.read(paths, engine="records", **kw)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(fast, name), getattr(slow, name), obj=name)
    return fast, fallbacks[:n_fallbacks]


def test_columnar_equals_per_record_on_real_samples(real_data, monkeypatch):
    for name in (OLD, NEW):
        c, fallbacks = read_both(real_data / "scopus-csv" / name, monkeypatch)
        assert fallbacks == [] and c.n_events > 80  # every record planned column-wise


@pytest.mark.parametrize("layout", ["2023", "old"])
def test_columnar_equals_per_record_on_synthetic_export(tmp_path, monkeypatch, layout):
    corpus, truth = synthetic_ecosystem(seed=3, size="tiny")
    path, = w_scopus.write(corpus, truth, tmp_path, layout=layout)
    monkeypatch.setattr(scopus, "_BLOCK", 1 << 14)  # many blocks
    c, fallbacks = read_both(path, monkeypatch)
    assert fallbacks == []
    assert c.n_events == int((corpus.events["source"] == "scopus").sum())


def test_columnar_equals_per_record_on_malformed_files(monkeypatch):
    files = sorted(MALFORMED.glob("scopus_*"))
    assert len(files) >= 12
    for f in files:
        read_both(f, format="scopus", encoding="cp1252" if "cp1252" in f.name else None)


ROW_TEMPLATES = [
    # (Authors, Author full names, Author(s) ID, Title, Year, Affiliations, Authors with affs, EID)
    ('Hao J.; Siu K.', 'Hao, Jie (1); Siu, Ka (2)', '1; 2', 'T{n}', '2020',
     'Dept X, Univ Oslo, Oslo, Norway; Acme Inc., Bergen, Norway',
     'Hao J., Dept X, Univ Oslo, Oslo, Norway; Siu K., Acme Inc., Bergen, Norway', None),
    ('Berg K., Moe P.', '', '11;12;', ' Spaced title ', '2019',
     'Equinor ASA, Stavanger, Norway; Dept Y, Univ Bergen, Bergen, Norway',
     'Berg, K., Equinor ASA, Stavanger, Norway, Dept Y, Univ Bergen, Bergen, Norway; '
     'Moe, P., Dept Y, Univ Bergen, Bergen, Norway', None),
    ('[No author name available]', '', '', 'Anon', '2018', 'Univ X, Paris, France', '', None),
    ('Li W.', 'Li, Wei (٣٤)', '34', 'Arabic digits', '2021', 'Tsinghua Univ, Beijing, China',
     'Li W., Tsinghua Univ, Beijing, China', None),
    ('Ng A.; Ng B.', 'Ng, A (7); Ng, B (7)', '7; 7', 'same id twice', '', '', '', None),
    ('Ode P.', 'Ode, Per(5)', '5', 'no space before id', '2017', 'Lab Z, Oslo, Norway',
     'Ode P., Somewhere else', None),
    ('Kim J.; Park S.', '', '21; 22; 23', 'more ids than authors', '2016',
     'Seoul Natl Univ, Seoul, South Korea', 'Kim J., Seoul Natl Univ, Seoul, South Korea; '
     'Park S.', None),
    ('Roe A.', '', '', 'multi\nline\ntitle', '2015', 'Stanford Univ, Stanford, CA, United States',
     'Roe A., Stanford Univ, Stanford, CA, United States', None),
    ('Doe J.', '', '9', 'quote "inside"', '2014', '[No affiliation available]', '', None),
    ('Eve E.', '', '10', 'bad year', '20x4', 'Univ A, Rome, Italy', '', None),
    ('Fox F.', '', '13', 'missing eid', '2013', 'Univ B, Rome, Italy', '', ''),
    ('Gil G.', '', '14', 'odd eid', '2012', 'Univ C, Rome, Italy', '', ' 2-s2.0-x{n} '),
    ('Hu H.', '', '15', 'Ünïcödé eid', '2012', 'Univ D, Rome, Italy', '', '2-s2.0-é{n}'),
    ('Ida I.', 'Ida, I. (16)', '16', 'entry without affiliation', '2011',
     'Univ E, Rome, Italy; Univ F, Milan, Italy', 'Ida I.', None),
]


def _synthetic_rows(seed: int, n: int) -> str:
    import random

    rng = random.Random(seed)
    header = ['Authors', 'Author full names', 'Author(s) ID', 'Title', 'Year', 'Source title',
              'Affiliations', 'Authors with affiliations', 'EID']
    out = [",".join(f'"{h}"' for h in header)]
    for i in range(n):
        a, full, ids, title, year, affs, waffs, eid = rng.choice(ROW_TEMPLATES)
        eid = f"2-s2.0-{rng.randrange(n)}" if eid is None else eid.format(n=i)
        cells = [a, full, ids, title.format(n=i), year, "J", affs, waffs, eid]
        row = ",".join('"' + c.replace('"', '""') + '"' for c in cells)
        oddity = rng.random()
        if oddity < 0.02:
            row = row[: len(row) // 2]  # truncated row
        elif oddity < 0.04:
            row = row.replace('"J"', 'J"x"', 1)  # stray quote in an unquoted field
        elif oddity < 0.05:
            out.append("")  # blank line
        elif oddity < 0.06:
            row = ",".join(f'"{h}"' for h in header)  # repeated header
        elif oddity < 0.07:
            row += ",,"  # empty extra fields
        elif oddity < 0.08:
            row += "\r"  # CRLF line end
        out.append(row)
    return "\n".join(out) + ("\n" if seed % 2 else "")


@pytest.mark.parametrize("seed", [1, 2])
def test_columnar_equals_per_record_on_odd_rows(tmp_path, monkeypatch, seed):
    path = tmp_path / "odd.csv"
    path.write_text(_synthetic_rows(seed, 300), "utf-8")
    for block in (256, 1 << 22):
        monkeypatch.setattr(scopus, "_BLOCK", block)
        c, fallbacks = read_both(path, monkeypatch)
        check_accounting(c)
        if block == 256:  # odd rows are read record by record, the others column-wise
            assert 0 < len(fallbacks) < 0.8 * path.stat().st_size / 256
    assert len(c.quarantine) > 10 and c.accounting["duplicates"].sum() > 10


def test_columnar_unterminated_quote_and_semicolons(tmp_path, monkeypatch):
    monkeypatch.setattr(scopus, "_BLOCK", 64)
    head = 'Authors;Title;Year;Affiliations;EID\n'
    rows = ['"A B.";"T";2020;"Univ X, Oslo, Norway";2-s2.0-1',
            '"C D.";"open quote;2021;"Univ Y, Oslo, Norway";2-s2.0-2',
            '"E F.";"T3";2022;"Univ Z, Oslo, Norway";2-s2.0-3']
    f = tmp_path / "semi.csv"
    f.write_text(head + "\n".join(rows) + "\n", "utf-8")
    c, _ = read_both(f)
    check_accounting(c)
    assert c.n_events == 2 and c.quarantine["line"].tolist() == [3]


def test_columnar_without_affiliations_and_with_a_huge_field(tmp_path, monkeypatch):
    big = "x" * (3 * 1024 * 1024)
    f = tmp_path / "big.csv"
    f.write_text('Authors,Title,Year,Source title,Abstract,EID\n'
                 f'"Berg K.",T,2020,J,"{big}",2-s2.0-1\nMoe P.,U,2021,J,a,2-s2.0-2\n', "utf-8")
    monkeypatch.setattr(scopus, "_BLOCK", 1 << 20)  # the big record spans several blocks
    c, _ = read_both(f)
    assert c.n_events == 2 and c.n_organizations == 0 and c.n_people == 2


def test_columnar_trailing_empty_lines_and_open_quote(tmp_path, monkeypatch):
    head = 'Authors,Title,Year,Affiliations,EID\n'
    ok = '"A B.","T",2020,"Univ X, Oslo, Norway",2-s2.0-{}\n'
    f = tmp_path / "tail.csv"
    f.write_text(head + ok.format(1) + ok.format(2) + "\r\n\n\n", "utf-8")
    c, fallbacks = read_both(f, monkeypatch)
    assert c.n_events == 2 and fallbacks == []  # empty lines at the end hold no record
    # an empty line and a quote left open in the last column of the last record
    g = tmp_path / "open.csv"
    g.write_text(head + ok.format(1) + "\n" + ok.format(2).replace("2-s2.0", '"2-s2.0'),
                 "utf-8")
    c, fallbacks = read_both(g, monkeypatch)
    assert fallbacks == [2] and c.n_events == 2  # Python csv ends the open field at EOF


def test_org_table_over_many_batches_agrees_with_org_of():
    """_OrgTable across batches (its code buffer grows past its first size): every
    string gets the organisation of org_of, repeated strings the same code, and
    describe gives org_of's name, sector, rule, country and city."""
    import pyarrow as pa

    from netkit.ingest.formats.scopus_columnar import _OrgTable
    from netkit.ingest.formats.scopus_records import org_of

    strings = [f"Dept {i % 7}, {name} {i % 900}, {city}, {country}"
               for i, (name, city, country) in enumerate(
                   [("University of Oslo", "Oslo", "Norway"), ("Acme AS", "Bergen", "Norway"),
                    ("Zorblax", "Omaha, NE", "United States"), ("Inst Fis", "Wien.", "Austria.")]
                   * 700)]
    strings += ["", " padded , Oslo ", "[No affiliation available]", "x,,"]
    table = _OrgTable()
    codes = {}
    for lo in range(0, len(strings), 1100):  # batches that overlap in their strings
        batch = list(dict.fromkeys(strings[max(lo - 300, 0):lo + 1100]))
        for s, c in zip(batch, table.lookup(pa.array(batch, pa.large_string())).tolist(),
                        strict=True):
            assert codes.setdefault(s, c) == c
    assert len(codes) > 2000
    for s, c in codes.items():
        found = org_of(s)
        assert (table.ids[c] if c >= 0 else None) == (found.org.org_id if found else None), s
    named = [s for s in codes if codes[s] >= 0]
    got = list(zip(*table.describe(named), strict=True))
    want = [(*org_of(s).org[1:5], org_of(s).org.city) for s in named]
    assert [(n, se, r, co, ci or None) for n, se, r, co, ci in got] == \
        [(n, se, r, co, ci or None) for n, se, r, co, ci in want]
