"""train/ocr_damage.py: the damage it does to a plan's words, seeded and leaving placeholders alone."""

from __future__ import annotations

import random

import pytest
from conftest import train_script


@pytest.fixture(scope="module")
def ocr():
    return train_script("ocr_damage")


@pytest.mark.parametrize("kind, word, damaged", [
    ("m_as_rn", "mamma", "rnamma"),
    ("l_as_1", "skolan", "sko1an"),
    ("no_diacritics", "uppföljning", "uppfoljning"),
    ("hyphenated", "uppföljning", "uppfö-\nljning"),
    ("split", "uppföljning", "uppfö ljning"),
    ("hyphenated", "BUP", "BUP"),
])
def test_each_kind_of_damage(ocr, kind, word, damaged):
    assert ocr.damage_word(word, kind) == damaged


def test_damage_is_seeded_and_leaves_placeholders_and_spacing(ocr):
    text = "[BARN] och [VH1] träffar samordnaren på mottagningen varje vecka.\nMål: [BARN] ska må bra."
    once = ocr.damage(text, "m_as_rn", 1.0, random.Random(1))
    assert once == ocr.damage(text, "m_as_rn", 1.0, random.Random(1))
    assert once.count("[BARN]") == 2 and "[VH1]" in once and once.count("\n") == 1
    assert "sarnordnaren" in once and ocr.damage(text, "m_as_rn", 0.0, random.Random(1)) == text
