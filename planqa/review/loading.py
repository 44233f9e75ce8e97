"""Load plans into an audit: read uploads (zip archives too), gate, assess once, store.

The pseudonymisation gate runs before anything is stored: a plan with identifiers is
blocked with the reason (type and position, never the value) and stays in memory only,
until the auditor has it pseudonymised or drops it.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from planqa.models import Assessment, Plan, check_complete
from planqa.readers import ReadError, read_bytes, read_path
from planqa.review.db import AuditDB

MAX_UPLOAD_MB = 50  # per uploaded file
MAX_ZIP_MEMBERS = 1000
MAX_ZIP_TOTAL_MB = 200  # uncompressed, all members together
MAX_ZIP_RATIO = 200  # uncompressed / compressed size of one member
DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"

# entity types of the gate -> Swedish, for the reason shown to the auditor
ENTITY_SV = {
    "PERSON": "namn", "PER": "namn", "SE_PERSONNUMMER": "personnummer", "PERSONNUMMER": "personnummer",
    "SE_SAMORDNINGSNUMMER": "samordningsnummer", "SAMORDNINGSNUMMER": "samordningsnummer",
    "PHONE_NUMBER": "telefonnummer", "PHONE": "telefonnummer", "EMAIL_ADDRESS": "e-postadress",
    "EMAIL": "e-postadress", "LOCATION": "adress eller ort", "ADDRESS": "adress", "LOC": "adress eller ort",
    "IBAN_CODE": "kontonummer", "URL": "webbadress", "IP_ADDRESS": "IP-adress",
}

Gate = Callable[[str], Sequence[Any]]  # text -> findings with entity_type, start, end, score
Progress = Callable[[int, int], None]  # (done, total)


class Assessor(Protocol):
    model_version: str

    def assess(self, plan: Plan) -> Assessment: ...


def default_gate() -> Gate:
    from planqa.pseudonymise import gate_findings

    return gate_findings


def default_pseudonymiser() -> Callable[[str], Any]:
    from planqa.pseudonymise import pseudonymise

    return pseudonymise


def default_assessor() -> Assessor:
    from planqa.assess import load_assessor

    return load_assessor()


def reasons(findings: Sequence[Any]) -> list[str]:
    """Why a text is blocked, in Swedish: the type and position of each finding, never its value."""
    return [f"{ENTITY_SV.get(f.entity_type, f.entity_type)} (tecken {f.start}–{f.end})"
            for f in sorted(findings, key=lambda f: f.start)]


# reading ----------------------------------------------------------------------------------

def _unsafe_member(name: str) -> bool:
    p = PurePosixPath(name.replace("\\", "/"))
    return p.is_absolute() or ".." in p.parts or (p.parts and ":" in p.parts[0])


def read_zip(data: bytes, source: str) -> Iterator[Plan | ReadError]:
    """Plans in a zip archive, read in memory; refuses unsafe paths, nested archives and zip bombs."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError):
        yield ReadError(source, f"{source}: zip-filen är skadad och lästes inte.")
        return
    if len(members) > MAX_ZIP_MEMBERS:
        yield ReadError(source, f"{source}: zip-filen innehåller {len(members)} filer; högst "
                                f"{MAX_ZIP_MEMBERS} tillåts. Dela upp den.")
        return
    if sum(i.file_size for i in members) > MAX_ZIP_TOTAL_MB * 2**20:
        yield ReadError(source, f"{source}: zip-filen blir större än {MAX_ZIP_TOTAL_MB} MB uppackad "
                                "och lästes inte.")
        return
    budget = MAX_ZIP_TOTAL_MB * 2**20
    for info in members:
        name, where = info.filename, f"{source}/{info.filename}"
        base = PurePosixPath(name.replace("\\", "/")).name
        if name.startswith("__MACOSX/") or base.startswith("."):
            continue
        if _unsafe_member(name):
            yield ReadError(where, f"{where}: otillåten sökväg i zip-filen; filen hoppades över.")
            continue
        if base.lower().endswith(".zip"):
            yield ReadError(where, f"{where}: zip-filer i zip-filer stöds inte; filen hoppades över.")
            continue
        if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
            yield ReadError(where, f"{where}: filen är misstänkt hårt packad (zip-bomb) och lästes inte.")
            continue
        try:
            with zf.open(info) as f:
                content = f.read(min(budget, info.file_size) + 1)  # never more than declared + 1
        except (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError):
            yield ReadError(where, f"{where}: filen kunde inte packas upp (skadad eller krypterad).")
            continue
        if len(content) > info.file_size or len(content) > budget:
            yield ReadError(source, f"{source}: zip-filens storleksuppgifter stämmer inte; resten lästes inte.")
            return
        budget -= len(content)
        yield from read_bytes(content, base, where)


def read_upload(data: bytes, name: str) -> list[Plan | ReadError]:
    """An uploaded file: txt, md, docx, pdf, jsonl or a zip archive of these."""
    if len(data) > MAX_UPLOAD_MB * 2**20:
        return [ReadError(name, f"{name}: filen är större än {MAX_UPLOAD_MB} MB och lästes inte. "
                                "Dela upp den eller läs in den från en mapp.")]
    if name.lower().endswith(".zip"):
        return list(read_zip(data, name))
    return list(read_bytes(data, name, name))


def read_folder(path: str | Path) -> list[Plan | ReadError]:
    return list(read_path(Path(path).expanduser()))


# loading ----------------------------------------------------------------------------------

@dataclass
class Blocked:
    """A plan the gate stopped; held in memory only, never stored."""

    plan: Plan
    input_sha256: str
    reasons: list[str]


