"""Write the malformed patent and contract fixtures of this folder (run: python _make.py).

Each file is one broken case; tests/ingest/test_malformed_patents_contracts.py says what
netkit must do with it (a clear error with file and line, or quarantined records).
"""

import csv
import io
from pathlib import Path

HERE = Path(__file__).parent


def grant(num="07100001", filing="20040105", assignee="<orgname>Acme Widgets Inc.</orgname>",
          extra="", app=True):
    app_ref = (f"<application-reference appl-type=\"utility\"><document-id><country>US</country>"
               f"<doc-number>10750001</doc-number><date>{filing}</date></document-id>"
               f"</application-reference>\n") if app else ""
    pub = f"<doc-number>{num}</doc-number>" if num else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v42-2006-08-23.dtd" [ ]>\n'
        '<us-patent-grant lang="EN" dtd-version="v4.2 2006-08-23" id="us-patent-grant" '
        'country="US">\n<us-bibliographic-data-grant>\n'
        f"<publication-reference><document-id><country>US</country>{pub}<kind>B2</kind>"
        "<date>20060905</date></document-id></publication-reference>\n"
        f"{app_ref}"
        "<invention-title id=\"t1\">Widget holder</invention-title>\n"
        "<parties><applicants><applicant sequence=\"001\" app-type=\"applicant-inventor\" "
        "designation=\"us-only\"><addressbook><last-name>Doe</last-name><first-name>Jane</first-name>"
        "<address><city>Austin</city><state>TX</state><country>US</country></address>"
        "</addressbook></applicant></applicants></parties>\n"
        f"<assignees><assignee><addressbook>{assignee}<role>02</role><address><city>Austin</city>"
        "<country>US</country></address></addressbook></assignee></assignees>\n"
        f"</us-bibliographic-data-grant>\n{extra}"
        "<claims id=\"claims\"><claim id=\"CLM-00001\" num=\"00001\"><claim-text>1. A widget "
        "holder.</claim-text></claim></claims>\n</us-patent-grant>\n"
    )


LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
              for i in range(1, 10))
    + "]>\n<us-patent-grant>&lol9;</us-patent-grant>\n"
)
EXTERNAL = ('<?xml version="1.0"?>\n<!DOCTYPE us-patent-grant [\n'
            ' <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<us-patent-grant>&xxe;</us-patent-grant>\n')


def w(name, text, encoding="utf-8"):
    data = text if isinstance(text, bytes) else text.encode(encoding)
    (HERE / name).write_bytes(data)


def table(rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, eol="\n"):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=eol).writerows(rows)
    return buf.getvalue()


