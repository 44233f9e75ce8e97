"""Safe models and no lost work: tampered or unlisted models are refused, nothing unpickles,
and a crash in the middle of an import leaves the audit consistent.

The trained assessor's own round trip and tamper check on a real (small) model are in
tests/test_trained.py; here a minimal saved model stands in, so these tests need no training.
"""

from __future__ import annotations

import ast
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import DEMO, ROOT
from typer.testing import CliRunner

from planqa.criteria import CRITERION_IDS
from planqa.integrity import MANIFEST_FILE, ModelIntegrityError, write_manifest
from planqa.models import Plan
from planqa.review.db import SCHEMA_VERSION, AuditDB
from planqa.review.loading import Loader
from planqa.review.testing import FakeAssessor, fake_gate
from planqa.trained import META_FILE, MODEL_FILE, TrainedAssessor

# safe models --------------------------------------------------------------------------------

def fake_model(directory: Path, payload: object = None, manifest: bool = True) -> Path:
    """A loadable assessor directory (arrays, structure, meta, manifest) without training anything.

    With `payload`, the arrays file also holds it as an object array (which only pickle could read).
    """
    import numpy as np

    TrainedAssessor().save(directory)
    if payload is not None:
        np.savez(directory / MODEL_FILE, x=np.array([payload], dtype=object))
    (directory / META_FILE).write_text(json.dumps({"version": "fake-model"}), encoding="utf-8")
    if manifest:
        write_manifest(directory)
    else:
        (directory / MANIFEST_FILE).unlink()
    return directory


def test_default_assessor_refuses_a_tampered_model_instead_of_falling_back(tmp_path, monkeypatch):
    from planqa import assess

    monkeypatch.setattr(assess, "MODELS_DIR", tmp_path / "models")
    directory = fake_model(tmp_path / "models" / "assessor")
    loaded = assess.load_assessor()  # intact: loads (the control)
    assert isinstance(loaded, TrainedAssessor) and loaded.model_version == "fake-model"

    with (directory / MODEL_FILE).open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelIntegrityError, match="kontrollsumman"):
        assess.load_assessor()  # never a silent fall-back to the rules
    with pytest.raises(ModelIntegrityError, match="kontrollsumman"):
        assess.load_assessor(directory)

    write_manifest(directory)  # re-signed, but meta.json changed afterwards
    (directory / META_FILE).write_text(json.dumps({"version": "other"}), encoding="utf-8")
    with pytest.raises(ModelIntegrityError, match="kontrollsumman"):
        assess.load_assessor()


def test_a_model_with_pickled_objects_is_refused_even_with_a_valid_manifest(tmp_path):
    directory = fake_model(tmp_path / "evil", payload=os.system)  # a function that would run commands
    with pytest.raises(ModelIntegrityError, match="annat än talmatriser"):
        TrainedAssessor.load(directory)


