"""Quota and deadline checks: what the plan required over the period the summary covers
(period.py), against what the summary reports."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from .. import lexicon
from .. import patterns as P
from ..cn_numbers import parse_int
from ..extract.deadlines import Deadline
from ..extract.quotas import Quota
from ..segment import fast_segmenter
from .readings import audience_mask, conflicting
from .sentences import Sentence

MET, UNMET, UNVERIFIABLE, UNREPORTED = "met", "unmet", "unverifiable", "unreported"
MISSED, NOT_DUE = "missed", "not_due"


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}".rstrip("0").rstrip(".")


def _unit(u: str) -> str:
    return P.QUOTA_UNIT_EQUIV.get(u, u)


def same_unit(a: str | None, b: str) -> bool:
    """a counts what b counts (场, 期, 轮 count occasions as 次 does; 名, 位 count people as 人)."""
    return a is not None and _unit(a) == _unit(b)


@dataclass(frozen=True)
class QuotaCheck:
    quota: Quota  # the plan's requirement
    required: float | None  # over the summary's period, in the quota's unit
    comparator: str  # >= | <= | range
    required_max: float | None
    reported: Quota | None  # the summary's figure
    reported_value: float | None  # over the summary's period
    verdict: str  # met | unmet | unverifiable | unreported
    derived: str | None = None  # how a rate was worked out from the summary's words: 84÷86
    shared: int = 0  # pairs of characters the figure's words share with the requirement's (not in the JSON)
    over: str | None = None  # the plan's own span the requirement was scaled to (5月至9月; not in the JSON)

    @property
    def required_text(self) -> str:
        u = self.quota.unit
        if self.comparator == "range":
            return f"{_num(self.required)}-{_num(self.required_max)}{u}"
        return f"{'≤' if self.comparator == '<=' else '≥'}{_num(self.required)}{u}"

    def to_dict(self) -> dict[str, Any]:
        r = self.reported
        return {"quota": self.quota.text, "quota_start": self.quota.start, "quota_end": self.quota.end,
                "required": self.required, "required_max": self.required_max, "comparator": self.comparator,
                "required_text": self.required_text, "reported": self.reported_value,
                "reported_text": r.text if r else None, "reported_start": r.start if r else None,
                "reported_end": r.end if r else None, "derived": self.derived, "verdict": self.verdict}


@lru_cache(maxsize=65536)  # a summary's figures are read against many tasks
def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


@lru_cache(maxsize=65536)  # (a summary's sentences and a plan's clauses are read against every task)
def _words(s: str, generic: bool = True) -> frozenset[str]:
    """The pairs of characters that may say what a figure counts: not a stage of the work
    (集中整治阶段), nor (generic) a word any figure shares (开展, 全年)."""
    pairs = frozenset(p for p in _bigrams(_PHASE.sub("|", s)) if _WORD_PAIR.fullmatch(p))
    return pairs - _GENERIC_BIGRAMS if generic else pairs


def content_pairs(text: str) -> frozenset[str]:
    """The pairs of characters that may say what a figure counts, generic ones left out."""
    return _words(text)


def about(words: str) -> tuple[frozenset[str], str]:
    """What a reported figure is about, as check_quotas's abouts hold it: words said elsewhere
    (a table row's label) instead of read from the text before it."""
    return _bigrams(words), words


# Words that say nothing of what is counted; 增长/下降/同比 say a figure is a change, not of what
# (固定资产投资12.6亿元，增长9.1%: the measure stands before).
_GENERIC_BIGRAMS = frozenset({"开展", "组织", "全年", "工作", "活动", "完成", "达到", "不少", "少于", "至少",
                              "增长", "下降", "同比", "比上", "上年", "提高", "数量",
                              # spoken totals (全年一共做了六次): how a count is said, not what it counts
                              "一共", "总共", "共计", "累计", "共做", "共搞", "共开", "共办", "做了", "搞了", "开了", "办了",
                              "上了", "讲了", "都上", "都做", "都搞", "都开", "都办", "都讲",
                              # (上半年已连续举办6期: how often, not what)
                              "连续", "续举", "续开", "续组"})
# A stage of the work says when, not what is counted (集中整治阶段不少于3次 is not answered by
# 集中整治阶段，…隐患自查自改，共开展4轮).
_PHASE = re.compile(r"[\u4e00-\u9fff]{2,6}?阶段|(?:行动|活动|整治|攻坚)期间"
                    r"|(?:截至|到)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:份|底|末|中旬|上旬|下旬)?前?|年内|年底前?")  # 8月底前: when
_WORD_PAIR = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]{2}")  # 查， is no word
# A long description (12 or more pairs of characters) shares one pair with any figure by chance.
_LONG_ABOUT = 12
_FEW_WORDS = 2  # pairs of characters too few to say what a figure counts (比率为)
_LINKS = "为是达至到了"  # 比率为: the link says nothing of the measure
_LOOKBEHIND = 24  # a quota stated without its action (…参观廉政教育基地，全年不少于2次) takes the words before it
# A reported figure with no action of its own reads back to its sentence's start: 对全校网站开展网络巡查，
# 覆盖全部二级单位，全年共计14次 reports 网络巡查.
_REPORT_REACH = 80


# A target stated as a change of a measure (单位地区生产总值能耗下降2.5%, 规上工业增加值增长8%):
# the measure's last two characters name it.
# (分别, 均 and the like say how, not what: 收入分别增长 is of 收入)
_CHANGE_OF = re.compile(r"(?P<head>[\u4e00-\u9fff]{2})(?:分别|均|各|都|也)?(?:同比|比上年|较上年|比去年|较去年)?(?:增长|下降|提高|降低|延长|缩短)"
                        r"(?:率)?$")  # (提高到40%, 提升至100%: a level to reach, which a level reported answers)
# A change said of a reported figure: only such a figure answers a change target (强对流预警提前量较上年
# 延长5分钟 is not answered by 暴雨预警提前量达到52分钟).
_CHANGE_WORD = re.compile(r"增长|下降|提高|降低|延长|缩短|减少|增加|上升|压减|增幅|降幅|同比|比上年|较上年")
# A figure said as a change from before (较上年下降2.1小时): no level, whatever its unit.
_CHANGED_BY = re.compile(r"(?:较|比|同比|环比)[^，。；;]{0,6}?(?:下降|减少|降低|缩短|增加|增长|提高|上升|提升|延长)了?\s*$")
_CHANGED_REACH = 12
_NUM_TAIL = re.compile(r"[0-9０-９.．]+[^0-9０-９]*$|[一二两三四五六七八九十百千万]+[^一二两三四五六七八九十百千万]*$")


def _said_as_change(r: Quota, text: str) -> bool:
    """The words before the reported figure's number say it is a change (较上年下降2.1小时)."""
    tail = _NUM_TAIL.search(r.text)
    return bool(_CHANGED_BY.search(text[max(0, r.start - _CHANGED_REACH):r.start] + r.text[:tail.start() if tail else len(r.text)]))


# The measure a percentage is of, from the two characters before its 率 or 度 (签约居民满意度达到90%,
# 常住人口签约覆盖率达到38.2%); 完成率 and 达标率 say only that something was done.
_MEASURE = re.compile(r"(?P<m>[\u4e00-\u9fff]{2})(?:率|度)(?:力争|确保|要|均|分别)?(?:保持在|稳定在|提高到|提升至|控制在|达到|达|为|是|在"
                      # (…or a change of it: 百万客户投诉率同比下降了百分之十二点四 is of 投诉)
                      r"|(?:同比|比上年|较上年|比去年|较去年)?(?:下降|增长|提高|降低|上升|减少)了?)?"
                      r"(?:[0-9.]+\s*[%％][和、及与])?\s*$")  # (满意率分别为91.2%和88.7%: both 满意)
_BARE_MEASURE = re.compile(r"[\u4e00-\u9fff]{1,3}[率度]")
_ANY_MEASURE = frozenset({"完成", "达标", "到位", "落实"})
_MEASURE_REACH = 18
# …or where it came from first: 物业服务覆盖率由年初的61%提高到78%
_MEASURE_CHANGED = re.compile(r"(?P<m>[\u4e00-\u9fff]{2})(?:率|度)由[^，。；]{1,16}?(?:提高|提升|上升|增加|下降|降低)(?:到|至)\s*$")
_MEASURE_CHANGED_REACH = 30


def _measure(q: Quota, text: str | None, asked: bool = False) -> str | None:
    """The measure a percentage names right before it (满意, 覆盖), None for another unit or none;
    asked, for a requirement, also a share (…占…的比例: 比例; a report's 就业比例 is a 就业率 all the same)."""
    if text is None or _unit(q.unit) not in ("%", "％"):
        return None
    # (up to the number: a figure read with its words, 全年投诉工单按时办结率达到99.2%, names its measure itself)
    digit = _DIGIT_AT.search(q.text)
    at = q.start + digit.start() if digit and _BARE_MEASURE.search(q.text, 0, digit.start()) else q.start
    if asked and _SHARE.search(text, max(0, at - _MEASURE_REACH), at):
        return "比例"  # (线上调解案件占诉前调解案件的比例达到60%: a share, which no 成功率 answers)
    m = _MEASURE.search(text, max(0, at - _MEASURE_REACH), at) or \
        _MEASURE_CHANGED.search(text, max(0, at - _MEASURE_CHANGED_REACH), at)
    return m.group("m") if m and m.group("m") not in _ANY_MEASURE else None


_DIGIT_AT = re.compile(r"[0-9０-９]")
_SHARE = re.compile(r"(?:比例|占比|比重)(?:力争|确保|要|均|分别)?(?:保持在|稳定在|提高到|提升至|控制在|达到|达|为|是|在)?\s*$")


_TOPIC_REACH = 12
# what the work of a figure's own clause is done to: 每月对各派出所至少开展1次督察检查 (派出所)
_TARGET = re.compile(r"对(?:全[市区县局院校]|辖区|所有|各|每个)?(?P<t>[\u4e00-\u9fff]{2,8}?(?:、[\u4e00-\u9fff]{2,8}?)*)(?:至少|均|都)?(?:开展|进行|实施|组织|搞了?)")


def _target(text: str | None, q: Quota) -> str | None:
    """What the clause of the figure (up to its end) says the work is done to, when it says so
    with 对…开展/进行: 枪弹库 in 每月对枪弹库开展安全检查."""
    if text is None:
        return None
    lo = max(0, q.start - _TOPIC_REACH * 2)
    for m in P.CLAUSE_BREAK.finditer(text, lo, q.start):
        lo = m.end()
    found = None
    for found in _TARGET.finditer(text, lo, q.end):
        pass
    return found.group("t") if found else None
_EACH_ALONE = re.compile(r"(?:每个?|各)[\u4e00-\u9fff]{1,2}(?:都|均)?")


def _about(q: Quota, text: str | None, reach: int = _LOOKBEHIND) -> str:
    action = q.action if q.action and len(q.action) >= 2 else ""  # 全年共计14次 reads 计 as its action
    about = (q.subject or "") + action
    if text is not None and not q.subject and (
            ((term := P.QUOTA_PERIOD.match(text, q.start)) and (term.group("term") or term.group("year")))
            or (action.endswith("的") and action in q.text)):
        # what its clause names before the term it starts with (家长会这学期只在开学初开了一次), or
        # before a share of a base (抽查比例不低于认定人数的10%: the base is not what is counted)
        about = P.CLAUSE_BREAK.split(text[max(0, q.start - _TOPIC_REACH):q.start])[-1] + about
    # a plan's requirement names its measure; a report's figure may lean on the clause before it
    few = _FEW_WORDS if reach > _LOOKBEHIND else 1
    bare = reach > _LOOKBEHIND and bool(_BARE_MEASURE.fullmatch(about.rstrip(_LINKS)))  # …全部签约，签约率100%
    # (nor does the unit each must have it: 配备保洁员，每村不少于3名 counts 保洁员)
    bare = bare or bool(_EACH_ALONE.fullmatch(about.rstrip(_LINKS)))
    # (digits are no words: a table row's figures before it, 重点领域\t12\t386\t41\t6.2%, say nothing)
    if text is not None and (bare or sum(not w.isascii() for w in _words(about.rstrip(_LINKS))) < few):
        # nothing but a generic verb (人均完成18学时) or a bare measure (重度及以上污染天数1天，比率为
        # 0.6%) says what it counts: the words before it do
        before = text[max(0, q.start - reach):q.start]
        if reach > _LOOKBEHIND:  # no further back than its sentence
            before = P.SENTENCE_BREAK.split(before)[-1]
        about = before if not about else before + about
        if not about.strip() and reach > _LOOKBEHIND:
            about = _row_label(q, text)
    if text is not None and reach > _LOOKBEHIND:
        # a spoken topic opens the sentence (稻虾共养这块，今年新扩了一百五十亩左右): the figure counts it
        sentence = P.SENTENCE_BREAK.split(text[max(0, q.start - reach):q.start])[-1]
        topic = _SPOKEN_TOPIC.search(sentence)
        if topic and topic.group(1) not in about:
            about = topic.group(1) + about
        # …or the figure sums up what its sentence told (…都带队搞了明察暗访，…，全年算下来搞了三轮)
        if _SUMMED.search(P.CLAUSE_BREAK.split(sentence)[-1] + q.text) and not about.startswith(sentence):
            about = sentence + about
        # …and people counted before what they did (督察人员52人参加培训): who they are is what it counts
        elif q.unit in _PEOPLE_UNITS and not q.subject and action and text.startswith(action, q.end):
            about = P.CLAUSE_BREAK.split(sentence)[-1] + about
    return about


