"""One document's full analysis: outline plus the extracted fields, as the JSON contract."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .document import Document
from .structure import Notice, Outline, build_outline

SCHEMA = "policytext/1"


@dataclass(frozen=True)
class Analysis:
    document: Document
    outline: Outline
    warnings: tuple[Notice, ...]

    @property
    def tasks(self):
        return self.outline.tasks

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(with_text=with_text),
            "tasks": [t.to_dict() for t in self.outline.tasks],
            # Filled by the extractors (quotas, deadlines, units, slogans) as they land.
            "quotas": [],
            "deadlines": [],
            "units": [],
            "slogans": [],
            "warnings": [w.to_dict() for w in self.warnings],
        }


def analyze(doc: Document) -> Analysis:
    outline = build_outline(doc)
    ingest_warnings = tuple(Notice(w["code"], w["message"], w.get("start"))
                            for w in doc.meta.get("warnings", ()))
    return Analysis(doc, outline, ingest_warnings + outline.warnings)
