"""Judging every leaf task of a plan against a summary."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from .. import lexicon
from .. import patterns as P
from ..analysis import Analysis
from ..extract.deadlines import DEADLINE, EVENT, PERIOD, Deadline
from ..extract.quotas import Quota
from ..extract.units import Unit
from ..structure import Outline, Task
from . import sentences as S
from .aligner import EvidenceAligner
from .checks import (HALF_ROUND, MET, about, asks_a_check, content_pairs, MISSED, UNMET, UNREPORTED, UNVERIFIABLE, DeadlineCheck, QuotaCheck, check_deadlines,
                     check_quotas, events_around, last_day, same_unit)
from .period import Period
from .model import Features, StatusModel, decide, negation_flagged, negation_holds
from .stage import needs_review
from .readings import Readings, activity_objects, audience_mask, conflicting, objects_conflict, readings
from .reasons import explain

_MAX_EVIDENCE = 3
_RELATIVE = 0.6  # evidence beside the best must score at least this share of it
_TIED = 2  # shared pairs of characters that tie a bare count to its requirement
_CONTEXT_FLOOR = 0.12  # sentences this weak never lend their figures to a quota check
_REQUIREMENT_REACH = 300  # a requirement sentence is never longer: a bound for the search
_REQUIREMENT_FLOOR = 0.2  # a requirement's best report this strong lends its figures to the checks
_CHAIN = 0.4  # a negation after the best evidence is about the task when it scores this share of it
_OWN_CHAIN = 0.3  # a requirement's own best report this strong has its negated rest read too
_REQ_SPLIT = re.compile(r"[。；;！？!?\n]")
_REQ_SPLIT_TARGET = re.compile(r"[^；;。\n]+")
_LABEL = re.compile(r"^[（(〔【；;]?\s*(?:" + "|".join(w for w, _ in P.UNIT_LABELS)
                    + r"|(?:完成|整改|办结)?时限|完成时间|时间节点|时间安排)\s*[:：]")  # (完成时限：8月底前 is checked as a date)
_MIN_REQ_CHARS = 4
_AND_ALSO = re.compile(r"[，,]并(?=对|于|在|将|向|把|按|及时|组织|开展|形成|建立|同步)")
_MIN_PART_CHARS = 6
# （县委两新工委）, （县委宣传部、县文明办）: who does it, after the sentence
_ASIDE = re.compile(r"[（(〔【](?:[\u4e00-\u9fff]{1,18}?(?:委员会|委|局|办|部|处|科|室|中心|股|队|所|站|院|会|政府|街道|单位|部门|组)"
                    r"[、，,]?)+[）)〕】]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR_SPAN = re.compile(r"(20[0-9]{2})\s*[—–\-－至到~～]\s*(20[0-9]{2})")
_PART_YEAR = re.compile(r"[上下]半年|第?[一二三四1-4]季度|(?:春|秋|春季|秋季|第[一二]|上|下|本)学期")


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int  # offsets into the summary's text
    end: int
    score: float
    section: str
    reading: str  # done | negated | future | problem

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "score": round(self.score, 3),
                "section": self.section, "reading": self.reading}


@dataclass(frozen=True)
class Item:
    task: Task
    start: int  # the judged text in the plan: plan.text[start:end] == text
    end: int
    text: str
    status: str
    score: float
    flags: tuple[str, ...]
    reason: str
    evidence: tuple[Evidence, ...]
    quota_checks: tuple[QuotaCheck, ...]
    deadline_checks: tuple[DeadlineCheck, ...]
    units: tuple[Unit, ...]
    features: Features
    certainty: float | None = None  # the trees' probability of the status; None: the thresholds decided

    @property
    def review(self) -> bool:
        """The trees are unsure of this verdict: an inspector should check it first."""
        return needs_review(self.certainty)

    def to_dict(self) -> dict[str, Any]:
        t = self.task
        return {"task": t.path, "heading": t.heading, "text": self.text, "start": self.start, "end": self.end,
                "status": self.status, "score": round(self.score, 3), "flags": list(self.flags),
                "certainty": self.certainty, "review": self.review,
                "reason": self.reason, "evidence": [e.to_dict() for e in self.evidence],
                "quota_checks": [q.to_dict() for q in self.quota_checks],
                "units": [{"name": u.name, "role": u.role, "cue": u.cue, "start": u.start, "end": u.end,
                           "task": u.task} for u in self.units],
                "deadlines": [d.to_dict() for d in self.deadline_checks]}


def requirements(text: str, base: int) -> list[tuple[str, int]]:
    """The task's requirement sentences (unit labels such as 牵头单位：…, and a bracket after the
    sentence naming who does it, are not requirements)."""
    out, pos = [], 0
    for m in [*_REQ_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[pos:end].strip()
        if len(_CJK.findall(piece)) >= _MIN_REQ_CHARS and not _LABEL.match(piece) and not _ASIDE.fullmatch(piece):
            out.append((piece, base + pos))
        pos = m.end() if m else len(text)
    return out


def _ancestors(outline: Outline, i: int) -> list[int]:
    out = []
    while i >= 0:
        out.append(i)
        i = outline.parents[i]
    return out


@dataclass(frozen=True)
class Judged:
    """A task the comparison judges: an outline task, or one target of a list of targets."""

    task: Task
    index: int  # of the outline task, or of the one a target stands in (-1: none)
    own_end: int  # where the task's own text ends (its first child, or its end)
    target: bool = False  # a target: its quotas and dates are those inside its own span


def judged(plan: Analysis) -> list[Judged]:
    """Every leaf task; every task with children that states its own quota or deadline
    (二、…2024年推出套餐不少于20个，具体包括：①…), judged on its text before the first child so that
    no requirement goes unchecked; and every target of a list of targets (主要预期目标是：…；…；…),
    which stands for the leaf task it is in, or for nothing when it is outside every task."""
    outline = plan.outline
    first_child: dict[int, int] = {}
    for j, p in enumerate(outline.parents):
        if p >= 0 and p not in first_child:
            first_child[p] = outline.tasks[j].start
    own = set(_by_task(outline, (*(x for x in plan.quotas if not x.baseline), *plan.deadlines)))
    targets = _targets(plan)
    out = []
    for i, t in enumerate(outline.tasks):
        if i not in first_child:
            if i not in targets:
                out.append(Judged(t, i, t.end))
        elif i in own:
            out.append(Judged(t, i, first_child[i]))
    for i, found in targets.items():
        out += [Judged(t, i, t.end, True) for t in found]
    out.sort(key=lambda j: j.task.heading_start)
    return out


def _targets(plan: Analysis) -> dict[int, list[Task]]:
    """The targets of each list of targets, by the index of the leaf task they stand in (-1 for
    a list outside every task).  A target's path is its task's path (or none) and 目标1, 目标2…"""
    text, outline = plan.document.text, plan.outline
    has_child = set(outline.parents)
    found: dict[int, list[Task]] = {}
    for p in plan.document.paragraphs:
        if p.source == "table":
            continue  # a table's columns (整改目标：…；整改措施：…) are no list of targets
        m = P.TARGET_LIST.search(text, p.start, p.end)
        if m is None:
            continue
        i = outline.innermost_index(m.start())
        if i >= 0 and i in has_child:
            continue  # a section with items of its own: they are judged
        pieces = [x for x in _REQ_SPLIT_TARGET.finditer(text, m.end(), p.end) if len(_CJK.findall(x.group())) >= 2]
        if len(pieces) < P.TARGET_MIN:
            continue
        parent = outline.tasks[i] if i >= 0 else None
        for x in pieces:
            s, e = x.span()
            while s < e and text[s] in " \t\u3000":
                s += 1
            n = len(found.get(i, [])) + 1
            seg = f"目标{n}"
            path = f"{parent.path}/{seg}" if parent else seg
            found.setdefault(i, []).append(Task(path, "", (parent.level + 1) if parent else 1, text[s:e], s, e,
                                                parent.path if parent else None, "target", n, s, e, True))
    return found


@dataclass(frozen=True)
class Queries:
    """What is looked for in the summary: for each judged task its whole own text, then each of
    its requirement sentences, as rows of one list (firsts[k] is task k's whole-text row)."""

    items: list[Judged]
    texts: list[str]
    bodies: list[str]  # each judged task's own text
    firsts: np.ndarray
    parts: np.ndarray | None = None  # per row: a clause that sets a figure, read for its requirement only

    def requirement_rows(self, k: int) -> slice:
        """The rows of task k's requirement sentences."""
        end = int(self.firsts[k + 1]) if k + 1 < len(self.firsts) else len(self.texts)
        return slice(int(self.firsts[k]) + 1, end)


@dataclass(frozen=True)
class Featured:
    """One judged task: its features and what the verdict's evidence and reason are made from."""

    task: Task
    index: int  # into plan.outline.tasks: the task, or the one a target stands in (-1: none)
    own_end: int  # where the task's own text ends (its first child, or its end)
    features: Features
    order: np.ndarray  # the best summary sentences, by falling score
    order_scores: np.ndarray  # and their scores
    quota_checks: tuple[QuotaCheck, ...]
    deadline_checks: tuple[DeadlineCheck, ...]
    negated: tuple[int, float] | None  # the best negated sentence and its score
    problem: tuple[int, float] | None  # the best sentence among the problems
    future: tuple[int, float] | None  # the best intention
    lookalike: int | None = None  # the sentence set aside as about another audience or domain


def queries(plan: Analysis) -> Queries:
    ptext = plan.document.text
    items = judged(plan)
    texts: list[str] = []
    bodies: list[str] = []
    firsts: list[int] = []
    parts: list[int] = []
    for j in items:
        t = j.task
        body = ptext[t.heading_start:j.own_end]
        bodies.append(body)
        firsts.append(len(texts))
        # who does it (（集团纪委牵头，信息中心配合）) says nothing of what is done: a report by the
        # same units about other work is no evidence
        texts.append(P.ASSIGNED.sub("", body))
        pieces = [piece for piece, _ in requirements(body, t.heading_start)]
        # (the second part of a compound requirement on its own: …，并于12月底前形成年度分析报告)
        texts += pieces + [piece[m.end():] for piece in pieces for m in [_AND_ALSO.search(piece)]
                           if m and len(_CJK.findall(piece[m.end():])) >= _MIN_PART_CHARS]
        # (…and a clause that sets its own figure, 组织SYB创业培训不少于600人次 after 举办…大赛: a part
        # of the task that a report may leave out)
        clauses = [c for piece in pieces for c in _figure_clauses(piece)]
        parts += range(len(texts), len(texts) + len(clauses))
        texts += clauses
    part_rows = np.zeros(len(texts), dtype=bool)
    part_rows[parts] = True
    return Queries(items, texts, bodies, np.array(firsts, dtype=np.int64), part_rows)




def _figure_clauses(piece: str) -> list[str]:
    """The clauses of a requirement sentence of several clauses that hold a figure of their own."""
    clauses = [c for c in _PART_SPLIT.split(piece) if c]
    if len(clauses) < 2:
        return []
    return [c for c in clauses if _FIGURE.search(c) and len(_CJK.findall(c)) >= _MIN_PART_CHARS]


_PART_SPLIT = re.compile(r"[，,；;]")
_FIGURE = re.compile(r"[0-9０-９]+\s*(?:%|％|[\u4e00-\u9fff])")


def lookalike_words(task: str, sentence: str) -> tuple[str, str] | None:
    """(the task's word, the sentence's word) of a category in which they name different groups
    and share none: 患者 and 职工."""
    aud = lexicon.audiences()
    mine: dict[str, dict[str, str]] = {}
    theirs: dict[str, dict[str, str]] = {}
    for text, out in ((task, mine), (sentence, theirs)):
        for w in aud.regex.findall(text):
            for cat, group in aud.groups(w):
                out.setdefault(cat, {}).setdefault(group, w)
    for cat, groups in mine.items():
        other = theirs.get(cat, {})
        if other and not set(groups) & set(other):
            return next(iter(groups.values())), next(iter(other.values()))
    return None
@dataclass(frozen=True)
class _Reported:
    """The summary's figures and dates, in order, for the checks."""

    quotas: list[Quota]
    quota_starts: list[int]
    sentence_starts: list[int]
    deadlines: tuple[Deadline, ...]
    placeholders: list[int]  # where the summary's unfilled numbers are
    deadline_starts: list[int]  # of deadlines, which are in document order
    periods: tuple[Deadline, ...] = ()  # dates of kind period, in document order
    period_starts: tuple[int, ...] = ()
    abouts: dict = field(default_factory=dict)  # what each figure is about, read once for all tasks
    # per figure: the sentence it stands in, or -1 when that sentence reports nothing (read once,
    # not per task that looks at it)
    quota_sentence: list[int] = field(default_factory=list)
    facts: dict = field(default_factory=dict)  # what each figure's own words say (check_quotas's facts)

    @classmethod
    def of(cls, summary: Analysis, sents: Sequence[S.Sentence]) -> "_Reported":
        # what exists is no report, nor is what was planned in a report's table (计划 / 完成);
        # a figure in a table cell is about its row's label
        cells = S.table_cells(summary.document)
        cell_starts = [c.start for c in cells]

        def cell_of(x: Quota) -> S.TableCell | None:
            i = bisect.bisect_right(cell_starts, x.start) - 1
            return cells[i] if i >= 0 and x.start < cells[i].end else None

        quotas, abouts = [], {}
        stext = summary.document.text
        pasted = S.pasted_table_planned(summary.document)  # (a table pasted one cell per line: 全年目标)
        for x in sorted((x for x in summary.quotas if not x.baseline), key=lambda x: x.start):
            if _OWED.search(stext, max(0, x.start - _OWED_REACH), x.end) \
                    or _SET_BEFORE.search(stext, max(0, x.start - _SET_REACH), x.start):
                continue  # what is still owed is no report: 每个班每周要达到3次, 力争全年不少于20场
                # (nor what was set: 今年定的是20户, 原计划每个季度开一次)
            if pasted and any(a <= x.start < b for a, b in pasted):
                continue
            cell = cell_of(x) if cells else None
            if cell is not None and cell.planned:
                continue
            if cell is not None and cell.label:
                abouts[x.start] = about(cell.label)
            quotas.append(x)
        # when things were done: the summary's dates but the spans of its figures and effective dates
        done = tuple(d for d in summary.dates if d.kind in (EVENT, DEADLINE))
        unfilled = sorted(w.start for w in summary.warnings if w.code == "placeholder" and w.start is not None)
        done = tuple(sorted(done, key=lambda d: d.start))
        periods = tuple(sorted((d for d in summary.dates if d.kind == PERIOD and d.date), key=lambda d: d.start))
        starts = [s.start for s in sents]
        where = [bisect.bisect_right(starts, x.start) - 1 for x in quotas]
        where = [j if j >= 0 and sents[j].start <= x.start < sents[j].end and sents[j].reports else -1
                 for j, x in zip(where, quotas)]
        return cls(quotas, [x.start for x in quotas], starts, done, unfilled, [d.start for d in done],
                   periods, tuple(d.start for d in periods), abouts, where)

    def covers(self, reported: Sequence[Quota], sents: Sequence[S.Sentence],
               since: dt.date | None = None) -> dict[int, int]:
        """Months a reported total covers when a period date opens it in its sentence: 1-11月，
        共组织练兵11次 and 截至11月底，累计… cover 11 months; in a campaign (since: its first day)
        截至7月底 covers the months from the campaign's first."""
        out = {}
        for x in reported:
            if x.period != "total":
                continue
            s = _sentence_at(sents, self.sentence_starts, x.start)
            i = bisect.bisect_left(self.period_starts, x.start) - 1
            if i >= 0 and s.start <= self.periods[i].start:
                m = _months(self.periods[i], since)
                if m:
                    out[x.start] = m
        return out

    def unfilled_in(self, s: S.Sentence) -> bool:
        """The sentence holds an unfilled number (xx人次, **篇)."""
        i = bisect.bisect_left(self.placeholders, s.start)
        return i < len(self.placeholders) and self.placeholders[i] < s.end

    def unfilled_of(self, s: S.Sentence, task: str, text: str) -> bool:
        """An unfilled figure of the sentence is said of something the task names: the clause
        before it shares a word with the task (…开展廉政谈话xx人次 for 廉政谈话, not 编发工作简报**期
        for a 领导小组 set up)."""
        mine = content_pairs(task)
        for q in self.figures_in(s):
            clause = P.COMPARE_CLAUSE_BREAK.split(text[s.start:q.start])[-1]
            rate = _RATE_BEFORE.search(clause)
            if q.placeholder and content_pairs(clause) & mine and (rate is None or rate.group(1) in task):
                return True  # (参加率达到XX% stands for no figure of a task that asks no 参加率)
        return False

    def unfilled_for(self, s: S.Sentence, quotas: Sequence[Quota], plan_text: str, text: str) -> bool:
        """The sentence holds an unfilled number that may stand for one of the task's figures: not
        a count of people beside a count of occasions (**名书记参加 for 举办读书班1期), nor a count
        of another kind of event (讲党课XX场次 for 宣讲1次)."""
        if not self.unfilled_in(s):
            return False
        mine = [q for q in self.figures_in(s) if q.placeholder]
        if not mine:
            return True  # (an unfilled number that is no figure: whatever it stands for)
        owns = [(q, events_around(plan_text, q.start, q.end)) for q in quotas]
        for r in mine:
            theirs = events_around(text, r.start, r.end)
            for q, own in owns:
                if same_unit(q.unit, "次") and same_unit(r.unit, "人"):
                    if _ASKS_ALL.search(plan_text, q.end, q.end + _PRODUCT_REACH):
                        return True  # (举办…培训班1期，实现全院员额检察官轮训全覆盖: XX人参加 is what would show it)
                    continue
                if r.unit and q.unit and not same_unit(q.unit, r.unit) and same_unit(q.unit, "次") \
                        and r.unit in _PRODUCT_UNITS and not _product_asked(text, r, plan_text, q):
                    continue  # (心得体会**篇 stands for no 专题辅导报告不少于4场; 复盘报告**份 for 每月…复盘，形成复盘报告 does)
                if own and theirs and not own & theirs:
                    continue
                return True
        return False

    def only_unfilled(self, s: S.Sentence) -> bool:
        """The sentence's figures are all unfilled numbers, and it holds one."""
        return self.unfilled_in(s) and all(q.placeholder for q in self.figures_in(s))

    def periods_in(self, s: S.Sentence) -> tuple[Deadline, ...]:
        """The summary's period dates (第一季度, 1-11月) inside the sentence."""
        return self.periods[bisect.bisect_left(self.period_starts, s.start):bisect.bisect_left(self.period_starts, s.end)]

    def figures_in(self, s: S.Sentence) -> list[Quota]:
        """The summary's figures inside the sentence."""
        return self.quotas[bisect.bisect_left(self.quota_starts, s.start):bisect.bisect_left(self.quota_starts, s.end)]

    def dates_in(self, s: S.Sentence) -> tuple[Deadline, ...]:
        """The summary's dates inside the sentence (completions and limits, not periods)."""
        return self.deadlines[bisect.bisect_left(self.deadline_starts, s.start):
                              bisect.bisect_left(self.deadline_starts, s.end)]


def _quota_checks(quotas: list[Quota], context: list[int], sents: Sequence[S.Sentence], rep: _Reported,
                  period: Period, annual: bool, plan: Analysis, summary: Analysis,
                  other_audience: Any = None, whole: set[int] = frozenset()) -> list[QuotaCheck]:
    """The task's quotas against the figures of its context: the reporting sentences close to it
    and the summary items they sit in, but for sentences about another audience or domain than
    the quota's (a 群众满意度测评 answers no 企业满意度测评 quota).  other_audience(quota) gives
    a predicate of a sentence's index that says so, or None when the quota names no group."""
    if not quotas:
        return []
    stext = summary.document.text
    spans = [sents[j].context for j in context] + [(sents[j].start, sents[j].end) for j in context]
    # a sentence that names the work and counts nothing, then its figures in the next one
    # (义诊这块做得不够。…全年只在四月和十月搞了两回)
    spans += [(sents[j + 1].start, sents[j + 1].end) for j in context
              if j + 1 < len(sents) and "\n" not in stext[sents[j].end:sents[j + 1].start]
              and sents[j + 1].start - sents[j].end <= 1 and not rep.figures_in(sents[j])]
    seen: set[int] = set()
    for a, b in spans:
        seen.update(range(bisect.bisect_left(rep.quota_starts, a), bisect.bisect_left(rep.quota_starts, b)))
    found = [(rep.quotas[x], rep.quota_sentence[x]) for x in sorted(seen) if rep.quota_sentence[x] >= 0]
    evidence = [(sents[j].text, sents[j].start) for j in context]
    # …and each with the next sentence of its paragraph, which may count what it found done
    # (共发现一般隐患37处，均已建立隐患台账。截至6月底，已完成整改33处)
    evidence += [(stext[sents[j].start:sents[j + 1].end], sents[j].start) for j in context
                 if j + 1 < len(sents) and "\n" not in stext[sents[j].end:sents[j + 1].start]
                 and sents[j + 1].start - sents[j].end <= 1]
    # quotas that keep the same figures are checked together (most tasks set none aside)
    groups: dict[tuple[bool, tuple[int, ...]], list[Quota]] = {}
    every = tuple(range(len(found)))
    for q in quotas:
        aside = other_audience(q) if other_audience is not None else None
        keep = every if aside is None else tuple(n for n, (_, i) in enumerate(found) if not aside(i))
        groups.setdefault((id(q) in whole, keep), []).append(q)
    checked: dict[int, QuotaCheck] = {}
    for (due_whole, keep), qs in groups.items():
        reported = [found[n][0] for n in keep]
        for q, c in zip(qs, check_quotas(qs, reported, period.months, annual and not due_whole, plan.document.text,
                                         summary.document.text, evidence, rep.covers(reported, sents, period.since if period.campaign else None),
                                         period.weeks, rep.abouts, period.due_months, rep.facts)):
            checked[id(q)] = c
    return [checked[id(q)] for q in quotas]


def _product_asked(text: str, r: Quota, plan_text: str, q: Quota) -> bool:
    """What the unfilled figure counts (心得体会 in 共撰写心得体会**篇) is named beside the requirement."""
    mark = P.PLACEHOLDER.search(r.text)
    at = r.start + (mark.start() if mark else 0)
    counted = _NOT_CJK.sub("", P.COMPARE_CLAUSE_BREAK.split(text[max(0, at - _COUNTED_REACH):at])[-1])[-4:]
    around = plan_text[max(0, q.start - _PRODUCT_REACH):q.end + _PRODUCT_REACH]
    return _shares_pair(counted, around)


_PRODUCT_REACH = 30
_ASKS_ALL = re.compile(r"全覆盖|全员|全体[\u4e00-\u9fff]{0,8}(?:参加|参训|轮训)")
_COUNTED_REACH = 12
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]")
_PRODUCT_UNITS = frozenset({"篇", "份", "册", "本", "条", "幅", "部"})  # what is written or made, not held
_PERIODIC = frozenset({"year", "half_year", "quarter", "month", "half_month", "week", "term"})
_ONE_EVENT_UNITS = frozenset({"次", "场", "期", "轮"})


