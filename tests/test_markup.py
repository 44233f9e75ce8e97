"""HTML remnants read as a browser shows them (planqa.markup; GUIDELINES 4, block 79)."""

from __future__ import annotations

from planqa.markup import entity_words, has_markup, read_markup
from planqa.models import Plan
from planqa.readable import readable
from planqa.rules import RuleAssessor

# An invented plan, first as plain text, then as a web form's HTML would carry it.
PLAIN = ("SIP för [BARN]\n"
         "Behov: [BARN] har svårt att komma till skolan på morgnarna och blir trött efter lunch.\n"
         "Mål: [BARN] ska vara i skolan minst fyra dagar i veckan till v. 12.\n"
         "Insatser:\n"
         "- Skolan ger [BARN] ett anpassat schema med kortare dagar.\n"
         "- BUP ger samtal varannan vecka.\n"
         "[BARN] säger: ”Jag vill börja senare på måndagar.”\n"
         "Samordnare: socialtjänsten, [NAMN_1], kallar till uppföljning.\n"
         "Uppföljning den 14 mars 2026.\n")
HTML = ("<div style=\"font-family:Calibri\"><h3>SIP f&ouml;r [BARN]</h3>"
        "<p><strong>Behov:</strong> [BARN] har sv&aring;rt att komma till skolan p&aring; morgnarna och blir "
        "tr&ouml;tt efter lunch.</p><p><b>M&aring;l:</b> [BARN] ska vara i skolan minst fyra dagar i veckan till "
        "v.&nbsp;12.</p><p>Insatser:</p><ul><li>Skolan ger [BARN] ett anpassat schema med kortare dagar.</li>"
        "<li>BUP ger samtal varannan vecka.</li></ul><p>[BARN] s&auml;ger: ”Jag vill b&ouml;rja senare p&aring; "
        "m&aring;ndagar.”</p><p>Samordnare: socialtj&auml;nsten, [NAMN_1], kallar till uppf&ouml;ljning.<br/>"
        "Uppf&ouml;ljning den 14 mars 2026.</p></div>")


def test_tags_become_line_breaks_list_marks_and_cell_bars_at_the_same_length():
    text = "<p>Mål</p><ul><li>Skolan ordnar</li><li>BUP utreder</li></ul><table><tr><td>Insats</td><td></td></tr></table>"
    shown = read_markup(text)
    assert len(shown) == len(text)
    lines = [line.strip() for line in shown.splitlines() if line.strip()]
    assert lines[:3] == ["Mål", "- Skolan ordnar", "- BUP utreder"]
    assert len(lines) == 4 and lines[3].startswith("|") and lines[3].endswith("|")
    assert [c.strip() for c in lines[3].strip("|").split("|")] == ["Insats", ""]


def test_entities_are_decoded_inside_their_word_and_padded_after_it():
    text = "Uppf&ouml;ljning v.&nbsp;12, BUP &amp; skolan."
    shown = read_markup(text)
    assert len(shown) == len(text)
    assert shown.startswith("Uppföljning      v. 12,")
    assert shown.split() == ["Uppföljning", "v.", "12,", "BUP", "&", "skolan."]
    assert entity_words(text) == [(0, 16, 11), (17, 28, 23), (33, 38, 34)]


def test_text_that_only_looks_like_markup_is_left_as_it_is():
    for text in ("[BARN] ritade ett hjärta <3 till mamma.", "Placeholders som <NAMN> och <BARN> stannar.",
                 "Om poängen är < 5 eller > 10", "BUP & skolan, AT&T", "Mål: <ej ifyllt>"):
        assert not has_markup(text)
        assert read_markup(text) == text


def test_a_plan_pasted_as_html_gets_the_plain_plans_verdicts_and_evidence_read_as_given():
    assert len(readable(HTML)) == len(HTML)
    assessor = RuleAssessor()
    plain, pasted = assessor.assess(Plan(id="a", text=PLAIN)), assessor.assess(Plan(id="b", text=HTML))
    assert {c: r.verdict for c, r in pasted.criteria.items()} == {c: r.verdict for c, r in plain.criteria.items()}
    assert plain.criteria["follow_up_date"].verdict == "met"
    assert all(e.text == HTML[e.start:e.end] for r in pasted.criteria.values() for e in r.evidence)


def test_a_table_row_is_one_line_even_when_the_html_puts_each_cell_on_a_line():
    text = "<table>\n<tr>\n  <td>Samtal med kurator</td>\n  <td>Elevhälsan</td>\n</tr>\n</table>"
    shown = read_markup(text)
    assert len(shown) == len(text)
    rows = [line.strip() for line in shown.splitlines() if line.strip()]
    assert len(rows) == 1
    assert [c.strip() for c in rows[0].strip("|").split("|")] == ["Samtal med kurator", "Elevhälsan"]


def test_a_list_inside_a_cell_stays_in_its_cell_with_its_items_apart():
    text = ("<table><tr><td><ul><li>Lugn plats vid prov</li><li>Kortare dagar</li></ul></td>"
            "<td>Skolan</td></tr><tr><td>Samtal</td><td>BUP</td></tr></table>")
    rows = [line.strip() for line in read_markup(text).splitlines() if line.strip()]
    assert len(rows) == 2
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    assert cells[1] == "Skolan" and cells[0].split(";")[0].strip() == "Lugn plats vid prov"
    assert cells[0].split(";")[1].strip() == "Kortare dagar"


def test_a_row_without_its_closing_tag_ends_where_the_next_row_starts():
    text = "<table><tr><td>A</td><td>x</td><tr><td>B</td><td>y</td></table>"
    rows = [line.strip() for line in read_markup(text).splitlines() if line.strip()]
    assert [r.split("|")[1].strip() for r in rows] == ["A", "B"]
