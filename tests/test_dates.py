"""The Swedish date normaliser: every form plans use, against a table of expected results."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planqa.dates import DateMention, find_dates, find_plan_date, normalise

PLAN = datetime.date(2025, 2, 10)  # a Monday in ISO week 7

# (expression, expected ISO date, expected kind) with the plan date PLAN
FORMS = [
    ("2025-03-14", "2025-03-14", "absolute"),
    ("2025-3-4", "2025-03-04", "absolute"),
    ("20250314", "2025-03-14", "absolute"),
    ("14/3", "2025-03-14", "absolute"),
    ("4/3", "2025-03-04", "absolute"),  # day first, not April 3rd
    ("den 3/4", "2025-04-03", "absolute"),
    ("14/3-25", "2025-03-14", "absolute"),
    ("13/2 -24", "2024-02-13", "absolute"),
    ("14/3 2025", "2025-03-14", "absolute"),
    ("14/3/2026", "2026-03-14", "absolute"),
    ("den 14 mars", "2025-03-14", "absolute"),
    ("14 mars 2025", "2025-03-14", "absolute"),
    ("21 nov 2023", "2023-11-21", "absolute"),
    ("den 3:e april", "2025-04-03", "absolute"),
    ("tisdag 4/3 kl 13.00", "2025-03-04", "absolute"),
    ("tisdagen den 6 februari 2024", "2024-02-06", "absolute"),
    ("torsdag den 9 april", "2025-04-09", "absolute"),
    ("2024-04-23 kl 13.15", "2024-04-23", "absolute"),
    ("10/2", "2025-02-10", "absolute"),  # the plan date itself: on or after
    ("9/2", "2026-02-09", "absolute"),  # passed this year: next occurrence
    ("5 januari", "2026-01-05", "absolute"),
    ("v. 12", "2025-03-17", "week"),
    ("v.12", "2025-03-17", "week"),
    ("v 12", "2025-03-17", "week"),
    ("vecka 12", "2025-03-17", "week"),
    ("vecka 12 2025", "2025-03-17", "week"),
    ("vecka 12 2026", "2026-03-16", "week"),
    ("v. 10–12", "2025-03-03", "week"),
    ("v. 10-12", "2025-03-03", "week"),
    ("v. 7", "2025-02-10", "week"),  # the plan's own week
    ("v. 2", "2026-01-05", "week"),  # passed this year: next year
    ("vecka 53 2026", "2026-12-28", "week"),
    ("i mitten av april", None, "vague"),
    ("efter sommarlovet", None, "vague"),
    ("om åtta veckor", None, "vague"),
    ("om ca 2 mån", None, "vague"),
    ("om ett par månader", None, "vague"),
    ("till höstterminen", None, "vague"),
    ("vid behov", None, "vague"),
    ("i vår", None, "vague"),
    ("under hösten", None, "vague"),
    ("till hösten", None, "vague"),
    ("efter jul", None, "vague"),
    ("före jullovet", None, "vague"),
    ("hösten 2024", None, "vague"),
    ("mars–april", None, "vague"),
    ("i november", None, "vague"),
    ("nästa vecka", None, "vague"),
    ("ht 2025", None, "vague"),
    ("Någon gång efter v. 20", None, "vague"),
    ("efter 14/3", None, "vague"),
]


@pytest.mark.parametrize(("expr", "iso", "kind"), FORMS)
def test_normalise_forms(expr: str, iso: str | None, kind: str) -> None:
    assert normalise(expr, PLAN) == (iso, kind)


# the words that GUIDELINES.md leaves outside a DATE span, per form that starts with them
LEADING = {"i mitten av april": "i ", "efter sommarlovet": "efter ", "till höstterminen": "till ",
           "under hösten": "under ", "till hösten": "till ", "efter jul": "efter ", "före jullovet": "före ",
           "i november": "i ", "Någon gång efter v. 20": "Någon gång efter ", "efter 14/3": "efter "}


@pytest.mark.parametrize(("expr", "iso", "kind"), FORMS)
def test_find_dates_covers_whole_form(expr: str, iso: str | None, kind: str) -> None:
    mentions = find_dates(expr, PLAN)
    assert len(mentions) == 1
    m = mentions[0]
    lead = len(LEADING.get(expr, ""))
    assert (m.start, m.end, m.text) == (lead, len(expr), expr[lead:])
    assert (m.iso, m.kind) == (iso, kind)


@pytest.mark.parametrize(("text", "spans"), [
    ("efter sommarlovet", ["sommarlovet"]),
    ("sedan i våras", ["i våras"]),
    ("någon gång i vår", ["i vår"]),
    ("senast den 31 mars", ["den 31 mars"]),
    ("från och med nästa vecka", ["nästa vecka"]),
    ("fr.o.m. v. 7 t.o.m. v. 10", ["v. 7", "v. 10"]),
    ("fram till sommarlovet", ["sommarlovet"]),
    ("under 2023", ["2023"]),
    ("vid terminsstart", ["terminsstart"]),
    # the word is part of the expression: an amount of time from now, "vid behov", "i" + season
    ("om åtta veckor", ["om åtta veckor"]),
    ("inom en månad", ["inom en månad"]),
    ("efter tre veckor", ["efter tre veckor"]),
    ("vid behov", ["vid behov"]),
    ("i höstas", ["i höstas"]),
    ("i påskas", ["i påskas"]),
])
def test_leading_words_stay_outside_the_mention(text: str, spans: list[str]) -> None:
    assert [m.text for m in find_dates(text, PLAN)] == spans


@pytest.mark.parametrize(("before", "expr", "iso", "kind"), [
    ("Uppföljning någon gång efter ", "v. 20", None, "vague"),
    ("Vi ses efter ", "14/3", None, "vague"),
    ("tidigast ", "v. 12", None, "vague"),
    ("ca ", "den 14 mars", None, "vague"),
    ("Uppföljning senast ", "v. 12", "2025-03-17", "week"),
    ("Nästa möte ", "14/3", "2025-03-14", "absolute"),
    ("pågår fram till ", "14/3", "2025-03-14", "absolute"),
])
def test_normalise_reads_the_words_before_the_span(before: str, expr: str, iso: str | None, kind: str) -> None:
    assert normalise(expr, PLAN, before=before) == (iso, kind)
    assert normalise(before + expr, PLAN) == (iso, kind)  # as find_dates reads the whole phrase


def test_relabelled_corpus_follows_the_boundary_rule() -> None:
    from planqa.corpus import load_corpus
    from planqa.dates import leading_words

    for r in load_corpus():
        for s in r["spans"]:
            if s["label"] == "DATE":
                assert leading_words(r["text"], s["start"], s["end"]) == s["start"], (r["id"], s["text"])


@pytest.mark.parametrize(("text", "start"), [
    # "i" + a day or part of a day is one adverb: "går", "fredags" are no time expressions alone
    ("i går kväll", 0), ("I morgon", 0), ("i fredags", 0), ("i kväll", 0), ("i fjol", 0), ("i morse", 0),
    # "i" + a noun with its article, a month or a weekday name stays outside
    ("i helgen", 2), ("i oktober", 2), ("i dagarna två", 2),
])
def test_day_adverbs_keep_their_i(text: str, start: int) -> None:
    from planqa.dates import leading_words

    assert leading_words(text) == start

def test_year_less_without_plan_date_is_unresolved() -> None:
    assert normalise("14/3") == (None, "absolute")
    assert normalise("v. 12") == (None, "week")
    assert normalise("2025-03-14") == ("2025-03-14", "absolute")
    assert normalise("vecka 12 2025") == ("2025-03-17", "week")


@pytest.mark.parametrize("expr", [
    "i tre år", "under två veckor", "två gånger i veckan", "varannan vecka", "14 år", "[BARN], 11 år",
    "3/4 av tiden", "4/5 dagar", "i vår familj", "24/7", "32/1", "14/13", "v. 60", "SoL 2 kap. 7 §",
    "minst 4 dagar/vecka", "hon är 40", "", "hej",
])
def test_not_dates(expr: str) -> None:
    assert find_dates(expr, PLAN) == []
    assert normalise(expr, PLAN) == (None, "vague")


def test_invalid_calendar_dates_are_unresolved() -> None:
    assert normalise("2025-02-30", PLAN) == (None, "absolute")
    assert normalise("30/2-25", PLAN) == (None, "absolute")
    assert normalise("vecka 53 2025", PLAN) == (None, "week")
    assert normalise("29/2", PLAN) == ("2028-02-29", "absolute")


def test_find_dates_in_running_text() -> None:
    text = ("SIP-möte 13/2 -24. [BARN], 14 år, har varit borta i tre år. Insatsen startar v. 9 "
            "och pågår två gånger i veckan. Uppföljning tisdag 16/4 kl 14.00, annars vid behov.")
    mentions = find_dates(text, datetime.date(2024, 2, 13))
    assert [(m.text, m.iso, m.kind) for m in mentions] == [
        ("13/2 -24", "2024-02-13", "absolute"),
        ("v. 9", "2024-02-26", "week"),
        ("tisdag 16/4 kl 14.00", "2024-04-16", "absolute"),
        ("vid behov", None, "vague"),
    ]
    for m in mentions:
        assert isinstance(m, DateMention)
        assert text[m.start:m.end] == m.text


def test_week_range_with_two_week_words_is_two_mentions() -> None:
    assert [m.text for m in find_dates("från v. 20–v. 24", PLAN)] == ["v. 20", "v. 24"]


@pytest.mark.parametrize(("text", "expected"), [
    ("SAMORDNAD INDIVIDUELL PLAN\nDatum för mötet: 2024-10-08\nAvser: revidering av SIP upprättad 2024-03-12.",
     datetime.date(2024, 10, 8)),
    ("Minnesanteckn. SIP-möte 20/11-25, soc\nVi ses igen efter jullovet.", datetime.date(2025, 11, 20)),
    ("Uppföljning av SIP från 2024-03-05\nMötet 14 maj, soc kallade.", datetime.date(2024, 5, 14)),
    ("UPPFÖLJNING AV SIP\nUppföljningsmöte hölls 2025-01-21.\nGäller den SIP som upprättades 2024-09-10.",
     datetime.date(2025, 1, 21)),
    ("Planerad uppföljning: 2025-05-20\nDatum för denna uppföljning: 2025-09-23", datetime.date(2025, 9, 23)),
    ("Uppföljning – SIP för [BARN]\nDatum: 11 februari 2025\nUppföljningen gäller SIP som gjordes 2024-11-19.",
     datetime.date(2025, 2, 11)),
    ("GENOMFÖRANDEPLAN\nInskrivningsdatum: 2023-08-28\nDatum för denna plan: 2023-10-09", datetime.date(2023, 10, 9)),
    ("Min plan\nJag ska gå till skolan. Nästa möte 14/3.", None),
    ("anteckn SIP 8/10\nnärv: pappa", None),  # no year anywhere: unresolvable
    ("", None),
])
def test_find_plan_date(text: str, expected: datetime.date | None) -> None:
    assert find_plan_date(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/-–.: vVkleckadnmrsjuiåäöpt\n|")), max_size=60))
def test_never_raises_on_date_like_strings(s: str) -> None:
    for m in find_dates(s, PLAN):
        assert s[m.start:m.end] == m.text
        assert m.kind in {"absolute", "week", "vague"}
        if m.iso is not None:
            datetime.date.fromisoformat(m.iso)
    _iso, kind = normalise(s, PLAN)
    assert kind in {"absolute", "week", "vague"}
    find_plan_date(s)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_never_raises_on_any_string(s: str, plan: datetime.date | None) -> None:
    find_dates(s, plan)
    normalise(s, plan)
    find_plan_date(s)


@pytest.mark.parametrize("text, span, iso, kind", [
    ("Nästa möte blir tisdag den fjärde mars klockan ett i samma rum.", "tisdag den fjärde mars klockan ett",
     "2025-03-04", "absolute"),
    ("vi ses igen torsdag tjugosjätte februari klockan två", "torsdag tjugosjätte februari klockan två",
     "2025-02-26", "absolute"),
    ("idag är det den fjortonde oktober tjugotjugofem.", "den fjortonde oktober tjugotjugofem", "2025-10-14", "absolute"),
    ("mötet hölls nittonde februari tjugosex", "nittonde februari tjugosex", "2026-02-19", "absolute"),
    ("uppföljning tjugonde i elfte", "tjugonde i elfte", "2025-11-20", "absolute"),
    ("Vi ses igen vecka elva och", "vecka elva", "2025-03-10", "week"),
    ("Uppföljning kolon någon gång efter vecka tjugo", "vecka tjugo", None, "vague"),
])
def test_spelled_out_dates(text: str, span: str, iso: str | None, kind: str) -> None:
    """A dictated plan's numbers in words are the same dates, with the same whole-expression span."""
    [m] = find_dates(text, datetime.date(2025, 2, 1))
    assert (m.text, m.iso, m.kind) == (span, iso, kind)