_SUMMED = re.compile(r"算下来|加起来|平均下来|合起来|合计下来|拢共|总共算")
_SPOKEN_TOPIC = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:这块|这一块|这方面|这件事|这个事|这一条|呢)[，,]")  # (巾帼示范基地呢，新挂牌了两个)


def _names_before(q: Quota, text: str | None) -> frozenset[str]:
    """The quoted names its sentence gives before the figure (“公益诉讼进社区”宣传活动不少于4场)."""
    if text is None:
        return frozenset()
    head = P.SENTENCE_BREAK.split(text[max(0, q.start - _NAMED_REACH):q.start])[-1]
    return frozenset(m.group(1) for m in P.QUOTED_NAME.finditer(head))


_FORMULATION = re.compile(r"[一二两三四五六七八九十双百千万]")


def _title_kind(q: Quota, text: str) -> str | None:
    """What a figure counts when it counts issues of a titled publication or document said right
    before it or in it (编发《审务督察通报》8期: 通报), else None."""
    if q.unit not in _ISSUE_UNITS:
        return None  # (观看警示教育片《初心与底线》一次 counts showings of a film)
    head = P.CLAUSE_BREAK.split(text[max(0, q.start - _NAMED_REACH):q.start])[-1] + q.text
    m = _TITLED.search(head)
    return m.group(1) if m else None


_TITLED = re.compile(r"《[^》]{0,20}?(通报|简报|专报|快报|专刊|周报|月报|动态|手册|汇编|读本|期刊)》[\u4e00-\u9fff]{0,3}[0-9０-９一二两三四五六七八九十]+[\u4e00-\u9fff]{1,2}$")
_ISSUE_UNITS = frozenset({"期", "份", "篇", "本", "册", "辑"})


def _names_in(q: Quota) -> frozenset[str]:
    """The quoted names inside a figure's own text (全年举办“纳税人学堂”15期)."""
    return frozenset(m.group(1) for m in P.QUOTED_NAME.finditer(q.text))


def _names_after(q: Quota, text: str | None) -> frozenset[str]:
    """The quoted names its clause gives right after the figure (每半年开展1次“退役军人政策进社区”宣讲活动)."""
    if text is None:
        return frozenset()
    tail = P.CLAUSE_BREAK.split(text[q.end:q.end + _NAMED_REACH])[0]
    return frozenset(m.group(1) for m in P.QUOTED_NAME.finditer(tail))


