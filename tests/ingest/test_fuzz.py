"""Fuzz every reader with damaged copies of real and synthetic samples (issue 13).

For each reader a small slice of a sample (the first records of a file under
``../shared/datasets/real`` or ``datasets/synthetic``, or a test fixture) is damaged
by one mutation of a category (truncate, flip bytes, insert NUL / CR / quotes / BOM,
CRLF or CR-only line ends, blank lines, duplicate the header or a record, drop a
line, change the delimiter, drop a column) with a seed that hypothesis draws
(derandomized: the same cases every run). Each case must end in one of two ways:

* a clear error: a :class:`~netkit.errors.NetkitError` naming the file;
* a corpus whose accounting holds (``records_seen = loaded + quarantined +
  duplicates``) and whose ``records_seen`` equals an independent count of the records
  in the damaged file, made here by a simple method per format (lines for JSON Lines,
  ``ER`` for WoS, rows of the :mod:`csv` module for CSV, ``<?xml`` for USPTO …).

Anything else — another exception, a broken identity, a count that differs — fails.
``NETKIT_FUZZ_TABLE=path`` writes the damage table (reader × category → outcomes).
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.errors import NetkitError

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "datasets" / "real"
SYN = ROOT / "datasets" / "synthetic"
FIXTURES = ROOT / "tests" / "data" / "patents_contracts"

EXAMPLES = int(os.environ.get("NETKIT_FUZZ_EXAMPLES", "2"))
"""Seeds per (sample, category): 2 in CI (25 samples x 15 categories x 2 = 750 cases)."""

_NL = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Lines as netkit's documented convention cuts them: the first line end decides;
    a bare CR there makes CR, LF and CRLF line ends (classic Mac files), else lines
    end at LF (CRLF too) and a CR inside a line is text."""
    cr = text.find("\r")
    if cr >= 0 and "\n" not in text[: cr + 2]:
        return _NL.split(text)
    return [t.removesuffix("\r") for t in text.split("\n")]


# ------------------------------------------------------------------------- slices
def _lines(path: Path, n: int) -> bytes:
    """The first ``n`` physical lines of a file (bytes, line ends kept)."""
    out = []
    with open(path, "rb") as fh:
        for _ in range(n):
            line = fh.readline()
            if not line:
                break
            out.append(line)
    return b"".join(out)


def _wos_records(path: Path, n: int) -> bytes:
    out, seen = [], 0
    with open(path, "rb") as fh:
        for line in fh:
            out.append(line)
            if line.strip() == b"ER":
                seen += 1
                if seen == n:
                    break
    return b"".join(out) + b"\nEF\n"


def _csv_records(path: Path, n: int, encoding: str = "utf-8-sig") -> bytes:
    """Header and the first ``n`` CSV records, raw (a record ends where quotes balance)."""
    out, quotes, records = [], 0, 0
    with open(path, "rb") as fh:
        for line in fh:
            out.append(line)
            quotes += line.count(b'"')
            if quotes % 2 == 0:
                records += 1
                if records > n:
                    break
    return b"".join(out)


def _xml_docs(path: Path, n: int) -> bytes:
    data = path.read_bytes()
    starts = [m.start() for m in re.finditer(rb"<\?xml", data)]
    end = starts[n] if len(starts) > n else len(data)
    return data[:end]


def _zip_member(path: Path, n: int) -> bytes:
    with zipfile.ZipFile(path) as zf:
        text = zf.read(zf.namelist()[0])
    return b"".join(text.splitlines(keepends=True)[: n + 1])


def _json_array(path: Path, n: int) -> bytes:
    works = json.loads(path.read_text(encoding="utf-8"))[:n]
    return json.dumps(works, indent=1, ensure_ascii=False).encode("utf-8")


# ------------------------------------------------------------------------- counters
def _text(data: bytes) -> str:
    if data[:2] == b"\x1f\x8b":  # gzip: what decompresses before any cut
        data = zlib.decompressobj(wbits=31).decompress(data)
    enc = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    return data.decode(enc, errors="replace").lstrip("\ufeff")


def count_nonblank_lines(data: bytes, header: int = 0) -> int:
    """Non-blank lines (CR, LF or CRLF end a line), minus ``header`` lines."""
    lines = [t for t in split_lines(_text(data)) if t.strip().lstrip("\ufeff")]
    return max(len(lines) - header, 0)


