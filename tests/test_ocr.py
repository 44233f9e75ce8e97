"""OCR's digits inside words read as letters, at the same offsets; numbers stay numbers."""

from __future__ import annotations

import pytest

from planqa.models import Plan
from planqa.ocr import read_letters
from planqa.rules import RuleAssessor, assess_rules, build_context


@pytest.mark.parametrize("text, read", [
    ("socia1tjänsten och elevhä1san", "socialtjänsten och elevhälsan"),
    ("[VH1] de1tog i m0tet", "[VH1] deltog i motet"),
])
def test_digits_between_letters_are_letters(text, read):
    assert read_letters(text) == read


@pytest.mark.parametrize("text", ["v. 12, 10 min, 2O26-04-10", "[NAMN_10] och [VH1]", "åk 1a, klass 0b", "H1N1"])
def test_numbers_and_placeholders_stay(text):
    assert read_letters(text) == text


PLAN = """SIP för [BARN], 9 år. Datum: 2026-02-03.
[BARN] de1tog på mötet och berättade själv om skolan.
Vårdnadshavare: [VH1] (mamma) de1tog.
Samordningsansvarig: socia1tjänsten.
"""


def test_a_scanned_plan_is_read_as_the_words_it_stands_for():
    clean = PLAN.replace("de1tog", "deltog").replace("socia1", "social")
    for criterion in ("child_participation", "guardian_participation"):
        assert assess_rules(build_context(PLAN))[criterion].verdict == \
            assess_rules(build_context(clean))[criterion].verdict == "met"
    result = RuleAssessor().assess(Plan(id="p", text=PLAN))
    evidence = result.criteria["guardian_participation"].evidence
    assert evidence and all(PLAN[e.start:e.end] == e.text for e in evidence)
