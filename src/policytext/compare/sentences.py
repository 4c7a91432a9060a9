"""A summary cut into sentences, each knowing the section it sits in and how it is phrased:
reported as done, stated as a problem, planned for later, or negated."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterator

from .. import patterns as P
from ..analysis import Analysis
from ..document import Document
from ..classify import BODY, NEXT, PROBLEMS, section_kind

_TRIM = " \t\u3000"
_SAYS_DONE = re.compile(r"已|了|完成|建成|办结|[0-9０-９]|[*＊]{1,3}|(?<![A-Za-z])[Xx]{1,3}(?![A-Za-z])")  # a clause that reports: a figure, unfilled too
_CONCESSION = re.compile(r"虽|尽管")
# one short clause (and a spoken aside: 大件垃圾预约收运这个事，喊了好长时间，到现在也没建起来)
_ASIDE = re.compile(r"(?:喊|说|讲|提|推|拖|抓)了(?:好|很)?(?:长时间|长一段时间|久|多年|好几年|几年|一年多?|半年|好几回|几回|多次)")
_TOPIC = re.compile(rf"\s*[^，,。；;：:！？!?\n]{{2,14}}[，,]?(?:说实话|说句实话|坦率地说|实事求是地讲|老实说|{_ASIDE.pattern})?[，,]?\s*")
_TOPIC_CLAUSE = re.compile(r"\s*[^，,。；;：:！？!?\n]{2,22}[，,]\s*")
_BARE_NEGATION = re.compile(r"\s*(?:说实话|说句实话|老实说|坦率地说)?[，,]?"
                            r"(?:到现在|到目前|目前|至今|现在|眼下|截至目前|今年|这一年|一年来)?(?:为止)?[，,]?\s*(?:还|仍|仍然|也|都|一直)?"
                            r"(?:没有|没|未|尚未|还未)")
_DONE_AFTER_ALL = re.compile(r"才(?:正式|全部|陆续|最终)?[\u4e00-\u9fff]{0,8}?(?:完成|开放|完工|建成|召开|举办|开展|投用|投入使用|上线|印发|出台|挂牌"
                             r"|推开|[做办改修建搞装弄]完)")  # spoken: 七月份才全部弄完
_CAUSE_OPENS = re.compile(r"\s*(?:因|由于|受)")  # (因部分企业材料报送滞后: a cause, of something else)
_ONLY_LATE = re.compile(r"滞后|推迟|延期|延误|拖延|进度偏慢|进展缓慢")
_LIST_OPENS = re.compile(r"[:：]\s*一是")  # …抓好几件事：一是
_LIST_OF_PLANS = re.compile(r"[几两三四五六七八九十](?:件事|个方面|项工作)[\u4e00-\u9fff]{0,4}[:：]"  # …抓好这么几件事：A；B；C, 在这几个方面下功夫：
                            r"|以下(?:几[件项个方面]+)?(?:工作|任务|事项|事情)[:：]")  # …重点抓好以下工作：A；B
_LIST_MARKER = re.compile(r"\s*(?:[0-9０-９]{1,2}[.．、]|[（(][0-9０-９]{1,2}[）)])?")
_UNDER_WAY = ("正在", "尚在", "持续")  # a finding's status that says the work goes on: partly done
# a negation said of one quarter named before it (一季度大家都忙着迎接考核，例会就没顾上开): the other
# quarters' work stands
_ONE_QUARTER = re.compile(r"(?<![每各])第?[一二三四1-4]季度")
_UNDONE_SAID = re.compile(r"尚未|还未|仍未|暂未|未能|没有|还没|未按")
# a spoken list's next point (…；还有就是督查问责这把尺子没有真正用起来): not the rest of the clause
# before (另外一处 is the other one, not a new point)
_NEXT_POINT = re.compile(r"\s*(?:还有就是|再就是|还有一个|还有一条|此外)")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    section: str  # the heading of the top-level section ("" before the first one)
    section_kind: str  # body | problems | next
    intention: bool  # phrased as a plan: 将加快, 拟, 计划, 力争
    negated: bool  # 尚未, 未能, 没有 (未发生 is not)
    partial_scope: bool  # the negation is about some subjects only: 部分科室未能
    context: tuple[int, int]  # the innermost summary item around it, for reported figures
    heading: bool = False  # an item's heading with its text after it (4．强化数据安全保障): a topic, not a report
    generic: bool = False  # a generic opening with no figure (在区委的坚强领导下…): never evidence

    @property
    def affirmative(self) -> bool:
        """Reports something as done: in the body, not negated, not an intention."""
        return self.section_kind == BODY and not self.intention and not self.negated

    @property
    def reports(self) -> bool:
        """States a fact (done, or a problem with what was done): its figures count."""
        return self.section_kind != NEXT and not self.intention and not self.negated

    @property
    def reading(self) -> str:
        if self.intention or self.section_kind == NEXT:
            return "future"
        if self.negated:
            return "negated"
        if self.section_kind == PROBLEMS:
            return "problem"
        return "done"


def is_negated(text: str) -> bool:
    # most clauses hold no negation word at all: only those need the benign parts taken out
    return bool(P.NEGATION.search(text)) and bool(P.NEGATION.search(P.NEGATION_BENIGN_CLAUSE.sub("", text)))


def _status(status: str) -> tuple[bool, bool]:
    """(negated, partly) of a finding's status (正在整改。: work goes on, so partly done)."""
    neg = is_negated(status)
    return neg, neg and status[:2] in _UNDER_WAY


