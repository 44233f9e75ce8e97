from __future__ import annotations

import pytest

from planqa.corpus import MarkupError, parse_source, strip_markup
from planqa.validate import NEAR_DUPLICATE, check_record, jaccard, near_duplicates, shingles, validate_corpus


def test_markup_compiles_to_clean_text_and_offsets():
    text, spans = strip_markup("Mål: {GOAL:[BARN] ska vara i skolan till {DATE:v. 12}}. Uppföljning {FUDATE:14/3}, "
                               "{ACTOR:soc} kallar.")
    assert text == "Mål: [BARN] ska vara i skolan till v. 12. Uppföljning 14/3, soc kallar."
    got = {(s.label, text[s.start:s.end], s.role) for s in spans}
    assert got == {("GOAL", "[BARN] ska vara i skolan till v. 12", None), ("DATE", "v. 12", None),
                   ("DATE", "14/3", "follow_up"), ("ACTOR", "soc", None), ("PERSON", "[BARN]", None)}


@pytest.mark.parametrize("bad", ["{ACTOR:BUP", "BUP}", "{DATE: }", "text { fri"])
def test_broken_markup_is_reported(bad):
    with pytest.raises(MarkupError):
        strip_markup(bad)


def test_header_is_required():
    with pytest.raises(MarkupError):
        parse_source("bara text")


def record(**kw) -> dict:
    base = {"id": "p1", "split": "train", "text": "SIP för [BARN].", "follow_up_dates": [],
            "labels": dict.fromkeys(__import__("planqa.criteria").criteria.CRITERION_IDS, "met"),
            "spans": [{"start": 8, "end": 14, "label": "PERSON", "text": "[BARN]"}]}
    base["labels"]["follow_up_date"] = "not_met"
    return {**base, **kw}


def test_check_record_catches_offsets_markup_and_identifiers():
    assert check_record(record()) == []
    assert any("stämmer inte" in p for p in check_record(record(spans=[{"start": 0, "end": 3, "label": "ACTOR",
                                                                        "text": "BUP"}])))
    assert any("markering" in p for p in check_record(record(text="SIP för {BARN]. ")))
    for text, kind in (("Ring 070-123 45 67.", "telefon"), ("pnr 121212-1212", "personnummer"),
                       ("mejl a.b@kommun.se", "e-post"), ("bor på Storgatan 12", "gatuadress")):
        assert any(kind in p for p in check_record(record(text=text, spans=[]))), kind


def test_a_met_follow_up_date_needs_a_readable_or_a_masked_date():
    labels = dict.fromkeys(__import__("planqa.criteria").criteria.CRITERION_IDS, "met")
    for shown, masked in (("den 14 mars", False), ("<DATE_TIME>", True), ("XXXX-XX-XX", True)):
        text = f"Uppföljning {shown}."
        span = {"start": 12, "end": 12 + len(shown), "label": "DATE", "text": shown, "role": "follow_up"}
        problems = check_record(record(text=text, labels=labels, spans=[span]))
        assert any("follow_up_dates är tom" in p for p in problems) is not masked, shown


def test_near_duplicates_across_splits_are_found():
    text = "Det här är en plan med ganska många ord som upprepas i en annan plan nästan ordagrant här."
    a = record(id="a", text=text, spans=[])
    b = record(id="b", text=text + " Slut.", split="test", spans=[])
    c = record(id="c", text="Helt annan text om något annat än det förra exemplet alls.", split="test", spans=[])
    assert [(x, y) for x, y, _ in near_duplicates([a, b, c])] == [("a", "b")]


def test_the_corpus_validates_and_has_enough_examples_of_every_verdict():
    problems, summary = validate_corpus(min_per_verdict=60)
    assert problems == [], problems[:10]
    assert int(summary.split()[0]) >= 480


def test_the_style_shift_set_validates_and_does_not_repeat_the_corpus():
    from planqa.corpus import load_corpus, load_shift

    shift = load_shift()
    assert len(shift) >= 21 and {r["split"] for r in shift} == {"shift"}
    assert [p for r in shift for p in check_record(r, splits=("shift",))] == []
    corpus = load_corpus()
    assert not {r["id"] for r in shift} & {r["id"] for r in corpus}
    seen = [shingles(r["text"]) for r in corpus]
    assert max(jaccard(shingles(r["text"]), s) for r in shift for s in seen) < NEAR_DUPLICATE


def test_a_broken_shift_plan_is_reported_by_name(tmp_path):
    from planqa.corpus import load_shift

    (tmp_path / "s001.md").write_text("---\nid: s001\n---\nText.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="s001.md"):
        load_shift(tmp_path)
