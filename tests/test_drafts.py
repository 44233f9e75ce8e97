"""Unfilled places in a draft (planqa.drafts): found with their lines, and nothing in finished text."""

from __future__ import annotations

import subprocess

from test_cli import PLANQA

from planqa.assess import assess
from planqa.drafts import draft_warnings, unfilled
from planqa.models import Plan
from planqa.rules import RuleAssessor

DRAFT = """SIP [BARN] – utkast
Uppföljning: [Ange datum]
Samordningsansvarig: ??
Skolan: extra anpassningar i matte – TODO: vem på skolan?
Barnets syn: Klicka här för att ange text.
Samtycke: fyll i sen
Ansvarig för kontakten med BUP: XX
"""


def test_finds_form_placeholders_and_notes_to_self_with_their_lines():
    found = unfilled(DRAFT)
    assert [(u.line, u.text) for u in found] == [
        (2, "[Ange datum]"), (3, "??"), (4, "TODO"), (5, "Klicka här för att ange text"), (6, "fyll i sen"),
        (7, "XX")]
    assert all(DRAFT[u.start:u.end] == u.text for u in found)


def test_ordinary_text_has_nothing_unfilled():
    text = ("[BARN] sa: ”Varför??” och skrattade. Mamma fyller i blanketten. Vi ses tisdag 4/3 kl 13.00. "
            "Storlek xx-small, todo-listan i klassrummet, Xbox på fritids, [NAMN_1] skriver protokollet.")
    assert unfilled(text) == []
    assert draft_warnings(text) == []


def test_warning_names_the_first_places_and_counts_the_rest():
    (warning,) = draft_warnings(DRAFT, shown=2)
    assert warning.startswith("Utkastet är inte färdigt: 6 ofyllda fält eller anteckningar")
    assert "rad 2 ”[Ange datum]”, rad 3 ”??” och 4 till" in warning
    (one,) = draft_warnings("Uppföljning: [Ange datum]")
    assert "1 ofyllt fält eller anteckning (rad 1 ”[Ange datum]”)" in one


def test_assessment_carries_the_warning_and_the_placeholder_is_no_follow_up_date():
    result = assess(Plan(id="utkast", text=DRAFT), RuleAssessor())
    assert any(w.startswith("Utkastet är inte färdigt") for w in result.warnings)
    assert result.criteria["follow_up_date"].verdict == "not_met"


def test_check_cli_prints_the_warning_before_the_fixes(tmp_path):
    draft = tmp_path / "utkast.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = subprocess.run([PLANQA, "check", str(draft), "--assume-pseudonymised"], check=False, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Obs! Utkastet är inte färdigt: 6 ofyllda fält")
    assert any("förbättringar" in line for line in lines[1:])