def _another_of_a_series(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """The two name different items of one series (“公益诉讼进社区” / “公益诉讼进校园”): they share
    a stem but not the name."""
    return bool(mine and theirs) and not mine & theirs and any(
        a[:_STEM] == b[:_STEM] or (len(a) > _STEM and len(b) > _STEM and a[-_STEM:] == b[-_STEM:]
                                   and not set(a[:-_STEM]) & set(b[:-_STEM]))  # (“政府开放日” / “热线开放日”)
        for a in mine for b in theirs)


_STEM = 3


def _named_before(q: Quota, text: str | None) -> frozenset[str]:
    """The word pairs of the quoted names its sentence gives before the figure: what 每季度不少于
    2场 counts in 组织开展“护河志愿行”等…活动，吸引…参与，每季度不少于2场 (or its item's title
    sentence right before it: 实行“红黑榜”制度。每季度评选公布一次…)."""
    if text is None:
        return frozenset()
    parts = P.SENTENCE_BREAK.split(text[max(0, q.start - _NAMED_REACH):q.start].split("\n")[-1])
    head = parts[-1] if len(parts) < 2 or len(parts[-2]) > _TITLE_CHARS else parts[-2] + parts[-1]
    return frozenset().union(*(_words(m.group(1)) for m in P.QUOTED_NAME.finditer(head)))


_NAMED_REACH = 80
_TITLE_CHARS = 20


def _row_label(q: Quota, text: str) -> str:
    """A figure alone in a table cell (新发展工会会员 / 1.62万人): the row's label, the short line
    before it, says what it counts."""
    line_start = text.rfind("\n", 0, q.start) + 1
    if text[line_start:q.start].strip() or line_start == 0:
        return ""
    for _ in range(_ROW_CELLS):  # (past the row's other figures: 就业见习岗位募集 / 500个 / 260个)
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        prev = text[prev_start:line_start - 1].strip()
        if not P.CELL_FIGURE.fullmatch(prev) or prev_start == 0:
            break
        line_start = prev_start
    return prev if len(prev) <= P.CELL_LABEL_CHARS and not P.SENTENCE_BREAK.search(prev) else ""


_ROW_CELLS = 3


_AFTER_STOP = re.compile(r"[，,。！？!?；;：:\n0-9０-９（(]")  # the clause's end, another figure, an aside


def _after(q: Quota, text: str | None) -> str:
    """The rest of a requirement's clause after its figure: what 每月组织1次 is of (“最美庭院”和
    村庄清洁评比), where the counted noun stops short."""
    if text is None:
        return ""
    seg = text[q.end:q.end + _LOOKBEHIND]
    stop = _AFTER_STOP.search(seg)
    part = seg[:stop.start()] if stop else seg
    if stop and stop.group().isdigit() and "、" in part:
        part = part[:part.index("、")]  # 集中学习不少于12次、开展专题研讨不少于4次: the next figure's words
    return part


_PEOPLE_UNITS = frozenset({"名", "人"})
_UNITS_THAT_NAME = frozenset({"学时", "课时", "学分"})  # hours of training say what they count
_NOT_COUNTED = re.compile(r"[份次以左多余及]")  # (1200人份以上: the unit's rest or a bound, no people named)
_COUNTED_PAIRS = 2  # (a one-character noun after the figure, 1名党员, says too little to tell)
_HALF_MILESTONE = re.compile(r"上半年")
_ONE_PART = re.compile(r"第[一二三四1-4]季度|(?<![0-9一二三四每第])(?:[二三四2-4]季度|[一1]季度(?![一1][次回]))|[上下]半年|(?:春季|秋季|[上下]|第[一二])学期")  # (not 一季度一次: a rate)
_EVERY = re.compile(r"[每毎]")


def _one_month(r: Quota, text: str) -> bool:
    """A figure whose clause opens on a month of its own (5月份87批次; not 截至8月底…, 1-8月…)."""
    return bool(_MONTH_OPENS.match(text, _clause_start(text, r.start, _MONTH_REACH), r.start)) and not _EVERY.search(r.text)


# one named month (5月份, 十二月): not a range's end (1-6月), a part of a month (6月底) or a day (6月5日)
_MONTH_NAMED = re.compile(r"(?<![0-9至到\-－—~～])(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?![底末初中上下旬0-9日号至到])")
_MONTH_OPENS = re.compile(r"\s*" + _MONTH_NAMED.pattern)
_MONTH_REACH = 16


def _sentence_span(text: str, q: Quota, sentences: int = 1) -> tuple[int, int]:
    """Where the sentence holding figure q starts and where it (or the sentences-th from it) ends."""
    lo = max(text.rfind(c, 0, q.start) for c in P.SENTENCE_BREAK_CHARS) + 1  # (not a scan from the text's start)
    at = q.end
    for _ in range(sentences):
        m = P.SENTENCE_BREAK.search(text, at)
        if m is None:
            return lo, len(text)
        at = m.end()
    return lo, m.start()


def _month_short(best: Quota, figures: Sequence[tuple[Quota, Any, Any]], text: str, rate: float) -> Quota | None:
    """The first month told below the rate among the months counted one by one in best's sentence
    or the next (逐月看：1月2次，2月1次，3月3次…, at least three of them), if any."""
    lo, hi = _sentence_span(text, best, sentences=2)
    months = [r for r, *_ in figures if lo <= r.start < hi and r.value is not None and not r.placeholder
              and _one_month(r, text)]
    if len(months) < _MONTHS_TOLD:
        return None
    return min((r for r in months if float(r.value) < rate), key=lambda r: r.start, default=None)


_MONTHS_TOLD = 3
_LAST_TERM = re.compile(r"上学期|上个学期")
_THIS_TERM_ONLY = re.compile(r"(?:这|本)个?学期")
# units of a measure, which no count of things or events shares
_MEASURES = frozenset({"元", "万元", "亿元", "米", "公里", "千米", "亩", "万亩", "平方米", "吨", "立方米"})


def _one_part(q: Quota) -> bool:
    """A figure for one named quarter or half year (第三季度举办2期, 第一季度通报1次), not each."""
    return bool(_ONE_PART.search(q.text)) and not _EVERY.search(q.text)


# Several named parts of the year, then 各: 上、下半年各…, 一季度和二季度各…, 春季、秋季学期各….
_PARTS_BEFORE_EACH = re.compile(
    r"(?:(?:第?[一二三四1-4]|[上下]|春季?|秋季?)(?:季度|半年|学期)?\s*[、和与及]\s*){1,3}"
    r"(?:第?[一二三四1-4]季度|[上下]半年|(?:春季?|秋季?|[上下])学期)$")
_EACH_REACH = 12  # 各 and its verb (and what it counts) before a figure: 各开展1次, 各举办导师专题研修班1期
_LIST_REACH = 24  # the parts listed before 各
_PART_WORD = re.compile(r"(?:第?[一二三四1-4]季度|[上下]半年|(?:春季|秋季|[上下]|第[一二])学期)")
_PART_SEP = re.compile(r"[、和与及]")


def _parts_each(q: Quota, text: str) -> int:
    """How many named parts of the year a reported figure is for each of: 上、下半年各组织演练1次
    is two (the figure may read 下半年各…1次 or 各…1次), 一、二、三季度各1次 three, and so is
    一季度、二季度、三季度分别召开…1次 (分别 before one figure: each part had it); 1 otherwise."""
    lead = _PART_WORD.match(q.text)
    if lead:  # 下半年各组织演练1次, 第二季度分别形成…1份 (or 各 later in the figure's words: 第一、二季度对…等重点部门各开展…1次)
        at = q.start + lead.end()
        mark = _EACH_MARK.match(text, at) or _EACH_MARK.search(text, at, q.end)
    else:  # 春季、秋季学期各开展1次: 各 (or 分别) and its verb stand before the figure
        window = text[max(0, q.start - _EACH_REACH):q.start]
        marks = list(_EACH_MARK.finditer(window))
        mark = marks[-1] if marks else None
        at = q.start - len(window) + mark.start() if mark else -1
    if mark is None or at < 0:
        return 1
    if mark.group() == "分别" and (_FIGURES_LISTED.match(text, q.end) or _FIGURES_LISTED_BEFORE.search(
            text, max(0, q.start - 2), q.start)):
        return 1  # 分别召开3次、4次: a figure for each part, not one figure each
    run = _QUARTER_RUN.search(text, max(0, at - _LIST_REACH), at)
    if run and "".join(sorted(run.group("n"), key=_QUARTERS.index)) in _QUARTERS:
        return len(run.group("n"))  # 第三四季度各1次, 一二季度各…: quarters run together
    listed = _PARTS_BEFORE_EACH.search(text, max(0, at - _LIST_REACH), at) \
        or _PLACES_BEFORE_EACH.search(text, max(0, at - _LIST_REACH * 2), at)  # 在城关镇和县经济开发区各建成1个
    if listed:
        return 1 + len(_PART_SEP.findall(listed.group()))
    if _BOTH_PARTS.search(text, max(0, at - _LIST_REACH), at):
        return 2  # 上下学期各举办…1期
    months = _MONTHS_BEFORE_EACH.search(text, max(0, at - _LIST_REACH * 2), at)
    if months:  # 4月在城东污水处理厂、6月在综合管廊分公司各组织1次; 1月、2月各1次; 3月上旬和5月中旬各组织一次
        n = len(_MONTH_LISTED.findall(months.group()))
        # (4月、8月分别开展了两次…: the two, one in each month)
        return 1 if mark.group() == "分别" and q.value is not None and float(q.value) == n > 1 else n
    # 分别为初一、初三学生举办心理健康专题讲座各一场: the groups listed, then the work, then 各
    groups = _GROUPS_BEFORE_EACH.search(text, max(0, at - _LIST_REACH * 2), at) if mark.group() == "各" else None
    return 1 + groups.group("list").count("、") if groups else 1


_EACH_MARK = re.compile(r"各|分别")
_QUARTERS = "一二三四"
_QUARTER_RUN = re.compile(r"(?<![一二三四])第?(?P<n>[一二三四]{2,4})季度$")
# …a list of figures after 分别, the figure one of them (分别召开3次、4次; 分别为2次和3次)
_FIGURES_LISTED = re.compile(r"[、和及与][0-9０-９一二两三四五六七八九十]")
_FIGURES_LISTED_BEFORE = re.compile(r"[0-9０-９次个件场期份][、和及与]$")


_BOTH_PARTS = re.compile(r"(?:上下|春秋)(?:两个?)?(?:学期|半年|季学期)$")
# a month, or a part of one (3月上旬和5月中旬各组织一次)
_MONTH_LISTED = re.compile(rf"{_MONTH_NAMED.pattern}|(?<![0-9至到\-－—~～])(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:[上中下]旬|底|末|初)")
_MONTHS_BEFORE_EACH = re.compile(rf"(?:{_MONTH_LISTED.pattern})[^，,。；;、]{{0,14}}?(?:[、和及与](?:{_MONTH_LISTED.pattern})[^，,。；;、]{{0,14}}?)+$")
_PLACES_BEFORE_EACH = re.compile(r"在[\u4e00-\u9fff]{2,10}?(?:[、和与及][\u4e00-\u9fff]{2,10}?){1,4}$")
_GROUPS_BEFORE_EACH = re.compile(r"(?:分别)?(?:为|给|对|面向)(?P<list>[\u4e00-\u9fff]{2,6}?(?:、[\u4e00-\u9fff]{2,6}?){1,4})"
                                 r"[\u4e00-\u9fff“”]{0,16}$")


_FROM = r"[由从](?:上年|去年|年初|上年度|原来|原|[\u4e00-\u9fff]{1,5}?(?:前|时|初|末|底))?(?:同期)?的?"  # (由整治前的84.5%提升至91.3%)  # where a measure stood: 由上年的8%…, 由去年同期的16.8%
_FROM_VALUE = re.compile(_FROM + "$")
_TO_VALUE = re.compile(r"[^，。；\d]{0,4}?(?:提高|提升|增加|增长|上升|下降|降低|减少|压减|压缩|缩短|延长|扩大|扩展|拓展|扩充|降|升)(?:至|到|为)")
# …or inside a figure read with its rate (每周开放时长由原来的56小时)
_FROM_INSIDE = re.compile(_FROM + r"[0-9０-９.]+[^0-9０-９.]{0,3}$")
# …or what there was before a merger (原有的9个专业窗口整合为5个综合窗口: 9)
_HAD_BEFORE = re.compile(r"(?:原有|原来|现有)的?$")
_MERGED_INTO = re.compile(r"[^，。；\d]{0,8}?(?:整合|合并|归并|精简|压减|缩减)(?:为|成|至|到)")
# The whole a part is counted of (32个学位授权点中已有27个完成修订, 12项问题中已完成整改5项): 27 is
# what was done, 32 what there is to do.  (中小学, 中心 are no 中 of a whole)
_WHOLE_OF = re.compile(r"[\u4e00-\u9fff]{0,12}?中(?![小学心国央期层医华药])[，,]?(?:已有|已经有|已|有|共有)?[^，。；;0-9０-９]{0,6}[0-9０-９]")
# …or the whole said as what is to be done (要撤的十一个小区，现在完成了八个)
_WHOLE_TO_DO = re.compile(r"(?:要|需要?|应|待)[\u4e00-\u9fff]{1,3}的$")
# What is left of a whole (最后两个乡镇完成接入, 其余3个正在施工): neither the whole nor what was done
_REMAINDER = re.compile(rf"(?:最后|{P.REMAINDER_WORDS})的?$")


def _reached_rates(reported: Sequence[Quota], from_values: set[int], text: str | None) -> Sequence[Quota]:
    """Each figure a change reached (延长至66小时) with the rate of where it stood (每周…56小时)."""
    if not from_values or text is None:
        return reported
    out = list(reported)
    for i, r in enumerate(out[:-1]):
        nxt = out[i + 1]
        to = _TO_VALUE.match(text, r.end)
        if r.start in from_values and r.per_year and r.value and to and nxt.start <= to.end() + 1 \
                and _unit(nxt.unit) == _unit(r.unit) and nxt.period in ("total", "once") and nxt.value is not None:
            out[i + 1] = dataclasses.replace(nxt, period=r.period, per_year=nxt.value * r.per_year / r.value)
    return out


_LEVEL_REACH = 8
_ADDS_ASKED = re.compile(r"新|增加|扩大")  # (新增, 新建, 新培育…)
_LEVEL = re.compile(r"达到|总数|保有|累计达|(?:增加|增|扩大|扩充|扩展|拓展|提高|提升)(?:至|到)")
_PART = re.compile(r"其中[^，。；;]{0,12}$|[^，。；;]中[\u4e00-\u9fff]{0,8}(?:有|占)$")
_PART_PENALTY = 10


def _is_part(text: str, at: int) -> bool:
    """The figure at ``at`` counts a part of a total said before it in its sentence."""
    return bool(_PART.search(text, max(0, at - 16), at))


def _part_words(text: str, at: int) -> frozenset[str]:
    """The word pairs that set a part apart from its total: those after 其中 (or …中) that the
    clause before them does not say (会计 in 接收进馆的档案中会计档案有)."""
    m = _PART.search(text, max(0, at - 16), at)
    cut = m.start() + m.group().index("中")
    before = P.SENTENCE_BREAK.split(text[max(0, cut - _LOOKBEHIND):cut])[-1]
    return _words(text[cut + 1:at], generic=False) - _words(before, generic=False)


_ADDED = re.compile(r"新增|新建|新设|新发展|新培育|新认定|新组建|新成立|新拓展|新开通")
_ADDED_REACH = 16
_ADDED_SAID = 24  # (5月份新增导尿管护理、造口护理等上门服务项目11项: a list between the word and its figure)
_SUM = re.compile(r"合计|总计|共计不少于")
# …or one of two kinds counts (新开通或优化调整农村客运线路3条 against 新开通…2条，优化调整…1条)
_EITHER = re.compile(r"[\u4e00-\u9fff](?:或|和)[\u4e00-\u9fff]")


def _two_kinds(clause: str, text: str, best: Quota) -> bool:
    """The requirement counts two kinds together (中央预算内投资和地方政府专项债券资金12亿元), not a name
    with 和 in it that the report says again with its own figure (生态环境和资源保护领域27件)."""
    m = _EITHER.search(clause)
    if m is None:
        return False
    lo, hi = _sentence_span(text, best)
    return "和" not in m.group() or m.group() not in text[lo:hi]
_SAME_RATE_BONUS = 2
# A requirement of the whole body (全区, 全县, 全校…), which its parts' figures add up to
_WHOLE_SCOPE = re.compile(r"全(?:区|市|县|镇|乡|校|院|省|街道|系统|行业|园)")
# A requirement of each unit (每校开设不少于15个, 每个村不少于2场) and a figure of each unit (校均13个,
# 平均每村3场, 人均36学时); 每月, 每次 and the like are periods, not units.
_PER_UNIT_ASKED = re.compile(r"(?:每(?![年月日天周季次期轮学半两三四五六七八九十])(?:个|名|位|所)?[\u4e00-\u9fff]{1,2}|以[\u4e00-\u9fff（）()]{1,6}为单位)[^，。；;]{0,12}$")  # (以乡镇为单位保持在95%以上)
_PER_UNIT_SAID = re.compile(r"[校人户村班所家园站]均|平均每?[\u4e00-\u9fff]{0,2}|每[校所人户村班]|均在|都在|均达|[均都]不[少低]于")  # 全体教师听课均在15节以上
_PER_UNIT_REACH = 16
_AVERAGE = re.compile(r"(?:[校人户生床]均|平均)[^，。；;\n]{0,24}$")
_AVERAGE_REACH = 30
# A requirement of each of several bodies (各大队每周检查社会单位不少于30家), in its own clause
_EACH_ASKED = re.compile(r"(?:^|[^\u4e00-\u9fff])?各(?:[\u4e00-\u9fff]{0,4}?)(?:大队|中队|单位|科室|部门|支部|党支部|乡镇|街道"
                         r"|学校|医院|村|社区|站|所|分局|院系|学院|班级|年级)(?![\u4e00-\u9fff]{0,2}[合共总])")
_EACH_ASKED_REACH = 24


def _clause_before(text: str, at: int, end: int | None = None) -> str:
    """The last clause of the _EACH_ASKED_REACH characters before at (to end, when given)."""
    return P.COMPARE_CLAUSE_BREAK.split(text[max(0, at - _EACH_ASKED_REACH):at if end is None else end])[-1]


_ONE_ROUND = re.compile(r"[一二三四1-4]季度|[上下]半年|[0-9一二三四五六七八九十]{1,3}月")
_OF_THE_YEAR = re.compile(r"(?:年度|全年)(?:任务|目标|计划)")
_FEW_UNITS = re.compile(r"(?:个别|少数|极少数|一些|有的)[\u4e00-\u9fff]{0,12}$")
# …and the bodies it names (各党支部每季度…, 每个工作室每学期…), to count them by
_EACH_NOUN = re.compile(r"(?:各|每个|每所)(?P<noun>[\u4e00-\u9fff]{2,4}?)(?=每|全年|年内|本学期|[每全]?[季月周]|至少|不少于|$)")
_TOTAL_OVER = re.compile(r"[共计]")  # 各工作室共开展…11次, 全年各党支部共讲党课61次, 累计, 合计
_TOTAL_REACH = 12
_HOW_MANY = re.compile(r"([0-9]+|[一二两三四五六七八九十]+)(个|家|所|名)")  # 19个党支部, 工作室5个
_PER_UNIT_SEEN = 4  # 校均 right before a figure, or 人均 opening it


def _sentence_before(text: str, at: int) -> str:
    """What text[at]'s sentence says before it, no further back than _SAID_BEFORE (城镇、农村居民人均可支配收入
    分别达到…，分别增长5.6%: the measure a change is of, clauses before it)."""
    return P.SENTENCE_BREAK.split(text[max(0, at - _SAID_BEFORE):at])[-1]


_SAID_BEFORE = 60


_WHOLE_PERIODS = frozenset({"year", "total"})


def _listed(text: str | None, q: Quota) -> tuple[int, int, tuple[str, ...]] | None:
    """(its place, how many, the subjects listed before 分别) of a figure in a list after 分别 in
    its clause (城镇、农村居民…分别增长5.6%和7.3%: 7.3% is (1, 2, (城镇, 农村))); None for a
    figure in no such list.  The subjects are the first two characters of each, () unless
    there are as many as figures."""
    if text is None:
        return None
    nums = list(_NUMBER.finditer(q.text))
    if not nums:
        return None
    at = q.start + nums[-1].start()
    lo = max(text.rfind(c, max(0, at - _LISTED_REACH), at) for c in _LIST_CLAUSE_ENDS) + 1
    mark = text.rfind("分别", lo, at)
    if mark < 0:
        return None
    hi_m = _LIST_CLAUSE_END.search(text, at)
    hi = hi_m.start() if hi_m else len(text)
    before = len(_NUMBER.findall(text, mark, at))
    count = before + len(_NUMBER.findall(text, at, hi))
    if count < 2:
        return None
    subjects = _SUBJECTS.search(text, lo, mark)
    heads = tuple(x[:2] for x in _PART_SEP.split(subjects.group())) if subjects else ()
    return before, count, (heads if len(heads) == count and all(len(h) == 2 for h in heads) else ())


_SUBJECTS = re.compile(r"[\u4e00-\u9fff]{2,8}(?:[、和与及][\u4e00-\u9fff]{2,8})+")


_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_LIST_CLAUSE_ENDS = "，,。；;\n"
_LIST_CLAUSE_END = re.compile(f"[{_LIST_CLAUSE_ENDS}]")
_LISTED_REACH = 40


def _same_rate(q: Quota, r: Quota) -> bool:
    """A figure of the same rate as the requirement (每月检查一次 for 每月…1次); a term's count, like a
    year's, is a total (本学期…15节 is no closer to 每学期…20节 than another figure is)."""
    return q.period not in ("total", "year", "once", "term") and r.period == q.period and r.every == q.every


_STARTED = re.compile(r"(?:自|从)(?:今年|本年)?(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?(?:中旬|下旬|上旬|初|底)?(?:起|开始|以来)")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def _started_late(r: Quota, text: str | None, months: int) -> int | None:
    """The months a rate reported from a month on has run (自7月起…按月开展 in a year's report: 6);
    None when its sentence says no such start."""
    if text is None:
        return None
    lo, _ = _sentence_span(text, r)
    m = None
    for m in _STARTED.finditer(text, lo, r.start):
        pass
    if m is None:
        return None
    first = _CN_MONTHS.get(m.group("m")) or int(m.group("m"))
    return months - first + 1 if 1 < first <= months else None


# What came of figures told before it in its sentence (法院已采纳再审检察建议2件): a part of them
_OUTCOME = re.compile(r"(?:已|被|均已)?(?:采纳|采用|批复|立项|办结|结案|见效)")


_SAID_SUM = re.compile(r"(?:加起来|合计|总计|一共|共计|总共)(?:是|有|达到?)?$")


def _same_list(r: Quota, best: Quota, text: str) -> bool:
    """r is another figure of the list after 分别 that best is in (18场、9场和17场)."""
    if r is best:
        return False
    theirs, mine = _listed(text, r), _listed(text, best)
    return theirs is not None and mine is not None and theirs[1:] == mine[1:] and theirs[0] != mine[0] \
        and not _LIST_CLAUSE_END.search(text, min(r.end, best.end), max(r.start, best.start))


def _sum_in_sentence(best: Quota, figures: Sequence[Quota], text: str, value: float) -> tuple[float, str | None]:
    """value plus the other figures of best's unit listed with it in its sentence, and how the
    sum was made (46、87、92批次合计225批次), None when nothing was added."""
    lo, hi = _sentence_span(text, best)
    others = [r for r in figures if r is not best and lo <= r.start < hi and r.value is not None and not r.placeholder
              and not _NOT_DONE_PART.match(text, r.end)
              and not _OTHER_PART.search(text, max(lo, r.start - 3), r.start)  # (另外两座…没建成 adds nothing)
              and not _OUTCOME.search(_clause_before(text, r.start))]  # (…3件，法院已采纳…2件: of those 3)
    if not others:
        return value, None
    each = {r.start: _parts_each(r, text) for r in others}  # (第三四季度各1次: two)
    total = value + sum(float(r.value) * each[r.start] for r in others)
    return total, _sum_text(sorted([best, *others], key=lambda r: r.start), best.unit, total, each)


def _sum_text(listed: Sequence[Quota], unit: str, total: float, each: dict[int, int] | None = None) -> str:
    """How a sum was made: 46、87、92批次合计225批次 (1、2、1×2次合计5次)."""
    def one(r: Quota) -> str:
        times = (each or {}).get(r.start, 1)
        return _num(float(r.value)) + (f"×{times}" if times > 1 else "")
    return "、".join(one(r) for r in listed) + f"{unit}合计{_num(total)}{unit}"


def _told_again(best: Quota, figures: Sequence[Quota], text: str) -> list[Quota]:
    """best and the figures of its sentence told as more of the same (…活动4场，走进商圈…的又有3场;
    7月中旬组织一次，8月上旬…又连续两次启动): the figure before the first 又 and each figure after a
    又 of its own clause, in order; [] when best is not one of them."""
    lo, hi = _sentence_span(text, best)
    inside = sorted((r for r in figures if lo <= r.start < hi and r.value is not None and not r.placeholder),
                    key=lambda r: r.start)
    again = [r for r in inside if _AGAIN.search(text, _clause_start(text, r.start, _AGAIN_REACH), r.start)]
    before = [r for r in inside if again and r.start < again[0].start]
    group = [before[-1], *again] if before else []
    return group if any(r is best for r in group) else []


_AGAIN = re.compile(r"又(?![好快])")
_AGAIN_REACH = 24


_NOT_DONE_PART = re.compile(r"[^，,。；;]*?(?:没|未|尚未|还未|正在|尚在|仍在|还在)")  # (另有2家正在评审之中)
_OTHER_PART = re.compile(rf"(?:另外|{P.REMAINDER_WORDS})的?$")


_EVENT_UNITS = frozenset({"次", "期", "批", "篇"})
_ROUNDS = frozenset({"day", "week", "half_month", "month", "quarter", "half_year"})  # periods shorter than a year
HALF_ROUND = 0.5


def _scale(q: Quota, months: int, one_year_plan: bool, weeks: int | None = None) -> tuple[float | None, float | None]:
    """The requirement over the summary's months: 每季度1次 over a year is 4; 每周1次 over a school
    term is its teaching weeks."""
    if q.value is None:
        return None, None
    if (_unit(q.unit) in P.QUOTA_RATE_UNITS or q.period == "once" or (q.comparator == "<=" and q.period in ("total", "year"))
            or _staffing(q)
            or _one_part(q)):
        # a rate, a cap (控制在15分钟以内, 不超过2起; a year's, 全年计划停电不超过2次, holds whole at any
        # time of the year) and what one named quarter or half year is to
        # hold (第三季度举办培训班2期) are what they say over any stretch of time
        return float(q.value), (float(q.value_max) if q.value_max is not None else None)
    if q.period == "term" and weeks:
        factor = 1.0 / q.every  # 本学期至少组织2次, 每学期…, against a report on one term
    elif q.per_year is not None and q.period == "week" and weeks:
        factor = (q.per_year / q.value) * weeks / 52 if q.value else 0.0
    elif q.per_year is not None and q.period != "total":
        factor = (q.per_year / q.value) * months / 12 if q.value else 0.0
    elif one_year_plan and months < 12:
        factor = months / 12  # an annual target at half-time: 时间过半，任务过半
    else:
        factor = 1.0
    hi = q.value_max * factor if q.value_max is not None else None
    return q.value * factor, hi


def _staffing(q: Quota) -> bool:
    """People on duty each day (每天安排不少于2名教师值守): a level held, not a count that adds up."""
    return q.period == "day" and _unit(q.unit) == "人"


def _reported(q: Quota, months: int) -> float | None:
    if q.value is None:
        return None
    if _staffing(q):
        return float(q.value)
    if (q.per_year is not None and q.period not in ("year", "total", "half_year", "once")
            and not (q.period == "term" and not _EVERY.search(q.text))  # 本学期共检查20次: the term's total
            and not _one_part(q)):
        # 每月抽查督导2次 is a rate, over the period; 第一季度通报1次 is what one quarter held
        return q.per_year * months / 12
    return float(q.value)


@dataclass(frozen=True)
class _Facts:
    """What a reported figure's own words say, read once per comparison for all its tasks."""

    from_value: bool  # where a measure stood (由上年的8%提高至12%: 8%), or the whole of a part (32个…中已有27个: 32)
    each: bool  # a figure of each unit (校均13个, 人均36学时)
    measure: str | None  # the measure a percentage names (覆盖率38.2%: 覆盖)
    added: bool  # what was added (新增网点3个)
    part: frozenset[str] | None  # the words of a part of a total (其中会计档案1200卷), None for no part
    events: frozenset[str] = frozenset()  # the kinds of event its clause names (培训 in 组织…全员培训4期)
    remainder: bool = False  # what is left of a whole (最后两个乡镇, 剩余的17台燃煤锅炉)

    @classmethod
    def of(cls, r: Quota, text: str | None) -> "_Facts":
        if text is None:
            return cls(False, False, _measure(r, text), False, None)
        measure = _measure(r, text)
        return cls(bool(_WHOLE_TO_DO.search(text, max(0, r.start - 8), r.start))
                   or bool((_FROM_VALUE.search(text, max(0, r.start - 8), r.start) or _FROM_INSIDE.search(r.text))
                        and _TO_VALUE.match(text, r.end)) or bool(_WHOLE_OF.match(text, r.end))
                   or bool(_HAD_BEFORE.search(text, max(0, r.start - 4), r.start) and _MERGED_INTO.match(text, r.end)) or _superseded(r, text, measure)
                   or _last_years(r, text) or _asked_of(r, text),
                   bool(_PER_UNIT_SAID.search(text, max(0, r.start - _PER_UNIT_SEEN), r.end)),
                   measure,
                   bool(_ADDED.search(text, _clause_start(text, r.start, _ADDED_SAID), r.end)),
                   _part_words(text, r.start) if _is_part(text, r.start) else None,
                   events_around(text, r.start, r.end) or _events_in(_about(r, text, _REPORT_REACH)),
                   bool(_REMAINDER.search(text, max(0, r.start - 3), r.start)))


def _asked_of(r: Quota, text: str) -> bool:
    """The figure is the requirement a shortfall is measured from (离每月至少一次的要求差得比较远,
    距年度目标3000户还有差距): what was asked, not what was done."""
    return bool(_ASKED_BEFORE.search(text, max(0, r.start - _ASKED_REACH), r.start) and _ASKED_AFTER.match(text, r.end))


_ASKED_BEFORE = re.compile(r"(?:离|距|距离)[^，。；;\d]{0,6}$")
_ASKED_AFTER = re.compile(r"[^，。；;\d]{0,4}?的?(?:要求|目标|标准|任务)")
_ASKED_REACH = 8


def _clause_start(text: str, at: int, reach: int) -> int:
    """Where the clause holding text[at] starts, no further back than reach (…新增入库项目21个，
    入库项目总数达到53个: the total's clause says nothing was added)."""
    lo = max(0, at - reach)
    cut = None
    for cut in P.CLAUSE_BREAK.finditer(text, lo, at):
        pass
    return cut.end() if cut else lo


def _last_years(r: Quota, text: str) -> bool:
    """The figure's sentence opens on the year before (去年这个时候，全院手卫生依从率只有72%) and
    says nothing of this year before it: where things stood, not what was done."""
    stop = max(text.rfind(c, max(0, r.start - _LAST_YEAR_REACH), r.start) for c in "。；;\n！？")
    return stop >= 0 and bool(_LAST_YEAR.match(text, stop + 1)) and not _THIS_YEAR.search(text, stop + 1, r.start)


_LAST_YEAR_REACH = 60
_LAST_YEAR = re.compile(r"\s*(?:去年|上年|上一年|前年)(?!以来|底以来)")
_THIS_YEAR = re.compile(r"今年|本年|当年|目前|现在|如今|截至|已")


def _superseded(r: Quota, text: str, measure: str | None) -> bool:
    """Later in its sentence the figure's measure is said to have risen to another figure (首次考试
    合格率为95.4%，对不合格人员离岗补训补考，截至5月底考试合格率提升至100%): the first is where it stood."""
    if measure is None:
        return False
    later = _LATER_REACHED.match(text, r.end)
    return bool(later and later.group("m")[:2] == measure)


_LATER_REACHED = re.compile(r"[^。；;]{0,40}?(?P<m>[\u4e00-\u9fff]{2}[率度])(?:提升|提高|上升)(?:至|到)\s*[0-9.]+\s*[%％]")


def events_around(text: str | None, start: int, end: int) -> frozenset[str]:
    """The kinds of event (models/lexicons/concepts.txt: 培训, 警示教育, 会议…) named in the clause
    around text[start:end]."""
    if text is None:
        return frozenset()
    lo = max(0, start - _EVENT_REACH)
    for m in _EVENT_CUT.finditer(text, lo, start):
        lo = m.end()
    m = _EVENT_CUT.search(text, end, end + _EVENT_REACH)
    hi = m.start() if m else min(len(text), end + _EVENT_REACH)
    return _events_in(text, lo, hi)


def _events_in(text: str, lo: int = 0, hi: int | None = None) -> frozenset[str]:
    """The kinds of event text[lo:hi] names (also, for a figure whose own clause names none, what
    it reads back to: 各基层党支部书记讲廉政党课，上半年共讲授xx场 counts 党课)."""
    concepts = lexicon.concepts()
    hi = len(text) if hi is None else hi
    found = frozenset(c for c in (concepts.of[m.group()] for m in concepts.regex.finditer(text, lo, hi))
                      if c in P.EVENT_CONCEPTS)
    # (a meeting named by what it does, 护理质量分析会: a meeting all the same, for counting; the
    # concept lexicon leaves it out, where it would pull unrelated sentences together)
    return found | {"会议"} if _MEETING_BY_TASK.search(text, lo, hi) else found


_MEETING_BY_TASK = re.compile(r"(?:分析|研判|讲评|协调|部署|通报|点评|总结)会(?!议|计|员|同|商|签|诊)")


_EVENT_CUT = re.compile(r"[，,。；;：:\n]")
_EVENT_REACH = 40


_SPANNED = frozenset({"month", "half_month", "week", "quarter"})
_MONTH_SPAN = re.compile(r"(?<![0-9])(?P<m1>[0-9]{1,2})\s*(?:月份?)?\s*(?:至|到|—|－|-|~|～)\s*(?:(?:19|20)[0-9]{2}\s*年\s*)?(?P<m2>[0-9]{1,2})\s*月")
_SPAN_REACH = 80


def _own_span(plan_text: str | None, q: Quota) -> tuple[int, str] | None:
    """The months of the span the quota's own paragraph sets before it, and its words (5月至9月每月…:
    (5, 5月至9月)), or None."""
    if plan_text is None:
        return None
    lo = max(plan_text.rfind("\n", max(0, q.start - _SPAN_REACH), q.start) + 1, q.start - _SPAN_REACH, 0)
    spans = [m for m in _MONTH_SPAN.finditer(plan_text, lo, q.start) if 1 <= int(m.group("m1")) < int(m.group("m2")) <= 12]
    return (int(spans[-1].group("m2")) - int(spans[-1].group("m1")) + 1, spans[-1].group()) if spans else None


def check_quotas(plan_quotas: Iterable[Quota], reported: Sequence[Quota], months: int,
                 one_year_plan: bool, plan_text: str | None = None,
                 summary_text: str | None = None,
                 evidence: Sequence[tuple[str, int]] = (),
                 covers: dict[int, int] | None = None, weeks: int | None = None,
                 abouts: dict[int, tuple[frozenset[str], str]] | None = None,
                 due_months: int | None = None,
                 facts: dict[int, "_Facts"] | None = None) -> list[QuotaCheck]:
    """Each plan quota against the reported figure in the same unit that is about the same
    action (shared words), scaled to the summary's months, or to the months the figure itself
    covers (covers: reported figure's start → months, from 1-11月 or 截至11月底 before it).  A
    rate nobody reports as a percentage may still be read from the evidence sentences, (text,
    start) pairs: two counts (排查隐患86处，整改84处) or words of full coverage (全覆盖).  weeks:
    the teaching weeks of a school term, which weekly quotas count instead of its months.
    abouts: a cache of what each reported figure is about, by its start, kept by the caller
    across the tasks of one comparison.  due_months: the months periodic requirements (每季度…)
    are owed for when fewer than the period's (a rectification plan issued mid-year); a year's
    target (全年…) is still owed pro rata over the period.  facts: a cache like abouts, of what
    each reported figure's own words say (_Facts)."""
    facts = {} if facts is None else facts
    for r in reported:
        if r.start not in facts:
            facts[r.start] = _Facts.of(r, summary_text)
    # where a measure stood (考核权重由上年的8%提高至12%: 8%) answers no requirement
    from_values = {r.start for r in reported if facts[r.start].from_value}
    # …and what it reached keeps its rate (每周开放时长由原来的56小时延长至66小时: 66 a week)
    reported = _reached_rates(reported, from_values, summary_text)
    out = []
    by_unit: dict[str, list[tuple[Quota, frozenset[str], str]]] = {}  # figure, its words' pairs, its words
    for r in reported:
        got = abouts.get(r.start) if abouts is not None else None
        if got is None:
            about = _about(r, summary_text, _REPORT_REACH)
            got = (_words(about, generic=False) | (_bigrams(_after(r, summary_text)) - _GENERIC_BIGRAMS), about)
            if abouts is not None:
                abouts[r.start] = got
        by_unit.setdefault(_unit(r.unit), []).append((r, *got))
        if r.unit == "个" and summary_text is not None and _SESSIONS.match(summary_text, r.end):
            # 每周安排2个下午开放: each half day is one time the work is held, on one day
            for unit in ("次", "天"):
                by_unit.setdefault(unit, []).append((r, *got))
    each_unit = {r.start for r in reported if facts[r.start].each}
    measures = {r.start: facts[r.start].measure for r in reported}
    added_at = {r.start for r in reported if facts[r.start].added}
    parts = {r.start: facts[r.start].part for r in reported if facts[r.start].part is not None}
    plan_quotas = list(plan_quotas)
    named_at: dict[int, frozenset[str]] = {}  # the quoted names before each figure, read once a call

    target_at: dict[int, str | None] = {}

    def targets_of(r: Quota) -> str | None:
        if r.start not in target_at:
            target_at[r.start] = _target(summary_text, r)
        return target_at[r.start]

    def names_of(r: Quota) -> frozenset[str]:
        if r.start not in named_at:
            named_at[r.start] = _names_before(r, summary_text)
        return named_at[r.start]
    # the plan's own milestone for the report's half year (全年45万画幅以上，其中上半年不少于20万画幅)
    # is what the year's target asks by then
    milestones = {_unit(q.unit): float(q.value) for q in plan_quotas if months == 6 and q.value is not None
                  and _HALF_MILESTONE.search(q.text) and not _EVERY.search(q.text)}
    categories = list(lexicon.audiences().categories.values())
    for q in plan_quotas:
        owed = due_months if due_months is not None and q.period not in ("year", "total", "term") else months
        span = _own_span(plan_text, q) if q.period in _SPANNED and weeks is None else None
        if span is not None and span[0] < owed:
            # a rate the plan sets for some months only (5月至9月每月开展1次; 集中整治阶段（4月—10月）。…每月组织1次)
            owed = span[0]
        else:
            span = None
        lo, hi = _scale(q, owed, one_year_plan, weeks)
        if plan_text is not None and q.period in ("total", "year") and lo is not None and q.value is not None \
                and _AVERAGE.search(plan_text, max(0, q.start - _AVERAGE_REACH), q.start):
            # an average to reach (生均教学仪器设备值初中达到2500元以上) is a level, owed whole at any time
            lo, hi = float(q.value), (float(q.value_max) if q.value_max is not None else None)
        if lo is not None and q.period in ("year", "total") and hi is None and _unit(q.unit) in milestones \
                and not _HALF_MILESTONE.search(q.text) and q.comparator != "<=":
            lo = min(lo, milestones[_unit(q.unit)])
        at_most = q.comparator == "<=" or P.QUOTA_AT_MOST.search(q.text)
        comparator = "range" if hi is not None else ("<=" if at_most else ">=")
        if lo is not None and hi is None and q.comparator is None and not at_most and _ABOUT.search(q.text) \
                and _unit(q.unit) not in P.QUOTA_RATE_UNITS:
            # 调训…60人左右: about 60, so 58 keep it (a tenth below; not a rate: 增长6%左右 is not
            # kept by 5.8%)
            lo *= 1 - _ABOUT_SHARE
        about = _about(q, plan_text)
        after = _after(q, plan_text)
        graded = about + (_clause_before(plan_text, q.start) if plan_text is not None else "")
        graded_q = graded + q.text  # (全年更新改造老旧燃气管道不少于35公里: the grade in the figure's own words)
        whom = audience_mask(graded_q + after)
        mine = _words(about) | (_bigrams(after) - _GENERIC_BIGRAMS)
        head = _CHANGE_OF.search(about)  # 能耗下降2.5%: only a figure of 能耗 answers it
        per_unit = plan_text is not None and bool(
            _PER_UNIT_ASKED.search(plan_text, max(0, q.start - _PER_UNIT_REACH), q.start)
            or _PER_UNIT_SAID.search(plan_text, max(0, q.start - _PER_UNIT_SEEN), q.end))  # 人均综合能耗…下降1.2%
        measure = _measure(q, plan_text, asked=True)  # 满意度达到90%以上: only a 满意度 answers it, not a 覆盖率
        every_unit = plan_text is not None and bool(_EACH_ASKED.search(
            _clause_before(plan_text, q.start)))
        level = plan_text is not None and _LEVEL.search(plan_text, max(0, q.start - _ADDED_REACH), q.end) is not None
        adds_asked = plan_text is None or bool(_ADDS_ASKED.search(_clause_before(plan_text, q.start, q.end) + q.text))
        # a requirement of the whole is answered by the whole before a part of it, however
        # many words the part shares (共接收档案8600卷 before …中会计档案有1200卷), unless what
        # sets the part apart is what the requirement names (其中住宅电梯318台 for 住宅电梯)
        whole = plan_text is not None and not _is_part(plan_text, q.start)
        part_words = _part_words(plan_text, q.start) if plan_text is not None and not whole else frozenset()
        # a count of one kind of event answers none of another (组织纪检监察干部全员培训4期 for 每半年组织1次
        # 纪检监察干部警示教育), whatever words they share
        events = events_around(plan_text, q.start, q.end)
        meeting = _meeting_named(about) or _meeting_named(after)  # (召开1次党员大会: named after its figure)
        series = _names_before(q, plan_text) | _names_in(q) | _names_after(q, plan_text)
        names = frozenset(n for n in series if not _FORMULATION.match(n))  # (“四不两直” is a way of working, not an activity)

        target = _target(plan_text, q)
        listed = _listed(plan_text, q)  # (分别增长5.5%和7%: 7% is the second of two)
        # the people a count of people names right after it (至少培养1名入党积极分子): a count of other
        # people (发展党员11名) is no answer
        counted = _words(after) if _unit(q.unit) in _PEOPLE_UNITS and not _NOT_COUNTED.match(after) else frozenset()

        # a unit that is itself what is counted (不少于4学时 of training: 每人上了4个学时的医德医风课)
        says_what = int(_unit(q.unit) in _UNITS_THAT_NAME)

        def answer(mine: frozenset[str], unit: str | None = None) -> tuple[Quota | None, int, list[Quota]]:
            best, best_key, best_rank = None, (0, 0), (0, False, 0)
            ties: list[Quota] = []
            for r, theirs, their_about in by_unit.get(unit or _unit(q.unit), ()):
                if target and (other := targets_of(r)) and not _bigrams(target) & _bigrams(other):
                    continue  # 每月对枪弹库开展安全检查 is no count of 每月对各派出所…督察检查
                if head and (not _CHANGE_WORD.search(their_about) or head.group("head") not in their_about and not (
                        summary_text is not None and head.group("head") in _sentence_before(summary_text, r.start))):
                    continue
                if not head and comparator == "<=" and summary_text is not None and _said_as_change(r, summary_text):
                    continue  # 农网用户年均停电时间较上年下降2.1小时 is how much it fell, not where it stands (≤12小时)
                if measure and measures[r.start] not in (None, measure):
                    continue
                if measure and not _DIGIT_AT.search(r.text) and measure not in their_about:
                    continue  # “护学岗”做到全覆盖 says nothing of 一键报警…联网率达到100%
                if _unit(q.unit) in P.QUOTA_RATE_UNITS and q.period in _ROUNDS and r.period in ("year", "total") \
                        and _OF_THE_YEAR.search(q.text) and summary_text is not None and not _ONE_ROUND.search(
                            _clause_before(summary_text, r.start)):
                    continue  # 每季度完成量不低于年度任务的20% is a quarter's share: the year's 106.1% says nothing of it
                if r.start in from_values:
                    continue
                if len(counted) >= _COUNTED_PAIRS and not counted & theirs:
                    continue
                if part_words and not part_words & theirs:
                    continue  # 其中四级手术患者随访率达到100% is answered by no rate of all 出院患者
                if events and facts[r.start].events and not events & facts[r.start].events:
                    continue
                if _graded_apart(graded_q, their_about + (_clause_before(summary_text, r.start) if summary_text is not None else "")):
                    # 一般隐患…整改率99% is no rate of 重大事故隐患 (nor 城网用户…4.2小时 of 农网用户); a
                    # requirement naming both (城镇、农村居民…分别增长) is answered by either's figure
                    continue
                if meeting and (theirs_named := _meeting_named(their_about)) and not meeting & theirs_named:
                    continue  # 召开审判委员会会议11次 is no count of 专业法官会议…每季度至少各召开1次
                if summary_text is not None and (kind := _title_kind(r, summary_text)) and kind not in about + after:
                    continue  # 全年编发《审务督察通报》8期 counts a publication's issues, not 举办…培训班1期
                if series and _another_of_a_series(series, names_of(r)):
                    continue  # “公益诉讼进校园”宣传活动4场 is no count of “公益诉讼进社区”
                if facts[r.start].remainder and r.value is not None and lo is not None and r.value < lo:
                    continue  # 最后两个乡镇完成接入 is the last of the 12, not all that was done
                if _siblings_verb(q, r, plan_quotas):
                    continue  # 每月检查 is 每月检查1次's, not 每半年巡检1次's, in one task
                if listed is not None and (theirs_listed := _listed(summary_text, r)) is not None \
                        and theirs_listed[1] == listed[1] and theirs_listed[0] != listed[0]:
                    continue  # 分别增长5.6%和7.3% against 分别增长5.5%和7%: the second answers the second
                if listed is not None and listed[2] and summary_text is not None and (
                        said := _sentence_before(summary_text, r.start) + their_about) \
                        and listed[2][listed[0]] not in said and any(h in said for h in listed[2] if h != listed[2][listed[0]]):
                    continue  # 城镇居民…增长5.6% is the first subject's, not 农村's 7%
                if whom and summary_text is not None and conflicting(
                        whom, audience_mask(_clause_before(summary_text, r.start) + r.text), categories):
                    continue  # 给社区老年人讲了四回防诈骗 is no count of 儿童…安全教育
                if listed is None and summary_text is not None and (theirs_listed := _listed(summary_text, r)) is not None \
                        and theirs_listed[2] and len(named := [h for h in theirs_listed[2] if h in graded]) == 1 \
                        and theirs_listed[2][theirs_listed[0]] != named[0]:
                    continue  # 区图书馆…不少于20场 is answered by 区图书馆's 18场 of 区图书馆、区文化馆…分别…18场、9场
                if every_unit and summary_text is not None and _FEW_UNITS.search(
                        _clause_before(summary_text, r.start)):
                    continue  # 个别支部做到了每月一次 is what a few did, not what each did
                # most shared words, a figure of the same rate (每月检查一次 for 每月…1次 over 共计4次)
                # or, for a requirement of each unit (每校不少于15个), of each unit (校均13个), then the
                # earliest; a figure of each unit is the last to answer a total (全区不少于500个)
                each = r.start in each_unit
                same = _same_rate(q, r) or (per_unit and each)
                # (the quoted name of the activity said again: 办好“纳税人学堂”…全年开展培训不少于12期
                # against 全年举办“纳税人学堂”15期)
                key = (len(mine & theirs) + says_what + (_SAME_RATE_BONUS if same else 0)
                       + (_SAME_RATE_BONUS if names and names & (names_of(r) | _names_in(r)) else 0), -r.start)
                # a level to reach (网点达到20个) is not answered by what was added (新增网点3个) beside the level reached
                # (nor a stock asked with no word of adding, 系统上线审核规则不少于120条, by 新增…31条 before
                # 在用规则达到126条 in its sentence)
                added = (level or not adds_asked) and r.start in added_at
                # (and never when its sentence gives the level: 新组建2个…团队，团队总数达到12个)
                reached = added and summary_text is not None and any(
                    o.start not in added_at and o.start > r.end and not P.SENTENCE_BREAK.search(summary_text, r.end, o.start)
                    and (level or _LEVEL.search(summary_text, max(r.end, o.start - _LEVEL_REACH), o.end))
                    for o, *_ in by_unit.get(_unit(q.unit), ()))
                rank = (key[0] - (_SAME_RATE_BONUS if each and not per_unit else 0) + (r.unit == q.unit)
                        - (_PART_PENALTY if reached else _SAME_RATE_BONUS) * (added and (level or reached))
                        - _PART_PENALTY * (whole and r.start in parts and not parts[r.start] & mine),
                        # (on a tie, the year's figure for a year's target: 全年累计干了六百三十多次, not
                        # 上半年干了三百一十次 before it)
                        q.period in _WHOLE_PERIODS and r.period in _WHOLE_PERIODS, key[1])
                # two shared pairs for a long description, unless the figure's own words hold one
                # (培训xx人次 against …培训不少于10期、3000人次)
                need = max(1, min(2, len(theirs - _GENERIC_BIGRAMS))) if len(mine) >= _LONG_ABOUT else 1
                # (a rate alone is no answer: 上半年召开专业法官会议58次 shares none of 每半年汇总分析1次's words)
                if not mine & theirs and facts[r.start].events and not events:
                    continue
                if key[0] >= need and (best is None or rank > best_rank):
                    best, best_key, best_rank = r, key, rank
                    ties = [r]
                elif best is not None and rank[0] == best_rank[0] and key[0] >= need:
                    ties.append(r)
            return best, best_key[0], ties

        best, shared, ties = answer(mine)
        if best is None and plan_text is not None and len(_words(about)) <= 1 and not q.subject \
                and (lead := P.QUOTA_PERIOD.match(plan_text, q.start)) and lead.group("every"):
            # (检察长接待日每月安排1次: 安排 says nothing of what; the clause before the rate does)
            best, shared, ties = answer(mine | _words(P.CLAUSE_BREAK.split(plan_text[max(0, q.start - _TOPIC_REACH):q.start])[-1]))
        if best is not None and whole and summary_text is not None and best.value is not None and comparator != "<=":
            # 合作社6家、家庭农场8家，加起来十四家: the sum its sentence says is the whole's figure
            summed = next((r for r, *_ in by_unit.get(_unit(q.unit), ()) if r.start > best.end and r.value is not None
                           and not r.placeholder and _SAID_SUM.search(summary_text, max(0, r.start - 6), r.start)
                           and not P.SENTENCE_BREAK.search(summary_text, best.end, r.start)), None)
            best = summed or best
        if best is not None and whole and not per_unit and best.start in each_unit and summary_text is not None:
            # 全院新立项…12门，每个专业均不少于3门: the whole's figure before each unit's answers a whole
            before = [r for r, *_ in by_unit.get(_unit(q.unit), ()) if r.end <= best.start and r.start not in each_unit
                      and r.value is not None and not r.placeholder and r.start not in from_values
                      and not P.SENTENCE_BREAK.search(summary_text, r.end, best.start)]
            best = before[-1] if before else best
        named = _named_before(q, plan_text)
        if best is None and named:
            # (nothing said before the figure is said again: the quoted name of the activity is)
            best, shared, ties = answer(mine | named)
        if best is None and _unit(q.unit) == "人次" and comparator == ">=" and lo is not None:
            # 两级法院督察人员52人参加培训 for 参训不少于40人次: each person attended at least once, so
            # enough people are enough attendances (too few tell nothing of the attendances)
            best, shared, ties = answer(mine, "人")
            if best is not None and (best.value is None or best.placeholder or float(best.value) < lo):
                best, shared, ties = None, 0, []
        if best is None and evidence and _unit(q.unit) in _MEASURES and comparator == ">=" \
                and sum(_unit(x.unit) == _unit(q.unit) for x in plan_quotas) == 1:
            # 帮两百多名农民工讨回工钱三百四十万元左右 for 帮助追回欠薪不少于300万元: the one sum of money
            # (or length, area…) the task's best evidence tells, for the task's one such requirement
            text, at = evidence[0]
            lone = [r for r, *_ in by_unit.get(_unit(q.unit), ()) if at <= r.start < at + len(text)
                    and r.value is not None and not r.placeholder and r.start not in from_values
                    and not (summary_text is not None and _graded_apart(graded_q, _clause_before(summary_text, r.start) + r.text))]
            if len(lone) == 1:
                best, shared, ties = lone[0], 0, lone
        if best is not None and whole and summary_text is not None:
            # 新增养老服务站2处、托育点1处、便民服务点3处，共计6处: the parts' total answers the whole
            best = _listed_total(best, [r for r, *_ in by_unit.get(_unit(q.unit), ())], summary_text)
        if best is not None and len(ties) > 1 and every_unit and q.comparator != "<=":
            # 各大队每周检查不少于30家 against 东城周均52家…临江周均23家: each must meet it
            best = min(ties, key=lambda r: (r.value if r.value is not None else float("inf"), r.start))
        if best is not None and not best.placeholder and summary_text is not None and not P.QUOTA_CORE.search(best.text):
            # a rate said in words (按月开展) beside its count left unfilled (全年共监测X次): the count
            # is what the requirement asks, and it cannot be checked
            best = next((r for r, theirs, _ in by_unit.get(_unit(q.unit), ()) if r.placeholder and mine & theirs
                         and not P.SENTENCE_BREAK.search(summary_text, min(r.start, best.start), max(r.end, best.end))),
                        best)
        if best is not None and summary_text is not None and _all_of_a_list(q, plan_text):
            # 会议、文件数量均压减10%以上 against 会议减少12%，发文减少8.2%: each must meet it
            own = [r for r, *_ in by_unit.get(_unit(q.unit), ()) if r.value is not None and not r.placeholder
                   and r.start not in from_values and not P.SENTENCE_BREAK.search(summary_text, min(r.end, best.end), max(r.start, best.start))]
            best = _least(own, comparator) if own else best
        occasions = None
        if q.period == "once" and best is not None and best.period != "once" and _unit(q.unit) not in P.QUOTA_RATE_UNITS:
            # 每次不少于20卷 cannot be read from a total (a rate can: 各期参学率均在95%以上 for 每期…不低于90%),
            # unless its sentence counts the occasions (招聘会2场…提供岗位360余个 for 每场…不少于100个)
            occasions = _occasions(q, best, reported, summary_text)
            if occasions is None:
                # (each occasion's own figures, 分别随机抽查结案案件45件、41件: each must meet 每次不少于50件)
                own = [r for r in _each_own(best, reported, summary_text) if r.value is not None and not r.placeholder] \
                    if _EACH_OCCASION.match(q.text) and summary_text is not None else []
                best = _least(own, q.comparator) if len(own) > 1 else None
        derived = None
        if best is None and _unit(q.unit) in P.QUOTA_RATE_UNITS and not q.placeholder:
            best, derived = _rate_in_words(mine, evidence, q.unit, measure)
        elif best is None and (every_unit or per_unit) and q.value == 1 and lo is not None and comparator == ">=" \
                and q.period not in _ROUNDS:  # (各责任部门按月报送 is a rate, not one thing each has)
            # 每个实践站至少培育1支 against 各实践站均…组建了…服务队: each has one
            best, derived = _each_has_one(q, plan_text, mine, evidence)
        if q.placeholder or lo is None:
            verdict, value = UNVERIFIABLE, None
        elif best is None:
            verdict, value = UNREPORTED, None
        elif best.placeholder:
            verdict, value = UNVERIFIABLE, None
        else:
            own = (covers or {}).get(best.start)
            if own and _unit(q.unit) not in P.QUOTA_RATE_UNITS and q.period != "total":
                # 1-11月共组织练兵11次 against 每月1次: 11 months' worth; a whole target of a plan
                # that is not one year's (整改方案: 清淤不少于15公里) is owed whole whatever the figure covers
                # (…but no more months than were owed: 截至9月底…6次 from a plan issued 4月15日 owes six)
                lo, hi = _scale(q, min(own, owed), one_year_plan)
            elif q.period == "term" and _THIS_TERM.search(best.text) and not _EVERY.search(best.text):
                # 本学期…已开展2至3次 is one term's count, against 每学期至少2次 whatever months the report spans
                lo, hi = float(q.value), (float(q.value_max) if q.value_max is not None else None)
            value = _reported(best, own or owed)  # a rate reported (每周2次) runs as long as the one owed
            late = _started_late(best, summary_text, months) if not own else None
            if late is not None and late < owed and value is not None and owed == months \
                    and best.period in ("day", "week", "half_month", "month"):
                # 自7月起…按月开展 is six months of a rate owed for twelve (a plan issued mid-year
                # owes from its issue: a rate started soon after is read as on time)
                value = _reported(best, late)
            elif weeks is not None and not own and lo is not None and q.value and best.value is not None \
                    and _same_rate(q, best) and _reported(best, owed) != float(best.value):
                # 一周最多排三次 against 每周…不超过3次: a rate against the same rate, over the weeks the
                # requirement is owed for (not the months the report's rate would run)
                value = float(best.value) * lo / float(q.value)
            if occasions is not None and value is not None:
                derived = f"{_num(value)}÷{_num(occasions.value)}={_num(round(value / occasions.value, 1))}"
                value = value / occasions.value
            bodies = _bodies_owing(q, best, plan_text, summary_text) if every_unit or per_unit else 1
            if bodies > 1 and lo is not None:
                # 每个工作室每学期不少于3次 against 5个工作室…共开展11次: the total owes 15
                lo, hi = lo * bodies, (hi * bodies if hi is not None else None)
            if value is not None and summary_text is not None and _unit(q.unit) not in P.QUOTA_RATE_UNITS:
                each_of = _parts_each(best, summary_text)
                if each_of > 1:  # (4月…、6月…各组织1次: 1次×2)
                    derived = f"各{_num(value)}{best.unit}×{each_of}={_num(value * each_of)}{best.unit}"
                    value *= each_of
                value += _joined_kind(best, q, summary_text)
                same_unit = [r for r, *_ in by_unit.get(_unit(q.unit), ())]
                if plan_text is not None and (_SUM.search(plan_text, max(0, q.start - _LOOKBEHIND), q.end) or _two_kinds(
                        P.COMPARE_CLAUSE_BREAK.split(plan_text[max(0, q.start - _LOOKBEHIND):q.start])[-1] + q.text,
                        summary_text, best)):
                    # 国家级、省级项目合计不少于120项 against 国家级41项、省级86项: the parts add up
                    value, summed = _sum_in_sentence(best, same_unit, summary_text, value)
                    derived = summed or derived
                elif plan_text is not None and listed is None and _WHOLE_SCOPE.search(
                        P.COMPARE_CLAUSE_BREAK.split(plan_text[max(0, q.start - _LOOKBEHIND):q.start])[-1] + q.text) \
                        and (mine_listed := _listed(summary_text, best)) is not None and mine_listed[2]:
                    # 全区举办…不少于40场 against 区图书馆、区文化馆和各综合文化站分别举办18场、9场和17场: the
                    # bodies' figures make the whole
                    value, summed = _sum_in_sentence(best, [r for r in same_unit if _same_list(r, best, summary_text)],
                                                     summary_text, value)
                    derived = summed or derived
                elif (_one_part(best) or (q.period in ("total", "year") and _one_month(best, summary_text))) and not _one_part(q):
                    # 全年不少于20场次 against 上半年9场、下半年13场: the year's parts add up; so do its months'
                    # (专项行动期间…抽检不少于300批次 against 4月份完成抽检46批次，5月份87批次，…), and a part and a
                    # month told after it (上半年搞了一次，10月份又…搞了一次)
                    # (and this term after the last: 上学期组织集体备课4次，这学期组织集体备课5次)
                    value, summed = _sum_in_sentence(best, [r for r in same_unit if _one_part(r) or _one_month(r, summary_text)
                                                            or _parts_each(r, summary_text) > 1 or _same_list(r, best, summary_text)
                                                            or (_LAST_TERM.search(best.text) and _THIS_TERM_ONLY.match(r.text))],
                                                     summary_text, value)
                    derived = summed or derived
                if derived is None and best.value is not None:
                    # 宣讲进园区活动4场，走进商圈…开展宣讲的又有3场: what is told as more of the same adds up
                    again = _told_again(best, same_unit, summary_text)
                    if again:
                        value += sum(float(r.value) for r in again if r is not best)
                        derived = _sum_text(again, best.unit, value)
            # a periodic count owed pro rata is kept within half a round (每周1次 over May to August:
            # 17 of 17.3 weeks; 每季度1次 to the end of November: 4 of 3.7)
            eps = HALF_ROUND if owed < 12 and q.period in _ROUNDS and _unit(q.unit) in _EVENT_UNITS \
                and lo is not None and lo >= 1 else 1e-9
            if comparator == "<=":
                ok = value <= lo + eps
            elif comparator == "range":
                ok = lo - eps <= value <= hi + eps
            else:
                ok = value >= lo - eps
            verdict = MET if ok else UNMET
        if verdict == MET and comparator == ">=" and q.period == "month" and q.every == 1 and q.value is not None \
                and summary_text is not None and _unit(q.unit) in _EVENT_UNITS:
            # 每月至少组织开展2次 against 全年…二十五次，逐月看：1月2次，2月1次，…: a month below the rate
            short = _month_short(best, by_unit.get(_unit(q.unit), ()), summary_text, float(q.value))
            if short is not None:
                best, value, verdict = short, float(short.value), UNMET
                derived = f"{summary_text[_clause_start(summary_text, short.start, _MONTH_REACH):short.end]}，低于每月{_num(float(q.value))}{q.unit}"
        if verdict in (UNREPORTED, UNMET) and q.period == "week" and comparator == ">=" and q.value is not None \
                and (_unit(q.unit) in _EVENT_UNITS | {"天"}
                     or (q.unit == "个" and plan_text is not None and bool(_SESSIONS.match(plan_text, q.end)))):
            # 每周不少于3次 against 每周一、三、五晚间应诊: the days named are the times a week (and the
            # half days: 每周开放不少于3个下午 against 每周一、三、五下午开放)
            days = _weekdays_said(mine, evidence)
            if days is not None and days.value >= float(q.value):
                best, value, verdict, derived = days, days.value, MET, f"每周{_num(days.value)}{q.unit}"
                lo, hi = float(q.value), None
        if verdict == MET and best is not None and _unit(q.unit) in P.QUOTA_RATE_UNITS:
            # 高血压患者规范管理率和2型糖尿病患者规范管理率均达到65%以上: each measure needs its figure
            figures = [(r, theirs) for r, theirs, _ in by_unit.get(_unit(q.unit), ()) if r.value is not None]
            missing = _each_measure_unanswered(q, plan_text, figures, lo)
            if missing:
                best, value, verdict, derived = None, None, UNREPORTED, "、".join(missing) + "未报告"
        out.append(QuotaCheck(q, lo, comparator, hi, best, value, verdict, derived, shared if best is not None else 0,
                              span[1] if span else None))
    return _shared_totals(out)


_BOTH = re.compile(r"((?:[\u4e00-\u9fff0-9]{2,16}?[率度][、和及与]){1,3}[\u4e00-\u9fff0-9]{2,16}?[率度])(?:均|都)(?:要|应)?"
                   r"(?:达到|达|保持在|稳定在|提高到|提升至|不低于|在)?\s*$")
_BOTH_SEP = re.compile(r"(?<=[率度])[、和及与]")
_LISTED_BEFORE_MEASURE = re.compile(r"(?P<items>(?:[\u4e00-\u9fff]{2,8}[、和及与]){1,3})(?P<last>[\u4e00-\u9fff0-9]{2,24}?[率度])"
                                    r"(?:均|都)(?:要|应)?(?:达到|达|保持在|稳定在|提高到|提升至|不低于|在)?\s*$")
_LIST_SEP = re.compile(r"[、和及与]")


def _each_measure_unanswered(q: Quota, plan_text: str | None,
                             figures: Sequence[tuple[Quota, frozenset[str]]], lo: float | None) -> list[str]:
    """The measures a rate for several of them (A率和B率均达到65%) names that no figure of the
    summary answers (by the words that set each apart from the others), when some are answered."""
    if plan_text is None or lo is None:
        return []
    clause = P.COMPARE_CLAUSE_BREAK.split(plan_text[max(0, q.start - _LOOKBEHIND * 3):q.start])[-1]
    m = _BOTH.search(clause)
    if m is not None:
        items = _BOTH_SEP.split(m.group(1))
    else:
        # 高血压、糖尿病患者基层规范管理率均达到65%: the listed ones share the measure after the last
        m = _LISTED_BEFORE_MEASURE.search(clause)
        if m is None:
            return []
        last = next(iter(fast_segmenter().cut(m.group("last"), False)), "")
        items = [x for x in _LIST_SEP.split(m.group("items")) if x] + [last]
    words = [_words(x) for x in items]
    out = []
    for n, item in enumerate(items):
        own = words[n] - frozenset().union(*(w for k, w in enumerate(words) if k != n))
        if own and not any(own & theirs and float(r.value) >= lo - 1e-9 for r, theirs in figures):
            out.append(item)
    return out if len(out) < len(items) else []


def _siblings_verb(q: Quota, r: Quota, quotas: Sequence[Quota]) -> bool:
    """The figure's action opens with the verb of another requirement of the task, not this one's."""
    verb = (r.action or "")[:2]
    mine = (q.action or "")[:2]
    if len(verb) < 2 or len(mine) < 2 or verb == mine or not _CJK_ONLY.fullmatch(verb + mine) \
            or _LIGHT_VERB.fullmatch(verb) or _LIGHT_VERB.fullmatch(mine):
        return False
    # (two rates of one task, each of its own work: 每月检查1次…，每半年巡检1次)
    return q.period in _ROUNDS and any(o is not q and _unit(o.unit) == _unit(q.unit) and (o.action or "")[:2] == verb
                                       and o.period in _ROUNDS and o.period != q.period for o in quotas)


# verbs that name no work of their own (组织 and 开展 may be one requirement's, said twice)
_LIGHT_VERB = re.compile(r"开展|组织|举办|举行|召开|进行|完成|实现|达到|推进|落实|加强|做好|实施|推动|安排|确保|全年|累计|共计")


def _bodies_owing(q: Quota, r: Quota, plan_text: str | None, summary_text: str | None) -> int:
    """How many bodies a requirement of each (各党支部每季度至少1次) asks of, when the figure is
    their total (全年各党支部共讲党课61次): the number the plan or the figure's sentence gives of
    them (19个党支部, 工作室5个); 1 when the figure is no total or nobody counts them."""
    if plan_text is None or summary_text is None or r.period == "once":
        return 1
    clause = _clause_before(plan_text, q.start)
    named = _EACH_NOUN.search(clause)
    if named is None:
        return 1
    before = P.SENTENCE_BREAK.split(summary_text[max(0, r.end - len(r.text) - _TOTAL_REACH):r.start])[-1]
    if not _TOTAL_OVER.search(before + r.text):
        return 1
    tail = named.group("noun")[-2:]
    for text, at, end in ((plan_text, q.start, q.start), (summary_text, r.start, r.end)):
        # (the plan's sentence up to the requirement; the figure's whole sentence: …共讲党课61次，
        # 19名支部书记均已讲授党课)
        sentence = P.SENTENCE_BREAK.split(text[max(0, at - _LOOKBEHIND * 4):at])[-1]
        if end > at:
            sentence += P.SENTENCE_BREAK.split(text[at:end + _LOOKBEHIND * 2])[0]
        for m in _HOW_MANY.finditer(sentence):
            # the count before the bodies' name (19名支部书记) or right after it (工作室5个)
            after = sentence[m.end():m.end() + _NAME_GAP + len(tail)]
            before = sentence[max(0, m.start() - len(tail)):m.start()] == tail and m.group(2) != "名"
            if before or (tail in after and _CJK_ONLY.fullmatch(after[:after.index(tail)])):
                n = parse_int(m.group(1))
                return n if n and n > 1 else 1
    return 1


_NAME_GAP = 3  # characters between a count and the bodies' name (19名支部书记: 0; 5个区级工作室: 2)
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]*")