def clauses(text: str, base: int = 0) -> Iterator[tuple[str, int, int]]:
    """(clause, start, end) split at commas and stops, trimmed, non-empty."""
    for piece, s, e in _clauses(text):
        yield piece, base + s, base + e


@lru_cache(maxsize=4096)  # a summary's sentences are cut when read and again when scored
def _clauses(text: str) -> tuple[tuple[str, int, int], ...]:
    out = []
    pos = 0
    for m in [*P.COMPARE_CLAUSE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[pos:end]
        lead = len(piece) - len(piece.lstrip(_TRIM))
        piece = piece.strip(_TRIM)
        if piece:
            out.append((piece, pos + lead, pos + lead + len(piece)))
        pos = m.end() if m else len(text)
    return tuple(out)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLOSING_CHARS = 12  # a line after the last item this short closes the report (特此报告。)
_FIGURE = re.compile(r"[0-9０-９]+(?![0-9０-９]|\s*[年月日号])")  # a figure, not a date
_MIN_CJK = 4
# _MIN_CJK characters of Chinese somewhere in a span, found without counting them all
_ENOUGH_CJK = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){%d}" % (_MIN_CJK - 1))
_TITLE_GAP = re.compile(r"[^\s，,。；;：:]{2,24}?[ \u3000\t]+(?=\S)")  # a short title, then a space
_MIN_REPORT_CJK = 12
_RUN_ON_CJK = 40
_MAX_CONTEXT = 400  # an item longer than this is a section, not the sentence's own item


_QUOTED = re.compile(r"“[^”\n]{1,20}”")
_TITLE_WITHIN = 8  # paragraphs the title may come after (issuer, 文号, addressee lines)


