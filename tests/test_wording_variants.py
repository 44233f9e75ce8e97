"""train/wording_variants.py: each rewrite keeps what the plan says and only touches its own pattern."""

from __future__ import annotations

import random

import pytest
from conftest import train_script


@pytest.fixture(scope="module")
def wv():
    return train_script("wording_variants")


def test_headings_change_labels_only_and_keep_case(wv):
    text = "## MÅL\n[BARN] ska gå i skolan. Mål: att må bra.\nInsatser:\n- Samtal – kurator\nNärvarande: [VH1]\n"
    out = wv.headings(text, random.Random(3))
    lines = out.split("\n")
    assert lines[0].startswith("## ") and lines[0][3:].isupper() and lines[0] != "## MÅL"
    assert lines[1] == "[BARN] ska gå i skolan. Mål: att må bra."  # "Mål:" mid-line is no label
    assert lines[2] != "Insatser:" and lines[2].endswith(":") and lines[4] != "Närvarande: [VH1]"
    assert out == wv.headings(text, random.Random(3))


def test_bullets_restyle_flat_lists_and_leave_nested_outlines(wv):
    flat = "Insatser\n- Samtal – kurator\n- Schema – mentor\n"
    assert wv.bullets(flat, random.Random(1)).split("\n")[1:3] != ["- Samtal – kurator", "- Schema – mentor"]
    assert "Samtal – kurator" in wv.bullets(flat, random.Random(1))
    nested = "7. Mål\n1. [BARN] ska sova.\n2. [BARN] ska äta.\n"  # a numbered heading over its own items
    assert wv.bullets(nested, random.Random(1)) == nested


def test_dates_keep_the_day_and_leave_weeks(wv):
    text = "Datum: 2025-03-14\nUppföljning den 2 april 2025, v. 20 och om två veckor.\n"
    out = wv.dates(text, random.Random(2))
    assert "v. 20" in out and "om två veckor" in out and out != text
    assert all(day in out for day in ("14", "2")) and "den den" not in out
    assert wv._render_date(2025, 3, 14, "den_words", False) == "den 14:e mars 2025"
    assert wv._render_date(2025, 3, 14, "slash", False) == "14/3 2025"


def test_agencies_keep_the_genitive_and_leave_soc_sekr(wv):
    text = "BUP:s utredning. Socialtjänsten kallar. Soc.sekr [NAMN_1] ringer skolan."
    out = wv.agencies(text, random.Random(0))
    assert "barn- och ungdomspsykiatrins utredning" in out.lower() and "Soc.sekr" in out and "Skolan" in out


def test_section_order_moves_follow_up_before_goals(wv):
    text = ("SIP\n\n## Mål\n[BARN] ska sova.\n\n## Insatser\n- Samtal – kurator\n\n## Uppföljning\n"
            "Den 3 maj 2025.\n\n## Samtycke\nFinns.\n")
    out = wv.section_order(text, random.Random(0))
    assert out.index("## Uppföljning") < out.index("## Mål") < out.index("## Samtycke")
    assert sorted(out.split("\n")) == sorted(text.split("\n"))


def test_bullets_leave_numbered_sections_over_their_sub_numbered_items(wv):
    # "5. Mål" over "   5.1 ..." is an outline: restyling "1."-"5." would make the heading a bullet
    text = "1. Deltagare: [VH1]\n2. Bakgrund: flytt.\n3. Mål\n   3.1 [BARN] ska sova.\n4. Samtycke: finns.\n"
    assert wv.bullets(text, random.Random(0)) == text


def test_agencies_do_not_capitalise_after_an_abbreviation(wv):
    # "Enl. soc är ..." goes on one sentence: the agency's new name stays in lower case after "Enl."
    out = wv.agencies("Vårdnadshavare: ej kallade. Enl. soc är umgänget begränsat.", random.Random(0))
    assert "Enl. socialtjänsten är" in out
