"""The ROR data dump as a registry: reading it, linking strings to it, resolving with it."""

import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from netkit.errors import InputError
from netkit.lexicon.ror_types import ROR_TYPE_SECTOR, ror_sector
from netkit.resolve import load_registry, resolve
from netkit.resolve.link import link_affiliations
from netkit.resolve.ror import read_ror

from .helpers import corpus_of_names

EXCERPT = Path(__file__).resolve().parents[1] / "data" / "resolve" / "ror" / \
    "v2.0-2026-01-01-excerpt-ror-data.zip"


@pytest.fixture(scope="module")
def excerpt():
    return load_registry(EXCERPT)


def _member(tmp_path: Path, suffix: str) -> Path:
    with zipfile.ZipFile(EXCERPT) as z:
        name = next(m for m in z.namelist() if m.endswith(suffix))
        out = tmp_path / name
        out.write_bytes(z.read(name))
    return out


def test_zip_json_and_csv_read_alike(tmp_path, excerpt):
    inst = excerpt.institutions
    assert len(inst) == 38 and inst["registry"].eq("ror").all()
    js = read_ror(_member(tmp_path, ".json"))
    cs = read_ror(_member(tmp_path, ".csv"))
    cols = ["ror", "name", "aliases", "acronyms", "sector", "country", "region", "city",
            "parents", "children", "successors", "status"]
    pd.testing.assert_frame_equal(js[cols], inst[cols])
    pd.testing.assert_frame_equal(cs[cols], inst[cols])
    assert cs["lat"].round(4).tolist() == js["lat"].round(4).tolist()
    ucla = inst.set_index("ror").loc["046rm7j60"]
    assert ucla["name"] == "University of California, Los Angeles"
    assert ucla["city"] == "Los Angeles" and ucla["region"] == "California"
    assert ucla["sector"] == "university" and ucla["sector_source"] == "ror:type=education"
    assert "00pjdza24" in ucla["parents"]  # the University of California system
    old = inst.set_index("ror").loc["006a7pj43"]  # CHU de Québec, succeeded
    assert old["status"] != "active" and old["successors"] == ("05qn5kv73",)


def test_bad_files_name_the_file(tmp_path):
    bad = tmp_path / "v2-ror-data.json"
    bad.write_text('[{"id": "https://ror.org/0abc", "name": "old"}]')
    with pytest.raises(InputError, match="schema v1"):
        read_ror(bad)
    with pytest.raises(InputError, match="not found"):
        load_registry(tmp_path / "missing.zip")
    junk = tmp_path / "x.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(InputError, match=r"x\.zip"):
        read_ror(junk)


def test_every_ror_type_has_a_sector():
    assert set(ROR_TYPE_SECTOR) == {"education", "healthcare", "company", "government",
                                    "facility", "nonprofit", "archive", "funder", "other"}
    assert ror_sector(["facility", "government"])[0] == "research"
    assert ror_sector(["education", "healthcare"])[0] == "university"


def test_link_campus_namesake_and_abstention(excerpt):
    out = link_affiliations([
        "Dept of Physics, University of California, Los Angeles, CA, USA",
        "Univ Massachusetts, Boston, MA, USA",
        "Department of Chemistry, University of Massachusetts Amherst, Amherst, MA 01003, USA",
        "Institute of Biology, University of Freiburg, Freiburg, Germany",
        "Department of Physics, University of Fribourg, Fribourg, Switzerland",
        "Howard Hughes Medical Institute, The Rockefeller University, New York, NY, USA",
        "Inc.",
        "8802 Higdon Dr, Boston, MA, USA",
        "Boston, MA, USA",
        "Faculteit Geneeskunde, KU Leuven, Leuven, Belgium",
    ], excerpt)
    got = out["registry_id"].tolist()
    assert got[:6] == ["046rm7j60", "04ydmy275", "0072zz521", "0245cg223", "022fs9h90",
                       "0420db125"]
    assert out.at[5, "others"] == ("006w34k90",)  # HHMI is named too
    assert got[6:9] == [None, None, None]  # a legal form, a street, a bare city
    assert got[9] == "05f950310"
    assert out["evidence"].str.len().gt(0).all()


def test_link_successors(excerpt):
    # an inactive record (merged in 2012) is the organisation the string names, as it was;
    # its successor is in the evidence, and followed on request
    chuq = ["Centre hospitalier universitaire de Québec, Quebec, QC, Canada"]
    out = link_affiliations(chuq, excerpt)
    assert out.at[0, "registry_id"] == "006a7pj43"
    assert "006a7pj43 succeeded by 05qn5kv73" in out.at[0, "evidence"]
    out = link_affiliations(chuq, excerpt, follow_inactive=True)
    assert out.at[0, "registry_id"] == "05qn5kv73"
    assert "successor of 006a7pj43" in out.at[0, "evidence"]
    # a withdrawn record (a duplicate) is always its successor
    out = link_affiliations(["Taichung Health and Management College, Taichung, Taiwan"],
                            excerpt)
    assert out.at[0, "registry_id"] == "038a1tp19"


