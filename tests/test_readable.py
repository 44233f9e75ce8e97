"""The text the assessors read (planqa.readable): pasted text's other spaces and line ends, at the same offsets."""

from __future__ import annotations

from planqa.models import Plan
from planqa.readable import invisible_words, plain_spaces, readable, visible
from planqa.rules import RuleAssessor

PLAN = ("SIP för [BARN]\n"
        "Kallad av: [NAMN_1], BVC-sköterska\n"
        "[BARN] var med på mötet hela tiden och ritade.\n"
        "Mål: [BARN] ska gå i skolan minst fyra dagar i veckan till v. 12.\n"
        "Skolan ger extra anpassningar. BUP ger samtal varannan vecka.\n"
        "[BARN] säger: ”Jag vill ha lugnare raster.”\n"
        "Uppföljning den 14 mars 2026.\n")


def test_other_spaces_and_line_ends_become_plain_at_the_same_offsets():
    text = "\ufeffMål:\u00a0[BARN]\u202fska\u2009läsa\r\nUppföljning\rv.\u00a012"
    plain = plain_spaces(text)
    assert plain == " Mål: [BARN] ska läsa \nUppföljning\nv. 12"
    assert len(plain) == len(text) and len(readable(text)) == len(text)
    assert plain_spaces(PLAN) is PLAN or plain_spaces(PLAN) == PLAN


def test_a_plan_pasted_with_no_break_spaces_and_windows_line_ends_gets_the_same_verdicts():
    pasted = PLAN.replace(" ", "\u00a0").replace("\n", "\r\n")
    assessor = RuleAssessor()
    clean, messy = assessor.assess(Plan(id="a", text=PLAN)), assessor.assess(Plan(id="b", text=pasted))
    assert {c: r.verdict for c, r in messy.criteria.items()} == {c: r.verdict for c, r in clean.criteria.items()}
    date, clean_date = messy.criteria["follow_up_date"].evidence[0], clean.criteria["follow_up_date"].evidence[0]
    assert "14 mars 2026" in clean_date.text
    assert date.text == pasted[date.start:date.end] and date.text.replace("\u00a0", " ") == clean_date.text


def test_entities_of_a_pasted_plan_are_found_as_in_the_clean_one_and_read_as_given():
    from planqa.assess import load_assessor

    pasted = PLAN.replace(" ", "\u00a0")
    assessor = load_assessor()
    clean, messy = assessor.assess(Plan(id="a", text=PLAN)), assessor.assess(Plan(id="b", text=pasted))
    assert [(e.label, e.start, e.end) for e in messy.entities] == [(e.label, e.start, e.end) for e in clean.entities]
    assert all(e.text == pasted[e.start:e.end] for e in messy.entities)


def test_invisible_characters_move_out_of_the_word_as_spaces_after_it():
    text = "Upp\u00adfölj\u00adning den 4/3.\u200b Skolan ansvarar."
    assert visible(text) == "Uppföljning   den 4/3.  Skolan ansvarar."
    assert len(readable(text)) == len(text)
    assert invisible_words(text) == [(0, 13, 11), (18, 23, 22)]


def test_text_without_invisible_characters_comes_back_as_it_is():
    text = "Uppföljning\u00a0den 4/3. Skolan ansvarar."
    assert visible(text) == "Uppföljning den 4/3. Skolan ansvarar."
    assert invisible_words(text) == []
    for ch in "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060":
        assert invisible_words(f"Sko{ch}lan") == [(0, 7, 6)]


def test_a_plan_with_soft_hyphens_and_zero_width_spaces_gets_the_same_verdicts_and_whole_words_as_evidence():
    pasted = (PLAN.replace("Uppföljning", "Upp\u00adföljning").replace("skolan", "sko\u00adlan")
              .replace("mötet", "mötet\u200b").replace("samtal", "sam\u00adtal"))
    assessor = RuleAssessor()
    clean, messy = assessor.assess(Plan(id="a", text=PLAN)), assessor.assess(Plan(id="b", text=pasted))
    assert {c: r.verdict for c, r in messy.criteria.items()} == {c: r.verdict for c, r in clean.criteria.items()}
    for result, text in ((messy, pasted), (clean, PLAN)):
        assert all(e.text == text[e.start:e.end] for r in result.criteria.values() for e in r.evidence)
    ends = {e.text.replace("\u00ad", "").replace("\u200b", "") for r in messy.criteria.values() for e in r.evidence}
    assert ends == {e.text for r in clean.criteria.values() for e in r.evidence}