def split(analysis: Analysis, skip_title: bool = True) -> list[Sentence]:
    """The document's sentences in order.  Top-level headings name sections and are not
    sentences themselves; the title and the closing issuer/date lines are skipped."""
    doc, outline = analysis.document, analysis.outline
    text = doc.text
    top = [t for t in outline.tasks if t.parent is None]
    top_starts = [t.start for t in top]
    body_end = max((t.end for t in outline.tasks), default=len(text))
    # the title line, also under an issuer line (云陵市市场监督管理局 / 2024年…工作总结)
    title_at = next((i for i, p in enumerate(doc.paragraphs[:_TITLE_WITHIN])
                     if doc.title and text[p.start:p.end].strip() == doc.title), -1)
    # a summary's time limits still to come, set as a speech sets them (年底前至少刊发十二篇稿件, 8月底前
    # 必须出台), where they start
    ahead = [d.start for d in analysis.dates if d.kind == "deadline" and d.text.endswith("前")
             and P.DATE_FORWARD_AFTER.match(text, d.end)] if doc.kind == "summary" else []
    tab_rows = _tab_rows(doc) if doc.kind == "summary" else {}
    out: list[Sentence] = []
    row_at: tuple[tuple[int, int] | None, int] = (None, 0)  # the Word table row being read, where it starts
    for i, p in enumerate(doc.paragraphs):
        begin = tab_rows.get(i, p.start)
        if begin < 0:
            continue  # the header of a table pasted with tabs (序号⇥问题⇥整改措施⇥完成情况)
        row = (p.cell.table, p.cell.row) if p.cell is not None else None
        if row is not None and row == row_at[0] and out and out[-1].start >= row_at[1] \
                and p.end - p.start <= P.CELL_LABEL_CHARS:
            # a Word table read cell by cell: a row is one sentence (党支部达标率 / 100% / 92.2%), so
            # its figures are read with its label
            out[-1] = replace(out[-1], text=text[out[-1].start:p.end], end=p.end)
            continue
        if row != row_at[0]:
            row_at = (row, p.start)
        if skip_title and i <= title_at:
            continue  # the title and what stands above it (the issuer line, a 文号)
        if top and p.start >= body_end and (p.end - p.start <= _CLOSING_CHARS or not P.SENTENCE_BREAK.search(text, p.start, p.end)):
            break  # the issuer and date under the last section (not a paragraph that goes on reporting)
        i = bisect.bisect_right(top_starts, p.start) - 1
        owner = top[i] if i >= 0 and p.start < top[i].end else None
        section = _title(owner.heading) if owner else ""
        kind = section_kind(section) if section else BODY
        if kind == NEXT and P.FIGURES_PARAGRAPH.match(text, p.start):
            kind = BODY  # (2024年主要指标情况：… after 下一步: the year's figures, reported)
        pos = begin
        if begin > p.start:
            # a pasted table's row: what was done is its last column; a status alone there (正在整改。)
            # is the finding's, said of its measures together, so it stands as the row's report only
            # when nothing follows it
            s, e = _trim(text, begin, p.end)
            status = P.STATUS_ONLY.match(text, s, e)
            if status and status.end() < e and text[status.end() - 1] not in "。.":
                status = None  # (完成83名中层干部…: a report that opens with its verb)
            if status and status.end() >= e:
                out.append(Sentence(text[p.start:e], p.start, e, section, kind, False, *_status(text[s:e]),
                                    (p.start, e)))
                continue
            if status:
                pos = status.end()
        planned_list = False  # 明年，我打算抓好几件事：一是…；二是…: every item of the list is planned
        # 我想重点抓好这么几件事：A；B；C: the rest of the paragraph is the list; so is a paragraph opened
        # by a time still to come (下学期，应急疏散演练要排进园务日历…；家长开放日要办起来…)
        planned_rest = bool(P.FUTURE_PARAGRAPH.match(text, p.start))
        done_before = False  # the clause before a ； of this paragraph reported work done
        for m in [*P.SENTENCE_BREAK.finditer(text, pos, p.end), None]:
            end = m.end() if m else p.end
            s, e = _trim(text, pos, end)
            pos = end
            if out and P.STATUS_ONLY.fullmatch(text, s, e) and P.FINDING_HEADING.fullmatch(out[-1].text) \
                    and not text[out[-1].end:s].strip(_TRIM + "\n。"):
                # 2．关于“应急预案针对性不强”问题。正在整改。: the status is that finding's, and says
                # nothing of any other task that shares the word 整改
                neg, partial = _status(text[s:e])
                out[-1] = replace(out[-1], text=text[out[-1].start:e], end=e, intention=False, negated=neg,
                                  partial_scope=partial, heading=False, generic=False)
                continue
            lead = P.LEADING_STATUS.match(text, s, e)
            if out and lead and P.FINDING_HEADING.fullmatch(out[-1].text) \
                    and not text[out[-1].end:s].strip(_TRIM + "\n。"):
                # （十）关于“…”的问题。（正在整改）8月下旬，各校均已…: the status in brackets is that
                # finding's, as a status on its own is; what follows it reports the work
                neg, partial = _status(lead.group("status"))
                out[-1] = replace(out[-1], text=text[out[-1].start:lead.end()], end=lead.end(), intention=False,
                                  negated=neg, partial_scope=partial, heading=False, generic=False)
                s, e = _trim(text, lead.end(), e)
                if s >= e:
                    continue
            if out and P.CELL_FIGURE.fullmatch(text, s, e) and _cell_row(out[-1].text) \
                    and text[out[-1].end:s].strip(_TRIM) == "\n":
                # a table read cell by cell: 新发展工会会员 / 1.62万人 is one row, its label and its figure
                # (or figures: 就业见习岗位募集 / 500个 / 260个, a target and what was done)
                out[-1] = replace(out[-1], text=text[out[-1].start:e], end=e)
                continue
            if s >= e or _is_marker_only(text[s:e]) or not _ENOUGH_CJK.search(text, s, e) \
                    or _SALUTATION.match(text, s, e) or _BYLINE.fullmatch(text, s, e):
                continue  # 市委：, 各位代表： (an addressee or a salutation), 石埠镇镇长  陈立新 say nothing
            if owner is not None and s == owner.start and e <= owner.heading_end + 1:
                # the section's own heading; in a document pasted as one line it may run on into
                # its first report (四、基层治理更加有力 坚持和发展…): that part is a sentence
                gap = _TITLE_GAP.match(text, owner.heading_start, e)
                if gap and len(_CJK.findall(text, gap.end(), e)) >= _MIN_REPORT_CJK:
                    s = gap.end()
                elif len(_CJK.findall(text, owner.heading_start, e)) < _RUN_ON_CJK:
                    continue
                # (with no space after the title, a heading this long has run on into a report:
                # 四、课堂教学改革稳步推进，“双减”落地见效学校以“一课一研”为抓手，…每月开展1次集体备课)
            item = outline.innermost(s)
            ctx = (item.start, item.end) if item and item.end - item.start <= _MAX_CONTEXT else (s, e)
            heading = bool(item and s <= item.heading_start and e <= item.heading_end + 1
                           and len(_CJK.findall(text, e, item.end)) >= _MIN_CJK)
            # (a figure inside a quoted name, “15分钟便民生活圈”, reports nothing)
            generic = bool(P.GENERIC_OPENING.match(text, s) or P.GENERIC_CLOSING.match(text, s)) \
                and not _FIGURE.search(_QUOTED.sub("", text[s:e]))
            groups = _groups(text, s, e)
            # 凤岭镇广场仅完成主体工程，城南公园尚在选址: a negation beside work reported done in its
            # own sentence leaves the task half done
            # (but not a concession: 虽组织了教师培训，但学生筛查尚未开展 is about something else)
            # (nor among the problems, where what goes with a negation is more of the problem:
            # 方案仍未出台，…倾斜不够，影响了积极性; nor is a list marker's number a report)
            said_done = [not g[2] and not g[3] and bool(_SAYS_DONE.search(text, _LIST_MARKER.match(text, g[0], g[1]).end(), g[1]))
                         for g in groups]
            # (or before its ；: 东门、南门已完成改造；西门因道路施工，改造工作尚未完成)
            done_beside = kind != PROBLEMS and not _CONCESSION.search(text, s, e) and (
                (len(groups) > 1 and any(said_done))
                or (done_before and not P.INLINE.match(text, s) and not _LIST_MARKER.match(text, s, e).group()
                    and not _NEXT_POINT.match(text, s)))
            done_before = text[e - 1:e] in "；;" and bool(said_done) and all(said_done)
            if planned_rest or (planned_list and P.INLINE.match(text, s) and not text.startswith("一是", s)):
                groups = [(gs, ge, True, neg) for gs, ge, _, neg in groups]
            elif bool(groups) and groups[-1][2] and _LIST_OF_PLANS.search(text, s, e):
                planned_rest = True
            else:
                planned_list = bool(groups) and groups[-1][2] and bool(_LIST_OPENS.search(text, s, e))
            for gs, ge, intent, neg in groups:
                piece = text[gs:ge]
                # an item's heading that restates a finding (问题2：违规使用医保基金追回不到位。) names its
                # topic, no work left undone (but 尚未…, 正在… in a heading do say so)
                neg = neg and not (heading and not _UNDONE_SAID.search(piece) and not P.UNDER_WAY.search(piece)
                                   and not P.BASICALLY_DONE.search(piece))
                # a time limit still to come (年底前至少刊发十二篇稿件, 8月底前必须出台) makes it a plan
                intent = intent or (not neg and any(gs <= d < ge for d in ahead))
                out.append(Sentence(piece, gs, ge, section, kind, intent, neg,
                                    # what was planned and not done is not done for anyone
                                    neg and not P.PLANNED_BEFORE.match(piece)
                                    and ((done_beside and not _NEXT_POINT.match(piece))
                                         or bool(P.PARTIAL_SCOPE.search(piece) or _ONE_QUARTER.search(text, s, gs)
                                                 or (P.UNDER_WAY.search(piece) and not P.UNDER_WAY_EARLY.search(piece)))),
                                    # 已整改到位7个，正在整改4个: a tally of findings, no finding's report
                                    ctx, heading, generic or bool(P.STATUS_TALLY.fullmatch(piece.rstrip("，,。；;"))
                                                                  or P.GENERIC_ADMISSION.fullmatch(piece))
                                    # 12项问题中已完成整改5项 / 部分问题整改滞后于时限: all findings, no one's
                                    or bool(P.FINDINGS_OVERALL.search(piece))))
    return out


