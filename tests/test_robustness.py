"""Hostile and odd input: every case gets a Swedish message naming the file, and nothing crashes."""

from __future__ import annotations

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_pdf
from planqa.language import language_warnings
from planqa.models import Plan
from planqa.readers import MAX_PLAN_CHARS, ReadError, clean_text, read_bytes, read_path
from planqa.rules import RuleAssessor


def only(items):
    items = list(items)
    assert len(items) == 1
    return items[0]


def test_a_20_mb_text_is_refused_with_a_message(tmp_path):
    big = tmp_path / "stor.txt"
    big.write_bytes(("Mål: [BARN] ska gå i skolan. " * 700_000).encode("utf-8"))  # about 20 MB
    error = only(read_path(big))
    assert isinstance(error, ReadError) and "stor.txt" in error.message and "för lång" in error.message


def test_whitespace_only_and_control_characters(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\t \n", encoding="utf-8")
    assert "tom" in only(read_path(tmp_path / "blank.txt")).message
    (tmp_path / "ctrl.txt").write_bytes("Mål:\x07 sova\u200b bättre\r\nUppföljning\x1b v. 12".encode("utf-8"))
    plan = only(read_path(tmp_path / "ctrl.txt"))
    assert plan.text == "Mål: sova bättre\nUppföljning v. 12"


def test_extremely_long_line_is_read_and_scored(tmp_path):
    line = "[BARN] behöver stöd i skolan och hemma " * 3000
    (tmp_path / "lang.txt").write_text(line, encoding="utf-8")
    plan = only(read_path(tmp_path / "lang.txt"))
    assert len(RuleAssessor().assess(plan).criteria) == 12


def test_a_huge_pdf_is_refused(tmp_path, monkeypatch):
    import planqa.readers as readers

    monkeypatch.setattr(readers, "MAX_PDF_PAGES", 3)
    f = make_pdf(tmp_path / "bunt.pdf", ["sida"] * 400)  # several pages
    error = only(read_path(f))
    assert isinstance(error, ReadError) and "bunt.pdf" in error.message and "för stort" in error.message


def test_corrupt_zip_renamed_docx_and_utf16_jsonl(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<inte ett riktigt dokument")
    (tmp_path / "trasig.docx").write_bytes(buf.getvalue())
    assert "skadad" in only(read_path(tmp_path / "trasig.docx")).message
    (tmp_path / "u16.jsonl").write_bytes((json.dumps({"id": "a", "text": "Mål: sova"}) + "\n").encode("utf-16"))
    assert only(read_path(tmp_path / "u16.jsonl")).id == "a"


def test_english_and_arabic_plans_get_a_warning_swedish_does_not(good_plan_text):
    english = ("The child will attend school four days a week and the social services will follow up "
               "the plan in March together with the family and the school nurse.")
    arabic = "الطفل سيذهب إلى المدرسة أربعة أيام في الأسبوع وستتابع الخدمات الاجتماعية الخطة"
    assert "engelska" in language_warnings(english)[0]
    assert "arabisk" in language_warnings(arabic)[0]
    assert language_warnings(good_plan_text) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.docx", "a.pdf", "a.jsonl", "a.odt"]))
def test_readers_never_raise_on_any_bytes(data, name):
    for item in read_bytes(data, name, name):
        assert isinstance(item, (Plan, ReadError))
        if isinstance(item, Plan):
            assert item.text.strip() and len(item.text) <= MAX_PLAN_CHARS


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_clean_text_and_the_rules_never_raise_and_offsets_stay_inside(text):
    clean = clean_text(text)
    assert len(clean) <= len(text)
    assessment = RuleAssessor().assess(Plan(id="x", text=clean))
    for result in assessment.criteria.values():
        for e in result.evidence:
            assert 0 <= e.start <= e.end <= len(clean) and clean[e.start:e.end] == e.text
    for e in assessment.entities:
        assert 0 <= e.start <= e.end <= len(clean)
