"""Words in capitals read as ordinary text (planqa.capitals; GUIDELINES 4, block 92)."""

from __future__ import annotations

import pytest

from planqa.capitals import lower_capitals
from planqa.models import Plan
from planqa.readable import readable
from planqa.rules import RuleAssessor


def _lowered(text: str) -> str:
    result = lower_capitals(text)
    assert len(result) == len(text)
    return result


def test_ordinary_text_is_left_as_it_is() -> None:
    text = "Mål\n[BARN] ska gå i skolan. BUP och BVC kallar till SIP v. 12. Barnet har ADHD. Ansv: AK, KL/soc."
    assert lower_capitals(text) is text


def test_a_sentence_in_capitals_keeps_its_first_capital() -> None:
    assert _lowered("[BARN] SKA GÅ I SKOLAN VARJE DAG. SKOLAN ANSVARAR.") == \
        "[BARN] ska gå i skolan varje dag. Skolan ansvarar."


def test_a_label_and_its_value_read_as_a_field() -> None:
    assert _lowered("ANSVARIG: SKOLAN\nUPPFÖLJNING: 12/3 KL 13") == "Ansvarig: Skolan\nUppföljning: 12/3 kl 13"


def test_a_word_in_capitals_within_a_sentence() -> None:
    assert _lowered("SKOLAN ansvarar för anpassningar. Nästa möte: 12/3 KL 13, vi ska INTE vänta.") == \
        "Skolan ansvarar för anpassningar. Nästa möte: 12/3 kl 13, vi ska inte vänta."


@pytest.mark.parametrize("text, expected", [
    ("SOCIALTJÄNSTEN KALLAR TILL UPPFÖLJNING V. 12 OCH BUP OCH BVC DELTAR",
     "Socialtjänsten kallar till uppföljning v. 12 och BUP och BVC deltar"),
    ("[BARN]S MAMMA SÄGER ATT BUP:S MOTTAGNING OCH SIP-MÖTET ÄR BRA",
     "[BARN]s mamma säger att BUP:s mottagning och SIP-mötet är bra"),
    ("[NAMN_1] (AK) RINGER. ANSV: AK", "[NAMN_1] (AK) ringer. Ansv: AK"),
    ("NÄRVARANDE: [VH1], IN, CG\nIN – [NAMN_1], BVC", "Närvarande: [VH1], IN, CG\nIN – [NAMN_1], BVC"),
    ("DELTAGARE: [VH1] OCH [VH2]\n[BARN]:S SYN", "Deltagare: [VH1] och [VH2]\n[BARN]:s syn"),
    ("[BARN], 10 ÅR, GÅR I ÅK 4, T.EX. PÅ FRITIDS", "[BARN], 10 år, går i åk 4, t.ex. på fritids"),
    ("UPPFÖLJNING XXXX-XX-XX, <PERSON> KALLAR", "Uppföljning XXXX-XX-XX, <PERSON> kallar"),
    ("ELIN SÄGER ATT HON VILL BO KVAR I MALMÖ", "Elin säger att hon vill bo kvar i Malmö"),
])
def test_abbreviations_codes_placeholders_and_names_keep_their_capitals(text: str, expected: str) -> None:
    assert _lowered(text) == expected


def test_a_table_row_and_a_list_item_start_with_a_capital() -> None:
    assert _lowered("| SAMTAL MED KURATOR | SKOLAN | VARJE VECKA |\n- BVC KALLAR TILL MÖTE") == \
        "| Samtal med kurator | Skolan | Varje vecka |\n- BVC kallar till möte"


def test_a_heading_in_capitals_stays_a_heading_in_an_ordinary_plan() -> None:
    text = "DET HÄR SKA DE VUXNA GÖRA FÖR MIG\nSkolan ger [BARN] en lugn plats.\nMÅL\n[BARN] ska sova bättre."
    assert lower_capitals(text) == text


def test_in_a_plan_in_capitals_a_short_line_followed_by_capitals_is_no_heading() -> None:
    text = "MÅL\n[BARN] SKA SOVA BÄTTRE\nINSATSER\nSAMTAL MED KURATOR VARJE VECKA\nSKOLAN GER EN LUGN PLATS\n"
    assert _lowered(text) == \
        "Mål\n[BARN] ska sova bättre\nInsatser\nSamtal med kurator varje vecka\nSkolan ger en lugn plats\n"


def test_readable_lowers_capitals_after_putting_back_lost_line_breaks() -> None:
    flat = ("SAMORDNAD INDIVIDUELL PLAN FÖR [BARN] BEHOV [BARN] har svårt med skolan och sover dåligt på nätterna "
            "sedan i höstas. " + "MÅL [BARN] ska gå i skolan varje dag och sova bättre. " * 12)
    text = readable(flat)
    assert len(text) == len(flat) and "\nMÅL\n" in text and text.startswith("Samordnad individuell plan för")


def test_a_plan_in_capitals_that_lost_its_line_breaks_keeps_its_sentences() -> None:
    flat = ("SKOLAN KALLAR TILL MÖTE V. 12 OM SAMORDNAD INDIVIDUELL PLAN FÖR [BARN]. BEHOV [BARN] HAR SVÅRT MED "
            "SKOLAN OCH SOVER DÅLIGT. " + "MÅL [BARN] SKA GÅ I SKOLAN VARJE DAG OCH SOVA BÄTTRE. " * 12)
    text = readable(flat)
    assert text.startswith("Skolan kallar till möte v. 12 om samordnad individuell plan för [BARN].\nBehov\n")
    assert "\nMål\n[BARN] ska gå i skolan" in text


ORDINARY = """SIP för [BARN], 6 år

Med på mötet: pappa [VH1], [NAMN_1] (kurator, skolan), [NAMN_2] (psykolog, BUP).
[BARN] har svårt att komma till ro på kvällarna och är trött i skolan.
Mål: [BARN] somnar före kl. 21 minst fyra kvällar i veckan.
Det här gör vi:
1. Lugn kvällsrutin med bildschema – pappa
2. Vilostund efter lunch i skolan – [NAMN_1]
3. Samtal om sömn varannan vecka – [NAMN_2]
Nästa möte 14 april, [NAMN_1] kallar.
"""
PLAN = ORDINARY.upper()


def test_a_plan_in_capitals_is_assessed_as_the_same_plan_in_ordinary_case() -> None:
    assessor = RuleAssessor()
    caps = assessor.assess(Plan(id="caps", text=PLAN))
    lower = assessor.assess(Plan(id="lower", text=ORDINARY))
    assert {c: r.verdict for c, r in caps.criteria.items()} == {c: r.verdict for c, r in lower.criteria.items()}
    assert caps.criteria["responsibility_per_action"].verdict == "met"  # "– PAPPA" names who does it
    for result in caps.criteria.values():
        for span in result.evidence:
            assert span.text == PLAN[span.start:span.end]


def test_a_lower_case_letter_read_back_inside_capitals_is_lowered_with_its_word() -> None:
    # an upper-cased export's mojibake ("FRÃ¥N") is read back with its å in lower case
    assert lower_capitals("MÖTE FRåN SKOLAN: [NAMN_1] KOMMER.") == "Möte från skolan: [NAMN_1] kommer."
    assert readable("BARNETS MÅL FRÃ¥N SAMTAL: SKOLAN KALLAR.").startswith("Barnets mål från samtal: Skolan kallar.")