@dataclass(frozen=True)
class TableCell:
    """A cell of a Word table read cell by cell, with its row's label (its first cell) and
    whether its column holds what was planned."""

    start: int
    end: int
    label: str
    planned: bool


def table_cells(doc: Document) -> list[TableCell]:
    """The body cells (not the header row, not the label column) of the document's Word
    tables, in order.  A column is planned when headed 计划 or 目标 in a table that also has a
    column headed 完成 or 实际 (指标 / 计划 / 完成: 不少于12次 is the plan's figure, 13次 the
    report's)."""
    heads: dict[int, dict[int, str]] = {}
    labels: dict[tuple[int, int], str] = {}
    for p in doc.paragraphs:
        if p.cell is not None and p.cell.row == 0:
            heads.setdefault(p.cell.table, {})[p.cell.col] = doc.paragraph_text(p)
        if p.cell is not None and p.cell.col == 0:
            labels[(p.cell.table, p.cell.row)] = labels.get((p.cell.table, p.cell.row), "") + doc.paragraph_text(p)
    planned = {t: {c for c, h in cols.items() if c > 0 and P.TABLE_PLAN_COLUMN.search(h)
                   and not P.TABLE_DONE_COLUMN.search(h)}
               for t, cols in heads.items() if any(P.TABLE_DONE_COLUMN.search(h) for h in cols.values())}
    return [TableCell(p.start, p.end, labels.get((p.cell.table, p.cell.row), ""),
                      p.cell.col in planned.get(p.cell.table, ()))
            for p in doc.paragraphs if p.cell is not None and p.cell.row > 0 and p.cell.col > 0]


