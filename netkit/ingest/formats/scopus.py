"""Scopus CSV exports: the older layout and the 2023+ one; comma or semicolon delimited.

Older exports list authors as ``Rahmani A.M., Gia T.N.``; 2023+ exports quote every
header, separate authors with ``; `` and add ``Author full names``
(``Hao, Jie (57221302630); …``). Both carry ``Author(s) ID``, ``Affiliations``
(``Dept, Org, City, Country``; ``; ``-separated), ``Authors with affiliations``
(``Author, Dept, Org, City, Country; …``), ``EID``, ``Year``, ``Title`` and ``DOI``.

Each record gives one event ``pub:scopus:<EID>``, people ``per:scopus:<author id>``
(or ``per:scopus:<normalised name>`` when no id is given), organisations
``org:scopus:<normalised name>|<country>`` (the organisation part of the affiliation
string: departments roll up; sector from the name rules) and one participation per
author × affiliation, keeping the affiliation string. Quoted fields may span lines.

Two paths give the same rows. UTF-8 files are cut into blocks of whole records
(about 16 MB) that pyarrow parses and :mod:`~netkit.ingest.formats.scopus_columnar`
plans column by column (splitting, stripping and matching with pyarrow/numpy; the new
distinct affiliation strings of a block parsed column-wise too, by
:func:`~netkit.ingest.affiliations_columnar.parse_affiliations`; Python only for the strings it
cannot vouch for and for entries that name several affiliations);
:mod:`~netkit.ingest.formats.scopus_records` plans one record at a time. A block the columnar path cannot vouch for — a row of the wrong width, a
repeated header, a missing or odd id or year, a stray quote, an empty line, a bare
CR or NUL, bytes that do not decode — is read record by record, so line numbers,
quarantine entries and accounting are those of the per-record path; other
encodings and the ``records`` engine (``engine="records"``) use it throughout.
Memory follows the block size and the canonical tables.
"""

from __future__ import annotations

import codecs
import csv
import re
from pathlib import Path

from netkit.errors import InputError
from netkit.ingest.columnar import ByteBlocks
from netkit.ingest.formats.scopus_columnar import read_blocks
from netkit.ingest.formats.scopus_records import RecordReader, delimiter, split_authors
from netkit.ingest.registry import Format, ReadContext, register
from netkit.ingest.textio import (
    detect_encoding,
    head_bytes,
    open_binary,
    text_lines,
    universal_newlines,
)

__all__ = ["read_scopus", "read_scopus_records", "split_authors"]

_FIELD_LIMIT = 1 << 28
_BLOCK = 1 << 24
"""Bytes per block of the columnar path (some 15,000 records of a typical export;
larger blocks spread the fixed cost of a block over more records, smaller ones
send fewer records to the per-record path when a block cannot be vouched for)."""


def read_scopus(path: str | Path, ctx: ReadContext) -> None:
    """Read a Scopus CSV export into ``ctx`` (see the module docstring): the
    ``columnar`` engine, the default.

    UTF-8 files are read in blocks of about 16 MB that pyarrow parses and
    :mod:`~netkit.ingest.formats.scopus_columnar` plans column-wise; a block that it
    cannot vouch for (a row of the wrong width, a stray quote, a repeated header, a bad
    id or year, an odd line end, bytes that do not decode) is read record by record
    instead, so every record gets the same rows, line numbers and quarantine entries
    either way. Other encodings use the per-record path throughout, as does the
    ``records`` engine (:func:`read_scopus_records`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import netkit as nk
    >>> text = ('Authors,Title,Year,Affiliations,Authors with affiliations,EID\\n'
    ...         '"Hao J.; Siu K.",T,2023,"Dept X, Univ Nebraska, Omaha, NE, United States; '
    ...         'Acme Inc., Oslo, Norway","Hao J., Dept X, Univ Nebraska, Omaha, NE, United States; '
    ...         'Siu K., Acme Inc., Oslo, Norway",2-s2.0-1\\n')
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "scopus.csv"
    >>> _ = p.write_text(text)
    >>> c = nk.ingest.read(p)
    >>> c.organizations[["name", "sector", "country"]].values.tolist()
    [['Univ Nebraska', 'university', 'US'], ['Acme Inc.', 'firm', 'NO']]
    >>> nk.ingest.read(p, engine="records").organizations.equals(c.organizations)
    True
    """
    _read(Path(path), ctx, columnar=True)


def read_scopus_records(path: str | Path, ctx: ReadContext) -> None:
    """Read a Scopus CSV export record by record (the ``records`` engine)."""
    _read(Path(path), ctx, columnar=False)


def _read(path: Path, ctx: ReadContext, columnar: bool) -> None:
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    enc = None
    head = head_bytes(path, 1 << 16)
    if columnar and not universal_newlines(head):
        # (files with bare-CR line ends go through the per-record path)
        enc = detect_encoding(head, ctx.encoding)
        enc = codecs.lookup(enc).name if _known_codec(enc) else None
    with open_binary(path) as fh:
        blocks = ByteBlocks(fh, path, enc) if enc in ("utf-8", "utf-8-sig") else None
        lines = blocks.lines() if blocks is not None else text_lines(path, ctx.encoding)
        header_line = None
        for n, text in lines:
            if text.strip():
                header_line = (n, text.lstrip("\ufeff"))
                break
        if header_line is None:
            return
        delim = delimiter(header_line[1])
        header = [h.strip() for h in next(csv.reader([header_line[1]], delimiter=delim))]
        if "EID" not in header:
            # the rows below cannot be told apart: refuse, as the other table readers do
            raise InputError(
                "missing column 'EID'; found: " + ", ".join(h[:40] for h in header[:8])
                + (" …" if len(header) > 8 else ""), file=str(path), line=header_line[0],
                hint="is this a Scopus CSV export with its header row? pass --format NAME")
        records = RecordReader(header, delim, ctx, path)
        if blocks is None:
            records.run(lines, header_line[0] + 1)
        else:
            read_blocks(blocks, records, header, delim, ctx, path, _BLOCK)


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _sniff(path: Path, head: bytes) -> bool:
    enc = detect_encoding(head)
    if enc.startswith("utf-16"):
        head = head[: len(head) // 2 * 2]
    first = head.decode("utf-8" if enc == "utf-8-sig" else enc, errors="replace")
    first = first.lstrip("\ufeff").split("\n", 1)[0]
    cols = {c.strip().strip('"') for c in re.split(r"[,;]", first)}
    return "EID" in cols and ("Authors" in cols or "Title" in cols) and (
        "Source title" in cols or "Link" in cols or "Affiliations" in cols)


register(Format(
    name="scopus", kind="publication", sniff=_sniff, reader=read_scopus,
    engines={"columnar": read_scopus, "records": read_scopus_records},
    description="Scopus CSV export (older and 2023+ layouts; comma or semicolon)", priority=25))
