"""The vis-network library, read from the installed pyvis package and inlined.

pyvis ships vis-network 9.1.2 (JavaScript and CSS). netkit inlines both into
its own template so that a view needs no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
from functools import cache
from pathlib import Path

from netkit.errors import NetkitError

__all__ = ["VIS_VERSION", "csp_hash", "vis_css", "vis_js"]

VIS_VERSION = "9.1.2"


def _vis_dir() -> Path:
    # find the package without importing it (importing pyvis imports matplotlib, IPython …)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        raise NetkitError("pyvis is required for network views (pip install pyvis)")
    return Path(next(iter(spec.submodule_search_locations))) / "lib" / f"vis-{VIS_VERSION}"


def _read(name: str) -> str:
    path = _vis_dir() / name
    if not path.is_file():
        raise NetkitError(f"vis-network asset not found: {path} (reinstall pyvis>=0.3.2)")
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():  # pragma: no cover
        raise NetkitError(f"{path} cannot be inlined: it contains a closing tag")
    return text


@cache
def vis_js() -> str:
    """The minified vis-network JavaScript (text).

    Examples
    --------
    >>> "vis-network" in vis_js()[:2000] and len(vis_js()) > 100_000
    True
    """
    return _read("vis-network.min.js")


@cache
def vis_css() -> str:
    """The vis-network stylesheet (text); its images are ``data:`` URIs."""
    return _read("vis-network.css")


def csp_hash(script: str) -> str:
    """The CSP source expression (``'sha256-…'``) that allows one inline script.

    Examples
    --------
    >>> csp_hash("alert(1)")
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
