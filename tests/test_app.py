"""The Streamlit app page by page with AppTest: audit, load, sample, review, results, export."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest
import streamlit as st
from openpyxl import load_workbook
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from planqa.criteria import BY_ID, CRITERION_IDS
from planqa.review import loading
from planqa.review.db import AuditDB
from planqa.review.sampling import SampleDefinition, draw, plan_fields
from planqa.review.testing import FakeAssessor, fake_gate, fake_pseudonymise

APP = Path(__file__).resolve().parents[1] / "app.py"
PNR = "19121212-1212"  # the Skatteverket test number


@pytest.fixture
def audits(tmp_path, monkeypatch) -> Path:
    """An empty audit folder; the app runs on the fake assessor and gate."""
    directory = tmp_path / "granskningar"
    monkeypatch.setenv("PLANQA_AUDIT_DIR", str(directory))
    monkeypatch.setattr(sys, "argv", ["app.py"])
    fake = FakeAssessor()
    monkeypatch.setattr(loading, "default_assessor", lambda: fake)
    monkeypatch.setattr(loading, "default_gate", lambda: fake_gate)
    monkeypatch.setattr(loading, "default_pseudonymiser", lambda: fake_pseudonymise)
    st.cache_resource.clear()
    yield directory
    st.cache_resource.clear()


def start(audit: str | None = None) -> AppTest:
    """A new browser session (a restart when the folder already holds audits)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if audit:
        at.query_params["granskning"] = audit
    return at.run()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, label: str) -> AppTest:
    (button,) = [b for b in at.button if b.label == label]
    return ok(button.click().run())


def page(at: AppTest, name: str) -> AppTest:
    return ok(at.sidebar.radio[0].set_value(name).run())


def texts(at: AppTest) -> str:
    """All text the page shows."""
    parts = [e.value for kind in ("markdown", "success", "info", "warning", "error", "caption", "code")
             for e in getattr(at, kind)]
    parts += [str(m.value) for m in at.metric] + [h.value for h in at.html]
    return "\n".join(str(p) for p in parts)


def create(at: AppTest, name: str = "SIP-granskning 2025") -> AppTest:
    inputs = {t.label: t for t in at.text_input}
    inputs["Namn"].set_value(name)
    inputs["Organisation"].set_value("Exempelkommunen")
    inputs["Period"].set_value("2025")
    return click(at, "Skapa granskning")


def plans_jsonl(n: int) -> bytes:
    lines = [json.dumps({"id": f"plan-{i:02d}", "enhet": "Östra" if i % 3 else "Västra",
                         "text": f"Plan {i}. Mål: [BARN] ska gå i skolan. "
                                 + ("Uppföljning 2025-05-01." if i % 2 else "Vi ses vid behov.")},
                        ensure_ascii=False) for i in range(n)]
    return "\n".join(lines).encode()


def upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.file_uploader[0].set_value([(name, data, "application/octet-stream") for name, data in files])
    return click(at, "Läs in")


def loaded_audit(audits: Path, n: int = 12) -> AppTest:
    at = create(start())
    return upload(at, [("planer.jsonl", plans_jsonl(n))])


def only_db(audits: Path) -> AuditDB:
    (path,) = audits.glob("*.sqlite3")
    return AuditDB(path)


def draw_sample(at: AppTest, n: int, seed: int, method: str = "simple", field: str | None = None) -> AppTest:
    page(at, "Urval")
    at.radio[0].set_value(method)
    if field:
        at.selectbox[0].set_value(field)
    at.number_input[0].set_value(n)
    at.number_input[1].set_value(seed)
    if at.checkbox:
        at.checkbox[0].check()
    return click(at, "Dra urval")


def test_create_and_reopen_audit(audits):
    at = ok(start())
    assert at.sidebar.radio[0].value == "Granskning"
    at = create(at)
    assert at.sidebar.radio[0].value == "Ladda planer"
    assert "Granskningen SIP-granskning 2025 skapades" in texts(at)
    assert (audits / "sip-granskning-2025.sqlite3").exists()

    at = ok(start())  # restart: open it again from the list
    assert "Skapa eller öppna" not in texts(at)
    assert at.selectbox[0].value.name == "SIP-granskning 2025"
    at = click(at, "Öppna")
    assert "**SIP-granskning 2025**" in at.sidebar.markdown[0].value
    at = ok(start("sip-granskning-2025"))  # the address keeps the open audit over a reload
    assert "**SIP-granskning 2025**" in at.sidebar.markdown[0].value


