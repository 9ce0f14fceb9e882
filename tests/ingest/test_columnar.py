"""Vectorised string helpers of netkit.ingest.columnar against plain Python."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from netkit.ingest.columnar import drop_prefix, split_strip, starts_with

_TEXT = st.text(alphabet=list("ab ,;Ø\u3000\xa0é"), max_size=8)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.tuples(_TEXT, _TEXT), max_size=12), st.integers(0, 3),
       st.sampled_from([pa.string(), pa.large_string()]))
def test_prefix_helpers_agree_with_python(pairs, skip, kind):
    strings = [a + b for a, b in pairs]
    prefixes = [a if i % 2 else b for i, (a, b) in enumerate(pairs)]
    arr = pa.array(["pad"] * skip + strings, type=kind).slice(skip)  # an offset into the buffer
    pre = pa.array(["x"] * skip + prefixes, type=kind).slice(skip)
    assert starts_with(arr, pre).tolist() == [s.startswith(p) for s, p in
                                              zip(strings, prefixes, strict=True)]
    cut = np.array([len(a.encode()) for a, _ in pairs], dtype=np.int64)
    assert drop_prefix(arr, cut).to_pylist() == [b for _, b in pairs]
    pieces = split_strip(arr, ";")
    want = [[p.strip() for p in s.split(";") if p.strip()] for s in strings]
    assert pieces.values.to_pylist() == [p for w in want for p in w]
    assert pieces.counts.tolist() == [len(w) for w in want]
