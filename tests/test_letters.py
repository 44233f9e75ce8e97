"""Damaged å, ä and ö read as the letters they were, at the same offsets; an ordinary plan never changes."""

from __future__ import annotations

import pytest
from conftest import train_script

from planqa.letters import back, damaged, letters_offsets, mojibake_offsets, read_mojibake, restore_letters
from planqa.models import Plan
from planqa.readable import readable
from planqa.rules import RuleAssessor

ORDINARY = """SIP för [BARN], 9 år. Datum: 2026-02-03.
Målet är att [BARN] ska gå i skolan varje dag. [VH1] har ansvar för att följa upp.
Övrigt: Socialtjänsten kallar till uppföljning. Sa hon något? Vad gör vi då?
"""


@pytest.mark.parametrize("char", ["å", "ä", "ö", "Å", "Ä", "Ö", "é", "ü", "–", "—", "’", "”", "•", "☒", "─", "→", "🎯"])
def test_any_character_read_a_byte_a_character_is_decoded(char):
    for codec in ("cp1252", "latin-1"):
        misread = "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in char.encode("utf-8"))
        assert read_mojibake(f"x{misread}y z").split() == [f"x{char}y", "z"]


@pytest.mark.parametrize("text, read", [
    ("MÃ¥let Ã¤r att [BARN] gÃ¥r i fÃ¶rskolan.\nNästa", "Målet är att [BARN] går i förskolan.    \nNästa"),
    ("Ã–vrigt â€“ inget", "Övrigt – inget   "),
    ("VÃ¥rdnadshavare:Â\u00a0[VH1]", "Vårdnadshavare: [VH1]  "),
    ("VÃ¥rdnadshavare:Â [VH1]", "Vårdnadshavare:  [VH1] "),
    ("ï»¿SIP fÃ¶r [BARN]", " SIP för [BARN]   "),
])
def test_mojibake_is_decoded_and_padded(text, read):
    assert read_mojibake(text) == read
    assert len(read) == len(text)


def test_mojibake_offsets_map_back():
    text = "Ansvar: fÃ¶rskolan och BUP\nNästa rad"
    offsets = mojibake_offsets(text)
    read = read_mojibake(text)
    for word in ("förskolan", "BUP", "Nästa"):
        start, end = back(read.index(word), read.index(word) + len(word), offsets)
        assert text[start:end] == {"förskolan": "fÃ¶rskolan"}.get(word, word)
    assert mojibake_offsets("Ansvar: förskolan") is None


@pytest.mark.parametrize("text, read", [
    ("Malet ar att [BARN] ska ga i skolan varje dag. Socialtjansten kallar till uppfoljning.",
     "Målet är att [BARN] ska gå i skolan varje dag. Socialtjänsten kallar till uppföljning."),
    ("VARDNADSHAVARE: [VH1] har ansvar for att [BARN] kommer till forskolan pa morgonen.",
     "VÅRDNADSHAVARE: [VH1] har ansvar för att [BARN] kommer till förskolan på morgonen."),
])
def test_stripped_letters_are_written_back(text, read):
    assert restore_letters(text) == read


def test_spelt_out_letters_are_written_back_and_the_line_padded():
    text = "Maalet aer att [BARN] ska gaa i foerskolan, foer det aer viktigt.\nNaesta rad"
    read = restore_letters(text)
    assert read.startswith("Målet är att [BARN] ska gå i förskolan, för det är viktigt. ")
    assert len(read) == len(text) and read.index("\n") == text.index("\n")
    offsets = letters_offsets(text)
    start, end = back(read.index("förskolan,"), read.index("förskolan,") + 10, offsets)
    assert text[start:end] == "foerskolan,"


@pytest.mark.parametrize("text, read", [
    ("M?let ?r att [BARN] ska g? i f?rskolan.\n?vrigt: inget. Vad h?nder nu?",
     "Målet är att [BARN] ska gå i förskolan.\nÖvrigt: inget. Vad händer nu?"),
    ("M\ufffdlet \ufffd\ufffdr att [BARN] ska g\ufffd i skolan.", "Målet är att [BARN] ska gå i skolan. "),
])
def test_marks_for_letters_are_read_as_letters(text, read):
    assert restore_letters(text) == read


def test_a_question_mark_ends_a_question_in_a_plan_without_marks_in_words():
    text = "Hur går det? Vill du? Kan vi ses?"
    assert restore_letters(text) == text


def test_ordinary_plan_never_changes():
    assert read_mojibake(ORDINARY) is ORDINARY
    assert restore_letters(ORDINARY) is ORDINARY
    assert readable(ORDINARY) == ORDINARY


