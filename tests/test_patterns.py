"""Tables in patterns.py that shortcut a regex must agree with the regex they stand for."""
from __future__ import annotations

import pytest

from policytext import patterns as P

# Every character of the Basic Multilingual Plane, each followed by text that lets any marker
# style complete: if a style can start with a character, one of these matches.
_TAILS = ("章", "节", "部分", "条", "题1：", "题一：", "、", ".", "．", "）", ")", "）、", "加强", "\t加强", "一）", "1）", "１．", "一、",
          *(n + w for n in ("一", "1") for w in ("章", "节", "部分", "条")))


@pytest.mark.parametrize("style,rx", P.MARKERS, ids=[s for s, _ in P.MARKERS])
def test_marker_first_characters_are_exactly_those_the_regex_accepts(style, rx):
    can_start = {c for c in map(chr, range(0x10000)) if any(rx.match(c + t) for t in _TAILS)}
    assert can_start == set(P.MARKER_FIRST_CHARS[style])


def test_every_style_is_reachable_by_its_first_characters():
    for style, rx in P.MARKERS:
        for c in P.MARKER_FIRST_CHARS[style]:
            assert (style, rx) in P.MARKERS_BY_FIRST[c]
    # the order of the styles tried for a character is the order of MARKERS
    order = [s for s, _ in P.MARKERS]
    for styles in P.MARKERS_BY_FIRST.values():
        names = [s for s, _ in styles]
        assert names == sorted(names, key=order.index)


@pytest.mark.parametrize("text,counted", [
    ("专题党课，", "专题党课"),
    ("务实管用的调研报告。", "务实管用的调研报告"),
    ("党课和讲座", "党课"),
    ("讲座2场", "讲座"),
    ("讲座²", "讲座"),
    ("“三会一课”活动", "“三会一课”活动"),
    ("  ", ""),
    ("一二三四五六七八九十甲乙丙", "一二三四五六七八九十甲乙"),
])
def test_counted_thing(text, counted):
    from policytext.extract.quotas import _counted

    assert _counted(text, 0) == counted


def _skips_ahead(rx) -> bool:
    """re compiles rx with a literal prefix or a first-character set: it jumps to the next place a
    match can start instead of trying the whole pattern at every position."""
    parser = pytest.importorskip("re._parser")
    compiler = pytest.importorskip("re._compiler")
    parsed = parser.parse(rx.pattern, rx.flags)
    return bool(compiler._get_literal_prefix(parsed, rx.flags)[0] or compiler._get_charset_prefix(parsed, rx.flags))


def _scanners():
    from policytext.extract.quotas import _BY_PERIOD
    from policytext.lexicon import slogan_regex

    return {"UNIT_VERB": P.UNIT_VERB, "UNIT_LABEL": P.UNIT_LABEL, "QUOTA_CORE": P.QUOTA_CORE, "DEADLINE_RECURRING":
            P.DEADLINE_RECURRING, "DEADLINE_RELATIVE": P.DEADLINE_RELATIVE, "PLACEHOLDER": P.PLACEHOLDER, "QUOTED":
            P.QUOTED, "GLOSS_LIST": P.GLOSS_LIST, "INLINE": P.INLINE, "by_period": _BY_PERIOD, "slogans": slogan_regex()}


@pytest.mark.parametrize("name", sorted(_scanners()))
def test_whole_text_scanners_skip_ahead_by_their_first_character(name):
    # one leading group or lookbehind (UNIT_VERB's (?:担任|任)组长) made re try every position:
    # a sixth of extraction's time
    assert _skips_ahead(_scanners()[name])


@pytest.mark.parametrize("rx,text,found", [
    ("UNIT_VERB", "由办公室牵头，王强担任组长，李明任副组长，各科室严格落实一岗双责", ["牵头", "担任组长", "任副组长", "严格落实一岗双责"]),
    ("UNIT_VERB", "张华为常务副指挥长，刘明当总指挥长，陈东任主任委员", ["为常务副指挥长", "当总指挥长", "任主任委员"]),
    ("UNIT_VERB", "班子成员履行“一岗双责”不到位，按照一岗双责要求", ["按照一岗双责"]),
    # (a weekday is a date only with a limit after it: 每周五下午学习 is when, 每周五下午前报送 by when)
    ("DEADLINE_RECURRING", "每月10日前报送，次月5日前反馈，每周五下午前上报，每周五下午学习，每周一次",
     ["每月10日前", "次月5日前", "每周五下午前"]),
    ("by_period", "逐月开展，逐季印发，逐月", ["逐月", "逐季", "逐月"]),
    ("DEADLINE_RECURRING", "每季度末前、次季度初前报送，次日", ["每季度末前", "次季度初前"]),
    ("by_period", "按月召开，按季度通报，坚持月月开展、周周调度，一年月月", ["按月", "按季度", "月月", "周周", "月月"]),
    ("by_period", "按月份统计，按年度推进，那周月月", []),
])
def test_rewritten_scanners_find_what_they_did(rx, text, found):
    assert [m.group() for m in _scanners()[rx].finditer(text)] == found


@pytest.mark.parametrize("text,found", [
    ("一是加强，二是推进；三是", ["一", "二", "三"]),
    ("统一是关键，十一是", ["十一"]),  # (no numeral right after another character: 统一是)
    ("（十二是）唯一是", ["十二"]),
])
def test_inline_markers(text, found):
    assert [m.group("num") for m in P.INLINE.finditer(text)] == found
