"""The Document: the analysed text and how every character of it traces back to its source."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

from ._record import frozen


@frozen
class Notice:
    """A warning about the document, anchored at an offset of document.text when it has one."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None  # set when the warning is about a span (a placeholder, a date)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "start": self.start, "end": self.end}


class Cell(NamedTuple):
    """A table cell's place: the document's table (0-based, in reading order), its row and its
    column (a cell spanning columns has its first column's number)."""

    table: int
    row: int
    col: int


@frozen
class Paragraph:
    """One paragraph (a line of the analysed text), trimmed of surrounding white space."""

    start: int
    end: int
    page: int | None = None  # 1-based, PDF only
    auto_number: bool = False  # its marker was rendered from Word's automatic numbering
    source: str = "body"  # body | table | textbox
    cell: Cell | None = None  # where in a Word table read cell by cell

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.page is not None:
            d["page"] = self.page
        if self.auto_number:
            d["auto_number"] = True
        if self.source != "body":
            d["source"] = self.source
        if self.cell is not None:
            d["cell"] = list(self.cell)
        return d


@dataclass(frozen=True)
class SourceRun:
    """text[start:end] is a verbatim copy of the source page's text from page_offset on."""

    start: int
    end: int
    page: int
    page_offset: int


# What the JSON says of a document read by OCR (Document.meta["ocr"] also keeps each page's
# text as read, which the offsets of SourceRun index into).
OCR_SUMMARY = ("engine", "dpi", "pages", "confidence", "page_confidence", "letterhead", "doc_number",
               "header_lines", "seal_pages")


@dataclass(frozen=True)
class Document:
    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str | None = None
    format: str = "txt"  # txt | docx | pdf | doc | wps | text (built from a string)
    encoding: str | None = None
    title: str = ""
    kind: str = "unknown"  # plan | summary | unknown
    kind_cue: str = ""
    pages: int | None = None
    page_starts: tuple[int, ...] = ()
    runs: tuple[SourceRun, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[Notice, ...] = ()  # what reading the file found: unsupported numbering, pages without text
    # the year to read its dates in when it names none of its own (a comparison gives a summary
    # its plan's year); never written out
    year_hint: int | None = None
    # …and the year its work was done in, which wins over its title's (a comparison gives a
    # rectification report the year its plan's time limits fall in, where the title names the
    # year audited: 关于2024年度…审计查出问题整改情况的报告, delivered in 2025); never written out
    work_year: int | None = None

    def paragraph_text(self, p: Paragraph) -> str:
        return self.text[p.start:p.end]

    def lines(self):
        """(paragraph, its text) in document order."""
        for p in self.paragraphs:
            yield p, self.text[p.start:p.end]

    def page_of(self, offset: int) -> int | None:
        """1-based page holding text[offset]; None for formats without pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def locate(self, offset: int) -> tuple[int, int] | None:
        """(page, index in that page's extracted text) of text[offset], for PDF."""
        if not self.runs:
            return None
        i = bisect.bisect_right([r.start for r in self.runs], offset) - 1
        if i < 0:
            return None
        r = self.runs[i]
        if offset >= r.end:
            return None  # a separator the cleaner inserted, not a source character
        return r.page, r.page_offset + (offset - r.start)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "kind": self.kind,
            "kind_cue": self.kind_cue,
            "title": self.title,
            "chars": len(self.text),
            "pages": self.pages,
        }
        ocr = self.meta.get("ocr")
        if ocr:
            d["ocr"] = {k: ocr[k] for k in OCR_SUMMARY if k in ocr}
        if self.meta.get("converted_by"):
            d["converted_by"] = self.meta["converted_by"]
        if with_text:
            d["text"] = self.text
        return d
