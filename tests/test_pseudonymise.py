"""The pseudonymisation gate: recognizers one by one, placeholders, keep-words, CLI.

All identifiers here are fictional; personnummer use the test serial range (98xx/99xx).
"""

from __future__ import annotations

import json
import re
import statistics
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import DEMO, SHARED
from planqa.pseudonymise import (
    ENTITY_TYPES,
    Finding,
    find_identifiers,
    gate_findings,
    get_engine,
    pseudonymise,
)
from planqa.pseudonymise.recognizers import date_ok, luhn_ok

EXTERNAL = SHARED / "external" / "personnummer-testdata.json"


def luhn_digit(nine: str) -> int:
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def pnr(yymmdd: str = "120315", serial: str = "987", valid: bool = True) -> str:
    check = luhn_digit(yymmdd + serial)
    return f"{yymmdd}{serial}{check if valid else (check + 3) % 10}"


def types_at(text: str, value: str) -> list[str]:
    """The entity types found covering `value` (its first occurrence)."""
    start = text.index(value)
    end = start + len(value)
    return [f.entity_type for f in find_identifiers(text) if f.start <= start and f.end >= end]


def found(text: str, value: str, etype: str) -> bool:
    return etype in types_at(text, value)


def score_of(text: str, value: str) -> float:
    start = text.index(value)
    return max((f.score for f in find_identifiers(text) if f.start <= start < f.end), default=0.0)


# --------------------------------------------------------------------------------------------
# Personnummer and samordningsnummer
# --------------------------------------------------------------------------------------------


def test_luhn_and_date_helpers():
    assert luhn_ok(pnr(valid=True)) and not luhn_ok(pnr(valid=False))
    assert date_ok("1203159870") and date_ok("1203759870")  # day + 60: samordningsnummer
    assert not date_ok("1213159870") and not date_ok("1203329870")


@pytest.mark.parametrize("fmt", ["short_dash", "long_dash", "short", "long", "plus", "space", "long_space"])
@pytest.mark.parametrize("valid", [True, False])
@pytest.mark.parametrize("coord", [False, True])
def test_personnummer_in_every_format(fmt, valid, coord):
    day = "75" if coord else "15"
    ten = pnr(f"1203{day}", valid=valid)
    value = {
        "short_dash": f"{ten[:6]}-{ten[6:]}", "long_dash": f"20{ten[:6]}-{ten[6:]}", "short": ten,
        "long": f"20{ten}", "plus": f"{ten[:6]}+{ten[6:]}", "space": f"{ten[:6]} {ten[6:]}",
        "long_space": f"20{ten[:6]} {ten[6:]}",
    }[fmt]
    text = f"Barnet har personnummer {value} enligt folkbokföringen."
    assert found(text, value, "PERSONNUMMER")
    if fmt in ("short_dash", "long_dash", "plus"):
        assert gate_findings(text), "a written-out personnummer must stop scoring, checksum or not"


def test_luhn_check_raises_the_score_and_context_raises_it_further():
    good, bad = pnr(valid=True), pnr(valid=False)
    plain = "Uppgift: {} finns i akten."
    assert score_of(plain.format(good), good) > score_of(plain.format(bad), bad)
    assert score_of(f"Pnr: {bad} finns i akten.", bad) > score_of(plain.format(bad), bad)
    assert score_of(f"född {bad}", bad) > score_of(plain.format(bad), bad)


def test_external_personnummer_list_every_number_every_format():
    """shared/external/personnummer-testdata.json (read there, never copied): all must be found."""
    assert EXTERNAL.exists(), f"the external test list is missing: {EXTERNAL}"
    data = json.loads(EXTERNAL.read_text(encoding="utf-8"))
    assert data
    missed = []
    for item in data:
        for key in ("long_format", "short_format", "separated_format", "separated_long"):
            value = item[key]
            for text in (value, f"Pnr {value}.", f"Barnet ({value}) går i åk 4.", f"{value}\nnästa rad"):
                if not found(text, value, "PERSONNUMMER"):
                    missed.append((key, item["type"], item["valid"]))
    assert not missed, f"{len(missed)} missed: {missed[:5]}"


