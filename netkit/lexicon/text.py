"""Text folding: the one rule by which netkit compares names, whatever writes them.

:func:`fold` removes accents, folds case and, when asked, turns punctuation into single
spaces. Two flavours of one rule:

* the default, for comparing (match keys, country and place look-ups): letters that
  Unicode does not decompose are spelt out (``ø`` → ``o``, ``æ`` → ``ae``, ``ł`` →
  ``l`` …), typographic quotes and dashes become ASCII, and every combining mark goes;
* ``exact_letters=True``, for identifiers: only the accents of Latin letters go
  (``é`` → ``e``); ``ø`` and ``æ`` and the marks of other scripts (Cyrillic ``й``,
  Japanese dakuten) are kept and the result is NFC, so that names that differ in a
  letter keep different ids (北京大学 / 清华大学, Московский / Mосковскии).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_key"]

_LETTERS = str.maketrans({
    "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "ł": "l", "Ł": "l", "đ": "d",
    "Đ": "d", "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
    "’": "'", "‘": "'", "–": "-", "—": "-", "‐": "-",
})
"""Letters without a Unicode decomposition, spelt in ASCII, and typographic punctuation."""

_LATIN_END = 0x250
"""Base letters below U+0250 (Basic Latin to Latin Extended-B) lose their accents under
``exact_letters``; the combining marks of other scripts are part of their letter."""

_PUNCTUATION = re.compile(r"[^\w\ufffd]+")
"""Runs of characters that are neither word characters nor U+FFFD (which stands for a
letter lost before netkit read the text, so it stays a letter)."""


def _marks_off(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LETTERS))
                   if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)
def _latin_marks_off(text: str) -> str:
    out: list[str] = []
    latin = False
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            if not latin:
                out.append(ch)
            continue
        latin = ord(ch) < _LATIN_END
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def fold(text: str, *, exact_letters: bool = False, punctuation: bool = False) -> str:
    """Accents removed and case folded (and punctuation as spaces, when asked).

    Parameters
    ----------
    text : str
        Any text.
    exact_letters : bool, default False
        Remove only the accents of Latin letters and keep every other letter and mark
        (identifier fragments); by default letters such as ``ø`` are spelt in ASCII and
        every combining mark goes (comparison keys).
    punctuation : bool, default False
        Turn every run of characters that are not letters, digits or ``_`` into one
        space and trim the ends (U+FFFD, a letter lost in the source, is kept).

    Returns
    -------
    str

    Examples
    --------
    >>> fold("Université Paris-Saclay — SØRØST Straße")
    'universite paris-saclay - sorost strasse'
    >>> fold("  Sør-Trøndelag ", punctuation=True)
    'sor trondelag'
    >>> fold("Université de GENÈVE, Sørøst", exact_letters=True)
    'universite de geneve, sørøst'
    >>> fold("Московский", exact_letters=True), fold("ＡＢＣ", exact_letters=True)
    ('московский', 'abc')
    """
    if text.isascii():
        out = text.casefold()
    elif exact_letters:
        out = _latin_marks_off(text).casefold()
    else:
        out = _marks_off(text).casefold()
    if punctuation:
        out = " ".join(_PUNCTUATION.sub(" ", out).split())
    return out


def fold_key(text: object) -> str:
    """:func:`fold` with punctuation as spaces, ``&`` spelt ``and``; ``""`` for a
    non-string: the key of country and place look-ups.

    Examples
    --------
    >>> fold_key("Trinid & Tobago"), fold_key("Côte d'Ivoire"), fold_key(None)
    ('trinid and tobago', 'cote d ivoire', '')
    """
    if not isinstance(text, str):
        return ""
    return fold(text.replace("&", " and "), punctuation=True)
