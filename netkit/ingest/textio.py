"""Open input files as text: compression, byte-order marks, UTF-16, declared encodings.

Decoding errors become :class:`~netkit.errors.InputError` naming the file, the line,
the offending byte and what to do (``pass --encoding``), never a bare traceback.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from netkit.errors import InputError

__all__ = ["detect_encoding", "head_bytes", "open_binary", "open_text", "text_lines"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@contextmanager
def open_binary(path: str | Path) -> Iterator[BinaryIO]:
    """Open a file for binary reading, transparently decompressing ``.gz``, ``.bz2``
    and single-member ``.zip`` files."""
    path = Path(path)
    try:
        if path.suffix == ".gz":
            fh: BinaryIO = gzip.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
        elif path.suffix == ".bz2":
            fh = bz2.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
        elif path.suffix == ".zip":
            zf = zipfile.ZipFile(path)
            members = [m for m in zf.namelist() if not m.endswith("/")]
            if len(members) != 1:
                raise InputError(
                    f"zip archive holds {len(members)} files; netkit reads archives of one file",
                    file=str(path), hint="unzip it and pass the files or their folder",
                )
            fh = zf.open(members[0])  # type: ignore[assignment]
        else:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"cannot open ({exc.strerror or exc})", file=str(path)) from exc
    try:
        yield fh
    finally:
        fh.close()


def head_bytes(path: str | Path, n: int = 65536) -> bytes:
    """The first ``n`` bytes of a file (decompressed), for format sniffing."""
    with open_binary(path) as fh:
        try:
            return fh.read(n)
        except (EOFError, OSError, zlib.error) as exc:
            raise InputError(f"compressed file is truncated or corrupt ({exc})", file=str(path),
                             hint="download or copy the file again") from exc


def detect_encoding(head: bytes, declared: str | None = None) -> str:
    """The encoding to read a file with: the declared one, else its BOM, else UTF-8.

    A file without BOM whose first bytes alternate with NULs is taken as UTF-16.

    Examples
    --------
    >>> detect_encoding(b"\\xef\\xbb\\xbfPT\\tAU")
    'utf-8-sig'
    >>> detect_encoding("PT".encode("utf-16-le"))
    'utf-16-le'
    >>> detect_encoding(b"PT\\tAU", declared="cp1252")
    'cp1252'
    """
    if declared:
        return declared
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    sample = head[:200]
    if len(sample) >= 4:
        if sample[1::2].count(0) > 0.4 * len(sample) / 2 and sample[0::2].count(0) == 0:
            return "utf-16-le"
        if sample[0::2].count(0) > 0.4 * len(sample) / 2 and sample[1::2].count(0) == 0:
            return "utf-16-be"
    return "utf-8"


def _decode_error(path: Path, raw: bytes, exc: UnicodeDecodeError, encoding: str,
                  line: int) -> InputError:
    bad = raw[exc.start:exc.start + 1].hex()
    return InputError(
        f"byte 0x{bad} at column {exc.start + 1} is not valid {encoding}",
        file=str(path),
        line=line,
        hint="the file uses another encoding: pass --encoding (for example cp1252 or latin-1)",
    )


def text_lines(path: str | Path, encoding: str | None = None) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each line, split on ``\\n`` only.

    Lines keep no line terminator (``\\r\\n`` and ``\\n`` are removed). U+2028 and
    U+2029 inside a line are kept as they are. The file is read in binary and
    decoded line by line, so memory stays flat and a decoding error names its line.
    """
    path = Path(path)
    with open_binary(path) as fh:
        enc = detect_encoding(fh.peek(4096) if hasattr(fh, "peek") else b"", encoding)
        if enc.startswith("utf-16"):
            # UTF-16 cannot be split on the byte b"\n": decode as a stream.
            reader = io.TextIOWrapper(fh, encoding=enc, newline="")  # type: ignore[arg-type]
            try:
                for n, text in enumerate(_split_newlines(reader), start=1):
                    yield n, text
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {enc} ({exc.reason})", file=str(path),
                                 hint="pass --encoding") from exc
            finally:
                reader.detach()
            return
        decoder = "utf-8" if enc == "utf-8-sig" else enc
        for n, raw in enumerate(fh, start=1):
            if n == 1 and enc == "utf-8-sig" and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            try:
                text = raw.decode(decoder)
            except UnicodeDecodeError as exc:
                raise _decode_error(path, raw, exc, decoder, n) from exc
            yield n, text.rstrip("\n").removesuffix("\r")


def _split_newlines(reader: io.TextIOBase) -> Iterator[str]:
    buf = ""
    while True:
        chunk = reader.read(1 << 16)
        if not chunk:
            break
        buf += chunk
        *lines, buf = buf.split("\n")
        for line in lines:
            yield line.removesuffix("\r")
    if buf:
        yield buf.removesuffix("\r")


def open_text(path: str | Path, encoding: str | None = None) -> io.StringIO:
    """The whole file decoded to a text buffer (for small formats such as CSV headers).

    Raises :class:`~netkit.errors.InputError` with the line of the first byte that
    does not decode.
    """
    return io.StringIO("".join(t + "\n" for _, t in text_lines(path, encoding)))
