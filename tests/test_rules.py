from __future__ import annotations

from planqa.criteria import CRITERION_IDS
from planqa.models import Plan
from planqa.rules import RuleAssessor


def assess(text: str):
    return RuleAssessor().assess(Plan(id="t", text=text))


def test_good_plan_meets_the_criteria_it_fulfils(good_plan_text):
    a = assess(good_plan_text)
    assert list(a.criteria) == list(CRITERION_IDS)
    verdicts = {c: r.verdict for c, r in a.criteria.items()}
    for cid in ("goals_present", "goals_evaluable", "overall_responsibility", "follow_up_date",
                "follow_up_responsible", "child_voice", "child_participation", "consent",
                "guardian_participation", "responsibility_per_action", "needs_described"):
        assert verdicts[cid] == "met", (cid, a.criteria[cid].explanation)
    assert a.follow_up_dates == ["2025-04-08"]
    assert a.plan_date == "2025-02-11"
    assert a.coordinator == "socialtjänsten"
    assert {"bup", "socialtjänsten", "elevhälsan", "skolan"} <= set(a.actors)
    assert a.dimensions["follow_up"].band == "god"


def test_weak_plan_is_caught_like_the_audits_describe(weak_plan_text):
    a = assess(weak_plan_text)
    v = {c: r.verdict for c, r in a.criteria.items()}
    assert v["goals_present"] == "not_met"  # "Målet med mötet" is not a goal
    assert v["child_goals"] == "not_met"
    assert v["child_voice"] == "not_met"
    assert v["follow_up_date"] == "partial"  # "vid behov"
    assert v["overall_responsibility"] == "not_met"
    assert v["consent"] == "not_met"
    assert a.follow_up_dates == []
    assert a.dimensions["child_centredness"].band == "brist"


def test_every_verdict_has_evidence_or_says_what_was_looked_for(good_plan_text, weak_plan_text):
    for text in (good_plan_text, weak_plan_text):
        for cid, r in assess(text).criteria.items():
            if r.verdict == "not_met" and not r.evidence:
                assert "Letade efter" in r.explanation or "Inga mål" in r.explanation, cid
            for e in r.evidence:
                assert text[e.start:e.end] == e.text


def test_agency_framed_goals_are_not_child_goals():
    text = ("Mål:\n1. BUP ska utreda ADHD.\n2. Socialtjänsten ska bevilja kontaktperson.\n"
            "3. Skolan ska upprätta åtgärdsprogram.\n")
    assert assess(text).criteria["child_goals"].verdict == "not_met"


def test_guardian_speaking_for_the_child_is_only_partial_voice():
    text = "Mamma berättar att [BARN] vill byta skola. Pappa säger att [BARN] är trött."
    assert assess(text).criteria["child_voice"].verdict == "partial"


def test_empty_like_text_gets_all_twelve_verdicts():
    a = assess("Ingen text av betydelse.")
    assert set(a.criteria) == set(CRITERION_IDS)
    assert all(r.verdict == "not_met" for r in a.criteria.values())
