"""Another pseudonymiser's masks read by their place (GUIDELINES 4, block 87): persons as placeholders, a masked date
as a concrete date without an ISO date, a masked organisation as a party."""

from __future__ import annotations

import pytest

from planqa.actors import find_actors, find_units
from planqa.dates import find_dates, find_plan_date, masked_plan_date
from planqa.followup import follow_up_dates
from planqa.markup import has_markup, read_markup
from planqa.masks import has_mask
from planqa.models import Plan
from planqa.placeholders import normalise
from planqa.readable import readable
from planqa.rules import RuleAssessor

MARKS = ("Deltagare: <PERSON>, <ORGANIZATION>, <LOCATION>, <PHONE_NUMBER>, <EMAIL_ADDRESS>, <NRP>.\n"
         "Möte <DATE_TIME> och XXXX-XX-XX. Kontakt: █████, ■■■■, ****, [MASKERAT], [REDACTED].\n")

PLAN = """Texten är maskerad.
SIP för <PERSON>, 9 år
Deltagare: <PERSON> (mamma), <PERSON> (pappa), kurator <PERSON>

Behov: <PERSON> har svårt att komma till skolan på morgnarna.
Mål: <PERSON> ska vara i skolan alla dagar.
Insatser:
- Anpassat schema – <PERSON>, kurator
- Familjebehandling – <ORGANIZATION>
Uppföljning: <DATE_TIME>
"""


def test_the_reading_stages_leave_the_marks_alone():
    assert not has_markup(MARKS)
    assert read_markup(MARKS) == MARKS
    assert readable(MARKS) == MARKS


def test_a_plan_without_marks_needs_no_mask_reading():
    assert not has_mask("SIP för [BARN], 9 år. Mamma [VH1] och kurator [NAMN_1]. Uppföljning 2026-03-04.")
    assert has_mask(MARKS)


def test_each_masked_person_is_read_by_its_own_context():
    text = ("SIP för <PERSON>, 9 år\nDeltagare: <PERSON> (mamma), <PERSON> (pappa), kurator <PERSON>\n"
            "Vårdnadshavare: <PERSON> och <PERSON>\n<PERSON> berättade att <PERSON>s mamma oroar sig.")
    assert normalise(text).text == (
        "SIP för [BARN], 9 år\nDeltagare: [VH1] (mamma), [VH2] (pappa), kurator [NAMN_1]\n"
        "Vårdnadshavare: [VH1] och [VH2]\n[NAMN_2] berättade att [BARN]s mamma oroar sig.")


def test_a_masked_person_without_a_cue_is_the_child_unless_it_speaks_or_does_the_work():
    text = "Mål: <PERSON> ska vara i skolan.\n<PERSON> säger att det går bra.\n- Studieplan – <PERSON>\n<PERSON> kallar."
    assert normalise(text).text == ("Mål: [BARN] ska vara i skolan.\n[NAMN_1] säger att det går bra.\n"
                                    "- Studieplan – [NAMN_2]\n[NAMN_3] kallar.")


def test_a_text_with_its_own_child_keeps_it_and_new_names_follow_its_own():
    assert normalise("SIP för [BARN]. <PERSON> och [NAMN_2] träffas.").text == \
        "SIP för [BARN]. [NAMN_3] och [NAMN_2] träffas."


def test_a_mask_that_hides_anything_is_a_person_only_where_its_context_shows_one():
    text = "Mamma █████ var med. Kurator [MASKERAT] ringer. ████ bor i ■■■■. Möte den █████."
    assert normalise(text).text == "Mamma [VH1] var med. Kurator [NAMN_1] ringer. ████ bor i ■■■■. Möte den █████."


def test_a_drafts_blanks_are_no_masks():
    assert not has_mask("Uppföljning: XX/XX. Ansvarig: ??. Datum: [Ange datum]")
    assert find_dates("Nästa möte: ÅÅÅÅ-MM-DD") == []


def test_offsets_of_masked_persons_map_back_into_the_original():
    text = "SIP för <PERSON>, 9 år. Kurator <PERSON> ringer."
    rewritten = normalise(text)
    assert rewritten.text == "SIP för [BARN], 9 år. Kurator [NAMN_1] ringer."
    assert rewritten.span(8, 14) == (8, 16, "<PERSON>")
    new = rewritten.text.index("[NAMN_1]")
    assert rewritten.span(new, new + 8) == (text.index("<PERSON>", 10), text.index(" ringer"), "<PERSON>")
    assert rewritten.span(0, len(rewritten.text))[2] == text


@pytest.mark.parametrize("text,mask", [("Uppföljning: <DATE_TIME>.", "<DATE_TIME>"),
                                       ("Nästa möte XXXX-XX-XX kl 13", "XXXX-XX-XX kl 13"),
                                       ("Vi ses igen torsdag den █████.", "torsdag den █████")])
def test_a_masked_date_is_a_concrete_date_that_cannot_be_read(text, mask):
    (found,) = find_dates(text)
    assert (found.text, found.iso, found.kind) == (mask, None, "absolute")


def test_a_masked_date_after_efter_is_vague_and_a_bar_without_a_date_word_no_date():
    assert find_dates("Uppföljning efter <DATE_TIME>.")[0].kind == "vague"
    assert find_dates("Ansvarig: █████.") == []


def test_a_masked_organisation_is_a_party_but_no_listed_actor():
    text = "Familjebehandling – <ORGANIZATION>. <ORGANIZATION> kallar."
    assert find_actors(text) == []
    assert find_units(text, []) == [(20, 34, "annan"), (36, 50, "annan")]


