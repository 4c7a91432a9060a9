"""Dates and deadlines (完成时限): dates, ranges, recurring and relative time limits, each with its
kind: a deadline (a time limit for work to be done), an event (when something was done, as a
summary reports it), a period (the span a reported figure covers: 第一季度…共组织3次) or an
effective date (自…起施行).  The `deadlines` field is the dates of kind deadline.

A date without a year takes the document's own year (from its title, else its closing
date); inside a campaign that runs across a new year (从2023年9月开始…2024年2月底基本结束)
it takes the year that puts it inside that frame.  A dated deadline outside the frame is
reported as a warning and kept as written: the source may have a typo, and an inspector
must see it rather than have it silently fixed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from typing import Iterator

from .. import cn_numbers as cn
from .. import patterns as P
from .._record import Record, frozen
from ..document import Document
from ..structure import Notice, Outline
from ..classify import BODY, NEXT, section_kind
from ._common import SpanSet, problem_statements, task_path

_PARTS = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20), "下旬": (21, None),
          "上中旬": (1, 20), "中下旬": (11, None)}
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


DEADLINE, EVENT, PERIOD, EFFECTIVE = "deadline", "event", "period", "effective"
KIND_LABELS = {DEADLINE: "完成时限", EVENT: "事件时间", PERIOD: "统计期间", EFFECTIVE: "施行日期"}


@frozen
class Date(Record):
    text: str
    start: int
    end: int
    task: str | None
    date: str | None
    date_from: str | None = None
    recurring: str | None = None
    relative: bool = False
    kind: str = DEADLINE  # deadline | event | period | effective


Deadline = Date  # a date of kind deadline: the name the comparison's checks use


@frozen
class _When:
    """A parsed date expression: year may be unknown (None) until resolved."""

    start: int
    end: int
    year: int | None
    month: int
    first: int | None  # first day covered, None when only the month is known
    last: int | None  # last day covered (inclusive bound), None when only the month is known
    bound: str | None

    def at(self, year: int | None, which: str) -> str | None:
        if year is None:
            return None
        day = self.last if which == "last" else self.first
        if day == -1:
            day = calendar.monthrange(year, self.month)[1]
        return f"{year:04d}-{self.month:02d}" + (f"-{day:02d}" if day else "")


def _int(s: str | None) -> int | None:
    return cn.parse_int(s) if s else None


def _year(s: str | None) -> int | None:
    if not s:
        return None
    v = cn.parse_int(s.replace("○", "〇"))
    return v if v and 1900 <= v <= 2100 else None


_DATED_LIMIT = re.compile(rf"({P._YEAR})\s*年\s*[0-9０-９]{{1,2}}\s*月(?:\s*[0-9０-９]{{1,2}}\s*[日号])?(?:底|末)?\s*(?:前|之前|以前)")
_RECTIFY_OPENING = 400  # characters from the top where a rectification's opening dates its findings


def title_year(doc: Document) -> int | None:
    """The first year its title names (2024年度…), None when it names none."""
    m = P.YEAR_IN_TITLE.search(doc.title or "")
    return _year(m.group(1)) if m else None


def document_year(doc: Document) -> int | None:
    """The year the document is about: the year its work was done in when a comparison says so
    (Document.work_year), else its title's year, else its closing date's year, else the year it
    is read in (Document.year_hint)."""
    if doc.work_year is not None:
        return doc.work_year
    m = P.YEAR_IN_TITLE.search(doc.title or "")
    if m:
        year = _year(m.group(1))
        if year and P.RECTIFY_TITLE.search(doc.title):
            # 关于2023年度案件质量评查发现问题的整改方案: the title names the year inspected; the
            # work is done when the opening says the findings came (2024年2月，…反馈了…)
            head = doc.text[:_RECTIFY_OPENING]
            later = [y for y in (_year(x) for x in P.DATED_YEAR.findall(head)) if y and y > year]
            if not later and doc.kind == "plan":
                # …or, in a plan, when every time limit it dates falls (整改时限：2025年5月31日前)
                limits = [_year(x) for x in _DATED_LIMIT.findall(doc.text)]
                later = [y for y in limits if y] if limits and all(y and y > year for y in limits) else []
            return min(later) if later else year
        return year
    said = school_line(doc)
    school = P.SCHOOL_YEAR.search(said)
    if school:  # 2024—2025学年: its first year, or its second for the second term
        return _year(school.group("y2" if P.SECOND_TERM.search(said, school.end()) else "y1"))
    # a report to a cut-off (截至2025年6月底) is of the cut-off's year, whatever year its findings came in
    cut = _CUT_OFF_YEAR.search(doc.text, 0, _RECTIFY_OPENING) if _REPORT_TITLE.search(doc.title or "") else None
    if cut:
        return _year(cut.group(1))
    opening = P.YEAR_IN_TITLE.search(doc.text[:200])  # an opening such as 2022年，…工作总体要求是
    whole_year = _WHOLE_YEAR_OPENING.search(doc.text[:200])
    for p in reversed(doc.paragraphs[-6:]):
        line = doc.paragraph_text(p)
        if P.SIGNATURE_DATE.match(line):
            signed = _SIGNED.search(line)
            year = _year(P.YEAR_IN_TITLE.search(line).group(1))
            # signed early in the year about the year before (2024年以来，… signed 2025年1月10日)
            # (a year as a whole, not a day of it: 2023年10月16日至11月24日，巡察组… opens a plan of 2024)
            if whole_year and signed and year and int(signed.group(2)) <= _EARLY_MONTHS \
                    and _year(whole_year.group(1)) == year - 1:
                return year - 1
            return year
    m = opening
    if m:
        return _year(m.group(1))
    # the signing date closing a text pasted as one line (…长效机制。中共枫林县纪委 2025年9月30日)
    m = _CLOSING_DATE.search(doc.text[-_CLOSING_REACH:])
    return _year(m.group(1)) if m else doc.year_hint


_EARLY_MONTHS = 3
_CUT_OFF_YEAR = re.compile(r"(?:截至|截止到?)\s*((?:19|20)[0-9]{2})\s*年")
_REPORT_TITLE = re.compile(r"报告|总结|汇报|情况")
_WHOLE_YEAR_OPENING = re.compile(r"((?:19|20)[0-9]{2})\s*年(?:以来|度|全年|[，,])")
_CLOSING_DATE = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*$")
_CLOSING_REACH = 40


def school_line(doc: Document) -> str:
    """The line that names the document's school year: its title, or under a speech's own title
    (——在2024—2025学年第一学期期末教职工大会上的讲话); "" when none does."""
    if P.SCHOOL_YEAR.search(doc.title or ""):
        return doc.title or ""
    for p in doc.paragraphs[:_SCHOOL_LINE_WITHIN]:
        line = doc.paragraph_text(p)
        if P.SCHOOL_YEAR.search(line):
            return line
    return ""


_SCHOOL_LINE_WITHIN = 3
_SIGNED = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def issue_date(doc: Document) -> dt.date | None:
    """The date on the issuer's closing line (中共…党组 / 2024年7月3日), None when there is none."""
    for p in reversed(doc.paragraphs[-6:]):
        line = doc.paragraph_text(p)
        m = _SIGNED.search(line) if P.SIGNATURE_DATE.match(line) else None
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _parse_date(m: re.Match[str]) -> _When | None:
    month = _int(m.group("m"))
    if not month or month > 12:
        return None
    day = _int(m.group("d"))
    part = m.group("part") or ""
    if day:
        first = last = day
    elif part in ("底", "末"):
        first, last = None, -1
    elif part in _PARTS:
        a, b = _PARTS[part]
        first, last = a, (b if b else -1)
    else:
        first = last = None
    return _When(m.start(), m.end(), _year(m.group("y")), month, first, last, m.group("bound"))


