"""Results and export on a known sample: exact figures in the workbook, CSV and summary."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from planqa.criteria import CRITERION_IDS
from planqa.models import Plan
from planqa.review import charts, export, results
from planqa.review.db import AuditDB
from planqa.review.results import Decision, agreement, criterion_stats, wilson
from planqa.review.sampling import SampleDefinition, draw
from planqa.review.testing import make_assessment

SUMMARY = ("I 14 av 30 granskade planer (47 %, 95 % KI 30–64 %) saknas datum för uppföljning, "
           "i 10 (33 %, 95 % KI 19–51 %) saknas mål och i 3 (10 %, 95 % KI 3–26 %) återges inte "
           "barnets egen röst.")


def final_verdicts(i: int) -> dict[str, str]:
    """The auditor's verdicts for the i-th reviewed plan of the sample."""
    v = {c: "met" for c in CRITERION_IDS}
    v["follow_up_date"] = "not_met" if i < 14 else "partial" if i < 20 else "met"
    if i < 10:
        v["goals_present"] = "not_met"
    if i < 3:
        v["child_voice"] = "not_met"
    return v


@pytest.fixture
def snap(tmp_path):
    """40 plans, a simple random sample of 31 (seed 42); 30 reviewed, one half-way."""
    db = AuditDB.create(tmp_path / "k.sqlite3", "SIP-granskning", "Exempelkommunen", "2024")
    for i in range(40):
        pid = f"p{i:02d}"
        db.add_plan(Plan(id=pid, text=f"plan {i}", metadata={"enhet": "Östra" if i % 2 else "Västra"}),
                    make_assessment(pid), f"sha{i}")
    sample = draw({sp.plan.id: sp.plan.metadata for sp in db.plans()}, SampleDefinition("simple", 31, seed=42))
    db.save_sample(sample)
    for i, pid in enumerate(sample.plan_ids[:30]):  # the tool said "met" everywhere
        for c, v in final_verdicts(i).items():
            db.save_review(pid, c, v, "saknar datum" if (i, c) == (0, "follow_up_date") else "", "Revisor A")
    for c in CRITERION_IDS[:5]:
        db.save_review(sample.plan_ids[30], c, "met", "", "Revisor B")
    outside = next(p for p in (f"p{i:02d}" for i in range(40)) if p not in sample.plan_ids)
    db.save_review(outside, "consent", "not_met", "", "Revisor B")  # not in the sample: not counted
    return results.snapshot(db)


def test_wilson_interval_known_values():
    lo, hi = wilson(14, 30)
    assert (round(lo, 4), round(hi, 4)) == (0.3023, 0.6386)
    assert wilson(0, 10)[0] == 0.0 and round(wilson(0, 10)[1], 4) == 0.2775
    assert round(wilson(10, 10)[0], 4) == 0.7225 and wilson(10, 10)[1] == 1.0
    assert wilson(0, 0) == (0.0, 0.0)


def test_agreement_and_kappa():
    ds = [Decision("a", "consent", "met", 0.9, False, "met"), Decision("b", "consent", "met", 0.9, False, "met"),
          Decision("c", "consent", "not_met", 0.9, False, "met"),
          Decision("d", "consent", "not_met", 0.9, False, "not_met"), Decision("e", "consent", "met", 0.9, False)]
    a = agreement(ds)
    assert (a.n, a.agree) == (4, 3)
    # p_o = 0.75; p_e = 0.5 * 0.75 + 0.5 * 0.25 = 0.5 -> kappa 0.5
    assert a.kappa == pytest.approx(0.5)
    stats = {s.criterion: s for s in criterion_stats(ds)}
    assert stats["consent"].counts == {"met": 3, "partial": 0, "not_met": 1} and stats["consent"].agree == 3
    assert stats["child_voice"].n == 0 and stats["child_voice"].share("met") == 0.0


def test_snapshot_counts_only_fully_reviewed_sample_plans(snap):
    assert len(snap.plan_ids) == 31 and len(snap.reviewed) == 30
    assert snap.reviewed == snap.sample.plan_ids[:30]
    stats = {s.criterion: s for s in criterion_stats(snap.reviewed_decisions())}
    assert stats["follow_up_date"].counts == {"met": 10, "partial": 6, "not_met": 14}
    assert stats["consent"].counts == {"met": 30, "partial": 0, "not_met": 0}
    assert stats["follow_up_date"].agree == 10


def test_summary_paragraph(snap):
    text = export.summary_markdown(snap)
    findings, method = text.strip().split("\n\n")
    assert findings == SUMMARY
    assert method.startswith("Underlaget är ett obundet slumpmässigt urval av 31 planer (slumpfrö 42) bland 40 "
                             "inlästa planer (SIP-granskning, Exempelkommunen, 2024), draget ")
    assert "30 av urvalets 31 planer har granskats" in method
    # 360 decisions; the auditor changed follow_up_date in 20 plans, goals_present in 10, child_voice in 3
    assert "Granskarna behöll planqas bedömning i 327 av 360 kriteriebedömningar (91 %;" in method


