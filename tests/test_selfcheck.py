from __future__ import annotations

import json
import subprocess

from planqa.criteria import CRITERION_IDS
from planqa.models import CriterionResult, Plan
from planqa.rules import RuleAssessor
from planqa.selfcheck import fixes_for, format_fixes
from test_cli import PLANQA


def test_weak_draft_gets_concrete_prioritised_fixes(weak_plan_text):
    fixes = fixes_for(weak_plan_text, RuleAssessor().assess(Plan(id="d", text=weak_plan_text)), limit=None)
    criteria = [f.criterion for f in fixes]
    assert "overall_responsibility" in criteria and "child_voice" in criteria and "goals_present" in criteria
    assert all(f.severity == "not_met" for f in fixes[: criteria.index("follow_up_date")])
    vague = next(f for f in fixes if f.criterion == "follow_up_date")
    assert "vid behov" in vague.message and vague.line == 9
    # no goals: the goal-quality fixes would only repeat "the plan has no goals"
    assert "goals_evaluable" not in criteria and "child_goals" not in criteria


def test_complete_plan_gets_no_fixes(good_plan_text):
    assessment = RuleAssessor().assess(Plan(id="g", text=good_plan_text))
    assert fixes_for(good_plan_text, assessment) == []
    assert "Inga brister" in format_fixes([])


def test_activity_without_responsible_is_named_by_number():
    text = ("Insatser:\n- BUP erbjuder samtal varannan vecka.\n- Vi ordnar läxhjälp.\n- Föräldrastöd i grupp.\n")
    assessment = RuleAssessor().assess(Plan(id="a", text=text))
    forced = assessment.model_copy(update={"criteria": {**assessment.criteria, "responsibility_per_action":
                                                         CriterionResult(verdict="partial", confidence=0.7,
                                                                         explanation="x")}})
    messages = [f.message for f in fixes_for(text, forced, limit=None) if f.criterion == "responsibility_per_action"]
    assert messages == ["Aktivitet 2 saknar ansvarig verksamhet (bara 'vi'/'man'): ”Vi ordnar läxhjälp.”.",
                        "Aktivitet 3 saknar ansvarig verksamhet: ”Föräldrastöd i grupp.”."]


def test_check_cli_prints_fixes_and_json(tmp_path, weak_plan_text):
    draft = tmp_path / "utkast.txt"
    draft.write_text(weak_plan_text, encoding="utf-8")
    result = subprocess.run([PLANQA, "check", str(draft), "--assume-pseudonymised"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "förbättringar" in result.stdout and "Barnets egen röst saknas" in result.stdout
    result = subprocess.run([PLANQA, "check", "-", "--format", "json", "--all", "--assume-pseudonymised"],
                            input=weak_plan_text, capture_output=True, text=True, timeout=120)
    fixes = json.loads(result.stdout)
    assert fixes and all(f["criterion"] in CRITERION_IDS and f["message"] for f in fixes)
