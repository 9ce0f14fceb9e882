"""``import netkit`` and every subpackage never import the optional engines (DuckDB, PySpark)."""

from __future__ import annotations

import subprocess
import sys


def test_import_netkit_never_imports_duckdb_or_pyspark(tmp_path):
    code = ("import sys, pkgutil, importlib, netkit\n"
            "for m in pkgutil.walk_packages(netkit.__path__, 'netkit.'):\n"
            "    if not m.name.endswith('__main__'):\n"
            "        importlib.import_module(m.name)\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('duckdb', 'pyspark'))\n"
            "assert not bad, bad\n")
    # run from an empty folder: the folder above a clone may hold a folder named netkit
    # (a clone's default name), which Python would import instead of the package
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