# --------------------------------------------------------------------------------------------
# Phone, e-mail, address, postal code, case number, unit
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    "070-123 45 67", "070 123 45 67", "0701234567", "070-1234567", "073-123 45 67", "+46 70 123 45 67",
    "+46701234567", "+46 (0)70-123 45 67", "0046 70 123 45 67", "08-123 45 67", "040-12 34 56",
    "0410-123 45", "046-222 33 44", "(08) 123 45 67", "+46 8 123 45 67", "031-700 10 00",
])
def test_phone_numbers(value):
    assert found(f"Mamma nås på {value} efter kl. 16.", value, "TELEFON")


@pytest.mark.parametrize("text", [
    "Uppföljning 2025-03-14 kl. 08.30–09.15 i v. 12.", "Läsåret 2024/25, 3 av 5 dagar, 0-3 år.",
    "Beslut 2024-01-15, 100 000 kr beviljades.", "Mötet tisdag 4/3 kl 13.00.",
])
def test_dates_and_numbers_are_no_phone_numbers(text):
    assert not [f for f in find_identifiers(text) if f.entity_type in ("TELEFON", "PERSONNUMMER", "POSTNUMMER")]


@pytest.mark.parametrize("value", ["sara.ahmed@exempel.se", "S.AHMED@EXEMPEL.COM", "omar_ali85@skola.exempel.se",
                                   "anna-karin.berg@kommun.exempel.se"])
def test_email(value):
    assert found(f"E-post: {value}, svar senast fredag.", value, "EMAIL")


@pytest.mark.parametrize("value", ["Storgatan 12 B", "Ringvägen 5, lgh 1102", "Stora Nygatan 5",
                                   "Drottning Kristinas väg 12", "Karl XI:s väg 3", "Lilla Torget 7",
                                   "Kvarngränd 79 lgh 1203", "c/o Andersson", "c/o Hodžić-Berg"])
def test_street_addresses(value):
    assert found(f"Familjen bor på {value}, 231 42 Trelleborg.", value, "ADRESS")


def test_flat_number_alone():
    assert found("Ny lägenhet, lgh 1102, från 1 maj.", "lgh 1102", "ADRESS")


@pytest.mark.parametrize("value", ["231 42 Trelleborg", "23142 Trelleborg", "SE-231 42 Trelleborg", "752 36 Uppsala"])
def test_postal_code_with_town(value):
    assert found(f"Postadress: Storgatan 1, {value}", value, "POSTNUMMER")


@pytest.mark.parametrize("label,value", [("Dnr", "SN 2024/123-4"), ("Dnr:", "BUN 2023.456"), ("dnr", "2024-00123"),
                                         ("Diarienummer", "SOC-2025-1234"), ("Ärendenummer:", "IFO 2024:55"),
                                         ("Dnr", "BoU 2020/93-6")])
def test_case_numbers(label, value):
    text = f"Beslut enligt LSS, {label} {value}."
    assert found(text, value, "DIARIENUMMER")
    assert label.rstrip(":") in pseudonymise(text).text  # the label stays, the number goes


def test_units_keep_their_type_word():
    text = "Hen är placerad på HVB Solgläntan och går i Söderskolan. På Solgläntan bor fyra till."
    res = pseudonymise(text)
    assert res.text == "Hen är placerad på HVB [ENHET] och går i [ENHET]. På [ENHET] bor fyra till."
    assert res.counts == {"ENHET": 3}


def test_generic_schools_are_no_units():
    text = "Förskolan och grundskolan samarbetar; Gymnasieskolan tar emot i höst."
    assert not find_identifiers(text)


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Sara", "Ahmed", "Fatima", "Abdirahman", "Niloufar", "Berivan", "Dženana",
                                  "Małgorzata", "Zeynep", "Yordanos", "Farzana", "Aino", "Anna-Karin"])
