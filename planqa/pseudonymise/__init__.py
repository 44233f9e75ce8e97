"""Pseudonymisation gate: find Swedish identifiers with presidio and replace them.

Public API (the review app and the CLI use exactly this):

- `find_identifiers(text) -> list[Finding]`
- `pseudonymise(text) -> PseudonymisedText`
- `gate_findings(text) -> list[Finding]`: the findings that stop a plan from being scored.

A `Finding` holds type, position and score, never the value, so it can be logged and
shown. The analyzer is built once (offline: no model download, no tldextract fetch) and reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planqa.pseudonymise.engine import (
    ENTITY_TYPES,
    GATE_THRESHOLDS,
    MIN_SCORE,
    PLACEHOLDERS,
    Finding,
    get_engine,
)

__all__ = [
    "ENTITY_TYPES", "GATE_THRESHOLDS", "MIN_SCORE", "PLACEHOLDERS", "Finding", "PseudonymisedText",
    "find_identifiers", "gate_findings", "pseudonymise", "get_engine",
]


@dataclass
class PseudonymisedText:
    text: str
    counts: dict[str, int] = field(default_factory=dict)  # entity type -> spans replaced
    mapping: dict[str, str] = field(default_factory=dict)  # placeholder -> original (re-identification)

    def __repr__(self) -> str:  # the mapping holds raw identifiers: never print it by accident
        return f"PseudonymisedText(len={len(self.text)}, counts={self.counts}, mapping=<{len(self.mapping)} poster>)"


def find_identifiers(text: str, nlp_artifacts=None) -> list[Finding]:
    """All identifiers in `text` (score >= MIN_SCORE), sorted by position, non-overlapping."""
    return get_engine().find(text, nlp_artifacts=nlp_artifacts)


def gate_findings(text: str, nlp_artifacts=None) -> list[Finding]:
    """High-confidence identifiers: a plan with any of these is not scored.

    Placeholders ([BARN], [NAMN_1]) and keep-words (BUP, kurator, ADHD) never block.
    """
    return [f for f in find_identifiers(text, nlp_artifacts) if f.score >= GATE_THRESHOLDS.get(f.entity_type, 2.0)]


def pseudonymise(text: str, nlp_artifacts=None) -> PseudonymisedText:
    """Replace identifiers by typed placeholders, consistent within the text.

    The same person gets the same placeholder everywhere ("Sara Ahmed", "Sara", "Saras" ->
    [NAMN_1], [NAMN_1], [NAMN_1]s); the child is [BARN] and the guardians [VH1]/[VH2] where the
    text shows who they are (`roles`). `mapping` maps each placeholder (numbered
    `[TELEFON]#2` for the unnumbered types, in order of appearance) to the original.
    """
    engine = get_engine()
    findings = engine.find(text, nlp_artifacts=nlp_artifacts)
    new_text, counts, mapping = engine.replace(text, findings)
    return PseudonymisedText(text=new_text, counts=counts, mapping=mapping)
