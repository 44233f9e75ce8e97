"""planqa: quality assessment of Swedish SIPs (samordnad individuell plan)."""

from planqa.lean import defer_presidio_predefined_recognizers

# presidio is imported by the pseudonymiser and, through its spaCy entry point, by every spaCy
# pipeline planqa builds; its ~190 predefined recognizers (which planqa never uses) then load
# only if something asks for one. See planqa.lean.
defer_presidio_predefined_recognizers()

__version__ = "0.1.0"
