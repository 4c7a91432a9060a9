"""Slogans and fixed formulations (提法), and the placeholders and masks of unfilled drafts.

Quoted formulations (“两个确立”, “数据多跑路、群众少跑腿”) are short quotes that are not
titles, platform or organisation names, or long quotations.  Unquoted numeric formulas come
from the lexicon (四个意识, 三重一大), from a numeral formula followed by its gloss, or from
1+N style formulas; a formulation once seen is counted wherever it recurs unquoted.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from .. import lexicon
from .. import patterns as P
from .._record import Record, frozen
from ..document import Document
from ..structure import Notice, Outline
from ._common import SpanSet, task_path

_NUMERAL = re.compile(r"[一二三四五六七八九十两百千0-9]")
_DEFINED = re.compile(r"(?:简称|称为|统称|下称)$")
_TRAILING_PUNCT = re.compile(r"[\s，。；：、]+$")


@frozen
class Slogan(Record):
    """A formulation with every place it occurs; start, end and task are those of the first."""

    text: str
    kind: str  # quoted | numeric
    count: int
    start: int
    end: int
    gloss: str | None
    task: str | None
    spans: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "count": self.count,
                "spans": [list(s) for s in self.spans], "gloss": self.gloss}


def _titles(text: str) -> SpanSet:
    return SpanSet((m.start(), m.end()) for m in re.finditer(r"《[^《》\n]{0,80}》", text))


def _quoted_ok(text: str, content: str, close_end: int, words: frozenset[str],
               not_words: lexicon.NotSlogans) -> bool:
    if len(content) > P.SLOGAN_MAX_CHARS or P.SLOGAN_REJECT_CHARS.search(content):
        return False
    if "，" in content and len(content) > 12:
        return False  # a quotation, not a formulation
    if content in not_words or P.SLOGAN_AFTER_NOT.match(text, close_end):
        return False
    if content.endswith(P.SLOGAN_ORG_SUFFIXES):
        return False
    if len(content) <= 2 and not _NUMERAL.search(content) and content not in words:
        return False  # scare quotes around an ordinary word: “菜单”
    return True


def _gloss(text: str, at: int) -> str | None:
    c = text[at:at + 1]
    if c not in "（(" and not c.isspace():
        return None  # a gloss opens with a bracket: no match needed
    m = P.GLOSS.match(text, at)
    if m and "：" not in m.group("g") and ":" not in m.group("g"):
        return m.group("g").strip()
    return None


def slogans(doc: Document, outline: Outline, notices: list[Notice]) -> Iterator[Slogan]:
    """Distinct formulations in order of first appearance, each with all its occurrences."""
    text = doc.text
    titles = _titles(text)
    occ: dict[str, list[tuple[int, int, bool, str | None]]] = {}
    taken = SpanSet()
    starts: set[int] = set()  # of taken spans: the recurring pass mostly meets these again

    def add(s: int, e: int, quoted: bool, gloss_at: int) -> None:
        if titles.contains(s, e) or taken.overlaps(s, e):
            return
        taken.add(s, e)
        starts.add(s)
        occ.setdefault(text[s:e], []).append((s, e, quoted, _gloss(text, gloss_at)))

    rejected: set[str] = set()  # quoted names shown to be platforms or organisations
    words, not_words = lexicon.slogan_set(), lexicon.not_slogans()
    for m in P.QUOTED.finditer(text):
        g = m.lastindex
        s, e = m.start(g), m.end(g)
        inner = m.group(g)
        s, e = s + len(inner) - len(inner.lstrip()), e - len(inner) + len(inner.rstrip())
        if _DEFINED.search(text, max(0, m.start() - 4), m.start()):
            continue  # 以下简称“中心组”: an abbreviation being defined
        if s < e and _quoted_ok(text, text[s:e], m.end(), words, not_words):
            add(s, e, True, m.end())
        elif s < e:
            rejected.add(text[s:e])
    for m in lexicon.slogan_regex().finditer(text):
        add(m.start(), m.end(), False, m.end())
    for g in P.GLOSS_LIST.finditer(text):  # 六个必须坚持（……、……）
        f = P.NUMERIC_FORMULA.search(text, max(0, g.start() - 8), g.start())
        if f:
            add(f.start("f"), f.end("f"), False, f.end("f"))
    for m in P.PLUS_FORMULA.finditer(text):  # 1+N, not part of 11+N2 or an expression
        if not (m.start() and P.PLUS_EDGE.match(text, m.start() - 1)) and not P.PLUS_EDGE.match(text, m.end()):
            add(m.start(), m.end(), False, m.end())
    seen = [t for t in occ if len(t) >= 3]
    if seen:  # recurring unquoted: 三会一课 after “三会一课”; one pass, longest first
        for m in P.literal_alternation(seen).finditer(text):
            if m.start() not in starts:
                add(m.start(), m.end(), False, m.end())

    items = []
    for t, found in occ.items():
        if t in rejected and t not in words:
            continue
        found.sort()
        kind = "quoted" if any(q for _, _, q, _ in found) else "numeric"
        gloss = next((g for *_, g in found if g), None)
        spans = tuple((s, e) for s, e, _, _ in found)
        items.append(Slogan(t, kind, len(spans), spans[0][0], spans[0][1], gloss, task_path(outline, spans[0][0]), spans))
    yield from sorted(items, key=lambda x: x.start)


def placeholders(doc: Document) -> Iterator[Notice]:
    """Unfilled numbers (X次, **篇, 200X年) and masks (**局, XXX新时代) as warnings."""
    text = doc.text
    for m in P.PLACEHOLDER.finditer(text):
        s, e = m.span()
        mark = m.group()
        year = mark[0] in "12"
        if not year and s and P.LATIN.match(text, s - 1):
            continue  # inside a Latin word
        if mark.startswith(("*", "＊")) and len(mark) == 1 and (s == 0 or text[s - 1] == "\n"):
            continue  # a bullet
        if mark == "×" and text[e:e + 1].isdigit():
            continue  # a multiplication sign
        unit = P.PLACEHOLDER_NUMBER_NEXT.match(text, e)
        if year or unit:
            shown = text[s:unit.end()] if unit else text[s:e + 1]
            yield Notice("placeholder", f"未填写的数字：{shown}（无法核实，不能按0计）", s, e)
        else:
            shown = _TRAILING_PUNCT.sub("", text[max(0, s - 2):e + 2])
            yield Notice("mask", f"遮蔽或待填的文字：{shown}（代替了一个词，不是数字）", s, e)