def test_a_folded_form_that_is_the_commoner_word_stays():
    text = "Malet ar att [BARN] har en plats i forskolan och att [VH1] har stod fran skolan."
    read = restore_letters(text)
    assert " har en plats" in read and "[VH1] har stöd från" in read


STRIPPED_PLAN = """SIP for [BARN], 9 ar. Datum: 2026-02-03.
Mal: Malet ar att [BARN] ska ga till skolan varje dag.
Insats: Skolan ordnar en trygg vuxen pa morgonen. Ansvarig: mentor [NAMN_1], skolan.
Uppfoljning: 2026-05-12. Socialtjansten kallar till motet.
"""


def test_rules_read_a_stripped_plan_as_the_plan_with_its_letters():
    assessor = RuleAssessor()
    stripped = assessor.assess(Plan(id="x", text=STRIPPED_PLAN))
    lettered = assessor.assess(Plan(id="x", text=restore_letters(STRIPPED_PLAN)))
    assert {c: r.verdict for c, r in stripped.criteria.items()} == {
        c: r.verdict for c, r in lettered.criteria.items()}
    assert stripped.criteria["goals_present"].verdict != "not_met"
    for criterion in stripped.criteria.values():
        for span in criterion.evidence:
            assert span.text == STRIPPED_PLAN[span.start:span.end]


def test_evidence_in_a_mojibake_plan_points_into_the_plan_as_given():
    text = STRIPPED_PLAN.replace("Malet ar", "MÃ¥let Ã¤r").replace("Socialtjansten", "SocialtjÃ¤nsten")
    result = RuleAssessor().assess(Plan(id="x", text=text))
    spans = [span for c in result.criteria.values() for span in c.evidence]
    assert spans and all(span.text == text[span.start:span.end] for span in spans)


def test_an_age_in_words_without_its_ring_is_read():
    plan = "SIP för [BARN]. Datum: 2026-02-03.\n[BARN] är tva år och går på förskolan. [VH1] är med på mötet."
    RuleAssessor().assess(Plan(id="x", text=plan))  # "tva" matched the age pattern and failed as a number


def test_an_ambiguous_folded_word_is_read_in_its_company():
    text = "[BARN] ar 9 ar och gar i forskolan. Malet ar att [BARN] ska ga dit varje dag."
    assert restore_letters(text) == "[BARN] är 9 år och går i förskolan. Målet är att [BARN] ska gå dit varje dag."


@pytest.mark.parametrize("text, read", [
    ("Elev: [BARN]     ?lder: 9 ?r\nUPPF?LJNING: 2026-05-12", "Elev: [BARN]     Ålder: 9 år\nUPPFÖLJNING: 2026-05-12"),
    ("det b?sta m?tet. N?sta m?te: [BARN] f?r v?lja tid.", "det bästa mötet. Nästa möte: [BARN] får välja tid."),
])
def test_marked_words_are_cased_and_read_in_their_company(text, read):
    assert restore_letters(text) == read


def test_a_plan_with_marks_for_its_letters_keeps_its_other_words():
    text = "[BARN] sa att det ?r bra. M?let ?r att [BARN] ska g? i skolan. Vi ses p? m?tet."
    assert restore_letters(text) == "[BARN] sa att det är bra. Målet är att [BARN] ska gå i skolan. Vi ses på mötet."


def test_evidence_in_a_spelt_out_plan_points_into_the_plan_as_given():
    text = (STRIPPED_PLAN.replace("Mal:", "Maal:").replace("Malet ar", "Maalet aer").replace(" pa ", " paa ")
            .replace("Uppfoljning", "Uppfoeljning").replace("motet", "moetet"))
    result = RuleAssessor().assess(Plan(id="x", text=text))
    spans = [span for c in result.criteria.values() for span in c.evidence]
    assert result.criteria["goals_present"].verdict != "not_met"
    assert spans and all(span.text == text[span.start:span.end] for span in spans)
    assert any("Maalet" in span.text for span in spans)


def test_the_lexicon_builder_leaves_out_a_text_with_damaged_letters():
    builder = train_script("letters_lexicon")
    whole = "Målet är att [BARN] ska gå i förskolan varje dag. Uppföljning på mötet i maj."
    stripped = "Malet ar att [BARN] ska ga i forskolan varje dag. Uppfoljning pa motet i maj."
    mojibake = "MÃ¥let Ã¤r att [BARN] ska gÃ¥ i fÃ¶rskolan."
    assert damaged(stripped) and damaged(mojibake) and not damaged(whole)
    assert builder.undamaged([whole, stripped, mojibake]) == [whole]
