"""Parse people's names as the sources write them into comparable parts.

Every source has its habit: Web of Science ``Smith, John`` (AF) or ``Smith, J``
(AU), Scopus ``Smith J.`` or ``Smith, John (57200000001)``, OpenAlex ``John Smith``,
USPTO and PatentsView ``SMITH, JOHN`` / ``Smith, John``. :func:`parse_names` turns
each spelling into

* ``surname_key`` — folded, particles dropped, last part of a compound surname
  (:func:`netkit.lexicon.person_names.surname_key`);
* ``first`` — the first given name written out (folded), ``""`` if only initials;
* ``initials`` — the initials of all given names (``"jm"`` for ``John Michael``);
* ``block`` — ``surname_key|first initial``, the blocking key of person linking.

Name order: a comma fixes it (``Surname, Given``), so do trailing initials
(``Smith J.``) and a name written in CJK characters (surname first). A name like
``Nagy János`` or ``Wang Wei`` without a comma is read given-name first unless the
corpus itself says otherwise: if its first word is a surname and its last word a
given name *elsewhere in the same corpus* (in comma-written names), and not the
other way round, it is read surname first (Hungarian and East-Asian order).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from netkit.lexicon.person_names import (
    PARTICLES,
    SUFFIXES,
    fold_name,
    has_cjk,
    surname_key,
    transliterated,
)

__all__ = ["compatible_given", "parse_name", "parse_names"]

_PARENS = re.compile(r"\s*\([^)]*\)")


def _is_initials(token: str, limit: int = 3) -> bool:
    """``J.``, ``JM``, ``J.-P.``, ``Å.``: upper-case letters only, at most ``limit``."""
    letters = token.replace(".", "").replace("-", "")
    return 0 < len(letters) <= limit and letters.isalpha() and letters.isupper()



def _given_parts(given: str, comma: bool) -> tuple[str, str]:
    """(first full given name, initials) of the given-name part, folded."""
    tokens = given.replace(".", " ").replace("-", " ").split()
    out: list[str] = []
    for t in tokens:
        if comma and _is_initials(t) and len(tokens) == 1 and len(t) > 1:
            out.extend(t.lower())  # "Smith, JM": initials run together
            continue
        f = fold_name(t).replace("-", "")
        if f and f not in SUFFIXES:
            out.append(transliterated(f))
    first = out[0] if out and len(out[0]) > 1 else ""
    return first, "".join(t[0] for t in out)


def parse_name(raw: str) -> tuple[str, str, str, bool]:
    """(surname_key, first, initials, order_known) of one name as a source wrote it.

    Examples
    --------
    >>> parse_name("Smith, John M.")
    ('smith', 'john', 'jm', True)
    >>> parse_name("SMITH JM"), parse_name("Smith J.-P.")
    (('smith', '', 'jm', True), ('smith', '', 'jp', True))
    >>> parse_name("Anna van der Berg"), parse_name("Ødegård, Øystein (57000000012)")
    (('berg', 'anna', 'a', False), ('odegard', 'oystein', 'o', True))
    >>> parse_name("王伟")
    ('王', '伟', '伟', True)
    """
    text = " ".join(_PARENS.sub("", raw or "").split())
    if not text:
        return "", "", "", False
    if has_cjk(text) and " " not in text and "," not in text:
        return text[0], text[1:], text[1:2], True
    if "," in text:
        sur, _, given = text.partition(",")
        if fold_name(given).strip() in SUFFIXES and given.count(",") == 0:
            given = ""
        given = ",".join(g for g in given.split(",") if fold_name(g).strip() not in SUFFIXES)
        first, ini = _given_parts(given, True)
        return surname_key(sur), first, ini, True
    tokens = [t for t in text.split() if fold_name(t) not in SUFFIXES] or text.split()
    if len(tokens) == 1:
        return surname_key(tokens[0]), "", "", False
    k = len(tokens)
    while k > 1 and _is_initials(tokens[k - 1]):
        k -= 1
    if 0 < k < len(tokens):  # "Smith J.", "SMITH JM", "van der Berg A."
        first, ini = _given_parts(" ".join(tokens[k:]), True)
        return surname_key(" ".join(tokens[:k])), first, ini, True
    k = len(tokens) - 1  # given names first; particles before the last word join the surname
    while k > 1 and fold_name(tokens[k - 1]) in PARTICLES:
        k -= 1
    first, ini = _given_parts(" ".join(tokens[:k]), False)
    return surname_key(" ".join(tokens[k:])), first, ini, False


def parse_names(names: pd.Series) -> pd.DataFrame:
    """Parse many names (each distinct spelling once), fixing name order from the corpus.

    Parameters
    ----------
    names : Series of str
        Names as sources wrote them (missing values allowed).

    Returns
    -------
    DataFrame
        Indexed like ``names``: ``surname_key``, ``first``, ``initials``, ``block``
        (``surname_key|first initial``; ``""`` when there is no given name or no
        surname, such a name is never linked by name), ``swapped`` (read surname first
        because of the corpus).

    Examples
    --------
    >>> df = parse_names(pd.Series(["Nagy, János", "Nagy János", "János Nagy", "Kiss Anna"]))
    >>> df[["surname_key", "first", "block"]].values.tolist()
    [['nagy', 'janos', 'nagy|j'], ['nagy', 'janos', 'nagy|j'], ['nagy', 'janos', 'nagy|j'], ['anna', 'kiss', 'anna|k']]
    """
    values = names.astype(object).where(names.notna(), "").astype(str)
    uniq = pd.unique(values.to_numpy())
    parsed = [parse_name(n) for n in uniq]
    table = pd.DataFrame(parsed, columns=["surname_key", "first", "initials", "ordered"],
                         index=pd.Index(uniq, name="raw"))
    table["swapped"] = False
    ordered = table[table["ordered"]]
    loose = ~table["ordered"] & (table["first"] != "")
    if len(ordered) and loose.any():
        surnames = set(ordered["surname_key"])
        givens = set(ordered.loc[ordered["first"] != "", "first"])
        lo = table[loose]
        # the loose reading took the last word as surname and the first as given name
        head = lo["first"].to_numpy()
        tail = lo["surname_key"].to_numpy()
        head_key = np.array([surname_key(h) for h in head], dtype=object)
        swap = (np.isin(head_key, list(surnames)) & np.isin(tail, list(givens))
                & ~(np.isin(tail, list(surnames)) & np.isin(head, list(givens))))
        # only two-word names: "Nagy János", "Wang Wei"
        two = np.array([len(r.split()) == 2 for r in lo.index], dtype=bool)
        swap &= two
        if swap.any():
            idx = lo.index[swap]
            new_first = tail[swap]
            table.loc[idx, "surname_key"] = head_key[swap]
            table.loc[idx, "first"] = new_first
            table.loc[idx, "initials"] = [f[0] for f in new_first]
            table.loc[idx, "swapped"] = True
    has_both = (table["surname_key"] != "") & (table["initials"] != "")
    table["block"] = np.where(has_both, table["surname_key"] + "|" + table["initials"].str[:1], "")
    out = table.reindex(values.to_numpy())[["surname_key", "first", "initials", "block",
                                           "swapped"]]
    out.index = names.index
    return out


def compatible_given(first_a, ini_a, first_b, ini_b) -> np.ndarray:
    """Whether two lists of given names can be the same person's (element-wise).

    Initials must agree as far as both go (``J`` ~ ``JM``, ``JM`` ≁ ``JK``); written-out
    first names must be equal or one a prefix of the other (``Alex`` ~ ``Alexander``).

    Examples
    --------
    >>> compatible_given(["john", "", "john", "alex"], ["jm", "j", "j", "a"],
    ...                  ["", "", "james", "alexander"], ["j", "jk", "j", "a"]).tolist()
    [True, True, False, True]
    """
    out = np.empty(len(first_a), dtype=bool)
    for k, (fa, ia, fb, ib) in enumerate(zip(first_a, ini_a, first_b, ini_b, strict=True)):
        n = min(len(ia), len(ib))
        ok = ia[:n] == ib[:n]
        if ok and fa and fb:
            ok = fa.startswith(fb) or fb.startswith(fa)
        out[k] = ok
    return out
