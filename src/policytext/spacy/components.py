"""The pipeline component.  Imported by spaCy through the spacy_factories entry point, which is
what registers it; nothing here runs when policytext itself is imported."""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..analysis import Analysis, analyze
from ..extract.fields import FIELDS
from ..extract.units import Unit
from ..ingest import from_text

EXTENSION = "policytext"
TASK_KEY, TASK_LABEL = "task", "TASK"
KEYS = (TASK_KEY, *(f.key for f in FIELDS))  # the span groups, in the order they are set
ROLE_LABELS = ("LEAD", "RESPONSIBLE", "SUPPORT")


def labels() -> tuple[str, ...]:
    """Every label a span can carry: fixed, whatever the text (a task's path is in its extension)."""
    out = [TASK_LABEL]
    for f in FIELDS:
        out += ROLE_LABELS if f.record is Unit else [f.key.upper()]
    return tuple(out)


def _ensure_extension() -> None:
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, default=None)


def _items(a: Analysis) -> Iterator[tuple[str, int, int, str, dict]]:
    """(span group, start, end, label, the item as plain data) for every task and item."""
    for t in a.tasks:
        yield TASK_KEY, t.start, t.end, TASK_LABEL, t.to_dict()
    for f in FIELDS:
        for item in a.extraction[f.name]:
            data = item.to_dict()
            for s, e in item.places():
                yield f.key, s, e, f.span_label(item), data


class PolicyText:
    """Analyses the text once and sets one span group per key: doc.spans["task"], ["quota"],
    ["deadline"], ["unit"], ["slogan"].  Spans are widened to jieba token boundaries; with
    extensions, span._.policytext is the item as plain data (its JSON object, exact character
    offsets included), so docs serialise (Doc.to_bytes) and nlp.pipe(n_process=N) works."""

    def __init__(self, extensions: bool = False) -> None:
        self.extensions = extensions
        if extensions:
            _ensure_extension()

    @property
    def labels(self) -> tuple[str, ...]:
        return labels()

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, list[Span]] = {k: [] for k in KEYS}
        if doc.text.strip():
            if self.extensions:
                _ensure_extension()  # in a worker of nlp.pipe(n_process=N) too
            for key, start, end, label, data in _items(analyze(from_text(doc.text))):
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is None:
                    continue
                if self.extensions:
                    span._.set(EXTENSION, data)
                groups[key].append(span)
        for key, spans in groups.items():
            doc.spans[key] = spans
        return doc


# spaCy imports this module through the entry point; the decorator is what registers the name.
@Language.factory("policytext", default_config={"extensions": False})
def make_component(nlp: Language, name: str, extensions: bool) -> PolicyText:
    return PolicyText(extensions)