def test_load_page_gates_and_pseudonymises(audits, monkeypatch):
    monkeypatch.setattr(loading, "MAX_UPLOAD_MB", 0.01)
    at = create(start())
    z = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", "Mål: [BARN] ska sova bättre. Uppföljning 2025-03-01.")
        zf.writestr("../b.txt", "utanför")
    at = upload(at, [("ok.txt", "Mål: [BARN] ska läsa. Uppföljning 2025-06-01.".encode()),
                     ("id.txt", f"Barnets personnummer är {PNR}. Mål: läsa.".encode()),
                     ("planer.zip", z.getvalue()), ("stor.txt", b"x" * 20_000)])
    shown = texts(at)
    assert "2 planer lästes in och bedömdes." in shown
    assert "Stoppade planer (1)" in [s.value for s in at.subheader]
    start_at = len("Barnets personnummer är ")
    assert f"**id.txt**: personnummer (tecken {start_at}–{start_at + len(PNR)})" in shown
    assert "otillåten sökväg" in shown and "större än 0.01 MB" in shown
    assert PNR not in shown
    db = only_db(audits)
    assert db.plan_count() == 2

    at = click(at, "Pseudonymisera och läs in")
    assert "1 plan lästes in och bedömdes." in texts(at)
    assert db.plan("id.txt").pseudonymised
    dump = "\n".join(sqlite3.connect(db.path).iterdump())
    assert PNR not in dump and "[PERSONNUMMER]" in dump
    assert len(at.dataframe[0].value) == 3

    at = upload(at, [("ok.txt", "Mål: [BARN] ska läsa. Uppföljning 2025-06-01.".encode())])
    assert "1 plan fanns redan i granskningen" in texts(at)


def test_sample_is_reproducible(audits):
    at = loaded_audit(audits, 12)
    at = draw_sample(at, 6, 4711, "stratified", "enhet")
    assert "Urvalet drogs: stratifierat urval av 6 planer efter enhet" in texts(at)
    db = only_db(audits)
    sample = db.current_sample()
    units = {sp.plan.id: plan_fields(sp.plan.metadata, sp.assessment.plan_date, sp.assessment.coordinator)
             for sp in db.plans()}
    expected = draw(units, SampleDefinition("stratified", 6, 4711, "enhet"))
    assert sample.plan_ids == expected.plan_ids and sample.strata == {"Västra": (4, 2), "Östra": (8, 4)}
    assert "Slumpfrö **4711**" in texts(at)
    at = click(at, "Kontrollera att urvalet kan återskapas")
    assert "exakt samma urval" in texts(at)

    other = draw_sample(ok(start(db.path.stem)), 6, 4711, "stratified", "enhet")  # another session, same seed
    assert only_db(audits).current_sample().plan_ids == sample.plan_ids
    other = draw_sample(other, 6, 4712, "stratified", "enhet")
    assert only_db(audits).current_sample().plan_ids != sample.plan_ids


def review_page(audits: Path, n_plans: int = 4, n_sample: int = 2) -> AppTest:
    at = loaded_audit(audits, n_plans)
    at = draw_sample(at, n_sample, 1)
    at = page(at, "Granska")
    return at


def verdict_radio(at: AppTest, criterion: str):
    (radio,) = [r for r in at.radio if r.label == BY_ID[criterion].name]
    return radio


def comment_input(at: AppTest, criterion: str):
    (box,) = [t for t in at.text_input if t.label == f"Kommentar: {BY_ID[criterion].name}"]
    return box


def test_review_needs_name_and_refuses_identifying_comments(audits):
    at = review_page(audits)
    at = click(at, "Spara")
    assert "Skriv ditt namn" in texts(at)
    at.sidebar.text_input[0].set_value("Revisor R")
    comment_input(at, "consent").set_value(f"se {PNR}")
    at = click(at, "Spara")
    assert "får inte innehålla personuppgifter" in texts(at) and "Samtycke (personnummer" in texts(at)
    assert only_db(audits).review_log() == []


