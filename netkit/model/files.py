"""Writing output files: every file atomically, every CSV through one writer.

* :func:`atomic_path` / :func:`atomic_write_text` / :func:`atomic_write_bytes` — the
  file is written under a temporary name in the same folder and renamed over
  the target (``os.replace``) only when complete, so a crash, a full disk or an
  exception never leaves a truncated file, and a previous file stays intact.
* :func:`write_csv` / :func:`csv_text` — the one CSV writer of netkit (UTF-8,
  ``\\n`` line ends, atomic): text cells **and** headers (column names, index
  values and index names) that a spreadsheet would run as a formula are
  neutralised by :func:`csv_cell`.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["atomic_path", "atomic_write_bytes", "atomic_write_text", "csv_cell", "csv_text",
           "write_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SURROGATE = re.compile("[\ud800-\udfff]")


def csv_cell(value: Any) -> Any:
    """Neutralise a CSV cell against spreadsheet formula injection.

    A string that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    gets a leading apostrophe (OWASP's advice), so a spreadsheet shows it as
    text. Numbers are returned unchanged (a negative number is data, not a
    formula).

    Examples
    --------
    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-1"), csv_cell(-1), csv_cell("ACME")
    ('\\'=HYPERLINK("http://x")', "'-1", -1, 'ACME')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` that is renamed to ``path`` when the block succeeds.

    The temporary file is hidden (``.name.XXXX.tmp``) and removed if the block
    raises; the target is then untouched. The final file has mode 0644.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('done', ['a.txt'])
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_path`); return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically, line ends as given; return the path.

    A lone surrogate (which UTF-8 cannot encode; JSON input can carry one as
    ``"\\ud800"``) is written as U+FFFD, the replacement character.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = atomic_write_text(pathlib.Path(tempfile.mkdtemp()) / "t.txt", "a\\nb\\n")
    >>> p.read_bytes()
    b'a\\nb\\n'
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = _SURROGATE.sub("\ufffd", text).encode("utf-8")
    return atomic_write_bytes(path, data)


def _neutral_labels(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return index.set_levels([_neutral_labels(level) for level in index.levels],
                                verify_integrity=False).set_names(
            [csv_cell(n) for n in index.names])
    if pd.api.types.is_numeric_dtype(index.dtype) and not pd.api.types.is_bool_dtype(index.dtype):
        return index.rename(csv_cell(index.name))
    return pd.Index([csv_cell(v) for v in index], dtype=object, name=csv_cell(index.name))


def _neutral_frame(df: pd.DataFrame, index: bool) -> pd.DataFrame:
    out = df.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
            values = [csv_cell(v) for v in col.astype(object)]
            out.isetitem(i, pd.Series(values, index=col.index, dtype=object))
    out.columns = _neutral_labels(out.columns)
    if index:
        out.index = _neutral_labels(out.index)
    return out


def csv_text(df: pd.DataFrame | pd.Series, *, index: bool = True, sep: str = ",",
             header: bool = True, float_format: str | Callable | None = None) -> str:
    """``df`` as CSV text with formula-like cells and headers neutralised (``\\n`` line ends).

    Parameters
    ----------
    df : DataFrame or Series
    index : bool, default True
        Write the index (its values and name are neutralised too).
    sep : str, default ","
    header : bool, default True
    float_format : str or callable, optional
        As in :meth:`pandas.DataFrame.to_csv`.

    Examples
    --------
    >>> df = pd.DataFrame({"=cmd": ["-2+3", "ok"], "n": [-1, 2]}, index=pd.Index(["@a", "b"]))
    >>> print(csv_text(df), end="")
    ,'=cmd,n
    '@a,'-2+3,-1
    b,ok,2
    """
    frame = df.to_frame() if isinstance(df, pd.Series) else df
    frame = _neutral_frame(frame, index)
    buf = io.StringIO()
    frame.to_csv(buf, index=index, sep=sep, header=header, lineterminator="\n",
                 float_format=float_format)
    return buf.getvalue()


def write_csv(df: pd.DataFrame | pd.Series, path: str | os.PathLike[str], *, index: bool = True,
              sep: str = ",", header: bool = True,
              float_format: str | Callable | None = None) -> Path:
    """Write ``df`` as UTF-8 CSV to ``path`` atomically, formulas neutralised; return the path.

    Every CSV file netkit writes goes through this function (see :func:`csv_text`
    for the parameters).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_csv(pd.DataFrame({"name": ["=1+1"]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv",
    ...               index=False)
    >>> p.read_text()
    "name\\n'=1+1\\n"
    """
    return atomic_write_text(path, csv_text(df, index=index, sep=sep, header=header,
                                            float_format=float_format))
