"""Extractors: plain functions over a Document and its Outline that yield items in document
order, each carrying start/end into document.text and the task it belongs to.  Which fields
there are is said once, in fields.FIELDS."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..document import Document, Notice
from ..structure import Outline
from .deadlines import Date, Deadline, dates, document_year
from .fields import BY_NAME, FIELDS, NAMES, Field
from .quotas import Quota, quotas
from .slogans import Slogan, placeholders, slogans
from .units import Unit, units


@dataclass(frozen=True)
class Extraction:
    """The items of every field (extraction.quotas, or extraction["quotas"]) and the warnings
    the extractors raised."""

    items: Mapping[str, tuple[Any, ...]]
    warnings: tuple[Notice, ...]

    def __getitem__(self, name: str) -> tuple[Any, ...]:
        return self.items[name]

    def __getattr__(self, name: str) -> tuple[Any, ...]:
        items = self.__dict__.get("items")  # absent while unpickling
        if items is not None and name in items:
            return items[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def to_dict(self) -> dict[str, Any]:
        return {name: [x.to_dict() for x in self.items[name]] for name in NAMES}


def extract(doc: Document, outline: Outline) -> Extraction:
    """Every field for one document, plus the warnings the extractors raise (placeholders and
    masks first: they are read from the text alone)."""
    notices: list[Notice] = list(placeholders(doc))
    found = {f.name: tuple(f.extract(doc, outline, notices)) for f in FIELDS if f.source is None}
    items = {f.name: tuple(x for x in found[f.source] if f.keep(x)) if f.source else found[f.name] for f in FIELDS}
    notices.sort(key=lambda w: (w.start is None, w.start or 0))
    return Extraction(items, tuple(notices))


__all__ = ["BY_NAME", "FIELDS", "NAMES", "Extraction", "Field", "extract", "Quota", "Date", "Deadline", "Unit", "Slogan",
           "quotas", "dates", "units", "slogans", "placeholders", "document_year"]