def count_physical_lines(data: bytes, header: int = 1) -> int:
    """Every line, blank ones too (the final line end closes the last line)."""
    lines = split_lines(_text(data))
    if lines and lines[-1] == "":
        lines.pop()
    return max(len(lines) - header, 0)


def count_csv_rows(delimiter: str):
    """Records of the :mod:`csv` module after the header (blank lines skipped); a record
    spanning several lines that is not a real multi-line record (wrong width, or each
    line a whole row when quotes are ignored) counts its non-blank lines: the readers
    read those lines one by one (a stray quote joined them)."""

    def count(data: bytes) -> int:
        lines = split_lines(_text(data))
        if lines and lines[-1] == "":
            lines.pop()
        taken: list[str] = []

        def feed():
            for line in lines:
                taken.append(line)
                yield line + "\n"

        reader = csv.reader(feed(), delimiter=delimiter, strict=False)
        width, total = None, 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error:  # unreadable (a CR in an unquoted field): one bad record
                fields = ["?"] * (width or 1)
            span, taken[:] = list(taken), []
            if not fields or not "".join(span).strip():
                continue
            if width is None:
                width = len(fields)
                continue
            alone = [t for t in span if t.strip()]
            if len(span) > 1 and (len(fields) != width or all(
                    len(t.split(delimiter)) == width for t in alone)):
                total += len(alone)
            else:
                total += 1
        return total

    return count


def count_wos_plain(data: bytes) -> int:
    """Records of a tagged WoS file: stretches that end at ``ER`` (or ``EF``, or the end
    of the file) and hold a line besides blank lines and the ``FN``/``VR`` header."""
    n, content = 0, False
    for line in split_lines(_text(data)):
        s = line.rstrip()
        if s in ("ER", "EF"):
            n += content or s == "ER"
            content = False
        elif s.strip() and not (not content and re.match(r"(FN|VR)( |$)", s)):
            content = True
    return n + content


def count_xml_docs(data: bytes) -> int:
    """``<?xml`` declarations (each starts a document), plus text before the first."""
    if data[:2] in (b"\x1f\x8b", b"\xff\xfe", b"\xfe\xff"):
        data = _text(data).encode("utf-8")
    starts = [m.start() for m in re.finditer(rb"<\?xml", data)]
    lead = data[: starts[0]] if starts else data
    return len(starts) + bool(lead.strip(b" \t\r\n\xef\xbb\xbf"))


def count_openalex_ids(data: bytes) -> int:
    """Works of a JSON array or API page: their ``"id": "https://openalex.org/W…"``."""
    # ``[:;]``: the "delimiter" damage turns ':' into ';', the work is still there
    return len(re.findall(r'"id"\s*[:;]\s*"https[:;]//openalex\.org/W', _text(data)))


def count_one(data: bytes) -> int:
    return 1