def _held_once(c: QuotaCheck, d: Deadline) -> QuotaCheck:
    """The check answered by one occasion, on the date or in the period d says (仅3月12日1次)."""
    once = Quota(d.text, d.start, d.end, None, "total", 1, None, 1, None, c.quota.unit, None, None, None, False, False)
    return dataclasses.replace(c, reported=once, reported_value=1, verdict=UNMET, derived=f"仅{d.text}1{c.quota.unit}")


def _one_dated_event(checks: list[QuotaCheck], best: list[int], sents: Sequence[S.Sentence],
                     rep: _Reported) -> list[QuotaCheck]:
    """A periodic count nobody reports as a figure, while the best evidence tells of one dated
    occasion and counts nothing (3月12日，我院…召开府院联席会议 for 每季度至少召开1次 over a half
    year): once, by its date."""
    if not best or not any(c.verdict == UNREPORTED for c in checks):
        return checks
    s = sents[best[0]]
    if not s.affirmative or not P.COMPLETION_VERB.search(s.text):
        return checks
    dated = []
    for j in best:  # (the evidence beside it tells of no other occasion and counts none either)
        if any(q.unit in _ONE_EVENT_UNITS for q in rep.figures_in(sents[j])) or (j == best[0] and rep.figures_in(sents[j])):
            return checks
        dated += [d for d in rep.dates_in(sents[j]) if d.kind == EVENT and d.date]
    if len(dated) != 1 or dated[0].date_from is not None or not s.start <= dated[0].start < s.end:
        return checks
    d = dated[0]
    out = []
    for c in checks:
        if c.verdict == UNREPORTED and c.quota.period in _PERIODIC and c.comparator == ">=" \
                and c.quota.unit in _ONE_EVENT_UNITS and c.required is not None and c.required >= 2:
            c = _held_once(c, d)
        out.append(c)
    return out