def test_resolve_with_the_ror_zip():
    c = corpus_of_names(["Univ Calif Los Angeles", "University of California, Los Angeles",
                         "University of Massachusetts Boston", "Zzyzx Unrelated Org"])
    res = resolve(c, registry=str(EXCERPT))
    m = res.mapping
    assert m["o:0"] == m["o:1"] != m["o:2"]
    a = res.audit.set_index("raw_org_id")
    assert a.loc["o:1", "method"] == "registry" and "046rm7j60" in a.loc["o:1", "evidence"]
    assert a.loc["o:3", "method"] == "none"
    orgs = res.corpus.organizations.set_index("org_id")
    ucla = orgs.loc[m["o:1"]]
    assert ucla["sector"] == "university" and ucla["city"] == "Los Angeles"
    assert ucla["region"] == "US-CA" and abs(ucla["lat"] - 34.05) < 0.1  # ISO 3166-2
    ror = res.corpus.org_ids[res.corpus.org_ids["scheme"] == "ror"]
    assert set(ror["value"]) == {"046rm7j60", "04ydmy275"}
    assert not (res.corpus.org_ids["scheme"] == "openalex").any()


def test_excerpt_is_valid_json_of_schema_v2():
    with zipfile.ZipFile(EXCERPT) as z:
        recs = json.loads(z.read(next(m for m in z.namelist() if m.endswith(".json"))))
    assert all("names" in r and "locations" in r for r in recs)


def test_cli_resolve_with_the_ror_dump(tmp_path, capsys):
    from netkit.cli import main

    src = corpus_of_names(["University of California, Los Angeles", "UCLA Fan Club Inc",
                           "University of Massachusetts Boston"]).save(tmp_path / "in")
    assert main(["resolve", str(src), "--out", str(tmp_path / "out"), "--registry",
                 str(EXCERPT)]) == 0
    printed = capsys.readouterr().out
    assert "3 raw organisations -> 3 resolved organisations" in printed
    assert "linked to the registry: 2 (66.7%); abstained: 0" in printed
    audit = pd.read_csv(tmp_path / "out" / "audit.csv")
    assert audit["evidence"].str.contains("ror 046rm7j60").any()


def test_report_data_section_shows_registry_share_and_unknown_sectors():
    import netkit as nk
    from netkit.report import Context, ReportConfig
    from netkit.report.sections import data_section

    c = corpus_of_names(["University of California, Los Angeles", "Zzyzx Unrelated Org",
                         "Durham University", "Qqxy Widgets"])
    res = resolve(c, registry=str(EXCERPT))
    corpus = res.corpus
    ctx = Context(ReportConfig.from_mapping({}, corpus=corpus), corpus, nk.build.org_graph(corpus))
    facts = dict(data_section(ctx).facts)
    assert facts["participations linked to a registry (ROR id)"] == "50.0%"
    assert facts["organisations of unknown sector"] == "50.0%"


def test_link_short_forms_and_bracketed_qualifiers():
    reg = pd.DataFrame({
        "openalex_id": ["I1", "I2", "I3", "I4", "I5"],
        "ror": ["r1", "r2", "r3", "r4", "r5"],
        "name": ["Scripps Research Institute", "Stony Brook University",
                 "China University of Petroleum, East China",
                 "China University of Petroleum, Beijing", "Atrium Health Foundation"],
        "country": ["US", "US", "CN", "CN", "US"],
        "city": ["La Jolla", "Stony Brook", "Qingdao", "Beijing", "Charlotte"],
    })
    out = link_affiliations([
        "Department of Chemistry, Scripps Research, La Jolla, CA, USA",
        "College of New Energy, China University of Petroleum (East China), Qingdao, China",
        # the name without its type word is the record's own city, not its name
        "Department of Surgery, Stony Brook, NY, USA",
        # a foundation is another body than the organisation it is named after
        "Department of Surgery, Atrium Health, Charlotte, NC, USA",
        # no country stated: no short form
        "Scripps Research",
    ], reg)
    assert out["registry_id"].tolist() == ["I1", "I3", None, None, None]
    assert out["method"].tolist()[:2] == ["short-form", "exact"]


def test_generic_names_of_universities_are_local_and_of_national_bodies_not():
    reg = pd.DataFrame({
        "openalex_id": ["I1", "I2"], "ror": ["r1", "r2"],
        "name": ["Maulana Azad National Institute of Technology", "Consiglio Nazionale delle Ricerche"],
        "aliases": [("National Institute of Technology",), ("National Research Council",)],
        "country": ["IN", "IT"], "city": ["Bhopal", "Rome"],
        "sector": ["university", "government"],
    })
    out = link_affiliations([
        "Department of Physics, National Institute of Technology, Bhopal, India",
        # another National Institute of Technology, in another city: not the one in Bhopal
        "Department of Information Technology, National Institute of Technology, Jalandhar, India",
        # a national research body has institutes in every city
        "Institute of Biomembranes, National Research Council, Bari, Italy",
    ], reg)
    assert out["registry_id"].tolist() == ["I1", None, "I2"]
    assert out.at[1, "evidence"] == "no record fits the string's place"


