"""Tables that came through as text grids, read as whole rows and whole cells (GUIDELINES 4, block 55).

A table written in a word processor and exported or pasted as plain text arrives as a grid: borders of
"+-----+------+", "|" between columns, "===" under the header row ("+=====+", "|=====|", or runs of "=" under
space-aligned columns), and long cell text wrapped inside its column, so one line of the grid holds fragments of
several cells side by side and one cell runs over several lines:

    | Skolan ordnar en  | [NAMN_2],    | v. 12 |
    | lugn plats för    | specialped.  |       |
    | raster            |              |       |

`grids` finds such grids and their logical rows (between the grid's rule lines, or, where the rows have no rules
between them, where a row's first cell starts) and joins each column's fragments into the whole cell
("Skolan ordnar en lugn plats för raster"). A row is given as the one-line table row the rules' table readers
read ("| Skolan ordnar en lugn plats för raster | [NAMN_2], specialped. | v. 12 |"), with the way back from
its text to the plan's offsets (`GridRow.plan_span`). A grid is known by its rule lines with "=" or "+", which
Markdown tables ("|---|") do not have: those, tab- and semicolon-separated tables are no grids here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

# A grid's border ("+------+-----+", "+======+=====+").
BORDER = re.compile(r"[ \t]*\+(?:[-=:]+\+)+[ \t]*")
# A rule between a pipe grid's rows or under its header ("|=====|=====|", "|-----|-----|").
PIPE_RULE = re.compile(r"[ \t]*\|(?:[ \t]*[-=:+]{2,}[ \t]*\|)+[ \t]*")
# The rule under the header of space-aligned columns, one run of "=" (or "-") per column ("========   ==========").
SPACE_RULE = re.compile(r"[ \t]*(?:={2,}(?:[ \t]{2,}={2,})+|-{3,}(?:[ \t]{2,}-{3,})+)[ \t]*")
# A line that shows a grid is there: a border, a pipe rule with "=", or "=" runs under columns. The cheap test
# first (most plans have no grid).
GRID_MARK = re.compile(r"^[ \t]*(?:\+[-=:]+\+|\|[ \t]*=[=:+ \t|]*\||={2,}[ \t]{2,}=|-{3,}[ \t]{2,}-{3})", re.M)
# A line of two cells or more with wide gaps between them, no pipes or tabs: perhaps the header of space-aligned
# columns without a rule under it ("Insats              Ansvarig          När").
TITLED_LINE = re.compile(r"^[ \t]*[^\s|][^|\t\n]*? {3,}[^\s|][^|\t\n]*$", re.M)
# The gap between two cells of space-aligned columns (two spaces or more, or a tab).
COLUMN_GAP = re.compile(r"[ \t]{2,}|\t")
# The end of a fragment that the next line's fragment goes on from: a word broken with a hyphen, a comma, or a
# word that cannot end a cell ("och", "i", "för"): the next line continues the same cell.
OPEN_END = re.compile(r"(?:[^\W\d]-|,|\b(?:och|o|samt|eller|i|på|för|med|om|av|till|vid|hos|från|att|som|en|ett|"
                      r"den|det|de|efter|inför|under|mot|per))$", re.I)
# A word broken with a hyphen at a fragment's end ("eftermiddagslek-" / "tioner").
BROKEN_WORD = re.compile(r"[^\W\d]-$")


@dataclass(frozen=True)
class GridCell:
    """One cell of a grid, read whole: its fragments' texts joined; `pieces` says where each fragment stands
    in the cell's text and in the plan (text offset, plan offset, length)."""

    text: str
    pieces: tuple[tuple[int, int, int], ...]

    def plan_pos(self, k: int) -> int:
        """The plan's offset of the cell text's offset k (in a gap between two fragments: the first one's end)."""
        at, start, length = self._piece(k)
        return start + min(max(k - at, 0), length)

    def piece_end(self, k: int) -> int:
        """The plan's offset where the fragment that holds the cell text's offset k ends."""
        _, start, length = self._piece(k)
        return start + length

    def _piece(self, k: int) -> tuple[int, int, int]:
        return next((p for p in reversed(self.pieces) if p[0] <= k), self.pieces[0])


