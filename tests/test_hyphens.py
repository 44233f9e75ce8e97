"""Words hyphenated at a line end are read whole, at the same offsets, with evidence in the text as given."""

from __future__ import annotations

import pytest

from planqa.hyphens import broken_words, in_text, join_hyphenated
from planqa.models import Plan
from planqa.rules import RuleAssessor, assess_rules, build_context


@pytest.mark.parametrize("text, joined", [
    ("Vi har en upp-\nföljning varje vecka.", "Vi har en uppföljning   varje vecka."),
    ("Samordnings-\nansvarig: BUP\nNästa rad", "Samordningsansvarig:   BUP\nNästa rad"),
    ("abstinens-  \n  symtom, trötthet", "abstinenssymtom,       trötthet"),
])
def test_a_broken_word_is_joined_and_the_text_keeps_its_length(text, joined):
    assert join_hyphenated(text) == joined
    assert len(joined) == len(text)


@pytest.mark.parametrize("text", [
    "Skol-\noch fritidsverksamheten",  # a suspended compound: "skol- och fritidsverksamheten"
    "BUP-\nmottagningen",  # an abbreviation's own hyphen
    "Tid: 13.00-\n14.00",
    "Mål:\n- [BARN] ska gå till skolan",
])
def test_hyphens_that_belong_to_the_text_stay(text):
    assert join_hyphenated(text) == text


def test_a_span_that_ends_inside_a_joined_word_ends_with_the_word_as_given():
    text = "Vi har en upp-\nföljning varje vecka."
    words = broken_words(text)
    assert in_text(0, 21, words) == (0, 23)  # "Vi har en uppföljning" in the joined text, "… upp-\nföljning" here
    assert in_text(0, 9, words) == (0, 9)


PLAN = """SIP för [BARN], 11 år. Datum: 2026-01-28.
Deltagare: [VH1] (mamma), [NAMN_1] kurator BUP.
Samordnings-
ansvarig: BUP genom [NAMN_1], som också kallar till upp-
följningen den 14 april 2026.
"""


def test_a_plan_with_broken_words_is_read_as_if_they_were_whole():
    whole = PLAN.replace("-\n", "")
    for criterion in ("overall_responsibility", "follow_up_date", "follow_up_responsible"):
        assert assess_rules(build_context(PLAN))[criterion].verdict == \
            assess_rules(build_context(whole))[criterion].verdict == "met"


def test_evidence_over_a_broken_word_shows_the_text_as_given():
    result = RuleAssessor().assess(Plan(id="p", text=PLAN))
    spans = [e for c in result.criteria.values() for e in c.evidence] + list(result.entities)
    assert spans and all(PLAN[e.start:e.end] == e.text for e in spans)
    assert any("-\n" in e.text for e in result.criteria["overall_responsibility"].evidence)
