"""The one entry point of ingestion: :func:`read` any supported files into a Corpus."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from netkit.errors import FormatError, InputError, ParameterError
from netkit.ingest.builder import CorpusBuilder
from netkit.ingest.dedup import merge_events
from netkit.ingest.registry import FORMATS, READER_OPTIONS, ReadContext
from netkit.ingest.textio import head_bytes, universal_newlines
from netkit.lexicon import normalise_regions
from netkit.model import Corpus, Ledger

__all__ = ["expand_paths", "read", "sniff"]

log = logging.getLogger(__name__)

_SKIP_NAMES = {"SOURCE.md", "README.md", "manifest.json", ".DS_Store"}


NOT_RECORDS = "not-records"
"""The accounting format of a file found in a folder and skipped as not records."""


def expand_paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus every file of a named folder (recursively, sorted).

    In folders, hidden files and everything under hidden folders (names starting
    with ``.``: ``.git``, a report's ``.rep.tmp-*`` staging folders …) and
    documentation (``SOURCE.md``, ``README.md``) are skipped, and said so in the log;
    symbolic links that point nowhere are skipped with a warning that counts them.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.jsonl", "a/c.csv", ".git/config", ".rep.tmp-1/x.csv", ".hidden"):
    ...     (d / name).parent.mkdir(parents=True, exist_ok=True); _ = (d / name).write_text("x")
    >>> (d / "gone.csv").symlink_to(d / "missing.csv")
    >>> [str(p.relative_to(d)) for p in expand_paths(d)]
    ['a/c.csv', 'b.jsonl']
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(_folder_files(p))
        elif p.is_file():
            files.append(p)
        elif p.is_symlink():
            raise InputError("symbolic link to a file that does not exist", file=str(p),
                             hint=f"it points to {os.readlink(p)}")
        else:
            raise InputError("no such file or folder", file=str(p))
    return files


def _folder_files(folder: Path) -> list[Path]:
    """The files to read below ``folder`` (see :func:`expand_paths`)."""
    out: list[Path] = []
    hidden: list[str] = []
    dangling: list[str] = []
    for root, dirs, names in os.walk(folder):
        for d in sorted(dirs):
            if d.startswith("."):
                hidden.append(os.path.join(root, d) + os.sep)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            f = Path(root) / name
            if name.startswith("."):
                hidden.append(str(f))
            elif name in _SKIP_NAMES:
                continue
            elif f.is_file():
                out.append(f)
            elif f.is_symlink() and not f.exists():
                dangling.append(str(f))
    if hidden:
        log.info("%s: skipped %d hidden file(s) or folder(s): %s", folder, len(hidden),
                 ", ".join(sorted(hidden)[:5]) + (" …" if len(hidden) > 5 else ""))
    if dangling:
        log.warning("%s: skipped %d symbolic link(s) that point to no file: %s", folder,
                    len(dangling), ", ".join(sorted(dangling)[:5])
                    + (" …" if len(dangling) > 5 else ""))
    return sorted(out)


def sniff(path: str | Path) -> str:
    """The name of the format of ``path``.

    Raises
    ------
    FormatError
        If no registered format recognises the file; the message lists those checked.
    """
    path = Path(path)
    head = head_bytes(path)
    if universal_newlines(head):  # the sniffers look at lines ending in LF
        head = head.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
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
    skip_unknown: bool = True,
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
    skip_unknown : bool, default True
        A file found in a named folder whose format netkit does not recognise (a
        spreadsheet of notes, a PDF …) is skipped with a warning and listed in the
        accounting with format ``not-records`` and no records, unless no file at all
        holds records; False stops with a :class:`~netkit.errors.FormatError` instead
        (``netkit ingest --strict``). A file named directly is always read or refused.
    **options
        Passed to the readers: ``engine=`` (``"records"`` or ``"columnar"``, see
        :data:`netkit.ingest.registry.ENGINES`) and ``mapping=`` (the generic CSV reader).

    Returns
    -------
    Corpus
        With one accounting row per file (``records_seen = loaded + quarantined +
        duplicates``) and the quarantined records. A record seen in two files is
        loaded once and counted as a duplicate in the later file. An event found in
        several sources (same DOI, patent or grant number …) is kept once, with every
        copy in ``event_ids`` (:func:`netkit.ingest.dedup.merge_events`).

    Raises
    ------
    InputError
        A file is missing, cannot be decoded (naming line and byte), or is not
        of any known format (:class:`~netkit.errors.FormatError`).
    ParameterError
        ``format`` is not a known format name, or an option is none the readers take.
    """
    if format != "auto" and format not in FORMATS:
        raise ParameterError(
            f"unknown format {format!r}; known: auto, {', '.join(sorted(FORMATS))}"
        )
    unknown = sorted(set(options) - set(READER_OPTIONS))
    if unknown:  # a misspelt or retired option (columnar=False) would be silently ignored
        raise ParameterError(f"unknown reader option(s) {', '.join(unknown)}; known: "
                             f"{', '.join(READER_OPTIONS)}")
    paths = [paths] if isinstance(paths, str | Path) else list(paths)  # may be a generator
    files = expand_paths(paths)
    named = {Path(p) for p in paths if Path(p).is_file()}
    first_unknown: FormatError | None = None
    builder = CorpusBuilder()
    ledgers: list[Ledger] = []
    iterator = files
    if progress:
        from tqdm import tqdm

        iterator = tqdm(files, desc="reading", unit="file")
    for path in iterator:
        try:
            name = sniff(path) if format == "auto" else format
        except FormatError as err:
            if not skip_unknown or path in named:
                raise
            first_unknown = first_unknown or err
            log.warning("skipped %s: not a record file of any known format", path)
            ledgers.append(Ledger(str(path), NOT_RECORDS))
            continue
        fmt = FORMATS[name]
        ledger = Ledger(str(path), name)
        log.info("reading %s as %s", path, name)
        fmt.read(path, ReadContext(builder, ledger, encoding, options))
        ledgers.append(ledger)
    if first_unknown is not None and all(led.format == NOT_RECORDS for led in ledgers):
        raise first_unknown  # nothing in the folders is records: say why for the first file
    corpus = merge_events(builder.to_corpus(ledgers))  # one event per event across sources
    organizations, counts = normalise_regions(corpus.organizations, lookup_cities=False)
    if counts.damaged or counts.kept:
        log.warning("regions: %d organisations with a region damaged in the source file "
                    "(repaired), %d with a region that is no ISO 3166-2 subdivision or NUTS "
                    "code of their country (kept as written)", counts.damaged, counts.kept)
    return corpus._replace(organizations=organizations)