@dataclass(frozen=True)
class GridRow:
    """One logical row of a grid: `text` is the row as a one-line table row ("| cell | cell |"), start and end
    the plan's span from its first line to its last; `offsets` gives where each cell starts in `text`; `header`:
    the row stands above the grid's "=" rule."""

    start: int
    end: int
    text: str
    cells: tuple[GridCell, ...]
    offsets: tuple[int, ...]
    header: bool = False

    def plan_span(self, a: int, b: int) -> tuple[int, int]:
        """The plan's span for the row text's a..b (a cell or part of one): from where a stands to where b stands,
        or to the end of a's fragment where b lies on a later line (a span stays on one line)."""
        for cell, at in zip(reversed(self.cells), reversed(self.offsets)):
            if at <= a:
                if not cell.pieces:  # an empty cell shows nothing
                    return self.start, self.start
                start = cell.plan_pos(a - at)
                end = cell.plan_pos(max(b - at, a - at))
                return start, min(max(end, start), cell.piece_end(a - at))
        return self.start, self.end


@dataclass(frozen=True)
class Grid:
    """A grid's rows and the plan's span of its lines from the first row's to the last row's (its top and
    bottom borders outside)."""

    start: int
    end: int
    rows: tuple[GridRow, ...]


@dataclass(frozen=True)
class _Line:
    start: int  # the line's offset in the plan
    text: str  # without its line end


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(_Line(pos, line))
        pos += len(line) + 1
    return out


def _is_rule(line: str) -> bool:
    """A grid's border or a rule under its header or between its rows."""
    return bool(BORDER.fullmatch(line) or PIPE_RULE.fullmatch(line) or SPACE_RULE.fullmatch(line))


def _bounds(rule: str) -> list[int]:
    """Where each column starts on a rule line: after each "+" or "|" but the last, or at each run of "="."""
    if rule.lstrip()[:1] in "+|":
        marks = [i for i, ch in enumerate(rule) if ch in "+|"]
        return [m + 1 for m in marks[:-1]]
    return [m.start() for m in re.finditer(r"=+|-+", rule)]


def _pipe_cells(line: str, bounds: list[int]) -> list[tuple[int, int]]:
    """(start, end) in the line of each column's text on a line with pipes: the text between its pipes, or, where
    a pipe is missing or one too many, the text under each column's place on the rule."""
    pipes = [i for i, ch in enumerate(line) if ch == "|"]
    chunks = list(pairwise(pipes))
    if line.rstrip()[-1:] != "|" and pipes:  # the last column cut, or its pipe lost
        chunks.append((pipes[-1], len(line)))
    if len(chunks) != len(bounds):
        ends = bounds[1:] + [len(line) + 1]
        chunks = [(a - 1, b - 1) for a, b in zip(bounds, ends)]
    return [_strip(line, a + 1, b, "| \t") for a, b in chunks]


