"""Person resolution: name formats, identifiers first, conservative name links, one move."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import netkit as nk
from netkit.errors import ParameterError
from netkit.metrics.mobility import mobility_moves, move_evidence
from netkit.resolve.people import resolve_people
from netkit.resolve.people_names import compatible_given, parse_name, parse_names


@pytest.mark.parametrize(("raw", "expected"), [
    ("Smith, John", ("smith", "john", "j")),            # WoS AF, Scopus full, USPTO
    ("Smith, J", ("smith", "", "j")),                   # WoS AU
    ("SMITH J", ("smith", "", "j")),                    # upper case, initials after
    ("Smith J.M.", ("smith", "", "jm")),                # Scopus short
    ("Smith, JM", ("smith", "", "jm")),                 # WoS AU, initials run together
    ("John Smith", ("smith", "john", "j")),             # OpenAlex display name
    ("SMITH, JOHN MICHAEL", ("smith", "john", "jm")),   # USPTO upper case
    ("Smith, John (57200000001)", ("smith", "john", "j")),  # Scopus full name with id
    ("Anna van der Berg", ("berg", "anna", "a")),       # particles belong to the surname
    ("van der Berg, A.", ("berg", "", "a")),
    ("Berg, Anna", ("berg", "anna", "a")),
    ("Gabriel García Márquez", ("marquez", "gabriel", "gg")),   # compound: last part
    ("Garcia-Marquez, G", ("marquez", "", "g")),
    ("Müller, Jürgen", ("muller", "jurgen", "j")),      # accents and transliterations
    ("Mueller, Juergen", ("muller", "jurgen", "j")),
    ("Ødegård, Øystein", ("odegard", "oystein", "o")),
    ("Odegard, O.", ("odegard", "", "o")),
    ("Aaberg, K", ("aberg", "", "k")), ("Åberg, Kari", ("aberg", "kari", "k")),
    ("Jean-Pierre Dubois", ("dubois", "jean", "jp")),
    ("Dubois J.-P.", ("dubois", "", "jp")),
    ("Smith, John, Jr.", ("smith", "john", "j")),
])
def test_parse_name_formats(raw, expected):
    assert parse_name(raw)[:3] == expected


def test_hyphenated_given_names_keep_both_initials():
    # "Jean-Pierre" and WoS's "J-P" both give the initials "jp"
    assert parse_name("Dubois, Jean-Pierre")[2] == parse_name("Dubois, J-P")[2] == "jp"


def test_name_order_from_the_corpus():
    # Hungarian and Chinese names written surname first without a comma are read so
    # when the corpus spells them with a comma elsewhere
    names = pd.Series(["Nagy, János", "Nagy János", "János Nagy", "Wang, Wei", "Wang Wei",
                       "Kiss Anna"])
    out = parse_names(names)
    assert out["block"].tolist()[:5] == ["nagy|j"] * 3 + ["wang|w"] * 2
    assert out["swapped"].tolist() == [False, True, False, False, True, False]
    assert out.loc[5, "block"] == "anna|k"  # no evidence: given name first
    assert parse_name("王伟")[0] == "王"


def test_compatible_given_names():
    got = compatible_given(["john", "", "john", "", "alex", "maria"],
                           ["jm", "j", "j", "jm", "a", "m"],
                           ["", "", "james", "", "alexander", "mari"],
                           ["j", "jk", "j", "jk", "a", "m"])
    assert got.tolist() == [True, True, False, False, True, True]


def _corpus(rows, orgs=None, people=None):
    """rows: (event, year, person, name, org, orcid)."""
    df = pd.DataFrame(rows, columns=["event_id", "year", "person_id", "name", "org_id", "orcid"])
    org_names = orgs or {o: o for o in df["org_id"].dropna().unique()}
    organizations = pd.DataFrame({"org_id": list(org_names), "name": list(org_names.values()),
                                  "sector": "university"})
    ppl = df.drop_duplicates("person_id")[["person_id", "name", "orcid"]]
    ev = df.drop_duplicates("event_id")[["event_id", "year"]].assign(kind="publication")
    ev["source"] = ev["event_id"].str.split(":").str[1]
    part = df[["event_id", "org_id", "person_id"]].assign(role="author")
    return nk.Corpus(organizations=organizations, people=ppl, events=ev, participations=part)


def test_orcid_and_source_ids_come_first():
    c = _corpus([
        ("pub:openalex:1", 2015, "per:openalex:A1", "Kari Berg", "o:u", "0000-0001-0000-0001"),
        ("pub:wos:2", 2016, "per:wos:berg k:0000-0001-0000-0001", "Berg, K", "o:f",
         "0000-0001-0000-0001"),
        # same name, same organisation, same time, another ORCID: another person
        ("pub:openalex:3", 2015, "per:openalex:A2", "Kari Berg", "o:u", "0000-0002-0000-0002"),
        ("pub:scopus:4", 2016, "per:scopus:555", "Berg, Kari", "o:u", None),
    ])
    res = resolve_people(c)
    pid = res.mentions.set_index("raw_person_id")["person_id"]
    assert pid["per:openalex:A1"] == pid["per:wos:berg k:0000-0001-0000-0001"] \
        == "per:orcid:0000-0001-0000-0001"
    assert pid["per:openalex:A2"] == "per:orcid:0000-0002-0000-0002"
    # the Scopus Kari Berg at o:u could be either: left apart
    assert pid["per:scopus:555"] not in (pid["per:openalex:A1"], pid["per:openalex:A2"])
    assert res.corpus.n_people == 3
    ids = res.corpus.person_ids
    assert {("per:orcid:0000-0001-0000-0001", "openalex", "A1"),
            ("per:orcid:0000-0001-0000-0001", "orcid", "0000-0001-0000-0001")} <= \
        set(map(tuple, ids[["person_id", "scheme", "value"]].to_numpy()))
    audit = res.audit.set_index("raw_person_id")
    assert audit.loc["per:openalex:A1", "method"] == "orcid"
    assert audit.loc["per:scopus:555", "method"] == "identifier"
    assert list(res.audit.columns) == ["raw_person_id", "raw_name", "source", "person_id",
                                       "name", "method", "evidence", "mentions"]


def test_common_name_at_different_organisations_at_the_same_time_stays_apart():
    # a WoS name key is shared by everyone so named: split per mention, linked by context
    rows = [(f"pub:wos:{i}", 2015 + i % 2, "per:wos:wang y", "Wang, Y", org, None)
            for i, org in enumerate(["o:a", "o:b", "o:a", "o:b", "o:c"])]
    res = resolve_people(_corpus(rows))
    pid = res.mentions.set_index("event_id")["person_id"]
    assert pid["pub:wos:0"] == pid["pub:wos:2"]  # same organisation, same years
    assert pid["pub:wos:1"] == pid["pub:wos:3"]
    assert len({pid["pub:wos:0"], pid["pub:wos:1"], pid["pub:wos:4"]}) == 3
    assert res.corpus.n_people == 3
    assert mobility_moves(res.corpus).empty  # no move rests on the name alone


def test_two_people_on_one_paper_stay_two():
    rows = [("pub:wos:1", 2015, "per:wos:li w", "Li, W", "o:a", None),
            ("pub:wos:1", 2015, "per:wos:li wei", "Li, Wei", "o:a", None),
            ("pub:wos:2", 2016, "per:wos:li wei", "Li, Wei", "o:a", None)]
    res = resolve_people(_corpus(rows))
    pid = res.mentions.set_index(["event_id", "raw_person_id"])["person_id"]
    assert pid[("pub:wos:1", "per:wos:li w")] != pid[("pub:wos:1", "per:wos:li wei")]


def test_person_with_two_spellings_across_wos_and_openalex_moves_once():
    """A researcher spelled "Berg, K.A." / "BERG, KARI ANNE" in Web of Science and "Kari
    Anne Berg" in OpenAlex, at a university spelled two ways, then at a firm: one person,
    exactly one move (university → firm)."""
    orgs = {"org:wos:univ": "UNIV NORDHAVN", "org:openalex:I1": "University of Nordhavn",
            "org:wos:firm": "HALVORSEN PHARMA AS", "org:openalex:I2": "Halvorsen Pharma AS"}
    rows = [
        ("pub:wos:1", 2014, "per:wos:berg ka", "Berg, K.A.", "org:wos:univ", None),
        ("pub:openalex:2", 2015, "per:openalex:A7", "Kari Anne Berg", "org:openalex:I1", None),
        ("pub:wos:3", 2016, "per:wos:berg kari anne", "BERG, KARI ANNE", "org:wos:univ", None),
        ("pub:openalex:4", 2019, "per:openalex:A7", "Kari Anne Berg", "org:openalex:I2", None),
        ("pub:wos:5", 2020, "per:wos:berg kari anne", "Berg, Kari Anne", "org:wos:firm", None),
        # a colleague, to give the events co-authors
        ("pub:wos:1", 2014, "per:wos:moe p", "Moe, P", "org:wos:univ", None),
    ]
    c = _corpus(rows, orgs)
    c = nk.Corpus(organizations=c.organizations.assign(
                      sector=["university", "university", "firm", "firm"]),
                  people=c.people, events=c.events, participations=c.participations)
    res = nk.resolve(c, people=True)
    assert res.corpus.n_organizations == 2
    berg = res.people.mentions[res.people.mentions["raw_person_id"].str.contains("berg")]
    assert berg["person_id"].nunique() == 1
    moves = mobility_moves(res.corpus)
    assert len(moves) == 1
    move = moves.iloc[0]
    assert (move["from_sector"], move["to_sector"], move["from_year"], move["year"]) == \
        ("university", "firm", 2016, 2019)
    # the move falls between a WoS paper (2016, held by name and organisation) and an
    # OpenAlex one; the OpenAlex author's own events show it too (2015 → 2019)
    assert move["evidence"] == "name+context"
    by_id = mobility_moves(res.corpus, evidence="identifier")
    assert by_id[["from_year", "year", "to_sector"]].values.tolist() == [[2015, 2019, "firm"]]
    # without the organisation resolution the two spellings would move four times
    raw = resolve_people(c)
    assert len(mobility_moves(raw.corpus)) > 1


def test_move_evidence_and_restriction():
    rows = [
        ("pub:openalex:1", 2014, "per:openalex:A1", "Ida Holm", "o:u", None),
        ("pub:openalex:2", 2018, "per:openalex:A1", "Ida Holm", "o:f", None),
        ("pub:wos:3", 2015, "per:wos:holm ida", "Holm, Ida", "o:u", None),
        ("pub:wos:4", 2019, "per:wos:holm ida", "Holm, Ida", "o:g", None),
    ]
    res = resolve_people(_corpus(rows), rare_names=False)
    moves = mobility_moves(res.corpus)
    # the WoS mention at o:u joins A1 (shared organisation); the one at o:g has no evidence
    assert move_evidence(moves).to_dict() == {"identifier": 0, "name+context": 1, "name": 0,
                                              "as given": 0}
    # A1's own events show the move (2014 → 2018), held by one identifier on both ends
    by_id = mobility_moves(res.corpus, evidence="identifier")
    assert by_id[["from_org", "to_org", "from_year", "year"]].values.tolist() == \
        [["o:u", "o:f", 2014, 2018]]
    with pytest.raises(ParameterError):
        mobility_moves(res.corpus, evidence="hunch")
    linked = resolve_people(_corpus(rows))  # rare full name, careers in sequence
    assert "name" in set(linked.corpus.person_ids["value"])
    assert linked.corpus.n_people < res.corpus.n_people


def test_use_ids_false_links_by_names_only():
    rows = [("pub:openalex:1", 2015, "per:openalex:A1", "Kari Berg", "o:u", "0000-0001-0000-0001"),
            ("pub:openalex:2", 2016, "per:openalex:A1", "Kari Berg", "o:u", "0000-0001-0000-0001")]
    res = resolve_people(_corpus(rows), use_ids=False)
    assert set(res.mentions["method"]) == {"name+org"}
    assert res.corpus.n_people == 1
    assert res.mentions["identity"].isna().all()


def test_saved_and_loaded(tmp_path):
    corpus, _ = nk.datasets.synthetic_ecosystem(seed=1, size="tiny")
    res = resolve_people(corpus)
    back = nk.model.load(res.corpus.save(tmp_path / "c"))
    assert back.equals(res.corpus)
    assert len(back.person_ids) and back.participations["identity"].notna().any()


def test_parameters_and_empty_corpus():
    c = _corpus([("pub:x:1", 2015, "per:x:a", "A B", "o:u", None)])
    with pytest.raises(ParameterError):
        resolve_people(c, max_gap=-1)
    with pytest.raises(ParameterError):
        resolve_people(c, max_team=1)
    empty = nk.Corpus(events={"event_id": ["e"], "kind": ["patent"]})
    assert resolve_people(empty).corpus.n_people == 0


def test_person_ids_must_point_at_people():
    with pytest.raises(nk.errors.SchemaError, match=r"person_ids\.person_id"):
        nk.Corpus(person_ids={"person_id": ["p9"], "scheme": ["orcid"], "value": ["x"]})


def test_deterministic(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    a, b = resolve_people(corpus), resolve_people(corpus)
    assert a.corpus.equals(b.corpus) and a.audit.equals(b.audit)
    assert np.array_equal(a.mentions["person_id"], b.mentions["person_id"])


def test_corpus_saved_without_person_ids_still_loads(tmp_path, tiny_ecosystem):
    import json

    d = tiny_ecosystem[0].save(tmp_path / "c")
    manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    del manifest["tables"]["person_ids"]  # as an earlier netkit wrote it
    (d / "person_ids.parquet").unlink()
    (d / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    back = nk.model.load(d)
    assert back.person_ids.empty and back.n_people == tiny_ecosystem[0].n_people


def test_wos_researcher_ids_and_orcids_hold_people(tmp_path):
    """RI (ResearcherID) and OI (ORCID) of Web of Science records are read into
    ``person_ids``; a ResearcherID keeps a person together across spellings and
    employers, and two ResearcherIDs are two people even with one name at one place."""
    def rec(ut, year, af, au, ri, c1, oi=""):
        return (f"PT J\nAU {au}\nAF {af}\nTI T{ut}\nC1 [{af}] {c1}\n"
                + (f"RI {ri}\n" if ri else "") + (f"OI {oi}\n" if oi else "")
                + f"PY {year}\nUT WOS:{ut:015d}\nER\n\n")
    text = ("FN Thomson Reuters Web of Science\nVR 1.0\n"
            + rec(1, 2015, "Berg, Kari", "Berg, K", "Berg, Kari/A-1234-2008",
                  "Univ Nordhavn, Dept Chem, Oslo, Norway.")
            + rec(2, 2019, "Berg, K.", "Berg, K", "Berg, K./A-1234-2008",
                  "Halvorsen Pharma AS, Bergen, Norway.")
            + rec(3, 2016, "Berg, Kari", "Berg, K", "Berg, Kari/B-9999-2010",
                  "Univ Nordhavn, Dept Chem, Oslo, Norway.")
            + rec(4, 2017, "Moe, Per", "Moe, P", "", "Univ Nordhavn, Oslo, Norway.",
                  oi="Moe, Per/0000-0002-1825-0097")
            + "EF\n")
    path = tmp_path / "savedrecs.txt"
    path.write_text(text, encoding="utf-8")
    raw = nk.ingest.read(path)
    got = raw.person_ids[["scheme", "value"]].values.tolist()
    assert sorted(got) == [["orcid", "0000-0002-1825-0097"], ["researcherid", "A-1234-2008"],
                           ["researcherid", "A-1234-2008"], ["researcherid", "B-9999-2010"]]
    res = resolve_people(raw)
    m = res.mentions.set_index("event_id")
    assert m.loc["pub:wos:000000000000001", "person_id"] == \
        m.loc["pub:wos:000000000000002", "person_id"] == "per:researcherid:A-1234-2008"
    assert m.loc["pub:wos:000000000000003", "person_id"] == "per:researcherid:B-9999-2010"
    assert set(m["method"]) == {"identifier", "orcid"}
    ids = res.corpus.person_ids
    assert ids[(ids["scheme"] == "researcherid")]["person_id"].nunique() == 2
    assert ids[(ids["scheme"] == "orcid")]["value"].tolist() == ["0000-0002-1825-0097"]
    moves = mobility_moves(res.corpus)
    assert len(moves) == 1 and move_evidence(moves).to_dict()["identifier"] == 1
    # ids hidden: the two Kari Bergs at one university meet by name, the firm's K. Berg
    # stays apart (no move from a name alone)
    hid = resolve_people(raw, use_ids=False).mentions.set_index("event_id")["person_id"]
    assert hid["pub:wos:000000000000001"] == hid["pub:wos:000000000000003"] != \
        hid["pub:wos:000000000000002"]


def test_wos_researcher_ids_of_the_real_exports(real_data):
    for path in (real_data / "wos-tabdelimited").glob("*.txt"):
        c = nk.ingest.read(path)
        rid = c.person_ids[c.person_ids["scheme"] == "researcherid"]
        assert len(rid) > 100 and rid["value"].str.fullmatch(r"[A-Z]{1,3}-\d{4}-\d{4}").all()
        assert rid["person_id"].isin(c.people["person_id"]).all()
        break


def test_dynamics_states_how_people_were_identified(tmp_path, capsys):
    """``netkit dynamics`` says how people were identified and how many moves rest on a
    name alone; the report's mobility section gives the shares by method."""
    from netkit.cli import main
    from netkit.report.sections import _people_identified

    rows = [  # an ORCID mover, and a rare full name that moves by name alone
        ("pub:openalex:1", 2014, "per:openalex:A1", "Kari Berg", "o:u", "0000-0001-0000-0001"),
        ("pub:openalex:2", 2018, "per:openalex:A1", "Kari Berg", "o:f", "0000-0001-0000-0001"),
        ("pub:wos:3", 2015, "per:wos:solberg ivar", "Solberg, Ivar", "o:u", None),
        ("pub:wos:4", 2019, "per:wos:solberg ivar", "Solberg, Ivar", "o:f", None),
        ("pub:openalex:4", 2020, "per:openalex:A2", "Ivar Solberg", "o:f", None),
    ]
    c = _corpus(rows)
    res = nk.resolve(c, people=True)
    folder = tmp_path / "corpus"
    res.corpus.save(folder)
    assert main(["dynamics", str(folder), "--out", str(tmp_path / "dyn")]) == 0
    note = [line for line in capsys.readouterr().out.splitlines() if line.startswith("people:")]
    by = move_evidence(mobility_moves(res.corpus))
    assert by["identifier"] == 1 and by["name"] == 1
    assert note == [f"people: {res.corpus.n_people} resolved, 60% of mentions held by an "
                    "identifier; moves: 1 backed by an identifier, 0 by name and context, "
                    "1 by name alone"]
    ctx = type("Ctx", (), {"resolution": res})()
    text = _people_identified(ctx)
    assert text.endswith("by method: orcid 40%, identifier 20%, name+org 20%, name 20%.")


