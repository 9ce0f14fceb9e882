"""What users already know: an overrides CSV and VOSviewer thesaurus files.

**Overrides CSV** — one row per rule, header required::

    match,canonical_id,name,sector,founded_year,region
    UNIV CALIF IRVINE,org:uci,"University of California, Irvine",university,1965,California
    ror:04gyf1771,org:uci,,,,
    org:wos:123,org:uci,,,,

``match`` is a raw organisation name (compared after normalisation), a netkit
``org_id``, or a source identifier written ``scheme:value``. Every organisation
it matches becomes part of ``canonical_id`` (the only way to merge two
organisations holding different ROR ids — a merger, say). The other columns are
optional; non-empty values win over everything resolution would decide.
Alternative headers are accepted: ``name_or_id``/``key``/``from`` for ``match``,
``org_id``/``id``/``to`` for ``canonical_id``.

**VOSviewer thesaurus** — a tab-separated file whose header is
``label<TAB>replace by``; a name equal to a label (ignoring case) is replaced
before matching. Lines with an empty replacement are ignored (VOSviewer drops
such terms; netkit never drops an organisation).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from netkit.errors import InputError
from netkit.model.schema import SECTORS

__all__ = ["OVERRIDE_COLUMNS", "read_overrides", "read_thesaurus"]

OVERRIDE_COLUMNS = ["match", "canonical_id", "name", "sector", "founded_year", "region"]
_ALIASES = {
    "name_or_id": "match", "key": "match", "from": "match", "raw": "match",
    "org_id": "canonical_id", "id": "canonical_id", "to": "canonical_id",
    "canonical": "canonical_id", "canonical_name": "name", "year": "founded_year",
    "founded": "founded_year",
}


def _text(source) -> tuple[str, str]:
    path = Path(source)
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig"), str(path)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 (byte 0x{raw[exc.start]:02x})", file=str(path),
                         line=line, hint="save the file as UTF-8") from None


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v) or (not isinstance(v, str) and pd.isna(v))


def read_overrides(source) -> pd.DataFrame:
    """Read an overrides CSV (or check a DataFrame) into :data:`OVERRIDE_COLUMNS`.

    Raises
    ------
    InputError
        If the file is missing or not UTF-8, lacks the ``match`` or
        ``canonical_id`` column, has a row without them, an unknown sector or a
        founding year that is not a whole number (with the line number).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "o.csv"
    >>> _ = p.write_text("name_or_id,org_id,sector\\nUNIV CALIF IRVINE,org:uci,university\\n")
    >>> read_overrides(p).loc[0, ["match", "canonical_id", "sector"]].tolist()
    ['UNIV CALIF IRVINE', 'org:uci', 'university']
    """
    if isinstance(source, pd.DataFrame):
        df, where = source.copy(), "overrides"
        df.columns = [_ALIASES.get(str(c).strip().lower(), str(c).strip().lower())
                      for c in df.columns]
        first_line = 2
    else:
        text, where = _text(source)
        reader = csv.reader(io.StringIO(text))
        try:
            header = next(reader)
        except StopIteration:
            raise InputError("empty overrides file", file=where) from None
        cols = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
        rows = [r for r in reader if any(x.strip() for x in r)]
        df = pd.DataFrame([r + [""] * (len(cols) - len(r)) for r in rows],
                          columns=cols) if rows else pd.DataFrame(columns=cols)
        first_line = 2
    missing = [c for c in ("match", "canonical_id") if c not in df.columns]
    if missing:
        raise InputError(f"overrides need column(s) {missing}", file=where,
                         hint="header: match,canonical_id,name,sector,founded_year,region")
    for c in OVERRIDE_COLUMNS:
        if c not in df.columns:
            df[c] = None
    clean = {}
    for c in OVERRIDE_COLUMNS:
        vals = [v.strip() if isinstance(v, str) else v for v in df[c].tolist()]
        clean[c] = pd.Series([None if _blank(v) else v for v in vals], dtype=object)
    df = pd.DataFrame(clean)
    years = []
    for k, row in enumerate(df.itertuples(index=False)):
        line = first_line + k
        if not row.match or not row.canonical_id:
            raise InputError("row without match or canonical_id", file=where, line=line)
        if row.sector is not None and row.sector not in SECTORS:
            raise InputError(f"unknown sector {row.sector!r}", file=where, line=line,
                             hint=f"choose from {', '.join(SECTORS)}")
        y = row.founded_year
        if y is not None:
            try:
                y = int(float(y))
            except (TypeError, ValueError):
                raise InputError(f"founded_year {y!r} is not a year", file=where,
                                 line=line) from None
        years.append(y)
    df["founded_year"] = pd.array(years, dtype="Int64")
    return df.reset_index(drop=True)


def read_thesaurus(source) -> dict[str, str]:
    """Read a VOSviewer thesaurus file: ``{label (case-folded): replacement}``.

    Raises
    ------
    InputError
        If the file is missing, not UTF-8, or a line has no tab.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "thesaurus.txt"
    >>> _ = p.write_text("label\\treplace by\\nUC Irvine\\tUniversity of California, Irvine\\n")
    >>> read_thesaurus(p)
    {'uc irvine': 'University of California, Irvine'}
    """
    if isinstance(source, dict):
        return {str(k).strip().casefold(): str(v) for k, v in source.items() if str(v).strip()}
    text, where = _text(source)
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if "\t" not in line:
            raise InputError("no tab between label and replacement", file=where, line=n,
                             hint="a VOSviewer thesaurus is 'label<TAB>replace by'")
        label, _, repl = line.partition("\t")
        if n == 1 and label.strip().lower() == "label":
            continue
        if repl.strip():
            out[label.strip().casefold()] = repl.strip()
    return out