def test_link_web_of_science_units_of_a_short_name():
    reg = pd.DataFrame({
        "openalex_id": ["I1", "I2"], "ror": ["r1", "r2"],
        "name": ["Johns Hopkins University", "Johns Hopkins Hospital"],
        "country": ["US", "US"], "city": ["Baltimore", "Baltimore"],
        "sector": ["university", "health"],
    })
    out = link_affiliations([
        "Johns Hopkins Sch Med, Baltimore, MD, USA",
        "Johns Hopkins Univ Hosp, Baltimore, MD, USA",
        "Johns Hopkins Med Inst, Baltimore, MD, USA",
        "Johns Hopkins, Baltimore, MD, USA",  # the university or the hospital: review
        "Johns Hopkins Tropical Garden and Research Institute, Baltimore, MD, USA",
    ], reg)
    assert out["registry_id"].tolist() == ["I1", "I2", "I1", None, None]
    assert out.at[3, "method"] == "ambiguous" and set(out.at[3, "candidates"]) == {"I1", "I2"}


def test_link_acronym_leading_a_unit_or_in_the_address():
    reg = pd.DataFrame({
        "openalex_id": ["nyu", "ucl", "ucl-pk", "irccs", "nsw", "vit1", "vit2"],
        "name": ["New York University", "University College London",
                 "University College Lahore",
                 "Istituti di Ricovero e Cura a Carattere Scientifico", "NSW Health",
                 "Vellore Institute of Technology", "Vishwakarma Institute of Technology"],
        "acronyms": [("NYU",), ("UCL",), ("UCL",), ("IRCCS",), ("NSW",), ("VIT",), ("VIT",)],
        "country": ["US", "GB", "PK", "IT", "AU", "IN", "IN"],
        "city": ["New York", "London", "Lahore", "Rome", "Sydney", "Vellore", "Pune"],
    })
    out = link_affiliations([
        "Department of Population Health, NYU Grossman School of Medicine, New York, NY, USA",
        "The Department of Clinical and Motor Neurosciences, UCL Institute of Neurology, "
        "London, UK",
        # a bare acronym just before the address is the organisation, not a code
        "Research Department of Clinical, Faculty of Brain Sciences, UCL, London, UK",
        # an acronym before a hospital's or institute's own name is not its owner
        "Department of Pathology, NYU Winthrop Hospital, Mineola, NY, USA",
        "Obstetrics Unit, IRCCS Istituto Giannina Gaslini, Genova, GE, Italy",
        "Sarcoma Service, IRCCS Fondazione Istituto Nazionale dei Tumori di Milano, Milan, Italy",
        "U.O. Medicina Interna, IRCCS Azienda Ospedaliero Universitaria di Bologna, Bologna, "
        "Italy",
        # a state code in the address is not an organisation's acronym
        "Disability Innovation Institute, Sydney, NSW, Australia",
        # two records share the acronym in the string's country: its city decides
        "Mechanical Engineering Faculty, VIT University, Vellore, India",
        "Mechanical Engineering Faculty, VIT University, Chennai, India",
        # no country stated
        "NYU Grossman School of Medicine",
    ], reg)
    assert out["registry_id"].tolist() == ["nyu", "ucl", "ucl", None, None, None, None, None,
                                           "vit1", None, None]
    assert out["method"].tolist()[:3] == ["acronym"] * 3


def test_link_misspelt_organisation_word():
    reg = pd.DataFrame({
        "openalex_id": ["uib", "bergen-us"],
        "name": ["University of Bergen", "Bergen Community College"],
        "country": ["NO", "US"], "city": ["Bergen", "Paramus"],
    })
    out = link_affiliations([
        "Department of Clinical Science, Unversity of Bergen, Bergen, Norway",
        "Unversity of Bergen",                      # no country: the word, then the name
        "Unversity of Bergen, Paramus, NJ, USA",    # the only such name is in Norway
        "Unversity of Bergan, Bergen, Norway",      # two misspellings: not the same name
        "University of Bergan",                     # no country: no fuzzy comparison
    ], reg)
    assert out["registry_id"].tolist() == ["uib", "uib", None, None, None]
    assert out["method"].iloc[0] == "fuzzy"


def test_link_name_restated_in_one_part():
    reg = pd.DataFrame({
        "openalex_id": ["hsmw", "mephi", "hum", "samara", "kh"],
        "name": ["Hochschule Mittweida", "National Research Nuclear University MEPhI",
                 "IRCCS Humanitas Research Hospital", "Samara National Research University",
                 "Kyung Hee University"],
        "country": ["DE", "RU", "IT", "RU", "KR"],
        "city": ["Mittweida", "Moscow", "Rozzano", "Samara", "Seoul"],
    })
    out = link_affiliations([
        "Faculty of Engineering Sciences, Hochschule Mittweida University of Applied Sciences, "
        "Mittweida, Germany",
        "MEPhI National Research Nuclear University, Moscow, Russia",
        "Department of Urology, Humanitas Research Hospital- IRCCS, Rozzano, Italy",
        "Samara National Research University named after academician S. P. Korolev, Samara, "
        "Russia",
        # a university's hospital is not a restatement of the university
        "Department of Neurosurgery, Kyung Hee University Hospital, Seoul, South Korea",
        # words after the name that it does not hold are not a restatement
        "Hochschule Mittweida University Hospital, Mittweida, Germany",
    ], reg)
    assert out["registry_id"].tolist() == ["hsmw", "mephi", "hum", "samara", None, None]


