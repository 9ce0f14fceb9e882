"""Save and load a :class:`~netkit.model.Corpus` as a folder of Parquet files.

The folder holds one Parquet file per table and ``manifest.json`` with the schema
version, the row count and the SHA-256 of every file. :func:`load` validates the
manifest against :data:`MANIFEST_SCHEMA` (every table present, nothing unknown,
each entry with its file, row count and SHA-256) and verifies the hashes, so a
file that was edited, truncated or removed after saving — or a manifest that was
edited — is detected rather than loaded as a smaller (or empty) corpus.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from netkit._version import __version__
from netkit.errors import CorpusIntegrityError
from netkit.model.corpus import Corpus
from netkit.model.files import atomic_path, atomic_write_text
from netkit.model.schema import CORE_TABLES, SCHEMA_VERSION

__all__ = ["MANIFEST_SCHEMA", "load", "save", "sha256_file"]

MANIFEST = "manifest.json"
SAVED_TABLES = (*CORE_TABLES, "quarantine", "accounting")
"""Every table of a saved corpus, each in ``<name>.parquet``."""
OPTIONAL_TABLES = ("person_ids", "event_ids")
"""Tables a corpus saved by an earlier netkit lacks (read as empty)."""

MANIFEST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["format", "schema_version", "tables", "duplicates"],
    "properties": {
        "format": {"const": "netkit-corpus"},
        "schema_version": {"type": "integer"},
        "netkit_version": {"type": "string"},
        "tables": {
            "type": "object",
            "required": [t for t in SAVED_TABLES if t not in OPTIONAL_TABLES],
            "additionalProperties": False,
            "properties": {
                name: {
                    "type": "object",
                    "required": ["file", "rows", "sha256"],
                    "additionalProperties": False,
                    "properties": {
                        "file": {"const": f"{name}.parquet"},
                        "rows": {"type": "integer", "minimum": 0},
                        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    },
                }
                for name in SAVED_TABLES
            },
        },
        "duplicates": {"type": "object",
                       "additionalProperties": {"type": "integer", "minimum": 0}},
    },
    "additionalProperties": False,
}
"""JSON Schema of ``manifest.json`` (checked by :func:`load` with ``jsonschema``)."""


def sha256_file(path: str | Path) -> str:
    """The hex SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def save(corpus: Corpus, directory: str | Path) -> Path:
    """Write ``corpus`` to ``directory`` (created if needed) and return its path.

    Each file is written to a temporary name and renamed, the manifest last, so a
    crash never leaves a manifest that describes half-written files. The bytes
    are deterministic: the same corpus gives the same files. A folder that holds
    a file of the same name as one of the corpus's (``events.parquet``,
    ``manifest.json`` …) is overwritten only if it is a netkit corpus folder.

    Raises
    ------
    CorpusIntegrityError
        ``directory`` holds such a file but is not a netkit corpus folder.

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
    _refuse_foreign_files(directory)
    directory.mkdir(parents=True, exist_ok=True)
    entries = {}
    for name, df in corpus.tables().items():
        path = directory / f"{name}.parquet"
        table = pa.Table.from_pandas(df, preserve_index=False)
        with atomic_path(path) as tmp:
            pq.write_table(table, tmp, compression="zstd")
        entries[name] = {"file": path.name, "rows": len(df), "sha256": sha256_file(path)}
    manifest = {
        "format": "netkit-corpus",
        "schema_version": SCHEMA_VERSION,
        "netkit_version": __version__,
        "tables": entries,
        "duplicates": corpus.duplicates,
    }
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    atomic_write_text(directory / MANIFEST, text)
    return directory


def _refuse_foreign_files(directory: Path) -> None:
    """Refuse to overwrite same-named files in a folder that is not a netkit corpus."""
    if not directory.is_dir():
        return
    names = [MANIFEST, *(f"{t}.parquet" for t in SAVED_TABLES)]
    clash = [n for n in names if (directory / n).exists() or (directory / n).is_symlink()]
    if not clash:
        return
    try:
        manifest = json.loads((directory / MANIFEST).read_bytes().decode("utf-8"))
        ours = isinstance(manifest, dict) and manifest.get("format") == "netkit-corpus"
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        ours = False
    if not ours or any((directory / n).is_symlink() for n in clash):
        raise CorpusIntegrityError(
            f"the folder holds {', '.join(clash[:3])} but is not a netkit corpus folder; "
            "refusing to overwrite files netkit did not write",
            file=str(directory), hint="choose another output folder")


def load(directory: str | Path) -> Corpus:
    """Read a corpus folder written by :func:`save`.

    Raises
    ------
    CorpusIntegrityError
        If the manifest is missing or unreadable, a file is missing, or a file's
        SHA-256 or row count differs from the manifest.
        Also if the manifest does not follow :data:`MANIFEST_SCHEMA`: not a JSON
        object, a table missing or unknown, an entry without its file, row count
        or SHA-256.
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
    manifest = _read_manifest(mpath)
    entries = manifest["tables"]
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
    corpus.duplicates = {str(k): int(v) for k, v in manifest["duplicates"].items()}
    return corpus


def _read_manifest(mpath: Path) -> dict[str, Any]:
    """The manifest, checked against :data:`MANIFEST_SCHEMA` (one error naming the first problem)."""
    import jsonschema

    hint = "re-create the corpus with `netkit ingest … --out DIR` or Corpus.save(DIR)"
    try:
        manifest = json.loads(mpath.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusIntegrityError(f"unreadable manifest ({exc})", file=str(mpath),
                                   hint=hint) from None
    if isinstance(manifest, dict) and manifest.get("schema_version") != SCHEMA_VERSION:
        raise CorpusIntegrityError(
            f"schema version {manifest.get('schema_version')!r}, this netkit reads {SCHEMA_VERSION}",
            file=str(mpath),
            hint="re-create the corpus with this version of netkit",
        )
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(MANIFEST_SCHEMA).iter_errors(manifest))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the manifest"
        message = error.message if len(error.message) <= 200 else error.message[:200] + "…"
        if error.validator == "type":
            message = (f"expected a JSON {error.validator_value}, found "
                       f"{type(error.instance).__name__} {str(error.instance)[:40]}")
        raise CorpusIntegrityError(f"invalid manifest at {where}: {message}", file=str(mpath),
                                   hint=hint)
    return manifest
