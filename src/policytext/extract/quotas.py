"""Quotas (量化指标): every quantitative requirement of a plan and every figure a summary reports.

A quota is found from its number and unit (1次, 不少于3人, X次); the clause before it is
then read for a period (每季度, 全年, 累计), a comparator (至少, 不超过) and the subject, and
the words around the number give the counted action.  Chinese numerals are read only when
a period or comparator cue says a count follows, so 两个确立 or 三会一课 never become numbers.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .. import cn_numbers as cn
from .. import lexicon
from .. import patterns as P
from .._record import Record, frozen
from ..document import Document
from ..structure import Notice, Outline
from ._common import SpanSet, clause_start, problem_statements, task_path

_COMPARATORS = dict(P.QUOTA_COMPARATORS)
_INT = re.compile(r"[0-9]+")
_DEC = re.compile(r"[0-9]+\.[0-9]+")
_CUE_NEAR = re.compile(r"[每毎共超]|[日月周年]均|全年|年度|年内|当年|至少|不少于|不低于|不超过|不多于|不高于|最少|最多|达到|控制在|累计|总计|合计|人均|半年")
_ARABIC = re.compile(r"[0-9０-９]")
_WORDS = re.compile(r"[\u4e00-\u9fff（）()“”]+")
_INLINE_MARK = re.compile(r"^[一二三四五六七八九十]{1,2}是")
_NOT_A_COUNT = re.compile(r"[这那]一块|.[一二两三四五六七八九十]+个方面|.二次|.一个样")  # (一天一个样: changing fast)
_WITHIN = re.compile(r"(?:之|以)?内")
_CUT_TO = re.compile(r"(?:压缩|缩短|控制|降低|减少|压减)(?:至|到|在)$")
_SPACES = re.compile(r"\s+")
# (每个月都会同院感科到…检查, 每月按时向整改办报送, 每月利用固定接种日对接种信息进行比对, 每月通过门户网站通报)
_TOWARDS = re.compile(r"(?:[都均要须]|按时|定期|坚持)?(?:会同[^，。；]{1,8}?|联合[^，。；]{1,8}?|利用[^，。；]{1,8}?)?"
                      r"(?:[对向到赴在下把]|深入|通过)")
_VAGUE = re.compile(r"若干|多次|[0-9０-９]")
_FILLER_FIRST = frozenset(f[0] for f in P.QUOTA_FILLERS)
_FILLER_LAST = frozenset(f[-1] for f in P.QUOTA_FILLERS)
_EVERY = re.compile("[每毎]")
_WEEKDAYS = frozenset("一二三四五六日天")  # 每周一举行升旗仪式, 每星期五下午
_NOT_DONE_BEFORE = re.compile(r"(?:未能|没有|未|不)$")
_NONE_OCCURRED = re.compile(r"(?:未|没有?|无)(?:发生|出现|发现)$")
# 按月召开支委会, 逐月深入各乡镇督导: once a month; 坚持月月开展: spoken.  (One first character class before the
# choice: re then skips ahead to the next 按, 月 or 周 instead of trying every position.)
_BY_PERIOD = re.compile(r"[按逐月周](?:(?<=[按逐])(?P<unit>季度|半年|学期|月|季|周)(?![份度])"
                        r"|(?<![\u4e00-\u9fff][月周].)(?P<unit2>(?<=月)月|(?<=周)周))")
_INLINE_FIRST = frozenset("一二三四五六七八九十")
_SUBJECT_PREFIXES = ("由", "对", "请", "各级")
_SUBJECT_PREFIX_FIRST = frozenset(p[0] for p in _SUBJECT_PREFIXES)
_NOT_BEFORE_COUNT = frozenset("第" + P.CN_NUM)
_CLAUSE_END = frozenset("，。；;,")
_HELD_UNITS = frozenset({"次", "场", "期", "轮"})
_MAX_GAP = 14  # longest action verb between a comparator and its number: 到基层单位或所在党支部讲
_MAX_PERIOD_GAP = 60  # a period word sets the period of its clause (docs/annotation.md)


@frozen
class Quota(Record):
    text: str
    start: int
    end: int
    task: str | None
    period: str
    every: int
    comparator: str | None
    value: float | int | None
    value_max: float | int | None
    unit: str
    subject: str | None
    action: str | None
    per_year: float | int | None
    placeholder: bool
    baseline: bool  # what exists (全镇现有农户4300多户), not what is required or was done


@lru_cache(maxsize=4096)  # numerals recur (1, 2, 半, 十二); the slot is short
def _number(s: str) -> float | int | None:
    s = cn.to_ascii_digits(s).replace("．", ".")
    if s == "半":
        return 0.5
    if _INT.fullmatch(s):
        return int(s)
    if _DEC.fullmatch(s):
        return float(s)
    whole, dot, frac = s.partition("点")  # spoken: 九点二吨
    if dot:
        w = cn.parse_int(whole)
        digits = "".join(str(cn.DIGITS[c]) for c in frac) if frac and all(c in cn.DIGITS for c in frac) else None
        return float(f"{w}.{digits}") if w is not None and digits else None
    return cn.parse_int(s)


def _tidy(x: float | None) -> float | int | None:
    if x is None or type(x) is int:
        return x
    x = round(x, 4)
    return int(x) if float(x).is_integer() else x


def _period(m: re.Match[str]) -> tuple[str, int]:
    """(period name, every) of a QUOTA_PERIOD match."""
    if m.group("year"):
        return "year", 1
    if m.group("half"):
        return "half_year", 1
    if m.group("term"):  # 本学期共检查20次
        return "term", 1
    if m.group("avg"):  # 日均服务300余人次: a daily figure
        return {"日": "day", "月": "month", "周": "week", "年": "year"}[m.group("avg")], 1
    if m.group("quarter"):  # 第一季度，支部共组织3次
        return "quarter", 1
    if m.group("total"):
        return "total", 1
    unit, n = m.group("unit"), m.group("n")
    if n == "半":
        return {"年": "half_year", "月": "half_month"}.get(unit, P.PERIOD_NAMES.get(unit, "once")), 1
    every = _number(n) if n else (2 if m.group("every") == "隔" else 1)
    every = int(every) if every else 1
    name = P.PERIOD_NAMES.get(unit)
    if name is None:  # 旬: a third of a month
        return "month", 1
    if name == "month" and every in (3, 6, 12):
        return {3: "quarter", 6: "half_year", 12: "year"}[every], 1
    return name, every


def _per_year(value: float | int | None, period: str, every: int, unit: str = "") -> float | int | None:
    if value is None or period not in P.PER_YEAR:
        return None
    if unit == "%" and period != "year":  # a rate does not add up: 上半年增长6.3% is not 12.6% a year
        return None
    return _tidy(value * P.PER_YEAR[period] / every)


def _subject(left: str) -> str | None:
    """The doer named right before the cue: 支部书记每年…, 党组理论学习中心组每季度…"""
    s = _SPACES.split(left.strip())[-1]  # after a marker such as 第七条
    if s[-1:] in _FILLER_LAST:
        for f in P.QUOTA_FILLERS:
            if s.endswith(f) and len(s) > len(f):
                s = s[: -len(f)]
    if s[:1] in _SUBJECT_PREFIX_FIRST:
        for pre in _SUBJECT_PREFIXES:
            if s.startswith(pre) and len(s) > len(pre) + 1:
                s = s[len(pre):]
    if not s or len(s) > 16 or not _WORDS.fullmatch(s):
        return None
    units = lexicon.units()
    return s if units.is_unit_name(s) or s.endswith(P.SUBJECT_SUFFIXES) else None


def _strip_fillers(s: str) -> str:
    if s[:1] in _INLINE_FIRST:
        s = _INLINE_MARK.sub("", s)  # an inline marker, not part of the action
    if s[:1] not in _FILLER_FIRST:
        return s
    changed = True
    while changed and s:
        changed = False
        for f in P.QUOTA_FILLERS:
            if s.startswith(f) and len(s) > len(f):
                s, changed = s[len(f):], True
    return s


def _counted(text: str, pos: int) -> str:
    """The counted thing after the unit: 1次[专题党课], 1篇[务实管用的调研报告]."""
    out = P.QUOTA_COUNTED.match(text, pos, pos + 12).group()
    if out.isalpha():  # no other digits (², ①) either
        return out
    for i, ch in enumerate(out):
        if ch.isdigit():
            return out[:i]
    return out


def _protected(text: str) -> SpanSet:
    """Spans where a Chinese numeral belongs to a formulation: lexicon formulas and short quotes."""
    spans = [m.span() for m in lexicon.slogan_regex().finditer(text)]
    spans += [m.span() for m in P.QUOTED.finditer(text) if m.end() - m.start() <= P.SLOGAN_MAX_CHARS + 2]
    return SpanSet(spans)


def quotas(doc: Document, outline: Outline, notices: list[Notice]) -> Iterator[Quota]:
    """Quotas in document order."""
    text = doc.text
    protected = _protected(text)
    used_periods: set[int] = set()
    found: list[Quota] = []
    prev: Quota | None = None
    floor = 0  # where the next figure's cues may start: after the previous quota
    names = _quoted_names(text)
    heads = _ColumnHeads.of(doc)
    for m in P.QUOTA_CORE.finditer(text):
        if names and _inside_name(names, m):
            continue
        q, left_for_next = _read(doc, outline, m, prev, floor, protected, used_periods, heads)
        if q is not None and prev is not None:
            q = _listed_on(text, prev, q)
        if q is not None:
            found.append(q)
            prev = q
            floor = q.end if left_for_next is None else left_for_next
    found.extend(_implied(doc, outline, used_periods, found))
    found.extend(_spoken_percentages(doc, outline, found))
    found.sort(key=lambda q: q.start)
    problems = problem_statements(text, outline)
    for q in found:
        yield q if q.baseline or not any(a <= q.start < b for a, b in problems) else dataclasses.replace(q, baseline=True)


def _quoted_names(text: str) -> list[tuple[int, int]]:
    """The short quotations that hold a digit (“15分钟便民生活圈”), in order."""
    return [m.span() for m in P.QUOTED.finditer(text)
            if m.end() - m.start() <= P.SLOGAN_MAX_CHARS + 2 and _DIGIT.search(text, m.start(), m.end())]


_DIGIT = re.compile(r"[0-9０-９]")


def _inside_name(names: list[tuple[int, int]], m: re.Match[str]) -> bool:
    """The figure is part of a quoted name: its quotation goes on in words after it (“15分钟便民
    生活圈”, not “每周一次”), so it names something and counts nothing."""
    k = bisect.bisect_right(names, (m.start(), float("inf"))) - 1
    if k < 0 or not names[k][0] < m.start() < names[k][1]:
        return False
    end = names[k][1] - 1  # the closing quote
    return m.end() < end and "\u4e00" <= m.string[m.end()] <= "\u9fff"


_SAME_CLAUSE = re.compile(r"[^，,。；;！？!?\n\t]{0,30}")  # (a table's tab parts its cells)


def _listed_on(text: str, prev: Quota, q: Quota) -> Quota:
    """q as a later figure of the clause prev opens: with prev's period when q says none (全年集中
    学习不少于12次、专题研讨不少于4次; 全年分4批公开曝光典型案例32个).  (Not its bound: the gold reads
    至少配备全科医生1名、护士1名 both ways.)"""
    if prev.baseline or q.baseline or not _SAME_CLAUSE.fullmatch(text, prev.end, q.start):
        return q
    if q.period == "total" and prev.period not in ("total", "once") and not P.QUOTA_PERIOD.match(text, q.start):
        q = dataclasses.replace(q, period=prev.period, every=prev.every,
                                per_year=_per_year(q.value, prev.period, prev.every, q.unit))
    return q


@dataclass(slots=True)  # internal, made per figure: slots, not frozen, for speed
class _Figure:
    """The number QUOTA_CORE matched, as written."""

    num: str
    at: int  # where the number starts
    end: int  # where the match (number, unit, suffix) ends
    unit: str
    unit_end: int
    num2: str | None  # the upper bound of a range
    big: str | None  # 万 or 亿 after the number
    approx: str | None  # 余 or 多 before the unit
    suffix: str | None  # 以上, 以内, 左右… after the unit
    placeholder: bool  # X次, **篇
    chinese: bool  # 两次: read only where a cue says a count follows

    @classmethod
    def of(cls, m: re.Match[str]) -> "_Figure":
        num = m.group("num")
        placeholder = num[0] in "XxＸｘ×*＊"
        unit, big = m.group("unit"), m.group("big")
        if big is None and m.group("approx") and unit[0] in "万亿" and len(unit) > 1:
            big, unit = unit[0], unit[1:]  # 三十多万元: 多 before 万, the unit is still 元
        return cls(num, m.start("num"), m.end(), unit, m.end("unit"), m.group("num2"), big,
                   m.group("approx") or m.group("approx2"), m.group("suffix"), placeholder,
                   not placeholder and not _ARABIC.match(num))

    @property
    def trailing(self) -> str | None:
        return self.suffix or self.approx


@dataclass(slots=True)  # internal, made per figure
class _Cues:
    """What the clause before a figure says about it: where the clause starts (never before the
    previous quota's end), its text up to the number, and the comparator and period read there."""

    start: int
    left: str
    comparator: re.Match[str] | None
    period: re.Match[str] | None
    suffix_bound: bool  # 以上, 以内… bounds the figure (多 and 余 only with another cue)
    count: bool = False  # a Chinese-numeral count that stands without a cue (两次召开)

    @property
    def first(self) -> int | None:
        """Offset in left of the first cue, None when there is none."""
        found = [c.start() for c in (self.period, self.comparator) if c]
        return min(found) if found else None

    @property
    def cue_end(self) -> int:
        found = [c.end() for c in (self.period, self.comparator) if c]
        return max(found) if found else 0


def _counted_before(text: str, fig: _Figure) -> bool:
    """A unit that is a count only after what it counts (加装电梯4部, 组建党员突击队三支) has it."""
    rx, after = P.QUOTA_COUNTED_BEFORE.get(fig.unit), P.QUOTA_COUNTED_AFTER.get(fig.unit)
    if (rx is not None and bool(rx.search(text, max(0, fig.at - 4), fig.at))) \
            or (after is not None and bool(after.match(text, fig.unit_end))):
        return True
    # (or named just before, the unit closing its clause: 加装电梯难…今年全年装成了七部，还有五部…)
    near = P.QUOTA_COUNTED_NEAR.get(fig.unit)
    if near is None or _CJK_NEXT.match(text, fig.unit_end):
        return False
    lo = max(0, fig.at - _COUNTED_NEAR_REACH)
    lo = max(lo, text.rfind("\n", lo, fig.at) + 1)
    return bool(near.search(text, lo, fig.at))


_CJK_NEXT = re.compile(r"[\u4e00-\u9fff]")
_COUNTED_NEAR_REACH = 32


def _cn_at_least(num: str, n: int) -> bool:
    v = cn.parse_int(num)
    return v is not None and v >= n


_NAME_BRACKET = re.compile(r"[（(][\u4e00-\u9fff、]{1,4}[）)]")  # 各街道（镇）, 各县（市、区）


def _clause_start(text: str, pos: int) -> int:
    """clause_start, read past a short bracket inside a name (每半月对各街道（镇）…督导一次): it
    breaks no clause."""
    cs = clause_start(text, pos)
    while 1 < cs < len(text) and text[cs - 1] in "）)" and "\u4e00" <= text[cs] <= "\u9fff":
        m = next((b for b in _NAME_BRACKET.finditer(text, max(0, cs - 7), cs) if b.end() == cs), None)
        if m is None or m.start() == 0 or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
            break
        cs = clause_start(text, m.start())
    return cs


_ONCE_UNITS = frozenset({"次", "期", "场", "回", "轮", "趟"})


def _cues(text: str, fig: _Figure, floor: int, count: bool = False) -> _Cues:
    """count: a Chinese-numeral count (两次, 三家) that needs no cue."""
    cs = max(_clause_start(text, fig.at), floor)
    left = text[cs:fig.at]
    comp = None
    for c in P.QUOTA_COMPARATOR.finditer(left):
        gap = left[c.end():]
        if len(gap) <= _MAX_GAP and not _ARABIC.search(gap) and (c.group() not in ("超", "达") or not gap):
            comp = c  # a bare 超 or 达 bounds only the number right after it: 听众超千人, 覆盖率达100%
    period = None
    limit = comp.start() if comp else len(left)
    for p in P.QUOTA_PERIOD.finditer(left, 0, limit):
        if p.group("every") and P.QUOTA_PERIOD_NOT.match(left, p.end()):
            continue
        if p.group().startswith("按") and not (fig.num in ("1", "一") and fig.unit in _ONCE_UNITS):
            continue  # 按季度开展1次 is a rate; 按月对3座水库…, 按月编发…6期 count what there is or was
        if limit - p.end() <= _MAX_PERIOD_GAP and not (p.group("total") and period is not None):
            period = p  # 上半年共检查6次: the half year, not 共, says over what
    suffix = fig.trailing
    bound = suffix in P.QUOTA_SUFFIX_COMPARATORS
    if suffix in ("多", "余") and not (period or comp or fig.approx):
        bound = False  # 30余 only bounds with a cue; otherwise it is prose (多次)
    return _Cues(cs, left, comp, period, bound, count)


def _rejected(text: str, fig: _Figure, cues: _Cues, protected: SpanSet) -> bool:
    """A figure that is not a quota: a Chinese numeral without a cue or inside a formulation,
    an ordinal, a duration that is a time limit (3个月内), a date or age word without a bound."""
    comp, period = cues.comparator, cues.period
    if fig.chinese:
        if not (period or comp or cues.suffix_bound or cues.count):
            return True
        gap = text[cues.start + (comp.end() if comp else period.end()):fig.at] if (comp or period) else ""
        # (每个月把大家的意见汇总一次: a count by its verb keeps its 每 across a 的)
        every_count = cues.count and period is not None and not comp and bool(period.group("every"))
        if (len(gap) > _MAX_GAP and not cues.count) or ("的" in gap and not every_count) or protected.contains(fig.at):
            return True  # (a count by its classifier may stand far from its clause's period: 全年举办…培训班四期)
        if fig.at and text[fig.at - 1] in "第“\"‘" or fig.num in ("一", "二") and fig.unit == "个" and not (comp or period):
            return True
        if _NOT_A_COUNT.match(text[max(0, fig.at - 1):fig.unit_end + 2]):
            return True  # 这一块 (this part), 四个方面 (aspects), 二次备课 (a second pass)
        if fig.unit in ("%", "％"):
            return True
    if fig.unit in P.QUOTA_BOUND_ONLY_UNITS and not (comp or cues.suffix_bound):
        return not _counted_before(text, fig)
    return fig.unit in P.QUOTA_DURATION_UNITS and not comp and bool(_WITHIN.match(text, fig.unit_end)) \
        and not _CUT_TO.search(text, max(0, fig.at - 4), fig.at)  # 平均执行周期压缩至100天以内: a cap


def _values(fig: _Figure) -> tuple[float | int | None, float | int | None] | None:
    """(value, value_max); None when the number cannot be read."""
    value = None if fig.placeholder else _number(fig.num)
    if value is not None and fig.big:
        value = value * (10_000 if fig.big == "万" else 100_000_000)
    value_max = _number(fig.num2) if fig.num2 else None
    if value is None and not fig.placeholder:
        return None
    return value, value_max


def _comparator(fig: _Figure, cues: _Cues, value_max: float | int | None, about: bool = False) -> str | None:
    """about: the figure follows 约 or 近 (约86万元), which says it is approximate, as 左右 does."""
    if cues.comparator:
        return _COMPARATORS[cues.comparator.group()]
    if fig.trailing in P.QUOTA_SUFFIX_COMPARATORS and cues.suffix_bound:
        return P.QUOTA_SUFFIX_COMPARATORS[fig.trailing]
    if about and value_max is None:
        return None
    return ">=" if value_max is not None else "=="


def _action(text: str, fig: _Figure, cues: _Cues, prev: Quota | None, subject: str | None) -> str | None:
    """What is counted: the verb between cue and number plus the noun after the unit."""
    left, first, period, comp = cues.left, cues.first, cues.period, cues.comparator
    noun = _counted(text, fig.end)
    if first is not None:
        verb = _strip_fillers(left[cues.cue_end:])
    else:  # a bare figure: the counted noun (5个窗口党支部), else the words before (编发简报30期)
        verb = "" if noun else _strip_fillers(left[-12:].lstrip("、"))
    if first is not None and not verb and period and comp and comp.start() > period.end():
        verb = _strip_fillers(left[period.end():comp.start()])  # 全年形成调研报告不少于3篇
    if first is not None and not verb and not noun and subject is None:
        verb = left[:first].strip()  # 入党积极分子培训率达到100%: the measure itself
    if prev is not None and cues.start == prev.end and prev.action and prev.action.endswith(left) and first is None:
        # 细化5个方面18项具体任务: the second figure shares the first one's verb
        verb = prev.action[: len(prev.action) - len(left)] if left else prev.action
    return (verb + noun) or None


_LISTED = re.compile(r"[、和及][\u4e00-\u9fff]{0,8}")  # 、隧道 between 186座 and 14座
_LISTED_ON = 9


_DECIMAL_UNITS = frozenset({"公里", "千米", "米", "亩", "吨", "元", "万元", "亿元", "公顷", "平方米", "万平方米", "小时"})
_COUNT_FOLLOWS = re.compile(r"[^，,。；;\n]{1,16}?(?:[0-9０-９]+|[一二两三四五六七八九十]+)(?:次|轮|遍)")


def _read(doc: Document, outline: Outline, m: re.Match[str], prev: Quota | None, floor: int,
          protected: SpanSet, used_periods: set[int], heads: "_ColumnHeads | None" = None) -> tuple[Quota | None, int | None]:
    """The quota at a figure, and where the next figure's cues start when not after it (a
    baseline between a period word and its figure leaves the period word to that figure)."""
    text = doc.text
    fig = _Figure.of(m)
    count = (fig.chinese and bool(P.QUOTA_CN_COUNT.match(fig.num))
             # 一 counts only closing its clause (召开联席会议一次，): elsewhere it is 一次性, 一件事
             and (fig.num != "一" or (text[fig.end:fig.end + 1] in _CLAUSE_END and fig.unit != "起")  # 发现一起、查处一起
                  # …or after the verb that holds it (开展了一次鼠疫防控应急演练, 组织一次抽查)
                  or (fig.unit in _HELD_UNITS and bool(P.QUOTA_HELD_BEFORE.search(text, max(0, fig.at - 5), fig.at))
                      and text[fig.end:fig.end + 1] != "性"))
             and (fig.unit in P.QUOTA_CN_COUNT_UNITS or (fig.unit in P.QUOTA_CN_COUNT_LARGE and (_cn_at_least(fig.num, 10) or not protected.contains(fig.at)))
                  or (fig.unit in P.QUOTA_CN_COUNT_TENS and _cn_at_least(fig.num, 10)
                      and not P.QUOTA_CN_SET_NAMED.match(text, fig.end))
                  or _counted_before(text, fig))
             and text[fig.at - 1:fig.at] not in _NOT_BEFORE_COUNT)  # 第十三次党代会 is an ordinal
    # a spoken decimal of a measure (一点二公里, 九点二吨) is a figure, never a formulation
    count = count or (fig.chinese and "点" in fig.num and fig.unit in _DECIMAL_UNITS)
    if fig.chinese and fig.num == "一" and _NONE_OCCURRED.search(text, max(0, fig.at - 4), fig.at):
        return None, None  # 未发生一起安全事故: none at all
    if fig.chinese and not fig.trailing and not count and (
            protected.contains(fig.at) or not _CUE_NEAR.search(text, max(0, fig.at - _MAX_PERIOD_GAP), fig.at)):
        return None, None  # most Chinese numerals (两个, 百年, 一课) have no cue anywhere near: skip early
    cues = _cues(text, fig, floor, count)
    if count and cues.period and not cues.period.group("every") and not cues.comparator \
            and "的" in text[cues.start + cues.period.end():fig.at]:
        # 全年请校纪委的同志来作了一次师德专题培训: a count by its verb, too far from the span's
        # word to be its total, is still a count (每个月把大家的意见汇总一次 is a rate all the same)
        cues = dataclasses.replace(cues, period=None)
    if _rejected(text, fig, cues, protected):
        return None, None
    if fig.unit.endswith("工作日") and fig.suffix == "以内" and not P.DURATION_TARGET.search(text, max(0, fig.at - 4), fig.at):
        return None, None  # 5个工作日以内答复 is a time limit; 办电时长压减至3个工作日以内 a duration to reach
    values = _values(fig)
    if values is None:
        return None, None
    value, value_max = values
    left_for_next = None
    if cues.period and not cues.period.group("total") and not cues.comparator \
            and (P.QUOTA_BASELINE.search(cues.left, cues.period.end())
                 # 每月对3座中型水库开展1次: what the count is of, when a count follows in the clause
                 or (cues.left[cues.period.end():].strip() in ("对", "为", "向")
                     and bool(_COUNT_FOLLOWS.match(text, fig.end)))):
        # 每季度对全县22个预防接种门诊开展1次: 22个 is what exists; 每季度 is the 1次's
        left_for_next = cues.start + cues.period.start()
        cues = _Cues(cues.start + cues.period.end(), cues.left[cues.period.end():], None, None, cues.suffix_bound,
                     cues.count)
    label = None if cues.period else (_label_period(text, cues, fig) or (heads.period_at(fig.at, fig.end) if heads else None))
    if cues.period:
        name, every = _period(cues.period)
        used_periods.add(cues.start + cues.period.start())
    elif label is not None:
        name, every = _period(label)
        used_periods.add(label.start())
    else:
        name, every = "total", 1
    first = cues.first
    about = (fig.at > cues.start and text[fig.at - 1] in P.QUOTA_APPROX_BEFORE and not fig.placeholder
             and text[fig.at - 2:fig.at] not in P.QUOTA_APPROX_WORDS)
    if about:  # (受众约4800人次 counts 受众, not 受众约)
        cues = dataclasses.replace(cues, left=cues.left[:-1])
    start = cues.start + first if first is not None else fig.at - about
    subject = _subject(cues.left[:first]) if first is not None else None
    baseline = (not cues.comparator and (cues.period is None or bool(cues.period.group("total")))
                and (bool(P.QUOTA_BASELINE.search(cues.left))
                     # 现有桥梁186座、隧道14座: the figures listed on with a baseline are baselines too
                     or (prev is not None and prev.baseline and 0 <= fig.at - prev.end <= _LISTED_ON
                         and bool(_LISTED.fullmatch(text, prev.end, fig.at)))))
    return Quota(text[start:fig.end], start, fig.end, task_path(outline, start), name, every,
                 _comparator(fig, cues, value_max, about), _tidy(value), _tidy(value_max), fig.unit, subject,
                 _action(text, fig, cues, prev, subject), _per_year(value, name, every, fig.unit), fig.placeholder,
                 baseline), left_for_next


class _ColumnHeads:
    """The cells of a Word table read cell by cell, to find a figure's column heading (年度目标 /
    上半年完成 over 8亿元 / 4.37亿元): the period the heading opens with is the figure's."""

    def __init__(self, doc: Document, cells: list) -> None:
        self.doc = doc
        self.starts = [p.start for p in cells]
        self.cells = cells
        self.heading = {}  # (table, column) → the text of the column's first cell
        for p in cells:
            self.heading.setdefault((p.cell.table, p.cell.col), doc.text[p.start:p.end])

    @classmethod
    def of(cls, doc: Document) -> "_ColumnHeads | None":
        cells = [p for p in doc.paragraphs if p.cell is not None]
        return cls(doc, cells) if cells else None

    def period_at(self, start: int, end: int) -> re.Match[str] | None:
        """The period of the heading over the cell the figure fills alone (its first row excepted)."""
        k = bisect.bisect_right(self.starts, start) - 1
        if k < 0:
            return None
        p = self.cells[k]
        if p.cell.row == 0 or not p.start <= start or end > p.end or len(_CELL_REST.sub("", self.doc.text[p.start:p.end])) \
                > end - start:
            return None
        head = self.heading.get((p.cell.table, p.cell.col), "")
        if len(head) > P.CELL_LABEL_CHARS:
            return None
        m = P.QUOTA_PERIOD.match(head)
        return m if m is not None and not m.group("total") and _period(m)[0] != "once" else None


_CELL_REST = re.compile(r"\s|以上|以内|左右")


def _label_period(text: str, cues: _Cues, fig: _Figure) -> re.Match[str] | None:
    """A figure alone in a table cell (全年到馆读者 / 130万人次以上): the period its row's label,
    the short line before it, opens with."""
    if cues.start == 0 or text[cues.start - 1] != "\n" or text[fig.end:fig.end + 1] not in ("\n", ""):
        return None
    prev_start = text.rfind("\n", 0, cues.start - 1) + 1
    label = text[prev_start:cues.start - 1]
    if not label or len(label) > P.CELL_LABEL_CHARS or P.CLAUSE_BREAK.search(label) or _DIGIT.search(label):
        return None
    m = P.QUOTA_PERIOD.match(text, prev_start, cues.start - 1)
    return m if m is not None and not m.group("total") and _period(m)[0] != "once" else None


def _spoken_percentages(doc: Document, outline: Outline, found: list[Quota]) -> Iterator[Quota]:
    """A percentage said in words, as a speech says it (诉前调解成功率是百分之三十一, 适用率达到了百分之
    七十六点三): in %, bound by the cue before it (达到, 不低于) or 以上 after it."""
    text = doc.text
    if "百分之" not in text:
        return
    taken = SpanSet([(q.start, q.end) for q in found])
    for m in P.PERCENT_WORDS.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        if m.group("whole") == "百" and not P.PERCENT_FULL_RATE.search(text, max(0, m.start() - 12), m.start()):
            continue
        whole = cn.parse_int(m.group("whole"))
        if whole is None:
            continue
        digits = "".join(str(cn.parse_int(c)) for c in (m.group("frac") or ""))
        value = float(f"{whole}.{digits}") if digits else whole
        if P.PERCENT_AT_LEAST_BEFORE.search(text, max(0, m.start() - 4), m.start()) or P.PERCENT_AT_LEAST_AFTER.match(text, m.end()):
            comparator = ">="
        elif P.PERCENT_AT_MOST_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            comparator = "<="
        else:
            comparator = "=="
        yield Quota(m.group(), m.start(), m.end(), task_path(outline, m.start()), "total", 1, comparator, value, None, "%",
                    None, None, None, False, False)


def _implied(doc: Document, outline: Outline, used_periods: set[int], found: list[Quota]) -> Iterator[Quota]:
    """每半月抽查督导: a periodic action with no number counts once per period."""
    text = doc.text
    taken = None
    # Only 每… and 按月/按季度 periods imply a count, and no other period contains 每: match at
    # each 每 and each 按.
    for p in sorted([*_EVERY.finditer(text), *_BY_PERIOD.finditer(text)], key=lambda m: m.start()):
        if p.group() in "每毎":
            p = P.QUOTA_PERIOD.match(text, p.start())
        if p is None or p.start() in used_periods or P.QUOTA_PERIOD_NOT.match(text, p.end()) \
                or _NOT_DONE_BEFORE.search(text, max(0, p.start() - 2), p.start()):
            continue  # 未能按季度开展谈心谈话 says it was not done: no count
        name, every = _period(p) if p.re is P.QUOTA_PERIOD else (P.PERIOD_NAMES[p.group("unit") or p.group("unit2")], 1)
        if name == "once":
            continue
        day = p.end() + (text[p.end():p.end() + 1] in _WEEKDAYS and p.group().endswith(("周", "星期", "礼拜")))
        rest = text[day:day + 40]
        brk = P.CLAUSE_BREAK.search(rest)
        clause = rest[: brk.start()] if brk else rest
        v = P.QUOTA_IMPLIED_VERBS.match(clause)
        v_start = v.start(1) if v else 0
        if v is None and _TOWARDS.match(clause):  # 每半月对……进行抽查督导: the last verbs
            runs = list(P.QUOTA_IMPLIED_VERBS.finditer(clause))
            v = runs[-1] if runs else None
            for a, b in zip(reversed(runs[:-1]), reversed(runs[1:])):
                if a.end() != b.start():
                    break
                v_start = a.start(1)
            v_start = v_start if runs and v_start else (v.start(1) if v else 0)
        if v is None or _VAGUE.search(clause):
            continue
        end = day + v.end()
        if taken is None:  # made at the first candidate: most documents have none
            taken = SpanSet((q.start, q.end) for q in found)
        if taken.overlaps(p.start(), end):
            continue
        cs = clause_start(text, p.start())
        action = clause[v_start:v.end()] + _counted(text, end)
        yield Quota(text[p.start():end], p.start(), end, task_path(outline, p.start()), name, every, "==", 1, None,
                    "次", _subject(text[cs:p.start()]), action, _per_year(1, name, every), False, False)
