"""Shared test fixtures: paths and small plan files the tests create."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "demo"


def train_script(name: str) -> ModuleType:
    """The script train/<name>.py loaded as a module (registered, so that its dataclasses find their module)."""
    spec = importlib.util.spec_from_file_location(f"train_{name}", ROOT / "train" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def good_plan_text() -> str:
    return (DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8")


@pytest.fixture
def weak_plan_text() -> str:
    return (DEMO / "sip-anteckningar-kort.txt").read_text(encoding="utf-8")


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                t.cell(i, j).text = value
    document.add_paragraph("Efter tabellen.")
    document.save(path)
    return path


def make_pdf(path: Path, lines: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
