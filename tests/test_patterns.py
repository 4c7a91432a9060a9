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