def main():
    # --- USPTO grant XML ------------------------------------------------------------
    g1, g2, g3 = grant("07100001"), grant("07100002"), grant("07100003")
    w("uspto_truncated_last.xml", g1 + g2[: len(g2) // 2])
    w("uspto_truncated_middle.xml", g1 + g2[: len(g2) // 2] + g3)
    w("uspto_billion_laughs.xml", g1 + LAUGHS)
    w("uspto_external_entity.xml", g1 + EXTERNAL)
    w("uspto_bad_filing_date.xml", g1 + grant("07100002", filing="20031399"))
    w("uspto_missing_filing_date.xml", grant("07100002", app=False) + g1)
    w("uspto_missing_doc_number.xml", grant(num="") + g1)
    w("uspto_assignee_without_name.xml", grant(assignee="") + g2)
    w("uspto_undefined_entity.xml", grant(extra="<abstract><p>&thgr; angle</p></abstract>\n") + g2)
    w("uspto_duplicate_grant.xml", g1 + g1)
    w("uspto_junk_after_document.xml", g1 + g2.replace("</us-patent-grant>\n",
                                                       "</us-patent-grant>\nJUNK LINE\n"))
    w("uspto_bad_bytes.xml", g1.encode() + grant("07100002").encode().replace(b"Widget holder",
                                                                              b"Widget h\xf6lder"))
    # --- PatentsView (one folder per case) --------------------------------------------
    q = lambda s: f'"{s}"'  # noqa: E731
    pat_head = "\t".join(map(q, ["patent_id", "patent_type", "patent_date", "patent_title",
                                 "wipo_kind", "num_claims", "withdrawn", "filename"]))
    pat = lambda pid, title="Widget", d="2019-01-01": "\t".join(  # noqa: E731
        [q(pid), q("utility"), q(d), q(title), q("B2"), "3", "0", q("ipg190101.xml")])
    inv_head = "\t".join(map(q, ["patent_id", "inventor_sequence", "inventor_id",
                                 "disambig_inventor_name_first", "disambig_inventor_name_last",
                                 "gender_code", "location_id"]))
    inv = lambda pid, iid: "\t".join([q(pid), "0", q(iid), q("Ada"), q("Byron"), q("F"), q("l1")])  # noqa: E731
    app_head = "\t".join(map(q, ["application_id", "patent_id", "patent_application_type",
                                 "filing_date", "series_code", "rule_47_flag"]))

    def pv(case, files):
        d = HERE / case
        d.mkdir(exist_ok=True)
        for name, lines in files.items():
            (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    pv("pv_extra_tab", {"g_patent.tsv": [pat_head, pat("1"), pat("2", "Widget\twith a tab"), pat("3")]})
    pv("pv_embedded_newline", {"g_patent.tsv": [pat_head, pat("1"), pat("2", "Widget\nsecond line"),
                                                pat("3")]})
    pv("pv_bad_filing_date", {"g_patent.tsv": [pat_head, pat("1"), pat("2")],
                              "g_application.tsv": [app_head,
                                                    "\t".join([q("a1"), q("1"), q("15"), q("1074-13-13"), q("15"), "0"]),
                                                    "\t".join([q("a2"), q("2"), q("15"), q("2017-02-03"), q("15"), "0"])]})
    pv("pv_missing_column", {"g_inventor_disambiguated.tsv": [
        "\t".join(map(q, ["patent_id", "inventor_sequence", "disambig_inventor_name_first"])),
        "\t".join([q("1"), "0", q("Ada")])]})
    pv("pv_comma_delimited", {"g_patent.tsv": [pat_head.replace("\t", ","), pat("1").replace("\t", ",")]})
    pv("pv_orphan_inventor", {"g_patent.tsv": [pat_head, pat("1")],
                              "g_inventor_disambiguated.tsv": [inv_head, inv("1", "i1"), inv("404", "i2")]})
    pv("pv_blank_line", {"g_patent.tsv": [pat_head, pat("1"), "", pat("2")]})
    pv("pv_stray_quotes", {"g_patent.tsv": [pat_head, pat("1", 'He said "yes'), '"2"\t"utility"\t"2019-01-01"\t"Half-quoted\t"B2"\t3\t0\t"x.xml"',
                                            pat("3", '"'), pat("4")]})
    pv("pv_bad_grant_date", {"g_patent.tsv": [pat_head, pat("1", d="2019-02-30"), pat("2", d="")]})
    # --- CORDIS processed participations ------------------------------------------------
    head = ["rcn", "role", "pic", "type", "contribution", "country", "start_date", "end_date",
            "max_contribution", "total_cost", "start_year", "end_year", "duration", "group", "nunique"]
    ok = ["194261", "participant", "991228063", "PRC", "329000", "BE", "2015-03-01", "2018-08-31",
          "5230698.75", "6079642.5", "2015", "2018", "42", "eu15", "8"]

    def cordis_row(**kw):
        r = dict(zip(head, ok, strict=True))
        r.update(kw)
        return [r[h] for h in head]

    w("cordis_negative_contribution.csv", table([head, ok, cordis_row(pic="2", contribution="-5")]))
    w("cordis_bad_start_date.csv", table([head, ok, cordis_row(pic="2", start_date="2015-02-30")]))
    w("cordis_semicolon_delimited.csv", table([head, ok], delimiter=";"))
    w("cordis_short_row.csv", table([head, ok, ok[:7]]))
    w("cordis_unknown_role.csv", table([head, ok, cordis_row(pic="2", role="observer")]))
    w("cordis_bad_rcn.csv", table([head, ok, cordis_row(rcn="19x261", pic="2")]))
    # --- CORDIS raw organization.csv ----------------------------------------------------
    ohead = ["projectID", "projectAcronym", "organisationID", "vatNumber", "name", "shortName",
             "SME", "activityType", "city", "country", "role", "ecContribution"]
    orow = lambda pic, name: ["101000001", "X", pic, "", name, "", "false", "HES", "Oslo", "NO",  # noqa: E731
                              "participant", "1000"]
    raw = table([ohead, orow("1", "Univ A")], delimiter=";")
    raw += '101000001;X;2;;"Univ B;false;HES;Oslo;NO;participant;1000\n'  # quote never closed
    raw += table([orow(str(i), f"Univ {i}") for i in range(3, 8)], delimiter=";")
    w("cordis_raw_stray_quote.csv", raw)
    stray = table([head, ok]) + ",".join(cordis_row(pic='"2')) + "\n"
    stray += table([cordis_row(pic=str(i)) for i in range(3, 6)])
    w("cordis_stray_quote.csv", stray)
    w("cordis_raw_missing_columns.csv", table([[h for h in ohead if h != "activityType"],
                                               orow("1", "Univ A")[:7] + orow("1", "")[8:]],
                                              delimiter=";", quoting=csv.QUOTE_ALL))
    # --- Norway -------------------------------------------------------------------------
    nhead = ["Prosjektnr", "Prosjektnavn", "Søknadstype", "Kontrakt startdato", "Organisasjonsnummer",
             "Organisasjonsnavn", "Organisasjon rolle", "Deltakernr", "FoU sektorkode",
             "Adresse kommune", "Adresse fylke", "Innvilget beløp organisasjon EUR"]
    nrow = lambda **kw: [kw.get(k, v) for k, v in zip(nhead, [  # noqa: E731
        "779469", "Haeolus", "IA", "01.01.2018 00:00", "998433290", "VARANGER KRAFTVIND AS",
        "PARTICIPANT", "6", "NÆR", "Vadsø", "Finnmark", "870624.99999984"], strict=True)]
    w("norway_bad_date.csv", table([nhead, nrow(), nrow(**{"Organisasjonsnummer": "1", "Kontrakt startdato": "31.02.2018 00:00"})],
                                   delimiter=";", eol="\r\n"))
    w("norway_missing_orgnr.csv", table([nhead, nrow(), nrow(**{"Organisasjonsnummer": ""})],
                                        delimiter=";", eol="\r\n"))
    w("norway_unknown_sector_code.csv", table([nhead, nrow(**{"FoU sektorkode": "XYZ", "Organisasjonsnavn": "Oslo kommune", "Organisasjonsnummer": "2"})],
                                              delimiter=";", eol="\r\n"))
    w("norway_cp1252.csv", table([nhead, nrow(), nrow(**{"Organisasjonsnavn": "BRØNNØY AS", "Organisasjonsnummer": "3"})],
                                 delimiter=";", eol="\r\n"), encoding="cp1252")
    w("norway_negative_amount.csv", table([nhead, nrow(), nrow(**{"Organisasjonsnummer": "4", "Innvilget beløp organisasjon EUR": "-100"})],
                                          delimiter=";", eol="\r\n"))
    stray = table([nhead, nrow()], delimiter=";", eol="\r\n")
    stray += ";".join(nrow(**{"Organisasjonsnummer": "5", "Organisasjonsnavn": '"NORSK "KVALITET AS'})) + "\r\n"
    stray += table([nrow(**{"Organisasjonsnummer": str(i)}) for i in range(6, 9)], delimiter=";", eol="\r\n")
    w("norway_stray_quote.csv", stray)
    # --- NSERC --------------------------------------------------------------------------
    shead = ["Cle", "PartOrganizationID", "PartInstitution-\ufffdtablissement", "ProvinceEN",
             "ProvinceFR", "CountryEN", "CountryFR", "FiscalYear-Exercice financier"]
    srow = ["30188", "9001", "Aon Reed Stenhouse Inc.", "Alberta", "Alberta", "CANADA", "CANADA", "1994"]
    w("nserc_bad_year.csv", table([shead, srow, [*srow[:1], "9002", *srow[2:7], "19x4"]], eol="\r\n"))
    w("nserc_missing_name.csv", table([shead, srow, [*srow[:1], "9003", "", *srow[3:]]], eol="\r\n"))
    # --- NSF ----------------------------------------------------------------------------
    def award(aid="1500999", date="02/01/2016", amount="1000", inst="<Institution><Name>Kent State University</Name></Institution>"):
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rootTag>\n<Award>\n<AwardTitle>T</AwardTitle>\n'
                f"<AwardEffectiveDate>{date}</AwardEffectiveDate>\n<AwardAmount>{amount}</AwardAmount>\n"
                f"<AwardID>{aid}</AwardID>\n{inst}\n</Award>\n</rootTag>\n")
    w("nsf_truncated.xml", award()[:120])
    w("nsf_bad_date.xml", award(date="13/45/2016"))
    w("nsf_negative_amount.xml", award(amount="-1000"))
    w("nsf_billion_laughs.xml", LAUGHS.replace("us-patent-grant", "rootTag").replace(
        "<rootTag>&lol9;</rootTag>", "<rootTag><Award>&lol9;</Award></rootTag>"))
    w("nsf_no_institution.xml", award(inst=""))
    # --- SBIR ---------------------------------------------------------------------------
    bhead = ["Company", "Award Title", "Agency", "Phase", "Program", "Agency Tracking Number",
             "Contract", "Proposal Award Date", "Award Year", "Award Amount", "Duns", "UEI", "RI Name"]
    brow = ["Acme LLC", "T", "DOD", "Phase I", "SBIR", "A1", "C1", "2019-08-20", "2019", "1000", "", "U1", ""]
    w("sbir_negative_amount.csv", table([bhead, brow, [*brow[:6], "C2", "2019-08-20", "2019", "-5", *brow[10:]]]))
    w("sbir_bad_program.csv", table([bhead, brow, [*brow[:4], "SBOR", "A2", "C2", *brow[7:]]]))
    w("sbir_bad_award_year.csv", table([bhead, brow, [*brow[:6], "C3", "2019-08-20", "twenty", *brow[9:]]]))
    w("sbir_missing_award_id.csv", table([bhead, brow, [*brow[:5], "", "", *brow[7:]]]))


if __name__ == "__main__":
    main()
