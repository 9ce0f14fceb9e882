"""OpenAlex works and institutions: real samples, both schemas, all containers."""

from __future__ import annotations

import gzip
import json

import pytest

import netkit as nk
from netkit.ingest.formats.openalex import OPENALEX_TYPE_SECTOR, openalex_sector
from netkit.ingest.formats.openalex_institutions import read_institutions

WORKS = "openalex-works"
TU9 = "tu9_books_proceedings_2017-2023.openalex-works.json"
BIO = "biodiversity_finance_search.openalex-works.jsonl"
PAGE = "api_page_chunk1.openalex-works-response.json"
INST = "openalex-institutions/institutions_part_000_lines_0001-0400.jsonl"


def check_accounting(corpus) -> None:
    acc = corpus.accounting
    assert (acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]).all()
    assert int(acc["quarantined"].sum()) == len(corpus.quarantine)
    assert int(acc["loaded"].sum()) == corpus.n_events


def raw_works(path):
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    data = json.loads(path.read_text("utf-8"))
    return data["results"] if isinstance(data, dict) else data


@pytest.fixture(scope="module")
def corpora(real_data):
    return {name: nk.ingest.read(real_data / WORKS / name) for name in (TU9, BIO, PAGE)}


@pytest.mark.parametrize(("name", "n_works", "n_with_inst", "years"), [
    (TU9, 410, 410, (2017, 2023)), (BIO, 200, 93, (1977, 2010)), (PAGE, 50, 36, (1988, 2010)),
])
def test_real_counts_from_source_md(corpora, name, n_works, n_with_inst, years):
    c = corpora[name]
    check_accounting(c)
    acc = c.accounting.iloc[0]
    assert acc["format"] == "openalex"
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"]) == (n_works, n_works, 0)
    with_org = c.participations.dropna(subset=["org_id"])["event_id"].nunique()
    assert with_org == n_with_inst
    assert (int(c.events["year"].min()), int(c.events["year"].max())) == years
    assert c.organizations["sector"].notna().all() and c.organizations["sector_source"].notna().all()
    assert set(c.events["kind"]) == {"publication"}


