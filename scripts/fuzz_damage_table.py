"""Print the damage table of the ingest fuzz suite (reader x damage -> outcomes).

Run the suite with ``NETKIT_FUZZ_TABLE`` set, then this script on the file it wrote::

    NETKIT_FUZZ_TABLE=/tmp/fuzz.json python -m pytest tests/ingest/test_fuzz.py -q
    python scripts/fuzz_damage_table.py /tmp/fuzz.json

Each cell reads ``E/Q/C/L/F``: cases that ended in a clear error (E), a quarantine with
the right count (Q), a clean read with the right count (C), a quarantine whose reason
states how many records were lost (L), or a failure (F).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

_CODE = {"error": "E", "quarantine": "Q", "clean": "C", "quarantine-loss-stated": "L",
         "failure": "F"}


def main(path: str) -> None:
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    cells: dict = defaultdict(lambda: defaultdict(int))
    readers, cats = [], []
    total = defaultdict(int)
    for sample, category, outcome, n in rows:
        reader = sample.split(":")[0]
        readers += [reader] if reader not in readers else []
        cats += [category] if category not in cats else []
        cells[reader, category][outcome] += n
        total[outcome] += n
    print("| reader | " + " | ".join(cats) + " |")
    print("|---" * (len(cats) + 1) + "|")
    for r in readers:
        line = []
        for c in cats:
            got = cells[r, c]
            line.append("/".join(str(got.get(o, 0)) for o in _CODE) if got else "")
        print(f"| {r} | " + " | ".join(line) + " |")
    print()
    print("cells: " + "/".join(f"{v} {k}" for k, v in _CODE.items()))
    print("total: " + ", ".join(f"{k} {total.get(k, 0)}" for k in _CODE)
          + f"; cases {sum(total.values())}")
    by_cat = defaultdict(lambda: defaultdict(int))
    for (_, c), got in cells.items():
        for o, n in got.items():
            by_cat[c][o] += n
    print()
    print("| damage | cases | clear error | quarantine, right count | clean, right count "
          "| loss stated | failure |")
    print("|---|---|---|---|---|---|---|")
    for c in cats:
        got = by_cat[c]
        print(f"| {c} | {sum(got.values())} | " + " | ".join(str(got.get(o, 0)) for o in _CODE)
              + " |")


if __name__ == "__main__":
    main(sys.argv[1])
