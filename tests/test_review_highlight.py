"""Highlighted plan text: always escaped, overlapping spans flattened, legend."""

from __future__ import annotations

import re

from planqa.models import Entity, Evidence
from planqa.review.highlight import KINDS, Span, highlight, kind_of, legend, spans_of
from planqa.review.testing import make_assessment


def visible_text(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


def test_markup_in_a_plan_shows_as_text():
    text = 'Mål: <script>alert("x")</script> & <b onmouseover="y">fet</b>'
    out = highlight(text, [Span(0, 4, "GOAL"), Span(5, 13, "ACTOR")])
    assert "<script" not in out and "<b " not in out
    assert "&lt;script&gt;" in out and "&lt;/script&gt;" in out and "&amp;" in out
    assert visible_text(out) == text


def test_spans_nest_and_innermost_colour_wins():
    text = "[BARN] säger att BUP hjälper hen den 2025-03-14."
    voice, actor = Span(0, len(text) - 1, "VOICE"), Span(17, 20, "ACTOR")
    out = highlight(text, [voice, actor])
    marks = re.findall(r'<mark style="background:(#[0-9a-f]+);[^"]*" title="([^"]+)">([^<]*)</mark>', out)
    assert [m[2] for m in marks] == ["[BARN] säger att ", "BUP", " hjälper hen den 2025-03-14"]
    assert marks[1][0] == KINDS["ACTOR"][1] and marks[1][1] == "Aktör, Barnets röst"
    assert marks[0][0] == marks[2][0] == KINDS["VOICE"][1]
    assert visible_text(out) == text


def test_out_of_range_spans_are_clamped_and_focus_outlined():
    text = "Uppföljning v. 12."
    out = highlight(text, [Span(-5, 3, "DATE"), Span(12, 999, "FUDATE"), Span(7, 7, "GOAL")], focus=[(12, 17)])
    assert visible_text(out) == text
    assert "outline:2px solid" in out
    assert out.count("<mark") == 3  # the date, the focused part of the follow-up date, its rest


def test_spans_of_an_assessment():
    a = make_assessment("x", entities=[
        Entity(start=0, end=3, label="ACTOR", text="BUP"),
        Entity(start=10, end=20, label="DATE", text="2025-03-14", role="follow_up"),
    ], evidence={"follow_up_date": [Evidence(start=10, end=20, text="2025-03-14", label="DATE")],
                 "consent": [Evidence(start=22, end=30, text="samtycke", label="")]})
    spans = spans_of(a)
    assert Span(10, 20, "FUDATE") in spans and Span(10, 20, "DATE") in spans
    assert Span(22, 30, "EVIDENCE") in spans and Span(0, 3, "ACTOR") in spans
    assert kind_of("fudate") == "FUDATE" and kind_of("whatever") == "EVIDENCE"


def test_legend_names_every_kind_in_swedish():
    out = legend()
    for name, colour in KINDS.values():
        assert name in out and colour in out
    assert "Mål" in legend(["GOAL"]) and "Aktör" not in legend(["GOAL"])