def test_listed_first_names_of_many_origins(name):
    assert found(f"Vid mötet berättade {name} att det går bättre.", name, "PERSON")


@pytest.mark.parametrize("context", ["mamma {}", "pappa {}", "kurator {}", "mentor {}", "socialsekreterare {}",
                                     "Vårdnadshavare: {}", "Handläggare: {} Qadiri", "{}, kurator", "{} (mentor)"])
def test_unknown_names_in_name_context(context):
    name = "Ingegerd"  # not in the lists
    text = "Vid mötet: " + context.format(name) + " deltog."
    assert found(text, name, "PERSON")


def test_signature_lines():
    text = "Hej!\nVi ses på mötet.\n\nMed vänlig hälsning\nTorgny Fjällgren\nSocialsekreterare\n"
    assert found(text, "Torgny Fjällgren", "PERSON")
    text2 = "Vi ses den 3 april.\n\n/Sölve\nmentor åk 7"
    assert found(text2, "Sölve", "PERSON")


@pytest.mark.parametrize("name", ["Sten", "Ros", "Berg", "Björn", "Lilja", "Mark", "Vide"])
def test_names_that_are_words_are_names_in_name_context(name):
    assert found(f"Närvarande: mamma {name} och kurator Lina.", name, "PERSON")
    assert found(f"Kurator {name} Holm ringer upp.", name, "PERSON")


@pytest.mark.parametrize("text,word", [
    ("Ros och beröm fungerar bra för [BARN].", "Ros"), ("Hans mamma kommer på mötet.", "Hans"),
    ("Per vecka får [BARN] två extra lektioner.", "Per"), ("Inga förändringar görs i medicineringen.", "Inga"),
    ("[BARN] har Tourettes syndrom och ADHD.", "Tourettes"), ("Mina föräldrar bestämmer för mycket.", "Mina"),
])
def test_ordinary_words_that_are_names_stay(text, word):
    assert word in pseudonymise(text).text


def test_genitive_keeps_its_s():
    res = pseudonymise("Sara Ahmed är 12 år. Saras mamma Amal kom. Ahmeds familj bor i Lund.")
    assert res.text == "[BARN] är 12 år. [BARN]s mamma [VH1] kom. [BARN]s familj bor i Lund."


def test_same_person_same_number_everywhere():
    text = ("Barnets namn: Sara Ahmed\nMamma: Amal Ahmed\nKurator: Jonas Berg\n"
            "Sara berättade för Jonas att hon vill byta klass. Amal höll med. Jonas Berg ringer Saras mamma.")
    res = pseudonymise(text)
    assert res.text.count("[BARN]") == 3  # Sara Ahmed, Sara, Saras: the child (a form field names her)
    assert res.text.count("[NAMN_1]") == 3  # Jonas Berg, Jonas, Jonas Berg
    assert res.text.count("[VH1]") == 2  # Amal Ahmed, Amal: the mother
    assert res.mapping["[BARN]"] == "Sara Ahmed" and res.mapping["[NAMN_1]"] == "Jonas Berg"
    assert "Sara" not in res.text and "Jonas" not in res.text and "Amal" not in res.text


def test_placeholders_and_keep_words_survive():
    text = ("SIP för [BARN]. Närvarande: [VH1], mamma, [NAMN_1] kurator (elevhälsan), BUP och socialtjänsten.\n"
            "[BARN] har ADHD och autism. Uppföljning 14 mars, v. 12. Mentor och rektor deltog. "
            "[PERSON_1]s mamma har kontakt med Försäkringskassan och habiliteringen.")
    res = pseudonymise(text)
    assert res.text == text
    assert not gate_findings(text)


