"""The cheap substring checks (`_has_cue`) that let the rules skip a pattern: every match holds a cue, so a
skipped segment is one the pattern could not have matched."""

from __future__ import annotations

import pytest

from planqa.models import Plan
from planqa.rules import (
    ABSENT_NO_REASON,
    ABSENT_REASON,
    FU_CONVENER,
    FU_CONVENER_CUES,
    GUARDIAN_TEMPLATE_CUES,
    GUARDIAN_TEMPLATE_TEXT,
    NEED_DEFERRED,
    NEED_DEFERRED_CUES,
    NEGATION_CUES,
    OVERALL,
    OVERALL_CUES,
    SOLE_CUSTODY,
    SOLE_CUSTODY_CUES,
    SPECIFIC_PARTICIPATION,
    VOICE_HEARSAY,
    VOICE_HEARSAY_CUES,
    WE_DEFINED,
    WE_DEFINED_CUES,
    RuleAssessor,
    _has_cue,
    _search_ci,
)

# Invented sentences, one or more per alternative of each pattern (also without å/ä/ö and in capitals).
SPECIFIC_EXAMPLES = [
    "[BARN] är fem månader och deltog inte.",
    "[BARN], 2 år, kom ej.",
    "Mötet hölls i hemmet så att [BARN] kunde vara med.",
    "Motet lades i lekrummet for hennes skull.",
    "[BARN] var för trött för att vara med.",
    "Hon orkade inte närvara på mötet.",
    "[NAMN_1] går igenom planen med [BARN] vid sängen.",
    "Dagordningen hade i förväg gåtts igenom m. [BARN].",
    "[NAMN_1] förklarade planen för hen.",
    "Dagordningen gjordes med bilder så att [BARN] visste vad som skulle hända.",
    "[BARN] svarade med hjälp av bildkort.",
    "Efteråt visade vi henne bilderna.",
    "[BARN] valde själv att inte delta.",
    "[BARN] berättade på mötet att hen vill spela fotboll.",
    "Vi började SIP-MÖTET med [BARN] och hon fick visa sina teckningar.",
    "Jag skrev den här planen med min kontaktperson.",
    "[BARN] bestamde sjalv vad som skulle sta.",
    "Ifylld av: [BARN].",
]


@pytest.mark.parametrize("text", SPECIFIC_EXAMPLES)
def test_a_specific_participation_match_holds_its_cue(text):
    matched = [cues for rx, cues in SPECIFIC_PARTICIPATION if _search_ci(rx, text)]
    assert matched, text  # the example is one of the patterns' matches
    assert all(_has_cue(text, cues) for cues in matched)


CUED_EXAMPLES = [
    (ABSENT_REASON, NEGATION_CUES, "[BARN] deltog inte – hen hade feber."),
    (ABSENT_REASON, NEGATION_CUES, "Deltog ej pga åldern."),
    (ABSENT_NO_REASON, NEGATION_CUES, "[BARN] hade tackat ja men kom inte."),
    (VOICE_HEARSAY, VOICE_HEARSAY_CUES, "[BARN] uppges vilja flytta hem."),
    (VOICE_HEARSAY, VOICE_HEARSAY_CUES, "Hon verkar trivas i klassen."),
    (VOICE_HEARSAY, VOICE_HEARSAY_CUES, "Han föreföll sakna sin mamma."),
    (VOICE_HEARSAY, VOICE_HEARSAY_CUES, "Han forefaller vilja stanna."),
    (VOICE_HEARSAY, VOICE_HEARSAY_CUES, "[BARN] upplevs som tryggare."),
    (SOLE_CUSTODY, SOLE_CUSTODY_CUES, "[VH1] har ensam vårdnad."),
    (SOLE_CUSTODY, SOLE_CUSTODY_CUES, "[VH1] är enda vardnadshavare."),
    (SOLE_CUSTODY, SOLE_CUSTODY_CUES, "Pappan är avliden."),
    (NEED_DEFERRED, NEED_DEFERRED_CUES, "Behov: ej ifyllt"),
    (NEED_DEFERRED, NEED_DEFERRED_CUES, "Kartlaggs."),
    (NEED_DEFERRED, NEED_DEFERRED_CUES, "Ingen beskrivning görs innan utredningen är klar."),
    (GUARDIAN_TEMPLATE_TEXT, GUARDIAN_TEMPLATE_CUES, "Foraldrar kan begära att planen ändras."),
    (GUARDIAN_TEMPLATE_TEXT, GUARDIAN_TEMPLATE_CUES, "VÅRDNADSHAVARE har rätt att ta del av planen."),
    (GUARDIAN_TEMPLATE_TEXT, GUARDIAN_TEMPLATE_CUES,
     "Planen ska upprättas tillsammans med barnet när det är mojligt."),
    (WE_DEFINED, WE_DEFINED_CUES, "Vi = BVC och förskolan."),
    (WE_DEFINED, WE_DEFINED_CUES, 'I planen är "VI" personalen på förskolan.'),
    (FU_CONVENER, FU_CONVENER_CUES, "[NAMN_1] kallar till nästa möte."),
    (FU_CONVENER, FU_CONVENER_CUES, "Kallelse skickas av skolan."),
    (FU_CONVENER, FU_CONVENER_CUES, "BUP bjuder in till uppföljning."),
    (FU_CONVENER, FU_CONVENER_CUES, "[NAMN_2] bokar ny tid."),
    (FU_CONVENER, FU_CONVENER_CUES, "Skolan aterkommer med datum."),
    (FU_CONVENER, FU_CONVENER_CUES, "Socialtjänsten ansvarar för uppföljningen."),
    (FU_CONVENER, FU_CONVENER_CUES, "[NAMN_1] haller i nästa möte."),
    (OVERALL, OVERALL_CUES, "Samordningsansvarig: [NAMN_1]"),
    (OVERALL, OVERALL_CUES, "Övergripande ansvar har socialtjänsten."),
    (OVERALL, OVERALL_CUES, "[NAMN_2] haller ihop planen."),
    (OVERALL, OVERALL_CUES, "Vem håller i det hela?"),
    (OVERALL, OVERALL_CUES, "BUP har hand om hela SIP:en."),
    (OVERALL, OVERALL_CUES, "Skolan är SIP-ansvarig."),
]


@pytest.mark.parametrize(("pattern", "cues", "text"), CUED_EXAMPLES)
def test_a_cued_pattern_match_holds_its_cue(pattern, cues, text):
    assert _search_ci(pattern, text)
    assert _has_cue(text, cues)


def test_participation_read_through_the_cues_is_met():
    text = ("Deltagare: [BARN], [VH1], [NAMN_1] (kurator).\n"
            "Motet holls i hemmet sa att [BARN] kunde vara med.\n"
            "Mål: [BARN] ska gå till skolan varje dag.")
    result = RuleAssessor().assess(Plan(id="t", text=text)).criteria["child_participation"]
    assert result.verdict == "met"