@pytest.mark.parametrize("text", ["de andra i första klass", "en vecka tre gånger", "vecka två dagar i rad"])
def test_spelled_out_numbers_that_are_no_date(text: str) -> None:
    assert find_dates(text, datetime.date(2025, 2, 1)) == []


def test_plan_date_in_words_at_the_top():
    """A dictated plan gives its meeting's date in words on a line without digits."""
    text = "sip [BARN] punkt mötet tisdag tjugosjunde januari tjugotjugosex nytt stycke\n\nJa det här är kuratorn."
    assert find_plan_date(text) == datetime.date(2026, 1, 27)


@pytest.mark.parametrize(("text", "span", "iso"), [
    ("Möte 16.9.2025", "16.9.2025", "2025-09-16"),
    ("18.03.2025 kl 13, BVC", "18.03.2025 kl 13", "2025-03-18"),
])
def test_dotted_day_month_year(text: str, span: str, iso: str) -> None:
    [m] = find_dates(text, PLAN)
    assert (m.text, m.iso, m.kind) == (span, iso, "absolute")


@pytest.mark.parametrize("text", ["version 1.5.2", "kl 16.30", "3.2.2024.5", "32.1.2025"])
def test_dotted_numbers_that_are_no_date(text: str) -> None:
    assert find_dates(text, PLAN) == []