def _held_one(checks: list[QuotaCheck], best: list[int], sents: Sequence[S.Sentence], rep: _Reported,
              plan_text: str, summary_text: str) -> list[QuotaCheck]:
    """One occasion asked (举办督察业务培训班1期) nobody reports as a figure, while the best evidence
    says an occasion of that kind about the same thing was held and counts no occasions (8月下旬，
    举办全市法院督察业务培训班，…52人参加培训): held once, by the words that say so."""
    if not best or not any(c.verdict == UNREPORTED for c in checks):
        return checks
    s = sents[best[0]]
    done = P.COMPLETION_VERB.search(s.text)
    if not s.affirmative or s.negated or done is None or rep.unfilled_in(s) \
            or any(q.unit in _ONE_EVENT_UNITS for q in rep.figures_in(s)):
        return checks
    said = events_around(summary_text, s.start, s.end)
    words = content_pairs(s.text)
    out = []
    for c in checks:
        q = c.quota
        # (an occasion of the same kind about the same thing: 防汛应急演练 is no 消防疏散演练)
        if c.verdict == UNREPORTED and q.period not in _PERIODIC and c.comparator == ">=" and q.value == 1 \
                and c.required == 1 and q.unit in _ONE_EVENT_UNITS and (kind := events_around(plan_text, q.start, q.end)) \
                and kind & said and len((content_pairs(_occasion_of(plan_text, q)) & words) - _event_pairs(kind)) >= _HELD_WORDS:
            once = Quota(done.group(), s.start + done.start(), s.start + done.end(), None, "total", 1, None, 1, None,
                         q.unit, None, None, None, False, False)
            c = dataclasses.replace(c, reported=once, reported_value=1, verdict=MET, derived=f"1{q.unit}")
        out.append(c)
    return out


def _occasion_of(text: str, q: Quota) -> str:
    """The words of its clause that name the occasion a figure counts: those after it when they
    name a kind of event (开展1次档案库房消防应急疏散演练), else those before it (举办督察业务培训班1期)."""
    lo = max((m.end() for m in P.COMPARE_CLAUSE_BREAK.finditer(text, max(0, q.start - _CLAUSE_REACH), q.start)),
             default=max(0, q.start - _CLAUSE_REACH))
    hi = P.COMPARE_CLAUSE_BREAK.search(text, q.end, q.end + _CLAUSE_REACH)
    after = text[q.end:hi.start() if hi else min(len(text), q.end + _CLAUSE_REACH)]
    return after if events_around(after, 0, len(after)) else text[lo:q.start]


def _event_pairs(kinds: frozenset[str]) -> frozenset[str]:
    """The pairs of characters of the kinds of event and of their words in the concept lexicon."""
    concepts = lexicon.concepts()
    return frozenset(p for w, k in concepts.of.items() if k in kinds for p in content_pairs(w)) \
        | frozenset(p for k in kinds for p in content_pairs(k))


_CLAUSE_REACH = 40
_HELD_WORDS = 2
_PERIOD_MONTHS = {"quarter": 3, "month": 1}


def _one_period_told(checks: list[QuotaCheck], best: list[int], sents: Sequence[S.Sentence],
                     rep: _Reported) -> list[QuotaCheck]:
    """A periodic count nobody reports as a figure of occasions, while the best evidence opens on
    one of the periods and tells of the work in it (第一季度评选“党员先锋岗”12个 for 每季度评选一次
    over a half year), and the evidence beside it names no other: once, in that period."""
    if not best or not any(c.verdict == UNREPORTED and c.quota.period in _PERIOD_MONTHS for c in checks):
        return checks
    s = sents[best[0]]
    if not s.affirmative:
        return checks
    told = [d for j in best for d in rep.periods_in(sents[j])]
    if len(told) != 1 or not s.start <= told[0].start <= s.start + _OPENING_REACH:
        return checks
    d, months = told[0], _months(told[0])
    lead = s.text[:d.start - s.start]
    if "、" in lead or "和" in lead or "各" in s.text[d.end - s.start:d.end - s.start + _OPENING_REACH * 3]:
        return checks  # (二、三季度各开展一次: each of a list of periods)
    out = []
    for c in checks:
        if c.verdict == UNREPORTED and months == _PERIOD_MONTHS.get(c.quota.period) and c.comparator == ">=" \
                and c.quota.unit in _ONE_EVENT_UNITS and c.required is not None and c.required >= 2 \
                and not any(same_unit(r.unit, c.quota.unit) for j in best for r in rep.figures_in(sents[j])):
            c = _held_once(c, d)
        out.append(c)
    return out


_OPENING_REACH = 4  # (一是第一季度…: where a sentence's own time is said)


def _listed_events(checks: list[QuotaCheck], context: list[int], sents: Sequence[S.Sentence], rep: _Reported,
                   requirement: Callable[[Quota], str]) -> list[QuotaCheck]:
    """A periodic count nobody reports as a figure, while a report of it lists its occasions by
    their dates (分别于7月、12月将…形成书面材料，报送市委、市政府 for 每半年向市委、市政府报告1次):
    as many as the dates listed.  requirement(quota): the quota's own requirement sentence, which
    the report must share words with."""
    if not context or not any(c.verdict in (UNREPORTED, UNMET) for c in checks):
        return checks
    out = []
    for c in checks:
        q = c.quota
        # (a shortfall read from a figure outside the best evidence, while the best evidence lists
        # the occasions: 分别于3月、6月、9月、12月组织…考核 beside …两次 of something else)
        elsewhere = c.verdict == UNMET and c.reported is not None \
            and not sents[context[0]].start <= c.reported.start < sents[context[0]].end
        if (c.verdict == UNREPORTED or elsewhere) and q.period in _PERIODIC and c.comparator == ">=" \
                and q.unit in _ONE_EVENT_UNITS and c.required is not None:
            mine = content_pairs(requirement(q))
            for j in context if c.verdict == UNREPORTED else context[:1]:
                listed = _listed_dates(sents[j], rep)
                if len(listed) >= 2 and content_pairs(sents[j].text) & mine:
                    n, a, b = len(listed), listed[0], listed[-1]
                    said = Quota(sents[j].text[a.start - sents[j].start:b.end - sents[j].start], a.start, b.end, None,
                                 "total", 1, None, n, None, q.unit, None, None, None, False, False)
                    c = dataclasses.replace(c, reported=said, reported_value=float(n),
                                            verdict=MET if n >= c.required - (HALF_ROUND if c.required != q.value else 0) - 1e-9 else UNMET,
                                            derived=f"{n}{q.unit}")
                    break
        out.append(c)
    return out


def _listed_dates(s: S.Sentence, rep: _Reported) -> list[Deadline]:
    """The event dates a sentence lists after 分别于 / 先后于 (7月、12月), in its clause, when the
    clause counts nothing itself (分别于4月、6月两次召开 is read from its figure)."""
    m = P.LISTED_DATES.search(s.text)
    if m is None:
        return []
    brk = P.COMPARE_CLAUSE_BREAK.search(s.text, m.end())
    lo, hi = s.start + m.end(), s.start + (brk.start() if brk else len(s.text))
    if any(lo <= x.start < hi for x in rep.figures_in(s)):
        return []
    # (a part of a month is one occasion: 分别于3月、6月、9月和12月上旬)
    dates = [d for d in rep.dates_in(s) if lo <= d.start < hi and d.kind == EVENT and d.date
             and (d.date_from is None or d.date_from[:7] == d.date[:7])]
    # the dates follow one another, joined by 、/和/及 only
    for a, b in zip(dates, dates[1:]):
        if not P.LISTED_DATES_JOIN.fullmatch(s.text[a.end - s.start:b.start - s.start]):
            return []
    return dates if dates and dates[0].start - lo <= 1 else []


