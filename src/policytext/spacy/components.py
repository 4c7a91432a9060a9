"""The pipeline components.  Imported by spaCy through the spacy_factories entry points,
which is what registers them; nothing here runs when policytext itself is imported."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extract import EXTRACTORS
from ..ingest import from_text
from ..structure import build_outline

EXTENSION = "policytext"
# component → (doc.spans key, label of a span)
KEYS = {"tasks": "task", "quotas": "quota", "deadlines": "deadline", "units": "unit", "slogans": "slogan"}


def _ensure_extension() -> None:
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, default=None)


class PolicyTextComponent:
    """Adds one field's items to doc.spans[key].  Spans are widened to jieba token boundaries;
    the typed item (span._.policytext, on request) keeps the exact character offsets."""

    def __init__(self, field: str, extensions: bool) -> None:
        self.field = field
        self.key = KEYS[field]
        self.extensions = extensions
        if extensions:
            _ensure_extension()

    def _items(self, doc: Doc):
        document = from_text(doc.text) if doc.text.strip() else None
        if document is None:
            return []
        outline = build_outline(document)
        if self.field == "tasks":
            return [((t.start, t.end), t.path, t) for t in outline.tasks]
        items = list(EXTRACTORS[self.field](document, outline))
        if self.field == "slogans":
            return [(span, "SLOGAN", s) for s in items for span in s.spans]
        if self.field == "units":
            return [((u.start, u.end), u.role.upper(), u) for u in items]
        return [((x.start, x.end), self.key.upper(), x) for x in items]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for (start, end), label, item in self._items(doc):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                continue
            if self.extensions:
                span._.set(EXTENSION, item)
            spans.append(span)
        doc.spans[self.key] = spans
        return doc


# One factory per field; spaCy imports this module through the entry points, and these
# decorators are what register the names.
@Language.factory("policytext_tasks", default_config={"extensions": False})
def make_tasks(nlp: Language, name: str, extensions: bool) -> PolicyTextComponent:
    return PolicyTextComponent("tasks", extensions)


@Language.factory("policytext_quotas", default_config={"extensions": False})
def make_quotas(nlp: Language, name: str, extensions: bool) -> PolicyTextComponent:
    return PolicyTextComponent("quotas", extensions)


@Language.factory("policytext_deadlines", default_config={"extensions": False})
def make_deadlines(nlp: Language, name: str, extensions: bool) -> PolicyTextComponent:
    return PolicyTextComponent("deadlines", extensions)


@Language.factory("policytext_units", default_config={"extensions": False})
def make_units(nlp: Language, name: str, extensions: bool) -> PolicyTextComponent:
    return PolicyTextComponent("units", extensions)


@Language.factory("policytext_slogans", default_config={"extensions": False})
def make_slogans(nlp: Language, name: str, extensions: bool) -> PolicyTextComponent:
    return PolicyTextComponent("slogans", extensions)