_SIGNATURE_TAIL = 160  # how far from the end a closing date on the issuer's line may start


def _skip_lines(doc: Document) -> list[tuple[int, int]]:
    """The closing date line and the title: dates there are not time limits."""
    spans = [(p.start, p.end) for p, line in doc.lines() if P.SIGNATURE_DATE.match(line)]
    if doc.title:
        spans += [(p.start, p.end) for p in doc.paragraphs[:8] if doc.paragraph_text(p).strip() == doc.title][:1]
    # a speech's subtitle (——2025年1月14日在…会议上), and a closing date on the issuer's line
    # after the last sentence (…稳定。青石镇人民政府2024年12月6日 【打印本页】)
    spans += [(p.start, p.end) for p in doc.paragraphs[:3] if P.SUBTITLE_DASH.match(doc.paragraph_text(p))]
    tail = P.TRAILING_SIGNATURE.search(doc.text, max(0, len(doc.text) - _SIGNATURE_TAIL))
    if tail:
        spans.append(tail.span("date"))
    return spans


def is_deadline(d: Date) -> bool:
    return d.kind == DEADLINE


_HOURS_BOUND = re.compile(r"控制|时长|不超过|限")
_CJK_AT = re.compile(r"[\u4e00-\u9fff]")

def dates(doc: Document, outline: Outline, notices: list[Notice]) -> Iterator[Date]:
    """Every date in document order, with its kind; a written date of kind deadline outside the
    document's time frame is appended to notices (an event or a period may be anywhere)."""
    found, frame_checks = _found(doc, outline)
    kinds = _Kinds(doc, outline)
    out = [replace(d, kind=kinds.of(d)) for d in found]
    by_start = {d.start: d for d in out}
    for start, year, month in frame_checks:
        d = by_start[start]
        if d.kind == DEADLINE:
            frame = frame_checks[(start, year, month)]
            notices.append(Notice(
                "date_out_of_frame",
                f"{d.text} 不在本文件的时间范围 {frame[0][0]}年{frame[0][1]}月至{frame[1][0]}年{frame[1][1]}月内，"
                f"请核对年份", d.start, d.end))
    yearless = [d for d in out if d.date is None and not d.recurring and not d.relative and _MONTHED.search(d.text)]
    if yearless and document_year(doc) is None:
        # a speech or a report that names no year anywhere (在全镇…推进会上的发言): its 3月中旬 has no
        # year to take, and the reader should know why its dates are empty
        notices.append(Notice(
            "no_year", f"本文件未写明年份，{len(yearless)}处日期（如“{yearless[0].text}”）无法确定年份；"
                       f"可用 policytext extract --year 指定", yearless[0].start, yearless[0].end))
    yield from out


