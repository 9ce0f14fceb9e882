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
from contextlib import contextmanager, suppress
from functools import partial
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from netkit.errors import InputError, ParameterError

__all__ = ["MAX_LINE_BYTES", "MAX_RATIO", "RATIO_AFTER", "binary_lines", "decode_error",
           "detect_encoding", "head_bytes", "open_binary", "open_text", "open_zip_member",
           "read_zip_member", "text_lines", "universal_newlines"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


MAX_LINE_BYTES = 128 << 20
"""The longest line (or record) a reader accepts, in bytes: longer ones are refused
with an :class:`~netkit.errors.InputError` instead of exhausting memory."""

MAX_RATIO = 200
"""Decompressed bytes per compressed byte beyond which a compressed file is refused as
a decompression bomb (real exports compress 3 to 20 times; zeros 1000 times)."""

RATIO_AFTER = 64 << 20
"""Decompressed bytes a file may give before :data:`MAX_RATIO` is enforced (small
files of repeated test records may compress better without being a threat)."""

_CORRUPT = (EOFError, zlib.error, OSError, zipfile.BadZipFile)


class _Guarded(io.RawIOBase):
    """A decompressing stream that refuses decompression bombs and turns a truncated
    or corrupt archive into an :class:`~netkit.errors.InputError` naming the file."""

    def __init__(self, inner: BinaryIO, consumed, path: Path, closing=()) -> None:
        super().__init__()
        self._inner, self._consumed, self._path = inner, consumed, path
        self._closing = (inner, *closing)
        self.out = 0
        """Decompressed bytes handed out so far."""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        try:
            n = self._inner.readinto(b)
        except InputError:
            raise
        except _CORRUPT as exc:
            where = self.out
            with suppress(OSError, ValueError, AttributeError, EOFError):
                where = max(where, self._inner.tell())  # what came out before the damage
            raise InputError(
                f"compressed file is truncated or corrupt after {where:,} decompressed "
                f"bytes ({exc})", file=str(self._path),
                hint="download or copy the file again") from exc
        self.out += n
        if self.out > RATIO_AFTER:
            packed = max(int(self._consumed()), 1)
            if self.out > MAX_RATIO * packed:
                raise InputError(
                    f"refused: decompresses to over {MAX_RATIO} times its compressed size "
                    f"({self.out >> 20} MB from {packed:,} bytes so far); a decompression "
                    "bomb?", file=str(self._path),
                    hint="if the file is genuine, decompress it and pass the result")
        return n

    def close(self) -> None:
        if not self.closed:
            for fh in self._closing:
                fh.close()
        super().close()


def _buffered(inner: BinaryIO, consumed, path: Path, closing=()) -> BinaryIO:
    # reads of 128 KiB: a truncated archive fails close to the line it breaks in
    return io.BufferedReader(_Guarded(inner, consumed, path, closing),  # type: ignore[return-value]
                             buffer_size=1 << 17)


def _open_zip_member(path: Path) -> BinaryIO:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise InputError(f"not a readable zip archive ({exc}); empty or truncated?",
                         file=str(path), hint="download or copy the file again") from exc
    members = [m for m in zf.infolist() if not m.is_dir()]
    if len(members) != 1:
        zf.close()
        raise InputError(
            f"zip archive holds {len(members)} files; netkit reads archives of one file",
            file=str(path), hint="unzip it and pass the files or their folder",
        )
    return open_zip_member(zf, members[0], path, closing=(zf,))


def open_zip_member(zf: zipfile.ZipFile, member: zipfile.ZipInfo | str, path: str | Path,
                    closing=()) -> BinaryIO:
    """One member of an open zip archive as a buffered stream, guarded like
    :func:`open_binary` (truncation and decompression bombs give an InputError)."""
    path = Path(path)
    info = member if isinstance(member, zipfile.ZipInfo) else zf.getinfo(member)
    try:
        fh = zf.open(info)
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(f"cannot read {info.filename!r} in the zip archive ({exc})",
                         file=str(path), hint="download or copy the file again") from exc
    # ZipExtFile stops at the declared size: the declared ratio bounds the output
    return _buffered(fh, lambda: info.compress_size, path, closing)  # type: ignore[arg-type]


def read_zip_member(zf: zipfile.ZipFile, member: zipfile.ZipInfo | str, path: str | Path,
                    limit: int = MAX_LINE_BYTES) -> bytes:
    """The bytes of one zip member (at most ``limit``; more is an InputError), read
    through :func:`open_zip_member`."""
    with open_zip_member(zf, member, path) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        name = member.filename if isinstance(member, zipfile.ZipInfo) else member
        raise InputError(f"zip member {name!r} is larger than {limit >> 20} MB", file=str(path),
                         hint="unzip it and check the file")
    return data


@contextmanager
def open_binary(path: str | Path) -> Iterator[BinaryIO]:
    """Open a file for binary reading, transparently decompressing ``.gz``, ``.bz2``
    and single-member ``.zip`` files.

    The stream is buffered (``peek`` works). Compressed input is streamed, never read
    whole; a truncated or corrupt archive, and one that decompresses to more than
    :data:`MAX_RATIO` times its size (a decompression bomb), raise
    :class:`~netkit.errors.InputError` naming the file.

    Examples
    --------
    >>> import gzip, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt.gz"
    >>> _ = p.write_bytes(gzip.compress(b"PT J\\n")[:-6])
    >>> with open_binary(p) as fh:
    ...     fh.read()
    Traceback (most recent call last):
    netkit.errors.InputError: ...a.txt.gz: compressed file is truncated or corrupt after ...
    """
    path = Path(path)
    try:
        if path.suffix in (".gz", ".bz2"):
            raw = open(path, "rb")  # noqa: SIM115 - closed with the stream
            inner = gzip.GzipFile(fileobj=raw, mode="rb") if path.suffix == ".gz" else \
                bz2.BZ2File(raw, "rb")
            fh = _buffered(inner, raw.tell, path, closing=(raw,))  # type: ignore[arg-type]
        elif path.suffix == ".zip":
            fh = _open_zip_member(path)
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
    >>> detect_encoding(b"PT", declared="klingon")
    Traceback (most recent call last):
    netkit.errors.ParameterError: unknown encoding 'klingon'; for example utf-8, cp1252, ...
    """
    if declared:
        try:
            codecs.lookup(declared)
        except LookupError:
            raise ParameterError(f"unknown encoding {declared!r}; for example utf-8, cp1252, "
                                 "latin-1, utf-16") from None
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


def universal_newlines(head: bytes | str) -> bool:
    """Whether a file whose first bytes are ``head`` ends its lines with a bare CR.

    The first line end decides: a CR not followed by LF (classic Mac files) makes
    CR, LF and CRLF all line ends; otherwise lines end at LF (a trailing CR is
    removed) and a CR inside a line is kept as text.

    >>> universal_newlines(b"PT J\\rAU X\\r"), universal_newlines(b"a\\r\\nb\\rc")
    (True, False)
    """
    cr = head.find("\r" if isinstance(head, str) else b"\r")
    if cr < 0:
        return False
    lf = head.find("\n" if isinstance(head, str) else b"\n", 0, cr + 2)
    return lf < 0


def _too_long(path: Path, line: int) -> InputError:
    return InputError(f"line longer than {MAX_LINE_BYTES >> 20} MB: not a text export, or a "
                      "damaged or hostile file", file=str(path), line=line,
                      hint="check the file; netkit reads records up to that size")


def _raw_lines(fh: BinaryIO, universal: bool | None = None) -> Iterator[bytes]:
    """The lines of ``fh`` as :func:`binary_lines` gives them, without the length check
    (an iterator in C for LF files: this is the hot loop of every text reader)."""
    first = b""
    if universal is None:  # decided by the first line end, however far it is
        first = fh.readline(MAX_LINE_BYTES)
        universal = universal_newlines(first)
    if universal:
        return _universal_lines(fh, first)
    rest = iter(partial(fh.readline, MAX_LINE_BYTES), b"")
    return chain((first,), rest) if first else rest


def _universal_lines(fh: BinaryIO, rest: bytes) -> Iterator[bytes]:
    """Lines ending at CR, LF or CRLF, each handed out ending in ``\\n``."""
    while True:
        chunk = fh.read(1 << 20)
        if chunk:
            data = rest + chunk
            cut = len(data) - 1 if data.endswith(b"\r") else len(data)  # CR LF may straddle
        else:
            data, cut = rest, len(rest)
        body = data[:cut].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        lines = body.split(b"\n")
        rest = lines.pop() + data[cut:]
        for line in lines:
            yield line + b"\n"
        if len(rest) >= MAX_LINE_BYTES:
            yield rest  # too long: the caller refuses it
            return
        if not chunk:
            if rest:
                yield rest
            return


def _long(raw: bytes) -> bool:
    """A line that reached :data:`MAX_LINE_BYTES` without ending."""
    return len(raw) >= MAX_LINE_BYTES and (len(raw) > MAX_LINE_BYTES or not raw.endswith(b"\n"))


def binary_lines(fh: BinaryIO, path: str | Path, universal: bool | None = None
                 ) -> Iterator[bytes]:
    """The lines of a binary stream, each ending in ``\\n`` (the last one may not).

    With ``universal`` (by default: :func:`universal_newlines` of the first line,
    read up to its first LF however long), CR and CRLF line ends are turned into
    ``\\n``; otherwise lines are split at ``\\n`` only. A line longer than
    :data:`MAX_LINE_BYTES` raises :class:`~netkit.errors.InputError`.

    >>> import io
    >>> list(binary_lines(io.BufferedReader(io.BytesIO(b"a\\rb\\r\\nc")), "f"))
    [b'a\\n', b'b\\n', b'c']
    """
    for n, raw in enumerate(_raw_lines(fh, universal), start=1):
        if len(raw) >= MAX_LINE_BYTES and _long(raw):
            raise _too_long(Path(path), n)
        yield raw


def text_lines(path: str | Path, encoding: str | None = None) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each line.

    Lines end at ``\\n``, or at CR, LF and CRLF alike in a file whose first line
    ends with a bare CR (:func:`universal_newlines`); they keep no line terminator.
    U+2028 and U+2029 inside a line are kept as they are. The file is read in binary
    and decoded line by line, so memory stays flat and a decoding error names its
    line. A line longer than :data:`MAX_LINE_BYTES` and a truncated compressed file
    raise :class:`~netkit.errors.InputError` naming the line.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "mac.txt"
    >>> _ = p.write_bytes(b"PT J\\rUT 1\\rER\\r")
    >>> list(text_lines(p))
    [(1, 'PT J'), (2, 'UT 1'), (3, 'ER')]
    """
    path = Path(path)
    n = 0
    try:
        with open_binary(path) as fh:
            enc = detect_encoding(fh.peek(1 << 16), encoding)
            if _codec(enc).startswith("utf-16"):
                yield from _utf16_lines(fh, path, enc)
                return
            decoder = "utf-8" if enc == "utf-8-sig" else enc
            limit = MAX_LINE_BYTES
            for n, raw in enumerate(_raw_lines(fh), start=1):
                if len(raw) >= limit and _long(raw):
                    raise _too_long(path, n)
                if n == 1 and enc == "utf-8-sig" and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[3:]
                try:
                    text = raw.decode(decoder)
                except UnicodeDecodeError as exc:
                    raise _decode_error(path, raw, exc, decoder, n) from exc
                yield n, text.rstrip("\n").removesuffix("\r")
    except InputError as exc:
        if exc.line is not None or exc.file != str(path) or n == 0:
            raise
        raise InputError(f"{exc.message} (after line {n})", file=exc.file, line=n + 1,
                         hint=exc.hint) from exc


def _codec(enc: str) -> str:
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return enc


def _utf16_lines(fh: BinaryIO, path: Path, enc: str) -> Iterator[tuple[int, str]]:
    """UTF-16 cannot be split on the byte ``\\n``: decode as a stream."""
    reader = io.TextIOWrapper(fh, encoding=enc, newline="")  # type: ignore[arg-type]
    n = 0
    try:
        for n, text in enumerate(_split_newlines(reader, path), start=1):
            yield n, text
    except UnicodeDecodeError as exc:
        line, bad = _utf16_error_at(path, enc)
        raise InputError(f"not valid {enc} ({exc.reason}{bad})", file=str(path),
                         line=line or n + 1, hint="pass --encoding") from exc
    finally:
        reader.detach()


def _utf16_error_at(path: Path, enc: str) -> tuple[int | None, str]:
    """The line of the first bytes of a UTF-16 file that do not decode, and those bytes
    (the text reader decodes in chunks, so it cannot tell the line itself)."""
    dec = codecs.getincrementaldecoder(enc)()
    line, order = 1, None
    with open_binary(path) as fh:
        while chunk := fh.read(1 << 16):
            if order is None:
                order = "utf-16-be" if chunk.startswith(codecs.BOM_UTF16_BE) or \
                    enc.lower().replace("_", "-").endswith("be") else "utf-16-le"
            try:
                line += dec.decode(chunk).count("\n")
            except UnicodeDecodeError as exc:
                good = exc.object[:exc.start]
                line += good[: len(good) // 2 * 2].decode(order, "replace").count("\n")
                return line, f": bytes 0x{exc.object[exc.start:exc.end].hex()}"
    return None, ""


def _split_newlines(reader: io.TextIOBase, path: Path) -> Iterator[str]:
    buf = ""
    universal = None
    limit = MAX_LINE_BYTES // 2
    n = 0
    while True:
        chunk = reader.read(1 << 16)
        if universal is None and ("\r" in chunk or "\n" in chunk):
            universal = universal_newlines(buf + chunk)  # decided by the first line end
        if chunk.endswith("\r") and universal:
            chunk += reader.read(1)  # a CR LF split between chunks stays one line end
        if not chunk:
            break
        buf += chunk
        if universal:
            buf = buf.replace("\r\n", "\n").replace("\r", "\n")
        *lines, buf = buf.split("\n")
        for line in lines:
            n += 1
            yield line.removesuffix("\r")
        if len(buf) > limit:
            raise _too_long(path, n + 1)
    if buf:
        yield buf.removesuffix("\r")


def decode_error(path: str | Path, encoding: str | None = None) -> InputError | None:
    """The :class:`~netkit.errors.InputError` naming the line and byte of the first
    bytes of ``path`` that do not decode (``None`` if all do): for readers that decode
    in large chunks and so cannot tell the line themselves.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "w.json"
    >>> _ = p.write_bytes(b'[\\n{"title": "Caf\\xe9"}\\n]')
    >>> print(decode_error(p))
    /...w.json:2: byte 0xe9 at column 15 is not valid utf-8 (the file uses another encoding: ...)
    """
    try:
        for _ in text_lines(path, encoding):
            pass
    except InputError as exc:
        return exc
    return None


def open_text(path: str | Path, encoding: str | None = None) -> io.StringIO:
    """The whole file decoded to a text buffer (for small formats such as CSV headers).

    Raises :class:`~netkit.errors.InputError` with the line of the first byte that
    does not decode.
    """
    return io.StringIO("".join(t + "\n" for _, t in text_lines(path, encoding)))
