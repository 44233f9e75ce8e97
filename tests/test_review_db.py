"""The audit database: schema and migrations, WAL, durable verdicts, two writers at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from planqa.criteria import CRITERION_IDS
from planqa.models import Plan
from planqa.review import db as dbmod
from planqa.review.db import AuditDB, AuditError, list_audits, new_audit_path
from planqa.review.reviewing import Shown, next_plan, review_queue, save_plan_review, shown_state
from planqa.review.testing import make_assessment


def add(db: AuditDB, pid: str, **kw) -> None:
    db.add_plan(Plan(id=pid, text=f"Plan {pid}", source=f"{pid}.txt"), make_assessment(pid, **kw), f"sha-{pid}")


@pytest.fixture
def audit(tmp_path) -> AuditDB:
    db = AuditDB.create(tmp_path / "a.sqlite3", "Granskning 2025", "Exempelkommunen", "2025")
    for i in range(3):
        add(db, f"p{i}", verdicts={"consent": "not_met"})
    return db


def test_create_records_audit_and_schema(audit, tmp_path):
    info = audit.info()
    assert (info.name, info.organisation, info.period) == ("Granskning 2025", "Exempelkommunen", "2025")
    assert audit.schema_version() == dbmod.SCHEMA_VERSION
    conn = sqlite3.connect(audit.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == sorted(dbmod.MIGRATIONS)
    conn.close()
    AuditDB(audit.path)  # reopening does not migrate twice
    assert sqlite3.connect(audit.path).execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(versions)
    with pytest.raises(AuditError):
        AuditDB.create(audit.path, "igen")


def test_refuses_foreign_and_newer_databases(tmp_path, audit):
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(AuditError, match="ingen planqa-granskning"):
        AuditDB(other)
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    with pytest.raises(AuditError):
        AuditDB(tmp_path / "junk.sqlite3")
    conn = sqlite3.connect(audit.path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(AuditError, match="nyare version"):
        AuditDB(audit.path)
    assert [a.name for a in list_audits(tmp_path)] == []  # the newer one is left out too


def test_new_migration_is_applied_once(tmp_path, monkeypatch, audit):
    monkeypatch.setitem(dbmod.MIGRATIONS, 2, ("ALTER TABLE audit ADD COLUMN note TEXT",))
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", 2)
    assert AuditDB(audit.path).schema_version() == 2
    assert AuditDB(audit.path).schema_version() == 2
    assert audit.info().name == "Granskning 2025"


def test_plans_round_trip(audit):
    assert audit.plan_count() == 3
    sp = audit.plan("p1")
    assert sp.plan.text == "Plan p1" and sp.assessment.criteria["consent"].verdict == "not_met"
    assert [s.plan.id for s in audit.plans(["p2", "p0", "missing"])] == ["p2", "p0"]
    assert audit.find_plan("x", "sha-p1") == "same"
    assert audit.find_plan("p1", "other") == "taken"
    assert audit.find_plan("new", "other") is None
    assert not audit.add_plan(Plan(id="p1", text="t"), make_assessment("p1"), "sha-x")


def test_verdict_is_committed_at_once_and_logged(audit):
    assert audit.save_review("p0", "consent", "met", "Samtycke står i bilagan", "Revisor A")
    # another connection sees it immediately: no open transaction holds it
    conn = sqlite3.connect(audit.path)
    row = conn.execute("SELECT verdict, comment, reviewer, rev FROM reviews").fetchone()
    assert row == ("met", "Samtycke står i bilagan", "Revisor A", 1)
    conn.close()
    audit.save_review("p0", "consent", "partial", "", "Revisor B")
    log = audit.review_log()
    assert [(e["auto_verdict"], e["verdict"], e["reviewer"]) for e in log] == [
        ("not_met", "met", "Revisor A"), ("not_met", "partial", "Revisor B")]
    assert all(e["at"].endswith("+00:00") for e in log)
    assert AuditDB(audit.path).reviews()[("p0", "consent")].rev == 2  # survives reopening


def test_save_review_validates(audit):
    with pytest.raises(ValueError):
        audit.save_review("p0", "no_such", "met", "", "R")
    with pytest.raises(ValueError):
        audit.save_review("p0", "consent", "maybe", "", "R")
    with pytest.raises(ValueError):
        audit.save_review("p0", "consent", "met", "", "  ")
    with pytest.raises(KeyError):
        audit.save_review("nope", "consent", "met", "", "R")
    assert audit.review_log() == []


def test_base_rev_guards_stale_writes(audit):
    assert audit.save_review("p0", "consent", "met", "", "A", base_rev=0)
    assert not audit.save_review("p0", "consent", "partial", "", "B", base_rev=0)
    assert audit.save_review("p0", "consent", "partial", "", "B", base_rev=1)
    assert audit.reviews()[("p0", "consent")].verdict == "partial"


def test_two_tabs_do_not_lose_each_others_verdicts(audit):
    a = audit.plan("p0").assessment
    tab1 = shown_state(a, audit.reviews("p0"), "p0")  # both tabs open the plan before any save
    tab2 = shown_state(a, audit.reviews("p0"), "p0")
    keep = {c: (s.verdict, s.comment) for c, s in tab2.items()}

    submitted2 = keep | {"consent": ("met", "finns i bilaga"), "child_voice": ("partial", "")}
    r2 = save_plan_review(audit, "p0", tab2, submitted2, "Tab två")
    assert set(r2.saved) == set(CRITERION_IDS)

    # tab 1 is stale: it confirms everything as shown and changes one other criterion
    submitted1 = keep | {"goals_present": ("not_met", "inga mål")}
    r1 = save_plan_review(audit, "p0", tab1, submitted1, "Tab ett")
    reviews = audit.reviews("p0")
    assert reviews[("p0", "consent")].verdict == "met"  # tab two's override kept
    assert reviews[("p0", "child_voice")].verdict == "partial"
    assert reviews[("p0", "goals_present")].verdict == "not_met"  # tab one's change saved
    assert r1.saved == ["goals_present"] and "consent" in r1.kept_other

    # a changed verdict over another tab's one replaces it, and the log holds both
    r3 = save_plan_review(audit, "p0", tab1, keep | {"consent": ("partial", "")}, "Tab ett")
    assert r3.replaced_other == ["consent"]
    assert [e["verdict"] for e in audit.review_log() if e["criterion"] == "consent"] == ["met", "partial"]


def test_resaving_unchanged_form_writes_nothing(audit):
    a = audit.plan("p1").assessment
    shown = shown_state(a, {}, "p1")
    save_plan_review(audit, "p1", shown, {c: (s.verdict, "") for c, s in shown.items()}, "R")
    n = len(audit.review_log())
    shown = shown_state(a, audit.reviews("p1"), "p1")
    result = save_plan_review(audit, "p1", shown, {c: (s.verdict, s.comment) for c, s in shown.items()}, "R")
    assert result.saved == [] and len(audit.review_log()) == n == len(CRITERION_IDS)
    assert all(isinstance(s, Shown) and s.rev == 1 for s in shown.values())


def test_review_queue_puts_uncertain_plans_first(tmp_path):
    db = AuditDB.create(tmp_path / "q.sqlite3", "Q")
    add(db, "a")
    add(db, "b", needs_review=("consent", "child_voice"))
    add(db, "c", needs_review=("consent",))
    plans = db.plans(["a", "b", "c"])
    assert review_queue(plans, uncertain_first=False) == ["a", "b", "c"]
    assert review_queue(plans) == ["b", "c", "a"]
    assert next_plan(["b", "c", "a"], "c", done={"a"}) == "b"
    assert next_plan(["b", "c", "a"], "c", done={"a", "b"}) is None


WRITER = textwrap.dedent("""
    import sys, time
    from planqa.review.db import AuditDB
    from planqa.criteria import CRITERION_IDS
    db = AuditDB(sys.argv[1])
    who = sys.argv[2]
    time.sleep(max(0.0, float(sys.argv[4]) - time.time()))  # both start writing at the same moment
    for i in range(int(sys.argv[3])):
        plan = f"p{(i // len(CRITERION_IDS)) % 3}"
        crit = CRITERION_IDS[i % len(CRITERION_IDS)]
        db.save_review(plan, crit, "partial" if who == "A" else "not_met", f"{who}{i}", who)
        time.sleep(0.002)  # let the other writer in between, as a person clicking would
    print("ok")
