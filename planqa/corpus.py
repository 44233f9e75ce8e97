"""The annotated SIP corpus: parse source plans with inline span markup, compile, validate.

A source plan (`annotations/source/pNNNN.md`) is YAML front matter plus text in which
spans are marked `{LABEL:text}` (nestable). Compiling removes the markup and records
character offsets; bracket placeholders such as `[BARN]` become PERSON spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from planqa.criteria import CRITERION_IDS, VERDICTS

SPAN_LABELS = ("ACTOR", "ROLE", "PERSON", "DATE", "FUDATE", "GOAL", "ACTIVITY", "VOICE")
FORMATS = ("form", "table", "notes", "list", "followup", "jag")
PLACEHOLDER = re.compile(r"\[[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]")
_OPEN = re.compile(r"\{(" + "|".join(SPAN_LABELS) + r"):")


class MarkupError(ValueError):
    """A source plan whose markup or header is malformed."""


@dataclass
class Span:
    start: int
    end: int
    label: str
    text: str
    role: str | None = None

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "label": self.label, "text": self.text}
        if self.role:
            d["role"] = self.role
        return d


@dataclass
class SourcePlan:
    header: dict
    text: str
    spans: list[Span] = field(default_factory=list)


def strip_markup(marked: str) -> tuple[str, list[Span]]:
    """Remove `{LABEL:...}` markup; return the clean text and its spans."""
    out: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    pos = 0  # length of clean text so far
    i = 0
    while i < len(marked):
        m = _OPEN.match(marked, i)
        if m:
            stack.append((m.group(1), pos))
            i = m.end()
            continue
        ch = marked[i]
        if ch == "}" and stack:
            label, start = stack.pop()
            text = "".join(out)[start:pos]
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            s, e = start + lead, pos - trail
            if e <= s:
                raise MarkupError(f"tomt spann {label} vid tecken {i}")
            role = None
            if label == "FUDATE":
                label, role = "DATE", "follow_up"
            spans.append(Span(s, e, label, text.strip(), role))
            i += 1
            continue
        if ch in "{}":
            raise MarkupError(f"ensam klammer '{ch}' vid tecken {i}: {marked[max(0, i - 30):i + 30]!r}")
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise MarkupError(f"spannet {stack[-1][0]} stängs aldrig")
    text = "".join(out)
    for m in PLACEHOLDER.finditer(text):
        spans.append(Span(m.start(), m.end(), "PERSON", m.group()))
    spans.sort(key=lambda s: (s.start, -s.end))
    return text, spans


def parse_source(raw: str) -> SourcePlan:
    """Parse a source plan file's content (front matter + marked-up text)."""
    if not raw.startswith("---"):
        raise MarkupError("filen börjar inte med ett YAML-huvud (---)")
    try:
        _, head, body = raw.split("---", 2)
    except ValueError as exc:
        raise MarkupError("YAML-huvudet stängs inte med ---") from exc
    try:
        header = yaml.safe_load(head)
    except yaml.YAMLError as exc:
        raise MarkupError(f"YAML-fel i huvudet: {exc}") from exc
    text, spans = strip_markup(body.strip("\n"))
    return SourcePlan(header=header, text=text, spans=spans)


def check_header(header: dict) -> list[str]:
    """Return problems with a source plan's header (empty when fine)."""
    problems = []
    for key in ("id", "format", "age", "plan_date", "follow_up_dates", "coordinator", "actors", "labels"):
        if key not in header:
            problems.append(f"saknar fältet {key}")
    if header.get("format") not in FORMATS:
        problems.append(f"okänt format {header.get('format')!r}")
    labels = header.get("labels") or {}
    for cid in CRITERION_IDS:
        if labels.get(cid) not in VERDICTS:
            problems.append(f"kriteriet {cid} har värdet {labels.get(cid)!r}")
    for extra in set(labels) - set(CRITERION_IDS):
        problems.append(f"okänt kriterium {extra}")
    for d in header.get("follow_up_dates") or []:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d)):
            problems.append(f"follow_up_dates ska vara ISO-datum, inte {d!r}")
    return problems