def test_link_umlauts_written_out():
    reg = pd.DataFrame({
        "openalex_id": ["tue", "goe"],
        "name": ["University of Tübingen", "University of Göttingen"],
        "country": ["DE", "DE"], "city": ["Tübingen", "Göttingen"],
    })
    out = link_affiliations([
        "Fachbibliothek Mathematik und Physik, Universitaet Tuebingen, Tubingen, Germany",
        "Universitaet Goettingen, Goettingen, Germany",
        "University of Gattingen, Germany",     # another vowel is another place
        "Universitaet Tuebingen, Austria",      # another country
    ], reg)
    assert out["registry_id"].tolist() == ["tue", "goe", None, None]


def test_link_name_after_its_own_city():
    reg = pd.DataFrame({
        "openalex_id": ["adu", "hm"],
        "name": ["Adnan Menderes University", "Houston Methodist"],
        "aliases": [(), ("The Methodist Hospital",)],
        "country": ["TR", "US"], "city": ["Aydın", "Houston"],
    })
    out = link_affiliations([
        "Faculty of Nursing, Aydın Adnan Menderes University, Aydın, Turkey",
        "Department of Pathology, Houston Methodist Hospital, Houston, TX, USA",
        # a city the record is not in is part of another name
        "Izmir Adnan Menderes University, Izmir, Turkey",
        "Dallas Methodist Hospital, Dallas, TX, USA",
    ], reg)
    assert out["registry_id"].tolist() == ["adu", "hm", None, None]


def test_link_university_name_in_another_order_with_its_city():
    reg = pd.DataFrame({
        "openalex_id": ["unina", "ummto", "york", "uoft", "uibk", "mui"],
        "name": ["University of Naples Federico II", "Mouloud Mammeri University of Tizi-Ouzou",
                 "York University", "University of Toronto", "Universität Innsbruck",
                 "Innsbruck Medical University"],
        "country": ["IT", "DZ", "CA", "CA", "AT", "AT"],
        "city": ["Naples", "Tizi Ouzou", "Toronto", "Toronto", "Innsbruck", "Innsbruck"],
    })
    out = link_affiliations([
        "Section of Cardiology, Federico II University, Naples, Italy",
        "Faculty of Construction Engineering, University of Mouloud Mammeri of Tizi-Ouzou, "
        "Tizi-Ouzou, Algeria",
        "York University, Toronto, ON, Canada",       # its own name, not Toronto's
        "Federico II University, Rome, Italy",         # not the city in its name
        "Federico II University, Naples",              # no country stated
        # a medical university, not a unit of the university of its city
        "Department of Gynecology, Medical University Innsbruck, Innsbruck, Austria",
        "Medical University, Graz, Austria",
    ], reg)
    assert out["registry_id"].tolist() == ["unina", "ummto", "york", None, None, "mui", None]
    assert out["method"].tolist()[:2] == ["word-order"] * 2


def test_link_name_registered_with_its_country():
    reg = pd.DataFrame({
        "openalex_id": ["moe-kr", "moe-cn", "ahmu", "monash", "monash-my", "dtu"],
        "name": ["Ministry of Education", "Ministry of Education of the People's Republic of China",
                 "Anhui Medical University", "Monash University", "Monash University Malaysia",
                 "Technical University of Denmark"],
        "country": ["KR", "CN", "CN", "AU", "MY", "DK"],
        "city": ["Sejong", "Beijing", "Hefei", "Melbourne", "Subang Jaya", "Lyngby"],
        # a university named in generic words must be in the string's city, unless its
        # registered name is its country's (Technical University of Denmark)
        "sector": ["government", "government", "university", "university", "university",
                   "university"],
    })
    out = link_affiliations([
        "Engineering Research Center of Bone and Joint Precision Medicine, Ministry of "
        "Education, Beijing, China",
        "School of Information Technology, Monash University, Subang Jaya, Malaysia",
        "Ministry of Education, Sejong, Korea",
        # the ministry only fits without its country's name: any other name wins
        "Key Laboratory of Immune Medicine (Anhui Medical University), Ministry of Education, "
        "Hefei, China",
        "Ministry of Education, Paris, France",
        "Department of Chemistry, Technical University, Copenhagen, Denmark",
        "Department of Chemistry, Technical University, Oslo, Norway",
    ], reg)
    assert out["registry_id"].tolist() == ["moe-cn", "monash-my", "moe-kr", "ahmu", None,
                                           "dtu", None]


def test_link_hospital_affiliated_to_a_university():
    reg = pd.DataFrame({
        "openalex_id": ["nankai", "fudan", "zhongshan"],
        "name": ["Nankai University", "Fudan University", "Zhongshan Hospital"],
        "country": ["CN", "CN", "CN"], "city": ["Tianjin", "Shanghai", "Shanghai"],
    })
    out = link_affiliations([
        "Department of Hepatology, Tianjin Union Medical Center affiliated to Nankai University, "
        "Tianjin, China",
        # the hospital, when registered, not its university
        "Department of Otorhinolaryngology, Zhongshan Hospital Affiliated to Fudan University, "
        "Shanghai, China",
        # a university's own hospital is another organisation
        "Department of Surgery, The First Affiliated Hospital of Nankai University, Tianjin, China",
    ], reg)
    assert out["registry_id"].tolist() == ["nankai", "zhongshan", None]