_SESSIONS = re.compile(r"(?:上午|下午|晚上|半天|全天)")
_TOTAL_SAID = re.compile(r"合计|共计|总计")


def _shared_totals(checks: list[QuotaCheck]) -> list[QuotaCheck]:
    """One total answering several requirements (再就业2500人以上，就业困难人员就业800人以上 against
    …合计3100人) answers their sum, not each of them."""
    by_figure: dict[int, list[int]] = {}
    for n, c in enumerate(checks):
        if c.reported is not None and c.verdict in (MET, UNMET) and c.comparator == ">=" and c.derived is None:
            by_figure.setdefault(id(c.reported), []).append(n)
    out = list(checks)
    for ns in by_figure.values():
        figure = checks[ns[0]].reported
        if len(ns) < 2 or not _TOTAL_SAID.search(figure.text):
            continue
        parts = [checks[n].required or 0.0 for n in ns]
        need = sum(parts)
        if (checks[ns[0]].reported_value or 0.0) < need - 1e-9:
            how = "+".join(_num(x) for x in parts) + f"={_num(need)}"
            for n in ns:
                out[n] = dataclasses.replace(checks[n], required=need, verdict=UNMET, derived=how)
    return out


def _weekdays_said(mine: frozenset[str], evidence: Sequence[tuple[str, int]]) -> Quota | None:
    """The days of the week a sentence of the evidence that shares the requirement's words names
    for the work (每周一、三、五, 每周二至周四), as a weekly count."""
    for text, base in evidence:
        if not mine & _bigrams(text):
            continue
        m = _WEEKDAYS.search(text)
        if m is None:
            continue
        span = _WEEKDAY_SPAN.fullmatch(m.group("days"))
        n = (_WEEKDAY_NUM[span.group(2)] - _WEEKDAY_NUM[span.group(1)] + 1) if span else \
            len(_WEEKDAY_SEP.split(m.group("days")))
        if n >= 2:
            return Quota(m.group(), base + m.start(), base + m.end(), None, "week", 1, None, n, None, "次",
                         None, None, None, False, False)
    return None


