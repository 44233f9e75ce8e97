"""Other placeholder conventions read as the guidelines' own, with evidence in the text as given."""

from __future__ import annotations

import pytest
from conftest import DEMO

from planqa.models import Plan
from planqa.placeholders import normalise
from planqa.rules import RuleAssessor

DRAFT = (DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("child", ["[barnet]", "[Barnets namn]", "[Elev]", "[ungdomen]"])
def test_child_words_in_brackets_become_barn(child):
    text = f"SIP för {child}. {child} säger att hen vill gå till skolan."
    rewritten = normalise(text)
    assert rewritten.text == "SIP för [BARN]. [BARN] säger att hen vill gå till skolan."


def test_guardians_by_their_own_number_or_in_order():
    assert normalise("[Vårdnadshavare 2] och [Vårdnadshavare 1]").text == "[VH2] och [VH1]"
    assert normalise("[Mamma] och [Pappa] kom.").text == "[VH1] och [VH2] kom."


def test_numbered_persons_take_roles_from_the_text_around_them():
    text = "SIP för [PERSON_1], 9 år. Deltagare: [PERSON_1], mamma [PERSON_2], kurator [PERSON_3]."
    assert normalise(text).text == "SIP för [BARN], 9 år. Deltagare: [BARN], mamma [VH1], kurator [PERSON_3]."
    assert normalise("Kurator NN ringer. NN kallar till möte.").text == "Kurator NN ringer. NN kallar till möte."


def test_the_guidelines_own_and_other_tokens_stay():
    for text in ("[BARN] och [barnet] och [NAMN_1]", "- [x] klart [ ] inte klart", "[VH1], [Mamma]",
                 "Status: [PÅGÅR]"):
        assert normalise(text).text == text


def test_offsets_map_back_into_the_original():
    rewritten = normalise("X [barnet] säger Y")
    assert rewritten.text == "X [BARN] säger Y"
    assert rewritten.span(0, len(rewritten.text)) == (0, 18, "X [barnet] säger Y")
    assert rewritten.span(2, 8) == (2, 10, "[barnet]")
    assert rewritten.span(9, 14) == (11, 16, "säger")
    assert rewritten.span(4, 6) == (2, 10, "[barnet]")  # inside a rewritten token: the whole token


def test_a_plan_with_another_convention_gets_the_same_verdicts_and_its_own_evidence():
    assessor = RuleAssessor()
    ours = assessor.assess(Plan(id="a", text=DRAFT))
    other_text = DRAFT.replace("[BARN]", "[Barnets namn]")
    theirs = assessor.assess(Plan(id="b", text=other_text))
    assert {c: r.verdict for c, r in theirs.criteria.items()} == {c: r.verdict for c, r in ours.criteria.items()}
    # the evidence quotes the plan's own placeholder (the child's attendance, the goals), never the rewritten one
    taking_part = theirs.criteria["child_participation"].evidence
    assert taking_part and any("[Barnets namn]" in e.text for e in taking_part)
    assert theirs.criteria["child_voice"].evidence
    for result in theirs.criteria.values():
        for e in result.evidence:
            assert other_text[e.start:e.end] == e.text
            assert "[BARN]" not in e.text


def test_invented_first_names_are_read_as_the_placeholders():
    # GUIDELINES 4, block 84: a plan pseudonymised with invented first names is read as with placeholders
    text = ("SIP för Elin (9 år)\nNärvarande: Elins mamma Sara, pappa Mikael, kurator Jonas på skolan.\n"
            "Elin säger att hon vill ha en lugn plats på rasten.\n")
    rewritten = normalise(text)
    assert rewritten.text == ("SIP för [BARN] (9 år)\nNärvarande: [BARN]s mamma [VH1], pappa [VH2], kurator [NAMN_1] "
                              "på skolan.\n[BARN] säger att hon vill ha en lugn plats på rasten.\n")
    assert rewritten.span(rewritten.text.index("[VH2]"), rewritten.text.index("[VH2]") + 5)[2] == "Mikael"
    # a text with [BARN] keeps its names as they are
    assert normalise("SIP för [BARN]. Kurator Jonas ringer.").text == "SIP för [BARN]. Kurator Jonas ringer."


def test_an_unlisted_name_found_once_is_the_name_everywhere_and_a_nickname_the_same_person():
    # "Daras SIP" shows the name; "Dara" elsewhere is the same person, and "Mateusz ("Mati")" is one person
    text = "Jag är samordnare för Daras SIP.\n\nDara är 12 år. Dara vill ha lugn.\n"
    assert normalise(text).text == "Jag är samordnare för [BARN]s SIP.\n\n[BARN] är 12 år. [BARN] vill ha lugn.\n"
    text = 'Gäller: Alexander ("Alex"), 17 år\nAlex säger att han vill vara med på lektionerna.\n'
    assert normalise(text).text == 'Gäller: [BARN] ("[BARN]"), 17 år\n[BARN] säger att han vill vara med på lektionerna.\n'
