"""Write the README's configuration reference from the parameter objects (netkit.pipeline).

Usage (from the repository root): python scripts/config_reference.py [--check]

The text between the markers ``<!-- config-reference:start -->`` and
``<!-- config-reference:end -->`` in README.md is replaced by
:func:`netkit.pipeline.schema.readme_reference`; ``--check`` only says whether
it is up to date (exit 1 if not). tests/pipeline/test_reference.py keeps it so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from netkit.pipeline.schema import readme_reference, replace_reference

README = Path(__file__).resolve().parents[1] / "README.md"


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = replace_reference(text, readme_reference())
    if "--check" in argv:
        print("README reference is up to date" if new == text else "README reference is stale")
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    print(f"wrote the configuration reference to {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