_SO_FAR = re.compile(r"\s*(?:截至目前|截止目前|目前|到目前为止|至今)[，,]")
_NEGATION_OWNER = 0.8  # a negated sentence counts for a task scoring at least this share of its best task's
_NEGATION_SHARED = 3  # …and for none when that many tasks score so
_ANOTHERS = 0.3  # a sentence some other task fits this well, and clearly better, is that task's
_CUTOFF = re.compile(r"截[至止]")
_OWED = re.compile(r"(?:要|应|须|需|力争|争取)(?:达到|不少于|不低于|至少|确保|保证)")
_OWED_REACH = 4
_SET_BEFORE = re.compile(r"(?:原计划|原定|原拟|定的是|定下的是|目标是|目标为|任务是|任务为|计划是|计划为)\s*$")
_SET_REACH = 5
_ONE_OFF = frozenset({"total", "once", "year"})  # quota periods whose figure is one completion
_ITEM_REACH = 6  # sentences either side of the evidence that may share its summary item


_STAGE_TIE = 0.95  # evidence this close to the best reports the same task, maybe another stage of it


def _deadline_checks(deadlines: list[Deadline], context: list[int], sents: Sequence[S.Sentence], rep: _Reported,
                     period: Period, figured: Sequence[int] = (),
                     anothers: Callable[[int], bool] = lambda i: False,
                     scores: dict[int, float] | None = None, checks_asked: bool = False,
                     plan_text: str | None = None, recurring: bool = False) -> list[DeadlineCheck]:
    """The task's dated limits against the completion date of the best evidence that gives one:
    a sentence whose figure meets one of the task's quotas (截至6月25日，已清退患者费用38.6万元;
    6月底前…网上采购率均达到100%: the figure is the completion), else the first sentence, by
    score, that reports a completion with a date (a later date in a neighbouring sentence is
    about something else).  With several dated limits, evidence that fits the task as well as
    that sentence (scores: sentence → score) may report another stage's completion.  recurring:
    the task asks for work each period, so of occasions listed by their dates (分别于9月、11月…开展专题
    研讨) the first tells when the work began to be done; the later ones are its next rounds."""
    if not deadlines:
        return []

    def completions(j: int, verb: bool = True) -> list:
        s = sents[j]
        dates = rep.dates_in(s)
        # (not when the work began: 7月起按月交换…)
        out = [(d, s) for d in dates if d.date and not P.WHOLE_YEAR_DATE.fullmatch(d.text)
               and not _STARTS.match(s.text, d.end - s.start)] \
            if dates and (not verb or P.COMPLETION_VERB.search(s.text)) else []
        if recurring and len(out) > 1 and P.LISTED_DATES.search(s.text):
            out = out[:1]
        elif recurring and _A_ROUND.search(s.text):
            out = []  # (10月份开展下半年内控专项检查: a round of the work asked each half year, no completion)
        if not verb:  # the figure's own cut-off says it was reached by then (截至6月25日，已清退…38.6万元),
            # not when: a later cut-off than every limit tells nothing
            lo, hi = bisect.bisect_left(rep.period_starts, s.start), bisect.bisect_left(rep.period_starts, s.end)
            out += [(d, s) for d in rep.periods[lo:hi] if _CUTOFF.match(d.text) and not d.date_from
                    and last_day(d.date) <= latest]
        return out

    latest = max((last_day(d.date) for d in deadlines if d.date), default="")
    reported: list = []
    candidates = _with_followers(context[:_MAX_EVIDENCE], sents, anothers)
    if plan_text is not None:
        # the evidence that names the document a limit is for (9月底前出台《…实施办法》 against 10月，印发
        # 《…实施办法》) dates it before a better-scored sentence about the same work (8月，召开…推进会)
        titles = {t for d in deadlines if d.date for t in _TITLE.findall(_limit_clause(plan_text, d))}
        named = [i for i in candidates if any(t in sents[i].text for t in titles) and P.COMPLETION_VERB.search(sents[i].text)]
        candidates = named + [i for i in candidates if i not in named]
    for j in [*figured, *candidates]:
        # (a figure's sentence dates it by the date it opens with (6月底前，…采购率均达到100%) or by a
        # completion; 3月上旬即下达了…计划 beside the figure dates nothing)
        reported = [x for x in completions(j, verb=j not in figured)
                    if x[0].start - x[1].start <= _LEAD or P.COMPLETION_VERB.search(x[1].text)]
        # (a figure's sentence that says the work began dates no completion: 4月上旬，23个小区的…改造
        # 同步开工, and the next sentence says when it was finished)
        if any(P.COMPLETION_VERB.search(s.text) or (j in figured and not _BEGUN.search(s.text)) for _, s in reported):
            # the rest of the summary's item on it may say the same work came late for another
            # subject (县人民医院于3月下旬印发；县中医医院…4月20日才印发): that completion counts too
            # (西岭区大队…首轮排查至2月中旬才全部完成), and so may other evidence of the task
            ctx, verbs = sents[j].context, set(P.COMPLETION_VERB.findall(sents[j].text))
            mates = [i for i in candidates if i != j]
            if ctx != (sents[j].start, sents[j].end):
                mates += [i for i in range(max(0, j - _ITEM_REACH), min(len(sents), j + _ITEM_REACH + 1))
                          if i != j and sents[i].context == ctx and i not in candidates]
            # (and the rest of its own item, read on from it, whatever it finished late: …梳理完成；
            # 《手册》…7月中旬才经党委会审议后印发)
            # (not a sentence another task fits clearly better: 12座危桥…主体工程至7月中旬才全部完成 in
            # the item beside 全年完成农村公路新改建82.6公里…均于10月下旬完工)
            # (nor one that shares no word with the task: 查验补种工作至10月中旬才全部完成 beside
            # 3月中旬，完成…接种率调查评估, in one item of several tasks)
            # (a part done first says the rest was done when the item goes on to say: 其中10个标段于5月底前
            # 完成招标并签订合同；第7标段…于6月下旬完成合同签订)
            part = bool(_PART_DONE.match(sents[j].text))
            # (or a late completion of what a limit's own clause names: 6月10日前全部整改到位 against
            # 其余8处…于7月中旬才全部整改完成, after the evidence that dates the inspections)
            limited = frozenset().union(*(content_pairs(_limit_clause(plan_text, d)) for d in deadlines if d.date)) \
                if plan_text is not None else frozenset()
            reported += [x for i in mates if not anothers(i)
                         and (scores is None or scores.get(i, 0.0) > 0.0 or i == j + 1)
                         and (verbs & {m.group(1) for m in P.LATE_COMPLETION.finditer(sents[i].text)}
                              or (i in candidates and bool(limited & content_pairs(
                                  "".join(m.group() for m in P.LATE_COMPLETION.finditer(sents[i].text)))))
                              or (part and i > j and sents[i].context == ctx and verbs & set(P.COMPLETION_VERB.findall(sents[i].text)))
                              or (i == j + 1 and _late_follower(sents[j], sents[i])))
                         for x in completions(i)]
            if scores and sum(1 for d in deadlines if d.date) > 1 and j in scores:
                # 10月底前完成认定；11月底前完成评审 against 10月中旬完成…认定 and 11月20日前完成…评审,
                # two sentences that fit the task alike: each dates its own stage
                reported += [x for i in candidates if i != j and not anothers(i)
                             and scores.get(i, 0.0) >= _STAGE_TIE * scores[j] for x in completions(i) if x not in reported]
            if plan_text is not None and sum(1 for d in deadlines if d.date) > 1:
                # 3月底前，各学校…开展全面自查；4月底前，县教育局…实现督查全覆盖 against 3月份…完成…自查 and
                # 至5月中旬完成…全覆盖督查: the evidence that says a limit's own clause best dates that stage
                reported += [x for i in _stage_reports(deadlines, candidates, sents, plan_text, j)
                             if not anothers(i) for x in completions(i) if x not in reported]
            break
    if candidates:
        # what the best evidence goes on to expect (…目前已完成主体布线，预计10月中旬竣工): not done
        # by then, so no earlier limit is kept
        j = candidates[0]
        reported += [x for i in range(j + 1, min(len(sents), j + 3)) if sents[i].context == sents[j].context
                     and sents[i].reading == "future" and _EXPECTED_DONE.match(sents[i].text)
                     for x in completions(i)]
    return check_deadlines(deadlines, reported, period.end, checks_asked)


def _stage_reports(deadlines: list[Deadline], candidates: list[int], sents: Sequence[S.Sentence],
                   plan_text: str, j: int) -> list[int]:
    """For each dated limit, the candidate sentence (not j) that shares the most words with the
    limit's own clause, when it shares at least _STAGE_WORDS and more than with any other limit's."""
    clauses = [content_pairs(_limit_clause(plan_text, d)) for d in deadlines if d.date]
    said = {i: content_pairs(sents[i].text) for i in candidates}
    out = []
    for mine in clauses:
        best, best_n = None, _STAGE_WORDS - 1
        for i in candidates:
            theirs = said[i]
            n = len(mine & theirs)
            if i != j and n > best_n and all(n > len(other & theirs) for other in clauses if other is not mine):
                best, best_n = i, n
        if best is not None and best not in out:
            out.append(best)
    return out


def _limit_clause(plan_text: str, d: Deadline) -> str:
    """The words a limit sets its date for: from it to the end of its sentence or clause group."""
    m = _LIMIT_END.search(plan_text, d.end)
    return plan_text[d.start:m.start() if m else len(plan_text)]


_LIMIT_END = re.compile(r"[。；;\n]")
_TITLE = re.compile(r"《[^《》]{2,40}》")
_STAGE_WORDS = 4
_A_ROUND = re.compile(r"(?:[上下]半年度?|第[一二三四]季度)的?[\u4e00-\u9fff]{0,6}?(?:检查|督查|巡查|抽查|评估|研判|分析|演练|考核|会议)")
_PART_DONE = re.compile(r"\s*其中(?:[0-9]+|[一二两三四五六七八九十]+)[个项家所座条处]")
_LEAD = 2  # a date this close to its sentence's start leads it (6月底前，…均达到100%)
_EXPECTED_DONE = re.compile(r"\s*(?:预计|预期|计划|争取|力争)")


_PLAN_SENTENCE_END_CHARS = "。！？!?\n"
_PLAN_SENTENCE_END = re.compile(f"[{_PLAN_SENTENCE_END_CHARS}]")


def _due_whole(text: str, quota: Quota, limits: Sequence[Deadline], period: Period) -> bool:
    """The quota's own sentence sets dated time limits, and the latest falls inside the period."""
    if period.end is None:
        return False
    lo = max(text.rfind(c, max(0, quota.start - 400), quota.start) + 1 for c in _PLAN_SENTENCE_END_CHARS)
    hi_m = _PLAN_SENTENCE_END.search(text, quota.end)
    hi = hi_m.start() if hi_m else len(text)
    # a limit under a label (整改时限：2025年5月31日前, a task table's column) is the whole task's, and
    # so is one told as a sentence of its own right after the quota's (…互认项目不少于30项。2025年6月底前完成。)
    dates = [last_day(d.date) for d in limits if d.date and ((lo <= d.start < hi and _limits(text, quota, d))
                                                             or P.LIMIT_LABEL.search(text, max(0, d.start - _LABEL_REACH), d.start)
                                                             or _limit_sentence(text, hi, d))]
    return bool(dates) and max(dates) <= period.end.isoformat()