def test_a_masked_plan_is_assessed_by_its_masks_places_with_evidence_in_the_original():
    result = RuleAssessor().assess(Plan(id="m", text=PLAN))
    verdicts = {c: r.verdict for c, r in result.criteria.items()}
    assert verdicts["follow_up_date"] == "met"
    assert result.follow_up_dates == []
    assert verdicts["responsibility_per_action"] == "met"
    assert verdicts["needs_described"] != "not_met" and verdicts["goals_present"] != "not_met"
    for r in result.criteria.values():
        for e in r.evidence:
            assert PLAN[e.start:e.end] == e.text
            assert "[BARN]" not in e.text and "[NAMN_" not in e.text


def test_a_masked_speaker_under_a_heading_of_views_is_the_one_it_names():
    text = ("SIP för <PERSON>, 9 år\n\nVårdnadshavarens synpunkter:\n<PERSON> berättade att hon vill vara med. Hon är glad."
            "\n<PERSON> tycker att det går bra.\n\nBarnets röst\n<PERSON> säger att det är bra.\n<PERSON> kallar till möte.")
    assert normalise(text).text == (
        "SIP för [BARN], 9 år\n\nVårdnadshavarens synpunkter:\n[VH1] berättade att hon vill vara med. Hon är glad."
        "\n[VH1] tycker att det går bra.\n\nBarnets röst\n[BARN] säger att det är bra.\n[NAMN_1] kallar till möte.")


def test_a_masked_person_who_acts_on_another_is_an_adult():
    text = "- <PERSON> träffar <PERSON> varje måndag.\n- <PERSON> och <PERSON> kom.\n<PERSON> vill att <PERSON>s mamma kommer."
    assert normalise(text).text == ("- [NAMN_1] träffar [BARN] varje måndag.\n- [BARN] och [BARN] kom.\n"
                                    "[BARN] vill att [BARN]s mamma kommer.")


def test_a_masked_date_where_the_plans_own_date_stands_is_the_meeting_not_the_follow_up():
    text = "Uppföljning av SIP\nDatum: <DATE_TIME>\nDeltagare: [BARN], [VH1]\nNästa uppföljning: <DATE_TIME>\n"
    meeting = masked_plan_date(text)
    assert meeting is not None and meeting.start == text.index("<DATE_TIME>")
    assert find_plan_date(text) is None
    iso, concrete, vague = follow_up_dates(text)
    assert (iso, [m.start for m in concrete], vague) == ([], [text.rindex("<DATE_TIME>")], [])
    assert masked_plan_date("Datum: 2026-03-01\nUppföljning: <DATE_TIME>") is None


def test_an_uncued_subject_mask_is_the_child_where_the_text_hides_persons_with_it():
    text = ("Deltagare\n- ■■■■ (eleven)\n- ■■■■, mentor\n\nMål\n- ■■■■ ska vara i skolan varje dag\n"
            "Elevens synpunkter: ■■■■ har sagt att hon vill vara med.\n"
            "Samtycke: vårdnadshavarna ■■■■ och ■■■■ har samtyckt.")
    assert normalise(text).text == (
        "Deltagare\n- [BARN] (eleven)\n- [NAMN_1], mentor\n\nMål\n- [BARN] ska vara i skolan varje dag\n"
        "Elevens synpunkter: [BARN] har sagt att hon vill vara med.\n"
        "Samtycke: vårdnadshavarna [VH1] och [VH2] har samtyckt.")
    # a text that shows no masked person: the mask at a clause's start stays unread
    assert normalise("Mål\n- ■■■■ ska vara i skolan varje dag").text == "Mål\n- ■■■■ ska vara i skolan varje dag"


def test_a_mask_inside_a_units_or_places_name_or_the_legend_is_no_person():
    text = ("■■■■ = maskerat\nNärvarande: ■■■■ (pappa), ■■■■, rektor, ■■■■skolan\n"
            "Barnet går på förskolan ■■■■ och bor på ■■■■s jour.")
    assert normalise(text).text == ("■■■■ = maskerat\nNärvarande: [VH1] (pappa), [NAMN_1], rektor, ■■■■skolan\n"
                                    "Barnet går på förskolan ■■■■ och bor på ■■■■s jour.")
    assert normalise("Maskerat: <PERSON>, <DATE_TIME>\nSIP för <PERSON>, 9 år").text == \
        "Maskerat: <PERSON>, <DATE_TIME>\nSIP för [BARN], 9 år"


def test_a_masked_person_with_a_title_or_agency_after_it_is_an_adult():
    text = ("Närvarande: <PERSON> (ungdomen), <PERSON> kurator skolan, <PERSON>, ssk BUP, <PERSON> (tolk),\n"
            "<PERSON>, behandlingsass, <ORGANIZATION>, kurator <PERSON>\nSoc (<PERSON>) kallar.")
    assert normalise(text).text == (
        "Närvarande: [BARN] (ungdomen), [NAMN_1] kurator skolan, [NAMN_2], ssk BUP, [NAMN_3] (tolk),\n"
        "[NAMN_4], behandlingsass, <ORGANIZATION>, kurator [NAMN_5]\nSoc ([NAMN_6]) kallar.")


def test_a_masked_person_in_a_table_row_is_read_by_the_next_cell():
    text = "| Namn | Roll |\n|---|---|\n| <PERSON> | mamma |\n| <PERSON> | pappa |\n| <PERSON> | BUP |\n"
    assert normalise(text).text == "| Namn | Roll |\n|---|---|\n| [VH1] | mamma |\n| [VH2] | pappa |\n| [NAMN_1] | BUP |\n"
