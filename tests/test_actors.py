"""The gazetteer of agencies (`planqa.actors`)."""

from __future__ import annotations

from planqa.actors import find_actors


def test_fh_is_the_foster_home() -> None:
    text = "FH ska ha morgonrutin. [BARN] bor i FH:s hus."
    assert [(text[s:e], name) for s, e, name in find_actors(text)] == [("FH", "familjehem"), ("FH:s", "familjehem")]