def test_weeks_shortened_to_v_after_an_amount_are_vague():
    from planqa.dates import find_dates
    assert [(m.text, m.kind) for m in find_dates("Uppföljn: om 6 v\nAnsvarig för uppföljn:\n")] == [("om 6 v", "vague")]
    assert [(m.text, m.kind) for m in find_dates("Kurator erbjuder samtal igen inom 2 v. Sen")] == [
        ("inom 2 v.", "vague")]
    assert [(m.text, m.kind) for m in find_dates("Vi ses v. 12")] == [("v. 12", "week")]


@pytest.mark.parametrize(("text", "span", "iso"), [
    ("Uppföljning 2O26-04-1O", "2O26-04-1O", "2026-04-10"),
    ("Nästa möte l2/3 kl 10", "l2/3 kl 10", "2026-03-12"),
    ("MIN PLAN 2/1O 2025", "2/1O 2025", "2025-10-02"),
])
def test_ocr_misread_digits_are_read_as_digits(text: str, span: str, iso: str) -> None:
    [m] = find_dates(text, datetime.date(2025, 10, 2))
    assert (m.text, m.iso, m.kind) == (span, iso, "absolute")


@pytest.mark.parametrize("text", ["Sida l av 2", "del I och II", "kl l3 med Olle", "v. O"])
def test_letters_without_digits_stay_letters(text: str) -> None:
    assert find_dates(text, datetime.date(2025, 10, 2)) == []


