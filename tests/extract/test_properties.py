"""For any text, extraction never raises and every span points at its own text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policytext
from policytext.extract import extract
from policytext.structure import build_outline

# Text built from the pieces these documents are made of, plus anything at all.
PIECES = ["每", "毎", "季度", "月", "年", "半", "至少", "不少于", "不超过", "以上", "左右", "1", "１", "2-3", "两", "十",
          "次", "篇", "人次", "个", "X", "**", "xx", "200X", "年底前", "月底前", "下旬", "会后", "7日内", "个工作日内",
          "从", "开始", "结束", "至", "由", "牵头", "配合", "负责", "组长：", "成员：", "办公室", "各科室", "党组书记",
          "“", "”", "《", "》", "（", "）", "、", "，", "。", "；", "\n", "一、", "（一）", "1.", "一是", "二是",
          "四个意识", "三会一课", "1+N", "2024年", "3月", "15日", " "]
texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_raises_and_spans_hold(text):
    if not text.strip():
        return
    doc = policytext.from_text(text)
    found = extract(doc, build_outline(doc))
    for q in found.quotas + found.deadlines:
        assert doc.text[q.start:q.end] == q.text
    for u in found.units:
        assert doc.text[u.start:u.end] == u.name
    for s in found.slogans:
        assert s.count == len(s.spans)
        assert all(doc.text[a:b] == s.text for a, b in s.spans)
    for w in found.warnings:
        assert w.start is None or 0 <= w.start <= (w.end or w.start) <= len(doc.text)
