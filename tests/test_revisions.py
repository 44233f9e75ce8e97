"""Tracked changes and comments: the plan is the text left after the changes, at the same offsets."""

from __future__ import annotations

import pytest

from planqa.assess import assess
from planqa.models import Plan
from planqa.revisions import mask_revisions
from planqa.rules import RuleAssessor, assess_rules, build_context


def _squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("text, kept", [
    ("Nästa möte [Borttaget: v. 48] bokas senare.", "Nästa möte bokas senare."),
    ("Ansvarig: [Raderat: skolan][Tillagt: BUP]", "Ansvarig: BUP"),
    ("Ansvarig: ~~socialtjänsten~~ ++BUP, kurator++", "Ansvarig: BUP, kurator"),
    ("Mål: [Infogat av [NAMN_3] 22/10: [BARN] ska gå till skolan varje dag.]",
     "Mål: [BARN] ska gå till skolan varje dag."),
    ("Uppföljning v. 10 [Kommentar [NAMN_2]: Vem kallar? 4/3?] gäller.", "Uppföljning v. 10 gäller."),
    ("~~Uppföljning sker\nvid behov.~~\nKlart.", "Klart."),
    ("Ansvarig: [Deleted: skolan][Inserted: BUP]", "Ansvarig: BUP"),
    ("Nästa möte v. 12.\nKommenterad [AB1]: Vem kallar?\nBorttaget: v. 10\nFormaterat: Teckensnitt: 11 pt",
     "Nästa möte v. 12."),
    ("Mål: [BARN] ska läsa själv.\nCommented [NS2]: OK?\nDeleted: senast v. 20", "Mål: [BARN] ska läsa själv."),
])
def test_struck_text_comments_and_marks_become_spaces(text, kept):
    masked = mask_revisions(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert _squeezed(masked) == kept


def test_a_comment_list_at_the_end_goes_with_its_heading():
    text = "Insatser: BUP träffar [BARN].\n\nKommentarer\nK1 [NAMN_1]: Ska det stå v. 14?\n[K2] [NAMN_2]: Ja."
    assert _squeezed(mask_revisions(text)) == "Insatser: BUP träffar [BARN]."


@pytest.mark.parametrize("text", [
    "Kommentarer\n[NAMN_4] berättade att närvaron har ökat.",  # a heading with the plan's own text under it
    "SIP för [BARN]. [VH1] och [NAMN_2] deltog. Betyg i C++ och matte.",
    "Bakgrund [se bilaga 1]. Mål: [BARN] ska sova hela natten.",
    "Insatser som avslutats: Borttaget ur planen är stödsamtalen.",  # the word inside a sentence, not a balloon
])
def test_text_without_change_marks_is_left_alone(text):
    assert mask_revisions(text) == text


PLAN = """SIP för [BARN], 11 år. Datum: 2026-01-28.
Deltagare: [VH1] (mamma), [NAMN_1] kurator BUP.
Samordningsansvarig: [NAMN_1], BUP.
Insats: BUP har samtal med [BARN] varannan vecka. Ansvarig: BUP.
Uppföljning: {follow_up}
"""


def test_a_struck_follow_up_date_is_no_date_and_an_inserted_one_is():
    struck = PLAN.format(follow_up="[Borttaget: 2026-03-24] [Kommentar [NAMN_2]: Nytt datum kommer.]")
    inserted = PLAN.format(follow_up="~~2026-03-24~~ ++2026-04-14++, [NAMN_1] kallar.")
    assert assess_rules(build_context(struck))["follow_up_date"].verdict == "not_met"
    ctx = build_context(inserted)
    assert ctx.follow_up_iso == ["2026-04-14"]
    assert assess_rules(ctx)["follow_up_date"].verdict == "met"


def test_evidence_points_into_the_text_as_given():
    text = PLAN.format(follow_up="~~2026-03-24~~ ++2026-04-14++, [NAMN_1] kallar.")
    result = RuleAssessor().assess(Plan(id="p", text=text))
    evidence = result.criteria["follow_up_date"].evidence
    assert evidence and all(text[e.start:e.end] == e.text for e in evidence)
    assert any("2026-04-14" in e.text for e in evidence)


def test_evidence_over_struck_text_shows_the_text_as_given():
    text = PLAN.replace("Ansvarig: BUP.", "Ansvarig: ~~skolan~~ ++BUP++.").format(follow_up="2026-04-14.")
    result = RuleAssessor().assess(Plan(id="p", text=text))
    spans = [e for c in result.criteria.values() for e in c.evidence] + list(result.entities)
    assert spans and all(text[e.start:e.end] == e.text for e in spans)
    assert any("~~skolan~~" in e.text for e in spans)


def test_the_assessment_says_that_changes_were_left_out():
    marked = assess(Plan(id="p", text=PLAN.format(follow_up="~~2026-03-24~~ ++2026-04-14++")), RuleAssessor())
    clean = assess(Plan(id="p", text=PLAN.format(follow_up="2026-04-14")), RuleAssessor())
    assert any("spårade ändringar" in w for w in marked.warnings)
    assert not any("spårade ändringar" in w for w in clean.warnings)