def test_real_spot_checks_against_raw(corpora, real_data):
    for name, c in corpora.items():
        works = raw_works(real_data / WORKS / name)
        orgs = c.organizations.set_index("org_id")
        parts = c.participations
        for w in works[:: max(1, len(works) // 15)]:
            eid = "pub:openalex:" + w["id"].rsplit("/", 1)[-1]
            ev = c.events.set_index("event_id").loc[eid]
            assert ev["year"] == w["publication_year"]
            assert ev["title"] == w["title"]
            want = {i["id"].rsplit("/", 1)[-1] for a in w["authorships"]
                    for i in a["institutions"] if i.get("id")}
            got = {o.removeprefix("org:openalex:")
                   for o in parts.loc[parts.event_id == eid, "org_id"].dropna()
                   if o.startswith("org:openalex:I")}
            assert got == want
            for a in w["authorships"]:
                for i in a["institutions"]:
                    if not i.get("id"):
                        continue
                    row = orgs.loc["org:openalex:" + i["id"].rsplit("/", 1)[-1]]
                    if i.get("country_code"):
                        assert row["country"] == i["country_code"]
                    if i.get("type") in OPENALEX_TYPE_SECTOR:
                        assert row["sector"] == OPENALEX_TYPE_SECTOR[i["type"]]


def test_real_known_record(corpora):
    c = corpora[TU9]
    p = c.participations.merge(c.organizations, on="org_id")
    row = p[p.event_id == "pub:openalex:W4200035428"].iloc[0]
    assert (row["name"], row["country"], row["sector"]) == (
        "Technical University of Berlin", "DE", "university")
    assert row["person_id"] == "per:openalex:A4202611140"
    assert row["raw_affiliation"] == "Technische Universität BerlinGermany"
    ids = c.org_ids[c.org_ids.org_id == "org:openalex:I4577782"]
    assert set(zip(ids.scheme, ids.value, strict=True)) == {
        ("openalex", "I4577782"), ("ror", "03v4gjf40")}
    assert c.events.set_index("event_id").loc["pub:openalex:W4200035428", "doi"] == "10.1142/10552"


def test_null_type_uses_name_rules(corpora):
    orgs = corpora[TU9].organizations
    by_name = orgs[orgs.sector_source.str.startswith("name:")]
    assert len(by_name) > 0
    assert set(orgs.sector_source.str.split(":").str[0]) <= {"openalex", "name"}


def test_two_containers_same_works_same_graph(real_data, tmp_path):
    """44 works of the API page also occur in the JSONL file: loaded once, counted as
    duplicates; and the page's works written as JSON Lines give the same rows."""
    both = nk.ingest.read([real_data / WORKS / PAGE, real_data / WORKS / BIO])
    check_accounting(both)
    assert both.accounting["duplicates"].tolist() == [0, 44]
    assert both.n_events == 50 + 200 - 44
    page = nk.ingest.read(real_data / WORKS / PAGE)
    as_lines = tmp_path / "page.jsonl"
    as_lines.write_text("".join(json.dumps(w) + "\n"
                                for w in raw_works(real_data / WORKS / PAGE)), "utf-8")
    assert _rows(page) == _rows(nk.ingest.read(as_lines))


def test_institutions_registry(real_data):
    df = read_institutions(real_data / INST)
    assert len(df) == 400 and df["org_id"].is_unique
    assert df["type"].value_counts().to_dict() == {
        "company": 181, "education": 54, "nonprofit": 47, "healthcare": 42, "other": 32,
        "government": 18, "facility": 17, "archive": 9}
    assert df["country"].nunique() == 58
    assert (df["sector"] == df["type"].map(OPENALEX_TYPE_SECTOR)).all()
    first = json.loads((real_data / INST).read_text("utf-8").splitlines()[0])
    row = df.set_index("openalex_id").loc[first["id"].rsplit("/", 1)[-1]]
    assert row["ror"] == first["ror"].rsplit("/", 1)[-1]
    assert row["city"] == first["geo"]["city"]
    assert row["lat"] == pytest.approx(first["geo"]["latitude"])
    # parent links: every associated 'parent' is among the parents
    by_id = df.set_index("openalex_id")["parents"].to_dict()
    for line in (real_data / INST).read_text("utf-8").splitlines():
        inst = json.loads(line)
        parents = {a["id"].rsplit("/", 1)[-1] for a in inst["associated_institutions"]
                   if a["relationship"] == "parent"}
        assert parents <= set(by_id[inst["id"].rsplit("/", 1)[-1]])


def test_institution_aliases_include_names_in_other_languages(real_data):
    df = read_institutions(real_data / INST).set_index("openalex_id")
    lines = (real_data / INST).read_text("utf-8").splitlines()
    with_translations = 0
    for inst in map(json.loads, lines):
        aliases = df.at[inst["id"].rsplit("/", 1)[-1], "aliases"]
        expected = {*inst["display_name_alternatives"], *inst["display_name_acronyms"],
                    *inst["international"]["display_name"].values()} - {inst["display_name"]}
        assert set(aliases) == expected and len(aliases) == len(expected)
        with_translations += bool(set(inst["international"]["display_name"].values())
                                  - {inst["display_name"]})
    assert with_translations > 10
    assert "全球家族公益協會理事會" in df.at["I2799394588", "aliases"]  # Synergos Institute


def test_institutions_as_format_enrich_works(real_data, tmp_path):
    inst = json.loads((real_data / INST).read_text("utf-8").splitlines()[0])
    work = {"id": "https://openalex.org/W1", "publication_year": 2020, "authorships": [
        {"author": {"id": "https://openalex.org/A1", "display_name": "A"},
         "institutions": [{"id": inst["id"], "display_name": inst["display_name"], "type": None}]}]}
    (tmp_path / "a_works.jsonl").write_text(json.dumps(work) + "\n")
    c = nk.ingest.read([tmp_path / "a_works.jsonl", real_data / INST])
    acc = c.accounting
    assert (acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]).all()
    assert c.accounting["format"].tolist() == ["openalex", "openalex-institutions"]
    assert c.n_events == 1 and c.n_organizations == 400
    row = c.organizations.set_index("org_id").loc["org:openalex:" + inst["id"].rsplit("/", 1)[-1]]
    assert row["city"] == inst["geo"]["city"]
    assert row["sector"] == OPENALEX_TYPE_SECTOR[inst["type"]]


# -- small fixtures ---------------------------------------------------------------------

OLD = {"id": "https://openalex.org/W10", "publication_year": 2019, "title": "Old",
       "publication_date": "2019-05-01", "doi": "https://doi.org/10.1/x", "host_venue": {},
       "authorships": [{"author": {"id": "https://openalex.org/A1", "display_name": "Ada",
                                   "orcid": "https://orcid.org/0000-0002-1825-0097"},
                        "institutions": [{"id": "https://openalex.org/I1", "display_name":
                                          "Acme GmbH", "ror": None, "country_code": "DE",
                                          "type": "company"}],
                        "raw_affiliation_string": "Acme GmbH, Berlin"}]}
NEW = {"id": "https://openalex.org/W11", "publication_year": 2024, "title": "New\u2028line",
       "primary_location": {},
       "authorships": [{"author": {"id": "https://openalex.org/A2", "display_name": "Bo"},
                        "institutions": [
                            {"id": "https://openalex.org/I2", "display_name": "Univ Y",
                             "ror": "https://ror.org/0y", "country_code": "NO",
                             "type": "education", "lineage": ["https://openalex.org/I2"]},
                            {"id": "https://openalex.org/I1", "display_name": "Acme GmbH",
                             "type": "company", "country_code": "DE"}],
                        "raw_affiliation_strings": ["Dept Z, Univ Y, Oslo", "Acme GmbH, Berlin"],
                        "affiliations": [
                            {"raw_affiliation_string": "Dept Z, Univ Y, Oslo",
                             "institution_ids": ["https://openalex.org/I2"]},
                            {"raw_affiliation_string": "Acme GmbH, Berlin",
                             "institution_ids": ["https://openalex.org/I1"]}]},
                       {"author": {"id": None, "display_name": "Cy"}, "institutions": [],
                        "raw_affiliation_strings": ["Somewhere"]}]}


def _rows(c):
    p = c.participations.astype(object).where(c.participations.notna(), None)
    return sorted(zip(p.event_id, p.org_id, p.person_id, p.raw_affiliation, strict=True),
                  key=repr)


def test_both_schemas_and_raw_affiliations(tmp_path):
    f = tmp_path / "w.jsonl"
    f.write_text(json.dumps(OLD) + "\n" + json.dumps(NEW, ensure_ascii=False) + "\n", "utf-8")
    c = nk.ingest.read(f)
    check_accounting(c)
    assert c.n_events == 2 and c.accounting["quarantined"].tolist() == [0]
    assert _rows(c) == sorted([
        ("pub:openalex:W10", "org:openalex:I1", "per:openalex:A1", "Acme GmbH, Berlin"),
        ("pub:openalex:W11", "org:openalex:I2", "per:openalex:A2", "Dept Z, Univ Y, Oslo"),
        ("pub:openalex:W11", "org:openalex:I1", "per:openalex:A2", "Acme GmbH, Berlin"),
        ("pub:openalex:W11", None, "per:openalex:W11:2", "Somewhere"),
    ], key=repr)
    ev = c.events.set_index("event_id")
    assert ev.loc["pub:openalex:W11", "title"] == "New\u2028line"
    assert ev.loc["pub:openalex:W10", "date"] == "2019-05-01"
    assert c.people.set_index("person_id").loc["per:openalex:A1", "orcid"] == "0000-0002-1825-0097"
    assert c.organizations.set_index("org_id").loc["org:openalex:I1", "sector"] == "firm"


@pytest.mark.parametrize("container", ["jsonl", "jsonl.gz", "array", "array-pretty", "page",
                                       "page-pretty"])
def test_containers_give_the_same_corpus(tmp_path, container):
    works = [OLD, NEW]
    if container.startswith("jsonl"):
        text = "".join(json.dumps(w) + "\n" for w in works)
    elif container.startswith("array"):
        text = json.dumps(works, indent=2 if "pretty" in container else None)
    else:
        text = json.dumps({"meta": {"count": 2, "page": 1}, "results": works,
                           "group_by": []}, indent=2 if "pretty" in container else None)
    f = tmp_path / f"w.{container.split('-')[0]}"
    if container.endswith(".gz"):
        with gzip.open(f, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        f.write_text(text, "utf-8")
    assert nk.ingest.sniff(f) == "openalex"
    c = nk.ingest.read(f)
    check_accounting(c)
    ref = tmp_path / "ref.jsonl"
    ref.write_text("".join(json.dumps(w) + "\n" for w in works), "utf-8")
    assert _rows(c) == _rows(nk.ingest.read(ref))


def test_array_is_streamed_with_small_chunks(tmp_path, monkeypatch):
    """The incremental parser gives the same works whatever the read size."""
    from netkit.ingest.formats import openalex as mod

    works = [dict(OLD, id=f"https://openalex.org/W{i}") for i in range(1, 40)]
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"meta": {"n": 39}, "results": works}, indent=1), "utf-8")
    orig = mod._Stream.__init__
    monkeypatch.setattr(mod._Stream, "__init__",
                        lambda self, fh, chunk=7: orig(self, fh, chunk))
    c = nk.ingest.read(f)
    assert c.n_events == 39
    # the line of each work is its first line in the file
    assert c.events["origin"].iloc[0].endswith("#1")


