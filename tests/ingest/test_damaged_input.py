"""Damaged and hostile input (issue 13): every record counted, nothing lost silently.

The small files are in ``tests/data/malformed/damaged`` (written by its
``make_cases.py``); decompression bombs, truncated archives of the other formats,
hidden folders and dangling links are made in ``tmp_path``. Each case states what
must happen: the records loaded and the lines quarantined, or an
:class:`~netkit.errors.InputError` naming the file (exit 2 on the command line).
"""

from __future__ import annotations

import gzip
import json
import logging
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

import netkit as nk
from netkit.errors import InputError
from netkit.ingest.textio import MAX_RATIO, RATIO_AFTER
from netkit.model.accounting import AccountingError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "malformed" / "damaged"
PUB = ROOT / "tests" / "data" / "malformed" / "publications"

# file: (format, loaded, quarantined lines, words the (first) quarantine reason must hold)
LOADS = {
    "oa_bad_first_line.jsonl": ("openalex", 3, [1], "invalid JSON"),
    "oa_bad_first_line_cr.jsonl": ("openalex", 3, [1], "invalid JSON"),
    "oa_garbage_first_line.jsonl": ("openalex", 3, [1], "invalid JSON"),
    "oa_cr_only.jsonl": ("openalex", 4, [], None),
    "oa_array_bad_byte.json": ("openalex", 4, [23], "resumed at the next work (line 44)"),
    "oa_page_bad_byte.json": ("openalex", 4, [48], "resumed at the next work (line 69)"),
    "oa_page_bad_meta.json": ("openalex", 5, [2], "resumed at the next work (line 6)"),
    "oa_array_ids_not_first.json": ("openalex", 1, [23], "4 work id(s) in it lost"),
    "wos_cr_only.txt": ("wos", 2, [], None),
    "scopus_cr_only.csv": ("scopus", 2, [], None),
    "uspto_utf16.xml": ("uspto-xml", 3, [], None),
    "uspto_cr_only.xml": ("uspto-xml", 3, [], None),
}

# file: (line named in the error or None, words the message must contain)
ERRORS = {
    "oa_array_cp1252.json": (68, ["0xe9", "--encoding"]),
    "trunc.jsonl.gz": (None, ["truncated or corrupt"]),
    "trunc.jsonl.zip": (None, ["not a readable zip archive", "truncated"]),
    "empty.jsonl.zip": (None, ["not a readable zip archive", "empty"]),
}


def test_collection_is_complete():
    files = {p.name for p in DATA.iterdir() if p.suffix != ".py"}
    assert files == set(LOADS) | set(ERRORS)


@pytest.mark.parametrize("name", sorted(LOADS))
def test_damaged_file_is_read_and_accounted(name):
    fmt, loaded, lines, words = LOADS[name]
    path = DATA / name
    assert nk.ingest.sniff(path) == fmt
    c = nk.ingest.read(path)
    acc = c.accounting.iloc[0]
    assert (acc["loaded"], acc["quarantined"]) == (loaded, len(lines))
    assert acc["records_seen"] == loaded + len(lines)
    assert c.n_events == loaded
    assert c.quarantine["line"].tolist() == lines
    if words:
        assert words in c.quarantine["reason"].iloc[0]


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_damaged_file_is_a_clear_error(name):
    line, words = ERRORS[name]
    with pytest.raises(InputError) as info:
        nk.ingest.read(DATA / name, format="openalex")
    err = info.value
    assert err.file == str(DATA / name)
    assert err.line == line
    for w in words:
        assert w in str(err)


def test_bad_first_line_keeps_the_line_numbers():
    c = nk.ingest.read(DATA / "oa_bad_first_line_cr.jsonl")
    assert c.events["origin"].str.rsplit(":", n=1).str[1].tolist() == ["2", "3", "4"]


def test_utf16_patents_are_the_same_as_utf8(tmp_path):
    utf8 = tmp_path / "ipg.xml"
    text = (DATA / "uspto_utf16.xml").read_bytes().decode("utf-16")
    utf8.write_text(text.replace('encoding="UTF-16"', 'encoding="UTF-8"'), "utf-8")
    a, b = nk.ingest.read(DATA / "uspto_utf16.xml"), nk.ingest.read(utf8)
    assert a.events.drop(columns="origin").equals(b.events.drop(columns="origin"))
    assert a.organizations.equals(b.organizations)


# -- truncated archives of every text format: one clear error, never an internal one --------

