"""The report folder on disk: which folder netkit may replace, and how it replaces it.

**Ownership.** netkit replaces an existing folder only if it wrote it: the folder
holds a ``run.json`` that names netkit (a ``"netkit"`` version) and lists its
``"outputs"`` with their SHA-256, and every other file in the folder is one of
those outputs, unchanged. Anything else — a folder without ``run.json``, a
``run.json`` that is not netkit's, a file netkit did not write (a user's notes
put in an old report), a listed file that was edited since, or a symbolic
link — makes :func:`check_replaceable` refuse with one error that names the
file. netkit never deletes a file it cannot prove it wrote: the user moves the
file away (or picks another folder) and runs again.

**Swap.** The new report is written to a hidden staging folder
``.<name>.tmp-XXXX`` beside ``<name>`` and put in place by :func:`swap`. On
Linux that is one atomic ``renameat2(RENAME_EXCHANGE)``: at every instant
``<name>`` is either the whole old report or the whole new one. Elsewhere (or
on a file system without the call) it is two renames, ``<name>`` →
``.<name>.old-XXXX`` then staging → ``<name>``.

**Recovery.** A run killed half-way can leave a staging folder, or — between the
two renames of the fallback — the old report under ``.<name>.old-XXXX`` and no
``<name>``. :func:`recover` runs first thing in the next run: it renames the
newest complete old report back to ``<name>`` if ``<name>`` is missing, and
removes leftover staging folders whose files are all files netkit writes; a
staging folder that a running netkit still writes (it holds a lock on it) or
that holds anything else is left alone.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from netkit.errors import ParameterError

__all__ = ["check_replaceable", "listing", "recover", "staging_folder", "swap"]

log = logging.getLogger(__name__)

_HEX64 = re.compile(r"[0-9a-f]{64}")
_TOP_FILES = {"index.html", "report.md", "graph.graphml", "graph.gexf", "network.html",
              "run.json"}
_TEMP = re.compile(r"\..+\.tmp")


def _sha256(path: Path) -> str:
    from netkit.model import sha256_file

    return sha256_file(path)


def _entries(folder: Path) -> Iterator[Path]:
    """Every path below ``folder`` (symbolic links reported, never followed)."""
    for root, dirs, files in os.walk(folder):
        base = Path(root)
        for d in dirs:
            yield base / d
        for f in files:
            yield base / f


def _listed_outputs(run_json: Path) -> dict[str, str] | None:
    """``outputs`` of a netkit ``run.json`` (relative path → SHA-256), or None if not netkit's.

    The same format serves any folder netkit owns (the demo's sources list its files too).
    """
    if run_json.is_symlink() or not run_json.is_file():
        return None
    try:
        run = json.loads(run_json.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(run, dict) or not isinstance(run.get("netkit"), str):
        return None
    outputs = run.get("outputs")
    if not isinstance(outputs, dict):
        return None
    for rel, digest in outputs.items():
        parts = Path(rel).parts
        if (not isinstance(digest, str) or not _HEX64.fullmatch(digest) or not parts
                or Path(rel).is_absolute() or ".." in parts or rel == run_json.name):
            return None
    return outputs


def _foreign_files(folder: Path, listing: str = "run.json") -> tuple[str, list[str]]:
    """(why the folder is not netkit's, offending paths); ``("", [])`` if netkit may replace it."""
    entries = list(_entries(folder))
    if not entries:
        return "", []
    outputs = _listed_outputs(folder / listing)
    if outputs is None:
        why = (f"has no netkit {listing}" if not (folder / listing).exists()
               else f"has a {listing} that is not netkit's (no netkit version and "
                    "outputs with SHA-256)")
        return why, [p.relative_to(folder).as_posix() for p in entries if not p.is_dir()][:3]
    foreign, changed = [], []
    for p in entries:
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            foreign.append(rel)
        elif p.is_dir() or rel == listing:
            continue
        elif rel not in outputs:
            foreign.append(rel)
        elif _sha256(p) != outputs[rel]:
            changed.append(rel)
    if foreign:
        return "holds files netkit did not write", sorted(foreign)
    if changed:
        return "holds report files changed since netkit wrote them", sorted(changed)
    return "", []


def check_replaceable(out: Path, listing: str = "run.json", kind: str = "a netkit report") -> None:
    """Refuse (ParameterError) unless ``out`` is missing, empty, or a folder netkit wrote, untouched.

    ``listing`` is the file that lists the folder's files with their SHA-256
    (``run.json`` of a report); ``kind`` names the folder in the message.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> check_replaceable(d / "new")  # missing: fine
    >>> _ = (d / "thesis.tex").write_text("…")
    >>> check_replaceable(d)
    Traceback (most recent call last):
    ...
    netkit.errors.ParameterError: output folder ... is not a netkit report: it has no netkit run.json (thesis.tex); refusing to replace it — move those files away or choose another output folder
    """
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ParameterError(f"output {out} exists and is not a folder")
    if not out.exists():
        return
    why, paths = _foreign_files(out, listing)
    if why:
        shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        raise ParameterError(f"output folder {out} is not {kind}: it {why} ({shown}); "
                             "refusing to replace it — move those files away or choose another "
                             "output folder")


def listing(folder: Path, name: str) -> dict[str, object]:
    """The ownership record of ``folder``: netkit's version and every file's SHA-256.

    Write it (as JSON) to ``folder / name``; :func:`check_replaceable` with
    ``listing=name`` then recognises the folder as netkit's.
    """
    from netkit._version import __version__

    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != name)
    return {"netkit": __version__,
            "outputs": {p.relative_to(folder).as_posix(): _sha256(p) for p in files}}


# -- staging, locking, swapping --------------------------------------------------------------
def _lock(fd: int, *, block: bool) -> bool:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no locking
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


@contextlib.contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """A new hidden staging folder beside ``out``, locked while the block runs, removed on error."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        fd: int | None = os.open(stage, os.O_RDONLY)
    except OSError:  # pragma: no cover - a system that cannot open folders (Windows)
        fd = None
    try:
        if fd is not None:
            _lock(fd, block=True)
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        if fd is not None:
            os.close(fd)


def _is_netkit_staging(folder: Path) -> bool:
    """True if every file in ``folder`` is one netkit writes into a report folder."""
    if _listed_outputs(folder / "run.json") is not None:
        return not _foreign_files(folder)[0]
    for p in _entries(folder):
        rel = p.relative_to(folder)
        if p.is_symlink():
            return False
        if p.is_dir():
            if rel.as_posix() != "tables":
                return False
            continue
        if len(rel.parts) == 1 and (rel.name in _TOP_FILES or _TEMP.fullmatch(rel.name)):
            continue
        if (len(rel.parts) == 2 and rel.parts[0] == "tables"
                and (rel.suffix == ".csv" or _TEMP.fullmatch(rel.name))):
            continue
        return False
    return True


def _unlocked(folder: Path) -> bool:
    """True if no running netkit holds the lock of ``folder``."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        return _lock(fd, block=False)
    finally:
        os.close(fd)


def recover(out: Path) -> list[str]:
    """Restore or clean what an interrupted run left beside ``out``; return what was done.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / ".r.tmp-x1").mkdir(); _ = (d / ".r.tmp-x1" / "index.html").write_text("half")
    >>> recover(d / "r")
    ['removed the staging folder .r.tmp-x1 of an interrupted run']
    >>> sorted(p.name for p in d.iterdir())
    []
    """
    parent = out.parent
    if not parent.is_dir():
        return []
    done: list[str] = []
    olds = sorted((p for p in parent.glob(f".{glob_escape(out.name)}.old-*")
                   if p.is_dir() and not p.is_symlink()),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    if not out.exists() and not out.is_symlink():
        for old in olds:
            if _listed_outputs(old / "run.json") is not None and not _foreign_files(old)[0]:
                os.replace(old, out)
                olds.remove(old)
                done.append(f"restored the report {out.name} from {old.name} (a run was "
                            "interrupted while replacing it)")
                break
    stages = sorted(p for p in parent.glob(f".{glob_escape(out.name)}.tmp-*")
                    if p.is_dir() and not p.is_symlink())
    for folder in [*olds, *stages]:
        if not _unlocked(folder):
            continue  # a running netkit writes it
        if _is_netkit_staging(folder):
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed the staging folder {folder.name} of an interrupted run")
        else:
            log.warning("left %s alone: it holds files netkit did not write", folder)
    for line in done:
        log.warning(line)
    return done


def glob_escape(name: str) -> str:
    """``name`` with glob wildcards escaped.

    >>> glob_escape("a[1]*")
    'a[[]1[]][*]'
    """
    return re.sub(r"([*?\[\]])", r"[\1]", name)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2``); False if the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap(stage: Path, out: Path) -> None:
    """Put the complete staging folder in place of ``out``; the old report is then removed."""
    if out.exists():
        if _exchange(stage, out):
            shutil.rmtree(stage, ignore_errors=True)  # now the old report
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            old.rmdir()
            os.replace(out, old)
            try:
                os.replace(stage, out)
            except BaseException:
                os.replace(old, out)  # put the previous report back
                raise
            shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(stage, out)
    os.chmod(out, 0o755)