def test_link_region_in_the_address_is_not_an_organisation():
    reg = pd.DataFrame({
        "openalex_id": ["umu", "vbc", "canberra", "act", "ucm"],
        "name": ["Umeå University", "Västerbotten County", "University of Canberra",
                 "ACT Government", "Universidad Complutense de Madrid"],
        "aliases": [(), ("Västerbottens län", "Region Västerbotten"), (),
                    ("Australian Capital Territory",), ()],
        "country": ["SE", "SE", "AU", "AU", "ES"],
        "city": ["Umeå", "Umeå", "Canberra", "Canberra", "Madrid"],
        "region": ["Västerbotten", "Västerbotten", "Australian Capital Territory",
                   "Australian Capital Territory", "Madrid"],
    })
    out = link_affiliations([
        "Department of Statistics, USBE, Umeå University, Umeå, Västerbottens Län, Sweden",
        "Faculty of Health, University of Canberra, Canberra, Australian Capital Territory, "
        "Australia",
        # a region that is also a city still completes a name
        "Faculty of Veterinary Medicine, Complutense University, Madrid, Spain",
        # the regional authority by its name; a string that is only an address
        "Region Västerbotten, Umeå, Sweden",
        "Västerbottens län, Umeå, Sweden",
    ], reg)
    assert out["registry_id"].tolist() == ["umu", "canberra", "ucm", "vbc", None]


def test_link_prefers_the_record_whose_display_name_is_written():
    reg = pd.DataFrame({
        "openalex_id": ["umn", "umn-sys", "pres-blr", "pres-ccu"],
        "name": ["University of Minnesota", "University of Minnesota System",
                 "Presidency University", "Presidency University"],
        "aliases": [(), ("University of Minnesota",), (), ()],
        "labels": [(), ("University of Minnesota",), (), ()],
        "country": ["US", "US", "IN", "IN"],
        "city": ["Minneapolis", "Minneapolis", "Bengaluru", "Kolkata"],
    })
    out = link_affiliations([
        "College of Veterinary Medicine, University of Minnesota, Minnesota, USA",
        "University of Minnesota System, Minneapolis, MN, USA",
        # two records with the same display name still abstain
        "Mechanical Engineering Department, Presidency University, Itgalpura, India",
    ], reg)
    assert out["registry_id"].tolist() == ["umn", "umn-sys", None]
    assert out["method"].iloc[2] == "ambiguous"


def test_link_campus_of_an_organisation():
    reg = pd.DataFrame({
        "openalex_id": ["sysu", "ccf", "umd"],
        "name": ["Sun Yat-sen University", "Cleveland Clinic", "University of Maryland"],
        "country": ["CN", "US", "US"], "city": ["Guangzhou", "Cleveland", "College Park"],
    })
    out = link_affiliations([
        "School of Science, Shenzhen Campus of Sun Yat-sen University, Shenzhen, China",
        "Imaging Institute, Cleveland Clinic Main Campus, Cleveland, OH, USA",
        # a hospital on the campus is another organisation
        "Department of Surgery, Campus Hospital of Sun Yat-sen University, Shenzhen, China",
        # a campus named after the organisation is another one
        "School of Business, University of Maryland Global Campus, Largo, MD, USA",
    ], reg)
    assert out["registry_id"].tolist() == ["sysu", "ccf", None, None]


def test_link_unit_at_an_organisation():
    reg = pd.DataFrame({
        "openalex_id": ["univr", "psu", "ugent", "rug"],
        "name": ["University of Verona", "Pennsylvania State University", "Ghent University",
                 "University of Groningen"],
        "country": ["IT", "US", "BE", "NL"],
        "city": ["Verona", "University Park", "Ghent", "Groningen"],
    })
    out = link_affiliations([
        "Clinical Biochemistry at University of Verona, Verona, Italy",
        # a joined organisation in the other word order of its name
        "VIB-University Ghent, Center for Plant System Biology, Ghent, BE, Belgium",
        "Department of Education at Groningen University, Faculty of Behavioral and Social "
        "Sciences, Groningen, The Netherlands",
        # "at" a place names a campus the registry lacks: not the main university
        "Department of Mathematics, Pennsylvania State University at Abington, Abington, PA, USA",
    ], reg)
    assert out["registry_id"].tolist() == ["univr", "ugent", "rug", None]


def test_link_joined_organisations_before_names_inside_a_part():
    reg = pd.DataFrame({
        "openalex_id": ["petermac", "rmh", "wsu", "karmanos"],
        "name": ["Peter MacCallum Cancer Centre", "The Royal Melbourne Hospital",
                 "Wayne State University", "Karmanos Cancer Institute"],
        "country": ["AU", "AU", "US", "US"],
        "city": ["Melbourne", "Melbourne", "Detroit", "Detroit"],
    })
    out = link_affiliations([
        # two organisations joined, not a unit ("… Centre") of the hospital after it
        "Parkville Familial Cancer Centre, Peter MacCallum Cancer Centre and Royal Melbourne "
        "Hospital, Melbourne, VIC, Australia",
        "Department of Family Medicine, Wayne State University School of Medicine and Karmanos "
        "Cancer Institute, Detroit, MI, USA",
        # a unit of one organisation, nothing joined
        "Department of Family Medicine, Wayne State University School of Medicine, Detroit, MI, "
        "USA",
    ], reg)
    assert out["registry_id"].tolist() == ["petermac", "karmanos", "wsu"]
    assert set(out["others"].iloc[0]) == {"rmh"}


