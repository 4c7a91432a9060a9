"""Responsible units and roles (责任分工): who leads, who supports, who is responsible.

Two shapes: a label with a list (牵头单位：机关党委；配合单位：局办公室, 组长：…) and a name
right before a role verb (由办公室牵头，各科室配合 / 党组书记是第一责任人).  A name counts
only when it ends with a unit or role word of the lexicon in models/lexicons/units.txt,
which keeps ordinary words out where generic NER would tag them as organisations.
"""
from __future__ import annotations

import re
from typing import Iterator

from .. import lexicon
from .. import patterns as P
from .._record import Record, frozen
from ..document import Document
from ..structure import Notice, Outline
from ._common import SpanSet, clause_start, task_path

_LABEL_ROLES = dict(P.UNIT_LABELS)
_NAME = re.compile(r"[\u4e00-\u9fff（）()“”*＊Xx]{2,20}")
_LIST_SEP = re.compile(r"([、，,；;]|以及)")
_AND_PARTS = re.compile(r"[^和及与]+")
_CUT_AFTER = re.compile(r".*(?:推动|督促|指导|要求|组织|成立由|成立|并由|由|请|其中)")


@frozen
class Unit(Record):
    name: str
    role: str  # lead | support | responsible
    cue: str  # the label or verb that assigns the role: 牵头单位, 牵头, 是第一责任人
    task: str | None
    start: int
    end: int


def _valid(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and lexicon.units().is_unit_name(name.strip("“”"))


def _clean(piece: str) -> str:
    s = piece.strip(" \t\u3000“”\"")
    m = _CUT_AFTER.match(s)
    if m and m.end() < len(s):
        s = s[m.end():]
    return s.strip("“”\"")


def _names(segment: str, base: int) -> Iterator[tuple[str, int]]:
    """Unit names listed in segment (offset base), from the end backwards while they are valid,
    yielded in text order.  和/及/与 split a piece only when every part is a name itself
    (法规和审批处 stays whole)."""
    pieces: list[tuple[str, int]] = []
    pos = 0
    for part in _LIST_SEP.split(segment):
        if part and not _LIST_SEP.fullmatch(part):
            pieces.append((part, pos))
        pos += len(part)
    found: list[tuple[str, int]] = []
    for part, at in reversed(pieces):
        subs = [(m.group(), at + m.start()) for m in _AND_PARTS.finditer(part)]
        cleaned = [(_clean(s), a) for s, a in subs]
        if len(subs) > 1 and all(_valid(c) for c, _ in cleaned):
            items = cleaned
        else:
            items = [(_clean(part), at)]
        if not all(_valid(c) for c, _ in items):
            break
        for name, a in reversed(items):
            raw = segment[a - 0:]
            found.append((name, base + a + raw.index(name)))
    yield from reversed(found)


def _strip_fillers(s: str) -> str:
    changed = True
    while changed:
        changed = False
        for f in P.UNIT_TRAILING_FILLERS:
            if s.endswith(f) and len(s) > len(f):
                s, changed = s[: -len(f)], True
    return s


def units(doc: Document, outline: Outline, notices: list[Notice]) -> Iterator[Unit]:
    """Units in document order."""
    text = doc.text
    out: list[Unit] = []
    labelled = SpanSet()
    for m in P.UNIT_LABEL.finditer(text):
        role = _LABEL_ROLES[m.group("label")]
        labelled.add(m.start(), m.end())
        for name, at in _names(m.group("names").rstrip(), m.start("names")):
            out.append(Unit(name, role, m.group("label"), task_path(outline, at), at, at + len(name)))
    prev_end = 0
    for m in P.UNIT_VERB.finditer(text):
        if labelled.contains(m.start()):
            continue
        role = next(r for rx, r in P.UNIT_VERB_ROLES if rx.fullmatch(m.group()))
        lo = max(clause_start(text, m.start(), P.UNIT_LEFT_BREAK), prev_end)
        prev_end = m.end()
        cue = m.group()
        left = text[lo:m.start()]
        if cue in ("第一责任人", "直接责任人"):
            cop = P.UNIT_COPULA.search(left)
            if cop is None:
                continue  # 书记直接责任人 with no 是/为: a list of duties, not an assignment
            cue = left[cop.start():] + cue
            left = left[:cop.start()]
        left = _strip_fillers(left)
        if m.group().startswith("组成") and "由" not in left:
            continue  # 组成 names members only in 由……组成
        for name, at in _names(left, lo):
            out.append(Unit(name, role, cue, task_path(outline, at), at, at + len(name)))
    seen: set[tuple[int, str]] = set()
    for u in sorted(out, key=lambda u: u.start):
        if (u.start, u.role) not in seen:
            seen.add((u.start, u.role))
            yield u
