"""The review of one plan: criterion order, the review queue and saving a plan's verdicts.

Saving compares what the form showed with what the auditor submitted, so two tabs on the
same audit do not undo each other: an unchanged verdict is only written when nobody has
given one meanwhile; a changed verdict is always written, and both end up in the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planqa.criteria import BY_ID, CRITERION_IDS, DIMENSIONS
from planqa.models import Assessment
from planqa.review.db import AuditDB, Review, StoredPlan
from planqa.review.labels import DIMENSION_SV

FLAGGED_GROUP = "Behöver granskas särskilt"


def criterion_groups(assessment: Assessment) -> list[tuple[str, list[str]]]:
    """Criteria to show, as (heading, ids): needs_review items first, then by dimension."""
    flagged = [c for c in CRITERION_IDS if assessment.criteria[c].needs_review]
    groups = [(FLAGGED_GROUP, flagged)] if flagged else []
    for dim in (*DIMENSIONS, None):
        rest = [c for c in CRITERION_IDS if BY_ID[c].dimension == dim and c not in flagged]
        if rest:
            groups.append((DIMENSION_SV[dim], rest))
    return groups


def review_queue(plans: list[StoredPlan], uncertain_first: bool = True) -> list[str]:
    """Plan ids in review order: sample order, or plans with most needs_review items first."""
    ids = [sp.plan.id for sp in plans]
    if not uncertain_first:
        return ids
    flagged = {sp.plan.id: sum(r.needs_review for r in sp.assessment.criteria.values()) for sp in plans}
    return sorted(ids, key=lambda pid: -flagged[pid])


def next_plan(queue: list[str], current: str, done: set[str]) -> str | None:
    """The next plan in the queue after `current` that is not reviewed (wrapping), or None."""
    i = queue.index(current)
    return next((p for p in queue[i + 1:] + queue[:i] if p not in done), None)


def reviewed_plans(reviews: dict[tuple[str, str], Review]) -> set[str]:
    """Plans with a verdict on every criterion."""
    count: dict[str, int] = {}
    for pid, _ in reviews:
        count[pid] = count.get(pid, 0) + 1
    return {pid for pid, n in count.items() if n == len(CRITERION_IDS)}


@dataclass(frozen=True)
class Shown:
    """A criterion as the review form showed it."""

    verdict: str
    comment: str
    rev: int  # 0: no verdict yet


def shown_state(assessment: Assessment, reviews: dict[tuple[str, str], Review], plan_id: str) -> dict[str, Shown]:
    """What the form shows per criterion: the auditor's verdict if any, else the tool's."""
    out = {}
    for c in CRITERION_IDS:
        r = reviews.get((plan_id, c))
        out[c] = Shown(r.verdict, r.comment, r.rev) if r else Shown(assessment.criteria[c].verdict, "", 0)
    return out


@dataclass
class SaveResult:
    saved: list[str] = field(default_factory=list)
    kept_other: list[str] = field(default_factory=list)  # other verdicts given meanwhile in another tab, kept
    replaced_other: list[str] = field(default_factory=list)  # verdicts from another tab this save replaced


def save_plan_review(db: AuditDB, plan_id: str, shown: dict[str, Shown],
                     submitted: dict[str, tuple[str, str]], reviewer: str) -> SaveResult:
    """Record the submitted verdicts (criterion -> (verdict, comment)) of one plan."""
    result = SaveResult()
    for c in CRITERION_IDS:
        verdict, comment = submitted[c]
        s = shown[c]
        if (verdict, comment.strip()) == (s.verdict, s.comment):
            if s.rev:
                continue  # confirmed before; nothing new
            if db.save_review(plan_id, c, verdict, "", reviewer, base_rev=0):
                result.saved.append(c)
            else:
                result.kept_other.append(c)
        else:
            if not db.save_review(plan_id, c, verdict, comment.strip(), reviewer, base_rev=s.rev):
                db.save_review(plan_id, c, verdict, comment.strip(), reviewer)
                result.replaced_other.append(c)
            result.saved.append(c)
    if result.kept_other:  # a tab that gave the same verdict meanwhile is no news
        current = db.reviews(plan_id)
        result.kept_other = [c for c in result.kept_other if current[(plan_id, c)].verdict != submitted[c][0]]
    return result
