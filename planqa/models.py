"""The one data model that flows through planqa: a Plan goes in, an Assessment comes out."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from planqa.criteria import CRITERION_IDS, DIMENSION_CRITERIA, VERDICT_POINTS

Verdict = Literal["met", "partial", "not_met"]
Band = Literal["god", "delvis", "brist"]


class Plan(BaseModel):
    """A plan as read from a file or record. `text` is what gets assessed."""

    id: str
    text: str
    source: str = ""  # file path or "stdin"; never plan content
    metadata: dict[str, object] = Field(default_factory=dict)


class Evidence(BaseModel):
    """A character span of the plan text that supports a verdict."""

    start: int
    end: int
    text: str
    label: str = ""  # what the span is: DATE, ACTOR, GOAL, VOICE, ...


class Entity(BaseModel):
    """A span found by the NLP stage, with the attributes later stages use."""

    start: int
    end: int
    label: str
    text: str
    normalised: str | None = None  # actor name (bup, socialtjänsten) or ISO date
    role: str | None = None  # e.g. "follow_up" for the plan's follow-up date


class CriterionResult(BaseModel):
    verdict: Verdict
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: str  # short, Swedish
    reference: str = ""
    needs_review: bool = False


class DimensionScore(BaseModel):
    score: float = Field(ge=0.0, le=1.0)
    band: Band


class Assessment(BaseModel):
    """planqa's output for one plan; the JSON contract of `planqa score`."""

    id: str
    criteria: dict[str, CriterionResult]
    dimensions: dict[str, DimensionScore]
    follow_up_dates: list[str] = Field(default_factory=list)  # ISO dates
    plan_date: str | None = None
    coordinator: str | None = None
    actors: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    model_version: str = ""


def band(score: float) -> Band:
    """Band of a dimension score as in criteria.md: >= 0.75 god, 0.4–0.75 delvis, < 0.4 brist."""
    if score >= 0.75:
        return "god"
    if score >= 0.4:
        return "delvis"
    return "brist"


def dimension_scores(verdicts: dict[str, str]) -> dict[str, DimensionScore]:
    """Score each dimension: met=2, partial=1, not_met=0 over its criteria, divided by the maximum."""
    out = {}
    for dim, ids in DIMENSION_CRITERIA.items():
        score = sum(VERDICT_POINTS[verdicts[c]] for c in ids) / (2 * len(ids))
        out[dim] = DimensionScore(score=round(score, 4), band=band(score))
    return out


def check_complete(criteria: dict[str, CriterionResult]) -> None:
    """Raise if an assessment does not carry exactly the public criterion ids."""
    if set(criteria) != set(CRITERION_IDS):
        missing = set(CRITERION_IDS) - set(criteria)
        extra = set(criteria) - set(CRITERION_IDS)
        raise ValueError(f"criteria mismatch: missing {sorted(missing)}, unexpected {sorted(extra)}")