def test_a_unit_of_one_university_is_not_linked_beside_another_university():
    reg = pd.DataFrame({
        "openalex_id": ["I1", "I2"], "ror": ["r1", "r2"],
        "name": ["Pathologisches Institut", "Ludwig-Maximilians-Universität München"],
        "aliases": [("Institute of Pathology",), ()],
        "country": ["DE", "DE"], "city": ["Munich", "Munich"],
        "sector": ["university", "university"], "parents": [("I2",), ()],
    })
    out = link_affiliations([
        "Institute of Pathology, Munich, Germany",
        # LMU's institute is not the one of the university named in Erlangen
        "Institute of Pathology, Friedrich-Alexander University, Erlangen, Germany",
        # a city named College Station or University is no university
        "Institute of Pathology, University, Germany",
    ], reg)
    assert out["registry_id"].tolist() == ["I1", None, "I1"]
    assert "names another university" in out.at[1, "evidence"]


def test_link_names_in_another_language_through_their_type_words():
    reg = pd.DataFrame({
        "openalex_id": ["polimi", "polito", "ipp", "hegp", "necker", "zgt", "lds", "paz", "umc"],
        "name": ["Politecnico di Milano", "Politecnico di Torino", "Instituto Politécnico do Porto",
                 "Hôpital Européen Georges-Pompidou", "Hôpital Necker-Enfants Malades",
                 "Ziekenhuis Groep Twente", "Lovisenberg Diakonale Sykehus",
                 "Hospital Universitario La Paz", "Universität Porto"],
        "country": ["IT", "IT", "PT", "FR", "FR", "NL", "NO", "ES", "PT"],
        "city": ["Milan", "Turin", "Porto", "Paris", "Paris", "Almelo", "Oslo", "Madrid",
                 "Porto"],
    })
    out = link_affiliations([
        "Department of Design, Polytechnic of Milan, Milan, Italy",
        "School of Engineering, Polytechnic of Porto, Porto, Portugal",
        "Department of Pathology, European Hospital of Georges Pompidou, Paris, France",
        "Necker-Enfants Malades Hospital, Paris, France",
        "Department of Surgery, Hospital Group Twente, Almelo, The Netherlands",
        "Department of Research, Lovisenberg Diaconal Hospital, Oslo, Norway",
        "Anatomical Pathology Service, University Hospital La Paz, Madrid, Spain",
        # hard negatives: a translated type word is still one word of the name
        "Polytechnic of Bari, Bari, Italy",              # no such record
        "Polytechnic University, Porto, Portugal",       # the university is not the polytechnic
        "European Hospital, Paris, France",              # the name without its namesake
        "Twente Hospital, Almelo, The Netherlands",      # not the hospital group
        "Lovisenberg Hospital, Oslo, Norway",            # the diaconal one is another word
        "La Paz Hospital, Madrid, Spain",                # not the university hospital
    ], reg)
    assert out["registry_id"].tolist() == [
        "polimi", "ipp", "hegp", "necker", "zgt", "lds", "paz",
        None, None, None, None, None, None]


def test_link_university_hospitals_in_any_word_order_and_language():
    reg = pd.DataFrame({
        "openalex_id": ["chut", "tours", "aouc", "cun", "umm"],
        "name": ["Centre Hospitalier Universitaire de Tours", "Université de Tours",
                 "Azienda Ospedaliero-Universitaria Careggi", "Clínica Universidad de Navarra",
                 "Universitätsklinikum Mannheim"],
        "country": ["FR", "FR", "IT", "ES", "DE"],
        "city": ["Tours", "Tours", "Florence", "Pamplona", "Mannheim"],
        "sector": ["health", "university", "health", "health", "health"],
    })
    out = link_affiliations([
        "Department of Otolaryngology, University Hospital of Tours, Tours, France",
        "Infectious Diseases Unit, Careggi University Hospital, Florence, Italy",
        "Department of Surgery, Mannheim University Hospital, Mannheim, Germany",
        # hard negatives: a hospital is not a clinic of the same words, a university's
        # own name is not its hospital, and two organisations joined stay two
        "Nephrology Department, Hospital Universitario de Navarra, Pamplona, Spain",
        "Department of Physics, University of Tours, Tours, France",
        "PET Centre, University of Tours and Tours University Hospital, Tours, France",
    ], reg)
    assert out["registry_id"].tolist() == ["chut", "aouc", "umm", None, "tours", "tours"]
    assert out.at[0, "method"] == "word-order"


