"""The trained assessor: per-criterion calibrated classifiers over rule outputs and focus n-grams.

`TrainedAssessor.fit(train, dev)` chooses each criterion's features and regularisation on
dev, fits on train with cross-validated sigmoid calibration, and keeps the rules for
evidence and explanations. Saved with skops (never pickle) plus a SHA-256 manifest that is
checked on load.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

from planqa import rules
from planqa.criteria import BY_ID, CRITERION_IDS, VERDICTS
from planqa.integrity import MANIFEST_FILE, ModelIntegrityError, verify_manifest, write_manifest  # noqa: F401
from planqa.features import SEGMENT_KINDS, PlanView, focus_text, numeric_features
from planqa.models import Assessment, CriterionResult, Evidence, Plan, dimension_scores
from planqa.segments import new_segment_vectorizer, segment_input, training_data

MODEL_FILE = "assessor.skops"
META_FILE = "meta.json"
REVIEW_BELOW = 0.6
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
VARIANTS = ("numeric", "numeric+focus", "numeric+focus+text")

# Types beyond skops' own defaults (numpy, scipy and scikit-learn estimators) that the saved
# model may hold: none. skops refuses any type that is neither a default nor listed here.
TRUSTED_TYPES: list[str] = []

LOOKED_FOR = {
    "needs_described": "en beskrivning av barnets behov",
    "goals_present": "mål eller delmål",
    "goals_evaluable": "mål med nivå, frekvens eller tidsram",
    "responsibility_per_action": "en ansvarig verksamhet eller roll för varje insats",
    "overall_responsibility": "vem som är samordnings- eller planeringsansvarig",
    "follow_up_date": "en tidpunkt för uppföljning",
    "follow_up_responsible": "vem som kallar till uppföljningen",
    "child_voice": "barnets egna ord, önskemål eller syn",
    "child_participation": "hur barnet deltagit, eller varför inte",
    "child_goals": "mål formulerade utifrån barnets vardag",
    "consent": "samtycke och vem som lämnat det",
    "guardian_participation": "vårdnadshavarnas deltagande eller syn",
}


def linear_head(model: LogisticRegression) -> dict:
    """The arrays of a fitted logistic regression, for fast prediction without sklearn's overhead."""
    return {"classes": [str(c) for c in model.classes_], "coef": model.coef_.copy(),
            "intercept": model.intercept_.copy()}


def head_scores(head: dict, x) -> np.ndarray:
    return np.asarray(x @ head["coef"].T) + head["intercept"]


def binary_proba(head: dict, x) -> np.ndarray:
    """P(positive) of a binary logistic-regression head."""
    return 1.0 / (1.0 + np.exp(-head_scores(head, x)[:, 0]))


def calibrated_head(calibrated: CalibratedClassifierCV) -> dict:
    """Arrays of a CalibratedClassifierCV(ensemble=False, method='sigmoid') over a logistic regression."""
    inner = calibrated.calibrated_classifiers_[0]
    head = linear_head(inner.estimator)
    head["cal_a"] = np.array([c.a_ for c in inner.calibrators])
    head["cal_b"] = np.array([c.b_ for c in inner.calibrators])
    return head


def calibrated_proba(head: dict, x) -> np.ndarray:
    """Same maths as CalibratedClassifierCV.predict_proba: per-class sigmoid, then normalised."""
    scores = head_scores(head, x)
    proba = 1.0 / (1.0 + np.exp(head["cal_a"] * scores + head["cal_b"]))
    total = proba.sum(axis=1, keepdims=True)
    uniform = np.full_like(proba, 1.0 / proba.shape[1])
    return np.where(total > 0, proba / np.where(total > 0, total, 1.0), uniform)


