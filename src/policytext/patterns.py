"""Pattern tables: every regular expression and cue list the analysis uses, in one place."""
from __future__ import annotations

import re

CN_NUM = "一二三四五六七八九十百零〇两"
_CN = f"[{CN_NUM}]+"
_AR = "[0-9０-９]{1,3}"
_OPEN = "[（(]"
_CLOSE = "[）)]"
_CIRCLED = "[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]"

# Paragraph-level markers, tried in order at the start of a line. Each style is a nesting
# class: the outline nests by style and order, not by a fixed level per style.
# (style, regex with groups "marker" and "num")
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (style, re.compile(rx))
    for style, rx in (
        ("第章", rf"(?P<marker>第(?P<num>{_CN}|{_AR})章)[ \t\u3000、：:]*"),
        ("第节", rf"(?P<marker>第(?P<num>{_CN}|{_AR})节)[ \t\u3000、：:]*"),
        ("第部分", rf"(?P<marker>第(?P<num>{_CN}|{_AR})部分)[ \t\u3000、：:]*"),
        ("第条", rf"(?P<marker>第(?P<num>{_CN}|{_AR})条)[ \t\u3000、：:]*"),
        ("一、", rf"(?P<marker>(?P<num>{_CN})(?:、|[．.](?![0-9０-９])))[ \t\u3000]*"),
        ("(一)", rf"(?P<marker>{_OPEN}(?P<num>{_CN}){_CLOSE}[、．.]?)[ \t\u3000]*"),
        ("(1)", rf"(?P<marker>{_OPEN}(?P<num>{_AR}){_CLOSE}[、．.]?)[ \t\u3000]*"),
        ("①", rf"(?P<marker>(?P<num>{_CIRCLED})[、．.]?)[ \t\u3000]*"),
        ("1.", rf"(?P<marker>(?P<num>{_AR})[.．](?![0-9０-９]))[ \t\u3000]*"),
        ("1、", rf"(?P<marker>(?P<num>{_AR})、)[ \t\u3000]*"),
        ("1)", rf"(?P<marker>(?P<num>{_AR})[)）])[ \t\u3000]*"),
        # "1加强…": a bare number directly before the text; guarded by BARE_NEXT_EXCLUDE
        # and by sequence checks in structure.py, since "2024年" and "3个" start lines too.
        ("1", rf"(?P<marker>(?P<num>[0-9０-９]{{1,2}}))(?=[\u4e00-\u9fff])"),
    )
)

# A bare number followed by one of these is a quantity or a date, not a marker.
BARE_NEXT_EXCLUDE = frozenset("年月日号时分秒个次项名人万亿千百元岁天周期批家所条届级层类种位倍后中前部篇套场本份支户座辆台件课学分门块亩米吨度成")

# Path segment of a style: how a marker is written in a task path (docs/schema.md).
CIRCLED_VALUES = {chr(c): i + 1 for i, c in enumerate(range(0x2460, 0x2474))}
CIRCLED_VALUES.update({chr(c): 21 + i for i, c in enumerate(range(0x3251, 0x3260))})
CIRCLED_VALUES.update({chr(c): 36 + i for i, c in enumerate(range(0x32B1, 0x32C0))})

# GB/T 9704 order of the common styles: used only to report a level that jumps.
STANDARD_RANK = {"一、": 0, "(一)": 1, "1.": 2, "1、": 2, "1": 2, "(1)": 3, "1)": 3, "①": 4}

# Inline enumerations: 一是…二是… A CJK character right before 一是 means a word (统一是).
INLINE = re.compile(rf"(?<![\u4e00-\u9fff])(?P<marker>(?P<num>[一二三四五六七八九十]{{1,2}})是)")

SENTENCE_END = "。；;"
TERMINAL_PUNCT = "。！？!?；;：:”’」』）)"

# Title: document kinds named in titles, and what a title line must not look like.
PLAN_TITLE = re.compile(r"(制度|办法|规定|规则|实施方案|工作方案|行动方案|工作要点|工作计划|任务清单|责任清单|实施意见|实施细则|安排意见|方案|计划|要点)")
SUMMARY_TITLE = re.compile(r"(工作总结|情况报告|情况汇报|自查报告|经验做法|总结|报告|情况|汇报)")
DOC_NUMBER = re.compile(r"[〔\[【(（]\s*(19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号|第\s*\d+\s*号")

# Content cues. Strong phrases decide on their own; otherwise the density of imperative
# words (plans: 要, 确保) is weighed against past-tense and enumeration words (summaries).
PLAN_PHRASES = re.compile(r"提出如下|制定本方案|特制定|现制定|现将.{0,10}(方案|要点|计划)(印发|如下)|牵头单位[:：]|责任单位[:：]")
SUMMARY_PHRASES = re.compile(r"存在(的)?(问题|不足)|下一步(工作)?(打算|计划|安排|思路)|工作开展情况(汇报|报告)如下|现将.{0,20}情况(汇报|报告)如下")
PLAN_WORDS = re.compile(r"要|须|应当|确保|务必|力争")
SUMMARY_WORDS = re.compile(r"[一二三四五六七八九]是|了|先后|累计|共计|成立|取得|得到|已经|圆满")
SUMMARY_WEIGHT = 4.0  # summaries use fewer cue words per character than plans use 要

# The closing block (落款): issuer and date lines after the last item belong to no task.
SIGNATURE_DATE = re.compile(r"^\s*((19|20)\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*$")

# Page furniture in PDFs: page numbers and their decorations.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－~·•]+\s*\d{1,4}\s*[-—–－~·•]+|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?|\d{1,4})\s*$"
)