_WEEKDAY_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_WEEKDAYS = re.compile(r"每个?(?:周|星期|礼拜)(?P<days>[一二三四五六日天](?:(?:、|和|及|至|到|—|-)(?:周|星期)?[一二三四五六日天])+)")
_WEEKDAY_SPAN = re.compile(r"([一二三四五六日天])(?:至|到|—|-)(?:周|星期)?([一二三四五六日天])")
_WEEKDAY_SEP = re.compile(r"、|和|及")


def _rate_in_words(mine: frozenset[str], evidence: Sequence[tuple[str, int]],
                   unit: str, measure: str | None = None) -> tuple[Quota | None, str | None]:
    """A percentage the evidence states in words, as a Quota at its place in the summary (words of
    full coverage answer a named rate only beside its name: “护学岗”做到全覆盖 is no 联网率)."""
    for text, base in evidence:
        for m in P.RATE_FROM_COUNTS.finditer(text):
            part_of = m.group("n2") is not None  # (156个…中已有142个)
            n, k = int(m.group("n2" if part_of else "n")), int(m.group("m2" if part_of else "m"))
            what, done = m.group("what2" if part_of else "what"), m.group("done2" if part_of else "done")
            if 0 < n and k <= n and mine & _bigrams(what + done) \
                    and not any((a in mine and b in what) or (b in mine and a in what)
                                for a, b in _EXCLUSIVE_GRADES):  # (一般隐患 for 重大事故隐患)
                value = round(100 * k / n, 1)
                return _said(m, base, value, unit, what, done), f"{k}÷{n}={_num(value)}{unit}"
        for m in P.RATE_FULL.finditer(text):
            before = text[max(0, m.start() - _LOOKBEHIND):m.end()]
            if mine & _bigrams(before) and (measure is None or measure in before or m.group() != "全覆盖"):
                return _said(m, base, 100, unit, None, m.group()), f"100{unit}"
    return None, None


