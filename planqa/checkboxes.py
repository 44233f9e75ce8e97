"""Checkbox forms and content controls read as what they claim: empty boxes and template placeholders blanked out.

A plan written in a word processor's template can hold checkboxes ("Tolk: ☐ Ja ☒ Nej", "[X] Barnet deltog",
"[ ] Barnet tillfrågades", "■ Samtycke finns □ Saknas", "X Barnet har deltagit") and content controls whose
placeholder text was never replaced ("Klicka eller tryck här för att ange text.", "Välj ett objekt.").
GUIDELINES 4, block 83 (beslutat 2026-11-25): a ticked box is the claim beside it, an empty box claims nothing,
a yes/no pair with both or neither ticked shows nothing, and the template's placeholder text is an empty field.
`mask_checkboxes` replaces what claims nothing with spaces (line breaks kept), so the text keeps its length and
every offset in it points at the same character as in the text the user gave:
- an empty box and its option's words, up to the next box or the end of the line ("Tolk: ☐ Ja ☒ Nej" reads
  "Tolk:      ☒ Nej"); where the boxes stand after their options ("[VH1] ☒ [VH2] ☐", "Barnet närvarande: ☐"),
  the words before an empty box back to the previous box;
- a Ja/Nej pair whose boxes are both ticked or both empty, both options and their boxes;
- the placeholder texts.
A ticked box stays, so the ticked option reads as the claim beside it.
"""

from __future__ import annotations

import re

from planqa.revisions import blank_out

# An empty box: a ballot box, a white square (only a box where the plan also has one), "[ ]" / "[  ]".
_EMPTY = r"☐|□|\[ {1,2}\]"
# A ticked box: ballot box with X or check, a check mark, "[X]" / "[x]" ("[X" with nothing else inside, so no
# placeholder such as [BARN] or [NAMN_1] is read as one), a black square (only a box where the plan also has "□").
_TICKED = r"☒|☑|✓|✔|\[ ?[xX] ?\]"
_BOX = re.compile(rf"(?P<empty>{_EMPTY})|(?P<ticked>{_TICKED})")
_BOX_WITH_SQUARE = re.compile(rf"(?P<empty>{_EMPTY})|(?P<ticked>{_TICKED}|■)")
# "X" alone at the start of a line, before an option: a ticked box in a plain-text export ("X Barnet har deltagit").
_X_TICK = re.compile(r"^[ \t]*X(?=[ \t]+\S)")
_BOX_CHARS = ("☐", "□", "[ ]", "[  ]", "☒", "☑", "✓", "✔", "[X]", "[x]", "[ X ]", "[ x ]")
# A Markdown task list's item ("- [ ] Skicka remissen", "* [x] Klart"): an open box there is a task still to do,
# an action of the plan, not a form's unticked option, so such a line is left as it is.
_TASK_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\]")
# A wide gap (three spaces or a tab) ends an option: the form's next field or a note stands after it
# ("Samtycke:  ☐ skriftligt  ☐ muntligt   Samtycke finns sedan tidigare.").
_GAP = re.compile(r"\S(?: {3,}|\t)")
# The words of a yes/no pair's options (an option is one of these, with nothing else but punctuation).
_YES_NO = re.compile(r"[ \t]*(?:ja|nej)[ \t.,;:]*", re.I)
# A content control's placeholder text, left as the template wrote it: an empty field.
_PLACEHOLDER = re.compile(r"Klicka(?: eller tryck)? här för att ange (?:text|datum)\.?|Välj ett objekt\.?")


def checkbox_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every empty box with its option, ticked or empty yes/no pair that shows nothing, and
    template placeholder text in `text`, in text order."""
    spans = [m.span() for m in _PLACEHOLDER.finditer(text)] if ("Klicka" in text or "Välj" in text) else []
    if not any(box in text for box in _BOX_CHARS) and not _X_TICK.search(text):
        return sorted(spans)
    box = _BOX_WITH_SQUARE if "□" in text else _BOX
    start = 0
    for line in text.split("\n"):
        spans += _line_spans(line, start, box)
        start += len(line) + 1
    return sorted(spans)


def _line_spans(line: str, offset: int, box: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans to blank in one line (offsets in the whole text) from its boxes."""
    if _TASK_ITEM.match(line):
        return []
    boxes = [(m.start(), m.end(), m.lastgroup == "ticked") for m in box.finditer(line)]
    x_tick = _X_TICK.match(line)
    if x_tick is not None:
        boxes.insert(0, (x_tick.end() - 1, x_tick.end(), True))
    if not boxes:
        return []
    after = not line[boxes[-1][1]:].strip()  # the boxes stand after their options: "[VH1] ☒ [VH2] ☐"
    options: list[tuple[int, int, bool]] = []  # (start, end, ticked) of box and option together
    for i, (b_start, b_end, ticked) in enumerate(boxes):
        if after:
            o_start = boxes[i - 1][1] if i else _after_label(line, b_start)
            options.append((o_start, b_end, ticked))
        else:
            o_end = boxes[i + 1][0] if i + 1 < len(boxes) else len(line)
            gap = _GAP.search(line, b_end, o_end)
            o_end = gap.start() + 1 if gap is not None else o_end
            options.append((b_start, o_end, ticked))
    texts = [_option_words(line, s, e, boxes[i]) for i, (s, e, _) in enumerate(options)]
    yes_no = len(options) == 2 and all(_YES_NO.fullmatch(t) for t in texts)
    if yes_no and options[0][2] == options[1][2]:  # both or neither ticked: the answer is unclear
        return [(offset + s, offset + e) for s, e, _ in options]
    return [(offset + s, offset + e) for s, e, ticked in options if not ticked]


def _after_label(line: str, end: int) -> int:
    """Where the first option before a box at `end` starts: after a field label's colon when there is one with
    words after it ("Närvarande: [VH1] ☒"), else at the line's start ("Barnet närvarande: ☐" is one claim)."""
    colon = line.rfind(":", 0, end)
    return colon + 1 if colon >= 0 and line[colon + 1:end].strip() else 0


def _option_words(line: str, start: int, end: int, box: tuple[int, int, bool]) -> str:
    """The option's words between `start` and `end` without its box."""
    return (line[start:box[0]] + line[box[1]:end]).strip()


def mask_checkboxes(text: str) -> str:
    """`text` with empty boxes and their options, unclear yes/no pairs and template placeholder texts replaced by
    spaces (line breaks kept); the same length."""
    return blank_out(text, checkbox_spans(text))