@pytest.mark.parametrize("source, fmt", [
    ("oa_bom.jsonl", "openalex"), ("wos_bom_crlf.txt", "wos"), ("wostab_utf16.txt", "wos-tab"),
    ("scopus_crlf.csv", "scopus")])
@pytest.mark.parametrize("archive", ["gz", "bz2", "zip"])
def test_truncated_archive_is_a_clear_error(tmp_path, source, fmt, archive):
    data = (PUB / source).read_bytes() * 40  # several blocks of records
    path = tmp_path / f"{source}.{archive}"
    if archive == "gz":
        packed = gzip.compress(data, mtime=0)
    elif archive == "bz2":
        import bz2

        packed = bz2.compress(data)
    else:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(source, data)
        packed = path.read_bytes()
    path.write_bytes(packed[: len(packed) - len(packed) // 3])
    with pytest.raises(InputError) as info:
        nk.ingest.read(path, format=fmt)
    assert info.value.file == str(path)
    assert "truncated" in str(info.value) or "corrupt" in str(info.value)


# -- decompression bombs -----------------------------------------------------------------

def gzip_bomb(path: Path, gib: int, prefix: bytes = b"") -> None:
    """``prefix`` and ``gib`` GiB of zeros, gzipped (about 1 MB per GiB) in a fraction of a
    second: after a full flush, zlib forgets its history, so every MiB of zeros compresses
    to the same bytes, written again and again. (The trailer's CRC and length are those
    of the first MiB only: a reader must give up long before it gets there.)"""
    mib = bytes(1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(path, "wb") as fh:
        fh.write(co.compress(prefix) + co.flush(zlib.Z_FULL_FLUSH))
        block = co.compress(mib) + co.flush(zlib.Z_FULL_FLUSH)
        assert co.compress(mib) + co.flush(zlib.Z_FULL_FLUSH) == block
        fh.write(block * (gib * 1024 - 1))
        fh.write(co.flush())


WORK_HEAD = (json.dumps({"id": "https://openalex.org/W1", "publication_year": 2020,
                         "authorships": []}) + '\n{"id": "https://openalex.org/W2", "title": "'
             ).encode()


def test_gzip_bomb_is_refused_early(tmp_path):
    path = tmp_path / "works.jsonl.gz"
    gzip_bomb(path, 1, WORK_HEAD)
    with pytest.raises(InputError, match="decompression bomb") as info:
        nk.ingest.read(path)
    assert info.value.file == str(path) and info.value.line == 2


def test_zip_bomb_is_refused_early(tmp_path):
    path = tmp_path / "savedrecs.txt.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf, \
            zf.open("savedrecs.txt", "w") as member:
        member.write(b"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI ")
        for _ in range(RATIO_AFTER // (1 << 20) + 8):
            member.write(bytes(1 << 20))
    assert path.stat().st_size * MAX_RATIO < RATIO_AFTER  # a ratio no real export has
    with pytest.raises(InputError, match="decompression bomb"):
        nk.ingest.read(path)


def test_genuine_compressed_file_is_read(tmp_path):
    lines = (PUB / "oa_bom.jsonl").read_text("utf-8-sig")
    path = tmp_path / "w.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode()))
    assert nk.ingest.read(path).n_events == 2


BOMB_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3_000_000_000, 3_000_000_000))
from netkit.cli import main
sys.exit(main(["ingest", sys.argv[1], "--out", sys.argv[2], "--no-progress"]))
"""


def test_four_gib_bomb_under_three_gb_is_one_clear_line(tmp_path):
    """A 4 GiB gzip bomb read by the command line under a 3 GB address-space limit."""
    path = tmp_path / "works.jsonl.gz"
    gzip_bomb(path, 4, WORK_HEAD)
    assert path.stat().st_size < 5_000_000
    run = subprocess.run([sys.executable, "-c", BOMB_CHILD, str(path), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "decompression bomb" in lines[0] and str(path) in lines[0]
    assert "internal error" not in run.stderr and "MemoryError" not in run.stderr


def test_endless_line_is_refused(tmp_path, monkeypatch):
    """An uncompressed file with a line longer than MAX_LINE_BYTES (made small here)."""
    import netkit.ingest.textio as textio

    monkeypatch.setattr(textio, "MAX_LINE_BYTES", 1 << 16)
    path = tmp_path / "savedrecs.txt"
    path.write_bytes(b"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI " + b"x" * (1 << 17))
    with pytest.raises(InputError, match="line longer than") as info:
        nk.ingest.read(path)
    assert info.value.line == 4


# -- folders -------------------------------------------------------------------------------

def test_folder_skips_hidden_and_reports_dangling_links(tmp_path, caplog):
    good = (PUB / "oa_bom.jsonl").read_bytes()
    for name in ("a/works.jsonl", ".rep.tmp-1/works.jsonl", ".git/objects/works.jsonl",
                 "a/.works.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(good)
    (tmp_path / "a" / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    with caplog.at_level(logging.INFO, logger="netkit.ingest.read"):
        c = nk.ingest.read(tmp_path)
    assert c.accounting["file"].tolist() == [str(tmp_path / "a" / "works.jsonl")]
    text = caplog.text
    assert "skipped 3 hidden file(s) or folder(s)" in text
    assert ".rep.tmp-1" in text and ".git" in text
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "1 symbolic link(s) that point to no file" in warnings[0].message
    assert "gone.jsonl" in warnings[0].getMessage()


def test_dangling_link_named_directly_is_a_clear_error(tmp_path):
    link = tmp_path / "works.jsonl"
    link.symlink_to(tmp_path / "nowhere.jsonl")
    with pytest.raises(InputError, match="symbolic link to a file that does not exist"):
        nk.ingest.read(link)


# -- the accounting identity is checked, not assumed ---------------------------------------

def test_a_record_lost_by_a_reader_surfaces(monkeypatch):
    """A reader that meets a record and never accounts for it is a bug that must show."""
    from netkit.ingest.formats import wos

    real = wos._load

    def lossy(fields, ctx, line, origin, raw):
        if line != 3:
            real(fields, ctx, line, origin, raw)  # the first record silently dropped

    monkeypatch.setattr(wos, "_load", lossy)
    with pytest.raises(AccountingError, match="2 records seen but 1 accounted for"):
        nk.ingest.read(PUB / "wos_bom_crlf.txt")


# -- the command line: one clear line, exit 2 -----------------------------------------------

@pytest.mark.parametrize("name", [*sorted(ERRORS), "scopus_cr_only.csv"])
def test_command_line_gives_one_line(tmp_path, capsys, name):
    from netkit.cli import main

    rc = main(["ingest", str(DATA / name), "--out", str(tmp_path / "c"), "--no-progress"])
    err = capsys.readouterr().err.strip().splitlines()
    if name in ERRORS:
        assert rc == 2 and len(err) == 1 and err[0].startswith("netkit ingest: error: ")
        assert str(DATA / name) in err[0]
    else:
        assert rc == 0 and not err


# -- line ends ------------------------------------------------------------------------------

def test_line_ends_decided_by_the_first_line_end_however_far(tmp_path):
    """A bare-CR file whose first line is longer than any read-ahead; a CR LF that
    straddles two read chunks stays one line end; a CR inside an LF file stays text."""
    from netkit.ingest.textio import text_lines

    long_first = "x" * 300_000
    mac = tmp_path / "mac.txt"
    mac.write_bytes(f"{long_first}\rb\rc\r".encode())
    assert [t for _, t in text_lines(mac)] == [long_first, "b", "c"]
    straddle = tmp_path / "straddle.txt"
    pad = "y" * ((1 << 20) - 1)  # its CR LF straddles the first two 1 MiB reads after line 1
    straddle.write_bytes(f"a\rb\n{pad}\r\nnext\rlast".encode())
    assert [t for _, t in text_lines(straddle)] == ["a", "b", pad, "next", "last"]
    unix = tmp_path / "unix.txt"
    unix.write_bytes(b"a\nb\rc\r\nd")
    assert [t for _, t in text_lines(unix)] == ["a", "b\rc", "d"]
    utf16 = tmp_path / "mac16.txt"
    utf16.write_bytes(f"{long_first}\rb\r\nc".encode("utf-16"))
    assert [t for _, t in text_lines(utf16)] == [long_first, "b", "c"]


def test_utf16_decoding_error_names_its_line(tmp_path):
    path = tmp_path / "tab.txt"
    lines = [(PUB / "wostab_utf16.txt").read_bytes().decode("utf-16").splitlines()[0]]
    lines += [f"J\tBerg, K\tT{i}\t2021\tWOS:{i}" for i in range(1, 5000)]
    data = "\r\n".join(lines).encode("utf-16")
    cut = data.index("WOS:4321".encode("utf-16-le"))
    path.write_bytes(data[:cut] + b"\x00\xdc" + data[cut:])  # a lone low surrogate
    with pytest.raises(InputError, match="not valid utf-16") as info:
        nk.ingest.read(path, format="wos-tab")
    assert info.value.line == 4322
