"""Role placeholders: the child becomes [BARN], the guardians [VH1]/[VH2], everybody else [NAMN_n]."""

from __future__ import annotations

import pytest

from planqa.pseudonymise import pseudonymise
from planqa.roles import person_roles


@pytest.mark.parametrize("text", [
    "Barn: Elsa Ek\nElsa vill vara med på rasterna.",
    "SIP för Elsa Ek, 9 år\nElsa vill vara med på rasterna.",
    "Uppföljning SIP – Elsa\nElsa vill vara med på rasterna.",
    "Elev: Elsa Ek (åk 3)\nElsa vill vara med på rasterna.",
    "Jag heter Elsa och går i trean. Jag vill vara med på rasterna.",
])
def test_child_named_in_a_field_or_with_an_age_is_barn(text):
    out = pseudonymise(text).text
    assert out.count("[BARN]") == text.count("Elsa") and "Elsa" not in out


def test_guardians_by_family_word_before_or_after_the_name():
    out = pseudonymise("SIP för Elsa Ek, 9 år.\nDeltagare: Elsa, mamma Karin Ek, Johan Ek (pappa), "
                       "kurator Lena Berg (skolan).\nKarin ringer Lena på fredag.").text
    assert out.startswith("SIP för [BARN], 9 år.")
    assert "Deltagare: [BARN], mamma [VH1], [VH2] (pappa), kurator [NAMN_1] (skolan)." in out
    assert out.endswith("[VH1] ringer [NAMN_1] på fredag.")


def test_a_name_in_a_list_does_not_take_the_next_persons_role():
    # "Elsa, mamma Karin": "mamma" belongs to Karin, not to Elsa
    out = pseudonymise("Närvarande: Elsa, mamma Karin Ek och kurator Lena Berg.").text
    assert "[VH1]" in out and out.count("[VH") == 1 and "[BARN]" not in out


def test_without_evidence_nobody_gets_a_role():
    out = pseudonymise("Lena Berg och Jonas Holm träffades. Lena ringer Jonas.").text
    assert out == "[NAMN_1] och [NAMN_2] träffades. [NAMN_1] ringer [NAMN_2]."


def test_the_person_named_clearly_most_often_is_the_child_unless_an_adult():
    text = "Möte om Noah. Noah har svårt med rasterna. Lena Berg pratar med Noah. Noah vill ha en lugn plats."
    assert pseudonymise(text).text.count("[BARN]") == 4
    adult = "Kurator Lena Berg har samtal. Lena ringer hem. Lena skriver planen. Lena kallar till möte."
    assert "[BARN]" not in pseudonymise(adult).text


def test_placeholders_already_in_the_text_are_not_given_twice():
    out = pseudonymise("Barn: [BARN]\n[NAMN_1], kurator. Mamma: Karin Ek. Lena Berg, BUP.").text
    assert out == "Barn: [BARN]\n[NAMN_1], kurator. Mamma: [VH1]. [NAMN_2], BUP."


def test_person_roles_reads_only_the_mentions_it_is_given():
    text = "Barn: Elsa\nMamma: Karin"
    assert person_roles(text, [(6, 10, 1), (18, 23, 2)]) == {1: "child", 2: "guardian"}
    assert person_roles("[BARN] och " + text, [(17, 21, 1), (29, 34, 2)]) == {2: "guardian"}


def test_the_writer_who_gives_a_role_is_no_child_and_a_tie_after_the_child_is_a_guardian():
    # "Jag heter Maja och är socialsekreterare": an adult, though "jag heter" usually names the child (block 84)
    text = "Jag heter Maja och är socialsekreterare. Dara är 12 år."
    dara = text.index("Dara")
    assert person_roles(text, [(10, 14, 1), (dara, dara + 4, 2)]) == {2: "child"}
    # a date after a guardian's name ("av Nok 2025-03-18") does not outweigh "(mamma)" once the child is known
    text = "Avser: Ploy, 8 år\nNärvarande: Nok (mamma)\nSamtycke av Nok 2025-03-18."
    assert person_roles(text, [(7, 11, 1), (30, 33, 2), (54, 57, 2)]) == {1: "child", 2: "guardian"}


@pytest.mark.parametrize("pair", ["Sara och Mikael (vårdnadshavare)", "Sara och Mikael, föräldrar"])
def test_two_names_joined_before_a_plural_guardian_word_are_both_guardians(pair):
    out = pseudonymise(f"SIP för Elsa Ek, 9 år.\nDeltagare: {pair}, kurator Lena Berg.").text
    assert "[VH1] och [VH2]" in out and "[NAMN_1]" in out and "Sara" not in out


def test_a_singular_guardian_word_after_two_names_is_only_the_second_ones():
    out = pseudonymise("SIP för Elsa Ek, 9 år.\nNärvarande: Sara och Mikael (pappa).").text
    assert "[NAMN_1] och [VH1] (pappa)" in out
