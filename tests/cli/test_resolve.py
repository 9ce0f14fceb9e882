"""``netkit resolve CORPUS_DIR --out DIR``."""

from __future__ import annotations

import pandas as pd

import netkit as nk
from netkit.cli import main


def _raw_corpus(tmp_path):
    c = nk.Corpus(
        organizations={"org_id": ["o:1", "o:2", "o:3", "o:4"],
                       "name": ["UNIV CALIF IRVINE", "University of California, Irvine",
                                "UC Irvine", "Institute of Technology Sligo"],
                       "sector": ["university", "university", "unknown", "research"]},
        events={"event_id": ["pub:x:1", "pub:x:2"], "kind": ["publication"] * 2,
                "source": ["wos", "openalex"]},
        participations={"event_id": ["pub:x:1", "pub:x:2", "pub:x:2", "pub:x:1"],
                        "org_id": ["o:1", "o:2", "o:3", "o:4"], "role": ["author"] * 4})
    return c.save(tmp_path / "in")


def test_cli_writes_corpus_audit_and_review(tmp_path, capsys):
    src = _raw_corpus(tmp_path)
    thesaurus = tmp_path / "thesaurus.txt"
    thesaurus.write_text("label\treplace by\nUC Irvine\tUniversity of California, Irvine\n")
    out = tmp_path / "out"
    assert main(["resolve", str(src), "--out", str(out), "--thesaurus", str(thesaurus),
                 "--threshold", "92"]) == 0
    printed = capsys.readouterr().out
    assert "4 raw organisations -> 2 resolved organisations" in printed
    resolved = nk.model.load(out)
    assert resolved.n_organizations == 2
    audit = pd.read_csv(out / "audit.csv", keep_default_na=False)
    assert len(audit) == 4
    assert set(audit["method"]) == {"exact", "override", "none"}
    assert set(audit.loc[audit["raw_org_id"] == "o:1", "source"]) == {"wos"}
    review = pd.read_csv(out / "review.csv")
    assert list(review.columns) == ["name_a", "name_b", "raw_org_id_a", "raw_org_id_b",
                                    "org_id_a", "org_id_b", "score", "reason"]


def test_cli_same_bytes_twice(tmp_path):
    src = _raw_corpus(tmp_path)
    main(["resolve", str(src), "--out", str(tmp_path / "a")])
    main(["resolve", str(src), "--out", str(tmp_path / "b")])
    for name in ("audit.csv", "review.csv", "organizations.parquet", "participations.parquet"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_cli_errors_are_one_line(tmp_path, capsys):
    assert main(["resolve", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("netkit resolve: error:") and "manifest.json" in err
    src = _raw_corpus(tmp_path)
    bad = tmp_path / "o.csv"
    bad.write_text("canonical_id\nx\n")
    assert main(["resolve", str(src), "--out", str(tmp_path / "o"), "--overrides", str(bad)]) == 2
    assert "need column" in capsys.readouterr().err


def test_cli_registry_and_overrides(tmp_path, capsys):
    import json

    src = _raw_corpus(tmp_path)
    inst = {"id": "https://openalex.org/I204250578", "display_name": "University of California, "
            "Irvine", "type": "education", "ror": "https://ror.org/04gyf1771",
            "country_code": "US", "geo": {"city": "Irvine", "country_code": "US"},
            "works_count": 1, "associated_institutions": [], "lineage": []}
    reg = tmp_path / "inst.jsonl"
    reg.write_text(json.dumps(inst) + "\n", encoding="utf-8")
    ov = tmp_path / "o.csv"
    ov.write_text("match,canonical_id,sector\nInstitute of Technology Sligo,org:itsligo,university\n")
    out = tmp_path / "out"
    assert main(["resolve", str(src), "--out", str(out), "--registry", str(reg),
                 "--overrides", str(ov)]) == 0
    capsys.readouterr()
    orgs = nk.model.load(out).organizations.set_index("org_id")
    assert orgs.loc["org:itsligo", "sector"] == "university"
    uci = orgs.drop(index="org:itsligo").iloc[0]
    assert uci["city"] == "Irvine" and uci["sector_source"].startswith("registry:")
    audit = pd.read_csv(out / "audit.csv", keep_default_na=False).set_index("raw_org_id")
    assert audit.loc["o:4", "method"] == "override"
    assert "registry" in set(audit["method"])
