"""Footnote labels that publishers' deposits leave in affiliation strings.

Affiliations deposited with Crossref (and read from JATS) often keep the number of the
footnote that tied an author to the affiliation: *University of Toledo 1 , Toledo, OH*,
*… School of Medicine 1 Department of Immunology*. Both the parser of affiliation
strings (:mod:`netkit.ingest.affiliations`) and registry linking
(:mod:`netkit.resolve.link`) read such a number as a separator.
"""

from __future__ import annotations

import re

__all__ = ["without_footnote_labels"]

_FOOTNOTE_LABEL = re.compile(
    r"(?<=[^\W\d_])\s+\d{1,2}\s+(?=,|(?:Department|Dept|Division|Div|School|Faculty|"
    r"Institute|Laboratory|Lab|Cent(?:er|re)|Unit|Section|Program|Programme|College)\b)")


def without_footnote_labels(text: str) -> str:
    """An affiliation string without the footnote numbers that publishers' deposits leave
    between its parts (*University of Toledo 1 , Toledo, OH*; *… School of Medicine 1
    Department of Immunology*). A number that belongs to a name stays (*Université
    Lyon 1*, *Paris 13, Villetaneuse*, *UMR 5558*).

    Examples
    --------
    >>> without_footnote_labels("Department of Biology, University of Toledo 1 , Toledo, OH, USA")
    'Department of Biology, University of Toledo, , Toledo, OH, USA'
    >>> without_footnote_labels("Weill Cornell Medical College 10 Department of Dermatology")
    'Weill Cornell Medical College, Department of Dermatology'
    >>> without_footnote_labels("Université Claude Bernard Lyon 1, CNRS UMR 5558, Villeurbanne")
    'Université Claude Bernard Lyon 1, CNRS UMR 5558, Villeurbanne'
    >>> without_footnote_labels("LAGA, Université Paris 13, Villetaneuse, France")
    'LAGA, Université Paris 13, Villetaneuse, France'
    """
    return _FOOTNOTE_LABEL.sub(", ", text) if " " in text else text