def test_review_override_persists_across_restart(audits):
    at = review_page(audits)
    db = only_db(audits)
    queue = db.current_sample().plan_ids
    first = at.selectbox[0].value
    assert first in queue
    assert next(s.value for s in at.markdown if s.value.startswith("#####")) == "##### Behöver granskas särskilt"
    assert "0 av 2 planer i urvalet granskade" in at.get("progress")[0].proto.text
    auto = db.plan(first).assessment.criteria["goals_evaluable"].verdict
    new = "partial" if auto != "partial" else "not_met"
    at.sidebar.text_input[0].set_value("Revisor R")
    verdict_radio(at, "goals_evaluable").set_value(new)
    comment_input(at, "goals_evaluable").set_value("Målet saknar tidsram")
    at = click(at, "Spara och nästa")
    assert f"{first}: granskningen sparades (1 av 12 bedömningar ändrade)." in texts(at)
    assert at.selectbox[0].value != first  # moved on to the next plan
    assert "1 av 2 planer i urvalet granskade" in at.get("progress")[0].proto.text

    log = only_db(audits).review_log()
    assert len(log) == len(CRITERION_IDS) and {e["reviewer"] for e in log} == {"Revisor R"}
    assert [(e["verdict"], e["comment"]) for e in log if e["criterion"] == "goals_evaluable"] == [
        (new, "Målet saknar tidsram")]

    at = page(ok(start(db.path.stem)), "Granska")  # restart
    at.selectbox[0].set_value(first).run()
    assert verdict_radio(at, "goals_evaluable").value == new
    assert comment_input(at, "goals_evaluable").value == "Målet saknar tidsram"
    assert "granskad av Revisor R" in texts(at)


def test_previous_and_next(audits):
    at = review_page(audits, 4, 3)
    order = at.selectbox[0].options
    assert len(order) == 3
    first = at.selectbox[0].value
    at = click(at, "Nästa →")
    second = at.selectbox[0].value
    assert second != first
    at = click(at, "← Föregående")
    assert at.selectbox[0].value == first


def test_two_tabs_keep_each_others_verdicts(audits):
    review_page(audits)
    db = only_db(audits)
    tab1, tab2 = page(ok(start(db.path.stem)), "Granska"), page(ok(start(db.path.stem)), "Granska")
    pid = tab1.selectbox[0].value
    assert tab2.selectbox[0].value == pid
    tab2.sidebar.text_input[0].set_value("Tvåan")
    auto = db.plan(pid).assessment.criteria["consent"].verdict
    other = "not_met" if auto != "not_met" else "met"
    verdict_radio(tab2, "consent").set_value(other)
    click(tab2, "Spara")
    tab1.sidebar.text_input[0].set_value("Ettan")
    tab1 = click(tab1, "Spara")  # stale: still shows the tool's verdict on consent
    assert "Bedömningar som gjorts i en annan flik behölls: Samtycke." in texts(tab1)
    r = db.reviews(pid)[(pid, "consent")]
    assert (r.verdict, r.reviewer) == (other, "Tvåan")
    assert len(db.reviews(pid)) == len(CRITERION_IDS)

    # both tabs change the same verdict: the later change wins, with a warning, and both are logged
    tab1.selectbox[0].set_value(pid).run()
    tab2 = click(tab2, "← Föregående") if tab2.selectbox[0].value != pid else tab2
    verdict_radio(tab2, "child_goals").set_value("partial")
    verdict_radio(tab1, "child_goals").set_value("not_met")
    click(tab2, "Spara")
    tab1 = click(tab1, "Spara")
    assert "Du ersatte bedömningar som gjorts i en annan flik" in texts(tab1)
    assert db.reviews(pid)[(pid, "child_goals")].verdict == "not_met"
    assert [e["verdict"] for e in db.review_log() if e["criterion"] == "child_goals" and e["plan_id"] == pid][-2:] \
        == ["partial", "not_met"]


