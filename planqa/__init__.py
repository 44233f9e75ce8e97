"""planqa: quality assessment of Swedish SIPs (samordnad individuell plan)."""

__version__ = "0.1.0"
