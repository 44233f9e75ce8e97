"""Plan features for the trained assessor: rule outputs, counts, and per-criterion focus texts.

A focus text is the part of the plan a criterion is about (the consent sentences for
`consent`, the goal lines for the goal criteria, ...): n-grams of it let a classifier learn
how good and bad plans phrase exactly that part, without learning a writer's whole style.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from planqa import rules
from planqa.criteria import CRITERION_IDS, VERDICTS
from planqa.models import CriterionResult
from planqa.text import Segment

SIGNAL_KEYS = (
    "need_segments", "need_concrete", "goal_segments", "goals_measurable", "activities", "activities_with_agent",
    "activities_we", "overall_named", "overall_with_agent", "conveners", "follow_up_concrete", "follow_up_vague",
    "follow_up_segments", "follow_up_callers", "follow_up_named", "voice_own", "voice_formulaic", "voice_guardian",
    "participation_specific", "participation_vague", "goals_child", "goals_agency", "consent_segments",
    "guardian_mentions", "guardian_active", "guardian_present", "guardian_present_prose", "goal_segments_agency",
    "need_reference", "overall_undecided", "overall_shared",
)
SEGMENT_KINDS = ("voice", "goal", "activity")

_FOCUS = {
    "needs_described": re.compile(r"behov|behöver|svår|frånvar|oro|mår|diagnos|problem|bakgrund|nuläge|"
                                  r"utmaning|sover|ångest|konflikt", re.I),
    "overall_responsibility": re.compile(r"ansvar|samordn|kallar|sammankall|håller i|planering", re.I),
    "follow_up_date": re.compile(r"uppfölj|följ\w* upp|nästa|möte|ses|hörs|utvärder|avstämning|ny sip", re.I),
    "follow_up_responsible": re.compile(r"uppfölj|följ\w* upp|nästa|kallar|sammankall|ansvar|bjuder in", re.I),
    "child_voice": re.compile(r"säger|berätt|önskar|vill|tycker|uttryck|upplever|känner|skatt|ritade|"
                              r"\bjag\b|\bmig\b|[\"”»]|åsikt|röst|synpunkt|delaktig|instämmer", re.I),
    "child_participation": re.compile(r"deltog|deltar|delta|var med|närvar|träffade|inför mötet|bildstöd|"
                                      r"anpass|delaktig|förklar|möte", re.I),
    "consent": re.compile(r"samtyck|samtycke|medgiv|sekretess|underskr|informationsöverföring", re.I),
    "guardian_participation": re.compile(r"vårdnadshav|\bvh\d?\b|mamma|pappa|föräld|\[VH\d?\]|lvu|kallade",
                                         re.I),
}
_GOAL_CRITERIA = ("goals_present", "goals_evaluable", "child_goals")


@dataclass
class PlanView:
    """Everything the trained assessor needs from one plan, computed once."""

    ctx: rules.Context
    rule_results: dict[str, CriterionResult]
    segment_probs: dict[str, list[float]]  # kind -> probability per ctx.segs segment

    @cached_property
    def numbers(self) -> list[float]:
        """`numeric_features` of this view, computed once."""
        return numeric_features(self)

    def segments_of(self, kind: str, threshold: float = 0.5) -> list[Segment]:
        return [s for s, p in zip(self.ctx.segs, self.segment_probs[kind]) if p >= threshold]


def focus_text(view: PlanView, cid: str) -> str:
    """The text of the segments criterion `cid` is about, each with its section heading."""
    ctx = view.ctx
    if cid in _GOAL_CRITERIA:
        segs = list(dict.fromkeys(ctx.goals + view.segments_of("goal", 0.4)))
    elif cid == "responsibility_per_action":
        segs = list(dict.fromkeys(rules.activity_segments(ctx) + view.segments_of("activity", 0.4)))
    else:
        pattern = _FOCUS[cid]
        segs = [s for s in ctx.segs if pattern.search(s.text) or (s.section and pattern.search(s.section))]
        if cid == "child_voice":
            segs = list(dict.fromkeys(segs + view.segments_of("voice", 0.3)))
    segs.sort(key=lambda s: s.start)
    return "\n".join(f"{s.section} :: {s.text}" for s in segs[:40])


def numeric_features(view: PlanView) -> list[float]:
    """Rule verdicts and confidences, rule signals, segment-classifier aggregates, plan size."""
    ctx = view.ctx
    out: list[float] = []
    for cid in CRITERION_IDS:
        r = view.rule_results[cid]
        out += [float(r.verdict == v) for v in VERDICTS] + [r.confidence]
    out += [math.log1p(ctx.signals.get(k, 0)) for k in SIGNAL_KEYS]
    for kind in SEGMENT_KINDS:
        probs = sorted(view.segment_probs[kind], reverse=True) or [0.0]
        out += [probs[0], sum(probs[:3]) / 3, math.log1p(sum(p >= 0.5 for p in probs))]
    words = len(ctx.text.split())
    out += [math.log1p(words), math.log1p(len(ctx.segs)), math.log1p(sum(s.is_heading for s in ctx.segs)),
            math.log1p(len(ctx.actors)), math.log1p(len({n for _, _, n in ctx.actors})),
            math.log1p(len(ctx.roles)), math.log1p(len(ctx.date_mentions)),
            math.log1p(len(rules.PERSON_REF.findall(ctx.text))), float(ctx.plan_date is not None)]
    return out


def numeric_feature_count() -> int:
    return 4 * len(CRITERION_IDS) + len(SIGNAL_KEYS) + 3 * len(SEGMENT_KINDS) + 9
