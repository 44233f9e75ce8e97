"""Ordinary typing mistakes read as the words meant (`planqa.spelling`, GUIDELINES 4, block 90)."""

from __future__ import annotations

import pytest

from planqa.models import Plan
from planqa.rules import RuleAssessor
from planqa.spelling import mend


@pytest.mark.parametrize(("text", "meant"), [
    ("Uppföjning 12/3, soc kallar.", "Uppföljning 12/3, soc kallar."),
    ("Vi träffar vårdnadshavre varje vecka.", "Vi träffar vårdnadshavare varje vecka."),
    ("Mötet hålls hos socialtjänstne i mars.", "Mötet hålls hos socialtjänsten i mars."),
    ("Hon går till skolna varje dag.", "Hon går till skolan varje dag."),
    ("Hans måål är att läsa mer.", "Hans mål är att läsa mer."),
    ("Mentron ringer hem varje fredag.", "Mentorn ringer hem varje fredag."),
    ("Vi bokar upp följning i maj.", "Vi bokar uppföljning i maj."),
    ("Kontakt med elev hälsan sker.", "Kontakt med elevhälsan sker."),
    ("Vi ses på nästamöte i maj.", "Vi ses på nästa möte i maj."),
    ("Sedan skolankallar alla.", "Sedan skolan kallar alla."),
    ("Vi ses på mötet.Skolan bjuder in.", "Vi ses på mötet. Skolan bjuder in."),
    ("[BARN] och [VH1],[VH2] deltog.", "[BARN] och [VH1], [VH2] deltog."),
    ("Vi ser till att att [BARN] får stöd.", "Vi ser till att [BARN] får stöd."),
    ("UPPFÖJNING:\nVi ses v. 14.", "UPPFÖLJNING:\nVi ses v. 14."),  # a heading in capitals
])
def test_slips_are_read_as_the_words_meant(text, meant):
    assert mend(text).text == meant


@pytest.mark.parametrize("text", [
    "[BARN] går i årskurs 4 och trivs med sin mentor på skolan.",  # ordinary words
    "[NAMN_1] och [VH2] kommer till mötet med [BARN].",  # placeholders
    "BUP och BVC deltar, liksom HAB och LSS-handläggaren.",  # abbreviations
    "Bedömning enligt ESSENCE och WISC.\nMALMÖ",  # abbreviations and places in capitals
    "Nästa möte är 2026-03-12 kl 13.30, rum 214, tfn 0701234567.",  # numbers
    "Hon pratar med Jonas och Petra om Malmö varje vecka.",  # names and places
    "Hon berättade att Mentron hade ringt.",  # a capitalised word inside a sentence may be a name
    "The school will call the family before the next meeting.",  # English
    "Vi ses 3,5 timmar, t.ex.på fredag och bl.a.Soc.",  # decimals and abbreviations
    "Han träffar läaren på fredag.",  # läraren or läkaren: two candidates, no choice
    "Det handlar om att hon fortsätter i var för sig med det det gäller.",  # phrases and repeats that are Swedish
])
def test_what_is_no_slip_stays(text):
    assert mend(text).text == text


@pytest.mark.parametrize("slips", [
    "Uppföjning 2027-05-12.\nSocialtjänstne kallar till uppföjningen.\n",
    "Nästamöte 2027-05-12. Skolankallar.\n",
])
def test_the_rules_read_a_follow_up_past_the_slips(slips):
    text = ("SIP för [BARN], 2027-02-01\n"
            "Närvarande: [VH1], mamma; [NAMN_1], kurator, skolan.\n" + slips)
    result = RuleAssessor().assess(Plan(id="t", text=text))
    for criterion in ("follow_up_date", "follow_up_responsible"):
        assert result.criteria[criterion].verdict == "met"
        for span in result.criteria[criterion].evidence:  # spans point into the text as it stands, with its slips
            assert span.text == text[span.start:span.end]


@pytest.mark.parametrize("text", [
    "Mentorn har mött [BARN] vid ingången varje morgon.",  # a verb's form beside a known form ("möter")
    "[BARN] och [VH1] har besökt förskolan två gånger.",  # "besöker"
    "Det är förskolan där [BARN] ska skolas in i augusti.",  # a known word with a passive or genitive "s"
    "Programmet för för tidigt födda barn deltar.",  # "för för" is Swedish
    "Familjehemmet skriver ett kontrakt med [VH1].",  # a consonant added to "kontakt" makes a word that looks like one
    "[BARN] öppnar grunden själv.",  # a letter replaced in a word that looks like a word
])
def test_words_the_lexicon_lacks_stay(text):
    assert mend(text).text == text


def test_the_lexicon_leaves_out_repeated_slips():
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
    from spelling_lexicon import _slips
    counts = {"närvarande": 560, "närvarnde": 7, "närvarade": 12, "närvara": 10, "uppföljning": 1400,
              "uppfölning": 10, "vuxne": 5, "vuxen": 330}
    assert _slips(counts) == {"närvarnde", "uppfölning"}