def _bounds(text: str, quota: Quota, d: Deadline) -> bool:
    """The limit d bounds the quota: in, opening or completing its own clause, under a label
    (完成时限：…), or as the sentence right after the quota's."""
    if d.start >= quota.end and _limits(text, quota, d):
        return True
    if P.LIMIT_LABEL.search(text, max(0, d.start - _LABEL_REACH), d.start):
        return True
    if d.end <= quota.start and not _CLAUSE_BREAK.search(text[d.end:quota.start].lstrip("，,：: ")):
        return True  # a limit opening the quota's clause (6月底前，完成…不少于200处)
    hi_m = _PLAN_SENTENCE_END.search(text, quota.end)
    return hi_m is not None and _limit_sentence(text, hi_m.start(), d) or _same_clause(text, quota, d)


def _limit_sentence(text: str, end: int, d: Deadline) -> bool:
    """The sentence after the one that ends at end is the limit alone, maybe with its completing verb."""
    if end >= len(text) or text[end] not in "。" or text[end + 1:d.start].strip():
        return False
    return bool(_LIMIT_ALONE.match(text, d.end))



def _due_stages(text: str, quotas: list[Quota], limits: Sequence[Deadline], period: Period) -> list[Quota]:
    """The quotas without a later stage of a target: one whose own clause sets a limit after the
    period (年内…300户) is dropped when another of its unit has a limit inside it (8月底前…200户)."""
    if period.end is None or len(quotas) < 2:
        return quotas
    end = period.end.isoformat()

    def own(q: Quota) -> list[str]:
        return [last_day(d.date) for d in limits if d.date and _same_clause(text, q, d)]

    dates = {id(q): own(q) for q in quotas}
    due = {P.QUOTA_UNIT_EQUIV.get(q.unit, q.unit) for q in quotas if dates[id(q)] and max(dates[id(q)]) <= end}
    return [q for q in quotas if not (dates[id(q)] and min(dates[id(q)]) > end
                                      and P.QUOTA_UNIT_EQUIV.get(q.unit, q.unit) in due)]


def _limits(text: str, quota: Quota, d: Deadline) -> bool:
    """A limit of the quota's sentence bounds the quota: in the quota's own clause, or in a clause
    of its own that completes the work (…200处，5月底前全部建成) rather than asks for something
    else (开发见习岗位不少于2000个，6月底前建立实名台账)."""
    if _same_clause(text, quota, d):
        return True
    rest = text[d.end:d.end + _COMPLETES_WITHIN]
    if _COMPLETES.match(rest):
        return True
    # or a limit that is a clause of its own (…不少于200处，5月底前。), not 完成时限：首批3月15日前
    before = _CLAUSE_BREAK.split(text[max(0, d.start - _COMPLETES_WITHIN):d.start])[-1]
    return not _CLAUSE_BREAK.split(rest, maxsplit=1)[0].strip() and not before.strip()


_LABEL_REACH = 6


def _earlier_stage(text: str, quota: Quota, d: Deadline) -> bool:
    """The limit dates a clause before the quota's, and the quota's clause names the year as its own
    span (4月底前完成…批复，全年新建高标准农田2.3万亩)."""
    if d.end > quota.start or _same_clause(text, quota, d):
        return False
    return bool(_OWN_YEAR.match(_CLAUSE_BREAK.split(text[d.end:quota.start])[-1] + quota.text))


_OWN_YEAR = re.compile(r"\s*(?:全年|年内|本年度|年度内)")


def _same_clause(text: str, quota: Quota, d: Deadline) -> bool:
    """No clause break stands between the quota and the limit (年内新建300户, 8月底前完成200户)."""
    a, b = (quota.end, d.start) if d.start >= quota.end else (d.end, quota.start)
    return not _CLAUSE_BREAK.search(text, a, b)


# when work began (7月起按月交换, 于3月开工), not when it was done; but 6月16日起正式上线运行 is
_STARTS = re.compile(r"起(?!草|正式|上线|运行|启用|投用|投入|开通)|开始|开工|动工")
_BEGUN = re.compile(r"开工|动工|启动|开始")
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_COMPLETES = re.compile(r"\s*(?:前)?(?:全部|全面|基本|全数)?(?:完成|建成|到位|实现|竣工|投入使用|投用|落实)")
_COMPLETES_WITHIN = 12
# …and a limit that is its sentence, with its completing verb or none (2025年6月底前完成。)
_LIMIT_ALONE = re.compile(f"(?:{_COMPLETES.pattern})?\\s*(?:[。；;]|$)")


def _requirement_text(text: str, quota: Quota) -> str:
    """The requirement sentence a plan quota sits in."""
    lo = max(0, quota.start - _REQUIREMENT_REACH)
    before = P.SENTENCE_BREAK.split(text[lo:quota.start])[-1]
    after = P.SENTENCE_BREAK.split(text[quota.end:quota.end + _REQUIREMENT_REACH], maxsplit=1)[0]
    return before + text[quota.start:quota.end] + after


def _same_item(s: S.Sentence, nxt: S.Sentence) -> bool:
    """nxt is in s's item, or, where neither is in an item (a speech), next to it in its paragraph."""
    return nxt.context == s.context or (s.context == (s.start, s.end) and nxt.context == (nxt.start, nxt.end)
                                        and nxt.start == s.end)


def _late_follower(s: S.Sentence, nxt: S.Sentence) -> bool:
    """nxt goes on from s in its paragraph to say that work came late (…至5月中旬才全部完成,
    拖到了7月中旬)."""
    return nxt.start == s.end and _same_item(s, nxt) \
        and bool(P.LATE_COMPLETION.search(nxt.text) or P.DELAYED_TO.search(nxt.text) or _DONE_AFTER_CAUSE.search(nxt.text))


# …or that some of it was finished at a date after a cause (7家子公司中5家按期完成，2家因机构调整于6月中旬完成)
_DONE_AFTER_CAUSE = re.compile(rf"因[^，。；;]{{1,16}}?于[^，。；;]{{0,4}}?(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,2}})月[^，。；;]{{0,6}}?(?:{P.COMPLETION_VERB.pattern})")


def _with_followers(context: Sequence[int], sents: Sequence[S.Sentence],
                    anothers: Callable[[int], bool] = lambda i: False) -> list[int]:
    """Each sentence, then the next one when that goes on about it (该项目4月中旬才完成安装调试,
    此项工作…): what it says of the same work shares few words with the task.  anothers(i): the
    sentence is another task's."""
    out = []
    for j in context:
        out.append(j)
        k = j + 1
        if k < len(sents) and k not in context and _same_item(sents[j], sents[k]) \
                and (P.ANAPHOR.match(sents[k].text) or (_late_follower(sents[j], sents[k]) and not anothers(k))):
            # (or says it came late: …；稻谷0.5万吨轮入延至11月上旬才完成 / 受检测机构排期影响，校验工作
            # 直到8月上旬才全部完成 / 全部完工一直拖到了7月中旬)
            out.append(k)
        elif k + 1 < len(sents) and _CAUSE.fullmatch(sents[k].text) and _same_item(sents[j], sents[k]) \
                and k + 1 not in context and _late_follower(sents[k], sents[k + 1]) and not anothers(k + 1):
            # (…查验率100%，因部分民办幼儿园资料报送滞后，查验补种工作至10月中旬才全部完成: past its cause)
            out.append(k + 1)
    return out


_CAUSE = re.compile(r"(?:因|由于|受)[^。；;！？!?]{1,40}[，,]")


def split_summary(summary: Analysis, period: Period) -> list[S.Sentence]:
    """The summary's sentences; in a report of the first half of a year, what a paragraph says from
    a sentence opened by 下半年 on is planned (下半年，我强调几项工作。…抓紧研究制定，九月底前拿出初稿)."""
    sents = S.split(summary)
    if period.months > _HALF or period.campaign:
        return sents
    text = summary.document.text
    planned = False
    for i, s in enumerate(sents):
        if i and "\n" in text[sents[i - 1].end:s.start]:
            planned = False  # a new paragraph
        planned = planned or bool(_SECOND_HALF.match(s.text))
        if planned and not s.intention and not s.negated:
            sents[i] = dataclasses.replace(s, intention=True)
    return sents


_HALF = 6
_RATE_BEFORE = re.compile(r"([\u4e00-\u9fff]{2}率)(?:达到|达|为|是|在)?\s*$")
_SECOND_HALF = re.compile(r"(?:同志们[，,])?下半年[，,：:]")