def test_summary_edge_cases(tmp_path):
    db = AuditDB.create(tmp_path / "e.sqlite3", "E")
    db.add_plan(Plan(id="x", text="t"), make_assessment("x"), "s")
    assert "Inget urval" in export.summary_markdown(results.snapshot(db))
    db.save_sample(draw({"x": {}}, SampleDefinition("simple", 1, 1)))
    assert export.summary_markdown(results.snapshot(db)).startswith("Inga planer i urvalet har granskats ännu.")
    for c in CRITERION_IDS:
        db.save_review("x", c, "not_met" if c == "consent" else "met", "", "R")
    assert export.findings_sentences(results.snapshot(db)) == (
        "I 1 av 1 granskad plan (100 %, 95 % KI 21–100 %) saknas dokumenterat samtycke.")


def test_workbook_contents(snap):
    wb = load_workbook(io.BytesIO(export.workbook_bytes(snap)))
    assert wb.sheetnames == ["Planer", "Bedömningar", "Resultat", "Urval", "Logg"]

    rows = list(wb["Planer"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 31 and [r[0] for r in body] == list(snap.plan_ids)
    auto = header.index("Datum för uppföljning – auto")
    assert header[auto + 1] == "Datum för uppföljning – slutlig"
    first = body[0]
    assert (first[1], first[auto], first[auto + 1]) == ("ja", "Uppfyllt", "Ej uppfyllt")
    assert body[20][auto + 1] == "Uppfyllt" and body[15][auto + 1] == "Delvis uppfyllt"
    assert body[30][1] == "nej" and body[30][auto + 1] in ("", None)
    dims = [header.index(h) for h in header if h.startswith(("Fullständighet", "Uppföljning", "Barnperspektiv"))]
    assert [first[i] for i in dims] == [0.8, 0.5, 0.6667]  # final verdicts of plan 0

    decisions = list(wb["Bedömningar"].iter_rows(values_only=True))
    assert len(decisions) == 1 + 31 * 12
    commented = [r for r in decisions if r[8] == "saknar datum"]
    assert len(commented) == 1 and commented[0][0] == snap.plan_ids[0] and commented[0][7] == "ja"

    res = {r[1]: r for r in wb["Resultat"].iter_rows(min_row=2, values_only=True)}
    fu = res["follow_up_date"]
    assert fu[3] == 30
    assert fu[4:8] == (10, 0.3333, 0.1923, 0.5122)  # met: count, share, CI
    assert fu[8] == 6
    assert fu[12:16] == (14, 0.4667, 0.3023, 0.6386)  # not met
    assert fu[16] == 0.3333  # agreement: only the ten "met" plans kept the tool's verdict

    sample = {r[0]: r[1] for r in wb["Urval"].iter_rows(values_only=True) if r and r[0]}
    assert sample["Urvalsmetod"] == "Obundet slumpmässigt" and sample["Slumpfrö"] == 42
    assert sample["Population (inlästa planer)"] == 40 and sample["Planer i urvalet"] == 31
    assert sample["Granskade planer"] == 30 and sample["Dragen (UTC)"] == snap.sample.created_at
    order = [r[1] for r in wb["Urval"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert order == list(snap.plan_ids)

    log = list(wb["Logg"].iter_rows(min_row=2, values_only=True))
    assert len(log) == 30 * 12 + 5 + 1 and log[0][2] == CRITERION_IDS[0]


def test_csv_contents(snap):
    rows = list(csv.DictReader(io.StringIO(export.decisions_csv(snap))))
    assert len(rows) == 31 * 12
    assert tuple(rows[0]) == export.CSV_COLUMNS
    fu = [r for r in rows if r["criterion"] == "follow_up_date" and r["plan_id"] in snap.reviewed]
    assert sum(r["final_verdict"] == "not_met" for r in fu) == 14
    assert sum(r["changed"] == "1" for r in rows) == 33
    unreviewed = [r for r in rows if r["plan_id"] == snap.plan_ids[30]]
    assert sum(r["final_verdict"] == "" for r in unreviewed) == 7


def test_display_tables_and_charts(snap):
    stats = criterion_stats(snap.reviewed_decisions())
    rows = {r["Kriterium"]: r for r in results.criterion_table(stats)}
    fu = rows["Datum för uppföljning"]
    assert (fu["Planer"], fu["Ej uppfyllt % (KI)"], fu["Uppfyllt % (KI)"]) == (30, "47 % (30–64)", "33 % (19–51)")
    assert fu["Överensstämmelse"] == "33 %"

    plans = results.plan_rows(snap)
    assert len(results.plan_table(plans, None)) == 31
    changed = results.plan_table(plans, None, only_changed=True)
    assert len(changed) == 20 and all(r["Ändrade bedömningar"] for r in changed)  # plans 0-19 changed
    weak = results.plan_table(plans, None, level="delvis", dimension="follow_up")
    assert {r["Plan"] for r in weak} == set(snap.plan_ids[:14])  # no follow-up date: 2 of 4 points
    assert results.plan_table(plans, None, level="brist", dimension="follow_up") == []

    spec = charts.shares_chart(stats).to_dict()
    data = next(iter(spec["datasets"].values()))
    assert len(data) == 36 and spec["mark"]["type"] == "bar"
    layers = charts.not_met_chart(stats).to_dict()["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rule", "point"]
