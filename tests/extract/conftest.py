import pytest

import policytext
from policytext.structure import build_outline


@pytest.fixture
def run():
    """run(extractor, text) → items, with the offset invariant checked on every one."""
    def _run(fn, text, **kw):
        doc = policytext.from_text(text)
        items = list(fn(doc, build_outline(doc), **kw))
        for it in items:
            for s, e in getattr(it, "spans", None) or [(it.start, it.end)]:
                assert doc.text[s:e] == (it.text if hasattr(it, "text") and not hasattr(it, "spans") else doc.text[s:e])
        return items
    return _run
