"""Web of Science plain text and tab-delimited: real samples and small fixtures."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

import netkit as nk
from netkit.ingest.formats.wos import match_enhanced

PLAIN = "wos-plaintext"
TAB = "wos-tabdelimited"


def check_accounting(corpus) -> None:
    acc = corpus.accounting
    assert (acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]).all()
    assert int(acc["quarantined"].sum()) == len(corpus.quarantine)
    assert int(acc["loaded"].sum()) == corpus.n_events


@lru_cache(maxsize=8)
def read_cached(path):
    """Each real file is read once per test session (the Corpus is not modified)."""
    return nk.ingest.read(path)


def raw_plain_records(path):
    """Records of a tagged file as dicts tag → text, parsed here independently."""
    recs, cur, tag = [], {}, None
    for line in path.read_text("utf-8-sig").splitlines():
        if line == "ER":
            recs.append(cur)
            cur, tag = {}, None
        elif line.startswith("   ") and tag:
            cur[tag].append(line.strip())
        elif re.match(r"^[A-Z][A-Z0-9] ", line):
            tag = line[:2]
            cur.setdefault(tag, []).append(line[3:])
    return recs


def raw_tab_records(path):
    lines = [line.removesuffix("\r") for line in path.read_text("utf-8-sig").split("\n")]
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"), strict=False)) for line in lines[1:] if line]


@pytest.mark.parametrize(("folder", "name", "n", "n_c1", "years", "fmt"), [
    (PLAIN, "metaknowledge_ManyAuthors.isi.txt", 500, 459, (1934, 2013), "wos"),
    (PLAIN, "metaknowledge_savedrecs.txt", 32, 25, (1974, 2012), "wos"),
    (TAB, "scientopy_wos_2026-04-02_records_0001-1000.txt", 1000, 995, (2006, 2026), "wos-tab"),
    (TAB, "scientopy_wos_2026-04-02_records_4001-4071.txt", 71, 54, (2009, 2026), "wos-tab"),
])
def test_real_counts_from_source_md(real_data, folder, name, n, n_c1, years, fmt):
    path = real_data / folder / name
    assert nk.ingest.sniff(path) == fmt
    c = read_cached(path)
    check_accounting(c)
    acc = c.accounting.iloc[0]
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"], acc["duplicates"]) == (
        n, n, 0, 0)
    assert (int(c.events["year"].min()), int(c.events["year"].max())) == years
    # every record with C1 has organisations (records without C1 may use RP)
    recs = raw_plain_records(path) if fmt == "wos" else raw_tab_records(path)
    with_c1 = {"pub:wos:" + re.sub(r"^(WOS|ISI):", "", " ".join(r["UT"]) if fmt == "wos"
                                   else r["UT"]) for r in recs if r.get("C1")}
    assert len(with_c1) == n_c1
    with_org = set(c.participations.dropna(subset=["org_id"])["event_id"])
    assert with_c1 <= with_org
    orgs = c.organizations
    assert orgs["sector"].notna().all() and orgs["sector_source"].str.startswith("name:").all()
    assert (orgs["sector"] != "unknown").mean() > 0.7
    assert orgs["country"].notna().mean() > 0.95


def test_real_tab_known_record_uses_c3_and_brackets(real_data):
    c = read_cached(real_data / TAB / "scientopy_wos_2026-04-02_records_0001-1000.txt")
    p = c.participations.merge(c.organizations, on="org_id")
    rec = p[p.event_id == "pub:wos:001395617300004"]
    assert set(rec["name"]) == {"Huazhong University of Science & Technology", "ZTE"}
    assert set(rec["country"]) == {"CN"}
    zte = rec[rec["name"] == "ZTE"]
    assert zte["person_id"].tolist() == ["per:wos:bian luanjian"]
    assert zte["sector"].tolist() == ["firm"]
    assert zte["raw_affiliation"].iloc[0].startswith("ZTE Corp, Algorithm Dept, Shenzhen")
    ev = c.events.set_index("event_id").loc["pub:wos:001395617300004"]
    assert (ev["year"], ev["doi"]) == (2025, "10.1109/JIOT.2024.3468428")
    ids = c.org_ids[c.org_ids.org_id == zte["org_id"].iloc[0]]
    assert set(zip(ids.scheme, ids.value, strict=True)) == {("name", "ZTE Corp"),
                                                            ("wos_enhanced", "ZTE")}


def test_real_plain_spot_checks_against_raw(real_data):
    path = real_data / PLAIN / "metaknowledge_savedrecs.txt"
    c = read_cached(path)
    ev = c.events.set_index("event_id")
    p = c.participations.merge(c.organizations, on="org_id")
    for r in raw_plain_records(path):
        eid = "pub:wos:" + re.sub(r"^(WOS|ISI):", "", r["UT"][0])
        assert ev.loc[eid, "year"] == int(r["PY"][0])
        assert ev.loc[eid, "title"] == " ".join(r["TI"])
        if r.get("C1"):
            first = re.sub(r"^\[[^\]]*\]\s*", "", r["C1"][0])
            assert first.split(",")[0].strip() in set(p.loc[p.event_id == eid, "name"])
    trondheim = p[p.event_id == "pub:wos:A1979GV55600001"]
    assert set(zip(trondheim.name, trondheim.country, trondheim.city, strict=True)) == {
        ("UNIV TRONDHEIM", "NO", "TRONDHEIM"), ("LUFTKRIGSSKOLEN", "NO", "TRONDHEIM MIL")}
    oak = p[p.event_id == "pub:wos:A1977DW70300003"]
    assert ("OAK RIDGE NATL LAB", "US", "research") in set(
        zip(oak.name, oak.country, oak.sector, strict=True))


def test_real_plain_many_authors_links(real_data):
    c = read_cached(real_data / PLAIN / "metaknowledge_ManyAuthors.isi.txt")
    p = c.participations
    linked = p.dropna(subset=["org_id", "person_id"])
    assert len(linked) > 0.3 * len(p)
    # a bracketed record: Levine is at Baylor
    rows = c.participations.merge(c.organizations, on="org_id")
    lev = rows[rows.person_id == "per:wos:levine glenn n"]
    assert "Baylor Coll Med" in set(lev["name"])


def test_same_ut_in_two_files_is_a_duplicate(real_data, tmp_path):
    src = real_data / PLAIN / "metaknowledge_savedrecs.txt"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(src.read_bytes())
    c = nk.ingest.read([src, copy])
    check_accounting(c)
    assert c.accounting["duplicates"].tolist() == [0, 32]
    assert c.n_events == 32


def test_clarivate_header_and_rp_fallback(tmp_path):
    f = tmp_path / "savedrecs.txt"
    f.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\n"
        "PT J\nAU Berg, K\n   Moe, P\nAF Berg, Kari\n   Moe, Per\nTI A title\n   continued\n"
        "RP Berg, K (corresponding author), Nordic Semicond ASA, Trondheim, Norway.\n"
        "PY 2020\nPD MAR 5\nUT WOS:000000000000001\nER\n\nEF\n", "utf-8")
    assert nk.ingest.sniff(f) == "wos"
    c = nk.ingest.read(f)
    check_accounting(c)
    ev = c.events.iloc[0]
    assert (ev["title"], ev["date"], ev["year"]) == ("A title continued", "2020-03-05", 2020)
    p = c.participations.merge(c.organizations, on="org_id", how="left")
    linked = p.dropna(subset=["org_id"])
    assert linked[["person_id", "name", "sector", "country"]].values.tolist() == [
        ["per:wos:berg kari", "Nordic Semicond ASA", "firm", "NO"]]
    assert set(p.person_id) == {"per:wos:berg kari", "per:wos:moe per"}


def test_tab_delimited_utf16_and_no_bom(tmp_path):
    head = ["PT", "AU", "AF", "TI", "C1", "C3", "PY", "DI", "UT"]
    row = ["J", "Berg, K; Moe, P", "Berg, Kari; Moe, Per", "T",
           "[Berg, Kari] Univ Oslo, Dept Informat, Oslo, Norway; [Moe, Per] Equinor ASA, "
           "Stavanger, Norway", "University of Oslo; Equinor", "2021", "10.1/x",
           "WOS:000000000000002"]
    text = "\t".join(head) + "\t\r\n" + "\t".join(row) + "\t\r\n"
    results = []
    for enc, name in (("utf-16", "u16.txt"), ("utf-8", "plain.txt"), ("utf-8-sig", "bom.txt")):
        f = tmp_path / name
        f.write_bytes(text.encode(enc))
        assert nk.ingest.sniff(f) == "wos-tab"
        c = nk.ingest.read(f)
        check_accounting(c)
        p = c.participations.merge(c.organizations, on="org_id")
        results.append(sorted(zip(p.person_id, p.name, p.country, p.sector, strict=True)))
    assert results[0] == results[1] == results[2] == [
        ("per:wos:berg kari", "University of Oslo", "NO", "university"),
        ("per:wos:moe per", "Equinor", "NO", "firm")]


def test_match_enhanced_rejects_unrelated():
    assert match_enhanced("Univ Oslo", ["Oslo University Hospital"]) is None
    assert match_enhanced("Chinese Acad Sci", ["Chinese Academy of Sciences"]) == \
        "Chinese Academy of Sciences"