_MONTHED = re.compile(r"月|季度|半年|年底|年末")


def _found(doc: Document, outline: Outline) -> tuple[list[Date], dict]:
    """The date expressions, as deadlines until their kind is read, and the written dates that
    fall outside the document's frame: {(start, year, month): frame}."""
    text = doc.text
    taken = SpanSet(_skip_lines(doc))
    out: list[Deadline] = []
    outside: dict = {}

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    def add(d: Deadline) -> None:
        out.append(d)
        taken.add(d.start, d.end)

    for m in P.DEADLINE_RECURRING.finditer(text):
        if free(m.start(), m.end()):
            unit = {"年": "year", "季度": "quarter", "月": "month", "周": "week"}[m.group("unit") or m.group("next")]
            add(Deadline(m.group(), m.start(), m.end(), task_path(outline, m.start()), None, recurring=unit))
    for m in P.DEADLINE_RELATIVE.finditer(text):
        after = P.DEADLINE_AFTER.search(text, max(0, m.start() - 12), m.start())
        start = after.start() if after else m.start()
        if m.group("unit") == "小时" and not after and (
                _HOURS_BOUND.search(text, max(0, m.start() - 4), m.start()) or not _CJK_AT.match(text, m.end())):
            continue  # 控制在2小时以内, 时长2小时以内。: a duration limit (a quota); 24小时内答复 is a time limit
        if P.QUOTA_COMPARATOR.search(text, max(0, m.start() - 4), m.start()):
            continue  # 不超过3个月内 bounds a duration
        if m.group("unit") == "工作日" and P.DURATION_TARGET.search(text, max(0, m.start() - 4), m.start()):
            continue  # 办电时长压减至3个工作日以内: a duration to reach (a quota), not a time limit
        if free(start, m.end()):
            add(Deadline(text[start:m.end()], start, m.end(), task_path(outline, start), None, relative=True))

    doc_year = document_year(doc)
    section_year = _SectionYears(outline, doc_year, text)
    # a school year in the title (2024—2025学年) places a month without a year: 10月 in its first
    # year, 3月 in its second
    school = _school_year(school_line(doc))
    for m in P.DATE_MONTH_SPAN.finditer(text):
        if free(m.start(), m.end()):
            month = int(m.group("m1") or m.group("m"))
            got = _month_span(m, section_year(m.start()) or _in_frame(month, school) or doc_year)
            if got:
                add(Deadline(m.group(), m.start(), m.end(), task_path(outline, m.start()), got[1], date_from=got[0]))
    dates = [w for w in map(_parse_date, P.DEADLINE_DATE.finditer(text)) if w and free(w.start, w.end)]
    frame, ranges = _ranges(text, dates, doc_year)
    months_of = frame or school
    in_range = {id(w) for pair in ranges for w in pair}
    for a, b in ranges:
        ya = a.year or section_year(a.start) or _resolve(a, months_of, doc_year)
        if b.year:
            yb = b.year
        elif a.year:  # 2026年1月至12月: the end takes the start's year (or the next, 11月至2月)
            yb = a.year + (b.month < a.month)
        else:
            yb = section_year(b.start) or _resolve(b, months_of, doc_year)
        close = P.DEADLINE_RANGE_CLOSE.match(text, b.end)
        end = close.end() if close else b.end
        add(Deadline(text[a.start:end], a.start, end, task_path(outline, a.start),
                     b.at(yb, "last"), date_from=a.at(ya, "first")))
    for w in dates:
        if id(w) in in_range or not free(w.start, w.end):
            continue
        year = w.year or section_year(w.start) or _resolve(w, months_of, doc_year)
        start = w.start
        nxt = None if w.year else P.DATE_OTHER_YEAR.search(text, max(0, w.start - 2), w.start)
        if nxt and free(nxt.start(), w.start):  # 次年1月15日前, 明年3月底前, 去年11月: another year than the document's
            base = section_year(w.start, False) or doc_year
            year, start = (base + P.DATE_YEAR_OFFSET[nxt.group()] if base else None), nxt.start()
        date_from = w.at(year, "first") if w.first and w.first != w.last else None
        add(Deadline(text[start:w.end], start, w.end, task_path(outline, start), w.at(year, "last"), date_from))
        if frame and w.year and not _inside(frame, w.year, w.month):
            outside[(w.start, w.year, w.month)] = frame
    for m in P.DEADLINE_QUARTERS.finditer(text):  # 第二季度至第三季度: from the first's start to the second's end
        start, year = _year_before(text, m, False)
        year = year or section_year(m.start()) or doc_year
        if start is None or year is None or not free(start, m.end()):
            continue
        q1, q2 = _QUARTERS[m.group("q1")], _QUARTERS[m.group("q")]
        if q1 < q2:
            add(Deadline(text[start:m.end()], start, m.end(), task_path(outline, start),
                         _quarter(q2, year)[0], date_from=_quarter(q1, year)[1]))
    for rx in (P.DEADLINE_HALF, P.DEADLINE_QUARTER, P.DEADLINE_YEAR_END):  # (上半年内 before its 年内)
        for m in rx.finditer(text):
            start, year = _year_before(text, m, rx is P.DEADLINE_YEAR_END)
            if start is None:
                continue
            if rx is P.DEADLINE_YEAR_END and not (year or m.group("bound")) and m.group("part") != "内":
                continue  # 年底有总结: prose, not a time limit
            nxt = None if year else P.DATE_OTHER_YEAR.search(text, max(0, start - 2), start)
            if nxt and free(nxt.start(), start):  # 明年年底前, 明年第一季度: another year than the document's
                base = section_year(start, False) or doc_year
                year, start = (base + P.DATE_YEAR_OFFSET[nxt.group()] if base else None), nxt.start()
            if free(start, m.end()):
                add(Deadline(text[start:m.end()], start, m.end(), task_path(outline, start),
                             *_coarse(m, year or section_year(start) or doc_year)))
    for m in P.EFFECTIVE_NO_DATE.finditer(text):  # 自印发之日起施行: a date with no date
        if free(m.start(), m.end()):
            add(Deadline(m.group(), m.start(), m.end(), task_path(outline, m.start()), None))
    out.sort(key=lambda d: d.start)
    moved: dict[int, int] = {}
    for i, d in enumerate(out):  # 截至11月底: the cue is part of the date
        cue = P.DATE_AS_OF.search(text, max(0, d.start - 4), d.start)
        if cue and free(cue.start(), cue.start() + 1):
            out[i] = replace(d, text=text[cue.start():d.end], start=cue.start())
            moved[d.start] = cue.start()
    # a frame check follows its date to the new start (截至2024年6月30日 outside the frame)
    outside = {(moved.get(s, s), y, mo): f for (s, y, mo), f in outside.items()}
    return out, outside


