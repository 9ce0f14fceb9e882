"""Escaping of untrusted strings for each output context.

Organisation names, titles, sector and region names come from data files and
are untrusted. Each output context has its own rule:

* JSON inside an HTML ``<script>`` element: :func:`json_for_script` — the text
  can never close the element or open a comment, and U+2028/U+2029 are escaped;
* a Markdown table cell: :func:`markdown_cell`;
* a CSV cell that a spreadsheet will open: :func:`csv_cell` (formula injection; it lives
  in :mod:`netkit.model.files` beside the one CSV writer, :func:`~netkit.model.files.write_csv`).

HTML text and attributes are escaped by Jinja2's autoescape, and in the
browser data are inserted with ``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pandas as pd

from netkit.model.files import csv_cell

__all__ = ["csv_cell", "json_for_script", "markdown_cell", "markdown_text", "template_environment"]

_SCRIPT_SAFE = str.maketrans({
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
})


def template_environment(package: str) -> Any:
    """The Jinja2 environment of the ``templates`` folder of ``package``, safe for data.

    Autoescape on (every value from data is HTML-escaped), an undefined name
    raises instead of rendering blank, trailing newlines are kept. Used by the
    network view and the report page.

    Examples
    --------
    >>> env = template_environment("netkit.viz")
    >>> env.from_string("<b>{{ name }}</b>").render(name="<script>")
    '<b>&lt;script&gt;</b>'
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


_ENTITY_START = re.compile(r"&(?=#?\w+;)")


def _missing(value: Any) -> bool:
    """True for None, NaN and pandas' NA (scalars only)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value)) if pd.api.types.is_scalar(value) else False
    except (TypeError, ValueError):
        return False


def _default(obj: Any) -> Any:
    # numpy scalars and arrays, pandas NA
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if hasattr(obj, "item"):
        return obj.item()
    if _missing(obj):
        return None
    raise TypeError(f"cannot encode {type(obj).__name__} as JSON")


def _clean(obj: Any) -> Any:
    """Replace non-finite floats by ``None`` (JSON has no NaN)."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    return obj


def json_for_script(data: Any, *, clean: bool = True) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` … so the text can contain neither
    ``</script>`` nor ``<!--``; U+2028 and U+2029 are escaped; non-finite
    floats become ``null``. ``JSON.parse`` of the text gives back the data.

    Parameters
    ----------
    data : JSON-serialisable object (numpy arrays and scalars allowed)
    clean : bool, default True
        Replace NaN and infinities by ``null`` (walks the object; pass False
        when the caller already did it, for speed).

    Examples
    --------
    >>> print(json_for_script({"name": "</script><script>alert(1)</script>"}))
    {"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}
    >>> json_for_script([float("nan"), "a\\u2028b"])
    '[null,"a\\\\u2028b"]'
    """
    if clean:
        data = _clean(data)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                      default=_default, sort_keys=False)
    return text.translate(_SCRIPT_SAFE)


def markdown_text(text: str) -> str:
    """Running text for Markdown: ``<`` and ``>`` as entities, ``&`` escaped only where
    it would start an entity, so it reads the same in the file and rendered.

    Examples
    --------
    >>> markdown_text("publications & patents <b>")
    'publications & patents &lt;b&gt;'
    """
    text = _ENTITY_START.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def markdown_cell(value: Any) -> str:
    """Text for one cell of a Markdown table.

    Pipes and backslashes are escaped, ``<`` and ``>`` become HTML entities
    (Markdown renderers pass raw HTML through), an ``&`` only where it would start
    an entity (``&amp;`` stays readable as ``&amp;amp;``, ``R&D`` stays ``R&D``),
    newlines become spaces, and backticks, asterisks, underscores and brackets are
    escaped so no formatting or link can be injected.

    Examples
    --------
    >>> markdown_cell("A | B\\n<script>")
    'A \\\\| B &lt;script&gt;'
    >>> markdown_cell("R&D & patents &lt;")
    'R&D & patents &amp;lt;'
    >>> markdown_cell(None), markdown_cell(3)
    ('', '3')
    """
    if _missing(value):
        return ""
    text = markdown_text(str(value))
    text = text.replace("\\", "\\\\")
    for ch in "|`*_[]":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())
