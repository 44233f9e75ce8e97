"""The text the assessors read: the plan as given, with what a reader looks past taken out, at the same offsets.

The repairs keep the text's length, in this order: the other spaces a word processor or web page writes
(no-break, narrow and thin spaces, a byte-order mark) become plain spaces, Windows line ends plain ones, and
invisible characters inside a word (a soft hyphen, a zero-width space) move out of it as spaces after it
(`visible`); UTF-8 read as Windows-1252 ("fÃ¶rskola") is decoded (`planqa.letters.read_mojibake`); HTML tags
become spaces, line breaks, list marks and cell bars and character entities are decoded (`planqa.markup`);
struck text, comments and change marks become spaces (`planqa.revisions`); empty checkboxes with their options
and a template's placeholder texts become spaces (`planqa.checkboxes`); the å, ä and ö a plan lost ("forskola",
"f?rskola") are written back (`planqa.letters.restore_letters`); words broken at a line end are joined
(`planqa.hyphens`); OCR's digits inside words are read as letters (`planqa.ocr`); in a plan that lost its line
breaks, the spaces before its headings, fields and list items become line breaks again (`planqa.linebreaks`,
which reads headings in capitals); words in capitals outside headings that are no abbreviation are written in
lower case (`planqa.capitals`; only the case changes, so no offset needs mapping back).
`reads_plan_text` wraps an assessor's `assess`: the plan is assessed as `readable` text with its typing mistakes
mended (`planqa.spelling`, the one stage that changes the length: its own offsets map back) and other conventions'
placeholders read as the guidelines' own (`planqa.placeholders`), and the result points into the plan as given.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from planqa.capitals import lower_capitals
from planqa.checkboxes import mask_checkboxes
from planqa.hyphens import broken_words, in_text, join_hyphenated
from planqa.letters import back, letters_offsets, mojibake_offsets, read_mojibake, restore_letters
from planqa.linebreaks import restore_line_breaks
from planqa.markup import entity_words, read_markup
from planqa.models import Assessment, Plan
from planqa.ocr import read_letters
from planqa.placeholders import in_original, moved_back, normalise
from planqa.revisions import mask_revisions
from planqa.spelling import mend

# Spaces other than U+0020 that pasted text carries (no-break from Word and web pages, narrow no-break in dates
# and numbers, figure, thin and other typographic spaces, the ideographic space) and a byte-order mark
_SPACE_CHARS = ("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                "\u2009\u200a\u202f\u205f\u3000\ufeff")
_SPACES = str.maketrans(dict.fromkeys(_SPACE_CHARS, " "))


# Characters that show nothing but split a word for a pattern: a soft hyphen (Word's optional hyphen), zero-width
# space, joiners, word joiner and direction marks
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060"
_INVISIBLE_WORD = re.compile(rf"[^\s{_INVISIBLE}]*[{_INVISIBLE}][^\s]*")
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE))


def plain_spaces(text: str) -> str:
    """`text` with `_SPACES` as plain spaces, "\\r\\n" as " \\n" and a lone "\\r" as "\\n"; the same length."""
    if text.isascii() and "\r" not in text:
        return text
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text.translate(_SPACES) if any(c in text for c in _SPACE_CHARS) else text  # translate is slow


def invisible_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end, end without its invisible characters) per word that holds `_INVISIBLE` characters, in the form
    `planqa.hyphens.in_text` maps spans with."""
    if not _has_invisible(text):
        return []
    return [(m.start(), m.end(), m.end() - sum(m.group().count(c) for c in _INVISIBLE))
            for m in _INVISIBLE_WORD.finditer(text)]


def visible(text: str) -> str:
    """`plain_spaces(text)` with each word's invisible characters taken out and as many spaces after the word; the
    same length, and every offset outside such a word kept."""
    text = plain_spaces(text)
    return _INVISIBLE_WORD.sub(_without_invisible, text) if _has_invisible(text) else text


def _has_invisible(text: str) -> bool:
    """Whether the text holds an `_INVISIBLE` character (every `_INVISIBLE_WORD` match does)."""
    return not text.isascii() and any(c in text for c in _INVISIBLE)


def _without_invisible(m: re.Match[str]) -> str:
    word = m.group().translate(_DROP_INVISIBLE)
    return word + " " * (len(m.group()) - len(word))


def readable(text: str) -> str:
    """`text` as the rules read it: plain spaces and line ends, invisible characters out of words, HTML read as a
    browser shows it, without struck text and comments, empty checkboxes and placeholder texts, damaged å, ä and ö
    read as the letters, broken words joined, OCR digits read as letters, lost line breaks put back, capitals
    outside headings in lower case; the same length as `text`."""
    lettered = restore_letters(_marked_up(read_mojibake(visible(text))))
    return lower_capitals(restore_line_breaks(read_letters(join_hyphenated(lettered))))


def _marked_up(shown: str) -> str:
    """The markup read and what claims nothing masked: HTML, struck text and comments, empty checkboxes."""
    return mask_checkboxes(mask_revisions(read_markup(shown)))


def reads_plan_text(assess: Callable[[Any, Plan], Assessment]) -> Callable[[Any, Plan], Assessment]:
    """Decorator for an assessor's `assess`: the plan is assessed as `readable` text with its typing mistakes mended
    and other conventions' placeholders read as the guidelines' own, and the result points into the plan as given."""

    @functools.wraps(assess)
    def wrapper(self, plan: Plan) -> Assessment:
        mended = mend(readable(plan.text))
        rewritten = normalise(mended.text)
        read = plan if rewritten.text == plan.text else plan.model_copy(update={"text": rewritten.text})
        result = moved_back(in_original(assess(self, read), rewritten), mended)
        return result if mended.original == plan.text else _texts_from(result, plan.text)

    return wrapper


def _texts_from(result: Assessment, text: str) -> Assessment:
    """`result` with its evidence and entity texts read from `text` at their offsets (`readable` keeps the length;
    a span's end inside a joined word moves to the word's end, `planqa.hyphens.in_text`; a line that decoded or
    restored letters made shorter maps back with `planqa.letters.back`), so the reviewer sees the text as given."""
    shown = visible(text)
    decoded = read_mojibake(shown)
    marked_up = _marked_up(decoded)
    steps = [functools.partial(in_text, words=broken_words(restore_letters(marked_up))),
             functools.partial(back, offsets=letters_offsets(marked_up)),
             functools.partial(in_text, words=entity_words(decoded)),
             functools.partial(back, offsets=mojibake_offsets(shown)),
             functools.partial(in_text, words=invisible_words(plain_spaces(text)))]

    def sliced(span):
        start, end = span.start, span.end
        for step in steps:  # each stage's offsets back to the text before it
            start, end = step(start, end)
        return span.model_copy(update={"start": start, "end": end, "text": text[start:end]})

    criteria = {cid: c.model_copy(update={"evidence": [sliced(e) for e in c.evidence]})
                for cid, c in result.criteria.items()}
    return result.model_copy(update={"criteria": criteria, "entities": [sliced(e) for e in result.entities]})