# ------------------------------------------------------------------------- samples
# name: (format, file name, slice builder, counter, read options, what the delimiter is)
SAMPLES: dict[str, tuple] = {
    "wos-plain:real": ("wos", "savedrecs.txt",
                       lambda: _wos_records(REAL / "wos-plaintext" / "metaknowledge_savedrecs.txt", 12),
                       count_wos_plain, {}, None),
    "wos-plain:syn": ("wos", "wos.txt", lambda: _wos_records(SYN / "wos" / "wos_savedrecs.txt", 15),
                      count_wos_plain, {}, None),
    "wos-tab:real": ("wos-tab", "tab.txt", lambda: _lines(
        REAL / "wos-tabdelimited" / "scientopy_wos_2026-04-02_records_4001-4071.txt", 13),
        lambda d: count_nonblank_lines(d, 1), {}, "\t"),
    "scopus:real-2023": ("scopus", "scopus.csv", lambda: _csv_records(
        REAL / "scopus-csv" / "litstudy_scopus_v2_2023.csv", 12), count_csv_rows(","), {}, ","),
    "scopus:real-old": ("scopus", "scopus.csv", lambda: _csv_records(
        REAL / "scopus-csv" / "scientopy_scopus_2017_iot_gateway.csv", 12), count_csv_rows(","),
        {}, ","),
    "scopus:syn": ("scopus", "scopus.csv", lambda: _csv_records(SYN / "scopus" / "scopus.csv", 15),
                   count_csv_rows(","), {}, ","),
    "openalex:real-jsonl": ("openalex", "works.jsonl", lambda: _lines(
        REAL / "openalex-works" / "biodiversity_finance_search.openalex-works.jsonl", 8),
        count_nonblank_lines, {}, None),
    "openalex:real-array": ("openalex", "works.json", lambda: _json_array(
        REAL / "openalex-works" / "tu9_books_proceedings_2017-2023.openalex-works.json", 6),
        count_openalex_ids, {}, None),
    "openalex:syn": ("openalex", "works.jsonl", lambda: _lines(
        SYN / "openalex" / "openalex_works.jsonl", 15), count_nonblank_lines, {}, None),
    "openalex-institutions:real": ("openalex-institutions", "institutions.jsonl", lambda: _lines(
        REAL / "openalex-institutions" / "institutions_part_000_lines_0001-0400.jsonl", 8),
        count_nonblank_lines, {}, None),
    "uspto:real": ("uspto-xml", "ipg.xml", lambda: _xml_docs(
        REAL / "uspto-grant-xml" / "ipg050104.small.xml", 2), count_xml_docs, {}, None),
    "uspto:syn": ("uspto-xml", "ipg.xml", lambda: _xml_docs(SYN / "uspto" / "ipg150106.xml", 6),
                  count_xml_docs, {}, None),
    "patentsview:syn-patent": ("patentsview", "g_patent.tsv", lambda: _zip_member(
        SYN / "patentsview" / "g_patent.tsv.zip", 15), count_physical_lines, {}, "\t"),
    "patentsview:syn-assignee": ("patentsview", "g_assignee_disambiguated.tsv", lambda: _zip_member(
        SYN / "patentsview" / "g_assignee_disambiguated.tsv.zip", 15), count_physical_lines,
        {"_with": {"g_patent.tsv": lambda: _zip_member(SYN / "patentsview" / "g_patent.tsv.zip",
                                                       10**6)}}, "\t"),
    "cordis-participations:real": ("cordis-participations", "participations.csv", lambda: _lines(
        REAL / "cordis-h2020-participations" / "h2020_participations_start2015.csv", 20),
        count_csv_rows(","), {}, ","),
    "cordis-organization:syn": ("cordis-organization", "organization.csv", lambda: _csv_records(
        SYN / "cordis" / "organization.csv", 15), count_csv_rows(";"), {}, ";"),
    "cordis-project:syn": ("cordis-project", "project.csv", lambda: _csv_records(
        SYN / "cordis" / "project.csv", 15), count_csv_rows(";"), {}, ";"),
    "norway:real": ("norway-h2020", "norway.csv", lambda: _csv_records(
        REAL / "h2020-norway-participations" / "h2020_norway_participations_start2014-2018.csv",
        15), count_csv_rows(";"), {}, ";"),
    "nserc:real": ("nserc-partners", "nserc.csv", lambda: _lines(
        REAL / "nserc-partners" / "nserc_partners_fy1994_grants_part1.csv", 20),
        count_csv_rows(","), {}, ","),
    "nsf:real": ("nsf-xml", "1500186.xml", lambda: (REAL / "nsf-awards-xml" / "1500186.xml")
                 .read_bytes(), count_one, {}, None),
    "sbir:fixture": ("sbir-csv", "sbir.csv", lambda: (FIXTURES / "sbir_awards.csv").read_bytes(),
                     count_csv_rows(","), {}, ","),
    "csv-mapped:real-cordis": ("csv-mapped", "mapped.csv", lambda: _lines(
        REAL / "cordis-h2020-participations" / "h2020_participations_start2015.csv", 20),
        count_csv_rows(","), {"mapping": "MAPPING"}, ","),
}

MAPPING = ('source = "m"\n[columns]\nevent_id = "rcn"\nyear = "start_year"\norg_id = "pic"\n'
           'organisation = "pic"\nrole = "role"\ncountry = "country"\n'
           '[roles]\nparticipant = "participant"\ncoordinator = "coordinator"\n'
           'partner = "partner"\nthirdParty = "third_party"\n')


@cache
def base(sample: str) -> bytes:
    return SAMPLES[sample][2]()


# ------------------------------------------------------------------------- mutations
def _pos(rnd, data: bytes) -> int:
    return rnd.randrange(len(data) + 1)


