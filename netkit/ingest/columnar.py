"""Vectorised helpers for readers of large delimited exports (pyarrow).

A reader that would otherwise split, strip and match strings record by record in
Python can do the same work column-wise on blocks of rows parsed by
``pyarrow.csv``. The helpers here reproduce Python's string semantics exactly
(:data:`PY_WHITESPACE` is the set :meth:`str.strip` removes), so a vectorised path
and a per-record path give the same values. :class:`ByteBlocks` cuts a UTF-8 file
into blocks of whole CSV records (and, where a block cannot be trusted, hands out
its decoded lines one by one, as :func:`netkit.ingest.textio.text_lines` would).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from netkit.ingest.textio import MAX_LINE_BYTES, _decode_error, _too_long

__all__ = ["PY_WHITESPACE", "ByteBlocks", "Pieces", "count_byte", "drop_prefix",
           "parse_csv_block", "ranges", "split_strip", "starts_with", "strip"]

PY_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003"
                 "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""Every character :meth:`str.strip` removes (those for which ``str.isspace`` is true).

>>> PY_WHITESPACE == "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
True
"""


_WS_FIRST = np.zeros(256, dtype=bool)  # bytes that start / end a PY_WHITESPACE character
_WS_LAST = np.zeros(256, dtype=bool)
for _ch in PY_WHITESPACE:
    _WS_FIRST[_ch.encode()[0]] = _WS_LAST[_ch.encode()[-1]] = True


def strip(arr: pa.Array) -> pa.Array:
    """:meth:`str.strip` on every string.

    Trims spaces first and trims the other whitespace characters only from the
    strings that may still start or end with one (cheaper: that set is large).

    >>> strip(pa.array([" a ", "\\u3000b\\x1c", "\\tc", "d", ""])).to_pylist()
    ['a', 'b', 'c', 'd', '']
    """
    out = pc.utf8_trim(arr, characters=" ")
    if arr.null_count or len(out) == 0:
        return pc.utf8_trim(arr, characters=PY_WHITESPACE)
    offsets, data = _buffers(out)
    nonempty = np.flatnonzero(offsets[1:] > offsets[:-1])
    suspect = (_WS_FIRST[data[offsets[nonempty]]] | _WS_LAST[data[offsets[nonempty + 1] - 1]])
    if suspect.any():
        mask = np.zeros(len(out), dtype=bool)
        mask[nonempty[suspect]] = True
        out = pc.if_else(pa.array(mask), pc.utf8_trim(out, characters=PY_WHITESPACE), out)
    return out


@dataclass(frozen=True)
class Pieces:
    """The non-empty stripped pieces of splitting each string of an array.

    ``values[k]`` is piece number ``pos[k]`` of string ``parent[k]``; string ``i``
    has ``counts[i]`` pieces starting at flat index ``starts[i]``.
    """

    values: pa.Array
    parent: np.ndarray
    pos: np.ndarray
    counts: np.ndarray
    starts: np.ndarray


