"""One SQLite database file per audit: plans, assessments, samples and the auditor's verdicts.

Every write opens its own short transaction (`BEGIN IMMEDIATE`) and commits at once, in WAL
mode with a busy timeout, so two browser tabs or two processes can record verdicts on the
same audit without losing each other's. The schema is versioned in `schema_migrations`.

Only text that passed the pseudonymisation gate (or was pseudonymised) is stored here.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from planqa.criteria import CRITERION_IDS, VERDICTS
from planqa.models import Assessment, Plan
from planqa.review.sampling import Sample

SUFFIX = ".sqlite3"
BUSY_TIMEOUT_S = 30.0

# version -> statements; append new versions, never edit old ones
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL)""",
        """CREATE TABLE plans (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            input_sha256 TEXT NOT NULL,
            metadata TEXT NOT NULL,
            assessment TEXT NOT NULL,
            model_version TEXT NOT NULL,
            pseudonymised INTEGER NOT NULL DEFAULT 0,
            loaded_at TEXT NOT NULL)""",
        "CREATE INDEX plans_input_sha256 ON plans(input_sha256)",
        """CREATE TABLE samples (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            definition TEXT NOT NULL,
            created_at TEXT NOT NULL)""",
        """CREATE TABLE sample_plans (
            sample_id INTEGER NOT NULL REFERENCES samples(id),
            position INTEGER NOT NULL,
            plan_id TEXT NOT NULL REFERENCES plans(id),
            PRIMARY KEY (sample_id, position))""",
        f"""CREATE TABLE reviews (
            plan_id TEXT NOT NULL REFERENCES plans(id),
            criterion TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN {VERDICTS}),
            comment TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL,
            reviewed_at TEXT NOT NULL,
            rev INTEGER NOT NULL,
            PRIMARY KEY (plan_id, criterion))""",
        """CREATE TABLE review_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_id TEXT NOT NULL,
            criterion TEXT NOT NULL,
            auto_verdict TEXT,
            verdict TEXT NOT NULL,
            comment TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL)""",
    ),
}
SCHEMA_VERSION = max(MIGRATIONS)


class AuditError(Exception):
    """A database that is not a planqa audit, or one from a newer planqa (Swedish message)."""


@dataclass(frozen=True)
class AuditInfo:
    name: str
    organisation: str
    period: str
    created_at: str
    path: Path


@dataclass(frozen=True)
class StoredPlan:
    plan: Plan
    assessment: Assessment
    pseudonymised: bool
    loaded_at: str


@dataclass(frozen=True)
class Review:
    plan_id: str
    criterion: str
    verdict: str
    comment: str
    reviewer: str
    reviewed_at: str
    rev: int  # 1 for the first verdict, +1 for each later one


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def slug(name: str) -> str:
    """A file name stem for an audit name: lower case, letters, digits and dashes."""
    s = re.sub(r"[^a-z0-9åäö]+", "-", name.lower()).strip("-")
    return s[:60] or "granskning"


