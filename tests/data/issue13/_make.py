"""Write the issue-13 fixtures of this folder (run from anywhere: python _make.py).

* ``names_*``: one record per organisation name, names that differ only outside
  ``[0-9a-z]`` (other scripts, ``+``, ``ø``): every reader must give them distinct ids.
* ``wos_tab_no_ut.txt``: a WoS tab-delimited file whose header lacks ``UT``.
* ``cordis_paired_quotes.csv``: two stray quotes that join three rows into one record
  with the right number of fields.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMES = ["北京大学", "清华大学", "Московский университет", "Московский институт",
         "C Ltd", "C++ Ltd", "Ørsted AS", "Rsted AS"]


def write(name: str, text: str) -> None:
    (HERE / name).write_text(text, encoding="utf-8", newline="")


def main() -> None:
    write("names_mapped.toml", 'source = "reg"\n[columns]\nevent_id = "No"\nyear = "Year"\n'
                               'organisation = "Org"\n')
    write("names_mapped.csv", "No,Year,Org\n" + "".join(
        f"{i},2020,{n}\n" for i, n in enumerate(NAMES, 1)))
    nsf = HERE / "names_nsf"
    nsf.mkdir(exist_ok=True)
    for i, n in enumerate(NAMES, 1):
        (nsf / f"150000{i}.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?><rootTag><Award><AwardTitle>T</AwardTitle>'
            '<AwardEffectiveDate>02/01/2016</AwardEffectiveDate><AwardAmount>1000</AwardAmount>'
            f'<AwardID>150000{i}</AwardID><Institution><Name>{n}</Name>'
            '<CountryName>United States</CountryName></Institution></Award></rootTag>\n',
            encoding="utf-8")
    write("names_sbir.csv", "Company,Agency,Program,Contract,Award Year,Award Amount\n" + "".join(
        f"{n},DOD,SBIR,C-{i},2019,1000\n" for i, n in enumerate(NAMES, 1)))
    grants = "".join(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<us-patent-grant lang="EN" dtd-version="v45 2014-04-03" id="us-patent-grant" country="US">
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>0892500{i}</doc-number>
<kind>B2</kind><date>20150106</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country>
<doc-number>1390000{i}</doc-number><date>20130521</date></document-id></application-reference>
<invention-title id="d2e43">Thing {i}</invention-title>
<assignees><assignee><addressbook><orgname>{n}</orgname><role>03</role>
<address><country>NO</country></address></addressbook></assignee></assignees>
</us-bibliographic-data-grant>
</us-patent-grant>
""" for i, n in enumerate(NAMES, 1))
    write("names_uspto.xml", grants)
    write("names_wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\n" + "".join(
        f"PT J\nAF Berg, Kari\nTI Title {i}\nC1 [Berg, Kari] {n}, Oslo, Norway.\nPY 2020\n"
        f"UT WOS:00000{i}\nER\n\n" for i, n in enumerate(NAMES, 1)) + "EF\n")
    pv = HERE / "names_pv"
    pv.mkdir(exist_ok=True)
    (pv / "g_patent.tsv").write_text(
        "patent_id\tpatent_type\tpatent_date\tpatent_title\n" + "".join(
            f"1000000{i}\tutility\t2018-06-19\tThing {i}\n" for i in range(1, len(NAMES) + 1)),
        encoding="utf-8")
    (pv / "g_assignee_disambiguated.tsv").write_text(
        "patent_id\tassignee_sequence\tassignee_id\tdisambig_assignee_individual_name_first\t"
        "disambig_assignee_individual_name_last\tdisambig_assignee_organization\tassignee_type\t"
        "location_id\n" + "".join(
            f"1000000{i}\t0\t\t\t\t{n}\t2\t\n" for i, n in enumerate(NAMES, 1)),
        encoding="utf-8")
    write("names_scopus.csv", '"Authors","Author(s) ID","Title","Year","Affiliations",'
                              '"Authors with affiliations","EID"\n' + "".join(
        f'"Berg K.","5700000000{i}","T {i}","2020","{n}, Oslo, Norway",'
        f'"Berg K., {n}, Oslo, Norway","2-s2.0-8500000000{i}"\n' for i, n in enumerate(NAMES, 1)))
    write("names_openalex.jsonl", "".join(json.dumps({
        "id": f"https://openalex.org/W10{i}", "publication_year": 2020, "title": f"T {i}",
        "authorships": [{"author": {"id": f"https://openalex.org/A10{i}", "display_name": "K B"},
                         "institutions": [{"id": None, "display_name": n, "country_code": "NO",
                                           "type": None}]}]}, ensure_ascii=False) + "\n"
        for i, n in enumerate(NAMES, 1)))
    write("wos_tab_no_ut.txt", "PT\tAF\tC1\tTI\tPY\tDI\n"
                               "J\tMoe, Per\t[Moe, Per] Equinor ASA, Stavanger, Norway\tT\t2021\t10.1/x\n")
    write("cordis_paired_quotes.csv",
          "rcn,role,pic,type,contribution,country,start_date,end_date,max_contribution\n"
          "194261,participant,991228063,PRC,329000,BE,2015-03-01,2018-08-31,5230698.75\n"
          '194261,participant,"998802502,REC,583125,EL,2015-03-01,2018-08-31,5230698.75\n'
          "194262,coordinator,999987648,HES,100000,NO,2015-04-01,2018-08-31,100000\n"
          '194263,participant,9999"12345,PRC,5000,SE,2015-05-01,2018-08-31,5000\n'
          "194264,participant,999912346,PRC,5000,DK,2015-05-01,2018-08-31,5000\n")


if __name__ == "__main__":
    main()
