"""The PII corpus (annotations/pii/pii.jsonl) and its generator train/pii_corpus.py."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import train_script

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "annotations" / "pii" / "pii.jsonl"
LABELS = {"PERSON", "PERSONNUMMER", "TELEFON", "EMAIL", "ADRESS", "POSTNUMMER", "DIARIENUMMER", "ENHET"}
KEEP_LABELS = {"ACTOR", "ROLE", "DIAGNOS", "DATE", "PLACEHOLDER", "KEEP"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def generator():
    return train_script("pii_corpus")


def test_size_split_and_fields(rows):
    assert len(rows) >= 200
    assert len({r["id"] for r in rows}) == len(rows)
    split = Counter(r["split"] for r in rows)
    assert set(split) == {"train", "test"}
    assert 0.35 <= split["test"] / len(rows) <= 0.45
    for r in rows:
        assert set(r) >= {"id", "text", "split", "spans", "keep"}


def test_spans_match_the_text_and_keep_words_do_not_overlap_identifiers(rows):
    for r in rows:
        text = r["text"]
        for s in r["spans"] + r["keep"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
            assert text[s["start"]:s["end"]] == s["text"], r["id"]
        assert {s["label"] for s in r["spans"]} <= LABELS
        assert {k["label"] for k in r["keep"]} <= KEEP_LABELS
        for k in r["keep"]:
            assert not any(k["start"] < s["end"] and s["start"] < k["end"] for s in r["spans"]), r["id"]


def test_many_contexts_and_test_contexts_are_unseen_in_train(rows, generator):
    assert len(generator.TEMPLATES) >= 60
    train = {t for r in rows if r["split"] == "train" for t in r["template_ids"]}
    test = {t for r in rows if r["split"] == "test" for t in r["template_ids"]}
    assert not train & test
    assert len(train | test) >= 60


def test_the_identifier_variety_the_corpus_promises(rows):
    spans = [s for r in rows for s in r["spans"]]
    by_label = Counter(s["label"] for s in spans)
    assert all(by_label[label] >= 20 for label in LABELS), by_label
    pnrs = [s["text"] for s in spans if s["label"] == "PERSONNUMMER"]
    assert any(re.fullmatch(r"\d{6}-\d{4}", p) for p in pnrs)
    assert any(re.fullmatch(r"\d{8}-\d{4}", p) for p in pnrs)
    assert any(re.fullmatch(r"\d{10}", p) for p in pnrs) and any(re.fullmatch(r"\d{12}", p) for p in pnrs)
    assert any("+" in p for p in pnrs)
    assert any(int(re.sub(r"\D", "", p)[-6:-4]) > 60 for p in pnrs)  # samordningsnummer
    from planqa.pseudonymise.recognizers import luhn_ok

    checks = [luhn_ok(re.sub(r"\D", "", p)[-10:]) for p in pnrs]
    assert any(checks) and not all(checks)  # valid and invalid check digits
    phones = [s["text"] for s in spans if s["label"] == "TELEFON"]
    assert any(p.startswith("+46") for p in phones) and any(p.startswith("07") for p in phones)
    assert any(re.match(r"0[1-9]\d?-", p) for p in phones)
    names = {s["text"] for s in spans if s["label"] == "PERSON"}
    for expected in ("Sten", "Ros", "Berg", "Björn", "Lilja", "Mark", "Vide"):
        assert any(expected in n.split() for n in names), expected
    texts = "".join(r["text"] for r in rows)
    assert re.search(r"\b\w+s mamma\b", texts)  # genitives
    assert "c/o " in texts and "lgh " in texts and "HVB" in texts


def test_generator_is_deterministic(generator):
    a = generator.build(20, 7)
    b = generator.build(20, 7)
    assert a == b
    assert generator.build(20, 8) != a
