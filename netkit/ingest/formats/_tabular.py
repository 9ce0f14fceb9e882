"""Helpers shared by the patent and contract readers (not a format: registers nothing).

CSV records with their physical line numbers and raw text, tab-separated lines read
with quoting disabled, dates, amounts, country names, stable slugs for identifiers,
and per-read state kept beside a :class:`~netkit.ingest.builder.CorpusBuilder`.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from netkit.errors import InputError, RecordError
from netkit.ingest.ids import slug
from netkit.ingest.plan import add_row, quarantine_bad, row_key_seen, state
from netkit.ingest.textio import text_lines

__all__ = [
    "add_row",
    "check_id",
    "csv_records",
    "delimited_header",
    "header_index",
    "lookup",
    "parse_amount",
    "parse_date",
    "parse_year",
    "read_rows",
    "required",
    "row_key_seen",
    "slug",
    "state",
    "tsv_fields",
]

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

MAX_RECORD_LINES = 500
"""A quoted CSV record spanning more lines than this is taken as a stray quote."""

_DIGITS = re.compile(r"\d{1,20}")
_CODE = re.compile(r"[\w.:/-]{1,200}")


def check_id(value: str, column: str, digits: bool = True) -> str:
    """``value`` if it looks like an identifier of its column, else
    :class:`~netkit.errors.RecordError` (the row is quarantined): ``digits`` only (a PIC, a project number), or a code of letters,
    digits and ``. : / - _`` (no spaces, commas or quotes: those mean that fields ran
    together, for example after a stray quote).

    Examples
    --------
    >>> check_id("999987648", "pic")
    '999987648'
    >>> check_id("991228063,PRC,329000", "pic")
    Traceback (most recent call last):
    ...
    netkit.errors.RecordError: bad pic '991228063,PRC,329000' (expected digits)
    >>> check_id("US-1234.5", "patent_id", digits=False)
    'US-1234.5'
    """
    if not value:
        raise RecordError(f"empty {column}")
    if not (_DIGITS if digits else _CODE).fullmatch(value):
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise RecordError(f"bad {column} {shown!r} "
                         f"({'expected digits' if digits else 'expected an identifier'})")
    return value


def required(row: dict, column: str, what: str | None = None) -> str:
    """The text of ``row[column]``; :class:`~netkit.errors.RecordError` when empty.

    >>> required({"name": "Acme AS"}, "name")
    'Acme AS'
    >>> required({"name": ""}, "name", "partner name")
    Traceback (most recent call last):
    ...
    netkit.errors.RecordError: empty partner name
    """
    value = row[column]
    if not value:
        raise RecordError(f"empty {what or column}")
    return value


def lookup(table: dict, text: str, what: str, key: str | None = None) -> str:
    """``table[key]`` (``key`` defaults to ``text``); :class:`~netkit.errors.RecordError`
    naming the ``what`` and the text when the table lacks it.

    >>> lookup({"COORDINATOR": "coordinator"}, "Coordinator", "role", "COORDINATOR")
    'coordinator'
    >>> lookup({}, "Boss", "role")
    Traceback (most recent call last):
    ...
    netkit.errors.RecordError: unknown role 'Boss'
    """
    value = table.get(text if key is None else key)
    if value is None:
        raise RecordError(f"unknown {what} {text!r}")
    return value


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$"), (1, 2, 3)),  # ISO
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),  # YYYYMMDD (USPTO)
    (re.compile(r"^(\d{2})/(\d{2})/(\d{4})$"), (3, 1, 2)),  # MM/DD/YYYY (NSF, SBIR)
    (re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})(?: .*)?$"), (3, 2, 1)),  # dd.mm.yyyy hh:mm (Norway)
)


def optional_date(text: str | None) -> str | None:
    """The ISO date of ``text`` (see :func:`parse_date`), ``None`` when it is empty or no date
    (for dates that only help to match records, such as a project's end).

    >>> optional_date("31.12.2021 00:00"), optional_date(""), optional_date("soon")
    ('2021-12-31', None, None)
    """
    try:
        return parse_date(text)[0]
    except ValueError:
        return None


def parse_date(text: str | None) -> tuple[str, int]:
    """``(ISO date, year)`` of a date in one of the layouts these sources use.

    Raises
    ------
    RecordError
        If the text is empty, not a date, or not a real calendar day.

    Examples
    --------
    >>> parse_date("20030109")
    ('2003-01-09', 2003)
    >>> parse_date("02/01/2016")
    ('2016-02-01', 2016)
    >>> parse_date("01.01.2018 00:00")
    ('2018-01-01', 2018)
    >>> parse_date("2015-13-01")
    Traceback (most recent call last):
    ...
    netkit.errors.RecordError: bad date '2015-13-01' (month must be in 1..12)
    """
    s = (text or "").strip()
    if not s:
        raise RecordError("missing date")
    for rx, (iy, im, id_) in _DATE_PATTERNS:
        m = rx.match(s)
        if m:
            try:
                d = date(int(m.group(iy)), int(m.group(im)), int(m.group(id_)))
            except ValueError as exc:  # not a calendar day
                raise RecordError(f"bad date {s!r} ({exc})") from None
            if not 1800 <= d.year <= 2100:
                raise RecordError(f"bad date {s!r} (year out of range)")
            return d.isoformat(), d.year
    raise RecordError(f"bad date {s!r}")


def parse_year(text: str | None) -> int:
    """A four-digit year (``"2015"``, ``"2015.0"``); RecordError otherwise.

    >>> parse_year("1994")
    1994
    """
    s = (text or "").strip()
    if s.endswith(".0"):
        s = s[:-2]
    if not re.fullmatch(r"\d{4}", s) or not 1800 <= int(s) <= 2100:
        raise RecordError(f"bad year {text!r}")
    return int(s)


_MISSING = frozenset({"NA", "N/A", "NAN", "NULL", "NONE", "-"})


def parse_amount(text: str | None) -> float | None:
    """An amount of money, or ``None`` when empty. Negative or unreadable → RecordError.

    Thousands separators and currency signs are removed; a single comma with no dot
    is a decimal comma (CORDIS).

    Examples
    --------
    >>> parse_amount("$1,234,567.50")
    1234567.5
    >>> parse_amount("1999916,25")
    1999916.25
    >>> parse_amount("") is None
    True
    >>> parse_amount("-5")
    Traceback (most recent call last):
    ...
    netkit.errors.RecordError: negative amount '-5'
    """
    s = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not s or s.upper() in _MISSING:
        return None
    s = s.lstrip("$€£").removeprefix("USD").removeprefix("EUR")
    if "," in s and "." not in s and s.count(",") == 1 and len(s.split(",")[1]) != 3:
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        value = float(s)
    except ValueError:
        raise RecordError(f"bad amount {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise RecordError(f"bad amount {text!r}")
    if value < 0:
        raise RecordError(f"negative amount {text!r}")
    return value


def header_index(header: Sequence[str], required: Sequence[str], path: Path,
                 line: int = 1, aliases: dict[str, Sequence[str]] | None = None
                 ) -> dict[str, int]:
    """Column positions by name; raises InputError naming every missing required column.

    ``aliases`` maps a canonical name to other spellings (first match wins);
    a name ending in ``*`` matches by prefix.
    """
    clean = [h.strip().strip('"').lstrip("\ufeff").strip() for h in header]
    pos: dict[str, int] = {}
    for i, h in enumerate(clean):
        pos.setdefault(h, i)
    out: dict[str, int] = {}
    names = dict(aliases or {})
    for name in {*required, *names}:
        for cand in (name, *names.get(name, ())):
            if cand.endswith("*"):
                hit = next((i for i, h in enumerate(clean) if h.startswith(cand[:-1])), None)
            else:
                hit = pos.get(cand)
            if hit is not None:
                out[name] = hit
                break
    for h, i in pos.items():
        out.setdefault(h, i)
    missing = [r for r in required if r not in out]
    if missing:
        if len(clean) == 1:
            seen = [d for d in (";", ",", "\t", "|") if d in clean[0]]
            if seen:
                shown = "tab" if seen[0] == "\t" else repr(seen[0])
                raise InputError(
                    f"the header is one column: the file seems delimited by {shown}, "
                    f"not by the expected delimiter (missing column(s) "
                    f"{', '.join(map(repr, missing))})",
                    file=str(path), line=line, hint="is this the format you meant?")
        raise InputError(
            f"missing column(s) {', '.join(map(repr, missing))}; found: "
            f"{', '.join(clean[:12])}{' …' if len(clean) > 12 else ''}",
            file=str(path), line=line,
            hint="is the delimiter or the format right? pass --format NAME",
        )
    return out


def csv_records(path: Path, encoding: str | None, delimiter: str
                ) -> Iterator[tuple[int, int, list[str] | str, str]]:
    """Yield ``(first_line, last_line, fields, raw_text)`` per CSV record, header included.

    Quoted fields may span lines. Blank lines (or white space only) are skipped. A
    record the :mod:`csv` module cannot read (a bare CR in an unquoted field) comes as
    ``fields`` = the reason (a ``str``); reading goes on at the next line.
    """
    buf: list[str] = []
    where = [0]

    def lines() -> Iterator[str]:
        for n, text in text_lines(path, encoding):
            where[0] = n
            buf.append(text)
            yield text + "\n"

    reader = csv.reader(lines(), delimiter=delimiter, strict=False)
    start = 1
    while True:
        try:
            fields: list[str] | str = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            fields = f"unreadable CSV record ({exc})"
        end = where[0]
        raw = "\n".join(buf)
        buf.clear()
        if fields and raw.strip():  # a line of white space only is no record
            yield start, end, fields, raw
        start = end + 1


def tsv_fields(line: str) -> list[str]:
    """Split one tab-separated line with quoting disabled; strip one pair of enclosing
    quotes from each field and undouble inner quotes.

    Examples
    --------
    >>> tsv_fields(chr(9).join(['"1"', '"a ""b"" c"', '7', '"stray " quote"']))
    ['1', 'a "b" c', '7', 'stray " quote']
    """
    if '"' not in line:
        return line.split("\t")
    return [f[1:-1].replace('""', '"') if len(f) > 1 and f[0] == '"' and f[-1] == '"' else f
            for f in line.split("\t")]


def read_rows(path: Path, ctx, delimiter: str, required: Sequence[str], handle,
              aliases: dict[str, Sequence[str]] | None = None) -> None:
    """Read a delimited file record by record and hand each row to ``handle``.

    ``handle(row, line, raw)`` gets the row as ``{column: text}`` and raises
    :class:`~netkit.errors.RecordError` to quarantine it (before adding anything;
    any other exception is a bug and propagates). Rows with the wrong number
    of fields are quarantined here. When a record spans several lines *and* has the
    wrong number of fields, a stray quote swallowed the lines after it: each of its
    lines is then read on its own, so the swallowed records are loaded and only the
    line with the stray quote is quarantined. The same holds when a record spans
    several lines each of which is a whole row by itself (two stray quotes that
    joined rows into one with the right number of fields).
    """
    records = csv_records(path, ctx.encoding, delimiter)
    first = next(records, None)
    if first is None:
        return
    start, _, header, _ = first
    if isinstance(header, str):
        raise InputError(f"the header is an {header}", file=str(path), line=start,
                         hint="check the delimiter and the quoting")
    idx = header_index(header, required, path, start, aliases)
    n = len(header)

    def one(line: int, fields: list[str], raw: str, note: str = "") -> None:
        ctx.ledger.seen()  # every record met, whatever becomes of it
        if len(fields) > n and not any(f.strip() for f in fields[n:]):
            fields = fields[:n]
        if len(fields) != n:
            ctx.ledger.quarantine(line, f"{len(fields)} fields where the header has {n}{note}",
                                  raw)
            return
        row = {name: fields[i].strip() for name, i in idx.items()}
        quarantine_bad(ctx.ledger, line, raw, handle, row, line, raw, note=note)

    def each_line_alone(raw: str) -> bool:
        # every physical line of the record is a whole row on its own: quotes opened on
        # one line and closed on a later one joined rows that are complete by themselves
        lines = [t for t in raw.split("\n") if t.strip()]
        return len(lines) > 1 and all(
            len(next(csv.reader([t], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])) == n
            for t in lines)

    for start, end, fields, raw in records:
        if isinstance(fields, str):
            ctx.ledger.seen()
            ctx.ledger.quarantine(start, fields, raw)
            continue
        if end > start and (len(fields) != n or each_line_alone(raw)):
            # a stray quote opened a field that swallowed the next lines: read each
            # physical line on its own so that the records it swallowed are not lost
            for k, text in enumerate(raw.split("\n")):
                if text.strip():
                    sub = next(csv.reader([text], delimiter=delimiter, strict=False), [])
                    one(start + k, sub, text, " (stray quote: line read on its own)")
            continue
        one(start, fields, raw)


def delimited_header(head: bytes, delimiter: str) -> list[str]:
    """The header fields of a delimited file from its first bytes (for sniffers)."""
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    return [h.strip().strip('"').strip() for h in first.split(delimiter)]
