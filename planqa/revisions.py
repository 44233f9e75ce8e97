"""Tracked changes and margin comments blanked out: the plan is the text left after the changes.

A plan exported from a word processor can keep its change marks and comments: "[Borttaget: v. 48]",
"[Infogat av [NAMN_3] 22/10: efter jullovet]", "~~12/5~~ ++efter sommaren++", "[Kommentar [NAMN_2]: Vem
kallar?]", a list of comments at the end ("Kommentarer" / "K1 [NAMN_1]: …"), or a word processor's margin
balloons printed as lines ("Borttaget: v. 48", "Kommenterad [AB1]: …", "Commented [AB2]: …"). GUIDELINES 4:
struck text and comments are not part of the plan, inserted text is. `mask_revisions` replaces struck
text, comments and the marks themselves with spaces (line breaks kept), so the text keeps its length
and every offset in it points at the same character as in the text the user gave.
"""

from __future__ import annotations

import regex as re

# The opening of a bracketed deletion or comment, its author and time stamp included ("[Borttaget av
# [NAMN_3] 12/3:", "[Kommentar [NAMN_2]:", "[Raderat:"); the closing bracket is found by `_closing`.
_STRUCK_OPEN = re.compile(r"\[(?:Borttaget|Borttagen(?:\s+text)?|Raderat|Raderad(?:\s+text)?|Struket|Strykning|"
                          r"Kommentar(?:\s+K?\d{1,2})?|Kommenterad|Deleted|Comment(?:ed)?)\b[^\[\]:\n]{0,40}(?:\[[^\[\]\n]{1,30}\][^\[\]:\n]{0,40})?:",
                          re.I)
# The opening of a bracketed insertion ("[Infogat:", "[Tillagt av [NAMN_2] 17/11:"): the mark goes, the text stays.
_INSERTED_OPEN = re.compile(r"\[(?:Infogat|Infogad(?:\s+text)?|Tillagt|Tillagd(?:\s+text)?|Inserted)\b"
                            r"[^\[\]:\n]{0,40}(?:\[[^\[\]\n]{1,30}\][^\[\]:\n]{0,40})?:\s?", re.I)
# "~~struken text~~" (over a line break too) and the marks of "++tillagd text++".
_STRIKETHROUGH = re.compile(r"~~(?=\S)[^~]{1,1500}?~~")
_INSERTED_MARKS = re.compile(r"\+\+(?=\S)(?P<kept>[^+\n]{1,600}?)\+\+")
# A comment list at the end: a line "Kommentarer" (or "Kommentarer:"), then comments "K1 [NAMN_1]: …", "[K2] …".
_COMMENT_HEADING = re.compile(r"^[ \t]*(?:Kommentarer|Marginalkommentarer)(?:\s+i\s+marginalen)?[ \t]*:?[ \t]*$",
                              re.I | re.M)
_COMMENT_LINE = re.compile(r"^[ \t]*\[?K\d{1,2}\]?[ \t]+\S[^\n]*$", re.M)
_COMMENT_REF = re.compile(r"\[K\d{1,2}\]")
# A word processor's margin balloon printed as its own line, in Swedish or English ("Borttaget: v. 48", "Formaterat:
# Teckensnitt: 11 pt", "Kommenterad [AB1]: Vem kallar?", "Deleted: socialtjänsten", "Commented [AB2]: OK").
_BALLOON_LINE = re.compile(r"^[ \t]*(?:Borttaget|Formaterat|Kommenterad|Deleted|Formatted|Commented)"
                           r"(?:[ \t]*\[[A-ZÅÄÖ]{1,4}\d{1,3}\])?[ \t]*:[^\n]*$", re.M)
_MARKS = ("[", "~~", "++", "Kommentar", "kommentar", "Borttaget", "Formaterat", "Kommenterad", "Deleted", "Formatted",
          "Commented")


def _closing(text: str, start: int) -> int | None:
    """The offset just after the bracket that closes the one opened before `start` (a placeholder such as
    [NAMN_3] inside is stepped over), or None when the line ends first."""
    depth = 1
    for i in range(start, min(len(text), start + 2000)):
        ch = text[i]
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch == "\n" and text.startswith("\n\n", i):
            return None
    return None


def revision_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every struck text, comment and change mark in `text`, in text order."""
    if not any(mark in text for mark in _MARKS):
        return []
    spans: list[tuple[int, int]] = []
    for m in _STRUCK_OPEN.finditer(text):
        end = _closing(text, m.end())
        if end is not None:
            spans.append((m.start(), end))
    for m in _INSERTED_OPEN.finditer(text):
        end = _closing(text, m.end())
        if end is not None:
            spans += [(m.start(), m.end()), (end - 1, end)]
    spans += [m.span() for m in _STRIKETHROUGH.finditer(text)]
    for m in _INSERTED_MARKS.finditer(text):
        spans += [(m.start(), m.start("kept")), (m.end("kept"), m.end())]
    heading = _COMMENT_HEADING.search(text)
    comments = [m.span() for m in _COMMENT_LINE.finditer(text, heading.end())] if heading is not None else []
    if comments:
        spans += [heading.span(), *comments]
    spans += [m.span() for m in _COMMENT_REF.finditer(text)]
    spans += [m.span() for m in _BALLOON_LINE.finditer(text)]
    return sorted(spans)


def mask_revisions(text: str) -> str:
    """`text` with struck text, comments and change marks replaced by spaces (line breaks kept)."""
    return blank_out(text, revision_spans(text))


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` replaced by spaces, line breaks kept: the same length, so that
    offsets found in the result point into `text`."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def revision_warnings(text: str) -> list[str]:
    """A Swedish note for a plan read without its struck text and comments (empty when it has none)."""
    if not revision_spans(text):
        return []
    return [("Planen har spårade ändringar eller kommentarer: struken text och kommentarer har inte räknats, "
            "tillagd text har räknats (riktlinjerna avsnitt 4).")]
