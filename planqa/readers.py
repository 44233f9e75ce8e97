"""Read plans from .txt/.md, .docx, .pdf, .jsonl, directories and stdin into `Plan` objects.

Readers never raise on a bad file: they yield a `ReadError` with a Swedish message naming
the file, so a batch goes on with the others.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from planqa.models import Plan

TEXT_SUFFIXES = {".txt", ".md"}
SUPPORTED = TEXT_SUFFIXES | {".docx", ".pdf", ".jsonl"}
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PLAN_CHARS = 200_000  # about 30,000 words: twenty times the longest real plan
MAX_PDF_PAGES = 300
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


@dataclass
class ReadError:
    source: str
    message: str  # Swedish, for users; never plan content


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes from a text file; return (text, encoding used).

    UTF-8 (with or without BOM) and UTF-16 with BOM first, then cp1252, the encoding of
    Swedish Windows systems (a superset of latin-1 for printable text).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    """True for data that is not text (NUL bytes or many control bytes)."""
    sample = data[:4096]
    if not sample or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # empty, or UTF-16 with BOM
    if b"\x00" in sample:
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    return controls / len(sample) > 0.1


def read_docx(data: bytes) -> str:
    """Paragraphs and table rows in document order; table cells joined with ' | '."""
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if not cells or cells[-1] != value:  # merged cells repeat
                        cells.append(value)
                lines.append(" | ".join(cells))
    return "\n".join(lines)


class TooLarge(ValueError):
    """A document too large to be one plan."""


def read_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if len(reader.pages) > MAX_PDF_PAGES:
        raise TooLarge(f"{len(reader.pages)} sidor")
    return "\n".join((page.extract_text() or "") for page in reader.pages)


def clean_text(text: str) -> str:
    """Normalise line ends and drop control and zero-width characters (tabs and newlines stay)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _plan_or_error(pid: str, text: str, source: str, metadata: dict) -> Plan | ReadError:
    text = clean_text(text)
    if not text.strip():
        return ReadError(source, f"{source}: filen är tom eller innehåller ingen text.")
    if len(text) > MAX_PLAN_CHARS:
        return ReadError(source, f"{source}: texten är {len(text):,} tecken lång, för lång för en plan "
                                 f"(högst {MAX_PLAN_CHARS:,}). Dela upp den i en fil per plan.".replace(",", " "))
    return Plan(id=pid, text=text, source=source, metadata=metadata)


def read_jsonl(data: bytes, source: str) -> Iterator[Plan | ReadError]:
    """One plan per line: `id` and `text`, other fields kept as metadata."""
    text, _ = decode_text(data)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}, rad {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            yield ReadError(where, f"{where}: raden är inte giltig JSON och hoppades över.")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadError(where, f"{where}: posten saknar fältet 'text' och hoppades över.")
            continue
        pid = record.get("id")
        if pid is None or str(pid).strip() == "":
            yield ReadError(where, f"{where}: posten saknar fältet 'id' och hoppades över.")
            continue
        metadata = {k: v for k, v in record.items() if k not in ("id", "text")}
        yield _plan_or_error(str(pid), record["text"], where, metadata)


def read_bytes(data: bytes, name: str, source: str) -> Iterator[Plan | ReadError]:
    """Read one file's content; `name` decides the format by its suffix."""
    suffix = Path(name).suffix.lower()
    pid = Path(name).name
    if len(data) > MAX_FILE_BYTES:
        yield ReadError(source, f"{source}: filen är större än {MAX_FILE_BYTES // 2**20} MB och lästes inte.")
        return
    if suffix == ".jsonl":
        yield from read_jsonl(data, source)
        return
    try:
        if suffix == ".docx":
            text, metadata = read_docx(data), {"format": "docx"}
        elif suffix == ".pdf":
            text, metadata = read_pdf(data), {"format": "pdf"}
            if not text.strip():
                yield ReadError(source, f"{source}: PDF-filen saknar textlager (troligen inskannad). "
                                        "Kör OCR på den först.")
                return
        elif suffix in TEXT_SUFFIXES or suffix == "":
            if looks_binary(data):
                yield ReadError(source, f"{source}: filen ser inte ut att vara text och lästes inte.")
                return
            text, encoding = decode_text(data)
            metadata = {"format": suffix.lstrip(".") or "txt", "encoding": encoding}
        else:
            yield ReadError(source, f"{source}: filtypen {suffix} stöds inte "
                                    f"(använd {', '.join(sorted(SUPPORTED))}).")
            return
    except TooLarge as exc:
        yield ReadError(source, f"{source}: dokumentet är för stort för en plan ({exc}; högst {MAX_PDF_PAGES}). "
                                "Dela upp det i en fil per plan.")
        return
    except Exception as exc:  # a corrupt docx/pdf: name the file, not the content
        yield ReadError(source, f"{source}: filen kunde inte läsas ({type(exc).__name__}); "
                                "den kan vara skadad.")
        return
    yield _plan_or_error(pid, text, source, metadata)


def read_path(path: str | Path) -> Iterator[Plan | ReadError]:
    """Read a file, a directory (recursively, supported files only) or '-' for stdin."""
    if str(path) == "-":
        yield from read_bytes(sys.stdin.buffer.read(), "stdin.txt", "stdin")
        return
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        if not files:
            yield ReadError(str(path), f"{path}: mappen innehåller inga planer ({', '.join(sorted(SUPPORTED))}).")
        for f in files:
            yield from read_path(f)
        return
    if not path.exists():
        yield ReadError(str(path), f"{path}: filen finns inte.")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"{path}: filen kunde inte öppnas ({exc.strerror}).")
        return
    yield from read_bytes(data, path.name, str(path))


def read_all(paths: Iterable[str | Path]) -> Iterator[Plan | ReadError]:
    for p in paths:
        yield from read_path(p)
