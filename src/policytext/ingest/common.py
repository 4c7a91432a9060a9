"""Turning analysed text into a Document: paragraphs, title, kind."""
from __future__ import annotations

from types import MappingProxyType
from typing import Any, Iterable

from ..classify import classify_kind, find_title
from ..document import Document, Notice, Paragraph, SourceRun

_SPACE = " \t\u3000\u00a0\f\v"


def split_paragraphs(text: str) -> list[Paragraph]:
    """One Paragraph per non-blank line, trimmed of surrounding white space."""
    paras: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip(_SPACE)
        if stripped:
            lead = len(line) - len(line.lstrip(_SPACE))
            paras.append(Paragraph(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return paras


def build_document(
    text: str,
    paragraphs: Iterable[Paragraph] | None = None,
    *,
    path: str | None,
    format: str,
    encoding: str | None = None,
    pages: int | None = None,
    page_starts: tuple[int, ...] = (),
    runs: tuple[SourceRun, ...] = (),
    meta: dict[str, Any] | None = None,
    warnings: Iterable[Notice] = (),
) -> Document:
    paras = tuple(split_paragraphs(text) if paragraphs is None else paragraphs)
    title = find_title(text[p.start:p.end] for p in paras[:8])
    kind, cue = classify_kind(title, text)
    return Document(
        text=text, paragraphs=paras, path=path, format=format, encoding=encoding,
        title=title, kind=kind, kind_cue=cue, pages=pages, page_starts=page_starts,
        runs=runs, meta=MappingProxyType(dict(meta or {})),
        warnings=tuple(sorted(warnings, key=lambda w: (w.start is None, w.start or 0))),
    )
