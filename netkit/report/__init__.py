"""Batch reports: configuration, presentation-neutral sections, rendering, atomic writing.

>>> from netkit import report
>>> callable(report.write_report), "diffusion" in report.ANALYSES
(True, True)
"""

from netkit.report.config import ANALYSES, InputSpec, ReportConfig, load_config
from netkit.report.sections import SECTIONS, Chart, Context, Section, Table, compute_sections
from netkit.report.writer import REPORT_FILES, write_report

__all__ = [
    "ANALYSES",
    "REPORT_FILES",
    "SECTIONS",
    "Chart",
    "Context",
    "InputSpec",
    "ReportConfig",
    "Section",
    "Table",
    "compute_sections",
    "load_config",
    "write_report",
]