def featurize(plan: Analysis, summary: Analysis, period: Period, aligner: EvidenceAligner | None = None,
              sentences: Sequence[S.Sentence] | None = None) -> list[Featured]:
    """Features, checks and evidence candidates for every judged task of the plan."""
    sents = list(sentences) if sentences is not None else split_summary(summary, period)
    q = queries(plan)
    if not q.items:
        return []
    stext = summary.document.text
    r = _in_style(readings(q.texts, q.bodies, q.firsts, sents, aligner, part_rows=q.parts, items=
                           [stext[s.context[0]:s.context[1]] if s.heading else None for s in sents]))
    # what exists (baseline) and what is only expected (预计年收益3万元左右) are no requirements
    plan_quotas = _by_task(plan.outline, [x for x in plan.quotas if not x.baseline and not _expected(plan.document.text, x)])
    plan_deadlines = _by_task(plan.outline, plan.deadlines)

    def own(items: dict[int, list], j: Judged) -> list:
        if j.target:  # a target's own figures and dates, not its task's
            return [x for x in (plan.quotas if items is plan_quotas else plan.deadlines)
                    if j.task.start <= x.start < j.task.end and not getattr(x, "baseline", False)]
        return items.get(j.index, [])

    rep = _Reported.of(summary, sents)
    pairs_said: list[frozenset[str]] = []

    def said() -> frozenset[str]:
        # every pair of characters the summary holds, read once: a search of the whole text per
        # word grew with tasks × summary length (0.7 s on a 200k pair)
        if not pairs_said:
            pairs_said.append(frozenset(stext[i:i + 2] for i in range(len(stext) - 1)))
        return pairs_said[0]

    sent_masks = r.sent_masks
    categories = tuple(lexicon.audiences().categories.values())
    # a progress report to a cut-off (截至6月底的整改进展) owes whole targets, periodic ones pro rata
    annual = one_year_plan(plan) and not period.cutoff and not period.campaign  # a campaign's targets are its own
    # each sentence's best score for any task: a negation is about the task it fits best
    sentence_best = np.zeros(len(sents), dtype=np.float32)
    kept = r.top >= 0
    np.maximum.at(sentence_best, r.top[kept], r.top_scores[kept])
    # …and how many tasks it negates about as well as its best: a negation that fits many tasks
    # alike (个别事项没有按整改方案确定的时限完成) is said of the plan as a whole, of no task
    neg_at, neg_by = r.negated[1], r.negated[0]
    close = (neg_at >= 0) & (neg_by >= _NEGATION_OWNER * sentence_best[np.maximum(neg_at, 0)])
    negating = np.bincount(neg_at[close], minlength=len(sents)) if len(sents) else np.zeros(0, dtype=np.int64)
    # how well the pair's other tasks are reported: the second stage reads a task's report
    # against them (its rank a mid-rank: the one task of a plan stands in the middle)
    bests = np.array([round(float(v), 4) for v in r.affirmative[:len(q.items)]])
    median = round(float(np.median(bests)), 4)
    ordered = np.sort(bests)
    below, level = np.searchsorted(ordered, bests, side="left"), np.searchsorted(ordered, bests, side="right")
    ranks = [round(float((b + 0.5 * (e - b)) / len(bests)), 4) for b, e in zip(below.tolist(), level.tolist())]
    out = []
    for k, j in enumerate(q.items):
        order, order_scores = r.top[k], r.top_scores[k]
        best = float(r.affirmative[k])
        req_best = tuple(round(float(v), 4) for v in r.requirement[q.requirement_rows(k)])
        floor = max(_CONTEXT_FLOOR, _RELATIVE * max(best, float(r.problem[0][k])))
        aside = int(r.lookalike[k])  # about another audience or domain: no figure of it answers the task
        context = [int(j) for j, v in zip(order[:8], order_scores[:8])
                   if j >= 0 and j != aside and r.reports[j] and v >= floor]
        # each requirement's own best report lends its figures too (…演练不少于2次 answered by
        # 3月组织森林防火应急演练一次 while the task's best sentence is about 隐患排查)
        rows = q.requirement_rows(k)
        figures_from = context + [a for a, v in zip(r.requirement_at[rows].tolist(), r.requirement[rows].tolist())
                                  if a >= 0 and a != aside and r.reports[a] and v >= _REQUIREMENT_FLOOR
                                  and a not in context]
        quotas = own(plan_quotas, j)
        # whom a figure must be about: the groups the quota's own requirement sentence names
        # (全年组织森林防火应急演练不少于2次 names none, though its task also names 道路交通)
        required = {id(x): _requirement_text(plan.document.text, x) for x in quotas}
        qmasks = {k: audience_mask(t) for k, t in required.items()}
        qobjs = {k: activity_objects(t) for k, t in required.items()}
        # 2024年5月起持续开展 says when the work starts, not when it must be done by
        limits = [d for d in own(plan_deadlines, j) if not _STARTS.match(plan.document.text, d.end)]
        if any(d.date and not d.date_from for d in limits):
            # a stage's span (集中推进阶段（2025年4月至9月）) beside a limit inside it (6月底前开展一次
            # 中期督导): the limit is the deadline
            limits = [d for d in limits if not d.date_from]
        # a staged target (年内…300户，8月底前完成不少于200户) is judged at the stage that is due
        quotas = _due_stages(plan.document.text, quotas, limits, period)
        # a target whose own sentence sets time limits all inside the summary's period is due
        # whole, not pro rata (新增公益广告点位不少于200处…；完成时限：5月底前, in a half-year report);
        # a limit in another sentence is another requirement's (…20个。3月15日前公布站点名单)
        whole = {id(x) for x in quotas if annual and _due_whole(plan.document.text, x, limits, period)}
        qchecks = _quota_checks(quotas, figures_from, sents, rep, period, annual, plan, summary,
                                lambda x: None if not (qmasks[id(x)] or qobjs[id(x)]) else
                                (lambda i, m=qmasks[id(x)], o=qobjs[id(x)]: conflicting(m, sent_masks[i], categories)
                                 or (bool(o) and objects_conflict(o, r.sent_objects[i]) is not None)),
                                whole)
        qchecks = _one_dated_event(qchecks, context[:_MAX_EVIDENCE], sents, rep)
        qchecks = _held_one(qchecks, context[:_MAX_EVIDENCE], sents, rep, plan.document.text, stext)
        qchecks = _one_period_told(qchecks, context[:_MAX_EVIDENCE], sents, rep)
        qchecks = _listed_events(qchecks, context[:_MAX_EVIDENCE], sents, rep,
                                 lambda x: _requirement_text(plan.document.text, x))
        # (a recurring quota's figures are dated by their rounds: 第三季度各开展随机抽查1次)
        # (not a year's figure for an earlier stage's limit: 4月底前完成…批复，全年新建高标准农田2.3万亩
        # is not dated by the 11月25日 the 2.3万亩 were finished)
        figured = list(dict.fromkeys(_sentence_index(rep, c.reported.start) for c in qchecks
                                     if c.verdict == MET and c.reported is not None
                                     and c.quota.period in _ONE_OFF
                                     and not all(_earlier_stage(plan.document.text, c.quota, d) for d in limits if d.date)
                                     # (nor a figure whose requirement no limit bounds: 4月底前修订完成…预案，全年组织…演练
                                     # 不少于2次，其中综合演练至少1次 is not dated by the 9月份 of the second drill)
                                     and any(_bounds(plan.document.text, c.quota, d) for d in limits if d.date)))
        scored = dict(zip(order.tolist(), order_scores.tolist()))

        def owns(i: int, scored: dict[int, float] = scored) -> bool:
            """This task fits sentence i about as well as any task does."""
            return scored.get(i, 0.0) >= _NEGATION_OWNER * float(sentence_best[i])

        # a sentence another task fits clearly better (家长半日开放活动…推迟到12月下旬才举办, after
        # the report of the 家长会) says nothing of this task's completion
        dchecks = _deadline_checks(limits, figures_from, sents, rep, period, [i for i in figured if i >= 0],
                                   lambda i: float(sentence_best[i]) >= _ANOTHERS and not owns(i), scored,
                                   checks_asked=asks_a_check(q.bodies[k]), plan_text=plan.document.text,
                                   recurring=any(x.period in _PERIODIC - {"year"} for x in quotas))
        neg_idx = int(r.negated[1][k]) if r.negated[1][k] >= 0 else None
        neg_score = own_neg = float(r.negated[0][k])
        if neg_idx is not None and (neg_score < _NEGATION_OWNER * float(sentence_best[neg_idx])
                                    or negating[neg_idx] >= _NEGATION_SHARED
                                    or _echoes(sents[neg_idx].text, q.bodies[k])):
            # 人均综合能耗下降幅度未达到年度目标 negates the 人均综合能耗 target, not 单位建筑面积能耗's;
            # 将应缴未缴的非税收入全额缴入国库 repeats the task's own words (应缴未缴非税收入), negating nothing
            neg_idx, neg_score, own_neg = None, 0.0, 0.0
        # …and what each requirement's own best report goes on to say (启动3个农贸市场改造，其中1个已完工，
        # 其余2个尚在施工之中, while the task's best sentence is about its monthly inspections)
        chain_floor = max(_CONTEXT_FLOOR, _CHAIN * best)
        own_best = [a for a, v in zip(r.requirement_at[rows].tolist(), r.requirement[rows].tolist())
                    if a >= 0 and a not in context[:1] and not sents[a].generic
                    and v >= _OWN_CHAIN and scored.get(a, 0.0) >= max(chain_floor, _OWN_CHAIN)]
        # (from a sentence that is this task's as much as any other's: 已在78个项目推行样板先行，其余23个
        # 项目尚未推开 goes on about 样板引路, not about a skills contest it barely touches)
        # (and the next best reports as close as a chained negation must be: 充电桩安全评估已完成11座充电站，
        # 其余7座尚在推进之中 beside the best report of the task's inspections)
        nearly = [int(a) for a, v in zip(order[1:_MAX_EVIDENCE].tolist(), order_scores[1:_MAX_EVIDENCE].tolist())
                  if a >= 0 and v >= max(chain_floor, _OWN_CHAIN) and a not in own_best and r.reports[a] and not sents[a].generic]
        sources = [a for a in context[:1] + own_best + nearly if owns(a)]
        chained = _negated_after(sents, summary.document.text, sources, scored, chain_floor,
                                 lambda i: float(sentence_best[i]) >= _ANOTHERS and not owns(i))
        if chained is not None and P.FOLLOW_UP_FIX.match(sents[chained].text) and not P.ASKS_FIX.search(q.bodies[k]):
            # …发现问题23个，已整改19个，其余问题正在整改: the findings' rectification goes on, while
            # the inspection the task asks for was done
            chained = None
        if chained is not None and (topic := _NEGATED_TOPIC.match(sents[chained].text)) \
                and not _shares_pair(topic.group(1), q.bodies[k]):
            # …参观了两批，家属参与这一块还没有组织起来: the negation names its own topic, not this task's
            chained = None
        if chained is not None and _echoes(sents[chained].text, q.bodies[k]):
            # 一二年级没有布置书面家庭作业 goes on from the best report, and keeps the task's own ban
            chained = None
        if chained is not None and best > neg_score:
            # what the best evidence goes on to say: 已完成科室推荐，评选工作尚未完成 / 其余病区尚未推开
            neg_idx, neg_score, own_neg = chained, best, scored.get(chained, 0.0)
        if neg_idx is not None and ((P.SHORTFALL.search(sents[neg_idx].text) and any(c.verdict == UNMET for c in qchecks))
                                    or (P.LATENESS.search(sents[neg_idx].text) and best >= _LATE_FLOOR
                                        and any(c.verdict == MISSED for c in dchecks))):
            # 党员发展数量未达到年度计划 / 核心制度实施细则未能按期印发: the unmet figure or the missed
            # limit said again, no other part of the task left undone
            neg_idx, neg_score, own_neg = None, 0.0, 0.0
        if neg_idx is not None and (_REST.search(sents[neg_idx].text) or (
                neg_idx > 0 and sents[neg_idx - 1].end == sents[neg_idx].start and _REST.search(sents[neg_idx - 1].text))) \
                and any(c.verdict == MET and c.derived and "÷" in c.derived for c in qchecks):
            # …排查一般隐患137项，已整改销号133项，其余4项…正在按期整改 against 整改率达到95%以上: the rest
            # is inside the rate worked out from those counts, which is met
            neg_idx, neg_score, own_neg = None, 0.0, 0.0
        answered = [c for c in qchecks if c.reported is not None and _sentence_index(rep, c.reported.start) in context]
        counts_only = bool(answered) and all(P.QUOTA_UNIT_EQUIV.get(c.reported.unit, c.reported.unit) in P.BARE_COUNT_UNITS
                                             for c in answered)
        judged = plan.document.text[j.task.heading_start:j.own_end].strip()
        cover = _clause_cover(judged, "".join(sents[x].text for x in context[:_MAX_EVIDENCE])) if context else 0.0
        f = Features(
            best=round(best, 4), requirement_best=req_best,
            negated=round(neg_score, 4),
            # among the problems, 部分承办法官未能及时开展现场调查 says what was not done, not that
            # some of it was: with no report of the work elsewhere the task is missing (but 还没有在
            # 全村铺开 says some of it was)
            negated_partial=bool(neg_idx is not None and sents[neg_idx].partial_scope
                                 and (sents[neg_idx].section_kind != S.PROBLEMS or P.NOT_ALL.search(sents[neg_idx].text))),
            future=round(float(r.future[0][k]), 4), problem=round(float(r.problem[0][k]), 4),
            quota_unmet=any(c.verdict == UNMET for c in qchecks),
            # an unfilled number in the evidence of a quantified task: whatever it stands for, the
            # task's figure cannot be checked (谈心谈话xx人次 for 每年谈心谈话1次)
            # (or, of a task with no figure of its own, when the unfilled number is all its report
            # gives: 班子成员与分管部门负责人开展廉政谈话xx人次; not beside filled ones: 设立咨询点17个，
            # 发放宣传资料XX份)
            placeholder=any(c.verdict == UNVERIFIABLE for c in qchecks) or bool(
                qchecks and not all(c.verdict == MET for c in qchecks)
                and any(rep.unfilled_for(sents[x], [c.quota for c in qchecks], plan.document.text, summary.document.text)
                        for x in context[:_MAX_EVIDENCE])) or bool(
                not quotas and any(rep.only_unfilled(sents[x]) and rep.unfilled_of(sents[x], q.bodies[k], summary.document.text)
                                   for x in context[:_MAX_EVIDENCE])),
            deadline_missed=any(c.verdict == MISSED for c in dchecks),
            # (dated in the best evidence itself: 9月下旬我们召开了新学期全园家长会)
            # (not while the work itself is reported for someone else: 导师满意度调查 for 考生复试满意度调查)
            on_time=bool(context) and aside < 0 and any(c.verdict == MET and c.reported_kind == EVENT
                                          and c.reported_text in sents[context[0]].text for c in dchecks),
            reported=bool(answered),
            counts_only=counts_only,
            loose=counts_only and all(c.shared < _TIED for c in answered),
            quota_counts=(len(qchecks), *(sum(c.verdict == v for c in qchecks) for v in (MET, UNMET, UNREPORTED, UNVERIFIABLE))),
            limit_counts=(len(dchecks), *(sum(c.verdict == v for c in dchecks) for v in (MET, MISSED, UNREPORTED))),
            unreported_words=_unreported_words(plan.document.text, said, qchecks),
            text_len=len(judged), clauses=len(_CLAUSE_MARK.findall(judged)), list_marks=judged.count("、"),
            clause_cover=round(cover, 4),
            owned=round(scored.get(context[0], 0.0) / max(float(sentence_best[context[0]]), 1e-9), 4) if context else 1.0,
            close_reports=len(context), set_aside=aside >= 0,
            pair_median=median, pair_rank=ranks[k], pair_tasks=len(q.items))
        out.append(Featured(j.task, j.index, j.own_end, f, order, order_scores, tuple(qchecks), tuple(dchecks),
                            (neg_idx, own_neg) if neg_idx is not None else None, _at(r.problem, k), _at(r.future, k),
                            int(r.lookalike[k]) if r.lookalike[k] >= 0 else None))
    return out