def test_demo_plans_are_clean():
    for path in DEMO.glob("*.txt"):
        assert not gate_findings(path.read_text(encoding="utf-8")), path.name


# --------------------------------------------------------------------------------------------
# API shape and the engine
# --------------------------------------------------------------------------------------------


def test_findings_hold_no_values():
    text = "Sara Ahmed, pnr " + pnr()[:6] + "-" + pnr()[6:] + ", tel 070-123 45 67."
    findings = find_identifiers(text)
    assert {f.entity_type for f in findings} == {"PERSON", "PERSONNUMMER", "TELEFON"}
    for f in findings:
        assert isinstance(f, Finding) and set(f.__slots__) == {"entity_type", "start", "end", "score"}
        assert text[f.start:f.end] not in str(f) and text[f.start:f.end] not in repr(f)
    res = pseudonymise(text)
    assert "Sara" not in repr(res) and "070" not in repr(res)


def test_every_recognizer_is_swedish_and_known():
    recs = get_engine().analyzer.registry.recognizers
    assert recs and all(r.supported_language == "sv" for r in recs)
    assert {e for r in recs for e in r.supported_entities} == set(ENTITY_TYPES)
    assert get_engine() is get_engine()  # built once


def test_shared_tokenisation_gives_the_same_findings():
    from planqa.nlp import load_pipeline

    text = (DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8") + "\nKurator Jonas Berg, 070-123 45 67."
    doc = load_pipeline().make_doc(text)
    shared = find_identifiers(text, nlp_artifacts=get_engine().nlp_engine.artifacts_from_doc(doc))
    assert shared == find_identifiers(text)


def test_speed_after_load():
    rows = [json.loads(line) for line in
            (Path(__file__).resolve().parents[1] / "annotations" / "pii" / "pii.jsonl").read_text().splitlines()]
    text = ""
    for r in rows:
        text += r["text"] + "\n"
        if len(re.findall(r"\w+|[^\w\s]", text)) >= 450:
            break
    find_identifiers(text)
    runs = []
    for _ in range(7):
        t0 = time.perf_counter()
        find_identifiers(text)
        runs.append(time.perf_counter() - t0)
    # the target is well under 20 ms; this bound only catches regressions such as regex backtracking
    assert statistics.median(runs) < 0.25


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789")
                           + list(" \n\t-+:/.,()[]@|_'") + ["Sara ", "mamma ", "070-", "Dnr ", "gatan ", "lgh ",
                                                              "[BARN]", "skolan", "c/o ", "Hans ", "19", "-98"])
PLAIN = st.text(alphabet=ALPHABET, max_size=300).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(ALPHABET, max_size=120).map("".join)))
def test_any_string_gives_sorted_findings_inside_the_text(text):
    findings = find_identifiers(text)
    last_end = 0
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end  # sorted and non-overlapping
        last_end = f.end
        assert f.entity_type in ENTITY_TYPES and 0 < f.score <= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(ALPHABET, max_size=120).map("".join)))
def test_pseudonymised_length_is_bounded(text):
    res = pseudonymise(text)
    replaced = sum(res.counts.values())
    assert len(res.text) <= len(text) + 16 * replaced
    if not replaced:
        assert res.text == text


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

PLAN = "SIP för Sara Ahmed, pnr {pnr}.\nMamma Amal nås på 070-123 45 67.\nSaras mentor Jonas Berg.\n"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    p = tmp_path / "plan.txt"
    ten = pnr()
    p.write_text(PLAN.format(pnr=f"{ten[:6]}-{ten[6:]}"), encoding="utf-8")
    return p


VALUES = ("Sara", "Ahmed", "Amal", "Jonas", "070-123")


def cli():
    from planqa.cli import app

    return app, CliRunner()


