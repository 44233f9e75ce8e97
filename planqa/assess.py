"""The assessor entry point: `load_assessor()` gives the best available assessor for a plan."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from planqa.models import Assessment, Plan, check_complete

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"


class Assessor(Protocol):
    model_version: str

    def assess(self, plan: Plan) -> Assessment: ...


class WithEntities:
    """An assessor whose `entities` and `actors` come from the trained spaCy NER pipeline.

    The verdicts stay the inner assessor's; a DATE entity gets the role "follow_up" exactly
    when the follow-up verdict's evidence covers it, so highlight and verdict agree.
    """

    def __init__(self, inner: Assessor, nlp) -> None:
        self.inner, self.nlp = inner, nlp

    @property
    def model_version(self) -> str:
        return f"{self.inner.model_version}+ner"

    def assess(self, plan: Plan) -> Assessment:
        import datetime as dt

        from planqa.hyphens import in_text
        from planqa.nlp import analyse
        from planqa.readable import invisible_words, plain_spaces, visible

        result = self.inner.assess(plan)
        plan_date = dt.date.fromisoformat(result.plan_date) if result.plan_date else None
        follow_up = [(e.start, e.end) for e in result.criteria["follow_up_date"].evidence
                     if e.label == "FOLLOW_UP_DATE"]
        text = visible(plan.text)  # the same length: offsets point into the plan as given
        _, ents = analyse(self.nlp, text, plan_date, follow_up_spans=follow_up)
        if text != plan.text:  # an entity's end inside a word with invisible characters moves to the word's end
            words = invisible_words(plain_spaces(plan.text))
            ents = [e.model_copy(update={"start": start, "end": end, "text": plan.text[start:end]})
                    for e in ents for start, end in [in_text(e.start, e.end, words)]]
        actors = sorted(set(result.actors) | {e.normalised for e in ents if e.label == "ACTOR" and e.normalised})
        return result.model_copy(update={"entities": ents, "actors": actors, "model_version": self.model_version})


def load_assessor(model_dir: str | Path | None = None, backend: str = "default", entities: bool = True) -> Assessor:
    """The best available assessor; with `entities`, wrapped so the trained NER gives the entities."""
    assessor = _verdict_assessor(model_dir, backend)
    if entities and backend != "transformer" and (MODELS_DIR / "ner" / "config.cfg").exists():
        from planqa.nlp import load_pipeline

        return WithEntities(assessor, load_pipeline())
    return assessor


def _verdict_assessor(model_dir: str | Path | None, backend: str) -> Assessor:
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
    from planqa.drafts import draft_warnings
    from planqa.language import language_warnings
    from planqa.linebreaks import line_break_warnings
    from planqa.revisions import revision_warnings

    result = (assessor or load_assessor()).assess(plan)
    check_complete(result.criteria)
    warnings = (language_warnings(plan.text) + revision_warnings(plan.text) + line_break_warnings(plan.text)
                + draft_warnings(plan.text))
    return result.model_copy(update={"warnings": result.warnings + warnings}) if warnings else result