class AuditDB:
    """An audit's database file. Every write is its own transaction; safe to share between threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        if not self.path.is_file():
            raise AuditError(f"Granskningen {self.path} finns inte.")
        if self.path.stat().st_size == 0:
            raise AuditError(f"{self.path} är tom och ingen planqa-granskning.")
        self._migrate()
        if self._row("SELECT 1 FROM audit") is None:
            raise AuditError(f"{self.path} saknar uppgifter om granskningen.")

    @classmethod
    def create(cls, path: str | Path, name: str, organisation: str = "", period: str = "") -> AuditDB:
        """Create a new audit file; refuses to overwrite an existing one."""
        path = Path(path)
        if not name.strip():
            raise AuditError("Granskningen behöver ett namn.")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.touch(exist_ok=False)
        except FileExistsError:
            raise AuditError(f"Det finns redan en granskning i {path}.") from None
        db = cls.__new__(cls)
        db.path, db._lock = path, threading.RLock()
        db._migrate()
        with db._write() as conn:
            conn.execute("INSERT INTO audit VALUES (1, ?, ?, ?, ?)",
                         (name.strip(), organisation.strip(), period.strip(), now()))
        return db

    # connections ---------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        """This object's connection, opened on first use (closing it would checkpoint the WAL)."""
        if getattr(self, "_conn", None) is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if getattr(self, "_conn", None) is not None:
            self._conn.close()
            self._conn = None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed when the block ends (rolled back on error)."""
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._connection().execute(sql, params).fetchall()

    def _row(self, sql: str, params: tuple = ()) -> sqlite3.Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _migrate(self) -> None:
        try:
            if self._row("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'") and \
                    self._row("SELECT MAX(version) FROM schema_migrations")[0] == SCHEMA_VERSION:
                return  # up to date: no write lock needed
            with self._write() as conn:
                conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                             "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
                current = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
                if current > SCHEMA_VERSION:
                    raise AuditError(f"{self.path} skapades av en nyare version av planqa "
                                     f"(schema {current}); uppdatera planqa.")
                tables = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type='table' "
                                      "AND name != 'schema_migrations'").fetchone()[0]
                if current == 0 and tables:
                    raise AuditError(f"{self.path} är ingen planqa-granskning.")
                for version in sorted(v for v in MIGRATIONS if v > current):
                    for statement in MIGRATIONS[version]:
                        conn.execute(statement)
                    conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))
        except sqlite3.DatabaseError as exc:
            self.close()
            raise AuditError(f"{self.path} kunde inte öppnas som granskning ({exc}).") from None
        except AuditError:
            self.close()
            raise

    def schema_version(self) -> int:
        return self._row("SELECT MAX(version) FROM schema_migrations")[0]

    # audit ---------------------------------------------------------------------------

    def info(self) -> AuditInfo:
        r = self._row("SELECT name, organisation, period, created_at FROM audit")
        return AuditInfo(r["name"], r["organisation"], r["period"], r["created_at"], self.path)

    # plans ---------------------------------------------------------------------------

    def add_plan(self, plan: Plan, assessment: Assessment, input_sha256: str,
                 pseudonymised: bool = False) -> bool:
        """Store a gated plan with its assessment; False if its id is taken."""
        with self._write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO plans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (plan.id, plan.source, plan.text, input_sha256, json.dumps(plan.metadata, ensure_ascii=False),
                 assessment.model_dump_json(), assessment.model_version, int(pseudonymised), now()))
            return cur.rowcount == 1

    def find_plan(self, plan_id: str, input_sha256: str) -> str | None:
        """'same' if this input is loaded already, 'taken' if its id holds another text, else None."""
        if self._row("SELECT 1 FROM plans WHERE input_sha256 = ?", (input_sha256,)):
            return "same"
        if self._row("SELECT 1 FROM plans WHERE id = ?", (plan_id,)):
            return "taken"
        return None

    def plan_count(self) -> int:
        return self._row("SELECT COUNT(*) FROM plans")[0]

    def plans(self, ids: list[str] | None = None) -> list[StoredPlan]:
        """All plans (sorted by id), or the given ones in the given order."""
        if ids is None:
            rows = self._rows("SELECT * FROM plans ORDER BY id")
        else:
            by_id = {r["id"]: r for r in self._rows(
                f"SELECT * FROM plans WHERE id IN ({','.join('?' * len(ids))})", tuple(ids))}
            rows = [by_id[i] for i in ids if i in by_id]
        return [_stored(r) for r in rows]

    def plan(self, plan_id: str) -> StoredPlan | None:
        found = self.plans([plan_id])
        return found[0] if found else None

    # samples -------------------------------------------------------------------------

    def save_sample(self, sample: Sample) -> int:
        """Record a drawn sample; it becomes the audit's current sample."""
        with self._write() as conn:
            cur = conn.execute("INSERT INTO samples (definition, created_at) VALUES (?, ?)",
                               (json.dumps(sample.to_dict(), ensure_ascii=False), sample.created_at))
            conn.executemany("INSERT INTO sample_plans VALUES (?, ?, ?)",
                             [(cur.lastrowid, i, pid) for i, pid in enumerate(sample.plan_ids)])
            return cur.lastrowid

    def current_sample(self) -> Sample | None:
        r = self._row("SELECT definition FROM samples ORDER BY id DESC LIMIT 1")
        return Sample.from_dict(json.loads(r["definition"])) if r else None

    # reviews -------------------------------------------------------------------------

    def save_review(self, plan_id: str, criterion: str, verdict: str, comment: str, reviewer: str,
                    base_rev: int | None = None) -> bool:
        """Record the auditor's verdict on one criterion, committed at once and logged.

        With `base_rev`, write only if the stored revision still is `base_rev` (0: no verdict
        yet), so a stale confirmation never replaces a verdict given meanwhile in another tab.
        Returns whether it was written.
        """
        if criterion not in CRITERION_IDS:
            raise ValueError(f"unknown criterion {criterion!r}")
        if verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        if not reviewer.strip():
            raise ValueError("a verdict needs the reviewer's name")
        with self._write() as conn:
            row = conn.execute("SELECT rev FROM reviews WHERE plan_id = ? AND criterion = ?",
                               (plan_id, criterion)).fetchone()
            rev = row["rev"] if row else 0
            if base_rev is not None and rev != base_rev:
                return False
            auto = conn.execute("SELECT json_extract(assessment, ?) FROM plans WHERE id = ?",
                                (f"$.criteria.{criterion}.verdict", plan_id)).fetchone()
            if auto is None:
                raise KeyError(plan_id)
            at = now()
            conn.execute("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (plan_id, criterion, verdict, comment, reviewer.strip(), at, rev + 1))
            conn.execute("INSERT INTO review_log (plan_id, criterion, auto_verdict, verdict, comment, "
                         "reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (plan_id, criterion, auto[0], verdict, comment, reviewer.strip(), at))
            return True

    def reviews(self, plan_id: str | None = None) -> dict[tuple[str, str], Review]:
        """Current verdicts keyed by (plan id, criterion)."""
        sql, params = "SELECT * FROM reviews", ()
        if plan_id is not None:
            sql, params = sql + " WHERE plan_id = ?", (plan_id,)
        return {(r["plan_id"], r["criterion"]): Review(**dict(r)) for r in self._rows(sql, params)}

    def review_log(self) -> list[dict]:
        """Every verdict ever recorded, oldest first."""
        return [dict(r) for r in self._rows("SELECT * FROM review_log ORDER BY id")]


def _stored(r: sqlite3.Row) -> StoredPlan:
    plan = Plan(id=r["id"], text=r["text"], source=r["source"], metadata=json.loads(r["metadata"]))
    return StoredPlan(plan, Assessment.model_validate_json(r["assessment"]), bool(r["pseudonymised"]),
                      r["loaded_at"])


def list_audits(directory: str | Path) -> list[AuditInfo]:
    """The audits in a directory, newest first; files that are not audits are left out."""
    found = []
    for path in sorted(Path(directory).glob(f"*{SUFFIX}")):
        try:
            db = AuditDB(path)
        except AuditError:
            continue
        found.append(db.info())
        db.close()
    return sorted(found, key=lambda a: a.created_at, reverse=True)


def new_audit_path(directory: str | Path, name: str) -> Path:
    """A free file path in `directory` for an audit called `name`."""
    directory = Path(directory)
    stem = slug(name)
    path, i = directory / f"{stem}{SUFFIX}", 2
    while path.exists():
        path, i = directory / f"{stem}-{i}{SUFFIX}", i + 1
    return path