def _split(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def m_truncate(data, rnd, delim):
    return data[: rnd.randrange(max(len(data), 1))]


def m_flip(data, rnd, delim):
    b = bytearray(data)
    for _ in range(rnd.randint(1, 3)):
        if b:
            i = rnd.randrange(len(b))
            b[i] ^= rnd.randint(1, 255)
    return bytes(b)


def _insert(data, rnd, what: bytes, times=(1, 3)):
    for _ in range(rnd.randint(*times)):
        i = _pos(rnd, data)
        data = data[:i] + what + data[i:]
    return data


def m_nul(data, rnd, delim):
    return _insert(data, rnd, b"\x00")


def m_quote(data, rnd, delim):
    return _insert(data, rnd, b'"', (1, 2))


def m_cr(data, rnd, delim):
    """A few line ends become a bare CR (mixed line ends)."""
    ends = [m.start() for m in re.finditer(rb"\n", data)]
    b = bytearray(data)
    for i in sorted(rnd.sample(ends, min(len(ends), rnd.randint(1, 3))), reverse=True):
        if i > 0 and b[i - 1] == 13:
            del b[i]
        else:
            b[i] = 13
    return bytes(b)


def m_crlf(data, rnd, delim):
    return re.sub(rb"\r?\n", b"\r\n", data)


def m_cr_only(data, rnd, delim):
    return re.sub(rb"\r?\n", b"\r", data)


def m_bom(data, rnd, delim):
    bom = b"\xef\xbb\xbf"
    if rnd.random() < 0.5:
        return bom + data.removeprefix(bom)
    lines = _split(data)
    i = rnd.randrange(len(lines))
    lines[i] = bom + lines[i]
    return b"\n".join(lines)


def m_blank(data, rnd, delim):
    lines = _split(data)
    for _ in range(rnd.randint(1, 3)):
        lines.insert(rnd.randrange(len(lines) + 1), rnd.choice([b"", b"   ", b"\t"]))
    return b"\n".join(lines)


def m_dup_header(data, rnd, delim):
    lines = _split(data)
    head = [ln for ln in lines[:3] if ln.strip()][:2] or [b""]
    i = rnd.randrange(1, len(lines) + 1)
    return b"\n".join(lines[:i] + head[:1 if delim else 2] + lines[i:])


def m_dup_record(data, rnd, delim):
    lines = _split(data)
    i = rnd.randrange(1, max(len(lines), 2))
    k = rnd.randint(1, 5)
    return b"\n".join(lines[:i] + lines[i - 1:i - 1 + k] + lines[i:])


def m_drop_line(data, rnd, delim):
    lines = _split(data)
    if len(lines) > 1:
        del lines[rnd.randrange(len(lines))]
    return b"\n".join(lines)


def m_delimiter(data, rnd, delim):
    if not delim:  # no delimiter: swap a structural character instead
        a, b = rnd.choice([(b":", b";"), (b",", b";"), (b"<", b"["), (b"  ", b"\t")])
        return data.replace(a, b, rnd.choice([1, 2, -1]))
    other = rnd.choice([d for d in (",", ";", "\t", "|") if d != delim]).encode()
    if rnd.random() < 0.5:
        return data.replace(delim.encode(), other)
    lines = _split(data)
    i = rnd.randrange(len(lines))
    lines[i] = lines[i].replace(delim.encode(), other)
    return b"\n".join(lines)


def m_drop_column(data, rnd, delim):
    lines = _split(data)
    if not delim:
        i = rnd.randrange(len(lines))
        del lines[i]
        return b"\n".join(lines)
    d = delim.encode()
    width = lines[0].count(d) + 1
    k = rnd.randrange(width)
    only_header = rnd.random() < 0.3
    out = []
    for j, line in enumerate(lines):
        if (only_header and j > 0) or not line.strip():
            out.append(line)
            continue
        cells = line.split(d)
        if k < len(cells):
            del cells[k]
        out.append(d.join(cells))
    return b"\n".join(out)


def m_utf16(data, rnd, delim):
    """The same text in UTF-16 with a byte-order mark (WoS and Excel write it)."""
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    return text.encode("utf-16")


def m_gzip(data, rnd, delim):
    """Gzipped (the file name gets ``.gz``); half the time the stream is cut short."""
    packed = gzip.compress(data, mtime=0)
    return packed[: rnd.randrange(10, len(packed))] if rnd.random() < 0.5 else packed


MUTATIONS = {
    "truncate": m_truncate, "flip-bytes": m_flip, "nul": m_nul, "quote": m_quote,
    "cr-mixed": m_cr, "crlf": m_crlf, "cr-only": m_cr_only, "bom": m_bom, "blank-lines": m_blank,
    "dup-header": m_dup_header, "dup-record": m_dup_record, "drop-line": m_drop_line,
    "delimiter": m_delimiter, "drop-column": m_drop_column, "utf16": m_utf16, "gzip": m_gzip,
}


# ------------------------------------------------------------------------- one case
OUTCOMES: dict[tuple[str, str, int], str] = {}
"""Outcome of every case run, by (sample, category, seed)."""
_LOST = re.compile(r"(\d+) work id\(s\) in it lost")


def _read(tmp: str, name: str, data: bytes, fmt: str, options: dict):
    """Write the damaged file (and its unharmed companions) and read them; the
    accounting rows of the damaged file."""
    path = Path(tmp) / name
    path.write_bytes(data)
    opts = dict(options)
    files = [path]
    for other, make in opts.pop("_with", {}).items():
        (Path(tmp) / other).write_bytes(make())
        files.append(Path(tmp) / other)
    if opts.get("mapping") == "MAPPING":
        (Path(tmp) / "map.toml").write_text(MAPPING)
        opts["mapping"] = Path(tmp) / "map.toml"
    corpus = nk.ingest.read(files, format=fmt, **opts)
    acc, q = corpus.accounting, corpus.quarantine
    return acc[acc["file"] == str(path)], list(q.loc[q["file"] == str(path), "reason"])


def run_case(sample: str, category: str, seed: int) -> tuple[str, str]:
    """Damage ``sample`` with ``category`` and ``seed``, read it; ``(outcome, detail)``
    with outcome ``error`` (a clear NetkitError), ``clean`` (no quarantine, right
    count), ``quarantine`` (right count), ``quarantine-loss-stated`` (a record that
    could not be resumed after, whose reason counts the records lost: seen + lost =
    the count) or ``failure``."""
    import random

    fmt, name, _, counter, options, delim = SAMPLES[sample]
    rnd = random.Random(f"{sample}/{category}/{seed}")
    data = MUTATIONS[category](base(sample), rnd, delim)
    if category == "gzip":
        name += ".gz"
    with tempfile.TemporaryDirectory() as tmp:
        try:
            acc, reasons = _read(tmp, name, data, fmt, options)
        except NetkitError as exc:
            if name not in str(exc):
                return "failure", f"error without the file name: {exc}"
            return "error", str(exc).replace(tmp, "")
        except Exception as exc:
            return "failure", f"{type(exc).__name__}: {exc}"
    if len(acc) != 1:
        return "failure", f"{len(acc)} accounting rows"
    row = acc.iloc[0]
    seen, parts = int(row.records_seen), (int(row.loaded), int(row.quarantined),
                                          int(row.duplicates))
    if seen != sum(parts):
        return "failure", f"identity broken: seen {seen} != {parts}"
    expected = counter(data)
    # a reader that cannot resume says how many records it lost (OpenAlex JSON)
    lost = sum(int(m) for r in reasons for m in _LOST.findall(r))
    if lost and seen + lost == expected:
        return "quarantine-loss-stated", ""
    if seen != expected:
        return "failure", f"records_seen {seen} (loaded, quarantined, dup = {parts}) " \
                          f"but the file holds {expected}"
    return ("quarantine" if parts[1] else "clean"), ""


PAIRS = [(s, c) for s in SAMPLES for c in MUTATIONS]

def _param(sample: str, category: str):
    return pytest.param(sample, category, id=f"{sample}-{category}")


@pytest.fixture(scope="module", autouse=True)
def _damage_table():
    yield
    out = os.environ.get("NETKIT_FUZZ_TABLE")
    if out:
        table = Counter((s, c, o) for (s, c, _), o in OUTCOMES.items())
        Path(out).write_text(json.dumps(
            [[*k, v] for k, v in sorted(table.items())], ensure_ascii=False, indent=0))


def test_unmutated_samples_count_right(real_data):
    """The counters agree with the readers on the undamaged slices (no quarantine)."""
    for sample, (fmt, name, _, counter, options, _) in SAMPLES.items():
        with tempfile.TemporaryDirectory() as tmp:
            acc = _read(tmp, name, base(sample), fmt, options)[0].iloc[0]
        assert acc.records_seen == counter(base(sample)) > 0, sample
        assert acc.quarantined == 0, sample


@pytest.mark.parametrize(("sample", "category"), [_param(s, c) for s, c in PAIRS])
def test_fuzz(sample, category, real_data):
    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],  # a seed does not shrink
              suppress_health_check=list(HealthCheck))
    @given(seed=st.integers(0, 2**32 - 1))
    def case(seed):
        outcome, detail = run_case(sample, category, seed)
        OUTCOMES[(sample, category, seed)] = outcome
        assert outcome != "failure", f"{sample} / {category} / seed {seed}: {detail}"

    case()
