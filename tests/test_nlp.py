"""The spaCy pipeline: tokenizer, segmentation, gazetteer, the entity tagger, merge and attributes."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import numpy as np
import pytest
import spacy
from conftest import train_script
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import load_config, load_model_from_config

from planqa.integrity import write_manifest
from planqa.models import Entity
from planqa.nlp import DEFAULT_MODEL_DIR, _runs, analyse, blank_pipeline, gazetteer_spans, load_pipeline

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rules_nlp() -> spacy.Language:
    return blank_pipeline()


@pytest.mark.parametrize(("text", "tokens"), [
    ("BUP:s", ["BUP", ":s"]),
    ("[NAMN_1]:s", ["[", "NAMN_1", "]", ":s"]),
    ("BUP-kontakt", ["BUP", "-", "kontakt"]),
    ("| Samtal | BUP |", ["|", "Samtal", "|", "BUP", "|"]),
    ("14/3-25", ["14/3-25"]),
    ("2024-04-23 kl 13.15", ["2024-04-23", "kl", "13.15"]),
    ("/[NAMN_2]", ["/", "[", "NAMN_2", "]"]),
])
def test_tokenizer(rules_nlp: spacy.Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in rules_nlp.make_doc(text)] == tokens


def test_sentences_follow_headings_bullets_and_rows(rules_nlp: spacy.Language) -> None:
    text = "Mål\n- [BARN] ska sova.\n| Insats | Ansvarig |\nHej. Nu går vi vidare: Sen kommer mer. t.ex. här"
    sents = [s.text.strip() for s in rules_nlp(text).sents]
    assert sents[:2] == ["Mål", "- [BARN] ska sova."]
    assert "| Insats |" in sents and "Ansvarig |" in sents
    assert "Hej." in sents and "Nu går vi vidare:" in sents
    assert sents[-1] == "Sen kommer mer. t.ex. här"


def test_gazetteer_spans() -> None:
    text = "[NAMN_1], kurator på BUP:s mottagning och soc. Skolans mentor."
    found = {(text[s:e], lab, name) for s, e, lab, name in gazetteer_spans(text)}
    assert {("[NAMN_1]", "PERSON", None), ("kurator", "ROLE", None), ("BUP:s", "ACTOR", "bup"),
            ("soc", "ACTOR", "socialtjänsten"), ("Skolans", "ACTOR", "skolan"), ("mentor", "ROLE", None)} <= found


def test_gazetteer_reads_text_that_lost_its_diacritics_and_hvb_inflections() -> None:
    from planqa.actors import find_actors

    text = "Forskolan och Socialtjansten kallar, HVB:ts personal, lakaren."
    found = {(text[s:e], lab, name) for s, e, lab, name in gazetteer_spans(text)}
    assert {("Forskolan", "ACTOR", "förskolan"), ("Socialtjansten", "ACTOR", "socialtjänsten"),
            ("HVB:ts", "ACTOR", "hvb"), ("lakaren", "ROLE", None)} <= found
    assert [name for _, _, name in find_actors(text)] == ["förskolan", "socialtjänsten", "hvb"]
    assert not gazetteer_spans("Forsla bort skolkan.")  # folding adds no new words


def test_rule_pipeline_entities_and_attributes(rules_nlp: spacy.Language) -> None:
    text = ("SIP-möte 13/2 -24, soc\n[NAMN_1], socialsekreterare på socialtjänsten, kallar.\n"
            "Insats: BUP gör utredning v. 9.\n\nUppföljning\nTisdag 16/4 kl 14.00, samma lokal.")
    doc, ents = analyse(rules_nlp, text)
    assert doc._.plan_date == datetime.date(2024, 2, 13)
    assert all(isinstance(e, Entity) for e in ents)
    by_text = {e.text: e for e in ents}
    assert by_text["soc"].normalised == "socialtjänsten" and by_text["soc"].label == "ACTOR"
    assert by_text["BUP"].normalised == "bup"
    assert by_text["socialsekreterare"].label == "ROLE"
    assert by_text["[NAMN_1]"].label == "PERSON"
    assert by_text["v. 9"].normalised == "2024-02-26" and by_text["v. 9"].role is None
    assert by_text["Tisdag 16/4 kl 14.00"].normalised == "2024-04-16"
    assert by_text["Tisdag 16/4 kl 14.00"].role == "follow_up"
    assert [e.text for e in ents if e.role == "follow_up"] == ["Tisdag 16/4 kl 14.00"]
    for e in ents:
        assert text[e.start:e.end] == e.text


def test_given_plan_date_wins(rules_nlp: spacy.Language) -> None:
    _, ents = analyse(rules_nlp, "Nästa möte 14/3.", plan_date=datetime.date(2026, 1, 5))
    assert [(e.normalised, e.role) for e in ents] == [("2026-03-14", "follow_up")]


def test_given_follow_up_spans_decide_the_role(rules_nlp: spacy.Language) -> None:
    text = "Möte 10/2 -25. Insats v. 9.\nUppföljning 14/4."
    _, scored = analyse(rules_nlp, text)
    assert [e.text for e in scored if e.role == "follow_up"] == ["14/4"]
    v9 = text.index("v. 9")
    _, given = analyse(rules_nlp, text, follow_up_spans=[(v9, v9 + 4)])
    assert [e.text for e in given if e.role == "follow_up"] == ["v. 9"]  # the spans win, the scorer is not asked
    assert [(e.start, e.end, e.label, e.normalised) for e in given] == [
        (e.start, e.end, e.label, e.normalised) for e in scored]


def test_io_runs_decode_entities() -> None:
    nlp = spacy.blank("sv")
    doc = nlp.make_doc("BUP och soc kallar [ BARN ]  idag")
    labels = ("ACTOR", "O", "PERSON")
    ids = np.array([0, 1, 0, 1, 2, 2, 2, 2, 1])  # the space token at 7 is trimmed off the PERSON run
    assert [(s.text, s.label_) for s in _runs(doc, ids, labels, 1)] == [
        ("BUP", "ACTOR"), ("soc", "ACTOR"), ("[ BARN ]", "PERSON")]


def _train_docs(nlp: spacy.Language) -> list[Example]:
    rng = random.Random(0)
    actors = ["BUP", "soc", "habiliteringen", "skolan", "BVC"]
    names = ["Elin", "Jonas", "Karin", "Ove"]
    out = []
    for _ in range(24):
        a, n = rng.choice(actors), rng.choice(names)
        text = f"{n} på {a} kallar till möte den {rng.randint(1, 28)}/{rng.randint(1, 12)}. Vi ses då."
        doc = nlp.make_doc(text)
        ents = []
        for word, label in ((n, "PERSON"), (a, "ACTOR")):
            start = text.index(word)
            ents.append(doc.char_span(start, start + len(word), label=label))
        d = text.index("den ")
        ents.append(doc.char_span(d, text.index(". Vi"), label="DATE"))
        ref = doc.copy()
        ref.ents = ents
        for tok in ref:
            tok.tag_ = tok.ent_type_ or "O"
        out.append(Example(nlp.make_doc(text), ref))
    return out


@pytest.mark.timeout(120)
def test_entity_tagger_learns_and_round_trips(tmp_path: Path) -> None:
    config = load_config(ROOT / "train" / "ner.cfg", overrides={
        "paths.train": None, "paths.dev": None, "components.tok2vec.model.encode.width": 32})
    nlp = load_model_from_config(config, auto_fill=True)
    examples = _train_docs(nlp)
    nlp.initialize(lambda: examples)
    optimizer = nlp.create_optimizer()
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    doc = nlp("Karin på BUP kallar till möte den 3/4. Vi ses då.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Karin", "PERSON"), ("BUP", "ACTOR")}
    nlp.add_pipe("sip_gazetteer", config={"labels": []})
    nlp.add_pipe("sip_merge", config={"sources": {"ACTOR": "model", "ROLE": "ruler", "PERSON": "model",
                                                  "DATE": "model"}})
    nlp.to_disk(tmp_path / "m")
    write_manifest(tmp_path / "m")  # as train/ner.py does: load_pipeline refuses an unsigned model
    loaded = load_pipeline(tmp_path / "m")
    assert loaded.pipe_names == ["sip_sentencizer", "tok2vec", "ner", "sip_gazetteer", "sip_merge"]
    text = "Karin på BUP kallar till möte den 3/4. Vi ses då."
    assert [(e.text, e.label_) for e in loaded(text).ents] == [(e.text, e.label_) for e in nlp(text).ents]


def test_load_pipeline_without_a_model_dir_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_pipeline(tmp_path / "nothing")


@pytest.mark.skipif(not (DEFAULT_MODEL_DIR / "config.cfg").exists(), reason="no shipped model")
def test_shipped_model_loads_and_runs() -> None:
    nlp = load_pipeline()
    assert "ner" in nlp.pipe_names and "sip_merge" in nlp.pipe_names
    doc, ents = analyse(nlp, "SIP-möte 2025-02-10\n[NAMN_1], kurator på BUP.\n\nUppföljning: 14/4 kl 13.")
    assert isinstance(doc, Doc)
    labels = {(e.text, e.label) for e in ents}
    assert ("BUP", "ACTOR") in labels and ("[NAMN_1]", "PERSON") in labels
    assert any(e.role == "follow_up" and e.normalised == "2025-04-14" for e in ents)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab BUP[]_|-/:.\n0123456789vkl åäöSIP")), max_size=120))
def test_analyse_never_raises(rules_nlp: spacy.Language, text: str) -> None:
    doc, ents = analyse(rules_nlp, text)
    assert doc.text == text
    for e in ents:
        assert text[e.start:e.end] == e.text


def test_training_scripts_follow_up_check_equals_analyse(rules_nlp: spacy.Language) -> None:
    """train/ner.py runs the pipeline up to the merge once and merges a copy per plan date; that
    must give what analyse gives with and without the plan date."""
    ner = train_script("ner")
    records = [
        {"text": "SIP-möte 2026-02-10.\nUppföljning 14/3.", "plan_date": "2025-12-01",
         "follow_up_dates": ["2026-03-14"]},  # the plan date in the text gives 2026, the given one 2026 too
        {"text": "Möte 10/11.\nVi ses igen 14/1.", "plan_date": "2026-11-10", "follow_up_dates": ["2027-01-14"]},
        {"text": "Uppföljning vid behov.", "plan_date": None, "follow_up_dates": []},
    ]
    expected = {"pipeline": 0, "pipeline_gold_plan_date": 0}
    for r in records:
        given = datetime.date.fromisoformat(r["plan_date"]) if r["plan_date"] else None
        for name, plan_date in (("pipeline", None), ("pipeline_gold_plan_date", given)):
            _, ents = analyse(rules_nlp, r["text"], plan_date)
            expected[name] += sorted(
                {e.normalised for e in ents if e.role == "follow_up" and e.normalised}) == r["follow_up_dates"]
    got = ner.follow_up_exact(rules_nlp, records)
    assert {k: got[k] for k in expected} == {k: round(v / 3, 4) for k, v in expected.items()}
    assert expected["pipeline"] < expected["pipeline_gold_plan_date"]  # the given plan date matters here
