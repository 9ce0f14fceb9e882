"""The one entry point of ingestion: :func:`read` any supported files into a Corpus."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from netkit.errors import FormatError, InputError, ParameterError
from netkit.ingest.builder import CorpusBuilder
from netkit.ingest.registry import FORMATS, ReadContext
from netkit.ingest.textio import head_bytes
from netkit.lexicon import normalise_regions
from netkit.model import Corpus, Ledger

__all__ = ["expand_paths", "read", "sniff"]

log = logging.getLogger(__name__)

_SKIP_NAMES = {"SOURCE.md", "README.md", "manifest.json", ".DS_Store"}


def expand_paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus every file of a named folder (recursively, sorted).

    Hidden files and documentation (``SOURCE.md``, ``README.md``) in folders are skipped.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(
                f for f in sorted(p.rglob("*"))
                if f.is_file() and not f.name.startswith(".") and f.name not in _SKIP_NAMES
            )
        elif p.is_file():
            files.append(p)
        else:
            raise InputError("no such file or folder", file=str(p))
    return files


def sniff(path: str | Path) -> str:
    """The name of the format of ``path``.

    Raises
    ------
    FormatError
        If no registered format recognises the file; the message lists those checked.
    """
    path = Path(path)
    head = head_bytes(path)
    checked = sorted(FORMATS.values(), key=lambda f: (f.priority, f.name))
    for fmt in checked:
        try:
            if fmt.sniff(path, head):
                return fmt.name
        except (UnicodeDecodeError, ValueError):
            continue
    raise FormatError(
        "format not recognised; checked: " + ", ".join(f.name for f in checked),
        file=str(path),
        hint="pass --format NAME if you know the format",
    )


def read(
    paths: str | Path | Iterable[str | Path],
    format: str = "auto",
    *,
    encoding: str | None = None,
    progress: bool = False,
    **options,
) -> Corpus:
    """Read files (or every file of folders) into one Corpus.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders. A folder contributes every file below it, sorted.
    format : str, default "auto"
        A name from :data:`netkit.ingest.FORMATS`, or ``"auto"`` to sniff each file.
    encoding : str, optional
        The text encoding of files that declare none (default: BOM, else UTF-8).
    progress : bool, default False
        Show a progress bar over the files.
    **options
        Passed to the readers (for example ``mapping=`` for the generic CSV reader).

    Returns
    -------
    Corpus
        With one accounting row per file (``records_seen = loaded + quarantined +
        duplicates``) and the quarantined records. A record seen in two files is
        loaded once and counted as a duplicate in the later file.

    Raises
    ------
    InputError
        A file is missing, cannot be decoded (naming line and byte), or is not
        of any known format (:class:`~netkit.errors.FormatError`).
    ParameterError
        ``format`` is not a known format name.
    """
    if format != "auto" and format not in FORMATS:
        raise ParameterError(
            f"unknown format {format!r}; known: auto, {', '.join(sorted(FORMATS))}"
        )
    files = expand_paths(paths)
    builder = CorpusBuilder()
    ledgers: list[Ledger] = []
    iterator = files
    if progress:
        from tqdm import tqdm

        iterator = tqdm(files, desc="reading", unit="file")
    for path in iterator:
        name = sniff(path) if format == "auto" else format
        fmt = FORMATS[name]
        ledger = Ledger(str(path), name)
        log.info("reading %s as %s", path, name)
        fmt.read(path, ReadContext(builder, ledger, encoding, options))
        ledgers.append(ledger)
    corpus = builder.to_corpus(ledgers)
    organizations, counts = normalise_regions(corpus.organizations, lookup_cities=False)
    if counts.damaged or counts.kept:
        log.warning("regions: %d organisations with a region damaged in the source file "
                    "(repaired), %d with a region that is no ISO 3166-2 subdivision or NUTS "
                    "code of their country (kept as written)", counts.damaged, counts.kept)
    return corpus._replace(organizations=organizations)
