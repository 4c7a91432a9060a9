"""The numbered outline: markers found line by line (and 一是…二是… inside paragraphs),
nested by marker style and the order seen, never by a fixed level per style."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from . import cn_numbers as cn
from . import patterns as P
from ._record import frozen
from .document import Document, Notice

_RISKY = {"1", "1)"}
_TABLE_COLUMNS = re.compile(r"（[^（）：:，。；\n]{1,12}[：:]")  # a task-table row's other columns, labelled
_SENTENCE_END = re.compile(f"[{re.escape(P.SENTENCE_END)}]")  # styles that ordinary sentences also start with


@frozen
class Task:
    path: str
    marker: str
    level: int
    heading: str
    start: int
    end: int
    parent: str | None
    style: str
    number: int | None
    heading_start: int
    heading_end: int
    inline: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "marker": self.marker, "level": self.level, "heading": self.heading,
                "start": self.start, "end": self.end, "parent": self.parent}


@dataclass(frozen=True)
class Outline:
    tasks: tuple[Task, ...]
    warnings: tuple[Notice, ...]
    parents: tuple[int, ...]  # index of each task's parent, -1 for top level
    starts: tuple[int, ...] = ()  # each task's start, for bisecting
    ends: tuple[int, ...] = ()  # and end: a lookup per extracted item reads plain tuples

    def children(self, i: int) -> list[int]:
        return [j for j, p in enumerate(self.parents) if p == i]

    def leaves(self) -> list[Task]:
        has_child = set(self.parents)
        return [t for i, t in enumerate(self.tasks) if i not in has_child]

    def innermost(self, offset: int) -> Task | None:
        """The deepest task whose text contains offset."""
        i = self.innermost_index(offset)
        return self.tasks[i] if i >= 0 else None

    def innermost_index(self, offset: int) -> int:
        """Index of the deepest task whose text contains offset, -1 if none.  Unlike a path,
        an index tells apart two tasks a numbering typo gave the same marker."""
        i = bisect.bisect_right(self.starts, offset) - 1
        starts, ends, parents = self.starts, self.ends, self.parents
        while i >= 0:
            if starts[i] <= offset < ends[i]:
                return i
            i = parents[i]
        return -1


@dataclass
class _Item:
    style: str
    marker: str
    num_text: str
    number: int | None
    start: int  # marker start
    content: int  # text after the marker
    para_start: int
    para_end: int
    inline: bool = False
    seg_end: int | None = None  # inline: where the next inline sibling starts
    parent: int = -1
    level: int = 1
    end: int = 0
    cap: int | None = None  # a pasted table's row ends with its last cell


def _number(style: str, num: str) -> int | None:
    if style == "①":
        return P.CIRCLED_VALUES.get(num)
    return cn.parse_int(num)


@lru_cache(maxsize=4096)
def _segment(style: str, marker: str, num: str) -> str:
    if style.startswith("第") or style == "问题1":
        return cn.to_ascii_digits(marker.rstrip("、，,：:"))
    if style in ("(一)", "(1)"):
        return f"({cn.to_ascii_digits(num)})"
    if style == "inline":
        return marker
    return cn.to_ascii_digits(num)


def _line_marker(text: str, base: int) -> tuple[str, str, str, int, int] | None:
    """(style, marker as written, number text, marker start, content start) at a line start."""
    for style, rx in P.MARKERS_BY_FIRST.get(text[:1], ()):
        m = rx.match(text)
        if not m:
            continue
        if style == "1" and text[m.end():m.end() + 1] in P.BARE_NEXT_EXCLUDE:
            return None
        if m.end() >= len(text) and style in _RISKY:
            return None
        return style, m.group("marker"), m.group("num"), base + m.start("marker"), base + m.end()
    return None


# Arabic-numbered styles a writer mixes within one list (1、 then 2.): siblings, not nesting.
_MIXED = {"1.": "1、", "1、": "1."}


def _same_list(style: str, number: int | None, open_styles: list[str], last_by_style: dict[str, int]) -> str:
    """The style an item is nested by: its own, or that of the open list it continues when it
    is written with the other punctuation (2. right after an open 1、 is item 2 of that list;
    a 1. under an open 1、 starts a list of its own)."""
    other = _MIXED.get(style)
    if (other and style not in open_styles and other in open_styles and number is not None and number > 1
            and last_by_style.get(other) == number - 1):
        return other
    return style


def _inline_items(text: str, base: int, from_pos: int, expect: int) -> list[tuple[str, int, int, int]]:
    """Chain of (marker, number, start, content) for 一是…二是… in text, starting at number
    `expect` (1 normally, k+1 when the previous paragraph's chain ended at k)."""
    chain: list[tuple[str, int, int, int]] = []
    if "是" not in text:  # most lines: no scan
        return chain
    for m in P.INLINE.finditer(text, from_pos):
        n = cn.parse_int(m.group("num"))
        if n == expect + len(chain):
            chain.append((m.group("marker"), n, base + m.start(), base + m.end()))
    return chain


_ROW_STYLE = "序号"
_HEADER_CELL = re.compile(r"[^0-9０-９。，,；;：:\s]{2,8}")
_HEADER_CELLS = (2, 6)  # columns after 序号 in a pasted table's header


@dataclass(frozen=True)
class PastedTable:
    """A task table pasted one cell per line (序号 / 任务 / 责任科室 / 完成时限, then 1 / the task / its
    unit / its limit, 2 / …): its header cells after 序号, and each row's paragraph indices, its 序号
    cell first."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, ...], ...]


def pasted_tables(doc: Document) -> list[PastedTable]:
    """The document's task tables pasted one cell per line; each row is an item numbered by its
    序号 cell."""
    if P.PASTED_TABLE_HINT not in doc.text:
        return []
    paras = doc.paragraphs
    lines = [doc.paragraph_text(p).strip() for p in paras]
    out: list[PastedTable] = []
    i = 0
    while i < len(lines):
        if lines[i] != _ROW_STYLE or paras[i].cell is not None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _HEADER_CELL.fullmatch(lines[j]) and j - i <= _HEADER_CELLS[1]:
            j += 1
        cols = j - i
        if not _HEADER_CELLS[0] <= cols - 1 <= _HEADER_CELLS[1]:
            i = j
            continue
        rows: list[tuple[int, ...]] = []
        n, k = 1, j
        while k + cols - 1 < len(lines) and lines[k] == str(n):
            rows.append(tuple(range(k, k + cols)))
            n, k = n + 1, k + cols
        if rows:
            out.append(PastedTable(tuple(lines[i + 1:j]), tuple(rows)))
        i = max(k, j)
    return out


def build_outline(doc: Document) -> Outline:
    text = doc.text
    pasted = {row[0]: (row[1], row[-1]) for table in pasted_tables(doc) for row in table.rows}
    items: list[_Item] = []
    stack: list[int] = []  # indices into items of open paragraph-level items
    last_by_style: dict[str, int] = {}  # the latest number seen per style, for risky styles
    pending_inline: tuple[int, int] | None = None  # (parent index, last number) of an open chain

    for para_no, para in enumerate(doc.paragraphs):
        line = text[para.start:para.end]
        if para_no in pasted:
            cell, last = (doc.paragraphs[k] for k in pasted[para_no])
            item = _Item(_ROW_STYLE, line.strip(), line.strip(), int(line.strip()), para.start, cell.start,
                         para.start, cell.end, parent=stack[-1] if stack else -1, cap=last.end)
            item.level = (items[item.parent].level + 1) if item.parent >= 0 else 1
            items.append(item)  # (not opened: what follows the table is no row's)
            pending_inline = None
            continue
        found = _line_marker(line, para.start)
        content_from = 0
        if found:
            style, marker, num_text, mstart, cstart = found
            number = _number(style, num_text)
            open_styles = [items[k].style for k in stack]
            style = _same_list(style, number, open_styles, last_by_style)
            if style in _RISKY and not (number == 1 or number == last_by_style.get(style, -9) + 1):
                found = None  # "3加强…" out of sequence is a sentence, not an item
            else:
                if P.STANDARD_RANK.get(style) == 0:
                    # 一、 heads the standard order: after targets numbered 1.–9. it starts a
                    # section of its own, never an item inside 9.
                    while stack and P.STANDARD_RANK.get(open_styles[-1], -1) > 0:
                        stack.pop()
                        open_styles.pop()
                while stack and style in open_styles:
                    popped = stack.pop()
                    open_styles.pop()
                    if items[popped].style == style:
                        break
                item = _Item(style, marker, num_text, number, mstart, cstart, para.start, para.end,
                             parent=stack[-1] if stack else -1)
                item.level = (items[item.parent].level + 1) if item.parent >= 0 else 1
                items.append(item)
                stack.append(len(items) - 1)
                last_by_style[style] = number if number is not None else -9
                content_from = cstart - para.start
                title_end = _run_on_title(line, content_from, len(line)) if P.STANDARD_RANK.get(style) in _RUN_ON_RANKS else None
                if title_end is not None:
                    content_from = title_end  # 2026年工作打算一是…: its 一是 opens a list
                pending_inline = None
        owner = stack[-1] if stack else -1
        # (read from the content on: a run-on title's last character may stand before 一是)
        chain = []
        if pending_inline and pending_inline[0] == owner:
            # the chain goes on in this paragraph, opening it or after a sentence of its own
            # (再说说老师们自己。四是保障跟上去了。)
            chain = _inline_items(line[content_from:], para.start + content_from, 0, pending_inline[1] + 1)
        expect = pending_inline[1] + 1 if chain else 1
        if not chain:
            chain = _inline_items(line[content_from:], para.start + content_from, 0, expect)
        if chain and expect == 1 and len(chain) == 1:
            nxt = doc.paragraph_text(doc.paragraphs[para_no + 1]) if para_no + 1 < len(doc.paragraphs) else None
            if not (nxt and P.INLINE.match(nxt) and cn.parse_int(P.INLINE.match(nxt).group("num")) == 2):
                chain = []  # a lone 一是 with no 二是 after it is ordinary text
        for k, (marker, number, mstart, cstart) in enumerate(chain):
            seg_end = chain[k + 1][2] if k + 1 < len(chain) else para.end
            item = _Item("inline", marker, marker[:-1], number, mstart, cstart, para.start, para.end,
                         inline=True, seg_end=seg_end, parent=owner)
            item.level = (items[owner].level + 1) if owner >= 0 else 1
            items.append(item)
        if chain:
            pending_inline = (owner, chain[-1][1])
        elif not found:
            pending_inline = pending_inline if (pending_inline and not line.strip()) else None

    _set_ends(doc, items)
    tasks = _to_tasks(text, items, {p.start for p in doc.paragraphs if p.source == "table"})
    warnings = list(_anomalies(items, tasks))
    if not tasks:
        warnings.append(Notice("no_numbering", "no numbered items found: the outline is empty", None))
    return Outline(tuple(tasks), tuple(warnings), tuple(it.parent for it in items), tuple(t.start for t in tasks),
                   tuple(t.end for t in tasks))


def _set_ends(doc: Document, items: list[_Item]) -> None:
    para_ends = [p.end for p in doc.paragraphs]
    doc_end = _body_end(doc, items)
    block = [i for i, it in enumerate(items) if not it.inline]
    # The next item at the same or a higher level, for every item: one backwards pass with a
    # stack (a forward scan per item is quadratic on long flat lists).
    following: dict[int, int | None] = {}
    stack: list[int] = []
    for i in reversed(block):
        while stack and items[stack[-1]].level > items[i].level:
            stack.pop()
        following[i] = items[stack[-1]].start if stack else None
        stack.append(i)
    for i in block:
        it = items[i]
        nxt = following[i]
        if nxt is None:
            it.end = doc_end
        else:
            k = bisect.bisect_left(para_ends, nxt) - 1  # last paragraph ending before nxt
            it.end = para_ends[k] if k >= 0 and para_ends[k] > it.start else it.para_end
            it.end = min(it.end, nxt)
    # a task table's row (1．任务（牵头单位：…；完成时限：…）) holds its whole task: the last row does
    # not run on into the text after the table (保障措施…)
    rows = {p.start for p in doc.paragraphs if p.source == "table" and p.cell is None}
    for it in items:
        if not it.inline and it.para_start in rows:
            it.end = min(it.end, it.para_end)
        if it.cap is not None:
            it.end = min(it.end, it.cap)
    for it in items:
        if it.inline:
            end = it.seg_end or it.para_end
            while end > it.start and doc.text[end - 1] in " \t\u3000，,":
                end -= 1
            it.end = end


_HEADING_ALONE = re.compile(r"[^。；;！？!?\n]{1,30}")


def _body_end(doc: Document, items: list[_Item]) -> int:
    """End of the last paragraph before the closing issuer/date block, if there is one."""
    paras = doc.paragraphs
    if not paras:
        return 0
    last_item_para = max((it.para_start for it in items), default=-1)
    # Annexes (附件：任务分工表) close the body, whatever follows them; so does a paragraph about the
    # document as a whole (各乡镇…负责抓好本要点的贯彻落实), once the items are over.
    # (but the paragraph under a last item that is a heading alone (六、强化工作保障) is its text)
    last = next((j for j, p in enumerate(paras) if p.start == last_item_para), -1)
    bare = last >= 0 and _HEADING_ALONE.fullmatch(doc.text, paras[last].start, paras[last].end) is not None
    n = next((j for j, p in enumerate(paras) if j and p.start > last_item_para and not (bare and j == last + 1)
              and (P.ANNEX.match(doc.text[p.start:p.end]) or P.CLOSING_WHOLE.search(doc.text, p.start, p.end)
                   or P.CLOSING_CHARGE.match(doc.text, p.start, p.end))),
             len(paras))
    paras = paras[:n]
    k = len(paras) - 1
    if P.SIGNATURE_DATE.match(doc.text[paras[k].start:paras[k].end]):
        k -= 1
        while (k >= 0 and paras[k].start > last_item_para and paras[k].end - paras[k].start <= 30
               and doc.text[paras[k].end - 1] not in "。；;，,：:"):
            k -= 1
        if k >= 0 and paras[k].end > last_item_para:
            return paras[k].end
    return paras[-1].end


def _to_tasks(text: str, items: list[_Item], table_rows: set[int] = frozenset()) -> list[Task]:
    """table_rows: where the paragraphs read from a task table start; such a row's heading is its
    task column, before the other columns (1．任务（牵头单位：…；完成时限：…）)."""
    tasks: list[Task] = []
    for it in items:
        limit = it.seg_end if it.inline else it.para_end
        h_start = it.content
        while h_start < limit and text[h_start] in " \t\u3000":
            h_start += 1
        if it.start in table_rows:
            columns = _TABLE_COLUMNS.search(text, h_start, limit)
            limit = columns.start() if columns else limit
        elif it.style == "1\t":  # (a row pasted with tabs: its first cell after the number)
            tab = text.find("\t", h_start, limit)
            limit = tab if tab >= 0 else limit
        stop = _SENTENCE_END.search(text, h_start, limit)
        h_end = stop.start() if stop else limit
        title_end = _run_on_title(text, h_start, limit) if P.STANDARD_RANK.get(it.style) in _RUN_ON_RANKS else None
        if title_end is not None:
            h_end = title_end
        while h_end > h_start and text[h_end - 1] in " \t\u3000，,":
            h_end -= 1
        parent = tasks[it.parent] if it.parent >= 0 else None
        seg = _segment(it.style, it.marker, it.num_text)
        path = f"{parent.path}/{seg}" if parent else seg
        tasks.append(Task(path, it.marker, it.level, text[h_start:h_end], it.start, it.end,
                          parent.path if parent else None, it.style, it.number, h_start, h_end, it.inline))
    return tasks


_RUN_ON_REST = 10  # characters of text after a title before the sentence ends: a report, not more title


def _run_on_title(text: str, start: int, end: int) -> int | None:
    """Where a section title run on into its text ends (三、2026年工作打算一是继续…; 一、党建引领和
    师德师风建设本学期，园党支部…; 二、保育保健工作一是…二是…), or None."""
    m = P.SECTION_RUN_ON.match(text, start, end)
    stop = _SENTENCE_END.search(text, start, end)
    sentence_end = stop.start() if stop else end
    if m is not None:
        return m.end() if sentence_end - m.end() >= _RUN_ON_REST else None
    # a two-part title whose second part says how the work now stands (精心组织实施，课后服务更加规范),
    # run on into its text
    m = _BETTER_TITLE.match(text, start, min(end, start + _TITLE_MAX + 4))
    if m is not None and sentence_end - m.end() >= _RUN_ON_REST:
        return m.end()
    # a title of its own words, then the report's opening: a time (本学期，/3月8日召开) or an 一是
    # that a 二是 follows; the title holds no punctuation, but for one comma of a two-part title
    # before an 一是 (强化组织建设，妇联基层基础更加坚实一是抓好干部培训。…二是…)
    for o in P.RUN_ON_OPENER.finditer(text, start + _TITLE_MIN, min(sentence_end, start + _TITLE_MAX)):
        punct = _TITLE_PUNCT.findall(text, start, o.start())
        if o.group("inline") and len(punct) == 1 and punct[0] in "，," and not text.startswith(punct[0], o.start() - 1):
            return o.start() if text.find("二是", o.end(), end) >= 0 else None
        if punct:
            return None
        if o.group("inline"):
            if text.find("二是", o.end(), end) >= 0:
                return o.start()
        elif sentence_end - start >= _RUN_ON_LONG:
            return o.start()
    return None


_TITLE_MIN, _TITLE_MAX = 4, 24  # a title's length in characters
_BETTER_TITLE = re.compile(r"[^，,。；;：:、“”（）()\n]{2,12}[，,][^，,。；;：:、“”（）()\n]{1,10}?(?:更加|更为)[\u4e00-\u9fff]{2}")
_RUN_ON_RANKS = (0, 1)  # 一、 and （一） titles run on (（一）严守医疗质量安全底线一是坚持病例评审。)
_RUN_ON_LONG = 30  # a title line reads on this far before its sentence ends: it runs on into text
_TITLE_PUNCT = re.compile(r"[，,、；;：:。“”（）()]")


def _where(task: Task) -> str:
    return f"{task.marker}（{task.heading[:12]}）"


def _anomalies(items: list[_Item], tasks: list[Task]) -> Iterator[Notice]:
    last_in_group: dict[tuple[int, str], int] = {}
    last_number_of_style: dict[str, int] = {}
    reported_pairs: set[tuple[str, str]] = set()
    for it, task in zip(items, tasks):
        n = it.number
        key = (it.parent, it.style)
        if n is not None:
            prev = last_in_group.get(key)
            if prev is None:
                carried = last_number_of_style.get(it.style)
                if n != 1 and not it.inline and carried is not None and n == carried + 1:
                    pass  # numbered continuously across sections, as work plans do
                elif n != 1 and not it.inline:
                    yield Notice("unexpected_start", f"{_where(task)} starts its list at {n}, not 1", it.start)
            elif n == prev:
                yield Notice("duplicate_number", f"{_where(task)} repeats number {n}", it.start)
            elif n > prev + 1:
                yield Notice("skipped_number", f"{_where(task)} follows {prev}: {n - prev - 1} number(s) skipped", it.start)
            elif n < prev:
                yield Notice("number_out_of_order", f"{_where(task)} comes after {prev}", it.start)
            last_in_group[key] = n
            last_number_of_style[it.style] = n
        if it.parent >= 0 and not it.inline:
            parent = items[it.parent]
            pr, cr = P.STANDARD_RANK.get(parent.style), P.STANDARD_RANK.get(it.style)
            pair = (parent.style, it.style)
            if pr is not None and cr is not None and pair not in reported_pairs:
                if cr - pr > 1:
                    reported_pairs.add(pair)
                    yield Notice("level_skip", f"{_where(task)}: a {it.style} item directly under a {parent.style} item skips a level", it.start)
                elif cr < pr:
                    reported_pairs.add(pair)
                    yield Notice("level_inverted", f"{_where(task)}: a {it.style} item under a {parent.style} item inverts the usual order", it.start)
