"""Turning analysed text into a Document: paragraphs, title, kind."""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any, Iterable

from .. import patterns as P
from ..classify import classify_kind, find_title
from ..document import Document, Notice, Paragraph, SourceRun

_SPACE = " \t\u3000\u00a0\f\v"


def split_paragraphs(text: str) -> list[Paragraph]:
    """One Paragraph per non-blank line, trimmed of surrounding white space; a document pasted
    as one long line is cut where its numbered items begin (see _run_on)."""
    paras: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        for s, e in _run_on(line) if len(line) >= _RUN_ON else ((0, len(line)),):
            piece = line[s:e]
            stripped = piece.strip(_SPACE)
            if stripped:
                lead = len(piece) - len(piece.lstrip(_SPACE))
                paras.append(Paragraph(pos + s + lead, pos + s + lead + len(stripped)))
        pos += len(line) + 1
    return paras


_RUN_ON = 300  # a line this long may be a whole document pasted as one line
# where a pasted line may hold a new paragraph: at white space, or right after a sentence's end
# with no space at all (…总结如下：一、主要工作)
_BREAKS = re.compile(f"[{_SPACE}]+|(?<=[。！？；：:!?;])|(?=[（(])"  # …（一） right after a short heading
                     r"|(?<=[\u4e00-\u9fff）)])(?=[0-9]{1,2}[.．、][\u4e00-\u9fff])"  # （一）补齐设施短板1.推进…
                     # …（责任单位：…）5.4月底前编印…, …（责任单位：…）二、保障措施
                     r"|(?<=[）)])(?=[0-9]{1,2}[.．、][0-9]|[一二三四五六七八九十]{1,3}、)")
_GLUED_NUMBER = re.compile(r"[0-9]{1,2}")
_CLOSING_NOTE = re.compile(r"[（(][^（）()]{1,120}[）)]$")  # …做到家喻户晓。（责任单位：…）
_CUT_STYLES = ("第章", "第节", "第条", "第一、", "问题1", "一、", "(一)", "(1)", "1.", "1、")
_HEADING_CHARS = 40


def _run_on(line: str) -> list[tuple[int, int]]:
    """Where a long line holds several paragraphs: …精神动力。 一、坚持政治引领 (一)主体责任…  A cut is
    made at white space, or right after a sentence's end, followed by a numbered item's marker,
    when what stands before it ends a sentence or is short enough to be a heading.  The text is not changed: the paragraphs are
    spans of it, so every offset stays as it was."""
    cuts = [0]
    last_number = 0  # the last Arabic item number cut at, for numbers glued to the text before
    for m in _BREAKS.finditer(line):
        at = m.end()
        if at >= len(line) or m.start() == 0 or at <= cuts[-1]:
            continue
        rules = P.MARKERS_BY_FIRST.get(line[at], ())
        if not any(style in _CUT_STYLES and rx.match(line, at) for style, rx in rules):
            continue
        number = _GLUED_NUMBER.match(line, at)
        glued = m.start() == m.end() and line[at].isdigit()
        if glued and int(number.group()) not in (1, last_number + 1):
            continue  # 共3.5万 or 第1、2季度 is no item: only the list's next number is cut at
        before = line[cuts[-1]:m.end() if m.group().strip(_SPACE) else m.start()].strip(_SPACE)
        # (a note in brackets after a sentence's end (…家喻户晓。（责任单位：…）) ends it too)
        note = _CLOSING_NOTE.search(before)
        ends = before[-1:] in "。！？；：:!?;" or bool(note and before[:note.start()][-1:] in "。！？；!?;")
        if ends or len(before) <= _HEADING_CHARS:
            cuts.append(at)
            if number is not None:
                last_number = int(number.group())
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [len(line)])]


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