def split_strip(arr: pa.Array, sep: str) -> Pieces:
    """``[p.strip() for p in s.split(sep) if p.strip()]`` for every string ``s``.

    >>> p = split_strip(pa.array(["a; b;; c", "", " x "]), ";")
    >>> p.values.to_pylist(), p.parent.tolist(), p.pos.tolist(), p.counts.tolist()
    (['a', 'b', 'c', 'x'], [0, 0, 0, 2], [0, 1, 2, 0], [3, 0, 1])
    """
    lists = pc.split_pattern(arr, sep)
    values = strip(pc.list_flatten(lists))
    parent = pc.list_parent_indices(lists).to_numpy()
    keep = pc.greater(pc.binary_length(values), 0)
    if keep.false_count:
        values = values.filter(keep)
        parent = parent[keep.to_numpy(zero_copy_only=False)]
    parent = parent.astype(np.int64)
    counts = np.bincount(parent, minlength=len(arr)).astype(np.int64)
    starts = np.zeros(len(arr), dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    pos = np.arange(len(parent), dtype=np.int64) - starts[parent]
    return Pieces(values, parent, pos, counts, starts)


def _buffers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, data) of a string array without nulls; offsets index ``data``."""
    if not isinstance(arr, pa.Array):
        arr = arr.combine_chunks()
    kind = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    bufs = arr.buffers()
    offsets = np.frombuffer(bufs[1], dtype=kind)[arr.offset:arr.offset + len(arr) + 1]
    data = (np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None
            else np.zeros(0, dtype=np.uint8))
    return offsets.astype(np.int64), data


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, s + n)`` for every start ``s`` and length ``n``."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    first = np.zeros(len(lengths), dtype=np.int64)
    np.cumsum(lengths[:-1], out=first[1:])
    return np.arange(total, dtype=np.int64) - np.repeat(first - starts, lengths)


def _halves(strings: pa.Array, nbytes: np.ndarray) -> pa.Array:
    """Every string cut after its first ``nbytes[i]`` bytes, without copying: a binary
    array whose item ``2i`` is the head and ``2i + 1`` the tail of string ``i`` (both
    views of the data buffer of ``strings``, which has no nulls)."""
    if not isinstance(strings, pa.Array):
        strings = strings.combine_chunks()
    so, sd = _buffers(strings)
    n = len(strings)
    offsets = np.empty(2 * n + 1, dtype=np.int64)
    offsets[0:2 * n:2] = so[:-1]
    offsets[1::2] = so[:-1] + nbytes
    offsets[2 * n] = so[n]
    data = strings.buffers()[2] if len(sd) else pa.py_buffer(b"")
    return pa.Array.from_buffers(pa.large_binary(), 2 * n, [None, pa.py_buffer(offsets), data])


def _prefix_bytes(strings: pa.Array, nbytes: np.ndarray) -> pa.Array:
    """The first ``nbytes[i]`` bytes of each string, as a binary array."""
    halves = _halves(strings, nbytes.astype(np.int64))
    return halves.take(pa.array(np.arange(0, len(halves), 2, dtype=np.int64)))


def starts_with(strings: pa.Array, prefixes: pa.Array) -> np.ndarray:
    """``strings[i].startswith(prefixes[i])`` for every ``i`` (no nulls).

    >>> starts_with(pa.array(["Hao J., X", "Li", "Ø, Y", "x"]), pa.array(["Hao J.", "Lin", "Ø", ""])).tolist()
    [True, False, True, True]
    """
    slen = pc.binary_length(strings).to_numpy().astype(np.int64)
    plen = pc.binary_length(prefixes).to_numpy().astype(np.int64)
    fits = plen <= slen
    heads = _prefix_bytes(strings, np.where(fits, plen, 0))
    same = pc.equal(heads, prefixes.cast(pa.large_binary())).to_numpy(zero_copy_only=False)
    return fits & same


def drop_prefix(strings: pa.Array, nbytes: np.ndarray) -> pa.Array:
    """Each string without its first ``nbytes[i]`` bytes (which must end on a
    character boundary, as a matched prefix does).

    >>> drop_prefix(pa.array(["Hao J., X", "Li", "ab"]), np.array([6, 0, 2])).to_pylist()
    [', X', 'Li', '']
    """
    halves = _halves(strings, nbytes.astype(np.int64))
    tails = halves.take(pa.array(np.arange(1, len(halves), 2, dtype=np.int64)))
    return tails.cast(pa.large_string())  # whole characters: no check needed beyond the cast


def parse_csv_block(block: bytes, n_columns: int, delimiter: str,
                    include: list[int] | None = None) -> pa.Table | None:
    """Parse a block of whole CSV records (no header) into large_string columns
    ``c0 … c<n-1>``, or ``None`` if pyarrow rejects it (wrong field count, invalid
    UTF-8, …). Quoting as Python's :mod:`csv` reads it. An empty line is a record
    of one empty field (an error unless ``n_columns`` is 1), so every line end is
    either the end of a record or inside a value — or, when the block ends inside a
    quoted value, swallowed by it: a caller checks that the records and the line ends
    in their values account for the block's lines exactly.

    With ``include`` only those columns are converted (the others are still
    parsed, so row widths are still checked), and the whole block is checked to
    be UTF-8 first.
    """
    names = [f"c{i}" for i in range(n_columns)]
    try:
        if include is not None:
            pa.Array.from_buffers(pa.large_binary(), 1, [
                None, pa.py_buffer(np.array([0, len(block)], dtype=np.int64)),
                pa.py_buffer(block)]).cast(pa.large_string())  # raises unless UTF-8
        return pacsv.read_csv(
            pa.BufferReader(block),
            read_options=pacsv.ReadOptions(column_names=names, use_threads=False,
                                           block_size=len(block) + 1024),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char='"',
                                             double_quote=True, escape_char=False,
                                             newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),
                include_columns=None if include is None else [names[i] for i in include],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=include is None),  # else the whole block was checked above
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None


def count_byte(data, byte: bytes, start: int = 0, stop: int | None = None) -> int:
    """``data.count(byte, start, stop)`` for a single byte of a bytes-like object
    (numpy: several times faster on megabytes; memoryviews too).

    >>> count_byte(b'a"b""c', b'"'), count_byte(memoryview(b'a"b""c'), b'"', 2, 4)
    (3, 1)
    """
    stop = len(data) if stop is None else stop
    total = 0
    for lo in range(start, stop, 1 << 20):  # in pieces: the temporary of == stays small
        view = np.frombuffer(data, dtype=np.uint8, count=min(stop, lo + (1 << 20)) - lo,
                             offset=lo)
        total += int(np.count_nonzero(view == byte[0]))
    return total


class ByteBlocks:
    """A UTF-8 (or UTF-8 with BOM) file read as lines or as blocks of whole records.

    :meth:`lines` yields ``(line_number, text)`` exactly as
    :func:`~netkit.ingest.textio.text_lines` does (BOM dropped from line 1, ``\\r\\n``
    and ``\\n`` removed, an :class:`~netkit.errors.InputError` naming the line for
    bytes that do not decode); it can be stopped and resumed. :meth:`block` hands out
    the next ``size`` bytes or so, cut after a line end where the number of double
    quotes is even (a record boundary in well-formed CSV), with ``\\r\\n`` turned
    into ``\\n``; :meth:`commit` consumes it. The caller checks the block; if it does
    not trust it, it reads the same bytes through :meth:`lines` instead.
    """

    def __init__(self, fh: BinaryIO, path: str | Path, encoding: str) -> None:
        self._fh = fh
        self._path = Path(path)
        self._sig = encoding == "utf-8-sig"
        self._buf = b""
        self._pos = 0
        self._eof = False
        self.line = 1
        """The number of the next line to be read."""

    def _fill(self, need: int) -> None:
        if len(self._buf) - self._pos >= need or self._eof:
            return
        parts = [self._buf[self._pos:]]
        have = len(parts[0])
        while have < need:
            chunk = self._fh.read(max(need - have, 1 << 20))
            if not chunk:
                self._eof = True
                break
            parts.append(chunk)
            have += len(chunk)
        self._buf = b"".join(parts)
        self._pos = 0

    def lines(self) -> Iterator[tuple[int, str]]:
        """Decoded lines from the current position (see the class docstring)."""
        while True:
            end = self._buf.find(b"\n", self._pos)
            while end < 0 and not self._eof:
                if len(self._buf) - self._pos > MAX_LINE_BYTES:
                    raise _too_long(self._path, self.line)
                self._fill(2 * (len(self._buf) - self._pos) + (1 << 16))  # long lines: grow 2x
                end = self._buf.find(b"\n", self._pos)
            if end < 0:
                if self._pos >= len(self._buf):
                    return
                end = len(self._buf)
            raw = self._buf[self._pos:end + 1]
            self._pos = end + 1
            n = self.line
            self.line += 1
            if n == 1 and self._sig and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _decode_error(self._path, raw, exc, "utf-8", n) from exc
            yield n, text.rstrip("\n").removesuffix("\r")

    def block(self, size: int) -> tuple[bytes | memoryview, int, int] | None:
        """``(block, first_line, n_lines)`` of the next bytes, or ``None`` at the end
        (where only empty lines are left).

        ``block`` ends with ``\\n`` and holds ``n_lines`` lines; it is empty when no
        cut with balanced quotes was found in ``size`` bytes (the caller then reads
        ``n_lines`` lines with :meth:`lines`). Without ``\\r`` it is a memoryview of
        the read buffer (no copy of megabytes; valid until the buffer is dropped, which
        the view prevents).

        >>> import io
        >>> b = ByteBlocks(io.BytesIO(b'a,"x\\ny"\\nb,c\\r\\nd'), "f.csv", "utf-8")
        >>> b.block(6)  # no balanced cut in the first 6 bytes
        (b'', 1, 1)
        >>> blk = b.block(9); bytes(blk[0]), blk[1:]
        (b'a,"x\\ny"\\n', (1, 2))
        >>> b.commit(blk[2]); b.block(100)
        (b'b,c\\nd\\n', 3, 2)
        >>> ByteBlocks(io.BytesIO(b'a,b\\r\\n\\r\\n\\n'), "f.csv", "utf-8").block(100)
        (b'a,b\\n', 1, 1)
        """
        self._fill(size)
        buf, start = self._buf, self._pos
        if start >= len(buf):
            return None
        stop = min(len(buf), start + size)
        if self._eof and stop == len(buf):
            # the rest of the file; empty lines at its end hold no record
            body = self._normalise(buf[start:stop]).rstrip(b"\n")
            self._cut = stop
            if not body:
                self._pos = stop
                return None
            return body + b"\n", self.line, body.count(b"\n") + 1
        cut = buf.rfind(b"\n", start, stop)
        quotes = count_byte(buf, b'"', start, cut) if cut >= 0 else 0
        while cut >= 0 and quotes % 2:
            prev = buf.rfind(b"\n", start, cut)
            if prev < 0:
                cut = -1
                break
            quotes -= buf.count(b'"', prev, cut)
            cut = prev
        if cut < 0:
            self._cut = start
            return b"", self.line, max(buf.count(b"\n", start, stop), 1)
        self._cut = cut + 1
        if buf.find(b"\r", start, cut + 1) >= 0:
            region = self._normalise(buf[start:cut + 1])
        else:
            region = memoryview(buf)[start:cut + 1]
        return region, self.line, count_byte(region, b"\n")

    @staticmethod
    def _normalise(region: bytes) -> bytes:
        return region.replace(b"\r\n", b"\n") if b"\r" in region else region

    def commit(self, n_lines: int) -> None:
        """Consume the block last returned by :meth:`block` (``n_lines`` lines)."""
        self._pos = self._cut
        self.line += n_lines