def test_openalex_sector_map():
    assert openalex_sector("healthcare", "X")[0] == "health"
    assert openalex_sector(None, "University of Oslo") == ("university", "name:university")


# -- robustness: any JSON value in any field gives a loaded or a quarantined work -------

def _paths(obj, prefix=()):
    if prefix:
        yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))



def _json_values():
    from hypothesis import strategies as st

    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
        | st.text(max_size=5),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
        max_leaves=5)


def test_any_value_in_any_field_never_crashes():
    import copy

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from netkit.ingest.builder import CorpusBuilder
    from netkit.ingest.formats.openalex import _load_work
    from netkit.ingest.registry import ReadContext
    from netkit.model import Ledger

    fields = list(_paths(NEW))

    @settings(max_examples=100, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(fields), _json_values())
    def check(path, value):
        work = copy.deepcopy(NEW)
        target = work
        for k in path[:-1]:
            target = target[k]
        target[path[-1]] = value
        builder, ledger = CorpusBuilder(), Ledger("f.jsonl", "openalex")
        ledger.seen()
        _load_work(work, ReadContext(builder, ledger), 1, "f.jsonl:1", None)
        assert ledger.records_seen == 1
        # every value the tables will hold has the canonical type
        tables = (builder._org_rows, builder._people_rows, builder._event_rows,
                  builder._part_rows)
        for table in tables:  # rows added one at a time: the open chunk of each table
            for key, values in table.open.items():
                for v in values:
                    if key == "year":
                        assert v is None or type(v) is int
                    elif key not in ("lat", "lon", "amount", "founded_year", "share"):
                        assert v is None or isinstance(v, str), (key, v)

    check()
    builder, ledger = CorpusBuilder(), Ledger("f.jsonl", "openalex")
    ledger.seen()
    _load_work(NEW, ReadContext(builder, ledger), 1, "f.jsonl:1", None)
    assert builder.to_corpus([ledger]).n_events == 1


def test_institution_fields_of_the_wrong_type_are_quarantined(real_data, tmp_path):
    lines = (real_data / INST).read_text("utf-8").splitlines()[:3]
    bad = [json.loads(line) for line in lines]
    bad[0]["country_code"] = 7
    bad[1]["type"] = ["company"]
    del bad[2]["id"]
    f = tmp_path / "inst.jsonl"
    f.write_text("".join(json.dumps(b) + "\n" for b in bad) + lines[0] + "\n" + "{oops\n")
    c = nk.ingest.read(f, format="openalex-institutions")
    acc = c.accounting.iloc[0]
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"]) == (5, 1, 4)
    assert c.quarantine["line"].tolist() == [1, 2, 3, 5]
    assert read_institutions(f)["openalex_id"].tolist() == [
        json.loads(lines[0])["id"].rsplit("/", 1)[-1]]