def test_i_var_at_a_lines_end_and_the_turn_of_the_year_are_vague() -> None:
    assert [(m.text, m.kind) for m in find_dates("Tidpunkt: i vår\nAnsvarig: ")] == [("i vår", "vague")]
    assert [(m.text, m.kind) for m in find_dates("Vi ses efter årsskiftet.")] == [("årsskiftet", "vague")]
    assert find_dates("i vår familj\n") == []


def test_after_the_holidays_in_the_plural_is_vague():
    from planqa.dates import find_dates
    assert [(m.text, m.kind) for m in find_dates("Nästa möte: Vi ses efter semestrarna.")] == [("semestrarna", "vague")]


def test_the_terms_end_spring_with_nagon_gang_and_months_without_diacritics_are_vague() -> None:
    # GUIDELINES 2: vague expressions ("efter sommaren", "om åtta veckor") give no date; a plan that lost its å/ä/ö
    # ("om ett par manader") says the same
    assert [(m.text, m.kind) for m in find_dates("Uppfölj: i slutet av terminen, tid bestäms senare")] == [
        ("slutet av terminen", "vague")]
    assert [(m.text, m.kind) for m in find_dates("Uppföljning: i vår någon gång, vi hörs om tid.")] == [("i vår", "vague")]
    assert [(m.text, m.kind) for m in find_dates("Nasta mote: ca om tre manader.")] == [("om tre manader", "vague")]


