"""How people's names are written: particles, letters to fold, scripts and name order.

Used by :mod:`netkit.resolve.people_names` to turn ``"Smith, J."``, ``"John Smith"``,
``"SMITH J"``, ``"van der Berg, Anna"`` or ``"Ødegård, Øystein"`` into comparable keys.

Folding is deliberately coarse, because the sources are: accents are dropped, the
Nordic and German letters that do not decompose are spelt out (ø → o, æ → ae,
ß → ss, ł → l …) and the transliterations that sources use for them are brought
together (``Müller``/``Mueller``, ``Åberg``/``Aaberg``, ``Mæland``/``Maeland``).
Letters of other scripts (Cyrillic, Greek, Arabic …) are romanised with
`anyascii <https://pypi.org/project/anyascii/>`_ (``Иванов`` → ``ivanov``), so a
name in two scripts can meet when both romanisations agree; they do not always
(``Сергей`` → ``sergei``, where a source may write ``Sergey``), and a name written in
Chinese characters alone is read by :func:`netkit.resolve.people_names.parse_name`
as characters, not romanised (a Japanese name in kanji has no Chinese reading).
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

__all__ = ["COMMON_SURNAMES", "PARTICLES", "SUFFIXES", "fold_name", "has_cjk", "surname_key", "transliterated"]

PARTICLES: frozenset[str] = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "dela", "des", "di", "da", "do", "dos",
    "das", "du", "la", "le", "lo", "ten", "ter", "te", "zu", "zum", "zur", "af", "av", "al",
    "el", "bin", "ibn", "st", "mac", "y", "e",
})
"""Surname particles (folded): kept out of surname keys, so ``van der Berg`` and
``Berg`` share a block — the given names and the context decide."""

SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv", "2nd", "3rd"})
"""Generational suffixes, dropped from names."""

COMMON_SURNAMES: frozenset[str] = frozenset({
    # Chinese (the 40 most frequent romanised surnames cover over 60 % of the population)
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song",
    "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan",
    "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "shen",
    # Korean, Vietnamese, Japanese, South Asian
    "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "nguyen",
    "tran", "le", "pham", "hoang", "vu", "sato", "suzuki", "takahashi", "tanaka", "watanabe",
    "singh", "kumar", "sharma", "patel", "khan", "ali", "ahmed", "das", "shah",
})
"""Surname keys so frequent world-wide that the name (with a first initial, even with a
first name) says little: no link by name alone, and as co-authors they are no evidence."""

_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                          "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th",
                          "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i", "ŀ": "l"})
_DIGRAPHS = re.compile(r"ae|oe|(?<![qg])ue|aa")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NON_LETTER = re.compile(r"[^a-z\s\-]")


def fold_name(text: str) -> str:
    """Lower case, accents removed, special letters spelt out, punctuation to spaces.

    Examples
    --------
    >>> fold_name("Ødegård-Sévigny, Ł."), fold_name("Иванов, Сергей")
    ('odegard-sevigny l', 'ivanov sergei')
    """
    text = text.translate(_LETTERS)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
        if not text.isascii():  # other scripts: romanised
            text = anyascii(text)
    return " ".join(_NON_LETTER.sub(" ", text.casefold()).split())


def surname_key(surname: str) -> str:
    """The blocking key of a surname: folded, particles dropped, the last part kept,
    with the transliterations ``ae/oe/ue/aa`` → ``a/o/u/a``.

    Compound surnames are keyed by their last part, so that ``García Márquez``,
    ``Garcia-Marquez`` and the ``Márquez`` of ``Gabriel García Márquez`` meet.

    Examples
    --------
    >>> [surname_key(s) for s in ("Müller", "MUELLER", "van der Berg", "García-Márquez", "Åberg")]
    ['muller', 'muller', 'berg', 'marquez', 'aberg']
    """
    parts = [p for p in fold_name(surname).replace("-", " ").split() if p not in PARTICLES]
    if not parts:
        parts = fold_name(surname).replace("-", " ").split()
    return transliterated(parts[-1]) if parts else ""


def transliterated(word: str) -> str:
    """A folded word with the umlaut and ring transliterations undone (``ue`` → ``u`` …).

    >>> transliterated("juergen"), transliterated("aase"), transliterated("miguel")
    ('jurgen', 'ase', 'miguel')
    """
    return _DIGRAPHS.sub(lambda m: m.group(0)[0], word)


def has_cjk(text: str) -> bool:
    """True if ``text`` contains Chinese, Japanese or Korean characters.

    >>> has_cjk("王伟"), has_cjk("Wang Wei")
    (True, False)
    """
    return bool(_CJK.search(text))