_PASTED_CELL = 12  # a pasted table's cell: a line this short
_PASTED_FIGURE = re.compile(P.CELL_FIGURE.pattern + r"|[Xx×*＊]{1,3}[\u4e00-\u9fff%％]{0,3}")  # (or unfilled: XX家)


_ROW_FIGURES = 3  # figures a pasted table's row holds after its label, at most


def _cell_row(text: str) -> bool:
    """text is a table row read so far: a short label, then figures only, one per line."""
    lines = text.split("\n")
    return len(lines[0]) <= P.CELL_LABEL_CHARS and len(lines) <= _ROW_FIGURES \
        and all(P.CELL_FIGURE.fullmatch(line.strip(_TRIM)) for line in lines[1:])


def pasted_table_planned(doc: Document) -> list[tuple[int, int]]:
    """The cells of the plan's column in a table pasted one cell per line (稳就业主要指标完成情况表 /
    指标 / 全年目标 / 1—9月完成 / 城镇新增就业 / 8500人 / 7126人 …): (start, end) of each, so that
    the plan's figure (8500人) is not read as what was done.  The header is the row label's cell
    (指标) and the column cells after it, one of what was planned and one of what was done; each
    row after it is a label and then a figure per column."""
    paras = [(p.start, p.end, doc.paragraph_text(p).strip()) for p in doc.paragraphs if p.cell is None]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(paras):
        if not P.TABLE_ROW_LABEL.fullmatch(paras[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(paras) and len(paras[j][2]) <= _PASTED_CELL and P.TABLE_COLUMN.search(paras[j][2]) \
                and not _PASTED_FIGURE.fullmatch(paras[j][2]):
            j += 1
        columns = [paras[k][2] for k in range(i + 1, j)]
        planned = [n + 1 for n, h in enumerate(columns) if P.TABLE_PLAN_COLUMN.search(h) and not P.TABLE_DONE_COLUMN.search(h)]
        if not planned or not any(P.TABLE_DONE_COLUMN.search(h) for h in columns):
            i = j
            continue
        cols = len(columns) + 1
        i = j
        while i + cols - 1 < len(paras) and not _PASTED_FIGURE.fullmatch(paras[i][2]) \
                and len(paras[i][2]) <= P.CELL_LABEL_CHARS \
                and all(_PASTED_FIGURE.fullmatch(paras[i + k][2]) for k in range(1, cols)):
            out += [paras[i + k][:2] for k in planned]
            i += cols
    return out


def _tab_rows(doc: Document) -> dict[int, int]:
    """Rows of tables pasted with tabs whose header names a finding or measure column and a
    column of what was done (序号⇥问题⇥整改措施⇥完成情况): paragraph index → where the row's
    last such column starts, or -1 for the header row."""
    out: dict[int, int] = {}
    done_col = -1
    for i, p in enumerate(doc.paragraphs):
        line = doc.text[p.start:p.end]
        cells = line.split("\t")
        if p.cell is not None or len(cells) < 3:
            done_col = -1
            continue
        head = [n for n, c in enumerate(cells) if P.TAB_DONE_COLUMN.search(c)]
        if head and any(P.TAB_FINDING_COLUMN.search(c) for c in cells[:head[-1]]) \
                and not any(_FIGURE.search(c) for c in cells):
            done_col = head[-1]
            out[i] = -1
        elif done_col >= 0 and len(cells) > done_col:
            out[i] = p.start + sum(len(c) + 1 for c in cells[:done_col])
        else:
            done_col = -1
    return out


def _title(heading: str) -> str:
    """A section heading without the report it runs on into in a one-line document
    (基层治理更加有力 坚持和发展… → 基层治理更加有力)."""
    heading = heading.lstrip("，,、：: ")  # 第一条，组织上…: the marker's comma is no part of the title
    gap = _TITLE_GAP.match(heading)
    return heading[:gap.end()].rstrip() if gap and len(_CJK.findall(heading, gap.end())) >= _MIN_REPORT_CJK else heading


def _groups(text: str, s: int, e: int) -> list[tuple[int, int, bool, bool]]:
    """The sentence cut where its reading changes, so 完成中期评估，评选工作尚未完成 gives a
    reported part and a negated part.  An intention carries on to the clauses after it."""
    groups: list[list] = []
    intent = planned = False
    for piece, cs, ce in clauses(text[s:e], s):
        planned = planned or (not intent and bool(P.PLANNED_BEFORE.match(piece)))
        intent = intent or bool(P.INTENTION.search(piece)) or bool(P.PLANNED_BEFORE.match(piece))
        if intent and planned and groups and _DONE_AFTER_ALL.search(piece):
            # 原计划上半年完工，…，8月初才正式对职工和患者开放: what was planned, then what happened to
            # it, is one report of the work done (late)
            intent = planned = False
            if groups[-1][2]:
                groups[-1][2] = False
        neg = is_negated(piece)
        if not neg and groups and groups[-1][3] and _DONE_AFTER_ALL.search(piece) \
                and _ONLY_LATE.search(text, groups[-1][0], groups[-1][1]) and not _CAUSE_OPENS.match(text, groups[-1][0]):
            # 平台建设受软件招标影响有所滞后，8月下旬才正式上线运行: late, then done; one report of work done late
            groups[-1][3] = False
        if groups and groups[-1][2:] == [intent, neg]:
            groups[-1][1] = ce
        else:
            if groups:
                groups[-1][1] = cs  # keep the comma with the clause before
            groups.append([cs, ce, intent, neg])
    if len(groups) > 1 and groups[1][2] and not groups[0][2] and not groups[0][3] \
            and not _SAYS_DONE.search(text, groups[0][0], groups[0][1]):
        # 优秀提案和提案办理先进单位评选表彰工作，拟于12月下旬提请常委会议审议: a topic with no verb of
        # its own is what the intention is about
        groups[1][0] = groups[0][0]
        groups.pop(0)
    if len(groups) > 1 and _topic_of_bare_negation(text, groups, 0):
        # 家长志愿者队伍，说实话，到现在还没有组建起来: a negation with no subject of its own is said of
        # the topic before it, which reports nothing by itself
        groups[1][0] = groups[0][0]
        groups.pop(0)
    elif len(groups) > 1 and groups[1][3] and not groups[0][2] and not groups[0][3] \
            and _BARE_NEGATION.match(text, groups[1][0]):
        # 还有个事要跟大家交个底，原来定的“一老一小”服务满意度测评，到现在还没有做: the last clause
        # before a negation with no subject of its own is its topic, whatever comes before that
        cut = max(text.rfind(c, groups[0][0], groups[0][1] - 1) for c in "，,")
        if cut > groups[0][0] and _TOPIC_CLAUSE.fullmatch(text, cut + 1, groups[0][1]) \
                and not _SAYS_DONE.search(text, cut + 1, groups[0][1]) \
                and not P.COMPLETION_VERB.search(text, cut + 1, groups[0][1]):
            groups[0][1] = groups[1][0] = cut + 1
    for k in range(len(groups) - 2, 0, -1):
        # (also after a first part of its own: 还有就是…没有真正用起来，年初定下的镇纪委专项督查，到现在还没有
        # 开展起来)
        if _topic_of_bare_negation(text, groups, k):
            groups[k + 1][0] = groups[k][0]
            groups.pop(k)
    if groups:
        groups[-1][1] = e
        groups[0][0] = s
    for n, g in enumerate(groups):
        if (P.PLANNED_BEFORE.match(text, g[0]) or (n == 0 and bool(P.PLAN_SAID.match(text, g[0], g[1])))) \
                and any(h[3] for h in groups[n:]) \
                and not _DONE_AFTER_ALL.search(text, g[0], g[1]):  # (not what was done after all, late)
            # 原计划每季度开展一次的“红黑榜”评比，因细则尚在修订，目前还没有开展: what was planned is
            # what was not done; the negation says so of the planned work, not of its own few words
            # (also after a first clause: 二是部分任务未按期完成，原定于…举行的…演练，…，未能如期举行)
            return [tuple(h) for h in groups[:n]] + [(g[0], e, False, True)]
    return [tuple(g) for g in groups]


def _topic_of_bare_negation(text: str, groups: list[list], k: int) -> bool:
    """Group k is a bare topic that reports nothing by itself, and group k + 1 a negation with no
    subject of its own (家长志愿者队伍，说实话，到现在还没有组建起来)."""
    (ts, te, intent, neg), following = groups[k], groups[k + 1]
    return following[3] and not intent and not neg and bool(_BARE_NEGATION.match(text, following[0])) \
        and bool(_TOPIC.fullmatch(text, ts, te)) and not _SAYS_DONE.search(_ASIDE.sub("", text[ts:te])) \
        and not P.COMPLETION_VERB.search(text, ts, te)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM + "\n":
        s += 1
    while e > s and text[e - 1] in _TRIM + "\n":
        e -= 1
    return s, e


_BYLINE = re.compile(r"\s*[\u4e00-\u9fff]{2,16}(?:长|书记|主任|主席|经理|校长|院长|辅导员|干事|负责人)[ \u3000]+[\u4e00-\u9fff]{2,4}\s*")
_SALUTATION = re.compile(r"[^，,。；;！？!?\n]{2,24}[:：]\s*$")  # a short line ending in a colon: 各位代表：, 市委巡察工作领导小组办公室：
_MARKER_ONLY = re.compile(r"^[\s（(]*[一二三四五六七八九十0-9０-９]{1,3}[、.．)）]?\s*$")


def _is_marker_only(piece: str) -> bool:
    return bool(_MARKER_ONLY.match(piece))
