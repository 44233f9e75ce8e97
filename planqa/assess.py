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
    if backend == "transformer":
        from planqa.transformer import TransformerAssessor

        return TransformerAssessor.load(Path(model_dir) if model_dir else MODELS_DIR / "transformer")
    if backend != "default":
        raise ValueError(f"okänd backend {backend!r} (default, rules eller transformer)")
    from planqa.trained import MODEL_FILE, TrainedAssessor

    directory = Path(model_dir) if model_dir else MODELS_DIR / "assessor"
    if (directory / MODEL_FILE).exists():
        return TrainedAssessor.load(directory)
    if model_dir:
        raise FileNotFoundError(f"{directory}: ingen tränad modell ({MODEL_FILE}) finns här.")
    return RuleAssessor()


def assess(plan: Plan, assessor: Assessor | None = None) -> Assessment:
    """Assess one plan; the result always carries exactly the 12 public criterion ids."""
    from planqa.language import language_warnings

    result = (assessor or load_assessor()).assess(plan)
    check_complete(result.criteria)
    warnings = language_warnings(plan.text)
    return result.model_copy(update={"warnings": result.warnings + warnings}) if warnings else result
