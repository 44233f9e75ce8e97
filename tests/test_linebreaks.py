"""A plan that lost its line breaks is read with them put back, at the same offsets (planqa.linebreaks)."""

from __future__ import annotations

import re

from planqa.assess import assess
from planqa.linebreaks import is_flat, line_break_warnings, restore_line_breaks
from planqa.models import Plan
from planqa.rules import RuleAssessor

PLAN = """SIP för [BARN], 9 år
Datum: 2026-02-10
Deltagare: [VH1] (mamma), [NAMN_1] kurator, [NAMN_2] BUP, [BARN] själv en stund
Barnets behov
[BARN] har svårt att komma i väg till skolan på morgonen och har missat många dagar sedan jul. Hen blir orolig i matsalen.
Barnets röst
[BARN] säger: "Jag vill äta i ett mindre rum och slippa matsalen."
Mål
[BARN] ska vara i skolan minst fyra dagar i veckan före påsklovet.
Insatser
- Skolan ordnar ett mindre rum för lunchen från v. 8. Ansvarig: [NAMN_1].
- BUP ger samtal om oron varannan vecka. Ansvarig: [NAMN_2].
- Mamma följer [BARN] till skolan på måndagar.
Samordningsansvarig: [NAMN_1], kurator, skolan
Uppföljning: 2026-04-14, [NAMN_1] kallar.
Samtycke: [VH1] och [VH2] har lämnat samtycke till SIP.
"""


def flatten(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


def test_the_line_breaks_go_back_before_headings_fields_and_list_items_at_the_same_offsets():
    flat = flatten(PLAN)
    restored = restore_line_breaks(flat)
    assert len(restored) == len(flat)
    lines = restored.split("\n")
    assert "Barnets behov" in lines and "Mål" in lines and "Insatser" in lines
    assert "- BUP ger samtal om oron varannan vecka. Ansvarig: [NAMN_2]." not in lines  # "Ansvarig:" is a field
    assert "- BUP ger samtal om oron varannan vecka." in lines
    assert lines[lines.index("Samordningsansvarig:") + 1] == "[NAMN_1], kurator, skolan"  # a section heading's line
    assert restored.replace("\n", " ") == flat  # only spaces became line breaks


def test_a_plan_with_its_layout_is_left_as_it_is():
    assert not is_flat(PLAN)
    assert restore_line_breaks(PLAN) is PLAN
    prose = ("[BARN] sa: \"Jag vill vara med.\" " * 30).strip()  # long, flat, but nothing that was a line
    assert restore_line_breaks(prose) == prose


def test_a_flattened_plan_gets_the_verdicts_of_the_plan_with_its_layout():
    assessor = RuleAssessor()
    laid_out = assessor.assess(Plan(id="a", text=PLAN))
    flat = assessor.assess(Plan(id="b", text=flatten(PLAN)))
    assert {c: r.verdict for c, r in flat.criteria.items()} == {c: r.verdict for c, r in laid_out.criteria.items()}
    goal = next(e for e in flat.criteria["goals_present"].evidence)
    assert flatten(PLAN)[goal.start:goal.end] == goal.text  # the evidence points into the text as given


def test_headings_in_capitals_get_their_line_and_a_label_keeps_its_words_together():
    flat = ("SIP 2026-02-10 BARNETS SYN: hen vill ha lugnare raster och slippa matsalen när det är mycket folk där "
            "MÅL [BARN] ska äta lunch i skolan fyra dagar i veckan till påsk INSATSER skolan ordnar ett mindre rum, "
            "[NAMN_1] ansvarar VH SYN: mamma tycker att det låter bra men oroar sig för morgnarna")
    lines = restore_line_breaks(flat + " " + flat).split("\n")  # twice, to be long enough to count as flat
    assert lines[lines.index("BARNETS SYN:") + 1].startswith("hen vill ha lugnare raster")  # not "BARNETS\nSYN:"
    assert "MÅL" in lines and "INSATSER" in lines and "VH SYN:" in lines


def test_an_empty_field_at_the_end_gets_its_own_line():
    flat = ("Deltagare: [VH1], [NAMN_1] kurator, [NAMN_2] BUP Behov: [BARN] sover dåligt och kommer sent till skolan "
            "flera dagar i veckan Samtycke: inhämtas Uppföljning: vi kallar till uppföljning 12/2 Övrigt:")
    lines = restore_line_breaks(" ".join([flat] * 3)).split("\n")  # three times, to be long enough to count as flat
    assert "vi kallar till uppföljning 12/2" in lines and lines[-1] == "Övrigt:"


def test_the_assessment_says_when_it_put_the_line_breaks_back():
    assessor = RuleAssessor()
    (warning,) = assess(Plan(id="b", text=flatten(PLAN)), assessor).warnings
    assert warning.startswith("Planen saknar radbrytningar")
    assert assess(Plan(id="a", text=PLAN), assessor).warnings == []
    assert line_break_warnings(PLAN) == []