_PARAGRAPH_YEAR = re.compile(r"\s*(?:(?P<y>(?:19|20)[0-9]{2})年[，,]|(?:明年|来年|新的一年|新一年)(?:呢|啊)?[，,：:])")


class _SectionYears:
    """The year a top-level section names when it is not the document's (二〇二三年工作回顾 in a
    2024 report): a date without a year in it is of that year."""

    def __init__(self, outline: Outline, doc_year: int | None, text: str = "") -> None:
        self.outline, self.doc_year, self.text = outline, doc_year, text
        self.years: dict[int, int | None] = {}
        for i, t in enumerate(outline.tasks):
            if outline.parents[i] < 0:  # a section named by its year: 2023年工作回顾, not 总结2024年工作…
                m = P.YEAR_IN_TITLE.match((t.heading or "").strip())
                y = _year(m.group(1)) if m else None
                self.years[i] = y if y != doc_year else None

    def __call__(self, at: int, paragraphs: bool = True) -> int | None:
        # …or a paragraph opened by another year (明年，我们一是…4月底前建起来; 2026年，我们将…), unless
        # the date says its own (明年3月底前 counts from the section's year, not the paragraph's)
        opener = _PARAGRAPH_YEAR.match(self.text, self.text.rfind("\n", 0, at) + 1) \
            if self.doc_year and paragraphs else None
        if opener is not None and opener.end() <= at:
            y = _year(opener.group("y")) if opener.group("y") else self.doc_year + 1
            if y != self.doc_year:
                return y
        if not any(self.years.values()):
            return None
        i = self.outline.innermost_index(at)
        while i >= 0 and self.outline.parents[i] >= 0:
            i = self.outline.parents[i]
        return self.years.get(i)


