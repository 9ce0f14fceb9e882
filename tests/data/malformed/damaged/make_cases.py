"""Write the damaged input files of this folder (run once; the files are committed).

    python tests/data/malformed/damaged/make_cases.py

Each file is a small, hand-made input showing one kind of damage (issue 13): a bad
first line, bare-CR line ends, a bad byte inside a JSON array, a wrong encoding deep in
a file, UTF-16, a truncated or empty archive. The expected outcome of each file is in
``tests/ingest/test_damaged_input.py``; decompression bombs are generated at test time.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
PUB = HERE.parent / "publications"


def work(n: int) -> dict:
    return {"id": f"https://openalex.org/W{n}", "publication_year": 2020, "title": f"Work {n}",
            "authorships": [{"author": {"id": f"https://openalex.org/A{n}", "display_name": "Ada"},
                             "institutions": [{"id": "https://openalex.org/I1",
                                               "display_name": "Univ X", "type": "education",
                                               "country_code": "NO"}]}]}


GRANT = ('<?xml version="1.0" encoding="{enc}"?>\n<!DOCTYPE us-patent-grant SYSTEM '
         '"us-patent-grant-v45-2014-04-03.dtd" [ ]>\n<us-patent-grant><us-bibliographic-data-grant>'
         '<publication-reference><document-id><doc-number>0700000{n}</doc-number><kind>B2</kind>'
         '<date>20060214</date></document-id></publication-reference><application-reference>'
         '<document-id><doc-number>1000{n}</doc-number><date>20030109</date></document-id>'
         '</application-reference><invention-title>Widget {n}</invention-title><assignees>'
         '<assignee><addressbook><orgname>Acme Widgets Inc.</orgname><role>02</role><address>'
         '<city>Austin</city><state>TX</state><country>US</country></address></addressbook>'
         '</assignee></assignees></us-bibliographic-data-grant></us-patent-grant>\n')


def main() -> None:
    lines = [json.dumps(work(n)) for n in range(1, 5)]
    bad_first = lines[0][:-30]  # cut short: not a whole JSON object
    (HERE / "oa_bad_first_line.jsonl").write_text(
        bad_first + "\n" + "\n".join(lines[1:]) + "\n", "utf-8")
    (HERE / "oa_bad_first_line_cr.jsonl").write_bytes(
        (bad_first + "\r" + "\r".join(lines[1:]) + "\r").encode())
    (HERE / "oa_garbage_first_line.jsonl").write_text(
        "\x00\x17garbage" + bad_first[40:] + "\n" + "\n".join(lines[1:]) + "\n", "utf-8")
    (HERE / "oa_cr_only.jsonl").write_bytes(("\r".join(lines) + "\r").encode())

    arr = json.dumps([work(n) for n in range(1, 6)], indent=2)
    i = arr.index('"title": "Work 2"')
    (HERE / "oa_array_bad_byte.json").write_text(arr[:i + 9] + "\x01" + arr[i + 10:], "utf-8")
    page = json.dumps({"meta": {"count": 5}, "results": [work(n) for n in range(1, 6)]}, indent=2)
    i = page.index('"Work 3"')
    (HERE / "oa_page_bad_byte.json").write_text(page[:i] + page[i + 1:], "utf-8")  # lost quote
    i = page.index('"count"')
    (HERE / "oa_page_bad_meta.json").write_text(page[:i] + "#" + page[i + 1:], "utf-8")
    shuffled = [{"title": w.pop("title"), **w} for w in (work(n) for n in range(1, 6))]
    arr2 = json.dumps(shuffled, indent=2)  # "id" not first: no place to resume at
    i = arr2.index('"title": "Work 2"')
    (HERE / "oa_array_ids_not_first.json").write_text(arr2[:i + 9] + "\x01" + arr2[i + 10:],
                                                        "utf-8")
    b = arr.encode()
    i = b.index(b"Work 4")
    (HERE / "oa_array_cp1252.json").write_bytes(b[:i] + "Caf\u00e9 ".encode("cp1252") + b[i:])

    wos = (PUB / "wos_bom_crlf.txt").read_bytes()
    (HERE / "wos_cr_only.txt").write_bytes(wos.replace(b"\r\n", b"\r"))
    sc = (PUB / "scopus_crlf.csv").read_bytes()
    (HERE / "scopus_cr_only.csv").write_bytes(sc.replace(b"\r\n", b"\r"))

    grants = "".join(GRANT.format(enc="UTF-16", n=n) for n in range(1, 4))
    (HERE / "uspto_utf16.xml").write_bytes(grants.encode("utf-16"))
    (HERE / "uspto_cr_only.xml").write_bytes(
        "".join(GRANT.format(enc="UTF-8", n=n) for n in range(1, 4)).replace("\n", "\r").encode())

    jl = ("\n".join(lines) + "\n").encode()
    gz = gzip.compress(jl, mtime=0)
    (HERE / "trunc.jsonl.gz").write_bytes(gz[: len(gz) * 2 // 3])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("works.jsonl", (2020, 1, 1, 0, 0, 0)), jl,
                    zipfile.ZIP_DEFLATED)
    (HERE / "trunc.jsonl.zip").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    (HERE / "empty.jsonl.zip").write_bytes(b"")


if __name__ == "__main__":
    main()
