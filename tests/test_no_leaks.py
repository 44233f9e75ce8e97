"""No leaks, end to end: identifiable text goes through every path and no identifier comes out.

A plan with fictional identifiers (a personnummer from the test range, a phone number, an
e-mail, a street address, a full name) goes through `planqa score`, `check`, `check-pii`,
`pseudonymise`, `teach --from`, the review app's load path into an audit database, and the
exports. Each test then looks for the identifiers in everything it can see: stdout and
stderr, every file written (zip containers such as .xlsx unpacked), the Python log at DEBUG
level of every logger, and a fresh temporary directory that must be left empty. Only the
mapping file asked for with `pseudonymise --mapping` may hold them (and must: the control
that the search works).
"""

from __future__ import annotations

import html
import io
import json
import logging
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from conftest import DEMO
from typer.testing import CliRunner

NAME, PNR, PHONE = "Sara Lindqvist", "120315-9874", "070-123 45 67"
EMAIL, ADDRESS = "sara.lindqvist@exempel.se", "Granstigen 14"
HEADER = (f"SIP för {NAME}, personnummer {PNR}.\n"
          f"Adress: {ADDRESS}, 123 45 Ankeby. Mamma nås på {PHONE} eller {EMAIL}.\n"
          "Sara säger att hon vill gå till skolan igen.\n\n")
IDENTIFIABLE = HEADER + (DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8")

# what must never come out: each identifier, its parts and compact forms (case-insensitive)
NEEDLES = ("lindqvist", PNR, PNR.replace("-", ""), PHONE, "0701234567", EMAIL, "granstigen")
SARA = re.compile(r"\bSara\b")


def leaks_in(text: str) -> list[str]:
    """The identifiers found in `text`, also after HTML unescaping and with spaces/dashes removed."""
    variants = (text, html.unescape(text))
    found = {n for n in NEEDLES for v in variants if n.lower() in v.lower()}
    found |= {n for n in ("1203159874", "0701234567") for v in variants if n in re.sub(r"[\s\-]", "", v)}
    if any(SARA.search(v) for v in variants):
        found.add("Sara")
    return sorted(found)


def file_texts(path: Path) -> list[str]:
    """A file's content as text: zip members (xlsx, docx) unpacked, bytes decoded leniently."""
    data = path.read_bytes()
    texts = [data.decode("utf-8", errors="ignore")]
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            texts += [z.read(i).decode("utf-8", errors="ignore") for i in z.infolist() if not i.is_dir()]
    return texts


class Watch:
    """Everything one test can observe: outputs it hands in, files under `out`, the DEBUG log,
    stray writes to stdout/stderr, and the temporary directory."""

    def __init__(self, root: Path, records: list[logging.LogRecord], capfd):
        self.inputs, self.out, self.tmp = root / "in", root / "out", root / "tmp"
        for d in (self.inputs, self.out, self.tmp):
            d.mkdir()
        self.records, self.capfd = records, capfd
        self.seen: dict[str, str] = {}

    def input(self, name: str, text: str = IDENTIFIABLE) -> Path:
        path = self.inputs / name
        path.write_text(text, encoding="utf-8")
        return path

    def saw(self, where: str, text: str) -> None:
        self.seen[where] = text

    def assert_clean(self, allowed: tuple[Path, ...] = ()) -> None:
        problems = {}
        for where, text in self.seen.items():
            if found := leaks_in(text):
                problems[where] = found
        written = [p for p in self.out.rglob("*") if p.is_file()]
        for path in written:
            if path in allowed:
                continue
            if found := sorted({x for t in file_texts(path) for x in leaks_in(t)}):
                problems[str(path.relative_to(self.out))] = found
        log = "\n".join(self._formatted(r) for r in self.records)
        if found := leaks_in(log):
            problems["logg (DEBUG)"] = found
        stray = self.capfd.readouterr()
        if found := leaks_in(stray.out + stray.err):
            problems["stdout/stderr utanför CLI"] = found
        assert problems == {}, f"identifiers leaked: {problems}"
        left = sorted(str(p.relative_to(self.tmp)) for p in self.tmp.rglob("*"))
        assert left == [], f"temporary files left behind: {left}"

    @staticmethod
    def _formatted(record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        return text + " " + " ".join(str(v) for v in vars(record).values())


class _Collect(logging.Handler):
    def __init__(self, records):
        super().__init__(logging.DEBUG)
        self.records = records

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="module")
def engine():
    """The real pseudonymisation engine, built once for the module (slow to import)."""
    from planqa.pseudonymise import get_engine

    return get_engine()


@pytest.fixture
def watch(tmp_path, monkeypatch, capfd, engine):
    records: list[logging.LogRecord] = []
    handler = _Collect(records)
    loggers = [logging.getLogger()] + [lg for lg in logging.Logger.manager.loggerDict.values()
                                       if isinstance(lg, logging.Logger)]
    saved = [(lg, lg.level, lg.disabled) for lg in loggers]
    for lg in loggers:  # every logger at DEBUG; the ones that do not propagate get the handler too
        lg.setLevel(logging.DEBUG)
        lg.disabled = False
        if lg is loggers[0] or not lg.propagate:
            lg.addHandler(handler)
    w = Watch(tmp_path, records, capfd)
    monkeypatch.setattr(tempfile, "tempdir", str(w.tmp))  # a fresh temporary directory
    for var in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(w.tmp))
    logging.getLogger("planqa.test").debug("watch started")  # the capture works
    assert records
    yield w
    for lg, level, disabled in saved:
        lg.setLevel(level)
        lg.disabled = disabled
        lg.removeHandler(handler)


