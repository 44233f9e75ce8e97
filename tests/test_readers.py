from __future__ import annotations

import json

from conftest import make_docx, make_pdf
from planqa.models import Plan
from planqa.readers import ReadError, decode_text, read_all, read_bytes, read_path

TEXT = "SIP för [BARN]. Uppföljning den 14 mars, socialtjänsten kallar. Målet är att [BARN] ska gå i skolan."


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_utf8_txt(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text(TEXT, encoding="utf-8")
    plan = only(read_path(f))
    assert isinstance(plan, Plan)
    assert plan.id == "plan.txt" and plan.text == TEXT and plan.metadata["encoding"] == "utf-8"


def test_cp1252_and_utf16_and_bom_decode_to_the_same_text(tmp_path):
    for name, data in {"a.txt": TEXT.encode("cp1252"), "b.txt": TEXT.encode("utf-16"),
                       "c.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8")}.items():
        (tmp_path / name).write_bytes(data)
    plans = list(read_path(tmp_path))
    assert [p.text for p in plans] == [TEXT] * 3
    assert [p.metadata["encoding"] for p in plans] == ["cp1252", "utf-16", "utf-8-sig"]


def test_decode_reports_latin1_text_as_cp1252():
    text, enc = decode_text("Åsa är på förskolan".encode("latin-1"))
    assert text == "Åsa är på förskolan" and enc == "cp1252"


def test_docx_keeps_paragraphs_and_table_rows_in_order(tmp_path):
    f = make_docx(tmp_path / "plan.docx", ["Samordnad individuell plan", "Mål: [BARN] ska sova bättre."],
                  table=[["Insats", "Ansvarig", "När"], ["Föräldrastöd", "socialtjänsten", "v. 12"]])
    plan = only(read_path(f))
    lines = plan.text.splitlines()
    assert lines[0] == "Samordnad individuell plan"
    assert "Föräldrastöd | socialtjänsten | v. 12" in lines
    assert lines.index("Insats | Ansvarig | När") < lines.index("Efter tabellen.")


def test_pdf_text_layer(tmp_path):
    f = make_pdf(tmp_path / "plan.pdf", ["Samordnad individuell plan", "Uppfoljning vecka 12, BUP kallar."])
    plan = only(read_path(f))
    assert "Uppfoljning vecka 12" in plan.text


def test_pdf_without_text_layer_says_ocr(tmp_path):
    f = make_pdf(tmp_path / "scan.pdf", [])
    error = only(read_path(f))
    assert isinstance(error, ReadError) and "OCR" in error.message and "scan.pdf" in error.message


def test_jsonl_keeps_ids_and_metadata_and_reports_bad_lines(tmp_path):
    f = tmp_path / "plans.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a1", "text": TEXT, "enhet": "Öst"}),
        "{inte json",
        json.dumps({"text": TEXT}),
        json.dumps({"id": "a2", "text": "  "}),
        json.dumps({"id": 7, "text": TEXT}),
    ]), encoding="utf-8")
    items = list(read_path(f))
    plans = [i for i in items if isinstance(i, Plan)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [p.id for p in plans] == ["a1", "7"]
    assert plans[0].metadata == {"enhet": "Öst"}
    assert len(errors) == 3
    assert any("rad 2" in e.message and "JSON" in e.message for e in errors)
    assert any("rad 3" in e.message and "'id'" in e.message for e in errors)
    assert any("rad 4" in e.message and "tom" in e.message for e in errors)


def test_bad_files_give_swedish_errors_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (tmp_path / "ok.md").write_text(TEXT, encoding="utf-8")
    items = list(read_all([tmp_path, tmp_path / "missing.txt"]))
    plans = [i for i in items if isinstance(i, Plan)]
    errors = {e.source.rsplit("/", 1)[-1]: e.message for e in items if isinstance(e, ReadError)}
    assert [p.id for p in plans] == ["ok.md"]
    assert "tom" in errors["empty.txt"]
    assert "inte ut att vara text" in errors["junk.txt"]
    assert "skadad" in errors["broken.docx"] and "skadad" in errors["broken.pdf"]
    assert "finns inte" in errors["missing.txt"]
    assert all(TEXT not in m for m in errors.values())


def test_unsupported_suffix(tmp_path):
    error = only(read_bytes(b"x", "plan.odt", "plan.odt"))
    assert isinstance(error, ReadError) and ".odt" in error.message