def _month_span(m: re.Match[str], doc_year: int | None) -> tuple[str, str] | None:
    """(date_from, date) of 1-6月 (whole months, to the month) or 9月23日至27日 (days of one month)."""
    year = _year(m.group("y")) or doc_year
    if year is None:
        return None
    if m.group("m1"):
        m1, m2 = int(m.group("m1")), int(m.group("m2"))
        y2 = year + (m2 < m1)
        return f"{year:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"  # whole months: month precision, as 4月至10月
    month, d1, d2 = int(m.group("m")), int(m.group("d1")), int(m.group("d2"))
    if not 1 <= month <= 12 or d2 <= d1 or d2 > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{d1:02d}", f"{year:04d}-{month:02d}-{d2:02d}"


_SENTENCE_END = re.compile("[。；;\n]")
_FIGURE_IN_CLAUSE = re.compile(r"[^，。；;\n]{0,24}?[0-9０-９]")
_REACH = 400


class _Kinds:
    """What a date is, from the document's kind, the section it stands in and its sentence."""

    def __init__(self, doc: Document, outline: Outline) -> None:
        self.text, self.outline, self.doc_kind = doc.text, outline, doc.kind
        self.findings = problem_statements(doc.text, outline) if doc.kind != "summary" else []
        # the first year the document is about: 2024 for a 2024—2026 plan; before it is the past
        years = [y for y in map(_year, P.YEAR_ANY.findall(doc.title or "")) if y] or [document_year(doc)]
        self.year = min((y for y in years if y), default=None)

    def _sentence(self, d: Date) -> tuple[str, str]:
        """(the sentence before the date, the rest of it after), each at most _REACH long: a
        search for a mark the text never uses must not run to the ends of a long text."""
        text = self.text
        lo = max(0, d.start - _REACH)
        before = _SENTENCE_END.split(text[lo:d.start])[-1]
        after = _SENTENCE_END.split(text[d.end:d.end + _REACH], maxsplit=1)[0]
        return before, after

    def of(self, d: Date) -> str:
        before, after = self._sentence(d)
        if P.EFFECTIVE_AFTER.match(after) or d.text.startswith("自"):
            return EFFECTIVE
        heading = self._heading(d.start)
        section = section_kind(heading) if heading else BODY
        looks_back = self.doc_kind == "summary" or (self.doc_kind == "unknown" and bool(P.SECTION_REVIEW.search(heading)))
        # in a report, a date with no bound whose own clause says the work was done is when it was
        # done, whatever was intended earlier in the sentence (…，拟废止9项、修订23项，6月18日召开评审会)
        done = looks_back and not P.DATE_BOUND.search(d.text) and bool(P.DATE_DONE_AFTER.match(after)) \
            and not P.INTENTION.search(P.CLAUSE_BREAK.split(before)[-1])
        # (a paragraph of plans opened by 明年，/下一步， is plans to its end: 明年，…要重点抓好以下几件事：一是…；
        # 二是…，2026年底前开放服务项目不少于20项)
        opens_plans = bool(P.FUTURE_PARAGRAPH.match(self.text, self.text.rfind("\n", 0, d.start) + 1))
        forward = section == NEXT or opens_plans or (not done and bool(P.INTENTION.search(before))) \
            or bool(P.DATE_FORWARD.search(before)) \
            or P.DATE_YEAR_OFFSET.get(d.text[:2], 0) > 0 \
            or (d.date is not None and self.year is not None and int(d.date[:4]) > self.year and "年" in d.text
                and bool(P.DATE_BOUND.search(d.text)) and not before.endswith("于") and not P.DATE_DONE_THEN.match(after)) \
            or (d.text.endswith("前") and bool(P.DATE_FORWARD_AFTER.match(after)))  # 明年3月底前完成验收: still to come
        if P.DATE_REPORTED_UP_TO.search(before):
            return PERIOD  # 现将截至2025年9月30日的整改进展情况报告如下: what the report covers
        if d.recurring or d.relative:
            # 处分决定均在作出后5个工作日内送达, 每月5日前按时报送: how reported work was done
            return EVENT if looks_back and not forward else DEADLINE
        if looks_back and not forward:
            # 截至11月底 and 1-6月 / 4月至10月 (whole months) bound what the figures after them
            # count; 第一季度 too when a total follows; 3月中旬 and 3月5日至4月18日 are when work was done
            # (1月到9月底 is whole months too: a range's closing 月底 is its last month's end)
            if d.text.startswith(("截至", "截止")) or (d.date_from and not P.DATE_MONTH_PART.search(P.DATE_RANGE_END.sub("", d.text))
                                                  and not P.DATE_PERIOD_SHAPE.search(d.text)):
                return PERIOD
            if P.DATE_PERIOD_SHAPE.search(d.text) and (P.DATE_PERIOD_FIGURE.match(after) or _FIGURE_IN_CLAUSE.match(after)):
                return PERIOD
            return EVENT
        # a past date with a bound (2023年2月底前) is a deadline all the same: most likely a typo,
        # which the frame check reports rather than hides
        past = (d.date is not None and self.year is not None and int(d.date[:4]) < self.year
                and not P.DATE_BOUND.search(d.text))
        if not looks_back and not P.DATE_BOUND.search(P.DATE_AS_OF_CUE.sub("", d.text)) \
                and any(a <= d.start < b for a, b in self.findings):
            # a finding's date (问题3：…截至2024年4月底，…化解率仅为58.7%): when, not by when (but
            # 整改目标：年底前… and 完成时限：12月底前 before the 整改措施 are limits all the same)
            return PERIOD if P.DATE_AS_OF_CUE.match(d.text) else EVENT
        if not looks_back and (past or P.DATE_PAST.search(before) or P.DATE_PAST_AFTER.match(after)
                               or (not P.DATE_BOUND.search(d.text) and P.DATE_DONE_THEN.match(after))):
            return EVENT  # a plan's background: 2023年5月，我市出台…; 3月以来
        return DEADLINE

    def _heading(self, at: int) -> str:
        i = self.outline.innermost_index(at)
        while i >= 0 and self.outline.parents[i] >= 0:
            i = self.outline.parents[i]
        return self.outline.tasks[i].heading if i >= 0 else ""