def test_uppfoljande_sip_mote_is_the_next_meeting_not_the_plans_date() -> None:
    text = ("Anteckningar från överlämningsmöte\nTisdag 19 maj 2026, kl 8.30–10\n\n" + "Text om planen. " * 30
            + "\nUppföljning\nUppföljande SIP-möte 2026-10-13.\n")
    assert find_plan_date(text) == datetime.date(2026, 5, 19)


# GUIDELINES 4, block 93: a date is concrete whatever its form (plan date 2026-01-15)
PLAN_93 = datetime.date(2026, 1, 15)


@pytest.mark.parametrize(("text", "span", "iso", "kind"), [
    ("Datum: 260321", "260321", "2026-03-21", "absolute"),  # six digits: year, month, day
    ("Uppföljning 26-03-21 kl 13", "26-03-21 kl 13", "2026-03-21", "absolute"),
    ("Nästa möte 2026.03.21", "2026.03.21", "2026-03-21", "absolute"),  # year first
    ("Nästa möte 2026/03/21.", "2026/03/21", "2026-03-21", "absolute"),
    ("Möte 21.3.2026", "21.3.2026", "2026-03-21", "absolute"),  # day first
    ("Möte 21-3-2026", "21-3-2026", "2026-03-21", "absolute"),
    ("Möte 21-03-2026, BVC", "21-03-2026", "2026-03-21", "absolute"),
    ("Vi ses 21/3 -26", "21/3 -26", "2026-03-21", "absolute"),
    ("Uppföljning: 21.3", "21.3", "2026-03-21", "absolute"),
    ("Uppf. 21.3.", "21.3", "2026-03-21", "absolute"),
    ("Nästa SIP-möte 21.3, soc kallar", "21.3", "2026-03-21", "absolute"),
    ("Vi ses tors 19.3 kl. 13–14.30", "tors 19.3 kl. 13–14.30", "2026-03-19", "absolute"),
    ("Extra möte 9.4 kl 10 på skolan", "9.4 kl 10", "2026-04-09", "absolute"),
    ("| Nästa uppföljning | 10.2, soc kallar |", "10.2", "2026-02-10", "absolute"),
    ("| När | Vad |\n|---|---|\n| 8.12 | uppföljning |", "8.12", "2026-12-08", "absolute"),
    ("| Insats | Ansvarig | Klart |\n|---|---|---|\n| Utbildning för personalen | | 26.2 |", "26.2", "2026-02-26",
     "absolute"),  # a time's column past the first
    ("Uppföljning den tjugoförsta mars", "den tjugoförsta mars", "2026-03-21", "absolute"),
    ("Datum: fjortonde januari 2025", "fjortonde januari 2025", "2025-01-14", "absolute"),
    ("Uppföljning 21:a mars", "21:a mars", "2026-03-21", "absolute"),
    ("Uppföljning v.12/26", "v.12/26", "2026-03-16", "week"),  # the Monday of week 12 2026
    ("Uppföljning v12/26", "v12/26", "2026-03-16", "week"),
    ("Uppföljning v 12 -26", "v 12 -26", "2026-03-16", "week"),
    ("Uppföljning vecka 12/2026", "vecka 12/2026", "2026-03-16", "week"),
    ("Uppföljning v.2/27", "v.2/27", "2027-01-11", "week"),
    ("Uppföljning vecka tolv", "vecka tolv", "2026-03-16", "week"),
])
def test_dates_in_many_forms(text: str, span: str, iso: str, kind: str) -> None:
    [m] = find_dates(text, PLAN_93)
    assert (m.text, m.iso, m.kind) == (span, iso, kind)


