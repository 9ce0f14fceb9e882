"""Synthetic round trip of person resolution: people, moves and sector flows vs the truth.

For each seed, the synthetic ecosystem is written in every source format, read back,
its organisations resolved (with the company register) and its people resolved; the
script prints the people (true, raw, resolved), the moves with true person ids and with
resolved people, the total-variation distance between their sector → sector shares,
and the moves by evidence. The truth of each mention comes from the ids the writers
encode, or from the name within the event (see ``tests/resolve/people_helpers.py``).

Run::

    python scripts/people_roundtrip.py            # seeds 1-5, size small
    python scripts/people_roundtrip.py 1 2 --size tiny
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "resolve"))

from people_helpers import measure, roundtrip  # noqa: E402

from netkit.metrics.mobility import mobility_moves, move_evidence  # noqa: E402
from netkit.resolve.people import resolve_people  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="*", type=int, default=[1, 2, 3, 4, 5])
    parser.add_argument("--size", default="small")
    args = parser.parse_args()
    print("seed\tpeople true\traw\tresolved\tmoves true\tresolved\tTV\tby evidence")
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            true, _, back = roundtrip(seed, args.size, Path(tmp))
        res = resolve_people(back)
        m = measure(true, back, res.corpus)
        ev = move_evidence(mobility_moves(res.corpus)).to_dict()
        print(f"{seed}\t{m['people_true']}\t{m['people_raw']}\t{m['people']}\t{m['moves_true']}"
              f"\t{m['moves']}\t{m['tv']:.3f}\t{ev}", flush=True)


if __name__ == "__main__":
    main()