def test_cli_pseudonymise_file_to_stdout(plan_file):
    app, runner = cli()
    result = runner.invoke(app, ["pseudonymise", str(plan_file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("SIP för [BARN], pnr [PERSONNUMMER].")
    assert "Mamma [VH1] nås" in result.stdout and "[BARN]s mentor [NAMN_1]" in result.stdout
    assert not any(v in result.stdout for v in VALUES)
    assert "4 namn" in result.stderr and "1 personnummer" in result.stderr


def test_cli_pseudonymise_jsonl_keeps_ids_and_mapping_only_when_asked(tmp_path):
    app, runner = cli()
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p-1", "text": "Kurator Jonas Berg, 070-123 45 67."}) + "\n"
                   + json.dumps({"id": "p-2", "text": "[BARN] har ADHD."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["pseudonymise", str(src), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["p-1", "p-2"]
    assert rows[0]["text"] == "Kurator [NAMN_1], [TELEFON]." and rows[1]["text"] == "[BARN] har ADHD."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]  # no key unless asked
    key = tmp_path / "key.json"
    result = runner.invoke(app, ["pseudonymise", str(src), "--format", "jsonl", "--out", str(out),
                                 "--mapping", str(key)])
    assert result.exit_code == 0
    mapping = json.loads(key.read_text(encoding="utf-8"))
    assert mapping["p-1"] == {"[NAMN_1]": "Jonas Berg", "[TELEFON]#1": "070-123 45 67"}
    assert "Jonas" not in result.stderr


def test_cli_pseudonymise_stdin_and_directory(tmp_path, plan_file):
    app, runner = cli()
    result = runner.invoke(app, ["pseudonymise", "-"], input="Mamma Amal ringer 070-123 45 67.\n")
    assert result.exit_code == 0 and result.stdout == "Mamma [VH1] ringer [TELEFON].\n"
    outdir = tmp_path / "ut"
    result = runner.invoke(app, ["pseudonymise", str(plan_file.parent), "--out", str(outdir)])
    assert result.exit_code == 0
    assert (outdir / "plan.txt").read_text(encoding="utf-8").startswith("SIP för [BARN]")


def test_cli_check_pii_reports_types_and_positions_never_values(plan_file, tmp_path):
    app, runner = cli()
    result = runner.invoke(app, ["check-pii", str(plan_file)])
    assert result.exit_code == 1
    assert "personnummer på rad 1" in result.stdout and "telefonnummer på rad 2" in result.stdout
    assert not any(v in result.output for v in VALUES) and pnr() not in result.output
    clean = tmp_path / "clean.txt"
    clean.write_text("SIP för [BARN]. Kurator [NAMN_1] från elevhälsan. Uppföljning v. 12.\n", encoding="utf-8")
    result = runner.invoke(app, ["check-pii", str(clean), str(DEMO)])
    assert result.exit_code == 0, result.output


def test_cli_score_stops_an_identifiable_plan_and_points_to_pseudonymise(plan_file):
    app, runner = cli()
    result = runner.invoke(app, ["score", str(plan_file)])
    assert result.exit_code != 0
    assert "planqa pseudonymise" in result.stderr
    assert not any(v in result.output for v in VALUES)
    assert result.stdout.strip() == ""  # nothing scored


@pytest.mark.parametrize("text", ["Vårdnadshavare: Kallades inte.", "VÅRDNADSHAVARE: Kallades inte.",
                                  "Mamma: Deltog via telefon.", "Vårdnadshavare: Informerades separat av skolan.",
                                  "Pappa: Närvarade.", "Vårdnadshavare: Avböjde att delta."])
def test_a_field_answer_that_starts_with_a_verb_is_no_name(text):
    assert not find_identifiers(text)


@pytest.mark.parametrize("text,name", [("Vårdnadshavare: Andrade, pappa", "Andrade"),
                                       ("Handläggare: Andrade Silva", "Andrade Silva"),
                                       ("Vårdnadshavare: Ingegerd deltog.", "Ingegerd")])
def test_a_name_in_a_field_answer_stays_a_name_beside_verb_forms(text, name):
    assert found(text, name, "PERSON")
