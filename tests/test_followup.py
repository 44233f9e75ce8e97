"""Follow-up date detection: the plan's next follow-up, not the meeting, a birthday or a passed date."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planqa.dates import find_dates
from planqa.followup import Scorer, fit_scorer, follow_up_dates, follow_up_mentions, load_scorer

PLAN = datetime.date(2024, 2, 20)


@pytest.mark.parametrize(("text", "expected"), [
    ("SIP-möte 20/2-24\nMål: gå i skolan.\n\nUppföljning: 16/4 kl 14.00, samma lokal.", ["2024-04-16"]),
    ("Datum: 2024-02-20\nPlanen följs upp 2024-04-16.", ["2024-04-16"]),
    ("Datum: 2024-02-20\nNästa SIP-möte tisdag 4/3 kl 13.00.", ["2024-03-04"]),
    ("Datum: 2024-02-20\nKarin på BUP kallar till nytt möte måndag 2/9.", ["2024-09-02"]),
    ("Datum: 2024-02-20\nNästa uppföljning: vecka 24.", ["2024-06-10"]),
    ("Datum: 2024-02-20\n\n6. Uppföljning\nDatum: 10 juni 2024", ["2024-06-10"]),
    ("Datum: 2024-02-20\n\nUppföljning\n23/4, vi skickar kallelse.", ["2024-04-23"]),
    ("Datum: 2024-02-20\nUppföljning 3/4 och 15/9.", ["2024-04-03", "2024-09-15"]),
    ("Datum: 2024-02-20\n[BARN] fyller år 3/5. Läkartid 12/3.", []),
    ("Datum: 2024-02-20\nUppföljning: måndag 20/5, annars vid behov.", ["2024-05-20"]),
    ("Datum: 2024-02-20\nNästa uppföljning tisdag 3/12 kl 9.00, extra möte vid behov.", ["2024-12-03"]),
    ("Datum: 2024-02-20\nUppföljning sker vid behov.", []),
    ("Datum: 2024-02-20\nVi ses igen efter sommarlovet.", []),
    ("Datum: 2024-02-20\n\nUppföljning\nNästa vårdplansmöte är 2024-12-03 kl 13.30.", ["2024-12-03"]),
    ("Datum: 2024-02-20\nNästa genomgång är den 9 september.", ["2024-09-09"]),
    ("Datum: 2024-02-20\n| Insats | Ansvarig | När |\n| Läkarbesök, uppföljning av medicin | BUP | 2024-04-04 |", []),
    ("Datum: 2024-02-20\nProvtagning inför nästa möte 4/3. Nästa nätverksmöte 15/4.", ["2024-04-15"]),
])
def test_follow_up_dates_by_rules(text: str, expected: list[str]) -> None:
    iso, _, _ = follow_up_dates(text, PLAN, scorer="rules")
    assert iso == expected


def test_vague_follow_up_is_reported_without_a_date() -> None:
    iso, concrete, vague = follow_up_dates("Mötesdatum 2024-02-20.\nVi ses igen efter sommarlovet.", PLAN,
                                           scorer="rules")
    assert iso == [] and concrete == []
    assert [m.text for m in vague] == ["sommarlovet"]  # "efter" is outside the span (GUIDELINES.md)


@pytest.mark.parametrize("value", ["Efter sommarlovet", "Till våren", "före jullovet", "senast v. 12"])
def test_a_follow_up_heading_still_counts_when_the_value_starts_with_a_leading_word(value: str) -> None:
    """The span leaves "Efter"/"Till"/"senast" out, but the block's heading still applies to it."""
    text = f"Datum: 2024-02-20\n\nMål\n[BARN] ska gå till skolan.\n\nUppföljning\n{value}\n"
    iso, concrete, vague = follow_up_dates(text, PLAN, scorer="rules")
    assert len(concrete + vague) == 1
    assert value.endswith((concrete + vague)[0].text)


def test_passed_follow_up_in_a_follow_up_document() -> None:
    text = ("UPPFÖLJNING AV SIP\nUppföljningsmöte hölls 2025-01-21.\n"
            "Gäller den SIP som upprättades 2024-09-10. Uppföljningen var då planerad till 2024-12-03 "
            "men fick skjutas fram.\n\nNästa uppföljning: 2025-05-13")
    assert follow_up_dates(text, scorer="rules")[0] == ["2025-05-13"]  # plan date found in the text


def test_old_follow_up_that_should_have_happened_is_not_one() -> None:
    text = ("Uppföljning SIP – 17 feb 2026\n"
            "Gäller uppföljning av plan från 2025-10-21, som skulle ha följts upp v. 3 men flyttades.")
    assert follow_up_dates(text, scorer="rules")[0] == []


def test_meeting_date_and_earlier_dates_are_never_follow_ups() -> None:
    text = "Uppföljning av SIP från 2024-01-10. Nästa möte 2024-02-20. Uppföljning 2024-02-01."
    mentions = find_dates(text, PLAN)
    scored = follow_up_mentions(text, mentions, PLAN)
    assert len(scored) == len(mentions) == 3
    assert all(p < 0.5 for _, p in scored)
    assert all(0.0 <= p <= 1.0 for _, p in scored)


def test_year_less_follow_up_without_any_plan_date_gives_a_mention_but_no_date() -> None:
    iso, concrete, _ = follow_up_dates("anteckn SIP\nnästa möte 14/11", scorer="rules")
    assert iso == []
    assert [m.text for m in concrete] == ["14/11"]


def _examples(texts: list[tuple[str, list[str]]]) -> list:
    out = []
    for text, gold in texts:
        mentions = find_dates(text, PLAN)
        out.append((text, mentions, PLAN, [m.text in gold for m in mentions]))
    return out


