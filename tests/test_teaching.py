from __future__ import annotations

import subprocess

import pytest

from planqa.models import Plan
from planqa.rules import RuleAssessor
from planqa.teaching import Example, choose, parse_where, render_html, render_markdown
from test_cli import PLANQA


def example(pid: str, text: str, **verdicts: str) -> Example:
    assessment = RuleAssessor().assess(Plan(id=pid, text=text))
    base = {c: r.verdict for c, r in assessment.criteria.items()}
    return Example(Plan(id=pid, text=text), {**base, **verdicts}, "annoterad", assessment)


def test_parse_where_rejects_unknown_criteria_and_verdicts():
    assert parse_where(["follow_up_date=not_met"]) == {"follow_up_date": "not_met"}
    with pytest.raises(ValueError, match="okänt kriterium"):
        parse_where(["followup=not_met"])
    with pytest.raises(ValueError, match="okänt utfall"):
        parse_where(["follow_up_date=missing"])


def test_choose_prefers_plans_that_are_otherwise_good(good_plan_text, weak_plan_text):
    good = example("good", good_plan_text, follow_up_date="not_met")
    weak = example("weak", weak_plan_text, follow_up_date="not_met")
    other = example("other", good_plan_text, follow_up_date="met")
    assert [e.plan.id for e in choose([weak, other, good], {"follow_up_date": "not_met"}, n=2)] == ["good", "weak"]


def test_pack_escapes_plan_text_and_notes_disagreement():
    e = example("x", "Mål: <script>alert(1)</script> [BARN] ska sova.", child_voice="met")
    page = render_html("Paket", [e], {"child_voice": "met"}, [])
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    md = render_markdown("Paket", [e], {"child_voice": "met"}, [])
    assert "Annoterat som uppfyllt; planqa bedömde" in md
    assert "Var hörs barnets egen röst?" in md


def test_teach_cli_writes_html_and_markdown_with_pairs(tmp_path):
    out = tmp_path / "pack"
    result = subprocess.run([PLANQA, "teach", "--where", "follow_up_date=not_met", "--n", "2", "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    md = (out / "undervisningspaket.md").read_text(encoding="utf-8")
    assert md.count("## Exempel") == 2 and "Före och efter" in md
    assert "<mark" in (out / "undervisningspaket.html").read_text(encoding="utf-8")
    bad = subprocess.run([PLANQA, "teach", "--where", "nope=met"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "okänt kriterium" in bad.stderr
