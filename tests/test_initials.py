from __future__ import annotations

from planqa.actors import find_actors, find_roles
from planqa.initials import agency_slash_spaced, codes, explained_codes, unexplained_only
from planqa.models import Plan
from planqa.rules import RuleAssessor


def _explained(text: str) -> frozenset[str]:
    return explained_codes(text, codes(text), find_actors(text) + find_roles(text))


def test_codes_skip_agencies_known_abbreviations_compounds_and_capital_lines():
    text = "Närv: AK, BUP, IFO, SIP enligt LVU, TF-KBT, [NAMN_1]\nMÅL OCH INSATSER\nAnsv: JH/RR"
    assert [c for _, _, c in codes(text)] == ["AK", "JH", "RR"]


def test_a_participant_list_explains_initials_by_role_or_agency():
    text = ("Närvarande: AK = [NAMN_2], kurator, skolan; HB psykolog BUP, KL (LSS-handläggare), EK/soc, "
            "NÖ från BVC, GE, VA\nIN – [NAMN_1], BVC-sjuksköterska\nÅtg: MS, TY")
    assert _explained(text) == {"AK", "HB", "KL", "EK", "NÖ", "IN"}


def test_an_explanation_stays_on_the_codes_line():
    assert _explained("- Sömnbedömning. Ansv: MS\n\nSamordningsansvarig: BUP") == frozenset()


def test_a_value_of_unexplained_initials_names_nobody():
    assert unexplained_only("JH/RR", frozenset())
    assert unexplained_only(" PL o MS.", frozenset())
    assert not unexplained_only("JH/RR", frozenset({"RR"}))
    assert not unexplained_only("BUP", frozenset())
    assert not unexplained_only("JH, skolan", frozenset())


def test_the_slash_between_initials_and_their_agency_joins_nobody():
    assert agency_slash_spaced("Samordning: YM/soc") == "Samordning: YM soc"
    assert agency_slash_spaced("Samordning: soc/BUP") == "Samordning: soc/BUP"
    assert agency_slash_spaced("Ansv: JH/RR") == "Ansv: JH/RR"


def test_initials_that_agree_are_an_adult_not_the_childs_voice():
    plan = ("Minnesanteckningar SIP 3/3 2026\nNärvarande: [VH1], PO, KL (förskolan)\n\n"
            "[BARN] är sju månader och var inte med. KL berättade att [BARN] sover dåligt. "
            "PO tog upp att familjen behöver avlastning. PO höll med om att vi ses igen.\n\n"
            "Mål: [BARN] sover hela natten fem nätter i veckan till sommaren.\n")
    voice = RuleAssessor().assess(Plan(id="x", text=plan)).criteria["child_voice"]
    assert voice.verdict == "not_met", voice.evidence
