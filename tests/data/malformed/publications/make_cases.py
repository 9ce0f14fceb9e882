"""Write the malformed publication files of this folder (run once; the files are committed).

    python tests/data/malformed/publications/make_cases.py

Every case is small and hand-made; nothing comes from a real export. The expected
outcome of each file is in ``tests/ingest/test_malformed_publications.py``. The 10 MB
single-field cases are generated at test time instead (too big to commit).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

HERE = Path(__file__).parent


def work(n: int, **kw) -> dict:
    w = {"id": f"https://openalex.org/W{n}", "publication_year": 2020, "title": f"Work {n}",
         "authorships": [{"author": {"id": f"https://openalex.org/A{n}", "display_name": "Ada"},
                          "institutions": [{"id": "https://openalex.org/I1",
                                            "display_name": "Univ X", "type": "education",
                                            "country_code": "NO"}]}]}
    w.update(kw)
    return w


def jl(*objs) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


WOS_REC = ("PT J\nAU Berg, K\nAF Berg, Kari\nTI Title {n}\n"
           "C1 [Berg, Kari] Univ Oslo, Dept Informat, Oslo, Norway.\nPY 2020\n"
           "UT WOS:00000000000000{n}\nER\n\n")
WOS_HEAD = "FN Clarivate Analytics Web of Science\nVR 1.0\n"
TAB_COLS = ["PT", "AU", "AF", "TI", "C1", "C3", "PY", "DI", "UT"]


def tab_row(n: int, **kw) -> str:
    vals = {"PT": "J", "AU": "Berg, K", "AF": "Berg, Kari", "TI": f"T{n}",
            "C1": "[Berg, Kari] Univ Oslo, Oslo, Norway", "C3": "University of Oslo",
            "PY": "2021", "DI": "", "UT": f"WOS:00000000000010{n}"}
    vals.update(kw)
    return "\t".join(vals[c] for c in TAB_COLS) + "\r\n"


TAB_HEAD = "\t".join(TAB_COLS) + "\r\n"
SC_HEAD = ('"Authors","Author(s) ID","Title","Year","Source title","DOI","Affiliations",'
           '"Authors with affiliations","EID"\n')


def sc_row(n: int, *, year="2021", eid=None, title=None, sep=",") -> str:
    cells = ["Berg K.; Moe P.", "1; 2", title or f"Title {n}", year, "J", "",
             "Dept X, Univ Oslo, Oslo, Norway; Equinor ASA, Stavanger, Norway",
             "Berg K., Dept X, Univ Oslo, Oslo, Norway; Moe P., Equinor ASA, Stavanger, Norway",
             eid if eid is not None else f"2-s2.0-{n}"]
    return sep.join('"' + c.replace('"', '""') + '"' for c in cells) + "\n"


def cases() -> dict[str, bytes]:
    u = lambda s: s.encode("utf-8")  # noqa: E731
    c: dict[str, bytes] = {}
    # --- OpenAlex
    c["oa_empty.jsonl"] = b""
    c["oa_truncated_last.jsonl"] = u(jl(work(1), work(2)) + json.dumps(work(3))[:40])
    c["oa_missing_id.jsonl"] = u(jl(work(1), {k: v for k, v in work(2).items() if k != "id"}))
    c["oa_u2028_in_string.jsonl"] = u(jl(work(1, title="a\u2028b\u2029c"), work(2)))
    c["oa_bom.jsonl"] = b"\xef\xbb\xbf" + u(jl(work(1), work(2)))
    c["oa_invalid_line.jsonl"] = u(jl(work(1)) + "{not json}\n" + jl(work(2)))
    c["oa_truncated_array.json"] = u(json.dumps([work(1), work(2), work(3)], indent=1)[:-60])
    c["oa_cp1252.jsonl"] = u(jl(work(1))) + b'{"id": "https://openalex.org/W2", "title": "caf\xe9"}\n'
    c["oa_duplicate_work.jsonl"] = u(jl(work(1), work(1), work(2)))
    c["oa_bad_year.jsonl"] = u(jl(work(1, publication_year="twenty"), work(2)))
    c["oa_authorships_not_list.jsonl"] = u(jl(work(1, authorships={"a": 1}), work(2)))
    c["oa_utf16.jsonl"] = jl(work(1), work(2)).encode("utf-16")
    c["oa_not_an_object.jsonl"] = u(jl(work(1), [1, 2], "text", work(2)))
    c["oa_truncated.jsonl.gz"] = gzip.compress(u(jl(*(work(i) for i in range(1, 200)))))[:900]
    c["oa_blank_lines_crlf.jsonl"] = u(jl(work(1)).replace("\n", "\r\n") + "\r\n\r\n" + jl(work(2)))
    c["oa_page_pretty.json"] = u(json.dumps({"meta": {"count": 2}, "results": [work(1), work(2)]},
                                            indent=2))
    c["oa_bad_id.jsonl"] = u(jl(work(1, id="https://openalex.org/A5"), work(2)))
    # --- WoS plain text
    c["wos_truncated_last.txt"] = u(WOS_HEAD + WOS_REC.format(n=1) + WOS_REC.format(n=2)[:60])
    c["wos_missing_ut.txt"] = u(WOS_HEAD + WOS_REC.format(n=1).replace("UT WOS:000000000000001\n", "")
                                + WOS_REC.format(n=2) + "EF\n")
    c["wos_header_only.txt"] = u(WOS_HEAD + "EF\n")
    c["wos_cp1252.txt"] = u(WOS_HEAD + WOS_REC.format(n=1)) + \
        WOS_REC.format(n=2).replace("Oslo", "M\xe5l\xf8y").encode("cp1252") + b"EF\n"
    c["wos_garbage_line.txt"] = u(WOS_HEAD + WOS_REC.format(n=1).replace("PY 2020\n", "PY 2020\n#garbage\n")
                                  + WOS_REC.format(n=2) + "EF\n")
    c["wos_bad_year.txt"] = u(WOS_HEAD + WOS_REC.format(n=1).replace("PY 2020", "PY 20x0")
                              + WOS_REC.format(n=2) + "EF\n")
    c["wos_missing_er.txt"] = u(WOS_HEAD + WOS_REC.format(n=1).replace("ER\n", "")
                                + WOS_REC.format(n=2) + WOS_REC.format(n=3) + "EF\n")
    c["wos_bom_crlf.txt"] = b"\xef\xbb\xbf" + u((WOS_HEAD + WOS_REC.format(n=1) + WOS_REC.format(n=2)
                                                 + "EF\n").replace("\n", "\r\n"))
    c["wos_thomson_header_dup.txt"] = u("FN Thomson Reuters Web of Science\u2122\nVR 1.0\n"
                                        + WOS_REC.format(n=1) + WOS_REC.format(n=1) + "EF\n")
    # --- WoS tab-delimited
    c["wostab_utf16.txt"] = (TAB_HEAD + tab_row(1) + tab_row(2)).encode("utf-16")
    c["wostab_short_row.txt"] = u(TAB_HEAD + tab_row(1) + tab_row(2)[:25])
    c["wostab_duplicated_header.txt"] = u(TAB_HEAD + tab_row(1) + TAB_HEAD + tab_row(2))
    c["wostab_header_only.txt"] = u("\ufeff" + TAB_HEAD)
    c["wostab_newline_in_field.txt"] = u(TAB_HEAD + tab_row(1, TI="broken\r\ntitle") + tab_row(2))
    c["wostab_missing_ut.txt"] = u(TAB_HEAD + tab_row(1, UT="") + tab_row(2))
    c["wostab_cp1252.txt"] = u(TAB_HEAD + tab_row(1)) + tab_row(2, AU="Ør, K").encode("cp1252")
    # --- Scopus CSV
    c["scopus_bom_semicolon.csv"] = b"\xef\xbb\xbf" + u(SC_HEAD.replace(",", ";")
                                                         + sc_row(1, sep=";") + sc_row(2, sep=";"))
    c["scopus_stray_quote.csv"] = u(SC_HEAD + sc_row(1) + sc_row(2)[:-1].replace('"Title 2"', '"Title "2"') + "\n"
                                    + sc_row(3))
    c["scopus_unclosed_quote.csv"] = u(SC_HEAD + sc_row(1) + sc_row(2).replace('"Title 2"', '"Title 2')
                                       + sc_row(3))
    c["scopus_truncated_last.csv"] = u(SC_HEAD + sc_row(1) + sc_row(2)[:50])
    c["scopus_duplicated_header.csv"] = u(SC_HEAD + sc_row(1) + SC_HEAD + sc_row(2))
    c["scopus_header_only.csv"] = u(SC_HEAD)
    c["scopus_missing_eid.csv"] = u(SC_HEAD + sc_row(1, eid="") + sc_row(2))
    c["scopus_cp1252.csv"] = u(SC_HEAD + sc_row(1)) + sc_row(2, title="Caf\u00e9").encode("cp1252")
    c["scopus_utf16.csv"] = (SC_HEAD + sc_row(1) + sc_row(2)).encode("utf-16")
    c["scopus_extra_fields.csv"] = u(SC_HEAD + sc_row(1)[:-1] + ',"x"\n' + sc_row(2))
    c["scopus_bad_year.csv"] = u(SC_HEAD + sc_row(1, year="2O21") + sc_row(2))
    c["scopus_crlf.csv"] = u((SC_HEAD + sc_row(1) + sc_row(2)).replace("\n", "\r\n"))
    c["scopus_empty.csv"] = b""
    c["scopus_newline_in_title.csv"] = u(SC_HEAD + sc_row(1, title="two\nlines") + sc_row(2))
    return c


if __name__ == "__main__":
    for name, data in cases().items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(cases())} files to {HERE}")