# Grades that exclude each other: a count of one grade gives no rate of the other.
def _graded_apart(mine: str, theirs: str) -> bool:
    """The requirement names one of two grades or kinds that exclude each other and the figure the
    other (一般隐患…整改率99% for 重大事故隐患; 供水管道36公里 for 燃气管道)."""
    return any(a in mine and b not in mine and b in theirs and a not in theirs
               for x, y in _EXCLUSIVE_GRADES for a, b in ((x, y), (y, x)))


_EXCLUSIVE_GRADES = (("重大", "一般"), ("较大", "一般"), ("城网", "农网"), ("城镇", "农村"), ("城市", "农村"), ("城区", "农村"),
                     # (老旧供水管道36公里 is no 燃气管道)
                     ("燃气", "供水"), ("燃气", "排水"), ("供水", "排水"), ("燃气", "供热"), ("供水", "供热"))
# the name of the meeting a count is of, closest to the figure (专业法官会议, 审判委员会会议)
_MEETING = re.compile(r"([\u4e00-\u9fff]{2,12}|[\u4e00-\u9fff]{1,12}?(?<=[支党]))(会议|大会|委会(?!议))")
_MEETING_NAME_CHARS = 4
_MEETING_VERB = re.compile(r"召开|组织|举行|举办|主持|参加|列席|开好|开")


