"""The synthetic innovation ecosystem (demo data and test oracle) and sample files."""

from netkit.datasets.synthetic import SIZES, GroundTruth, synthetic_ecosystem

__all__ = ["SIZES", "GroundTruth", "synthetic_ecosystem"]
