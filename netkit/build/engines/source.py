"""What a projection engine reads: a saved corpus folder, or Parquet files of participations.

A corpus folder (``netkit ingest/resolve --out``, recognised by its
``manifest.json``) gives ``events.parquet`` (``event_id``, ``kind``, ``year``) and
``participations.parquet``. Participation files — one Parquet file, a folder of
them (searched recursively, as Spark and DuckDB write them) or a glob — carry
the event's year and kind on every row: ``event_id``, ``org_id``, ``year``,
``kind``, optionally ``person_id`` and ``share``. An event's year and kind are
the smallest of its rows (they should agree).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from netkit.build.bipartite import LEVELS
from netkit.errors import InputError, ParameterError

__all__ = ["PARTICIPATION_COLUMNS", "ProjectionInput", "ProjectionParams", "available_memory",
           "participation_rows", "projection_input"]

PARTICIPATION_COLUMNS = ("event_id", "org_id", "year", "kind")
"""Required columns of participation files (``person_id`` and ``share`` are optional)."""

_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ProjectionParams:
    """The choices of a projection, shared by every engine.

    ``years`` is a closed range ``(first, last)`` (events without a year are
    dropped when it is given); ``kinds`` the event kinds kept; ``max_event_size``
    leaves out the events of more nodes (their nodes stay, without those ties).
    """

    level: str = "org"
    weighting: str = "full"
    years: tuple[int, int] | None = None
    kinds: tuple[str, ...] | None = None
    max_event_size: int | None = None

    def __post_init__(self) -> None:
        from netkit.build.weighting import weighting_rule
        from netkit.model import EVENT_KINDS

        if self.level not in LEVELS:
            raise ParameterError(f"level must be 'org' or 'person', not {self.level!r}")
        weighting_rule(self.weighting)  # raises on an unknown weighting
        if self.kinds is not None:
            unknown = sorted(set(self.kinds) - set(EVENT_KINDS))
            if unknown:
                raise ParameterError(f"unknown kinds {unknown}; choose from "
                                     f"{', '.join(EVENT_KINDS)}")
        size = self.max_event_size
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 2):
            raise ParameterError(f"max_event_size must be an integer ≥ 2, not {size!r}")
        if self.years is not None and (len(self.years) != 2 or self.years[0] > self.years[1]):
            raise ParameterError(f"years must be (first, last), not {self.years!r}")

    @property
    def column(self) -> str:
        """The participations column of the nodes (``org_id`` or ``person_id``)."""
        return "org_id" if self.level == "org" else "person_id"


@dataclass(frozen=True)
class ProjectionInput:
    """Resolved input of a projection.

    Attributes
    ----------
    kind : {"corpus", "participations"}
    files : tuple of str
        The participation Parquet files.
    events_file : str or None
        ``events.parquet`` of a corpus folder (None for participation files).
    columns : frozenset of str
        The columns the participation files have.
    rows : int
        Participation rows (from the Parquet footers, nothing read).
    nbytes : int
        Size of the participation files on disk.
    """

    kind: str
    files: tuple[str, ...]
    events_file: str | None
    columns: frozenset[str]
    rows: int
    nbytes: int

    @property
    def has_share(self) -> bool:
        return "share" in self.columns

    @property
    def has_person(self) -> bool:
        return "person_id" in self.columns

    def check_level(self, level: str) -> None:
        """Raise if the nodes of ``level`` are not in the input."""
        if level == "person" and not self.has_person:
            raise InputError("no person_id column: cannot project people", file=self.files[0],
                             hint="use --level org, or add person_id to the participations")


def _find_files(path: str) -> list[str]:
    if glob.has_magic(path):
        return sorted(f for f in glob.glob(path, recursive=True) if Path(f).is_file())
    p = Path(path)
    if p.is_dir():
        return sorted(str(f) for f in p.rglob("*.parquet") if not f.name.startswith((".", "_")))
    return [path] if p.is_file() else []


def _schema(path: str) -> pa.Schema:
    try:
        return pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"not a Parquet file ({exc})", file=path) from None


def projection_input(path: str | Path) -> ProjectionInput:
    """Find and check the input of a projection (a corpus folder or participation files).

    Raises
    ------
    InputError
        Nothing found, a file that is not Parquet, or required columns missing
        (the message names the file and the columns).

    Examples
    --------
    >>> import tempfile
    >>> from netkit.datasets import synthetic_ecosystem
    >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    >>> folder = corpus.save(tempfile.mkdtemp())
    >>> src = projection_input(folder)
    >>> src.kind, src.rows == corpus.n_participations
    ('corpus', True)
    """
    text = str(path)
    if Path(text).is_dir() and (Path(text) / _MANIFEST).is_file():
        folder = Path(text)
        files = [str(folder / "participations.parquet")]
        events = str(folder / "events.parquet")
        for f in (*files, events):
            if not Path(f).is_file():
                raise InputError("corpus folder without this table", file=f,
                                 hint="save the corpus again with `netkit ingest --out`")
        kind = "corpus"
        required = ("event_id", "org_id")
        ev_schema = _schema(events)
        missing = [c for c in ("event_id", "kind", "year") if c not in ev_schema.names]
        if missing:
            raise InputError(f"events table without column(s) {', '.join(missing)}", file=events)
    else:
        files = _find_files(text)
        if not files:
            raise InputError("no corpus folder or Parquet files of participations found",
                             file=text, hint="give a corpus folder (with manifest.json), a "
                             "Parquet file, a folder of them or a glob like 'parts/*.parquet'")
        events = None
        kind = "participations"
        required = PARTICIPATION_COLUMNS
    columns: set[str] | None = None
    rows = nbytes = 0
    for f in files:
        schema = _schema(f)
        missing = [c for c in required if c not in schema.names]
        if missing:
            raise InputError(f"missing column(s) {', '.join(missing)}", file=f,
                             hint="participations need event_id, org_id, year, kind "
                                  "(person_id and share are optional)")
        names = set(schema.names)
        columns = names if columns is None else columns & names
        rows += pq.ParquetFile(f).metadata.num_rows
        nbytes += os.path.getsize(f)
    return ProjectionInput(kind, tuple(files), events, frozenset(columns or ()), rows, nbytes)


def participation_rows(corpus) -> pd.DataFrame:
    """A corpus's participations with their event's year and kind on every row: the
    participation files every engine reads (write them with ``DataFrame.to_parquet``).

    Examples
    --------
    >>> from netkit.datasets import synthetic_ecosystem
    >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    >>> rows = participation_rows(corpus)
    >>> list(rows.columns), len(rows) == corpus.n_participations
    (['event_id', 'org_id', 'person_id', 'year', 'kind', 'share'], True)
    """
    part = corpus.participations[["event_id", "org_id", "person_id", "share"]]
    ev = corpus.events[["event_id", "year", "kind"]].astype({"kind": "str"})
    out = part.merge(ev, on="event_id", how="left", validate="many_to_one")
    return out[["event_id", "org_id", "person_id", "year", "kind", "share"]]


def available_memory() -> int:
    """Bytes of memory available to this process now (``MemAvailable``, or a cgroup limit
    when lower)."""
    avail = None
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    avail = int(line.split()[1]) * 1024
                    break
    except OSError:
        pass
    if avail is None:
        try:
            avail = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_AVPHYS_PAGES")
        except (ValueError, OSError, AttributeError):
            avail = 4 << 30
    try:
        text = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if text.isdigit():
            avail = min(avail, int(text))
    except OSError:
        pass
    return avail