def _meeting_named(about: str) -> frozenset[str]:
    """The pairs of characters of the name before the last 会议 of the words that say what a
    figure counts (its last four characters: 召开审判委员会 → 判委员会); empty when none is named."""
    names = list(_MEETING.finditer(about))
    if not names:
        return frozenset()
    last = names[-1]
    # (党员大会 is a meeting of 党员, 支委会 one of the 支委; 村委会 is a body, no meeting)
    named = last.group(1) + ("委" if last.group(2) == "委会" else "")
    name = _MEETING_VERB.split(named)[-1]  # (召开工作会议 names no meeting of its own)
    name = name[:-2] + "支部委员会" if name.endswith("支委") else name  # (支委会 is short for 支部委员会会议)
    return _bigrams(name[-_MEETING_NAME_CHARS:]) - _GENERIC_BIGRAMS
_THIS_TERM = re.compile(r"本学期|这学期|这个学期|该学期")
_EACH_BODY = re.compile(r"(?:各|每个|每所)([\u4e00-\u9fff]{1,10}?)(?:每年|全年|年内|均|都|要|应)?$")
_EACH_OCCASION = re.compile(r"每(场|次|期|批|轮|届|班)")
_EACH_SAID = re.compile(r"分别|各")


_ABOUT = re.compile(r"(?:左右|上下)$")
_ABOUT_SHARE = 0.1


