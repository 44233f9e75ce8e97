"""HTML remnants read as a browser shows them: a plan pasted from a web form, an e-mail or a case system.

Such a plan keeps its tags and character entities: "<p>", "<br/>", "<ul><li>…</li></ul>", "<strong>Ansvarig:
</strong> Skolan", a table as "<tr><td>Insats</td><td>Ansvarig</td></tr>", "&nbsp;", "&amp;", "h&auml;lsa".
GUIDELINES 4 (block 79): tags and entities are formatting and show nothing in themselves; the plan is read as a
browser would show it. `read_markup` keeps the text's length, like the other repairs of `planqa.readable`:
a tag becomes spaces, with a line break where the browser starts a new line (a paragraph, a line break, a list
item, a table row, a heading), "- " for a list item and "|" between table cells, so that the rules' list and
table readers see a list and a table row; a word holding entities is written with them decoded and as many
spaces after it (`entity_words` gives the way back for evidence).
"""

from __future__ import annotations

import html
import re

# The tags of HTML a pasted plan keeps (only these names: "<NAMN>" or "<3" is no tag), opening or closing, with
# attributes, over a line break too; Outlook's "<o:p>" and HTML comments.
_BLOCK_TAGS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tbody", "thead",
               "tfoot", "tr", "td", "th", "hr", "blockquote", "pre", "dl", "dt", "dd", "section", "header",
               "footer", "caption", "body", "html", "head", "title")
_INLINE_TAGS = ("span", "strong", "b", "i", "em", "u", "font", "a", "small", "big", "sup", "sub", "mark", "code",
                "o:p", "center", "label", "img", "meta", "style")
_TAG = re.compile(r"<!--.*?-->|<(?P<close>/?)(?P<name>%s)(?=[\s/>])[^<>]{0,400}?>"
                  % "|".join(sorted(map(re.escape, _BLOCK_TAGS + _INLINE_TAGS), key=len, reverse=True)),
                  re.I | re.S)
# A named or numeric character entity ("&auml;", "&nbsp;", "&#228;", "&#xE4;").
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#[xX][0-9a-fA-F]{2,4});")
# A run of characters without spaces that holds an entity: the unit written decoded and padded.
_ENTITY_WORD = re.compile(r"[^\s&]*(?:&(?:[a-zA-Z]{2,8}|#\d{2,5}|#[xX][0-9a-fA-F]{2,4});[^\s&]*)+")
# Tags that start a line in a browser (opening or closing), and the cell tags.
_BREAKS = frozenset(_BLOCK_TAGS) - {"td", "th"}
_CELLS = frozenset({"td", "th"})


def has_markup(text: str) -> bool:
    """Whether the text holds an HTML tag or a character entity (the cheap test first)."""
    return ("<" in text and _TAG.search(text) is not None) or ("&" in text and _ENTITY.search(text) is not None)


def read_markup(text: str) -> str:
    """`text` with its tags as spaces, line breaks, list marks and cell bars, and its entities decoded; the same
    length, and every offset outside a word with entities kept."""
    if not has_markup(text):
        return text
    text = _mask_tags(text) if "<" in text else text
    return _ENTITY_WORD.sub(_decoded, text) if "&" in text else text


def entity_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end, end once decoded) per word with entities of `text` after its tags are masked, in the form
    `planqa.hyphens.in_text` maps spans with."""
    if "&" not in text or _ENTITY.search(text) is None:
        return []
    text = _mask_tags(text) if "<" in text else text
    return [(m.start(), m.end(), m.start() + len(_decode(m.group()))) for m in _ENTITY_WORD.finditer(text)
            if _ENTITY.search(m.group())]


def _mask_tags(text: str) -> str:
    """The tags as `_tag_text` shows them. A table row is one line, as a browser shows it: inside a row the text's
    own line breaks (pretty-printed HTML puts each cell on a line) become spaces, and inside a cell a list item,
    a paragraph or a line break is "; " between the cell's parts rather than a new line."""
    out: list[str] = []
    last = 0
    in_row = in_cell = False
    for m in _TAG.finditer(text):
        between = text[last:m.start()]
        out.append(between.replace("\n", " ") if in_row else between)
        name = (m.group("name") or "").lower()
        closing = bool(m.group("close"))
        if in_cell and name in _BREAKS and name not in ("tr", "table", "tbody", "thead", "tfoot"):
            out.append(_in_cell_text(m, closing, out))
        else:
            if name == "tr" and not closing and in_row:  # the row before ends without "</tr>"
                out.append("|" + " " * (len(m.group()) - 2) + "\n")
            else:
                out.append(_tag_text(m, _starts_line(out)))
        if name == "tr":
            in_row, in_cell = not closing, False
        elif name in ("table", "tbody", "thead", "tfoot") and closing:
            in_row = in_cell = False
        elif name in _CELLS:
            in_cell = not closing
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def _in_cell_text(m: re.Match[str], closing: bool, out: list[str]) -> str:
    """A block tag inside a table cell: "; " after what the cell already shows, else spaces."""
    n = len(m.group())
    shown = "".join(out[-8:]).rstrip()
    if closing or n < 2 or not shown or shown.endswith(("|", ";")):
        return " " * n
    return " " * (n - 2) + "; "


def _starts_line(out: list[str]) -> bool:
    """Whether the text written so far ends at the start of a line (only spaces since the last line break)."""
    for piece in reversed(out):
        stripped = piece.rstrip(" \t")
        if stripped:
            return stripped.endswith("\n")
    return True


def _tag_text(m: re.Match[str], at_line_start: bool) -> str:
    """What the tag shows, padded with spaces to the tag's length (its own line breaks kept as spaces)."""
    n = len(m.group())
    name = (m.group("name") or "").lower()
    closing = bool(m.group("close"))
    if name in _CELLS:
        return (" " * n) if closing else "|" + " " * (n - 1)
    if name not in _BREAKS:
        return " " * n
    if name == "tr" and closing:
        return "|" + " " * (n - 1)  # the row's last cell closed
    shown = "" if at_line_start else "\n"
    if name == "li" and not closing:
        shown += "- "
    return " " * (n - len(shown)) + shown


def _decode(word: str) -> str:
    return html.unescape(word).replace("\u00a0", " ")


def _decoded(m: re.Match[str]) -> str:
    word = m.group()
    if not _ENTITY.search(word):
        return word
    shown = _decode(word)
    return shown + " " * (len(word) - len(shown)) if len(shown) <= len(word) else word
