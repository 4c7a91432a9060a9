"""One document's full analysis: outline plus the extracted fields, as the JSON contract."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .document import Document, Notice
from .extract import Extraction, extract
from . import patterns as P
from .extract.deadlines import document_year, title_year
from .extract.issuer import issuer
from .structure import Outline, build_outline

SCHEMA = "policytext/1"
_SPAN = re.compile(r"((?:19|20)[0-9]{2})\s*年?\s*[—–\-－至到~～]\s*(?:19|20)[0-9]{2}")


@dataclass(frozen=True)
class Analysis:
    """A document, its outline and its fields: analysis.tasks, and each field of the registry by
    name (analysis.quotas, analysis.deadlines…).  issuer, year and year_from say who wrote it and
    when: the organ in its signature or title, the year it is about, and the first year a
    plan for several years covers (2024 for 2024—2026)."""

    document: Document
    outline: Outline
    extraction: Extraction
    warnings: tuple[Notice, ...]
    issuer: str | None = None
    year: int | None = None
    year_from: int | None = None

    @property
    def tasks(self):
        return self.outline.tasks

    def __getattr__(self, name: str):
        extraction = self.__dict__.get("extraction")  # absent while unpickling
        if extraction is not None and name in extraction.items:
            return extraction.items[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _repr_html_(self) -> str:
        from .display import analysis_html

        return analysis_html(self)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(with_text=with_text),
            "tasks": [t.to_dict() for t in self.outline.tasks],
            **self.extraction.to_dict(),
            "warnings": [w.to_dict() for w in self.warnings],
        }


def in_plan_year(plan: Analysis, summary: Analysis) -> Analysis:
    """The summary, read in its plan's year when it names no year of its own (a speech's
    情况汇报 says 7月中旬: of the plan's year), or when both are rectification documents whose
    titles name the year audited and the plan's time limits fall in a later year (关于2024年度…
    审计查出问题整改情况的报告 says 10月中旬: of the plan's 2025); else the summary as it is."""
    if plan.year is None:
        return summary
    if summary.year is None:
        return analyze(replace(summary.document, year_hint=plan.year))
    if plan.year > summary.year and title_year(summary.document) == summary.year == title_year(plan.document) \
            and P.RECTIFY_TITLE.search(summary.document.title) and P.RECTIFY_TITLE.search(plan.document.title):
        return analyze(replace(summary.document, work_year=plan.year))
    return summary


def analyze(doc: Document) -> Analysis:
    outline = build_outline(doc)
    extraction = extract(doc, outline)
    year = document_year(doc)
    span = _SPAN.search(doc.title or "")
    return Analysis(doc, outline, extraction, doc.warnings + outline.warnings + extraction.warnings,
                    issuer(doc), year, int(span.group(1)) if span else year)
