"""The period a summary covers, and so what a plan's periodic requirements owe over it: the
year, a half year, the first three quarters, a school term, a campaign's months, or the months up
to a cut-off date (现将截至6月底的…报告如下); a rectification plan issued mid-period owes from then."""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .. import patterns as P
from ..analysis import Analysis
from ..classify import doc_number_line
from ..extract.deadlines import document_year, issue_date


@dataclass(frozen=True)
class Period:
    """What the summary covers: months counted from January of year."""

    months: int
    label: str  # 全年 | 上半年 | 前三季度 | 一季度 | 截至N月底 | 本学期
    year: int | None
    closes: dt.date | None = None  # a school term's last day, when the summary says which term; a campaign's
    since: dt.date | None = None  # a rectification plan's issue date inside the period: owed from then
    campaign: bool = False  # since is a campaign's first day (2025年4月至9月), label its months
    said: bool = True  # False: the summary names no period, 全年 is assumed

    @property
    def due_months(self) -> int:
        """The months periodic requirements are owed for: from a rectification plan's issue date
        (2024年7月3日) when it falls inside the period, else the whole period."""
        end = self.end
        if self.since is None or end is None or not self.since < end:
            return self.months
        cap = 12 if self.campaign else self.months  # a campaign may begin the year before (11月至3月)
        return max(1, min(cap, round((end - self.since).days / _MONTH_DAYS)))

    @property
    def due_label(self) -> str:
        if self.due_months == self.months or self.campaign:
            return self.label
        return f"{self.since.month}月{self.since.day}日方案印发以来"

    @property
    def end(self) -> dt.date | None:
        if self.label == TERM or self.closes is not None:  # 秋季学期 runs to the next January; a
            return self.closes  # campaign may close mid-month (至12月10日)
        if self.year is None:
            return None
        nxt = dt.date(self.year + (self.months == 12), self.months % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    @property
    def weeks(self) -> int | None:
        """Teaching weeks, for a school term: its five months hold about twenty weeks, of which the
        exams and a holiday week (国庆) take two, so 每周1次 owes 18 (全学期共举行19次（国庆假期除外） meets it)."""
        return TERM_WEEKS if self.label == TERM else None

    @property
    def cutoff(self) -> bool:
        """Read from a cut-off date (现将截至6月底的…报告如下), not from a named part of the year."""
        return self.label.startswith("截至")

    def to_dict(self) -> dict[str, Any]:
        return {"months": self.months, "label": self.label, "year": self.year,
                "end": self.end.isoformat() if self.end else None,
                "since": self.since.isoformat() if self.since else None, "due_months": self.due_months}


_UNTITLED_HEAD = 40
_OPENING_WITHIN = 4  # the title, an addressee line, the opening (and a 文号 line, not counted)
_ADDRESSEE = re.compile(r"^[^。；，,]{2,30}[:：]$")
# a speech's byline (院长  陈立新) or its date line under the title: not its opening
_BYLINE = re.compile(r"^[^。；，,:：、.．0-9一二三四五六七八九十（(]{2,16}$|^[（(][^）)]{4,16}[）)]$")
TERM = "本学期"
TERM_WEEKS = 18
_PROGRESS = re.compile(r"进展|阶段性|推进情况")
_PROGRESS_HEAD = 1500
_SPAN_WITHIN = 60
_PER_ORDERS = re.compile(r"\s*(?:按照|根据)[^。；]{2,100}?(?:要求|部署|安排)[，,]")
_SPAN_CLAUSE = 30  # what the campaign's dates open: the writer's work, or an inspection of it
_INTRODUCES = re.compile(r"现将[^。；]{0,30}?(?:如下|报告|汇报)")


_MONTH_DAYS = 30.44


def pair_period(plan: Analysis, summary: Analysis) -> Period:
    """The summary's period, owed from the plan's issue date when the plan is a rectification
    plan issued inside it (整改方案 dated 2024年7月3日 against a year-end report: six months)."""
    period = summary_period(summary)
    span = _plan_campaign(plan, period)
    if span is not None:
        return span
    if not period.said:
        # a term's plan (…学年第二学期德育工作计划) against a report that names no period of its own
        # (在期末全体教师会上的发言): the report covers the term
        for rx, months, label in P.SUMMARY_PERIODS:
            m = rx.search(plan.document.title or "") if label == TERM else None
            if m is not None:
                year = period.year or document_year(plan.document)
                return Period(months, label, year, _term_end(m.group(), year), said=False)
    if P.RECTIFY_TITLE.search(plan.document.title or ""):
        issued = issue_date(plan.document)
        if issued is not None and period.year == issued.year and (period.since is None or issued > period.since):
            return dataclasses.replace(period, since=issued, campaign=False)
    return period


def _plan_campaign(plan: Analysis, period: Period) -> Period | None:
    """A campaign plan's months (利用5月至10月时间…开展集中攻坚行动) against a report to a cut-off
    inside them (截至8月底): periodic quotas are owed from the campaign's first month."""
    year = period.year or document_year(plan.document)
    if period.campaign or period.since is not None or year is None or not (period.cutoff or not period.said) \
            or not _CAMPAIGN_TITLE.search(plan.document.title or ""):
        return None
    tops = [t for t in plan.outline.tasks if t.parent is None]
    head = plan.document.text[:tops[0].start if tops else _PLAN_HEAD]
    if not period.said:
        return _plan_span(head, year)
    m = _PLAN_RANGE.search(head)
    if m is None:
        return None
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    if not 1 <= m1 < period.months <= m2 <= 12:
        return None
    return dataclasses.replace(period, year=year, since=dt.date(year, m1, 1), campaign=True,
                               label=f"{m1}月至{period.months}月")


def _plan_span(head: str, year: int) -> Period | None:
    """The whole of a campaign plan's dates (动员部署阶段（5月25日至5月31日）；…总结提升阶段（6月26日至
    6月30日）) for a report of it that names no period of its own: from its first day to its last."""
    spans = []
    for m in _PLAN_RANGE.finditer(head):
        try:
            a = dt.date(year, int(m.group("m1")), int(m.group("d1") or 1))
            b = dt.date(year, int(m.group("m2")), int(m.group("d2") or calendar.monthrange(year, int(m.group("m2")))[1]))
        except ValueError:
            continue
        if a < b:
            spans.append((a, b))
    if not spans:
        return None
    since, closes = min(a for a, _ in spans), max(b for _, b in spans)
    if (closes - since).days > _CAMPAIGN_MAX_DAYS:
        return None
    label = f"{since.month}月至{closes.month}月" if since.month != closes.month else f"{since.month}月"
    return Period(closes.month, label, year, closes=closes, since=since, campaign=True)


_CAMPAIGN_TITLE = re.compile(r"行动|攻坚|专项整治|百日|安全生产月|宣传月|活动月|宣传周|活动周|促进季|消费季|活动季|夏季|冬季|冬春|秋冬|汛期|暑期|暑假|寒假|春运")
_PLAN_RANGE = re.compile(r"(?P<m1>[0-9]{1,2})\s*月(?:\s*(?P<d1>[0-9]{1,2})\s*日)?\s*(?:至|到|—|－|-)\s*"
                         r"(?P<m2>[0-9]{1,2})\s*月(?:\s*(?P<d2>[0-9]{1,2})\s*日)?")
_CAMPAIGN_MAX_DAYS = 300  # longer than that, a campaign is the year's work
_PLAN_HEAD = 600


_NEXT_TO = 3  # (今年上半年 says the half year)
_WHOLE_YEAR_FIRST = re.compile(r"今年(?!以来|上半年|前|[0-9一二三四五六七八九十]|第)|一年又|一年来|本年度|年终")


def summary_period(summary: Analysis) -> Period:
    doc = summary.document
    year = document_year(doc)
    # the opening paragraph, under an addressee line (县委巡察工作领导小组：) when there is one: its
    # first words, and the sentence that introduces the report (现将上半年整改进展情况报告如下)
    lines = (doc.paragraph_text(p).strip() for p in doc.paragraphs[1:_OPENING_WITHIN + 2])
    # a 文号 line may stand above the title or below it: neither it nor the title is the opening
    opening = next((t for t in lines if not _ADDRESSEE.match(t) and t != doc.title
                    and not doc_number_line(t) and not _BYLINE.match(t)), "")
    tops = [t for t in summary.outline.tasks if t.parent is None]
    if tops and (not doc.title or not opening) and tops[0].start > 0 and (
            not opening or doc.text.find(opening) >= tops[0].start):
        # pasted as one line, its title not found: the opening is what stands before the first section
        head = doc.text[:tops[0].start]
        opening = head[head.find(doc.title) + len(doc.title):] if doc.title and doc.title in head else head
    introduces = _INTRODUCES.search(opening)
    # a document pasted as one line has no title line: its first words are its title; a report
    # whose first section looks back on a part of the year (上半年工作回顾) covers that part
    first = next((t.heading for t in summary.outline.tasks if t.parent is None), "")
    review = first if P.SECTION_REVIEW.search(first) else ""
    for where in (doc.title or doc.text[:_UNTITLED_HEAD], opening[:120], introduces.group() if introduces else "", review):
        for rx, months, label in P.SUMMARY_PERIODS:
            m = rx.search(where)
            if m and where is not review and _WHOLE_YEAR_FIRST.search(where, 0, max(0, m.start() - _NEXT_TO)):
                continue  # 一年又快过去了…把今年…工作跟大家汇报…上半年6月份开过一次: the year's report
            if m and label == TERM:
                return Period(months, label, year, _term_end(m.group(), year))
            if m:
                return Period(months, label, year)
    span = _campaign(opening, year)
    if span is not None:
        return span
    # 现将截至2024年6月底的整改进展情况报告如下: the months to that cut-off; in a progress report
    # the paragraph that introduces it may give the cut-off before (截至2024年6月30日，已完成整改9个…)
    for where in (doc.title or doc.text[:_UNTITLED_HEAD], opening if introduces else ""):
        cut = P.SUMMARY_CUTOFF.search(where)
        if cut and 1 <= int(cut.group("month")) < 12:
            return Period(int(cut.group("month")), f"截至{int(cut.group('month'))}月底", year)
    # a progress report (整改进展情况的报告) is written part way: its overall section's cut-off
    # (截至2025年6月30日，11项问题中已完成整改7项) is how far it reports
    if _PROGRESS.search(doc.title or doc.text[:_UNTITLED_HEAD]) or (introduces and _PROGRESS.search(introduces.group())):
        head = next((t for t in summary.outline.tasks if t.parent is None), None)
        cut = P.SUMMARY_CUTOFF.search(doc.text, 0, head.end if head else _PROGRESS_HEAD)
        if cut and 1 <= int(cut.group("month")) < 12:
            return Period(int(cut.group("month")), f"截至{int(cut.group('month'))}月底", year)
    return Period(12, "全年", year, said=False)


def _campaign(opening: str, year: int | None) -> Period | None:
    """A campaign's months from the opening (2025年4月至9月，我局…): counted to its last month,
    its periodic quotas owed from its first (six months for 4月至9月; five for November to March)."""
    lead = _PER_ORDERS.match(opening)  # 按照…《…方案》要求，2024年4月至9月，我局…
    m = P.SUMMARY_SPAN.search(opening, lead.end() if lead else 0, (lead.end() if lead else 0) + _SPAN_WITHIN)
    if m is None or P.SPAN_NOT_OURS.search(opening, m.end(), m.end() + _SPAN_CLAUSE):
        return None
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    y1 = int(m.group("y1")) if m.group("y1") else year
    y2 = int(m.group("y2")) if m.group("y2") else (y1 + 1 if y1 is not None and m2 < m1 else y1)
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or y1 is None or y2 is None or (y2, m2) <= (y1, m1) or y2 - y1 > 1:
        return None
    label = f"{m1}月至{m2}月" if y1 == y2 else f"{y1}年{m1}月至{y2}年{m2}月"
    try:  # 至12月10日: the campaign closes that day, not at the month's end
        closes = dt.date(y2, m2, int(m.group("d2"))) if m.group("d2") else None
    except ValueError:
        closes = None
    if closes is not None and (closes + dt.timedelta(days=1)).day == 1:
        closes = None  # 至3月31日: the month's end, as 至3月
    if closes is not None:
        label = label.replace(f"{m2}月", f"{m2}月{closes.day}日")
    if y2 == y1 and m1 == 1:
        return Period(m2, label, y2, closes=closes)
    return Period(m2, label, y2, closes=closes, since=dt.date(y1, m1, 1), campaign=True)


def _term_end(said: str, year: int | None) -> dt.date | None:
    """The last day of the term a summary names (秋季学期 2024: 31 January 2025); None when it
    says only 本学期."""
    if year is None:
        return None
    if said[0] in "秋上" or "一" in said:
        return dt.date(year + 1, 1, 31)
    if said[0] in "春下" or "二" in said:
        return dt.date(year, 7, 31)
    return None
