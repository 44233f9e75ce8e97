"""The name lists in `planqa/data/names/*.txt` (one a line, `#` comments), each read once.

A light module of its own, so the rules can use the names without importing the pseudonymiser
(presidio) that also reads them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

NAMES_DIR = Path(__file__).resolve().parent / "data" / "names"


def _read_list(name: str) -> frozenset[str]:
    path = NAMES_DIR / name
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return frozenset(words)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _read_list("first_names.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _read_list("surnames.txt")


@lru_cache(maxsize=1)
def word_names() -> frozenset[str]:
    """Names that are also ordinary words (Sten, Ros, Hans, Per): names only in name context."""
    return _read_list("word_names.txt")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Towns, regions and countries: after "i", "från", "till" these are places, not names."""
    return _read_list("places.txt")


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that are never names (eponyms, programmes, form words), lower case."""
    return frozenset(w.lower() for w in _read_list("not_names.txt"))