@pytest.fixture
def clean_plan(tmp_path) -> Path:
    path = tmp_path / "utkast.txt"
    path.write_text((DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def score_with_model_dir(model_dir: Path, plan: Path):
    from planqa.batch import _assessor
    from planqa.cli import app

    _assessor.cache_clear()
    # --assume-pseudonymised: the demo plan is pseudonymised; the model is what is under test
    return CliRunner().invoke(app, ["score", "--assume-pseudonymised", "--model-dir", str(model_dir), str(plan)])


@pytest.mark.parametrize("case", ["no-manifest", "tampered", "no-model"])
def test_cli_refuses_a_user_model_dir_without_a_valid_manifest(tmp_path, clean_plan, case):
    directory = tmp_path / "modell"
    if case != "no-model":
        fake_model(directory, manifest=case != "no-manifest")
    if case == "tampered":
        (directory / META_FILE).write_text("{}", encoding="utf-8")
    expected = {"no-manifest": f"kontrollsummefilen {MANIFEST_FILE} saknas; modellen laddas inte",
                "tampered": "stämmer inte med kontrollsumman; modellen kan vara ändrad och laddas inte",
                "no-model": f"ingen tränad modell ({MODEL_FILE}) finns här"}[case]
    result = score_with_model_dir(directory, clean_plan)
    assert result.exit_code != 0
    assert result.stdout.strip() == ""  # nothing was scored with it
    said = result.stderr + (str(result.exception) if result.exception else "")
    assert expected in said  # Swedish, names the folder
    assert str(directory) in said


def test_cli_model_refusal_is_a_message_not_a_traceback(tmp_path, clean_plan):
    directory = fake_model(tmp_path / "modell", manifest=False)
    result = score_with_model_dir(directory, clean_plan)
    assert isinstance(result.exception, SystemExit) or result.exception is None
    assert "kontrollsummefilen" in result.stderr and "Traceback" not in result.output


def test_ner_pipeline_loads_only_with_a_matching_manifest(tmp_path):
    import spacy

    from planqa.nlp import load_pipeline

    directory = tmp_path / "ner"
    spacy.blank("sv").to_disk(directory)
    with pytest.raises(ModelIntegrityError, match="saknas"):
        load_pipeline(directory)
    write_manifest(directory)
    assert load_pipeline(directory).lang == "sv"  # the control: signed, it loads
    (directory / "extra.py").write_text("print('kod')\n", encoding="utf-8")
    with pytest.raises(ModelIntegrityError, match="finns inte i kontrollsummefilen"):
        load_pipeline(directory)
    (directory / "extra.py").unlink()
    with (directory / "config.cfg").open("a", encoding="utf-8") as f:
        f.write("\n")
    with pytest.raises(ModelIntegrityError, match="kontrollsumman"):
        load_pipeline(directory)


# no pickle ----------------------------------------------------------------------------------

UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "shelve", "marshal"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _kw(call: ast.Call, name: str):
    for k in call.keywords:
        if k.arg == name:
            return k.value
    return None


def unsafe_loads(source: str, filename: str = "<src>") -> list[str]:
    """Places in Python source that may unpickle: imports of pickle-like modules, pickle/joblib
    loads, torch.load without weights_only=True, numpy.load(allow_pickle=True), yaml.load with
    a non-safe loader, pandas.read_pickle, skops loads trusting everything."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        where = f"{filename}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            found += [f"{where} import {a.name}" for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            found.append(f"{where} from {node.module} import")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            last = name.rsplit(".", 1)[-1]
            head = name.split(".")[0]
            if head in UNSAFE_MODULES and last in ("load", "loads", "Unpickler") or last == "read_pickle":
                found.append(f"{where} {name}")
            elif head == "torch" and last == "load":
                wo = _kw(node, "weights_only")
                if not (isinstance(wo, ast.Constant) and wo.value is True):
                    found.append(f"{where} {name} without weights_only=True")
            elif last == "load" and head in ("np", "numpy"):
                ap = _kw(node, "allow_pickle")
                if ap is not None and not (isinstance(ap, ast.Constant) and ap.value is False):
                    found.append(f"{where} {name}(allow_pickle=...)")
            elif head == "yaml" and "load" in last and not last.startswith("safe_"):
                loader = _dotted(_kw(node, "Loader") or (node.args[1] if len(node.args) > 1 else ast.Constant(None)))
                if last.startswith(("unsafe", "full")) or not loader.endswith("SafeLoader"):
                    found.append(f"{where} {name}")
            elif last == "load" and head in ("sio", "skops"):
                trusted = _kw(node, "trusted")
                if trusted is None or isinstance(trusted, ast.Constant) and trusted.value is True:
                    found.append(f"{where} {name} without an explicit trusted list")
    return found


def test_the_scanner_finds_unpickling():
    bad = textwrap.dedent("""
        import pickle
        from joblib import load
        import torch, numpy as np, yaml, skops.io as sio
        pickle.loads(b"")
        torch.load("m.pt")
        torch.load("m.pt", weights_only=False)
        np.load("a.npy", allow_pickle=True)
        yaml.load(text, Loader=yaml.Loader)
        yaml.unsafe_load(text)
        sio.load("m.skops", trusted=True)
        sio.load("m.skops")
        pd.read_pickle("x")
    """)
    flagged = {int(hit.split(":")[1].split()[0]) for hit in unsafe_loads(bad)}
    assert flagged == set(range(2, 14)) - {4}  # every line but the harmless imports
    good = textwrap.dedent("""
        import torch, numpy as np, yaml, skops.io as sio
        torch.load("m.pt", weights_only=True)
        np.load("a.npy")
        yaml.safe_load(text)
        yaml.load(text, Loader=yaml.SafeLoader)
        sio.load("m.skops", trusted=TRUSTED_TYPES)
        "skops, never pickle"
    """)
    assert unsafe_loads(good) == []


def test_no_code_path_unpickles():
    files = sorted((ROOT / "planqa").rglob("*.py")) + [ROOT / "app.py"] + sorted((ROOT / "train").glob("*.py"))
    assert len(files) > 20
    found = [hit for f in files for hit in unsafe_loads(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))]
    assert found == []


# no lost work: a crash in the middle of an import --------------------------------------------

def batch(prefix: str, n: int) -> list[Plan]:
    return [Plan(id=f"{prefix}{i}.txt", text=f"Plan {prefix}{i}. Mål finns. Uppföljning 2025-0{i + 1}-01.",
                 source=f"{prefix}{i}.txt") for i in range(n)]


@pytest.fixture
def reviewed_audit(tmp_path) -> Path:
    """An audit with two plans and the auditor's overrides on them."""
    db = AuditDB.create(tmp_path / "g.sqlite3", "Granskning")
    report = Loader(db, FakeAssessor(), fake_gate).load(batch("gammal", 2))
    assert report.added == ["gammal0.txt", "gammal1.txt"]
    for pid in report.added:
        db.save_review(pid, "consent", "not_met", "Samtycke saknas.", "Revisor R")
    db.close()
    return tmp_path / "g.sqlite3"


def assert_consistent(path: Path, plan_ids: set[str]) -> AuditDB:
    """The audit reopens at the current schema, passes SQLite's checks, holds exactly `plan_ids`
    and still has the overrides made before the import."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    db = AuditDB(path)
    assert db.schema_version() == SCHEMA_VERSION
    assert {p.plan.id for p in db.plans()} == plan_ids
    for sp in db.plans():  # every stored plan is whole: text and a complete assessment
        assert sp.plan.text.startswith("Plan ") and list(sp.assessment.criteria) == list(CRITERION_IDS)
    reviews = db.reviews()
    assert {k: (r.verdict, r.comment, r.rev) for k, r in reviews.items()} == {
        (f"gammal{i}.txt", "consent"): ("not_met", "Samtycke saknas.", 1) for i in range(2)}
    return db


class DyingAssessor(FakeAssessor):
    """Interrupted (Ctrl+C, or the server stopped) while assessing the third plan."""

    def assess(self, plan: Plan):
        if self.calls == 2:
            raise KeyboardInterrupt
        return super().assess(plan)


def test_interrupted_import_keeps_the_audit_consistent_and_can_be_resumed(reviewed_audit):
    db = AuditDB(reviewed_audit)
    with pytest.raises(KeyboardInterrupt):
        Loader(db, DyingAssessor(), fake_gate).load(batch("ny", 5))
    db.close()
    old = {"gammal0.txt", "gammal1.txt"}
    db = assert_consistent(reviewed_audit, old | {"ny0.txt", "ny1.txt"})  # per plan: all of it or nothing

    report = Loader(db, FakeAssessor(), fake_gate).load(batch("ny", 5))  # load the same batch again
    assert report.already == ["ny0.txt", "ny1.txt"] and report.added == ["ny2.txt", "ny3.txt", "ny4.txt"]
    assert not report.errors
    assert_consistent(reviewed_audit, old | {f"ny{i}.txt" for i in range(5)})


KILLED_IMPORT = """
import os, signal, sys
from contextlib import contextmanager
from planqa.models import Plan
from planqa.review.db import AuditDB
from planqa.review.loading import Loader
from planqa.review.testing import FakeAssessor, fake_gate

db = AuditDB(sys.argv[1])
write, writes = db._write, []

@contextmanager
def dying_write():
    with write() as conn:
        yield conn
        writes.append(1)
        if len(writes) == 3:  # the third plan's row is written, not yet committed
            os.kill(os.getpid(), signal.SIGKILL)

db._write = dying_write
plans = [Plan(id=f"ny{i}.txt", text=f"Plan ny{i}. Mål finns.", source=f"ny{i}.txt") for i in range(5)]
Loader(db, FakeAssessor(), fake_gate).load(plans)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_in_the_middle_of_a_write_the_audit_stays_consistent(reviewed_audit):
    proc = subprocess.run([sys.executable, "-c", KILLED_IMPORT, str(reviewed_audit)], cwd=ROOT,
                          check=False, capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert_consistent(reviewed_audit, {"gammal0.txt", "gammal1.txt", "ny0.txt", "ny1.txt"})


def test_a_plan_taken_by_a_concurrent_import_is_not_lost(reviewed_audit):
    """Two sessions load different plans with the same id at the same time: both are kept."""
    first, second = AuditDB(reviewed_audit), AuditDB(reviewed_audit)
    theirs = Plan(id="plan.txt", text="Plan från den andra fliken. Mål finns.", source="plan.txt")

    class Meanwhile(FakeAssessor):
        def assess(self, plan):  # while this session assesses, the other one stores its plan.txt
            assert Loader(second, FakeAssessor(), fake_gate).load([theirs]).added == ["plan.txt"]
            return super().assess(plan)

    mine = Plan(id="plan.txt", text="Plan från den här fliken. Uppföljning 2025-05-01.", source="plan.txt")
    report = Loader(first, Meanwhile(), fake_gate).load([mine])
    stored = {sp.plan.id: sp.plan.text for sp in first.plans() if sp.plan.id.startswith("plan")}
    assert sorted(stored.values()) == sorted([theirs.text, mine.text])
    assert report.added == ["plan.txt-2"] and stored["plan.txt-2"] == mine.text
    assert any("plan.txt" in n for n in report.notes)