@pytest.mark.parametrize(("expr", "iso"), [
    ("260321", "2026-03-21"), ("26-03-21", "2026-03-21"), ("2026.03.21", "2026-03-21"), ("2026/3/21", "2026-03-21"),
    ("21-3-2026", "2026-03-21"), ("21.3", "2026-03-21"), ("den 21.3", "2026-03-21"), ("v.12/26", "2026-03-16"),
])
def test_normalise_reads_a_mentions_text_in_the_new_forms(expr: str, iso: str) -> None:
    assert normalise(expr, PLAN_93)[0] == iso


def test_two_digit_years_that_lead_a_date_belong_to_their_century() -> None:
    assert normalise("född 851203", PLAN_93) == ("1985-12-03", "absolute")
    assert normalise("Förra planen 25-10-07", PLAN_93) == ("2025-10-07", "absolute")


@pytest.mark.parametrize("text", [
    "kl 13:00", "13.00–14.30", "kl. 9.15", "Tid: 9.05", "Möte 9.05–10.00", "[BARN] är i skolan senast 08.10",
    "7/10 på skalan", "3 av 5", "klass 6B", "260321 kr", "kostar 250000", "läsåret 2025-26",
    "Pnr 260321-1234", "260321 1234", "260321+1234", "tel 260321", "Dnr 2026/03/21", "ärendenr 26-03-21",
    "070-123 45 67", "4.2 Samtal om kompisar", "11. Uppföljning\n11.1 Nytt möte bokas", "varje måndag\n5.5 Logoped",
    "skattar 4.5 av 10", "betyg 4.5", "21.3 procent", "2.5 timmar", "ungefär 3.2", "värdet 21.35",
    "| Skattning | 2.5 |", "| Nr | Insats |\n|---|---|\n| 4.1 | Bedömning |", "Bilaga 1.2", "7/10 poäng",
])
def test_lookalikes_of_the_new_forms_are_no_dates(text: str) -> None:
    assert [m for m in find_dates(text, PLAN_93) if m.kind != "vague"] == []


def test_a_week_range_stays_a_range() -> None:
    assert [(m.text, m.iso) for m in find_dates("Stängt v. 28-31", PLAN_93)] == [("v. 28-31", "2026-07-06")]


def test_a_personnummer_is_still_flagged_by_the_pii_gate() -> None:
    from planqa.pseudonymise import gate_findings

    text = "[BARN], pnr 200321-1234, möte 260321. Uppföljning 26-04-21."
    assert find_dates("pnr 200321-1234") == []
    assert any(f.entity_type == "PERSONNUMMER" for f in gate_findings(text))
