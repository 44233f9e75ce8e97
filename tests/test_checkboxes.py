"""Checkbox forms and content controls: empty boxes and template placeholders claim nothing (GUIDELINES 4,
block 83), at the same offsets."""

from __future__ import annotations

import pytest

from planqa.checkboxes import checkbox_spans, mask_checkboxes
from planqa.readable import readable


def _squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("text, read", [
    ("Tolk: ☐ Ja ☒ Nej", "Tolk: ☒ Nej"),
    ("Samtycke: ☒ Ja ☐ Nej", "Samtycke: ☒ Ja"),
    ("[X] Barnet deltog\n[ ] Barnet tillfrågades inför mötet", "[X] Barnet deltog"),
    ("□ Barnet tillfrågades\n■ Samtycke finns", "■ Samtycke finns"),
    ("Typ av möte: ☒ Första SIP ☐ Uppföljning ☐ Avslut", "Typ av möte: ☒ Första SIP"),
    ("X Barnet har deltagit", "X Barnet har deltagit"),
    ("[x] Tolk behövs", "[x] Tolk behövs"),
])
def test_an_empty_box_and_its_option_are_blanked_a_ticked_one_stays(text, read):
    masked = mask_checkboxes(text)
    assert len(masked) == len(text)
    assert _squeezed(masked) == read


@pytest.mark.parametrize("text", ["Samtycke till SIP: ☐ Ja ☐ Nej", "Samtycke till SIP: ☒ Ja ☒ Nej",
                                  "Samtycke till SIP: [X] Ja [x] nej"])
def test_a_yes_no_pair_with_both_or_neither_ticked_shows_nothing(text):
    assert _squeezed(mask_checkboxes(text)) == "Samtycke till SIP:"


def test_boxes_after_their_options_blank_the_words_before_an_empty_box():
    text = "Närvarande: [VH1] ☒  [VH2] ☐  [NAMN_1], kurator ☒\nBarnet närvarande: ☐"
    assert _squeezed(mask_checkboxes(text)) == "Närvarande: [VH1] ☒ [NAMN_1], kurator ☒"


@pytest.mark.parametrize("placeholder", ["Klicka eller tryck här för att ange text.", "Klicka här för att ange text.",
                                         "Välj ett objekt.", "Klicka eller tryck här för att ange datum.",
                                         "Klicka här för att ange datum."])
def test_a_content_controls_placeholder_is_an_empty_field(placeholder):
    text = f"Ansvarig: {placeholder}\nDatum: 2026-03-10"
    masked = mask_checkboxes(text)
    assert len(masked) == len(text) and _squeezed(masked) == "Ansvarig: Datum: 2026-03-10"


def test_bracket_placeholders_a_bullet_square_and_a_task_list_are_no_empty_boxes():
    # "[BARN]" and "[NAMN_1]" are the guidelines' placeholders; "■" is a bullet where the plan has no "□"; an open
    # item of a Markdown task list is a task still to do, not a form's unticked option
    text = "■ [BARN] träffar [NAMN_1] varje vecka\n- [ ] Skicka remissen till BUP\nX-länk: ja"
    assert mask_checkboxes(text) == text
    assert checkbox_spans(text) == []


def test_a_wide_gap_ends_the_last_option():
    text = "Samtycke:  ☐ skriftligt  ☐ muntligt   Samtycke finns sedan tidigare."
    assert _squeezed(mask_checkboxes(text)) == "Samtycke: Samtycke finns sedan tidigare."


def test_readable_blanks_empty_boxes_and_keeps_the_length():
    text = "Samordnare: Välj ett objekt.\n☐ Tolk behövs\n☒ Barnet deltog"
    read = readable(text)
    assert len(read) == len(text) and _squeezed(read) == "Samordnare: ☒ Barnet deltog"
