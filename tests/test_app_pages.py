"""The coordinator's and the trainer's pages of the app (AppTest), with the real gate and rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from conftest import DEMO
from planqa.review import loading
from planqa.rules import RuleAssessor

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.fixture
def app(tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("PLANQA_AUDIT_DIR", str(tmp_path / "granskningar"))
    monkeypatch.setattr(sys, "argv", ["app.py"])
    monkeypatch.setattr(loading, "default_assessor", RuleAssessor)
    st.cache_resource.clear()
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    yield at
    st.cache_resource.clear()


def go(at: AppTest, page: str) -> AppTest:
    at.sidebar.radio[0].set_value(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, label: str) -> AppTest:
    (button,) = [b for b in at.button if b.label == label]
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_self_check_lists_fixes_for_a_weak_draft_and_none_for_a_complete_one(app):
    go(app, "Kontrollera utkast")
    app.text_area[0].input((DEMO / "sip-anteckningar-kort.txt").read_text(encoding="utf-8"))
    click(app, "Kontrollera")
    shown = [e.value for e in app.error] + [w.value for w in app.warning]
    assert any("Barnets egen röst saknas" in m for m in shown)
    assert any("Ingen samordningsansvarig" in m for m in shown) and any("Planen saknar mål" in m for m in shown)
    app.text_area[0].input((DEMO / "sip-skolfranvaro.txt").read_text(encoding="utf-8"))
    click(app, "Kontrollera")
    assert [s.value for s in app.success] and not app.error


def test_self_check_says_when_a_draft_is_unfinished(app):
    go(app, "Kontrollera utkast")
    app.text_area[0].input("SIP [BARN]\nUppföljning: [Ange datum]\nSamordningsansvarig: ??\n")
    click(app, "Kontrollera")
    (note,) = [i.value for i in app.info]
    assert note.startswith("Utkastet är inte färdigt: 2 ofyllda fält") and "rad 2 ”[Ange datum]”" in note
    assert any("Ingen tid för uppföljning" in e.value for e in app.error)


def test_self_check_blocks_identifiers_and_pseudonymises_in_one_click(app):
    go(app, "Kontrollera utkast")
    app.text_area[0].input("SIP för Sara Lindqvist, pnr 121212-1212.\nMål: [BARN] ska sova bättre.")
    click(app, "Kontrollera")
    assert any("personuppgifter" in e.value for e in app.error)
    assert all("121212-1212" not in e.value and "Lindqvist" not in e.value for e in app.error)
    click(app, "Pseudonymisera utkastet")
    draft = app.text_area[0].value
    assert "121212-1212" not in draft and "Lindqvist" not in draft and "[PERSONNUMMER]" in draft
    click(app, "Kontrollera")
    assert not any("personuppgifter" in e.value for e in app.error)


def test_teaching_pack_from_a_preset(app):
    go(app, "Undervisningspaket")
    app.selectbox[0].set_value("uppföljning-saknas").run()
    click(app, "Skapa paket")
    assert any("exempel" in s.value for s in app.success)
    pack = "\n".join(m.value for m in app.markdown)
    assert "## Exempel 1" in pack and "Datum för uppföljning" in pack and "Före och efter" in pack
