"""End-to-end through the installed `planqa` command on txt, md, docx, pdf and jsonl input."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEMO, make_docx, make_pdf
from planqa.criteria import CRITERION_IDS

PLANQA = shutil.which("planqa") or str(Path(sys.executable).parent / "planqa")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([PLANQA, *args], capture_output=True, text=True, input=stdin, timeout=300)


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    d = tmp_path / "plans"
    (d / "sub").mkdir(parents=True)
    shutil.copy(DEMO / "sip-skolfranvaro.txt", d / "a.txt")
    shutil.copy(DEMO / "sip-uppfoljning-hab.md", d / "sub" / "b.md")
    shutil.copy(DEMO / "plans.jsonl", d / "c.jsonl")
    lines = (DEMO / "sip-anteckningar-kort.txt").read_text(encoding="utf-8").splitlines()
    make_docx(d / "d.docx", lines, table=[["Vad", "Vem", "När"], ["KBT", "BUP", "v. 12"]])
    make_pdf(d / "e.pdf", ["SIP 2025-02-03", "Mål: [BARN] ska gå till skolan tre dagar i veckan.",
                           "Uppföljning 2025-04-01, socialtjänsten kallar."])
    return d


def test_score_directory_of_mixed_files_gives_jsonl_with_all_criteria(mixed_dir):
    result = run("score", str(mixed_dir), "--assume-pseudonymised")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["id"] for r in records) == ["a.txt", "b.md", "d.docx", "demo-001", "demo-002", "demo-003",
                                                 "e.pdf"]
    for r in records:
        assert list(r["criteria"]) == list(CRITERION_IDS)
        for c in r["criteria"].values():
            assert c["verdict"] in ("met", "partial", "not_met") and 0 <= c["confidence"] <= 1
            assert c["explanation"]
        assert set(r["dimensions"]) == {"completeness", "follow_up", "child_centredness"}
        assert {"follow_up_dates", "plan_date", "coordinator", "actors", "warnings"} <= set(r)
    by_id = {r["id"]: r for r in records}
    assert by_id["a.txt"]["follow_up_dates"] == ["2025-04-08"]
    assert by_id["e.pdf"]["follow_up_dates"] == ["2025-04-01"]


def test_score_csv_has_a_column_per_criterion(mixed_dir, tmp_path):
    out = tmp_path / "out.csv"
    result = run("score", str(mixed_dir / "a.txt"), "--format", "csv", "--out", str(out), "--assume-pseudonymised")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 1 and rows[0]["id"] == "a.txt"
    assert all(rows[0][c] in ("met", "partial", "not_met") for c in CRITERION_IDS)
    assert rows[0]["follow_up_score"] and rows[0]["follow_up_band"] in ("god", "delvis", "brist")


def test_score_json_from_stdin():
    text = (DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8")
    result = run("score", "-", "--format", "json", "--assume-pseudonymised", stdin=text)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert records[0]["id"] == "stdin.txt"


def test_score_a_plan_pseudonymised_with_other_placeholders_through_the_gate():
    """Another tool's "[Barnets namn]" passes the gate, reads as the child, and the evidence points into the input."""
    ours = (DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8")
    theirs = ours.replace("[BARN]", "[Barnets namn]")
    verdicts = []
    for text in (ours, theirs):
        result = run("score", "-", "--format", "json", stdin=text)
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout)[0]
        verdicts.append({c: r["verdict"] for c, r in record["criteria"].items()})
        for criterion in record["criteria"].values():
            for e in criterion["evidence"]:
                assert text[e["start"]:e["end"]] == e["text"]
        for e in record["entities"]:
            assert text[e["start"]:e["end"]] == e["text"]
    assert verdicts[0] == verdicts[1]
    assert record["criteria"]["child_voice"]["verdict"] == "met"


def test_a_bad_file_is_reported_the_others_scored_and_the_exit_code_says_so(mixed_dir):
    (mixed_dir / "tom.txt").write_text("   \n", encoding="utf-8")
    result = run("score", str(mixed_dir), "--assume-pseudonymised")
    assert result.returncode == 1
    assert "tom.txt" in result.stderr and "tom" in result.stderr
    assert len(result.stdout.splitlines()) == 7


def test_the_gate_stops_identifiable_plans_and_lets_pseudonymised_ones_through(tmp_path):
    identifiable = tmp_path / "rå.txt"
    identifiable.write_text("SIP för Sara Lindqvist, pnr 121212-1212, tel 070-123 45 67.\nMål: sova.",
                            encoding="utf-8")
    result = run("score", str(identifiable), str(DEMO / "sip-skolfranvaro.txt"))
    assert result.returncode == 1
    assert "personuppgifter" in result.stderr and "planqa pseudonymise" in result.stderr
    assert "121212-1212" not in result.stderr + result.stdout and "Lindqvist" not in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["sip-skolfranvaro.txt"]


def test_workers_give_the_same_output_in_the_same_order(mixed_dir):
    one = run("score", str(mixed_dir), "--assume-pseudonymised")
    two = run("score", str(mixed_dir), "--assume-pseudonymised", "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout


def test_evaluate_on_the_style_shift_set_writes_a_report(tmp_path):
    report = tmp_path / "shift.md"
    result = run("evaluate", "--split", "shift", "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert "shift split" in report.read_text(encoding="utf-8")
    figures = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(figures) == {"trained", "rules"}
    assert run("evaluate", "--split", "nosuch").returncode == 2


@pytest.mark.parametrize("split", ["test", "shift"])
def test_evaluate_reproduces_the_reported_figures_and_the_model_card_quotes_them(tmp_path, split):
    """`planqa evaluate` with the shipped models gives exactly the committed report; the model card cites it."""
    root = Path(__file__).resolve().parents[1]
    report = tmp_path / f"{split}.md"
    result = run("evaluate", "--split", split, "--report", str(report))
    assert result.returncode == 0, result.stderr
    got = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
    shipped = json.loads((root / "reports" / f"evaluation-{split}.json").read_text(encoding="utf-8"))
    assert got == shipped
    card = (root / "models" / "MODEL_CARD.md").read_text(encoding="utf-8")
    trained, rules = got["trained"], got["rules"]
    if split == "test":
        quoted = (f"mean accuracy {trained['mean_accuracy']:.2f} vs {rules['mean_accuracy']:.2f}, mean Cohen's κ "
                  f"{trained['mean_kappa']:.2f} vs {rules['mean_kappa']:.2f}")
    else:
        quoted = (f"accuracy {trained['mean_accuracy']:.2f} / κ {trained['mean_kappa']:.2f}, rules "
                  f"{rules['mean_accuracy']:.2f} / {rules['mean_kappa']:.2f}")
    assert quoted in " ".join(card.split()), quoted  # line breaks in the card do not matter
