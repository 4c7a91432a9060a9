"""Extractors: plain functions over a Document and its Outline that yield items in
document order, each carrying start/end into document.text and the task it belongs to."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..document import Document
from ..structure import Notice, Outline
from .deadlines import Deadline, deadlines, document_year
from .quotas import Quota, quotas
from .slogans import Slogan, placeholders, slogans
from .units import Unit, units

# field name in the contract → extractor.  deadlines also reports frame contradictions.
EXTRACTORS: dict[str, Callable[..., Iterable[Any]]] = {
    "quotas": quotas,
    "deadlines": deadlines,
    "units": units,
    "slogans": slogans,
}


@dataclass(frozen=True)
class Extraction:
    quotas: tuple[Quota, ...]
    deadlines: tuple[Deadline, ...]
    units: tuple[Unit, ...]
    slogans: tuple[Slogan, ...]
    warnings: tuple[Notice, ...]

    def to_dict(self) -> dict[str, Any]:
        return {name: [x.to_dict() for x in getattr(self, name)] for name in EXTRACTORS}


def extract(doc: Document, outline: Outline) -> Extraction:
    """Every field for one document, plus the warnings the extractors raise."""
    warnings: list[Notice] = list(placeholders(doc))
    found = {}
    for name, fn in EXTRACTORS.items():
        found[name] = tuple(fn(doc, outline, warnings) if name == "deadlines" else fn(doc, outline))
    warnings.sort(key=lambda w: (w.start is None, w.start or 0))
    return Extraction(**found, warnings=tuple(warnings))


__all__ = ["EXTRACTORS", "Extraction", "extract", "Quota", "Deadline", "Unit", "Slogan",
           "quotas", "deadlines", "units", "slogans", "placeholders", "document_year"]
