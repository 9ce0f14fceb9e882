"""The synthetic innovation ecosystem (demo data and test oracle) and sample files."""

from netkit.datasets.heavy_tailed import heavy_tailed_corpus
from netkit.datasets.synthetic import SIZES, GroundTruth, synthetic_ecosystem
from netkit.datasets.toy import toy_corpus

__all__ = ["SIZES", "GroundTruth", "heavy_tailed_corpus", "synthetic_ecosystem", "toy_corpus"]