def test_plan_markup_is_shown_as_text(audits):
    at = create(start())
    at = upload(at, [("x.txt", b"Mal: <script>alert('planqa')</script><img src=x onerror=alert(1)> 2025-01-02")])
    at = draw_sample(at, 1, 1)
    at = page(at, "Granska")
    body = next(h.value for h in at.html if "planqa-text" in h.value)
    assert "<script>" not in body and "<img" not in body
    assert "&lt;script&gt;alert(&#x27;planqa&#x27;)&lt;/script&gt;" in body
    assert "Datum" in texts(at)  # legend for the highlighted date


def test_results_and_export(audits, monkeypatch):
    files = {}
    save = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        files[filename] = path_or_data
        return save(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    at = review_page(audits, 4, 2)
    at.sidebar.text_input[0].set_value("Revisor R")
    db = only_db(audits)
    for _ in range(2):  # review both plans; set follow-up date to not met in both
        verdict_radio(at, "follow_up_date").set_value("not_met")
        at = click(at, "Spara och nästa")
    assert "Alla planer i urvalet är granskade" in texts(at)

    at = page(at, "Resultat")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Granskade planer"] == "2 av 2"
    table = at.dataframe[0].value.set_index("Kriterium")
    assert table.loc["Datum för uppföljning", "Ej uppfyllt % (KI)"] == "100 % (34–100)"
    plans = at.dataframe[1].value
    assert len(plans) == 2 and set(plans["Plan"]) == set(db.current_sample().plan_ids)

    at = page(at, "Export")
    summary = at.code[0].value
    assert summary.startswith("I 2 av 2 granskade planer (100 %, 95 % KI 34–100 %) saknas datum för uppföljning")
    assert [b.label for b in at.get("download_button")] == [
        "Excel-arbetsbok (.xlsx)", "Alla bedömningar (.csv)", "Sammanfattning (.md)"]
    wb = load_workbook(io.BytesIO(files["sip-granskning-2025.xlsx"]))
    res = {r[1]: r for r in wb["Resultat"].iter_rows(min_row=2, values_only=True)}
    assert res["follow_up_date"][3] == 2 and res["follow_up_date"][12] == 2
    sample = {r[0]: r[1] for r in wb["Urval"].iter_rows(values_only=True) if r and r[0]}
    assert sample["Slumpfrö"] == 1 and sample["Planer i urvalet"] == 2
    csv_text = files["sip-granskning-2025.csv"].decode()
    assert csv_text.count("\n") == 1 + 2 * len(CRITERION_IDS)
    assert files["sip-granskning-2025-sammanfattning.md"].decode().strip() == summary.strip()


def test_pages_ask_for_an_audit_first(audits):
    at = ok(start())
    for name in ("Ladda planer", "Urval", "Granska", "Resultat", "Export"):
        at = page(at, name)
        assert "Skapa eller öppna en granskning först." in texts(at)


def test_empty_audit_pages_explain_the_next_step(audits):
    at = create(start())
    assert "Läs in planer först." in texts(page(at, "Urval"))
    assert "Dra ett urval först." in texts(page(at, "Granska"))
    assert "Dra ett urval och granska planer först." in texts(page(at, "Resultat"))
    assert "Dra ett urval och granska planer först." in texts(page(at, "Export"))


def test_demo_mode_opens_the_demo_plans(audits, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["app.py", "--demo"])
    at = ok(start())
    assert at.sidebar.radio[0].value == "Ladda planer"
    assert "**Demogranskning**" in at.sidebar.markdown[0].value
    n = len(loading.read_folder(loading.DEMO_DIR))
    assert f"{n} planer lästes in och bedömdes." in texts(at)
    assert len(at.dataframe[0].value) == n


def test_demo_with_the_real_assessor_and_gate(tmp_path, monkeypatch):
    """The app against the real planqa.assess and planqa.pseudonymise (no fakes)."""
    monkeypatch.setenv("PLANQA_AUDIT_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["app.py", "--demo"])
    st.cache_resource.clear()
    at = ok(start())
    db = AuditDB(tmp_path / "demo.sqlite3")
    report = at.session_state["load_report"]
    assert db.plan_count() == len(report.added) >= 3 and not report.errors
    assert {sp.assessment.model_version for sp in db.plans()} != {"fake-1"}
    st.cache_resource.clear()