Frame = tuple[tuple[int, int], tuple[int, int]]


def _ranges(text: str, dates: list[_When], doc_year: int | None) -> tuple[Frame | None, list[tuple[_When, _When]]]:
    pairs = []
    for a, b in zip(dates, dates[1:]):
        between = text[a.end:b.start]
        opens = P.DEADLINE_RANGE_OPEN.match(between) and P.DEADLINE_RANGE_GAP.match(between)
        joined = P.DEADLINE_RANGE_TO.match(between)
        if (opens and P.DEADLINE_RANGE_CLOSE.match(text, b.end)) or joined:
            pairs.append((a, b))
    # The document's time frame spans all its stated ranges: a campaign's phases together.
    bounds = []
    for a, b in pairs:
        ya = a.year or doc_year
        yb = b.year or (ya + (b.month < a.month) if ya else None)
        if ya and yb:
            bounds += [(ya, a.month), (yb, b.month)]
    frame = (min(bounds), max(bounds)) if bounds else None
    return frame, pairs


def _school_year(title: str) -> Frame | None:
    """The months of a school year a title names (2024—2025学年: September 2024 to August 2025).
    None for its second term (2024—2025学年第二学期), which lies in one year: its 9月底前 is the
    next school year's."""
    m = P.SCHOOL_YEAR.search(title)
    if m is not None and P.SECOND_TERM.search(title, m.end()):
        return None
    y1, y2 = (_year(m.group("y1")), _year(m.group("y2"))) if m else (None, None)
    if y1 is None or y2 != y1 + 1:
        return None
    return (y1, _SCHOOL_YEAR_OPENS), (y2, _SCHOOL_YEAR_OPENS - 1)


