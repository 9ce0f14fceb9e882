"""The formats netkit reads: one entry per format, with its sniffer and reader.

A format module registers itself with :func:`register`::

    register(Format(name="scopus-csv", kind="publication", sniff=_sniff, reader=_read,
                    description="Scopus CSV export (old and 2023+ layouts)"))

``sniff(path, head)`` gets the first 64 KiB (decompressed) and says whether the file
is of this format. ``reader(path, ctx)`` streams the file, adding rows to
``ctx.builder`` and telling ``ctx.ledger`` about every record; a record it cannot
load raises :class:`~netkit.errors.RecordError` and is quarantined (any other
exception is a bug and propagates). A format may read through several engines
(``records``: one record at a time; ``columnar``: blocks of records planned
column-wise), all giving the same rows; :meth:`Format.read` picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from netkit.errors import ParameterError
from netkit.ingest.builder import CorpusBuilder
from netkit.model import Ledger

__all__ = ["ENGINES", "FORMATS", "READER_OPTIONS", "Format", "ReadContext", "register"]

ENGINES = ("records", "columnar")
"""The reading engines: ``records`` reads one record at a time (every format has it);
``columnar`` plans blocks of records column by column (formats that have it use it by
default)."""

READER_OPTIONS = ("engine", "mapping")
"""The options ``netkit.ingest.read(..., **options)`` hands its readers (via ``ReadContext``)."""

Reader = Callable[[Path, "ReadContext"], None]


@dataclass
class ReadContext:
    """What a reader gets besides the path: where rows go and read options."""

    builder: CorpusBuilder
    ledger: Ledger
    encoding: str | None = None
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Format:
    """One input format.

    Parameters
    ----------
    name, kind : str
        The format's name (``--format NAME``) and the kind of its events.
    sniff : callable
        ``sniff(path, head)``: whether the file is of this format.
    reader : callable
        ``reader(path, ctx)``: the default engine.
    engines : mapping, optional
        Engine name (see :data:`ENGINES`) → reader; default ``{"records": reader}``.
    description : str
    priority : int
        Lower sniffs first: specific formats before generic ones.

    Examples
    --------
    >>> import netkit as nk
    >>> sorted(nk.ingest.FORMATS["scopus"].engines), sorted(nk.ingest.FORMATS["wos"].engines)
    (['columnar', 'records'], ['records'])
    """

    name: str
    kind: str
    sniff: Callable[[Path, bytes], bool]
    reader: Reader
    description: str = ""
    priority: int = 50
    engines: Mapping[str, Reader] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not self.engines:
            object.__setattr__(self, "engines", {"records": self.reader})
        unknown = set(self.engines) - set(ENGINES)
        if unknown:
            raise ValueError(f"format {self.name}: unknown engine(s) {sorted(unknown)}")

    def read(self, path: Path, ctx: ReadContext, engine: str | None = None) -> None:
        """Read one file of this format into ``ctx`` with an engine.

        Parameters
        ----------
        path : Path
        ctx : ReadContext
        engine : {"records", "columnar"}, optional
            Default: ``ctx.options["engine"]`` when given (``netkit.ingest.read(...,
            engine="records")``), else the format's own default.

        Raises
        ------
        ParameterError
            The engine is not one of :data:`ENGINES`, or this format has no such engine.
        """
        if engine is None:
            engine = ctx.options.get("engine")
        if engine is None:
            self.reader(path, ctx)
            return
        if engine not in ENGINES:
            raise ParameterError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
        if engine not in self.engines:
            raise ParameterError(f"format {self.name} has no {engine!r} engine; it has "
                                 f"{', '.join(sorted(self.engines))}")
        self.engines[engine](path, ctx)


FORMATS: dict[str, Format] = {}
"""Every registered format by name."""


def register(fmt: Format) -> Format:
    """Add a format to :data:`FORMATS` (replacing one of the same name)."""
    FORMATS[fmt.name] = fmt
    return fmt