""")


def test_two_processes_writing_at_once(audit):
    n = 150
    start = time.time() + 2
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(audit.path), who, str(n), str(start)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for who in "AB"]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    log = audit.review_log()
    assert len(log) == 2 * n  # no write lost
    assert sorted(e["comment"] for e in log) == sorted(f"{w}{i}" for w in "AB" for i in range(n))
    order = [e["reviewer"] for e in log]  # the writers interleaved: neither ran all alone
    assert order.index("B") < len(order) - 1 - order[::-1].index("A")
    assert order.index("A") < len(order) - 1 - order[::-1].index("B")
    reviews = audit.reviews()
    assert len(reviews) == 3 * len(CRITERION_IDS)
    for (plan, crit), r in reviews.items():  # the current verdict is the last one logged
        last = [e for e in log if (e["plan_id"], e["criterion"]) == (plan, crit)][-1]
        assert (r.verdict, r.comment) == (last["verdict"], last["comment"])
        assert r.rev == len([e for e in log if (e["plan_id"], e["criterion"]) == (plan, crit)])


def test_list_and_name_audits(tmp_path):
    assert list_audits(tmp_path) == []
    p = new_audit_path(tmp_path, "SIP-granskning Östra 2025!")
    assert p.name == "sip-granskning-östra-2025.sqlite3"
    AuditDB.create(p, "SIP-granskning Östra 2025!")
    assert new_audit_path(tmp_path, "SIP-granskning Östra 2025!").name == "sip-granskning-östra-2025-2.sqlite3"
    (tmp_path / "stray.sqlite3").write_text("x")
    assert [a.name for a in list_audits(tmp_path)] == ["SIP-granskning Östra 2025!"]
