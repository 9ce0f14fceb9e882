"""``import netkit`` and every subpackage never import the optional engines (DuckDB, PySpark)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_import_netkit_never_imports_duckdb_or_pyspark():
    code = ("import sys, pkgutil, importlib, netkit\n"
            "for m in pkgutil.walk_packages(netkit.__path__, 'netkit.'):\n"
            "    if not m.name.endswith('__main__'):\n"
            "        importlib.import_module(m.name)\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('duckdb', 'pyspark'))\n"
            "assert not bad, bad\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