@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # identical input loaded before
    blocked: list[Blocked] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # Swedish, never plan content
    notes: list[str] = field(default_factory=list)  # renamed ids, dropped metadata (Swedish)

    def merge(self, other: LoadReport) -> LoadReport:
        for name in ("added", "already", "blocked", "errors", "notes"):
            getattr(self, name).extend(getattr(other, name))
        return self


class Loader:
    """Gates, assesses and stores plans in one audit."""

    def __init__(self, db: AuditDB, assessor: Assessor, gate: Gate,
                 pseudonymiser: Callable[[str], Any] | None = None):
        self.db, self.assessor, self.gate, self.pseudonymiser = db, assessor, gate, pseudonymiser

    def load(self, items: Iterable[Plan | ReadError], progress: Progress | None = None) -> LoadReport:
        items = list(items)
        report = LoadReport()
        for i, item in enumerate(items):
            if isinstance(item, ReadError):
                report.errors.append(item.message)
            else:
                self._load_one(item, hashlib.sha256(item.text.encode()).hexdigest(), report)
            if progress:
                progress(i + 1, len(items))
        return report

    def pseudonymise(self, blocked: Iterable[Blocked], progress: Progress | None = None) -> LoadReport:
        """Pseudonymise blocked plans in memory, gate them again and load those that pass."""
        if self.pseudonymiser is None:
            raise RuntimeError("no pseudonymiser given")
        blocked = list(blocked)
        report = LoadReport()
        for i, b in enumerate(blocked):
            result = self.pseudonymiser(b.plan.text)
            counts = {str(k): int(v) for k, v in dict(getattr(result, "counts", {}) or {}).items()}
            plan = b.plan.model_copy(update={"text": result.text,
                                             "metadata": {**b.plan.metadata, "pseudonymiserat": counts}})
            self._load_one(plan, b.input_sha256, report, pseudonymised=True)
            if progress:
                progress(i + 1, len(blocked))
        return report

    def _safe_label(self, plan: Plan, sha: str, report: LoadReport) -> Plan:
        """Plan id, source and metadata values must not identify anyone either."""
        update: dict[str, Any] = {}
        if self.gate(plan.id) or self.gate(Path(plan.source).name):
            update["id"] = f"plan-{sha[:10]}"
            update["source"] = "(filnamnet doldes: det innehöll personuppgifter)"
            report.notes.append(f"Filnamnet för {update['id']} innehöll personuppgifter och ersattes.")
        metadata = {}
        for key, value in plan.metadata.items():
            if isinstance(value, str) and self.gate(value):
                report.notes.append(f"{update.get('id', plan.id)}: fältet '{key}' innehöll personuppgifter "
                                    "och sparades inte.")
            else:
                metadata[key] = value
        update["metadata"] = metadata
        return plan.model_copy(update=update)

    def _load_one(self, plan: Plan, sha: str, report: LoadReport, pseudonymised: bool = False) -> None:
        try:
            self._gate_and_store(plan, sha, report, pseudonymised)
        except Exception as exc:  # noqa: BLE001 -- a failing gate stores nothing; the batch goes on
            report.errors.append(f"{plan.source or plan.id}: planen kunde inte kontrolleras mot personuppgifter "
                                 f"({type(exc).__name__}) och lästes inte in.")

    def _gate_and_store(self, plan: Plan, sha: str, report: LoadReport, pseudonymised: bool) -> None:
        plan = self._safe_label(plan, sha, report)
        state = self.db.find_plan(plan.id, sha)
        if state == "same":
            report.already.append(plan.id)
            return
        if state == "taken":
            plan = self._renamed(plan, sha, report)
        findings = self.gate(plan.text)
        if findings:
            report.blocked.append(Blocked(plan, sha, reasons(findings)))
            return
        try:
            assessment = self.assessor.assess(plan)
            check_complete(assessment.criteria)
        except Exception as exc:  # noqa: BLE001 -- one bad plan must not stop the batch
            report.errors.append(f"{plan.id}: planen kunde inte bedömas ({type(exc).__name__}).")
            return
        if not assessment.model_version:
            assessment = assessment.model_copy(update={"model_version": self.assessor.model_version})
        # another session (tab, process) may have stored a plan under this id since find_plan
        while not self.db.add_plan(plan, assessment.model_copy(update={"id": plan.id}), sha, pseudonymised):
            if self.db.find_plan(plan.id, sha) == "same":
                report.already.append(plan.id)
                return
            plan = self._renamed(plan, sha, report)
        report.added.append(plan.id)

    def _renamed(self, plan: Plan, sha: str, report: LoadReport) -> Plan:
        """The plan under the first free id `<id>-2`, `<id>-3`, … (its id holds another text)."""
        base, n = plan.id, 2
        while self.db.find_plan(f"{base}-{n}", sha) == "taken":
            n += 1
        report.notes.append(f"Det fanns redan en annan plan med id {base}; den nya fick id {base}-{n}.")
        return plan.model_copy(update={"id": f"{base}-{n}"})


def identifying(text: str, gate: Gate) -> list[str]:
    """Reasons why a free text (a comment) looks identifying; empty when it is fine."""
    return reasons(gate(text)) if text.strip() else []


def demo_audit(directory: str | Path,
               make_loader: Callable[[AuditDB], Loader | None]) -> tuple[AuditDB, LoadReport | None]:
    """The demo audit in `directory`, created and filled with the bundled demo plans on first use."""
    path = Path(directory) / "demo.sqlite3"
    if path.exists():
        db = AuditDB(path)
    else:
        db = AuditDB.create(path, "Demogranskning", "Exempelkommunen (påhittade planer)", "Demo")
    lo = None if db.plan_count() else make_loader(db)
    return db, (lo.load(read_folder(DEMO_DIR)) if lo else None)
