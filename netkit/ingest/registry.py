"""The formats netkit reads: one entry per format, with its sniffer and reader.

A format module registers itself with :func:`register`::

    register(Format(name="scopus-csv", kind="publication", sniff=_sniff, read=_read,
                    description="Scopus CSV export (old and 2023+ layouts)"))

``sniff(path, head)`` gets the first 64 KiB (decompressed) and says whether the file
is of this format. ``read(path, ctx)`` streams the file, adding rows to
``ctx.builder`` and telling ``ctx.ledger`` about every record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from netkit.ingest.builder import CorpusBuilder
from netkit.model import Ledger

__all__ = ["FORMATS", "Format", "ReadContext", "register"]


@dataclass
class ReadContext:
    """What a reader gets besides the path: where rows go and read options."""

    builder: CorpusBuilder
    ledger: Ledger
    encoding: str | None = None
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Format:
    """One input format."""

    name: str
    kind: str
    sniff: Callable[[Path, bytes], bool]
    read: Callable[[Path, ReadContext], None]
    description: str = ""
    priority: int = 50  # lower sniffs first; specific formats before generic ones


FORMATS: dict[str, Format] = {}
"""Every registered format by name."""


def register(fmt: Format) -> Format:
    """Add a format to :data:`FORMATS` (replacing one of the same name)."""
    FORMATS[fmt.name] = fmt
    return fmt
