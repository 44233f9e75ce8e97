"""Stand-ins for tests of the review app: assessments with chosen verdicts, a fake assessor and gate.

They follow the contracts of planqa.assess and planqa.pseudonymise, so the app's tests do
not depend on how the real models judge a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planqa.criteria import CRITERION_IDS
from planqa.models import Assessment, CriterionResult, Entity, Evidence, Plan, dimension_scores

FAKE_VERSION = "fake-1"


def make_assessment(plan_id: str, verdicts: dict[str, str] | None = None, default: str = "met",
                    needs_review: tuple[str, ...] = (), entities: list[Entity] | None = None,
                    evidence: dict[str, list[Evidence]] | None = None, confidence: float = 0.8) -> Assessment:
    """An assessment with the given verdicts (others `default`)."""
    verdicts = {c: (verdicts or {}).get(c, default) for c in CRITERION_IDS}
    criteria = {c: CriterionResult(verdict=v, confidence=confidence, explanation=f"Testförklaring för {c}.",
                                   evidence=(evidence or {}).get(c, []), needs_review=c in needs_review)
                for c, v in verdicts.items()}
    return Assessment(id=plan_id, criteria=criteria, dimensions=dimension_scores(verdicts),
                      entities=entities or [], model_version=FAKE_VERSION)


class FakeAssessor:
    """Verdicts from keywords, so a test knows them: 'uppföljning' -> follow_up_date met, etc."""

    model_version = FAKE_VERSION

    def __init__(self):
        self.calls = 0

    def assess(self, plan: Plan) -> Assessment:
        self.calls += 1
        low = plan.text.lower()
        verdicts = {"follow_up_date": "met" if "uppföljning" in low else "not_met",
                    "goals_present": "met" if "mål" in low else "not_met",
                    "child_voice": "met" if "[barn] säger" in low else "partial"}
        entities = [Entity(start=m.start(), end=m.end(), label="DATE", text=m.group(), normalised=m.group())
                    for m in re.finditer(r"\d{4}-\d{2}-\d{2}", plan.text)]
        flagged = ("child_voice",) if verdicts["child_voice"] == "partial" else ()
        return make_assessment(plan.id, verdicts, needs_review=flagged, entities=entities)


@dataclass(frozen=True)
class FakeFinding:
    entity_type: str
    start: int
    end: int
    score: float = 1.0


PERSONNUMMER = re.compile(r"\b\d{6,8}-\d{4}\b")


def fake_gate(text: str) -> list[FakeFinding]:
    """Finds personnummer-shaped strings only."""
    return [FakeFinding("PERSONNUMMER", m.start(), m.end()) for m in PERSONNUMMER.finditer(text)]


@dataclass
class FakePseudonymised:
    text: str
    counts: dict[str, int] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)


def fake_pseudonymise(text: str) -> FakePseudonymised:
    found = fake_gate(text)
    return FakePseudonymised(PERSONNUMMER.sub("[PERSONNUMMER]", text), {"PERSONNUMMER": len(found)} if found else {})