def test_names_in_other_scripts_are_romanised():
    assert parse_name("Иванов, Сергей")[:3] == parse_name("Ivanov, Sergei")[:3] == \
        ("ivanov", "sergei", "s")
    assert parse_name("Παπαδόπουλος, Γιώργος")[0] == "papadopoylos"
    assert parse_names(pd.Series(["Иванов, С.", "Ivanov, Sergei"]))["block"].tolist() == \
        ["ivanov|s", "ivanov|s"]


def test_topic_links_full_names_that_share_rare_title_words():
    # Kari Berg on two papers at two organisations, no co-author in common: the titles'
    # rare words (here: in at most a tenth of the 45 events) are the only context
    rows = [("pub:wos:1", 2015, "per:wos:berg kari 1", "Berg, Kari", "o:u", None),
            ("pub:wos:2", 2018, "per:wos:berg kari 2", "Berg, Kari", "o:f", None),
            ("pub:wos:3", 2016, "per:wos:berg k", "Berg, K", "o:g", None),
            ("pub:wos:4", 2040, "per:wos:berg kari 4", "Berg, Kari", "o:h", None),
            ("pub:wos:5", 2017, "per:wos:berg kari 5", "Berg, Kari", "o:i", None)]
    rows += [(f"pub:wos:{k}", 2015, f"per:wos:x{k}", f"Moe, P{k}", "o:x", None)
             for k in range(10, 50)]
    c = _corpus(rows)
    titles = {"pub:wos:1": "Permafrost thaw and methane seepage",
              "pub:wos:2": "Methane seepage from thawing permafrost",
              "pub:wos:3": "Permafrost methane seepage",  # initials only: not enough
              "pub:wos:4": "Methane seepage in permafrost",  # 25 years later
              "pub:wos:5": "Permafrost studies"}  # "permafrost" is in five events: not rare
    tables = c.tables()
    tables["events"] = c.events.assign(title=c.events["event_id"].map(titles)
                                       .fillna("Common words about results"))
    c = nk.Corpus(**tables)
    # (without the rare-name rule, which would join every Kari Berg here)
    res = resolve_people(c, rare_names=False, max_topic_share=0.1)
    pid = res.mentions.set_index("event_id")["person_id"]
    assert pid["pub:wos:1"] == pid["pub:wos:2"]
    assert len({pid["pub:wos:1"], pid["pub:wos:3"], pid["pub:wos:4"], pid["pub:wos:5"]}) == 4
    audit = res.audit.set_index("raw_person_id")
    assert audit.loc["per:wos:berg kari 2", "method"] == "name+topic"
    assert "rare title words" in audit.loc["per:wos:berg kari 2", "evidence"]
    moves = mobility_moves(res.corpus)
    assert len(moves) == 1 and moves["evidence"].tolist() == ["name+context"]
    off = resolve_people(c, rare_names=False, max_topic_share=0.1,
                         min_topic_words=0).mentions.set_index("event_id")["person_id"]
    assert off["pub:wos:1"] != off["pub:wos:2"]