_CLAUSE_MARK = re.compile(r"[，,；;。：:（）()]")


def _clause_cover(judged: str, evidence: str) -> float:
    """The least share, over the task's clauses that say something (three word pairs or more), of
    their word pairs the best evidence uses too: 对闲置和低效运营的幸福院逐院制定盘活整改措施 beside a
    report of the 摸排 alone shares its objects but not 制定盘活整改措施."""
    have = content_pairs(evidence)
    shares = [len(mine & have) / len(mine) for c in _COVER_CLAUSE.split(_BRACKETED.sub("", judged))
              if len(mine := content_pairs(c)) >= _COVER_MIN]
    return min(shares, default=1.0)


_COVER_CLAUSE = re.compile(r"[，,；;。：:]")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")  # (牵头单位：…；完成时限：…) names who and when, not what
_COVER_MIN = 3


def _unreported_words(ptext: str, said: Callable[[], frozenset[str]], qchecks: Sequence[QuotaCheck]) -> float:
    """The least share, over the task's quotas no figure answers, of the words only that
    quota's clause has (not the answered quotas' clauses) that the summary uses anywhere: 1.0
    when there is no such quota.  (冲锋舟2艘 beside 编织袋、救生衣 answered, in a summary that
    never names 冲锋舟, is a part of the task nobody reported.)"""
    def clause(q: Quota) -> str:
        lo = max((m.end() for m in _CLAUSE_MARK.finditer(ptext, max(0, q.start - _REQUIREMENT_REACH), q.start)),
                 default=max(0, q.start - _REQUIREMENT_REACH))
        m = _CLAUSE_MARK.search(ptext, q.end)
        return ptext[lo:m.start() if m else len(ptext)]

    answered: set[str] = set()
    for c in qchecks:
        if c.verdict == MET:
            answered |= content_pairs(clause(c.quota))
    shares = []
    for c in qchecks:
        if c.verdict == UNREPORTED:
            own = content_pairs(clause(c.quota)) - answered
            if own:
                spoken = said()  # content pairs are pairs of characters: in the text is in its pairs
                shares.append(sum(w in spoken for w in own) / len(own))
    return round(min(shares), 4) if shares else 1.0


_LATE_FLOOR = 0.2  # a report of the work this close at least: a missed limit of work never reported is no lateness


def _in_style(r: Readings) -> Readings:
    """Every score of a summary that words all its reports loosely (a talk: 先说种植园。开学第二周，
    总务处把种植园重新翻整了一遍，划成了二十四块，各班分头认领…) raised in proportion, by at most
    _STYLE_CAP, until a quarter of the tasks' best reports score _STYLE_LEVEL, as in a written
    report.  The thresholds were fitted on written reports: a talk's wording, not its content,
    would otherwise leave most of its tasks under them."""
    if len(r.affirmative) < _STYLE_TASKS:
        return r  # (too few tasks to say how a summary words its reports)
    level = float(np.percentile(r.affirmative, _STYLE_PERCENTILE))
    if level <= 0 or level >= _STYLE_LEVEL:
        return r
    k = np.float32(min(_STYLE_CAP, _STYLE_LEVEL / level))
    return dataclasses.replace(r, top_scores=r.top_scores * k, affirmative=r.affirmative * k,
                               requirement=r.requirement * k, negated=(r.negated[0] * k, r.negated[1]),
                               future=(r.future[0] * k, r.future[1]), problem=(r.problem[0] * k, r.problem[1]))


_STYLE_PERCENTILE = 75
_STYLE_TASKS = 8
_STYLE_LEVEL = 0.45  # (a written report's pairs: 0.57 at the median pair of the corpus; cross-validated)
_STYLE_CAP = 1.5


def _echoes(sentence: str, task: str) -> bool:
    """Every negation in the sentence is the task's own wording (缴未缴, 期未检): it names what the
    work was about, not a failure to do it."""
    cues = list(P.NEGATION.finditer(sentence))
    return bool(cues) and all(sentence[max(0, m.start() - 1):m.end() + 1] in task or _kept_ban(sentence, m, task)
                              or _lacks_as_task(sentence, m, task) for m in cues)


def _lacks_as_task(sentence: str, m: re.Match, task: str) -> bool:
    """The negation names what the task's own object lacks, as the task does: 这三个没有物业的小区
    for 3个无物业小区 (the estates the work is for), not a failure to do it.  Not 尚未发放 for
    超期未发放案款: what was not done is said with 未, what a thing lacks with 没有 / 无."""
    what = sentence[m.end():m.end() + 2]
    return m.group() == "没有" and len(_CJK.findall(what)) == 2 and _said_after(task, what, _PRIVATIVE, 2)


_PRIVATIVE = re.compile(r"(?:无|没有|缺乏|缺少)$")


def _said_after(task: str, words: str, before: re.Pattern[str], reach: int) -> bool:
    """Somewhere in task, words stand right after what before finds in the reach characters ahead of them."""
    at = task.find(words)
    while at >= 0:
        if before.search(task, max(0, at - reach), at):
            return True
        at = task.find(words, at + 1)
    return False


def _kept_ban(sentence: str, m: re.Match, task: str) -> bool:
    """The negation says a ban the task sets was kept: 一二年级没有布置书面家庭作业 for 一、二年级不布置
    家庭书面作业."""
    verb = sentence[m.end():m.end() + 2]
    return len(verb) == 2 and _said_after(task, verb, _BAN, _BAN_REACH)


_BAN = re.compile(r"(?:不得|不准|不许|严禁|禁止|杜绝|不再|(?<![得要])不)$")
_BAN_REACH = 3


_NEGATED_TOPIC = re.compile(r"\s*([\u4e00-\u9fff]{2,10}?)(?:这块|这一块|这方面|这一方面|方面)")


def _shares_pair(words: str, text: str) -> bool:
    """Some two characters of words stand together in text too."""
    return any(words[i:i + 2] in text for i in range(len(words) - 1))