def check_file(path: Path) -> list[str]:
    """Parse and check one source file; return problems."""
    try:
        plan = parse_source(path.read_text(encoding="utf-8"))
    except MarkupError as exc:
        return [str(exc)]
    problems = check_header(plan.header or {})
    if plan.header and plan.header.get("id") != path.stem:
        problems.append(f"id {plan.header.get('id')!r} matchar inte filnamnet")
    return problems


ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "annotations"


def _column_by_id(path: Path, column: str) -> dict[str, str]:
    import csv

    with path.open(encoding="utf-8") as f:
        return {row["id"]: row[column] for row in csv.DictReader(f)}


def load_splits(path: Path | None = None) -> dict[str, str]:
    """The fixed split of each plan id (annotations/splits.csv)."""
    return _column_by_id(path or ANNOTATIONS / "splits.csv", "split")


def load_writers(path: Path | None = None) -> dict[str, str]:
    """The writer block (house style) of each plan id (annotations/matrix.csv)."""
    return _column_by_id(path or ANNOTATIONS / "matrix.csv", "writer")


def plan_styles(records: list[dict]) -> list[str] | None:
    """Each record's house style (writer block) for `TrainedAssessor.fit`, or None if any is unknown."""
    writers = load_writers()
    styles = [writers.get(r["id"]) for r in records]
    return None if None in styles else styles


def compile_record(plan: SourcePlan, split: str) -> dict:
    """One compiled corpus record: clean text, header fields, split and spans."""
    h = plan.header
    return {
        "id": h["id"],
        "text": plan.text,
        "split": split,
        "format": h.get("format"),
        "age": h.get("age"),
        "themes": list(h.get("themes") or []),
        "pair_of": h.get("pair_of"),
        "plan_date": str(h["plan_date"]) if h.get("plan_date") else None,
        "follow_up_dates": [str(d) for d in h.get("follow_up_dates") or []],
        "coordinator": h.get("coordinator"),
        "actors": list(h.get("actors") or []),
        "labels": {c: h["labels"][c] for c in CRITERION_IDS},
        "spans": [s.to_dict() for s in plan.spans],
    }


def compile_corpus(source_dir: Path | None = None, skip_invalid: bool = True) -> tuple[list[dict], list[str]]:
    """Compile every source plan; return (records sorted by id, problems)."""
    source_dir = source_dir or ANNOTATIONS / "source"
    splits = load_splits()
    records, problems = [], []
    for path in sorted(source_dir.glob("p*.md")):
        found = check_file(path)
        if path.stem not in splits:
            found.append("id saknas i splits.csv")
        if found:
            problems += [f"{path.name}: {p}" for p in found]
            if skip_invalid:
                continue
        records.append(compile_record(parse_source(path.read_text(encoding="utf-8")), splits[path.stem]))
    return records, problems


def load_corpus(split: str | None = None, path: Path | None = None) -> list[dict]:
    """Compiled corpus records (from annotations/corpus.jsonl if present, else compiled now)."""
    import json

    path = path or ANNOTATIONS / "corpus.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    else:
        records, _ = compile_corpus()
    return [r for r in records if split is None or r["split"] == split]


SHIFT_SOURCE = ANNOTATIONS / "shift" / "source"


def load_shift(source_dir: Path | None = None) -> list[dict]:
    """The style-shift check set, compiled (split "shift"): plans in house styles the corpus lacks,
    written separately from it and never used for training or choosing (annotations/shift/)."""
    from planqa.validate import check_record

    source_dir = source_dir or SHIFT_SOURCE
    records = []
    for path in sorted(source_dir.glob("s*.md")):
        problems = check_file(path)
        if not problems:
            record = compile_record(parse_source(path.read_text(encoding="utf-8")), "shift")
            problems = check_record(record, splits=("shift",))
        if problems:
            raise ValueError(f"{path.name}: {'; '.join(problems)}")
        records.append(record)
    return records


def write_corpus(records: list[dict], path: Path | None = None) -> Path:
    import json

    path = path or ANNOTATIONS / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":  # python -m planqa.corpus FILE... : check source plans
    import sys

    bad = 0
    for name in sys.argv[1:]:
        problems = check_file(Path(name))
        for p in problems:
            print(f"{name}: {p}")
        bad += bool(problems)
    print(f"{len(sys.argv) - 1 - bad} ok, {bad} med fel")
    sys.exit(1 if bad else 0)