def run(watch: Watch, where: str, args: list[str], input: str | None = None):
    from planqa.cli import app

    result = CliRunner().invoke(app, args, input=input)
    watch.saw(f"{where}: stdout", result.stdout)
    watch.saw(f"{where}: stderr", result.stderr)
    if result.exception and not isinstance(result.exception, SystemExit):
        watch.saw(f"{where}: exception", repr(result.exception))
    return result


def test_the_watch_finds_every_identifier(tmp_path, capfd):
    """The control: every identifier is found where it is, also inside a zip and as HTML."""
    w = Watch(tmp_path, [], capfd)
    assert leaks_in(IDENTIFIABLE) == sorted({*NEEDLES, "Sara"})
    assert leaks_in("Sara") == ["Sara"] and leaks_in("Sarah och [PERSON_1]") == []
    assert leaks_in("Bj&ouml;rn LINDQVIST, 120315 - 9874") == ["1203159874", "lindqvist"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", f"<t>{PHONE}</t>")
    (w.out / "a.xlsx").write_bytes(buf.getvalue())
    with pytest.raises(AssertionError, match="0701234567"):
        w.assert_clean()
    (w.out / "a.xlsx").unlink()
    (w.tmp / "planqa-rest.txt").write_text("x")
    with pytest.raises(AssertionError, match="temporary files"):
        w.assert_clean()


def test_score_blocks_the_plan_and_says_only_types_and_counts(watch):
    plan = watch.input("plan.txt")
    jsonl = watch.input("planer.jsonl", json.dumps({"id": "p-1", "text": IDENTIFIABLE}) + "\n" + json.dumps(
        {"id": "p-2", "text": "SIP för [BARN]. Mål: gå i skolan. Uppföljning 2025-05-01.", "handläggare": NAME})
        + "\n")
    for fmt in ("jsonl", "csv", "json"):
        result = run(watch, f"score {fmt}", ["score", str(plan), str(jsonl), "--format", fmt])
        assert result.exit_code == 1
        assert result.stderr.count("innehåller personuppgifter") == 2 and "planqa pseudonymise" in result.stderr
        assert "p-2" in result.stdout  # the clean record is scored; its metadata is not echoed
    out = watch.out / "bedomning.jsonl"
    result = run(watch, "score --out", ["score", str(plan), "--out", str(out)])
    assert result.exit_code == 1 and out.read_text(encoding="utf-8") == ""
    result = run(watch, "score stdin", ["score", "-"], input=IDENTIFIABLE)
    assert result.exit_code == 1 and "stdin" in result.stderr
    watch.assert_clean()


def test_check_blocks_the_draft(watch):
    result = run(watch, "check", ["check", str(watch.input("utkast.txt"))])
    assert result.exit_code == 3 and "personuppgifter" in result.stderr and result.stdout == ""
    result = run(watch, "check json", ["check", "-", "--format", "json"], input=IDENTIFIABLE)
    assert result.exit_code == 3
    watch.assert_clean()


def test_check_pii_names_types_and_positions_never_values(watch):
    result = run(watch, "check-pii", ["check-pii", str(watch.input("plan.txt"))])
    assert result.exit_code == 1
    for kind in ("personnummer på rad 1", "namn på rad 1", "telefonnummer på rad 2", "e-postadress på rad 2",
                 "adress på rad 2"):
        assert kind in result.stdout
    watch.assert_clean()


def test_pseudonymise_output_is_clean_only_the_mapping_asked_for_holds_identifiers(watch):
    plan = watch.input("plan.txt")
    result = run(watch, "pseudonymise", ["pseudonymise", str(plan)])
    assert result.exit_code == 0 and result.stdout.startswith("SIP för [NAMN_5], personnummer [PERSONNUMMER].")
    jsonl = watch.input("planer.jsonl", json.dumps({"id": "p-1", "text": IDENTIFIABLE}) + "\n")
    mapping = watch.out / "nyckel.json"
    result = run(watch, "pseudonymise jsonl", ["pseudonymise", str(jsonl), "--format", "jsonl",
                                               "--out", str(watch.out / "ut.jsonl"), "--mapping", str(mapping)])
    assert result.exit_code == 0 and "Kopplingsnyckeln skrevs" in result.stderr
    folder = watch.inputs / "mapp"
    folder.mkdir()
    (folder / "a.txt").write_text(IDENTIFIABLE, encoding="utf-8")
    (folder / "b.md").write_text(IDENTIFIABLE, encoding="utf-8")
    result = run(watch, "pseudonymise dir", ["pseudonymise", str(folder), "--out", str(watch.out / "ut")])
    assert result.exit_code == 0 and sorted(p.name for p in (watch.out / "ut").iterdir()) == ["a.txt", "b.txt"]
    result = run(watch, "pseudonymise stdin", ["pseudonymise", "-"], input=IDENTIFIABLE)
    assert result.exit_code == 0
    # the key the user asked for holds them all
    assert leaks_in(mapping.read_text(encoding="utf-8")) == sorted({*NEEDLES, "Sara"})
    watch.assert_clean(allowed=(mapping,))


def test_teach_from_own_plans_does_not_copy_identifiers(watch):
    plan = watch.input("plan.txt")
    clean = watch.input("ren.txt", (DEMO / "sip-anteckningar-kort.txt").read_text(encoding="utf-8"))
    result = run(watch, "teach", ["teach", "--from", str(plan), "--from", str(clean), "--no-pairs",
                                  "--out", str(watch.out / "paket"), "--n", "2"])
    assert result.exit_code in (0, 1)
    watch.assert_clean()


def test_review_app_load_path_stores_and_exports_only_pseudonymised_text(watch):
    from planqa.review import export, loading
    from planqa.review.db import AuditDB
    from planqa.review.results import snapshot
    from planqa.review.reviewing import save_plan_review, shown_state
    from planqa.review.sampling import SampleDefinition, draw, plan_fields

    audit = AuditDB.create(watch.out / "granskning.sqlite3", "Läckagetest", "Exempelkommunen", "2025")
    lo = loading.Loader(audit, loading.default_assessor(), loading.default_gate(), loading.default_pseudonymiser())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:  # a file named after the child, in a zip
        z.writestr(f"{PNR} {NAME}.txt", IDENTIFIABLE + "\nFrån zip-filen.")
    jsonl = (json.dumps({"id": "p-1", "text": IDENTIFIABLE + "\nFrån JSONL.", "handläggare": NAME, "enhet": "Norr"})
             + "\n"
             + json.dumps({"id": f"SIP {NAME}", "text": "SIP för [BARN]. Mål: gå i skolan. Uppföljning 2025-05-01."})
             + "\n")
    items = loading.read_upload(buf.getvalue(), "planer.zip") + loading.read_upload(jsonl.encode(), "planer.jsonl")
    items += loading.read_folder(watch.input("plan.txt").parent)

    report = lo.load(items)
    assert len(report.blocked) == 3 and len(report.added) == 1  # the clean plan with the identifying id
    watch.saw("blocked reasons", json.dumps([b.reasons for b in report.blocked], ensure_ascii=False))
    again = lo.pseudonymise(report.blocked)
    assert len(again.added) == 3 and not again.blocked and not again.errors
    for name, r in (("load report", report), ("pseudonymise report", again)):
        watch.saw(name, json.dumps({"added": r.added, "already": r.already, "errors": r.errors, "notes": r.notes},
                                   ensure_ascii=False))
    assert any("Filnamnet" in n for n in report.notes) and any("handläggare" in n for n in report.notes)
    assert audit.plan_count() == 4

    # review: draw a sample, give verdicts, then export everything the app offers
    units = {sp.plan.id: plan_fields(sp.plan.metadata, sp.assessment.plan_date, sp.assessment.coordinator)
             for sp in audit.plans()}
    sample = draw(units, SampleDefinition("simple", 4, seed=1))
    audit.save_sample(sample)
    assert loading.identifying(f"Ring {NAME} på {PHONE}", loading.default_gate())  # the app refuses this comment
    for pid in sample.plan_ids:
        sp = audit.plan(pid)
        shown = shown_state(sp.assessment, audit.reviews(pid), pid)
        submitted = {c: (s.verdict, s.comment) for c, s in shown.items()}
        submitted["follow_up_date"] = ("not_met", "Datum saknas i planen.")
        save_plan_review(audit, pid, shown, submitted, "Revisor R")
    snap = snapshot(audit)
    (watch.out / "granskning.xlsx").write_bytes(export.workbook_bytes(snap))
    (watch.out / "granskning.csv").write_text(export.decisions_csv(snap), encoding="utf-8")
    (watch.out / "sammanfattning.md").write_text(export.summary_markdown(snap), encoding="utf-8")
    assert (watch.out / "granskning.csv").read_text(encoding="utf-8").count("Datum saknas i planen.") == 4
    stored = [sp.plan for sp in audit.plans()]
    watch.saw("stored plans", json.dumps([p.model_dump() for p in stored], ensure_ascii=False))
    # the demo plan already has [BARN] and [NAMN_1]–[NAMN_4]: the added name is the next one
    assert sum("SIP för [NAMN_5]" in p.text for p in stored) == 3
    audit.close()  # checkpoint the WAL into the file; then scan the file bytes
    watch.assert_clean()
