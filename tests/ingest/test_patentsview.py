"""PatentsView bulk tables: hand-written tables with stray quotes, individuals, unknown codes."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

import netkit as nk

DATA = Path(__file__).resolve().parents[1] / "data" / "patents_contracts" / "patentsview_small"


@pytest.fixture(scope="module")
def small():
    return nk.ingest.read(DATA)


def _acc(c):
    acc = c.accounting.copy()
    acc["table"] = acc["file"].map(lambda f: Path(f).name.split(".")[0])
    return acc.set_index("table")


def test_every_line_accounted(small):
    acc = _acc(small)
    assert (acc["format"] == "patentsview").all()
    for table, row in acc.iterrows():
        lines = (DATA / f"{table}.tsv").read_text().count("\n") - 1  # minus the header
        assert row["records_seen"] == lines, table
        assert row["loaded"] + row["quarantined"] + row["duplicates"] == lines
    assert acc.loc["g_patent", "quarantined"] == 1  # bad grant date
    assert acc.loc["g_application", "quarantined"] == 1  # patent not in g_patent


def test_stray_quotes_do_not_swallow_records(small):
    ev = small.events.set_index("event_id")
    assert ev.loc["pat:patentsview:10000001", "title"] == 'Widget with a "stray quote'
    assert ev.loc["pat:patentsview:D0800003", "title"] == 'Ornamental 12" ruler'
    orgs = small.organizations.set_index("org_id")
    assert orgs.loc["org:patentsview:a-univ", "name"] == 'Regents of the University of "Somewhere'
    assert small.n_events == 4


def test_filing_date_times_patents(small):
    ev = small.events.set_index("event_id")
    assert ev.loc["pat:patentsview:10000001", ["date", "year"]].tolist() == ["2015-03-02", 2015]
    assert ev.loc["pat:patentsview:D0800003", "year"] == 2017


def test_assignee_types_and_name_rules(small):
    orgs = small.organizations.set_index("org_id")
    assert orgs.loc["org:patentsview:a-univ", ["sector", "sector_source"]].tolist() == [
        "university", "patentsview:assignee_type=2+name:university"]
    assert orgs.loc["org:patentsview:a-acme", "sector"] == "firm"
    assert orgs.loc["org:patentsview:a-zorb", "sector_source"].startswith(
        "patentsview:assignee_type=77 unknown")
    assert orgs.loc["org:patentsview:a-acme", ["city", "region", "country"]].tolist() == [
        "Austin", "US-TX", "US"]
    ids = small.org_ids[small.org_ids["scheme"] == "assignee"]
    assert sorted(ids["value"]) == ["a-acme", "a-univ", "a-zorb"]


def test_individual_assignee_is_a_person(small):
    p = small.participations
    only = p[(p["event_id"] == "pat:patentsview:10000005") & (p["role"] == "assignee")]
    assert only["org_id"].isna().all() and only["person_id"].tolist() == ["per:patentsview:a-jane"]
    assert "Doe" not in " ".join(small.organizations["name"])


def test_zipped_tables_and_file_order(tmp_path):
    for f in DATA.glob("*.tsv"):
        with zipfile.ZipFile(tmp_path / f"{f.name}.zip", "w") as zf:
            zf.write(f, f.name)
    files = sorted(tmp_path.glob("*.zip"), reverse=True)  # g_patent first this time
    c = nk.ingest.read(files)
    ref = nk.ingest.read(DATA)
    assert c.n_events == ref.n_events and c.n_participations == ref.n_participations
    assert c.accounting["records_seen"].sum() == ref.accounting["records_seen"].sum()


def test_tables_without_g_patent_are_quarantined(tmp_path):
    shutil.copy(DATA / "g_assignee_disambiguated.tsv", tmp_path)
    c = nk.ingest.read(tmp_path)
    acc = c.accounting.iloc[0]
    assert acc["quarantined"] == acc["records_seen"] == 5 and c.n_events == 0
    assert (c.quarantine["reason"] == "no g_patent table was read").all()


def test_duplicate_rows_counted(tmp_path):
    lines = (DATA / "g_inventor_disambiguated.tsv").read_text().splitlines()
    (tmp_path / "g_inventor_disambiguated.tsv").write_text("\n".join([*lines, lines[1]]) + "\n")
    shutil.copy(DATA / "g_patent.tsv", tmp_path)
    c = nk.ingest.read(tmp_path)
    inv = _acc(c).loc["g_inventor_disambiguated"]
    assert (inv["records_seen"], inv["loaded"], inv["duplicates"]) == (6, 5, 1)


def test_other_patentsview_tables_are_skipped(tmp_path, caplog):
    shutil.copy(DATA / "g_patent.tsv", tmp_path)
    (tmp_path / "g_cpc_current.tsv").write_text(
        '"patent_id"\t"cpc_sequence"\t"cpc_section"\n"10000001"\t0\t"G"\n', encoding="utf-8")
    c = nk.ingest.read(tmp_path)
    acc = _acc(c)
    assert acc.loc["g_cpc_current", "records_seen"] == 0 and c.n_events == 4
    assert "does not use" in caplog.text
