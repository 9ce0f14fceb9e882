"""The bundled ``datasets/synthetic/`` is exactly what the generator and writers produce now."""

from __future__ import annotations

from pathlib import Path

from netkit.datasets.samples import write_samples

BUNDLED = Path(__file__).resolve().parents[2] / "datasets" / "synthetic"


def test_bundled_samples_are_up_to_date(tmp_path):
    write_samples(tmp_path, seed=1, size="small")
    fresh = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    bundled = {p.relative_to(BUNDLED) for p in BUNDLED.rglob("*") if p.is_file()}
    assert fresh == bundled, "run `python scripts/make_datasets.py` and commit datasets/"
    stale = [str(f) for f in sorted(fresh) if (tmp_path / f).read_bytes() != (BUNDLED / f).read_bytes()]
    assert not stale, f"stale bundled files {stale}: run `python scripts/make_datasets.py`"