_SCHOOL_YEAR_OPENS = 9


def _inside(frame: Frame, year: int, month: int) -> bool:
    return frame[0] <= (year, month) <= frame[1]


def _resolve(w: _When, frame: Frame | None, doc_year: int | None) -> int | None:
    return _in_frame(w.month, frame) or doc_year


def _in_frame(month: int, frame: Frame | None) -> int | None:
    """The year a month falls in within the frame, None when it falls outside or there is none."""
    if frame:
        for y in range(frame[0][0], frame[1][0] + 1):
            if _inside(frame, y, month):
                return y
    return None


def _year_before(text: str, m: re.Match[str], year_end: bool) -> tuple[int | None, int | None]:
    """(start, year) of a coarse deadline with its written year (2024年底前, 2024年第三季度);
    start None when the match is part of another word (全年内, 每季度)."""
    at = m.start()
    if year_end:  # the match begins with its own 年: 2024年底 or a bare 年底
        y = P.DEADLINE_YEAR_BEFORE.search(text, max(0, at - 6), at)
        if y:
            return y.start(), _year(y.group("y"))
        return (None, None) if at and P.DEADLINE_YEAR_NOT.match(text, at - 1) else (at, None)
    if text[at - 1:at] in ("每", "毎"):
        return None, None
    if text[at - 1:at] == "第":
        at -= 1
    pre = text[max(0, at - 8):at]
    if pre.endswith("年"):
        y = P.DEADLINE_YEAR_BEFORE.search(pre[:-1].rstrip())
        if y:
            return at - len(pre) + y.start(), _year(y.group("y"))
    return at, None


def _quarter(q: int, year: int) -> tuple[str, str]:
    """(last day, first day) of quarter q of year."""
    end_month = q * 3
    last = calendar.monthrange(year, end_month)[1]
    return f"{year:04d}-{end_month:02d}-{last:02d}", f"{year:04d}-{end_month - 2:02d}-01"


_PART_END = re.compile(r"[末底]|前$")


def _coarse(m: re.Match[str], year: int | None) -> tuple[str | None, str | None]:
    """(date, date_from) of 年底前, 年内, 第三季度末, 上半年前."""
    if year is None:
        return None, None
    gd = m.groupdict()
    if gd.get("q"):
        date, date_from = _quarter(_QUARTERS[gd["q"]], year)
    elif gd.get("half"):
        date, date_from = (f"{year:04d}-06-30", f"{year:04d}-01-01") if gd["half"] == "上" else (f"{year:04d}-12-31", f"{year:04d}-07-01")
    else:
        return f"{year:04d}-12-31", None
    # the end of a part of the year, or a limit before it (第三季度末, 三季度末前, 上半年前), is a
    # day, not the part's months (第三季度, 上半年内)
    return date, None if _PART_END.search(m.group()) else date_from
