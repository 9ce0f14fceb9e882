"""Save and load a :class:`~netkit.model.Corpus` as a folder of Parquet files.

The folder holds one Parquet file per table and ``manifest.json`` with the schema
version, the row count and the SHA-256 of every file. :func:`load` verifies the
hashes, so a file that was edited or truncated after saving is detected.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from netkit._version import __version__
from netkit.errors import CorpusIntegrityError
from netkit.model.corpus import Corpus
from netkit.model.schema import SCHEMA_VERSION

__all__ = ["load", "save", "sha256_file"]

MANIFEST = "manifest.json"


def sha256_file(path: str | Path) -> str:
    """The hex SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    write(tmp)
    os.replace(tmp, path)


def save(corpus: Corpus, directory: str | Path) -> Path:
    """Write ``corpus`` to ``directory`` (created if needed) and return its path.

    Each file is written to a temporary name and renamed, the manifest last, so a
    crash never leaves a manifest that describes half-written files. The bytes
    are deterministic: the same corpus gives the same files.

    Examples
    --------
    >>> import tempfile
    >>> from netkit.datasets import synthetic_ecosystem
    >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = save(corpus, d)
    ...     load(d).equals(corpus)
    True
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    entries = {}
    for name, df in corpus.tables().items():
        path = directory / f"{name}.parquet"
        table = pa.Table.from_pandas(df, preserve_index=False)
        _write_atomic(path, lambda p, t=table: pq.write_table(t, p, compression="zstd"))
        entries[name] = {"file": path.name, "rows": len(df), "sha256": sha256_file(path)}
    manifest = {
        "format": "netkit-corpus",
        "schema_version": SCHEMA_VERSION,
        "netkit_version": __version__,
        "tables": entries,
        "duplicates": corpus.duplicates,
    }
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    _write_atomic(directory / MANIFEST, lambda p: p.write_text(text, encoding="utf-8"))
    return directory


def load(directory: str | Path) -> Corpus:
    """Read a corpus folder written by :func:`save`.

    Raises
    ------
    CorpusIntegrityError
        If the manifest is missing or unreadable, a file is missing, or a file's
        SHA-256 or row count differs from the manifest.
    SchemaError
        If the tables do not follow the canonical schema.
    """
    directory = Path(directory)
    mpath = directory / MANIFEST
    if not mpath.is_file():
        raise CorpusIntegrityError(
            "not a netkit corpus folder (no manifest.json)",
            file=str(directory),
            hint="write one with `netkit ingest … --out DIR` or Corpus.save(DIR)",
        )
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        entries = manifest["tables"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise CorpusIntegrityError(f"unreadable manifest ({exc})", file=str(mpath)) from exc
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise CorpusIntegrityError(
            f"schema version {manifest.get('schema_version')!r}, this netkit reads {SCHEMA_VERSION}",
            file=str(mpath),
            hint="re-create the corpus with this version of netkit",
        )
    tables: dict[str, pd.DataFrame] = {}
    for name, entry in entries.items():
        path = directory / entry["file"]
        if not path.is_file():
            raise CorpusIntegrityError("file listed in the manifest is missing", file=str(path))
        digest = sha256_file(path)
        if digest != entry["sha256"]:
            raise CorpusIntegrityError(
                f"SHA-256 {digest[:12]}… does not match the manifest ({entry['sha256'][:12]}…): "
                "the file changed after the corpus was saved",
                file=str(path),
                hint="restore the file or re-create the corpus",
            )
        df = pq.read_table(path).to_pandas()
        if len(df) != entry["rows"]:
            raise CorpusIntegrityError(
                f"{len(df)} rows, the manifest says {entry['rows']}", file=str(path)
            )
        tables[name] = df
    corpus = Corpus(**tables)
    corpus.duplicates = dict(manifest.get("duplicates", {}))
    return corpus