class TrainedAssessor:
    """Assess plans with trained, calibrated per-criterion classifiers."""

    def __init__(self, c_grid: tuple[float, ...] = C_GRID, variants: tuple[str, ...] = VARIANTS) -> None:
        self.c_grid, self.variants = c_grid, variants
        self.segment_models: dict = {}
        self.criterion_models: dict = {}
        self.text_vectorizer: TfidfVectorizer | None = None
        self.meta: dict = {}

    @property
    def model_version(self) -> str:
        return self.meta.get("version", "trained")

    # -- features -------------------------------------------------------------------------
    def view(self, text: str) -> PlanView:
        ctx = rules.build_context(text)
        results = rules.assess_rules(ctx)
        probs = {kind: [] for kind in SEGMENT_KINDS}
        if ctx.segs:
            x = self.segment_models["vectorizer"].transform([segment_input(s) for s in ctx.segs])
            for kind in SEGMENT_KINDS:
                p = binary_proba(self.segment_models[kind], x)
                probs[kind] = [0.0 if s.is_heading else float(v) for s, v in zip(ctx.segs, p)]
        return PlanView(ctx, results, probs)

    def _matrix(self, cid: str, views: list[PlanView], focus: list[str] | None = None):
        m = self.criterion_models[cid]
        numeric = (np.array([numeric_features(v) for v in views]) - m["mean"]) / m["scale"]
        if m["variant"] == "numeric":
            return csr_matrix(numeric)
        focus = focus if focus is not None else [focus_text(v, cid) for v in views]
        blocks = [csr_matrix(numeric), m["vectorizer"].transform(focus)]
        if m["variant"] == "numeric+focus+text":
            blocks.append(self.text_vectorizer.transform([v.ctx.text for v in views]))
        return hstack(blocks).tocsr()

    # -- training -------------------------------------------------------------------------
    def fit(self, train: list[dict], dev: list[dict], version: str = "trained", log=print) -> "TrainedAssessor":
        """Fit segment classifiers, then choose (on dev) and fit each criterion's classifier."""
        vectorizer = new_segment_vectorizer()
        self.segment_models = {"vectorizer": vectorizer}
        for i, kind in enumerate(SEGMENT_KINDS):
            xs, ys, _ = training_data(train, kind)
            x = vectorizer.fit_transform(xs) if i == 0 else vectorizer.transform(xs)
            head = LogisticRegression(C=2.0, class_weight="balanced", max_iter=2000).fit(x, ys)
            self.segment_models[kind] = linear_head(head)
            log(f"segment classifier {kind}: {len(xs)} segments, {sum(ys)} positive")
        self.text_vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True,
                                               max_features=8000).fit([r["text"] for r in train])
        # features of train plans use out-of-fold segment probabilities, so they look like unseen plans
        train_views = self._out_of_fold_views(train)
        dev_views = [self.view(r["text"]) for r in dev]
        selection = {}
        for cid in CRITERION_IDS:
            y_train = [r["labels"][cid] for r in train]
            y_dev = [r["labels"][cid] for r in dev]
            focus_train = [focus_text(v, cid) for v in train_views]
            focus_dev = [focus_text(v, cid) for v in dev_views]
            scaler = StandardScaler().fit(np.array([numeric_features(v) for v in train_views]))
            vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=5000)
            vectorizer.fit(focus_train)
            base = {"mean": scaler.mean_, "scale": scaler.scale_, "vectorizer": vectorizer}
            best = None
            for variant in self.variants:
                self.criterion_models[cid] = {"variant": variant, **base}
                x_train = self._matrix(cid, train_views, focus_train)
                x_dev = self._matrix(cid, dev_views, focus_dev)
                for c in self.c_grid:
                    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(x_train, y_train)
                    f1 = f1_score(y_dev, model.predict(x_dev), labels=list(VERDICTS), average="macro",
                                  zero_division=0)
                    if best is None or f1 > best[0] + 1e-9:
                        best = (f1, variant, c)
            f1, variant, c = best
            self.criterion_models[cid] = {"variant": variant, **base}
            if variant == "numeric":
                del self.criterion_models[cid]["vectorizer"]
            x_train = self._matrix(cid, train_views, focus_train)
            folds = min(5, min(y_train.count(v) for v in set(y_train)))
            calibrated = CalibratedClassifierCV(
                LogisticRegression(C=c, class_weight="balanced", max_iter=3000), cv=max(2, folds), method="sigmoid",
                ensemble=False).fit(x_train, y_train)
            self.criterion_models[cid]["head"] = calibrated_head(calibrated)
            selection[cid] = {"variant": variant, "C": c, "dev_macro_f1": round(f1, 4)}
            log(f"{cid}: {variant}, C={c}, dev macro-F1 {f1:.3f}")
        if not any(m["variant"].endswith("+text") for m in self.criterion_models.values()):
            self.text_vectorizer = None  # not needed at prediction time
        self.meta = {"version": version, "train_plans": len(train), "dev_plans": len(dev), "selection": selection}
        return self

    def _out_of_fold_views(self, records: list[dict]) -> list[PlanView]:
        """Views of training plans whose segment probabilities come from heads that did not see the plan.

        The (unsupervised) vectorizer is the one fitted on all train segments; only the heads
        are cross-validated, grouped by plan.
        """
        contexts = [rules.build_context(r["text"]) for r in records]
        vectorizer = self.segment_models["vectorizer"]
        probs_by_kind = {}
        for kind in SEGMENT_KINDS:
            xs, ys, groups = training_data(records, kind)
            x = vectorizer.transform(xs)
            oof = cross_val_predict(LogisticRegression(C=2.0, class_weight="balanced", max_iter=2000), x, ys,
                                    groups=groups, cv=GroupKFold(5), method="predict_proba")[:, 1]
            by_plan: dict[str, list[float]] = {}
            for g, p in zip(groups, oof):
                by_plan.setdefault(g, []).append(float(p))
            probs_by_kind[kind] = by_plan
        views = []
        for r, ctx in zip(records, contexts):
            probs = {}
            for kind in SEGMENT_KINDS:
                it = iter(probs_by_kind[kind].get(r["id"], []))
                # training_data skips headings; ctx.segs keeps them (probability 0)
                probs[kind] = [0.0 if s.is_heading else next(it, 0.0) for s in ctx.segs]
            views.append(PlanView(ctx, rules.assess_rules(ctx), probs))
        return views

    # -- prediction -----------------------------------------------------------------------
    def assess(self, plan: Plan) -> Assessment:
        view = self.view(plan.text)
        criteria = {cid: self._criterion(cid, view) for cid in CRITERION_IDS}
        if criteria["goals_present"].verdict == "not_met":  # by definition: no goals, nothing to evaluate
            for cid in ("goals_evaluable", "child_goals"):
                criteria[cid] = criteria[cid].model_copy(update={
                    "verdict": "not_met", "explanation": "Inga mål finns; därför inte uppfyllt."})
        ctx = view.ctx
        return Assessment(
            id=plan.id, criteria=criteria,
            dimensions=dimension_scores({c: r.verdict for c, r in criteria.items()}),
            follow_up_dates=ctx.follow_up_iso,
            plan_date=ctx.plan_date.isoformat() if ctx.plan_date else None,
            coordinator=rules.coordinator_of(ctx), actors=sorted({n for _, _, n in ctx.actors}),
            entities=rules.entities_of(ctx), warnings=[], model_version=self.model_version,
        )

    def _criterion(self, cid: str, view: PlanView) -> CriterionResult:
        head = self.criterion_models[cid]["head"]
        probs = calibrated_proba(head, self._matrix(cid, [view]))[0]
        best = int(np.argmax(probs))
        verdict, confidence = head["classes"][best], float(probs[best])
        rule = view.rule_results[cid]
        evidence = list(rule.evidence)
        if cid == "child_voice":
            voiced = view.segments_of("voice")
            evidence = [Evidence(start=s.start, end=s.end, text=s.text, label="VOICE") for s in voiced] or evidence
        if rule.verdict == verdict:
            explanation = rule.explanation
        else:
            explanation = explain(cid, verdict)
            if verdict == "not_met":
                evidence = []
        return CriterionResult(verdict=verdict, confidence=round(confidence, 3), evidence=evidence[:5],
                               explanation=explanation, reference=BY_ID[cid].reference,
                               needs_review=confidence < REVIEW_BELOW)

    # -- persistence ----------------------------------------------------------------------
    def save(self, directory: str | Path) -> Path:
        import skops.io as sio

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for vectorizer in self._vectorizers():
            if hasattr(vectorizer, "stop_words_"):  # pruned terms, only for introspection
                del vectorizer.stop_words_
            # plain ints: skops would store each numpy index as its own array (slow to load)
            vectorizer.vocabulary_ = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
        sio.dump({"segments": self.segment_models, "criteria": self.criterion_models, "text": self.text_vectorizer},
                 directory / MODEL_FILE, compression=zipfile.ZIP_DEFLATED)
        (directory / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False, indent=2), encoding="utf-8")
        write_manifest(directory)
        return directory

    def _vectorizers(self) -> list[TfidfVectorizer]:
        union = self.segment_models.get("vectorizer")
        found = [v for _, v in union.transformer_list] if union is not None else []
        found += [m["vectorizer"] for m in self.criterion_models.values() if "vectorizer" in m]
        return found + ([self.text_vectorizer] if self.text_vectorizer is not None else [])

    @classmethod
    def load(cls, directory: str | Path) -> "TrainedAssessor":
        import skops.io as sio

        directory = Path(directory)
        verify_manifest(directory)
        state = sio.load(directory / MODEL_FILE, trusted=TRUSTED_TYPES)
        self = cls()
        self.segment_models, self.criterion_models = state["segments"], state["criteria"]
        self.text_vectorizer = state.get("text")
        self.meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        return self


def explain(cid: str, verdict: str) -> str:
    """A Swedish explanation for a model verdict that the rules did not reach themselves."""
    name = BY_ID[cid].name
    if verdict == "met":
        return f"{name}: bedöms uppfyllt utifrån helheten i texten."
    if verdict == "partial":
        return f"{name}: bedöms delvis uppfyllt; texten är vag eller ofullständig här."
    return f"{name}: bedöms inte uppfyllt. Letade efter {LOOKED_FOR[cid]} men hittade inget tydligt."
