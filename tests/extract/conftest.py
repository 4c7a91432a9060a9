import pytest

import policytext
from policytext.structure import build_outline


@pytest.fixture
def run():
    """run(extractor, text) → items, with the offset invariant checked on every one: the text
    at each span is the item's own (a unit's name; every occurrence of a slogan)."""
    def _run(fn, text, notices=None):
        doc = policytext.from_text(text)
        items = list(fn(doc, build_outline(doc), notices if notices is not None else []))
        for it in items:
            own = getattr(it, "name", None) or it.text
            assert doc.text[it.start:it.end] == own
            for s, e in it.places():
                assert doc.text[s:e] == own
        return items
    return _run