def _negated_after(sents: Sequence[S.Sentence], text: str, best: list[int], scored: dict[int, float],
                   floor: float, another: Callable[[int], bool] = lambda i: False) -> int | None:
    """The negated part that goes on from the best evidence: the rest of its sentence (已完成科室推荐，
    评选工作尚未完成), or the next sentence of its paragraph when that is about the same task (it
    scores at least floor for it); None when there is none.  another(i): sentence i is clearly
    another task's report."""
    for j in best:
        if sents[j].negated or not sents[j].affirmative:
            continue
        nxt = j + 1
        if nxt + 1 < len(sents) and not sents[nxt].negated and sents[nxt + 1].negated \
                and sents[nxt].text.rstrip()[-1:] in "，," and sents[nxt].end == sents[nxt + 1].start \
                and not _NEW_ITEM.match(sents[nxt].text) \
                and (not _CONCEDED.match(sents[nxt + 1].text) or _SO_FAR.match(sents[nxt].text)):
            # 江北区已建设186张；清河区因招标进展较慢，试点工作尚未启动: the rest of the work, then
            # its negated part (not 三是…，目前评选工作尚在进行中, another item; not 较上年有所下降，
            # 但仍未达到控制目标, said of what the clause before it names)
            nxt += 1
        # (正在整改3条 alone is a tally, no task's; the rest of the best evidence's own sentence is
        # its status: …共发现问题图斑47个，已整改31个，其余16个正在整改中)
        if nxt >= len(sents) or not sents[nxt].negated \
                or (sents[nxt].generic and (nxt != j + 1 or sents[j].text.rstrip()[-1:] not in "，,"
                                            or not P.PARTIAL_SCOPE.search(sents[nxt].text)
                                            or scored.get(j, 0.0) < _OWN_CHAIN)) \
                or "\n" in text[sents[j].end:sents[nxt].start]:
            # …or the item's own closing status (7．关于医疗设备闲置问题。…该问题正在整改中。)
            closing = _item_closing(sents, j)
            if closing is not None:
                return closing
            continue
        same_sentence = sents[j].text.rstrip()[-1:] not in "。！？!?"  # the reading changed at a comma or a ；
        # (or the next sentence carries on with where the same work stands now: …从4月份开始试点。
        # 截至目前，已经在16个小区推开，但还有12个小区尚未推开)
        # (not a tally of all the findings: 截至目前，14个问题已完成整改9个，其余5个正在加紧推进)
        # (nor another task's report that opens with 目前: 5月底前…修订印发《…管理办法》。目前，11个二级学院中
        # 已有8个建立…台账，其余3个正在完善)
        so_far = nxt == j + 2 and sents[j + 1].start == sents[j].end and _SO_FAR.match(sents[j + 1].text) \
            and not P.FINDINGS_TALLY.search(sents[j + 1].text) and not another(j + 1)
        # (or says what is left of it: 现在完成了八个，…。剩下三个都是老旧小区，…我们还在一户一户做工作)
        # (or, in the sentence before the negation, names what is left: 已复耕复种1620亩，其余240亩地处
        # 偏远山区、灌溉条件差，目前尚未复耕)
        rest = sents[j + 1].start == sents[j].end and (
            _REST.match(sents[j + 1].text) or (nxt == j + 2 and _rest_of_whole(sents[j].text, sents[j + 1].text)))
        # (or says where its item stands: （四）关于…的问题。该问题已基本整改。)
        status = nxt == j + 1 and sents[j].heading and sents[nxt].context == sents[j].context \
            and bool(_ITEM_STATUS.match(sents[nxt].text))
        if same_sentence or so_far or rest or status or scored.get(nxt, 0.0) >= floor:
            return nxt
    return None


_COUNTED = "[个家所处项座户名条台间亩]"  # what the rest of a whole is counted in
_REST = re.compile(rf"(?:{P.REMAINDER_WORDS})的?(?:[0-9]+|[一二两三四五六七八九十]+){_COUNTED}")
_DONE_PART = re.compile(rf"已[\u4e00-\u9fff]{{1,8}}?(?P<n>[0-9]+)(?P<u>{_COUNTED})")
_REST_PART = re.compile(rf"[，,；;](?:{P.REMAINDER_WORDS})的?(?P<n>[0-9]+)(?P<u>{_COUNTED})")


def _rest_of_whole(best: str, nxt: str) -> bool:
    """nxt names what is left of a whole best counts: its part done and its rest add up to best's
    figure (共排查出撂荒地1860亩 / 已复耕复种1620亩，其余240亩…，目前尚未复耕)."""
    rest = _REST_PART.search(nxt)
    done = rest and _DONE_PART.search(nxt, 0, rest.start())
    if not rest or not done or done.group("u") != rest.group("u") or P.ASKS_FIX.search(done.group()):
        return False  # (已整改到位84条，剩下3条…正在推进: the findings' follow-up, not the work counted)
    whole = int(done.group("n")) + int(rest.group("n"))
    return re.search(rf"(?<![0-9]){whole}{rest.group('u')}", best) is not None


def _item_closing(sents: Sequence[S.Sentence], j: int) -> int | None:
    """The negated status of the summary item sentence j stands in, if any: said at its close
    (…该问题正在整改中。) or in its heading (（四）…超标排放问题（正在整改）)."""
    ctx = sents[j].context
    if ctx == (sents[j].start, sents[j].end):
        return None
    last = j
    while last + 1 < len(sents) and last - j < _ITEM_REACH and sents[last + 1].context == ctx:
        last += 1
    if last > j and sents[last].negated and _ITEM_STATUS.match(sents[last].text):
        return last
    first = j
    while first > 0 and j - first < _ITEM_REACH and sents[first - 1].context == ctx:
        first -= 1
    head = sents[first]
    return first if first < j and head.negated and _HEADING_STATUS.search(head.text) else None


_ITEM_STATUS = re.compile(r"\s*(?:该|此|这)(?:个|项)?(?:问题|事项|项目|任务|工作)(?:目前|仍|还|尚)?(?:正在|尚在|仍在|尚未|未|没有|已?基本|整改基本)")
_HEADING_STATUS = re.compile(r"[（(](?:正在整改|整改中|正在推进|推进中|未完成|尚未完成|基本完成)[）)]\s*[。]?\s*$")
_NEW_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]{1,2}是|[（(][一二三四五六七八九十0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[.．、])")
_CONCEDED = re.compile(r"\s*(?:但|然而|不过)")


def _at(reading: tuple[np.ndarray, np.ndarray], k: int) -> tuple[int, float] | None:
    """(sentence, score) of task k's best sentence of a reading, None when there is none."""
    return (int(reading[1][k]), float(reading[0][k])) if reading[1][k] >= 0 else None


def _expected(text: str, q: Quota) -> bool:
    """The figure is a forecast, not a target: 预计年收益3万元左右."""
    return bool(P.QUOTA_EXPECTED.search(text, max(0, q.start - _EXPECTED_REACH), q.start + 2))


_EXPECTED_REACH = 6


def _by_task(outline: Outline, spans: Sequence[Any]) -> dict[int, list]:
    """Spans grouped by the index of the task they fall in (paths repeat when a document's
    numbering does: two （五） under 三)."""
    out: dict[int, list] = {}
    for x in spans:
        out.setdefault(outline.innermost_index(x.start), []).append(x)
    return out


def one_year_plan(plan: Analysis) -> bool:
    """A plan for one year (its annual targets are due pro rata in a half-year report)."""
    title = plan.document.title or ""
    # a plan for part of a year (《…2024年上半年工作计划》, 第三季度, 本学期) owes its targets whole
    return not _YEAR_SPAN.search(title) and not _PART_YEAR.search(title)


def _months(d: Deadline, since: dt.date | None = None) -> int | None:
    """Whole months from date_from (else a campaign's first month, else January: 截至11月底) to date."""
    y2, m2 = int(d.date[:4]), int(d.date[5:7])
    y1, m1 = (int(d.date_from[:4]), int(d.date_from[5:7])) if d.date_from else \
        (since.year, since.month) if since is not None and (since.year, since.month) <= (y2, m2) else (y2, 1)
    n = (y2 - y1) * 12 + m2 - m1 + 1
    return n if 0 < n <= 12 else None


def _sentence_index(rep: "_Reported", pos: int) -> int:
    return bisect.bisect_right(rep.sentence_starts, pos) - 1


def _sentence_at(sents: Sequence[S.Sentence], starts: Sequence[int], pos: int) -> S.Sentence:
    return sents[max(0, bisect.bisect_right(starts, pos) - 1)]


def judge(plan: Analysis, summary: Analysis, period: Period, model: StatusModel,
          aligner: EvidenceAligner | None = None) -> list[Item]:
    sents = split_summary(summary, period)
    t = model._thresholds()
    unit_groups = _by_task(plan.outline, plan.units)
    items = []
    featured = featurize(plan, summary, period, aligner, sents)
    for w, (status, flags, certainty) in zip(featured, model.verdicts([w.features for w in featured])):
        f = w.features
        task = w.task
        # (a task the trees judge done at least in part, which the thresholds found no report of,
        # shows its best report, as one dated within its limit does)
        evidence = _evidence(sents, w, t, status != "missing" and (f.on_time or decide(f, t)[0] == "missing"))
        units = _units(plan.outline, unit_groups, w.index)
        other = None
        if w.lookalike is not None and not any(e.reading == "done" for e in evidence):
            own = plan.document.text[task.heading_start:w.own_end]
            words = lookalike_words(own, sents[w.lookalike].text) or objects_conflict(
                activity_objects(own), activity_objects(sents[w.lookalike].text))
            other = (*words, sents[w.lookalike].text) if words else None
        unfilled = _unfilled(sents, w) if "placeholder" in flags else None
        reason = explain(status, flags, f, evidence, w.quota_checks, w.deadline_checks, period, other, unfilled)
        ptext = plan.document.text
        s, e = task.heading_start, w.own_end
        while s < e and ptext[s].isspace():
            s += 1
        while e > s and ptext[e - 1].isspace():
            e -= 1
        items.append(Item(task, s, e, ptext[s:e], status, f.best, flags,
                          reason, tuple(evidence), w.quota_checks, w.deadline_checks, units, f, certainty))
    return items


def _unfilled(sents: Sequence[S.Sentence], w: Featured) -> str | None:
    """The clause of the task's best reports that holds an unfilled number (开展随访服务xx人次)."""
    for j in w.order[:_MAX_EVIDENCE].tolist():
        if j < 0:
            break
        text = sents[j].text
        for m in P.PLACEHOLDER.finditer(text):
            if P.PLACEHOLDER_NUMBER_NEXT.match(text, m.end()):
                before = P.COMPARE_CLAUSE_BREAK.split(text[:m.start()])[-1]
                return before + m.group() + P.COMPARE_CLAUSE_BREAK.split(text[m.end():])[0]
    return None


def _evidence(sents, w: Featured, t, found: bool = False) -> list[Evidence]:
    """The sentences an inspector is shown.  found: the task was judged done at least in part on
    a completion dated within its limit in its best report (9月下旬我们召开了…家长会 for 9月底前召开):
    that report is shown as its evidence though it scores below the evidence threshold."""
    f = w.features
    out: list[Evidence] = []
    floor = max(t["evidence"], _RELATIVE * f.best)
    for j, score in zip(w.order.tolist(), w.order_scores.tolist()):
        if j < 0 or len(out) >= _MAX_EVIDENCE:
            break
        weak = score < floor
        if weak and not (found and not out and score >= _SHOWN_SHARE * t["evidence"]):
            break  # order is by falling score
        s = sents[j]
        if s.affirmative and not (weak and s.generic):
            out.append(Evidence(s.text, s.start, s.end, float(score), s.section, s.reading))
    extra = []
    if w.negated is not None and (negation_holds(f, t) or (not out and negation_flagged(f, t))):
        extra.append(w.negated)
    if w.problem is not None and w.problem[1] >= t["problem"] and not out:
        extra.append(w.problem)
    if w.future is not None and w.future[1] >= min(t["future"], t.get("future_flag", t["future"])) and not out:
        extra.append(w.future)
    for j, score in extra:
        s = sents[j]
        out.append(Evidence(s.text, s.start, s.end, float(score), s.section, s.reading))
    return sorted(out, key=lambda e: e.start)


_SHOWN_SHARE = 0.75  # of the evidence threshold: a weaker report than this is never shown as evidence


def _units(outline: Outline, by_task: dict[int, list], i: int) -> tuple[Unit, ...]:
    """The task's own units, else the nearest enclosing item's (由…牵头 stated for a section)."""
    for a in _ancestors(outline, i):
        if a in by_task:
            return tuple(by_task[a])
    return ()
