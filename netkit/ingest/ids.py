"""Identifier fragments made from names: one folding rule for every reader.

Organisation and person ids of sources without identifiers are made from names. Two
names that differ in anything but case, accents on Latin letters, spacing and ordinary
punctuation must get different ids: 北京大学 and 清华大学, Московский университет and
Московский институт, "C Ltd" and "C++ Ltd". The folding is netkit's one rule,
:func:`netkit.lexicon.text.fold` with ``exact_letters`` (only the accents of Latin letters
go); :func:`slug` (tabular readers: ``-`` between words) and :func:`name_key` (publication
readers: spaces, ``and`` spelt ``&``) shape it into an id fragment.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from netkit.lexicon.text import fold

__all__ = ["name_hash", "name_key", "slug"]

_KEEP_SYMBOLS = "+#"
"""Symbols that tell names apart ("C Ltd" / "C++ Ltd", "C#"): kept in ids."""

_SLUG_SEP = re.compile(rf"[^\w{re.escape(_KEEP_SYMBOLS)}]+|_+")
_KEY_SEP = re.compile(rf"[^\w&{re.escape(_KEEP_SYMBOLS)}]+")
_AND = re.compile(r"\band\b")


def name_hash(text: str, n: int = 8) -> str:
    """A short stable hash of a name (hex digits of BLAKE2b over its UTF-8 bytes).

    >>> name_hash("北京大学")
    'ec5a02e5'
    """
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()[:n]


def slug(text: str | None, limit: int = 80) -> str:
    """A stable, readable id fragment of a name: :func:`~netkit.lexicon.text.fold` (``exact_letters``), ``-`` between words.

    Letters and digits of every script are kept, and ``+`` and ``#``. A name longer
    than ``limit`` is cut and gets a hash of the whole folded name, so that two long
    names sharing their first ``limit`` characters stay apart; a name with no letter
    or digit at all is its hash (``h-`` + 8 hex digits).

    Examples
    --------
    >>> slug("Hon Hai Precision Ind. Co., Ltd.")
    'hon-hai-precision-ind-co-ltd'
    >>> slug("Université de Genève")
    'universite-de-geneve'
    >>> slug("北京大学"), slug("清华大学"), slug("Московский университет")
    ('北京大学', '清华大学', 'московский-университет')
    >>> slug("C Ltd"), slug("C++ Ltd")
    ('c-ltd', 'c++-ltd')
    >>> slug("???") != slug("!!!")
    True
    >>> len(slug("x" * 200, 40))
    49
    """
    if not text:
        return ""
    folded = fold(text, exact_letters=True)
    out = _SLUG_SEP.sub("-", folded).strip("-")
    if not out:
        return f"h-{name_hash(folded)}" if folded.strip() else ""
    if len(out) > limit:
        return f"{out[:limit].rstrip('-')}-{name_hash(folded)}"
    return out


@lru_cache(maxsize=1 << 17)
def name_key(text: str) -> str:
    """A normalised form of an organisation name for ids: :func:`~netkit.lexicon.text.fold` (``exact_letters``), ``and``
    spelt ``&``, punctuation collapsed to single spaces.

    Examples
    --------
    >>> name_key("  Université  Paris-Saclay ")
    'universite paris saclay'
    >>> name_key("Research and Development"), name_key("C++ Ltd.")
    ('research & development', 'c++ ltd')
    """
    text = _AND.sub("&", fold(text, exact_letters=True))
    return " ".join(_KEY_SEP.sub(" ", text).split())
