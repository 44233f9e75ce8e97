"""Audit results over the reviewed sample: shares per criterion with Wilson intervals, agreement.

A plan counts as reviewed when the auditor has given a verdict on all 12 criteria; the
figures use the auditor's (final) verdicts of the reviewed plans in the current sample.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from planqa.criteria import BY_ID, CRITERION_IDS, DIMENSIONS, VERDICTS
from planqa.models import band, dimension_scores
from planqa.review.db import AuditDB, AuditInfo
from planqa.review.labels import DIMENSION_SV, VERDICT_SV, pct
from planqa.review.sampling import Sample, field_value, plan_fields

Z95 = 1.96


@dataclass(frozen=True)
class Decision:
    """One plan × criterion: the tool's verdict and the auditor's (None until reviewed)."""

    plan_id: str
    criterion: str
    auto: str
    confidence: float
    needs_review: bool
    final: str | None = None
    comment: str = ""
    reviewer: str = ""
    reviewed_at: str = ""


@dataclass(frozen=True)
class Snapshot:
    """Everything the results and the export need, read from the audit at one moment."""

    audit: AuditInfo
    sample: Sample | None
    decisions: list[Decision]  # the sample's plans × criteria, in sample order
    fields: dict[str, dict] = field(default_factory=dict)  # plan id -> stratifiable fields
    model_versions: tuple[str, ...] = ()
    log: list[dict] = field(default_factory=list)  # every verdict recorded in the audit, oldest first

    @property
    def plan_ids(self) -> tuple[str, ...]:
        return self.sample.plan_ids if self.sample else ()

    @property
    def stratum_field(self) -> str | None:
        return self.sample.definition.stratum_field if self.sample else None

    @property
    def reviewed(self) -> tuple[str, ...]:
        """The sample's plans with a final verdict on every criterion, in sample order."""
        done: dict[str, int] = {}
        for d in self.decisions:
            done[d.plan_id] = done.get(d.plan_id, 0) + (d.final is not None)
        return tuple(p for p in self.plan_ids if done.get(p) == len(CRITERION_IDS))

    def reviewed_decisions(self) -> list[Decision]:
        reviewed = set(self.reviewed)
        return [d for d in self.decisions if d.plan_id in reviewed]


def snapshot(db: AuditDB) -> Snapshot:
    sample = db.current_sample()
    ids = list(sample.plan_ids) if sample else []
    stored = db.plans(ids)
    reviews = db.reviews()
    decisions, fields, versions = [], {}, set()
    for sp in stored:
        a = sp.assessment
        fields[sp.plan.id] = plan_fields(sp.plan.metadata, a.plan_date, a.coordinator)
        versions.add(a.model_version)
        for c in CRITERION_IDS:
            r = reviews.get((sp.plan.id, c))
            res = a.criteria[c]
            decisions.append(Decision(sp.plan.id, c, res.verdict, res.confidence, res.needs_review,
                                      r.verdict if r else None, r.comment if r else "",
                                      r.reviewer if r else "", r.reviewed_at if r else ""))
    return Snapshot(db.info(), sample, decisions, fields, tuple(sorted(versions)), db.review_log())


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (0, 0 when n is 0)."""
    if n == 0:
        return 0.0, 0.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class CriterionStats:
    criterion: str
    n: int  # reviewed plans
    counts: dict[str, int]  # final verdict -> plans
    agree: int  # plans where the auditor kept the tool's verdict

    def share(self, verdict: str) -> float:
        return self.counts[verdict] / self.n if self.n else 0.0

    def interval(self, verdict: str) -> tuple[float, float]:
        return wilson(self.counts[verdict], self.n)

    @property
    def agreement(self) -> float:
        return self.agree / self.n if self.n else 0.0


def criterion_stats(decisions: list[Decision]) -> list[CriterionStats]:
    """Per criterion (in registry order): final verdict counts and agreement over reviewed decisions."""
    out = []
    for c in CRITERION_IDS:
        ds = [d for d in decisions if d.criterion == c and d.final is not None]
        counts = {v: sum(d.final == v for d in ds) for v in VERDICTS}
        out.append(CriterionStats(c, len(ds), counts, sum(d.final == d.auto for d in ds)))
    return out


@dataclass(frozen=True)
class Agreement:
    n: int  # reviewed plan × criterion decisions
    agree: int
    kappa: float | None  # Cohen's kappa, auto vs final; None when undefined

    @property
    def share(self) -> float:
        return self.agree / self.n if self.n else 0.0


def agreement(decisions: list[Decision]) -> Agreement:
    """Auto versus auditor over all reviewed decisions, with Cohen's kappa."""
    pairs = [(d.auto, d.final) for d in decisions if d.final is not None]
    n = len(pairs)
    agree = sum(a == f for a, f in pairs)
    if n == 0:
        return Agreement(0, 0, None)
    expected = sum((sum(a == v for a, _ in pairs) / n) * (sum(f == v for _, f in pairs) / n) for v in VERDICTS)
    kappa = None if expected == 1 else (agree / n - expected) / (1 - expected)
    return Agreement(n, agree, kappa)


def plan_rows(snap: Snapshot) -> list[dict]:
    """One row per sampled plan: review state, dimension scores (final verdicts, else auto), changes."""
    by_plan: dict[str, list[Decision]] = {}
    for d in snap.decisions:
        by_plan.setdefault(d.plan_id, []).append(d)
    reviewed = set(snap.reviewed)
    rows = []
    for pid in snap.plan_ids:
        ds = by_plan.get(pid, [])
        if not ds:
            continue
        verdicts = {d.criterion: d.final or d.auto for d in ds}
        row = {"plan": pid, "granskad": pid in reviewed}
        row |= {dim: s.score for dim, s in dimension_scores(verdicts).items()}
        row["ändrade"] = sum(d.final is not None and d.final != d.auto for d in ds)
        row["osäkra"] = sum(d.needs_review for d in ds)
        row["stratum"] = (field_value(snap.fields.get(pid, {}).get(snap.stratum_field))
                          if snap.stratum_field else None)
        rows.append(row)
    return rows


def share_text(k: int, n: int, interval: tuple[float, float]) -> str:
    """'47 % (30–64)'."""
    return f"{pct(k / n) if n else 0} % ({pct(interval[0])}–{pct(interval[1])})"


def criterion_table(stats: list[CriterionStats]) -> list[dict]:
    """The per-criterion results as rows with Swedish headings, for display."""
    rows = []
    for s in stats:
        row = {"Kriterium": BY_ID[s.criterion].name, "Dimension": DIMENSION_SV[BY_ID[s.criterion].dimension],
               "Planer": s.n}
        row |= {f"{VERDICT_SV[v]} % (KI)": share_text(s.counts[v], s.n, s.interval(v)) for v in VERDICTS}
        row["Överensstämmelse"] = f"{pct(s.agreement)} %"
        rows.append(row)
    return rows


def plan_table(rows: list[dict], stratum_field: str | None, level: str = "alla", dimension: str = DIMENSIONS[0],
               only_changed: bool = False) -> list[dict]:
    """`plan_rows` filtered (dimension band, changed verdicts) with Swedish headings, for display."""
    out = []
    for r in rows:
        if (only_changed and not r["ändrade"]) or (level != "alla" and band(r[dimension]) != level):
            continue
        row = {"Plan": r["plan"], "Granskad": r["granskad"]} | ({"Stratum": r["stratum"]} if stratum_field else {})
        row |= {DIMENSION_SV[d]: r[d] for d in DIMENSIONS}
        out.append(row | {"Ändrade bedömningar": r["ändrade"], "Osäkra bedömningar": r["osäkra"]})
    return out