def _space_cells(line: str, bounds: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each column's text on a line of space-aligned columns: each run of text between gaps goes
    to the column it starts in (a little to its left still counts), two runs in one column are one cell."""
    out: list[tuple[int, int]] = [(0, 0)] * len(bounds)
    pos = 0
    for part in COLUMN_GAP.split(line):
        at = line.find(part, pos) if part else pos
        pos = at + len(part)
        if not part.strip():
            continue
        a, b = _strip(line, at, at + len(part), " \t")
        col = max([i for i, x in enumerate(bounds) if x <= a + 2] or [0])
        out[col] = (out[col][0], b) if out[col] != (0, 0) else (a, b)
    return out


def _strip(line: str, a: int, b: int, chars: str) -> tuple[int, int]:
    while a < b and line[a] in chars:
        a += 1
    while b > a and line[b - 1] in chars:
        b -= 1
    return a, b


def _fits(line: str, bounds: list[int]) -> bool:
    """A line of space-aligned columns: no word runs across a column's start, and it does not open at a column's
    start with a field label ("Övrigt: ...")."""
    if not line.strip() or "|" in line or re.match(r"\s*[^\W\d][\w ]{0,30}:\s", line):
        return False
    return not any(0 < x < len(line) and line[x - 1] not in " \t" and line[x] not in " \t" for x in bounds[1:])


def _piped(line: str) -> bool:
    """A line of a grid drawn with pipes and borders."""
    return line.lstrip().startswith(("|", "+"))


def _block(lines: list[_Line], i: int) -> tuple[int, int, list[int]] | None:
    """(first, last, bounds) of the grid around line i, which is a rule line; None where it is no grid."""
    rule = lines[i].text
    if SPACE_RULE.fullmatch(rule):
        bounds = _bounds(rule)
        if i == 0 or not lines[i - 1].text.strip() or "|" in lines[i - 1].text:
            return None
        last, j = i, i + 1
        while j < len(lines):
            if _fits(lines[j].text, bounds):
                last, j = j, j + 1
            elif not lines[j].text.strip() and j + 1 < len(lines) and _fits(lines[j + 1].text, bounds) \
                    and sum(b > a for a, b in _space_cells(lines[j + 1].text, bounds)) >= 2:
                j += 1  # a blank line between two rows (a row has two cells or more: no title after the grid)
            else:
                break
        return (i - 1, last, bounds) if last > i else None
    first = i
    while first > 0 and _piped(lines[first - 1].text):
        first -= 1
    last = i
    while last + 1 < len(lines) and _piped(lines[last + 1].text):
        last += 1
    ref = next((lines[k].text for k in range(first, last + 1) if _is_rule(lines[k].text)), rule)
    return first, last, _bounds(ref)


def _columns(line: str) -> list[tuple[int, str]]:
    """(start, text) of each run of text between the gaps of space-aligned columns."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _titled_block(lines: list[_Line], i: int, column_title: Callable[[str], bool]) -> tuple[int, int, list[int]] | None:
    """(first, last, bounds) of space-aligned columns without a rule, under line i whose cells are all column titles
    ("Mål        Insats        Vem"): the lines below whose every cell starts where a column does, as long as one
    of them wraps a cell (its first column empty or going on in lower case); None where there is no such grid."""
    titles = _columns(lines[i].text)
    if len(titles) < 2 or not all(column_title(t) for _, t in titles):
        return None
    bounds = [a for a, _ in titles]
    last, j, wraps = i, i + 1, False
    while j < len(lines) and lines[j].text.strip() and "|" not in lines[j].text:
        runs = _columns(lines[j].text)
        if not all(any(abs(a - x) <= 2 for x in bounds) for a, _ in runs) or not _fits(lines[j].text, bounds):
            break
        first = _space_cells(lines[j].text, bounds)[0]
        wraps = wraps or first[1] == first[0] or lines[j].text[first[0]].islower()
        last, j = j, j + 1
    return (i, last, bounds) if wraps and last > i + 1 else None


def _groups(lines: list[_Line], first: int, last: int) -> tuple[list[list[int]], int]:
    """The grid's content lines in groups between its rule lines (and blank lines), and how many groups lie above
    its header rule (the first rule with "=", or under space-aligned columns, that has content above it)."""
    groups: list[list[int]] = [[]]
    header = 0
    for k in range(first, last + 1):
        text = lines[k].text
        if _is_rule(text) or not text.strip():
            if ("=" in text or SPACE_RULE.fullmatch(text)) and groups[-1] and not header:
                header = len([g for g in groups if g])
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(k)
    return [g for g in groups if g], header


def _new_row(cells: list[str], prev_first: str) -> bool:
    """Where the grid has no rules between its rows: a line opens a new row when its first cell has text that does
    not go on from the line above (not lower case, the fragment above not broken off: "eftermiddagslek-",
    "Samtal med", "i")."""
    first = cells[0] if cells else ""
    if not first or first[0].islower() or first[0] in "(+&/–-":
        return False
    return not OPEN_END.search(prev_first)


def _join(fragments: list[tuple[int, str]]) -> GridCell:
    """A cell from its fragments ((plan offset, text) per line): joined with spaces, a word broken with a hyphen
    joined whole ("eftermiddagslek-" + "tioner"; "APL-" + "platsen" keeps the hyphen of a compound)."""
    text, pieces = "", []
    for start, frag in fragments:
        if text and BROKEN_WORD.search(text) and frag[:1].islower():
            text = text if text[-2].isupper() else text[:-1]  # "APL-" + "platsen" keeps its hyphen
        elif text:
            text += " "
        pieces.append((len(text), start, len(frag)))
        text += frag
    return GridCell(text, tuple(pieces))


def _row(lines: list[_Line], spans: list[list[tuple[int, int]]], ks: list[int], ncols: int,
         header: bool) -> GridRow:
    """The logical row made of the grid lines ks (their cells' spans in `spans`)."""
    cells = []
    for col in range(ncols):
        frags = []
        for k, sp in zip(ks, spans):
            a, b = sp[col] if col < len(sp) else (0, 0)
            if b > a:
                frags.append((lines[k].start + a, lines[k].text[a:b]))
        cells.append(_join(frags))
    parts, offsets, pos = [], [], 2
    for c in cells:
        offsets.append(pos)
        parts.append(c.text)
        pos += len(c.text) + 3
    first, last = lines[ks[0]], lines[ks[-1]]
    start = first.start + len(first.text) - len(first.text.lstrip())
    return GridRow(start, last.start + len(last.text.rstrip()), "| " + " | ".join(parts) + " |",
                   tuple(cells), tuple(offsets), header)


def _grid(lines: list[_Line], first: int, last: int, bounds: list[int], titled: bool = False) -> Grid | None:
    """The grid on lines first..last, its columns starting at `bounds` (`titled`: its first line is its header,
    no rule under it); None where it has fewer than two columns or no row."""
    if len(bounds) < 2:
        return None
    groups, header = _groups(lines, first, last)
    if titled:
        groups, header = [[first], *([groups[0][1:]] if groups[0][1:] else []), *groups[1:]], 1
    spaced = not _piped(lines[first].text)
    split = (lambda t: _space_cells(t, bounds)) if spaced else (lambda t: _pipe_cells(t, bounds))
    body_groups = len(groups) - header
    rows: list[GridRow] = []
    for g, ks in enumerate(groups):
        spans = [split(lines[k].text) for k in ks]
        texts = [[lines[k].text[a:b] for a, b in sp] for k, sp in zip(ks, spans)]
        start = 0
        for j in range(1, len(ks)):
            # rows with no rules between them: a row ends where the next one's first cell starts
            if body_groups <= 1 and g >= header and _new_row(texts[j], texts[j - 1][0] if texts[j - 1] else ""):
                rows.append(_row(lines, spans[start:j], ks[start:j], len(bounds), False))
                start = j
        rows.append(_row(lines, spans[start:], ks[start:], len(bounds), g < header))
    if len(rows) < 2:
        return None
    return Grid(rows[0].start, rows[-1].end, tuple(rows))


def find_grids(text: str, column_title: Callable[[str], bool] | None = None) -> list[Grid]:
    """The text grids of a plan with two columns or more, in order (see the module's description); with
    `column_title`, also space-aligned columns without a rule under a header whose every cell is a column title."""
    titled = {m.start() for m in TITLED_LINE.finditer(text)} if column_title is not None and "   " in text else set()
    if not titled and not GRID_MARK.search(text):
        return []
    lines = _lines(text)
    out: list[Grid] = []
    done = -1
    for i, ln in enumerate(lines):
        if i <= done:
            continue
        if ln.start in titled and column_title is not None and not _is_rule(ln.text) \
                and not (i + 1 < len(lines) and _is_rule(lines[i + 1].text)):
            block = _titled_block(lines, i, column_title)
            grid = _grid(lines, *block, titled=True) if block else None
            if grid is not None:
                out.append(grid)
                done = block[1]
            continue
        if not _is_rule(ln.text):
            continue
        if PIPE_RULE.fullmatch(ln.text) and "=" not in ln.text:
            continue  # "|---|---|": a Markdown table's rule, unless a grid's "=" or "+" rule shows it is a grid
        block = _block(lines, i)
        if block is None:
            continue
        first, last, bounds = block
        done = last
        grid = _grid(lines, first, last, bounds)
        if grid is not None:
            out.append(grid)
    return out