def test_link_university_inside_a_unit_joined_to_another_organisation():
    reg = pd.DataFrame({
        "openalex_id": ["sjtu", "wsu", "karmanos"],
        "name": ["Shanghai Jiao Tong University", "Wayne State University",
                 "Barbara Ann Karmanos Cancer Institute"],
        "aliases": [(), (), ("Karmanos Cancer Institute",)],
        "country": ["CN", "US", "US"], "city": ["Shanghai", "Detroit", "Detroit"],
    })
    out = link_affiliations([
        "Xinhua Hospital Affiliated to Shanghai Jiao Tong University School of Medicine, "
        "Shanghai, China",
        # a name found as written in the same part wins over a name inside a unit
        "Department of Oncology, Wayne State University School of Medicine and Karmanos "
        "Cancer Institute, Detroit, MI, USA",
        # a department's own name is no organisation
        "Department of Shanghai Jiao Tong University Studies and History, Shanghai, China",
    ], reg)
    assert out["registry_id"].tolist() == ["sjtu", "karmanos", None]
    assert out.at[0, "method"] == "exact-inner"


def _systems_and_namesakes():
    return pd.DataFrame({
        "openalex_id": ["uc", "ucla", "ucsf", "cu", "cud", "cucs", "loy", "luc", "luno",
                        "ou", "ua", "yorkus", "yorkca", "ucb", "lbnl"],
        "name": ["University of California System", "University of California, Los Angeles",
                 "University of California, San Francisco", "University of Colorado System",
                 "University of Colorado Denver", "University of Colorado Colorado Springs",
                 "Universidad Loyola Andalucía", "Loyola University Chicago",
                 "Loyola University New Orleans", "The Open University", "Universidade Aberta",
                 "York University", "York University", "University of California, Berkeley",
                 "Lawrence Berkeley National Laboratory"],
        "labels": [(), (), (), (), (), (), ("Loyola University",), (), (), (),
                   ("Open University",), (), (), (), ()],
        "aliases": [("University of California",), (), (), ("University of Colorado",), (), (),
                    ("Loyola University",), (), (), (), ("Open University",), (), (), (), ()],
        "country": ["US", "US", "US", "US", "US", "US", "ES", "US", "US", "GB", "PT", "US",
                    "CA", "US", "US"],
        "city": ["Oakland", "Los Angeles", "San Francisco", "Boulder", "Denver",
                 "Colorado Springs", "Seville", "Chicago", "New Orleans", "Milton Keynes",
                 "Lisbon", "Jamaica", "Toronto", "Berkeley", "Berkeley"],
        "parents": [(), ("uc",), ("uc",), (), ("cu",), ("cu",), (), (), (), (), (), (), (),
                    ("uc",), ("uc",)],
    })


def test_link_systems_campuses_and_namesakes():
    out = link_affiliations([
        # the campus's city leads the next part (a footnote number, a school's name)
        "Department of Medicine, University of California, San Francisco 1 , San Francisco, "
        "CA, USA",
        "Division of Oral Health, University of California, Los Angeles School of Dentistry",
        # a system named alone: which campus is not said (its key's place is taken apart:
        # "University of Colorado Colorado Springs")
        "Center for the Neurobiology of Learning and Memory, University of California",
        "Department of Immunology, University of Colorado, Aurora, CO, USA",
        "University of California System, Oakland, CA, USA",
        # a family of namesakes with their places: "Loyola University" is any of them
        "Department of Biology, Loyola University",
        "Department of Biology, Loyola University, Chicago, IL, USA",
        "Facultad de Derecho, Loyola University, Seville, Spain",
        # the display name written (a leading "The" aside) beats another's label; two
        # display names in two countries, and no country in the string, stay apart
        "Open University",
        "York University",
        # the campus of the system, not a laboratory of the system in the same city
        "Univeristy of California, Berkeley",
    ], _systems_and_namesakes())
    assert out["registry_id"].tolist() == [
        "ucsf", "ucla", None, None, "uc", None, "luc", "loy", "ou", None, "ucb"]
    assert "names none of its campuses" in out.at[2, "evidence"]
    assert "names none of the places" in out.at[5, "evidence"]


def test_link_past_footnote_numbers_of_deposited_affiliations():
    reg = pd.DataFrame({
        "openalex_id": ["toledo", "wcm", "lyon1"],
        "name": ["University of Toledo", "Weill Cornell Medical College",
                 "Université Claude Bernard Lyon 1"],
        "country": ["US", "US", "FR"], "city": ["Toledo", "New York", "Villeurbanne"],
    })
    out = link_affiliations([
        "Department of Biological Sciences, University of Toledo 1 , Toledo, OH, USA",
        "Weill Cornell Medical College 10 Department of Dermatology, , New York, NY, USA",
        # a number of the name stays
        "Laboratoire de Biométrie, UMR 5558, Université Claude Bernard Lyon 1, Villeurbanne",
    ], reg)
    assert out["registry_id"].tolist() == ["toledo", "wcm", "lyon1"]


