"""One document's full analysis: outline plus the extracted fields, as the JSON contract."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .document import Document
from .extract import Extraction, extract
from .structure import Notice, Outline, build_outline

SCHEMA = "policytext/1"


@dataclass(frozen=True)
class Analysis:
    document: Document
    outline: Outline
    extraction: Extraction
    warnings: tuple[Notice, ...]

    @property
    def tasks(self):
        return self.outline.tasks

    @property
    def quotas(self):
        return self.extraction.quotas

    @property
    def deadlines(self):
        return self.extraction.deadlines

    @property
    def units(self):
        return self.extraction.units

    @property
    def slogans(self):
        return self.extraction.slogans

    def _repr_html_(self) -> str:
        from .report.notebook import document_html

        return document_html(self)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(with_text=with_text),
            "tasks": [t.to_dict() for t in self.outline.tasks],
            **self.extraction.to_dict(),
            "warnings": [w.to_dict() for w in self.warnings],
        }


def analyze(doc: Document) -> Analysis:
    outline = build_outline(doc)
    ingest_warnings = tuple(Notice(w["code"], w["message"], w.get("start"), w.get("end"))
                            for w in doc.meta.get("warnings", ()))
    extraction = extract(doc, outline)
    return Analysis(doc, outline, extraction, ingest_warnings + outline.warnings + extraction.warnings)