def _least(figures: Sequence[Quota], comparator: str | None) -> Quota:
    """Of figures that must each meet a requirement, the one that decides: the least (the
    greatest under a cap), the earliest of equals."""
    return (max if comparator == "<=" else min)(figures, key=lambda r: (r.value, -r.start))


def _all_of_a_list(q: Quota, plan_text: str | None) -> bool:
    """The requirement holds for each of a list its clause names (会议、文件数量均较上年压减10%以上)."""
    if plan_text is None:
        return False
    return bool(_ALL_OF_A_LIST.search(_clause_before(plan_text, q.start, q.end)))


# (not the 均 of an average: 城镇、农村居民人均可支配收入分别增长5.5%和7%)
_ALL_OF_A_LIST = re.compile(r"[\u4e00-\u9fff]{2,8}[、和与及][\u4e00-\u9fff]{1,8}?[^，,。；;0-9]{0,8}?(?<![人平户日年月周校村亩县区镇生场次])均(?!衡|等|值|为)")


def _each_own(best: Quota, reported: Sequence[Quota], summary_text: str) -> list[Quota]:
    """The figures of best's unit its sentence gives each occasion (分别抽查党支部34个、38个), best
    among them, or [] when it gives one figure and says nothing of each."""
    own = [r for r in reported if _unit(r.unit) == _unit(best.unit) and not P.SENTENCE_BREAK.search(
        summary_text, min(r.end, best.end), max(r.start, best.start))
        # (listed with it: 34个、38个; not 评查案件126件，发现瑕疵案件15件, a figure of something else)
        and (r is best or _LIST_JOINER.fullmatch(summary_text, min(r.end, best.end), max(r.start, best.start)))]
    if len(own) > 1 or _EACH_SAID.search(P.SENTENCE_BREAK.split(summary_text[max(0, best.start - _LOOKBEHIND * 2):best.start])[-1]):
        return own
    return []


_LIST_JOINER = re.compile(r"\s*[、和及与]\s*")


def _occasions(q: Quota, best: Quota, reported: Sequence[Quota], summary_text: str | None) -> Quota | None:
    """The count of occasions (招聘会2场) in the sentence of a total (提供岗位360余个), for a
    requirement of each occasion (每场提供岗位不少于100个): the total over them is each one's."""
    m = _EACH_OCCASION.match(q.text)
    if m is None or summary_text is None or best.value is None:
        return None
    unit = _unit(m.group(1))
    if _each_own(best, reported, summary_text):
        return None  # 分别抽查党支部34个、38个: each occasion's own figure
    for r in reported:
        if r is not best and _unit(r.unit) == unit and r.value is not None and r.value >= 1 and not r.placeholder \
                and r.period != "once" \
                and not P.SENTENCE_BREAK.search(summary_text, min(r.end, best.end), max(r.start, best.start)):
            return r
    return None


_BODY_UNITS = frozenset({"家", "所", "个"})
_JOINED_KIND = re.compile(r"[\u4e00-\u9fff]{1,8}?[和及与](?P<n>[0-9]+|[一二两三四五六七八九十]+)(?P<u>[家所个])")


def _joined_kind(best: Quota, q: Quota, text: str) -> float:
    """A second kind of body joined to the figure in another measure word (与2家企业和1所中学签订…
    协议 against 签约单位不少于3家): its count, else 0."""
    if _unit(q.unit) not in _BODY_UNITS or best.unit not in _BODY_UNITS:
        return 0.0
    m = _JOINED_KIND.match(text, best.end)
    if m is None or m.group("u") == best.unit:
        return 0.0
    return float(parse_int(m.group("n")) or 0)


_LIST_TOTAL = re.compile(r"[，,、]?\s*(?:共计|合计|总计)\s*$|^(?:共计|合计|总计)")


def _listed_total(best: Quota, figures: Sequence[Quota], text: str) -> Quota:
    """The total a list of figures ends with in best's sentence (…、便民服务点3处，共计6处), when
    best is one of the list; else best."""
    if best.value is None or best.placeholder:
        return best
    listed = [r for r in figures if r.start > best.end and not P.SENTENCE_BREAK.search(text, best.end, r.start)]
    for n, r in enumerate(listed):
        if n and r.value is not None and r.value >= best.value and not r.placeholder \
                and "、" in text[best.end:listed[n - 1].start] \
                and (_LIST_TOTAL.search(text, max(0, r.start - 4), r.start) or _LIST_TOTAL.match(r.text)) \
                and _CJK_ONLY.fullmatch(_LIST_TOTAL.sub("", text[listed[n - 1].end:r.start]).strip("，,、 ")):
            return r
    return best


def _each_has_one(q: Quota, plan_text: str | None, mine: frozenset[str],
                  evidence: Sequence[tuple[str, int]]) -> tuple[Quota | None, str | None]:
    """A report that every body named in the requirement (每个实践站, 各社区) did the work, when
    the requirement is one of each: as a count of 1 each, at its place in the summary."""
    if plan_text is None:
        return None, None
    clause = _clause_before(plan_text, q.start)
    named = _EACH_BODY.search(clause)
    if named is None:
        return None, None
    tail = re.escape(named.group(1)[-1])
    said = re.compile(rf"(?:各|每个|所有|全部)[\u4e00-\u9fff]{{0,6}}{tail}(?:[^，。；;\n]{{0,8}}?)(?:均|都|全部)(?:已|已经)?"
                      rf"(?=[^，。；;\n]{{0,12}}?(?:{P.COMPLETION_VERB.pattern}))")
    for text, base in evidence:
        for m in said.finditer(text):
            if mine & _bigrams(text[m.start():m.end() + _LOOKBEHIND]) and not P.NEGATION.search(text, m.end(), m.end() + 12):
                return _said(m, base, 1, q.unit, None, m.group()), f"{m.group()}…（每个1{q.unit}）"
    return None, None


def _said(m: "re.Match[str]", base: int, value: float, unit: str, subject: str | None, action: str) -> Quota:
    return Quota(m.group(), base + m.start(), base + m.end(), None, "total", 1, None, value, None, unit,
                 subject, action, None, False, False)


@dataclass(frozen=True)
class DeadlineCheck:
    deadline: Deadline
    reported: str | None  # ISO date of the reported completion
    reported_text: str | None
    verdict: str  # met | missed | unreported | not_due
    reported_kind: str | None = None  # the reported date's kind: an event (9月下旬召开), a cut-off (截至6月底)…

    def to_dict(self) -> dict[str, Any]:
        d = self.deadline
        return {"text": d.text, "start": d.start, "end": d.end, "date": d.date, "recurring": d.recurring,
                "relative": d.relative, "reported": self.reported, "reported_text": self.reported_text,
                "verdict": self.verdict}


def last_day(iso: str) -> str:
    """A month-only date (2024-09, the end of a stage) as the month's last day."""
    if len(iso) == 7:
        y, m = int(iso[:4]), int(iso[5:])
        return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
    return iso


_HELD_SPAN = 62  # days: work reported over a whole campaign (11月1日至3月31日) keeps no day of it
_BY_DATE = re.compile(r"前|以内|内$|为止|止$|底$|末$")


def _clause_after(d: Deadline, s: Sentence) -> str:
    return P.COMPARE_CLAUSE_BREAK.split(s.text[d.end - s.start:], maxsplit=1)[0]


def _checked_after(d: Deadline, s: Sentence, reported: Sequence[tuple[Deadline, Sentence]]) -> bool:
    """d dates a check of work its sentence dates the completion of (9月中旬全部完工，10月下旬通过县级
    验收): when the work was checked, not when it was done."""
    if not _FOLLOW_UP.search(_clause_after(d, s)):
        return False
    return any(o is not d and t is s and o.date and o.start < d.start and P.COMPLETION_VERB.search(_clause_after(o, s))
               and not _FOLLOW_UP.search(_clause_after(o, s)) for o, t in reported)


_FOLLOW_UP = re.compile(r"验收|复查|复核|审计|评估|考核|抽检|检测|核查|表彰")


def asks_a_check(task: str) -> bool:
    """The task's own work is a check (9月底前全部完成竣工验收): the date of the check is its completion."""
    return bool(_FOLLOW_UP.search(task))


_RUNNING_TOTAL = re.compile(r"[，,]?[^，,。；;]{0,12}?(?:共|累计|先后)")


def check_deadlines(plan_deadlines: Iterable[Deadline], reported: Sequence[tuple[Deadline, Sentence]],
                    period_end: dt.date | None, checks_asked: bool = False) -> list[DeadlineCheck]:
    """Each dated deadline against the latest completion date the evidence reports (with several
    limits, the completions in order, the last limit the latest).  A date
    after the summary's period is not due yet; recurring and relative limits have no date.
    checks_asked: the task asks for a check of the work (验收, 评估), whose date then counts too."""
    dated = sorted((d for d, s in reported if d.date and P.COMPLETION_VERB.search(s.text)
                    and (checks_asked or not _checked_after(d, s, reported))),
                   key=lambda d: last_day(d.date))
    said = {id(d): s for d, s in reported}
    plan_deadlines = list(plan_deadlines)
    # Several limits (完成时限：6月底前、12月底前) and several completions (6月、11月先后两次):
    # the first completion answers the first limit, and so on; the last limit takes the last one.
    # A limit without a date keeps its place in the text among them (11月上旬组织考试，考后一周内
    # 召开分析会: the exam's dates answer 11月上旬, the later meeting does not).
    limits = sorted(plan_deadlines, key=lambda d: d.start)
    by_date = iter(sorted((d for d in limits if d.date), key=lambda d: last_day(d.date)))
    limits = [next(by_date) if d.date else d for d in limits]
    answer = {id(d): dated[min(i, len(dated) - 1)] for i, d in enumerate(limits[:-1])} if len(dated) > 1 else {}
    out = []
    for d in plan_deadlines:
        if not d.date:
            out.append(DeadlineCheck(d, None, None, UNREPORTED))
            continue
        if dated:
            rd = answer.get(id(d), dated[-1])
            # a day to hold it on (围绕4月23日世界读书日举办), not a day to finish by: a report of
            # work running over that day (4月中旬至5月中旬，举办读书节) keeps it
            # (a month reported, 9月全国科普日期间, runs over 9月中下旬 too)
            since = rd.date_from or (rd.date + "-01" if len(rd.date) == 7 else None)
            held = bool(since) and not _BY_DATE.search(d.text) \
                and since <= (d.date_from or d.date) and d.date <= last_day(rd.date) \
                and (dt.date.fromisoformat(last_day(rd.date)) - dt.date.fromisoformat(since)).days <= _HELD_SPAN
            # (work running from before the limit to the report's close, 6月下旬至9月底共回访4216人次 in a
            # report to 9月底, is a practice kept since, not work finished late)
            kept = rd.date_from is not None and period_end is not None and rd.date_from <= last_day(d.date) \
                and last_day(rd.date) >= period_end.isoformat() and _RUNNING_TOTAL.match(said[id(rd)].text, rd.end - said[id(rd)].start)
            verdict = MET if last_day(rd.date) <= last_day(d.date) or held or kept else MISSED
            out.append(DeadlineCheck(d, rd.date, rd.text, verdict, rd.kind))
        elif period_end is not None and last_day(d.date) > period_end.isoformat():
            out.append(DeadlineCheck(d, None, None, NOT_DUE))
        else:
            out.append(DeadlineCheck(d, None, None, UNREPORTED))
    return out
