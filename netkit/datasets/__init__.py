"""The synthetic innovation ecosystem (demo data and test oracle) and sample files."""

from netkit.datasets.synthetic import SIZES, GroundTruth, synthetic_ecosystem
from netkit.datasets.toy import toy_corpus

__all__ = ["SIZES", "GroundTruth", "synthetic_ecosystem", "toy_corpus"]