def test_link_name_registered_with_its_place_written_without_it():
    reg = pd.DataFrame({
        "openalex_id": ["jlu", "ualr", "ru", "lsu", "lsuhsc-no", "lsuhsc-s"],
        "name": ["Justus Liebig University Giessen", "University of Arkansas at Little Rock",
                 "Ruhr University Bochum", "Louisiana State University",
                 "Louisiana State University Health Sciences Center New Orleans",
                 "Louisiana State University Health Sciences Center Shreveport"],
        "country": ["DE", "US", "DE", "US", "US", "US"],
        "city": ["Giessen", "Little Rock", "Bochum", "Baton Rouge", "New Orleans", "Shreveport"],
    })
    out = link_affiliations([
        "Rudolf Buchheim Institute of Pharmacology, Justus Liebig University",
        "Faculty of Chemistry and Biochemistry, Ruhr University, Bochum, Germany",
        # the string names another city: the flagship the registry lacks, not the campus
        "Department of Geosciences, University of Arkansas, Fayetteville, AR, USA",
        # two records so named: the place picks one, else none (not the university)
        "Department of Pharmacology, Louisiana State University Health Sciences Center, "
        "Shreveport, LA, USA",
        "Alcohol & Drug Abuse Center of Excellence, Louisiana State University Health Sciences "
        "Center",
    ], reg)
    assert out["registry_id"].tolist() == ["jlu", "ru", None, "lsuhsc-s", None]
    assert out.at[0, "method"] == "short-form"


def test_link_region_named_like_another_country():
    reg = pd.DataFrame({
        "openalex_id": ["unm", "rutgers", "unsw"],
        "name": ["University of New Mexico", "Rutgers, The State University of New Jersey",
                 "UNSW Sydney"],
        "aliases": [(), ("Rutgers University",), ("University of New South Wales",)],
        "country": ["US", "US", "AU"], "city": ["Albuquerque", "New Brunswick", "Sydney"],
    })
    out = link_affiliations([
        "University of New Mexico",                      # not a Mexican university
        "Department of Physics, Rutgers University, New Brunswick, New Jersey",  # not Jersey
        "School of Chemistry, University of New South Wales, Sydney, New South Wales",
    ], reg)
    assert out["registry_id"].tolist() == ["unm", "rutgers", "unsw"]


def test_a_hospital_of_a_university_is_no_campus_of_it():
    reg = pd.DataFrame({
        "openalex_id": ["dsu", "naju", "gwangju", "mokpo"],
        "name": ["Dongshin University", "Dongshin University Naju Korean Medicine Hospital",
                 "Dongshin University Gwangju Korean Medicine Hospital",
                 "Dongshin University Mokpo Korean Medicine Hospital"],
        "country": ["KR"] * 4, "city": ["Naju", "Naju", "Gwangju", "Mokpo"],
        "sector": ["university", "health", "health", "health"],
        "parents": [(), ("dsu",), ("dsu",), ("dsu",)],
    })
    out = link_affiliations([
        "Dongshin Univ, Dept Energy IoT, Naju, South Korea",
        "Dongshin University, Naju",
        "Department of Nursing, Dongshin University, Gwangju, South Korea",
    ], reg)
    assert out["registry_id"].tolist() == ["dsu", "dsu", "dsu"]


def test_link_no_country_from_the_name_itself():
    reg = pd.DataFrame({
        "openalex_id": ["uga", "ug-ge", "ncl", "uon"],
        "name": ["University of Georgia", "University of Georgia", "Newcastle University",
                 "University of Newcastle Australia"],
        "aliases": [(), (), (), ("University of Newcastle",)],
        "country": ["US", "GE", "GB", "AU"],
        "city": ["Athens", "Tbilisi", "Newcastle upon Tyne", "Newcastle"],
    })
    out = link_affiliations([
        # the name is no address: two namesakes, no country, no link
        "Department of Microbiology, University of Georgia",
        "Department of Microbiology, University of Georgia, Athens, GA, USA",
        "Faculty of Medicine, University of Georgia, Tbilisi, Georgia",
        # a city inside the name is no city of the address ("Newcastle University" is
        # the registered display name in Newcastle upon Tyne)
        "School of Education, Newcastle University",
        "School of Medicine, University of Newcastle, Callaghan, NSW, Australia",
    ], reg)
    assert out["registry_id"].tolist() == [None, "uga", "ug-ge", "ncl", "uon"]


def test_a_display_name_is_not_lost_among_namesakes_with_places():
    reg = pd.DataFrame({
        "openalex_id": ["ip", "ipl", "ipt"],
        "name": ["Institut Pasteur", "Institut Pasteur de Lille", "Institut Pasteur de Tunis"],
        "country": ["FR", "FR", "TN"], "city": ["Paris", "Lille", "Tunis"],
    })
    out = link_affiliations([
        "Department of Developmental and Stem Cell Biology, Institut Pasteur",
        "Center for Infection and Immunity, Institut Pasteur, Lille, France",
    ], reg)
    assert out["registry_id"].tolist() == ["ip", "ipl"]


def test_link_the_name_as_written_with_an_ampersand():
    reg = pd.DataFrame({
        "openalex_id": ["hkust", "hkust-gz"],
        "name": ["Hong Kong University of Science and Technology",
                 "The Hong Kong University of Science and Technology (Guangzhou)"],
        "country": ["HK", "CN"], "city": ["Hong Kong", "Guangzhou"],
    })
    out = link_affiliations(["Hong Kong University of Science & Technology",
                             "The Hong Kong University of Science and Technology, Guangzhou"],
                            reg)
    assert out["registry_id"].tolist() == ["hkust", "hkust-gz"]