def test_a_fitted_scorer_learns_from_context(tmp_path) -> None:
    # a list of "Viktiga datum (ej uppföljning)" is not the follow-up, though its heading has the word
    train = []
    for i in range(1, 13):
        train.append((f"Datum: 2024-02-20\nUppföljning: {i}/5 kl 10.\n", [f"{i}/5 kl 10"]))
        text = f"Datum: 2024-02-20\nViktiga datum (ej uppföljning)\n- Läkarbesök {i}/6\nNästa möte {i}/9."
        train.append((text, [f"{i}/9"]))
    scorer = fit_scorer(_examples(train))
    text = "Datum: 2024-02-20\nViktiga datum (ej uppföljning)\n- Läkarbesök 20/6\nNästa möte 22/9."
    assert follow_up_dates(text, PLAN, scorer=scorer)[0] == ["2024-09-22"]
    scorer.to_json(tmp_path / "f.json")
    again = Scorer.from_json(tmp_path / "f.json")
    mentions = find_dates(text, PLAN)
    assert [round(p, 3) for _, p in follow_up_mentions(text, mentions, PLAN, again)] == \
        [round(p, 3) for _, p in follow_up_mentions(text, mentions, PLAN, scorer)]
    assert load_scorer(tmp_path / "missing.json") is None


@pytest.mark.slow
def test_follow_up_exact_match_on_the_dev_split() -> None:
    from planqa.corpus import load_corpus

    records = [r for r in load_corpus("dev") if r["plan_date"]]
    if len(records) < 10:
        pytest.skip("too few dev plans")
    hits = sum(follow_up_dates(r["text"], datetime.date.fromisoformat(r["plan_date"]))[0]
               == sorted(r["follow_up_dates"]) for r in records)
    assert hits / len(records) >= 0.9


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_never_raises(text: str, plan: datetime.date | None) -> None:
    iso, concrete, vague = follow_up_dates(text, plan)
    assert all(m.kind != "vague" for m in concrete) and all(m.kind == "vague" for m in vague)
    assert iso == sorted(iso)


@pytest.mark.parametrize(("text", "expected"), [
    ("Datum: 2024-02-20\n\n## Uppföljning\n- [x] Tid bokad: tisdag 16/4 kl 9.30\n- Karin kallar alla.", ["2024-04-16"]),
    ("Slide 1\nSIP-möte 20/2 2024\n\nSlide 14: Nästa gång\n- 16/4 kl 14\n- Mentorn kallar", ["2024-04-16"]),
    ("Datum: 2024-02-20\n\nBild 9 – Uppföljning\n- 16/4", ["2024-04-16"]),
])
def test_follow_up_under_a_checked_box_or_a_slide_title(text: str, expected: list[str]) -> None:
    """A checked box before the field ("- [x] Tid bokad:") and a slide's number before its title ("Slide 14:") leave
    the follow-up heading above the date in force."""
    iso, _, _ = follow_up_dates(text, PLAN, scorer="rules")
    assert iso == expected


def test_a_table_rows_label_cell_reads_as_the_field_label() -> None:
    """"| Nästa uppföljning | 17/2 |" is the field "Nästa uppföljning: 17/2", also without a plan date to resolve
    the year; a row whose label names another time is still no follow-up."""
    text = "SIP för [BARN]\n\n| Nästa uppföljning | måndag 17/2 kl 15 |\n"
    [(mention, p)] = follow_up_mentions(text, find_dates(text, None), None)
    colon = "SIP för [BARN]\nNästa uppföljning: måndag 17/2 kl 15\n"
    [(_, p_colon)] = follow_up_mentions(colon, find_dates(colon, None), None)
    assert mention.text == "måndag 17/2 kl 15" and p >= 0.5 and abs(p - p_colon) < 0.2
    other = "SIP för [BARN]\n\n| Läkarbesök | måndag 17/2 kl 15 |\n"
    assert all(p < 0.5 for _, p in follow_up_mentions(other, find_dates(other, None), None))


# GUIDELINES 4, block 93: the follow-up date in any form that names one day, the meeting's own date too
@pytest.mark.parametrize(("text", "expected"), [
    ("Datum: 240220\nUppföljning: 240416, soc kallar.", ["2024-04-16"]),
    ("Datum: 24-02-20\nNästa SIP-möte 24-04-16 kl 13.", ["2024-04-16"]),
    ("Datum: 2024.02.20\nPlanen följs upp 2024.04.16.", ["2024-04-16"]),
    ("Datum: 2024/02/20\nUppföljning 2024/04/16, [NAMN_1] kallar.", ["2024-04-16"]),
    ("Datum: 20-2-2024\nUppföljning: 16-4-2024.", ["2024-04-16"]),
    ("Datum: 20.2.2024\nUppföljning: 16.4 kl 14, samma lokal.", ["2024-04-16"]),
    ("Datum: 20.2.2024\nNästa möte tis 16.4.", ["2024-04-16"]),
    ("Datum: den tjugonde februari 2024\nUppföljning den sextonde april.", ["2024-04-16"]),
    ("Datum: 20:e februari 2024\nUppföljning 16:e april.", ["2024-04-16"]),
    ("Datum: 2024-02-20\nUppföljning v.16/24.", ["2024-04-15"]),
    ("Datum: 2024-02-20\nUppföljning v 16 -24, soc kallar.", ["2024-04-15"]),
    ("Datum: 2024-02-20\nUppföljning kl 13:00.", []),  # a clock time alone is no date
    ("Datum: 2024-02-20\n4. Uppföljning\n4.1 Nytt möte bokas när utredningen är klar.", []),
])
def test_follow_up_dates_in_many_forms(text: str, expected: list[str]) -> None:
    iso, _, _ = follow_up_dates(text, scorer="rules")
    assert iso == expected
