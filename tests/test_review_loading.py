"""Loading plans: zip safety, the pseudonymisation gate, one assessment per plan, no raw text stored."""

from __future__ import annotations

import io
import sqlite3
import zipfile

import pytest

from planqa.models import Plan
from planqa.readers import ReadError
from planqa.review import loading
from planqa.review.db import AuditDB
from planqa.review.loading import Loader, read_upload, read_zip
from planqa.review.testing import FakeAssessor, fake_gate, fake_pseudonymise

PNR = "19121212-1212"  # the Skatteverket test number


def zip_of(files: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.fixture
def loader(tmp_path) -> Loader:
    db = AuditDB.create(tmp_path / "l.sqlite3", "L")
    return Loader(db, FakeAssessor(), fake_gate, fake_pseudonymise)


def test_zip_is_read_in_memory_and_unsafe_members_refused():
    data = zip_of({"a.txt": "Plan A. Uppföljning 2025-03-01.".encode(), "mapp/b.md": b"Plan B",
                   "../evil.txt": b"x", "/abs.txt": b"x", "inner.zip": zip_of({"c.txt": b"c"}),
                   "__MACOSX/._a.txt": b"junk", "bild.png": b"\x89PNG"})
    out = list(read_zip(data, "planer.zip"))
    plans = [o for o in out if isinstance(o, Plan)]
    errors = [o.message for o in out if isinstance(o, ReadError)]
    assert sorted(p.id for p in plans) == ["a.txt", "b.md"]
    assert {p.source for p in plans} == {"planer.zip/a.txt", "planer.zip/mapp/b.md"}
    assert sum("otillåten sökväg" in e for e in errors) == 2
    assert sum("zip-filer i zip-filer" in e for e in errors) == 1
    assert sum("filtypen .png stöds inte" in e for e in errors) == 1


def test_zip_bombs_are_refused(monkeypatch):
    bomb = zip_of({"big.txt": b"a" * 5_000_000})
    assert "zip-bomb" in next(iter(read_zip(bomb, "b.zip"))).message
    monkeypatch.setattr(loading, "MAX_ZIP_MEMBERS", 3)
    many = zip_of({f"{i}.txt": b"plan" for i in range(4)})
    assert "högst 3" in next(iter(read_zip(many, "m.zip"))).message
    monkeypatch.setattr(loading, "MAX_ZIP_TOTAL_MB", 1)
    large = zip_of({"1.txt": b"x" * 700_000, "2.txt": b"y" * 700_000}, zipfile.ZIP_STORED)
    assert "större än 1 MB" in next(iter(read_zip(large, "l.zip"))).message
    assert "skadad" in next(iter(read_zip(b"PK\x03\x04 not really", "s.zip"))).message


def test_upload_size_limit(monkeypatch):
    monkeypatch.setattr(loading, "MAX_UPLOAD_MB", 1)
    (err,) = read_upload(b"x" * (2**20 + 1), "stor.txt")
    assert isinstance(err, ReadError) and "större än 1 MB" in err.message


def test_gate_blocks_identifiable_plans_without_storing_them(loader):
    text = f"Plan för barnet, personnummer {PNR}. Uppföljning sker 2025-04-01."
    report = loader.load([Plan(id="x.txt", text=text, source="x.txt"), Plan(id="ok.txt", text="Mål finns.")])
    assert report.added == ["ok.txt"]
    (blocked,) = report.blocked
    assert blocked.reasons == [f"personnummer (tecken {text.index(PNR)}–{text.index(PNR) + len(PNR)})"]
    assert PNR not in " ".join(blocked.reasons)
    assert loader.db.plan_count() == 1

    again = loader.pseudonymise(report.blocked)
    assert again.added == ["x.txt"] and not again.blocked
    stored = loader.db.plan("x.txt")
    assert stored.pseudonymised and "[PERSONNUMMER]" in stored.plan.text
    assert stored.plan.metadata["pseudonymiserat"] == {"PERSONNUMMER": 1}
    raw = loader.db.path.read_bytes() + b"".join(p.read_bytes() for p in loader.db.path.parent.glob("*-wal"))
    assert PNR.encode() not in raw


def test_each_plan_is_assessed_once(loader):
    plans = [Plan(id="a.txt", text="Mål: A."), Plan(id="b.txt", text="Mål: B.")]
    assert loader.load(plans).added == ["a.txt", "b.txt"]
    assert loader.assessor.calls == 2
    report = loader.load(plans)
    assert report.already == ["a.txt", "b.txt"] and loader.assessor.calls == 2
    # the same id with another text gets a new id instead of replacing the first plan
    report = loader.load([Plan(id="a.txt", text="Mål: en annan plan.")])
    assert report.added == ["a.txt-2"] and "a.txt-2" in report.notes[0]


def test_identifying_file_names_and_metadata_are_not_stored(loader):
    plan = Plan(id=f"{PNR}.txt", text="Mål finns.", source=f"/in/{PNR}.txt",
                metadata={"enhet": "Östra", "kontakt": f"pnr {PNR}"})
    report = loader.load([plan])
    (pid,) = report.added
    assert pid.startswith("plan-") and PNR not in pid
    stored = loader.db.plan(pid)
    assert PNR not in stored.plan.source and stored.plan.metadata == {"enhet": "Östra"}
    assert len(report.notes) == 2
    dump = "\n".join(sqlite3.connect(loader.db.path).iterdump())
    assert PNR not in dump


def test_failing_assessor_or_gate_stores_nothing(loader):
    class Broken:
        model_version = "x"

        def assess(self, plan):
            raise RuntimeError("boom")

    loader.assessor = Broken()
    report = loader.load([Plan(id="a.txt", text="t"), ReadError("c.pdf", "c.pdf: skadad")])
    assert report.errors == ["a.txt: planen kunde inte bedömas (RuntimeError).", "c.pdf: skadad"]

    def broken_gate(text):
        raise ValueError("gate down")

    loader.gate = broken_gate
    report = loader.load([Plan(id="b.txt", text="t")])
    assert "kunde inte kontrolleras" in report.errors[0]
    assert loader.db.plan_count() == 0


def test_demo_audit_is_created_once(tmp_path):
    calls = []

    def make(db):
        calls.append(db)
        return Loader(db, FakeAssessor(), fake_gate, fake_pseudonymise)

    db, report = loading.demo_audit(tmp_path, make)
    assert db.info().name == "Demogranskning" and len(report.added) >= 5 and not report.errors
    db2, report2 = loading.demo_audit(tmp_path, make)
    assert report2 is None and db2.plan_count() == db.plan_count() and len(calls) == 1
