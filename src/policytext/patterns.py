"""Pattern tables: every regular expression and cue list the analysis uses, in one place."""
from __future__ import annotations

import re

CN_NUM = "一二三四五六七八九十百零〇两"
_CN = f"[{CN_NUM}]+"
_AR = "[0-9０-９]{1,3}"
_OPEN = "[（(]"
_CLOSE = "[）)]"
_CIRCLED_RANGES = ((0x2460, 0x2473), (0x3251, 0x325F), (0x32B1, 0x32BF))  # ①-⑳, ㉑-㉟, ㊱-㊿
_CIRCLED = "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _CIRCLED_RANGES) + "]"

# Paragraph-level markers, tried in order at the start of a line. Each style is a nesting
# class: the outline nests by style and order, not by a fixed level per style.
# (style, regex with groups "marker" and "num")
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (style, re.compile(rx))
    for style, rx in (
        ("第章", rf"(?P<marker>第(?P<num>{_CN}|{_AR})章)[ \t\u3000、：:]*"),
        ("第节", rf"(?P<marker>第(?P<num>{_CN}|{_AR})节)[ \t\u3000、：:]*"),
        ("第部分", rf"(?P<marker>第(?P<num>{_CN}|{_AR})部分)[ \t\u3000、：:]*"),
        ("第条", rf"(?P<marker>第(?P<num>{_CN}|{_AR})条)[ \t\u3000、：:，,]*"),  # spoken: 第一条，时间上是有保障的
        # 第一、着力提高提案质量。: an ordinal list, its punctuation required (第一季度 is a date)
        ("第一、", rf"(?P<marker>第(?P<num>{_CN})[、，,])(?![一二三四五六七八九十]{{1,2}}(?:季度|批|期|轮|次|届|个|年度|阶段|标段))[ \t\u3000]*"),
        # 问题1：党委理论学习中心组学习不规范…整改措施：…: a rectification plan's numbered findings
        ("问题1", rf"(?P<marker>问题(?P<num>{_AR}|{_CN})[：:])[ \t\u3000]*"),
        ("一、", rf"(?P<marker>(?P<num>{_CN})(?:、|[．.](?![0-9０-９])))[ \t\u3000]*"),
        ("(一)", rf"(?P<marker>{_OPEN}(?P<num>{_CN}){_CLOSE}[、．.]?)[ \t\u3000]*"),
        ("(1)", rf"(?P<marker>{_OPEN}(?P<num>{_AR}){_CLOSE}[、．.]?)[ \t\u3000]*"),
        ("①", rf"(?P<marker>(?P<num>{_CIRCLED})[、．.]?)[ \t\u3000]*"),
        # 1.5 is a number, but 1.2月底前召开… and 12.2024年4月至9月，… are items with their dates
        ("1.", rf"(?P<marker>(?P<num>{_AR})[.．](?!(?![0-9０-９]{{1,2}}\s*月|(?:19|20)[0-9]{{2}}\s*年)[0-9０-９]))[ \t\u3000]*"),
        ("1、", rf"(?P<marker>(?P<num>{_AR})、)[ \t\u3000]*"),
        ("1)", rf"(?P<marker>(?P<num>{_AR})[)）])[ \t\u3000]*"),
        # 1<TAB>城关镇…<TAB>…: the first cell of a task table pasted one row per line, cells split by tabs
        ("1\t", rf"(?P<marker>(?P<num>[0-9０-９]{{1,3}}))\t(?=[^\t\n]*[\u4e00-\u9fff])"),
        # "1加强…": a bare number directly before the text; guarded by BARE_NEXT_EXCLUDE
        # and by sequence checks in structure.py, since "2024年" and "3个" start lines too.
        ("1", rf"(?P<marker>(?P<num>[0-9０-９]{{1,2}}))(?=[\u4e00-\u9fff])"),
    )
)

# The characters each style's marker can start with (tests/test_patterns.py checks them
# against the regexes), so that a line is tried only against the styles its first character
# allows: most lines of a plan open with a marker, found in one to four tries.
_DIGITS = "0123456789０１２３４５６７８９"
_CIRCLED_CHARS = "".join(chr(c) for a, b in _CIRCLED_RANGES for c in range(a, b + 1))
MARKER_FIRST_CHARS = {"第章": "第", "第节": "第", "第部分": "第", "第条": "第", "第一、": "第", "问题1": "问", "一、": CN_NUM, "(一)": "（(",
                      "(1)": "（(", "①": _CIRCLED_CHARS, "1.": _DIGITS, "1、": _DIGITS, "1)": _DIGITS, "1\t": _DIGITS, "1": _DIGITS}
MARKERS_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}
for _style, _rx in MARKERS:
    for _c in MARKER_FIRST_CHARS[_style]:
        MARKERS_BY_FIRST[_c] = MARKERS_BY_FIRST.get(_c, ()) + ((_style, _rx),)

# A bare number followed by one of these is a quantity or a date, not a marker.
BARE_NEXT_EXCLUDE = frozenset("年月日号时分秒个次项名人万亿千百元岁天周期批家所条届级层类种位倍后中前部篇套场本份支户座辆台件课学分门块亩米吨度成")

# Path segment of a style: how a marker is written in a task path (docs/schema.md).
CIRCLED_VALUES = {chr(c): i + 1 for i, c in enumerate(range(0x2460, 0x2474))}
CIRCLED_VALUES.update({chr(c): 21 + i for i, c in enumerate(range(0x3251, 0x3260))})
CIRCLED_VALUES.update({chr(c): 36 + i for i, c in enumerate(range(0x32B1, 0x32C0))})

# GB/T 9704 order of the common styles: used only to report a level that jumps.
STANDARD_RANK = {"第一、": 0, "一、": 0, "(一)": 1, "1.": 2, "1、": 2, "1": 2, "(1)": 3, "1)": 3, "①": 4}

# Inline enumerations: 一是…二是… A CJK character right before 一是 means a word (统一是).
# A section's title run on into its text in a document pasted as one line (三、2026年工作打算一是继续…,
# 二、存在的问题一年来，…): the title ends where the known words do.
SECTION_RUN_ON = re.compile(r"(?:(?:19|20)[0-9]{2}年(?:度)?)?(?:存在的?(?:主要)?(?:问题|不足)(?:和不足|及不足)?"
                            r"|(?:下一步|下步)?(?:工作)?(?:打算|安排|思路)|下一步工作计划)(?=[\u4e00-\u9fff])(?![和与及、])")
# Where a report's text begins after a section title run on into it (a document pasted as one
# line): 党建引领和师德师风建设|本学期，…; 家园共育与安全工作|3月8日召开…; 保育保健工作|一是….
RUN_ON_OPENER = re.compile(
    r"(?P<inline>一是)|(?:本学期|本年度|今年以来|今年|上半年|下半年|全年|年初以来|一年来|(?:19|20)[0-9]{2}年(?:以来|度)?"
    r"|[0-9]{1,2}月(?:上旬|中旬|下旬|初|底|份|中下旬)?)[，,]|[0-9]{1,2}月[0-9]{1,2}日(?=[\u4e00-\u9fff])")
# (the lookbehind after the first numeral, not before it: re then skips ahead to the next numeral)
INLINE = re.compile(r"(?P<marker>(?P<num>[一二三四五六七八九十](?<![\u4e00-\u9fff].)[一二三四五六七八九十]?)是)")

SENTENCE_END = "。；;"
TERMINAL_PUNCT = "。！？!?；;：:”’」』）)"

# Title: document kinds named in titles, and what a title line must not look like.
PLAN_TITLE = re.compile(r"(制度|办法|规定|规则|实施方案|工作方案|行动方案|工作要点|工作计划|任务清单|责任清单|实施意见|实施细则|安排意见|工作安排|方案|计划|要点)")
SUMMARY_TITLE = re.compile(r"(工作总结|情况报告|情况汇报|自查报告|经验做法|总结|报告|情况|汇报)")
# A line that is only an organ's name (溪口区人民法院, 江州市税务局机关党委): an issuer line over a title.
ORGAN = re.compile(r"^[\u4e00-\u9fffXx*＊（）()]{2,30}?(?:委员会|办事处|办公室|办公厅|政府|党委|党组|工委|纪委|"
                   r"管理局|局|厅|委|办|院|所|中心|街道|乡|镇|公司|集团|学校|大学|支部|总支|协会|联合会|主席团|处|部)")
# A masthead (岚溪县人民医院文件, 中共某县委员会文件): the issuer's red header, never the title.
MASTHEAD = re.compile(ORGAN.pattern + r"\s*文件$")
# An addressee line (各科室：, 市委：): short, ending with a colon.
ADDRESSEE = re.compile(r"^(?:[^。；;，,]{2,40}|各[^。；;]{2,90})[:：]$")  # 各县（市、区）市场监管局，…，直属各单位：
# A 政府工作报告 reviews one year and plans the next: both a summary and a plan.
BOTH_KINDS_TITLE = re.compile(r"政府工作报告")
DOC_NUMBER = re.compile(r"[〔\[【(（]\s*(19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号|第\s*\d+\s*号")

# Content cues. Strong phrases decide on their own; otherwise the density of imperative
# words (plans: 要, 确保) is weighed against past-tense and enumeration words (summaries).
PLAN_PHRASES = re.compile(r"提出如下|制定本方案|特制定|现制定|现将.{0,10}(方案|要点|计划)(印发|如下)|牵头单位[:：]|责任单位[:：]")
SUMMARY_PHRASES = re.compile(r"存在(的)?(问题|不足)|下一步(工作)?(打算|计划|安排|思路)|工作开展情况(汇报|报告)如下|现将.{0,20}情况(汇报|报告)如下")
PLAN_WORDS = re.compile(r"要|须|应当|确保|务必|力争")
SUMMARY_WORDS = re.compile(r"[一二三四五六七八九]是|了|先后|累计|共计|成立|取得|得到|已经|圆满")
SUMMARY_WEIGHT = 4.0  # summaries use fewer cue words per character than plans use 要

# The closing block (落款): issuer and date lines after the last item belong to no task.
# An annex heading after the body (附件：任务分工表, 附件2, 附表1): the body ends before it.
ANNEX = re.compile(r"[ \t\u3000]*附\s*(?:件|表)\s*[0-9０-９一二三四五六七八九十]{0,3}\s*(?:[:：]|\s|$)")
# A closing paragraph about the document as a whole (各单位要抓好本要点的贯彻落实; 本方案自印发之日起
#施行): after the last item, it is no item's text.
CLOSING_WHOLE = re.compile(r"本(?:工作)?(?:方案|要点|计划|意见|通知|办法|细则|安排)(?![\u4e00-\u9fff]{0,2}第)")
# …and so does a charge to every unit after the items (各乡镇、各部门要高度重视…, 各单位要切实…).
CLOSING_CHARGE = re.compile(r"\s*各[^，。；\n]{1,16}?(?:要|务必|必须)(?:高度重视|切实|认真|进一步|加强组织领导|按照本|严格按照|把|对照本)"
                            # …or the body that coordinates it all (市大气污染防治工作领导小组负责统筹协调)
                            r"|\s*[^，。；\n]{2,24}?(?:领导小组|指挥部|工作专班)负责(?:统筹|总体|组织协调)"
                            # …or who answers for all of it (研究生院院长是工作要点落实第一责任人，…)
                            r"|\s*[^，。；\n]{2,20}?是[^，。；\n]{0,4}?(?:本(?:方案|要点|计划)|工作要点|工作方案|工作计划)[^，。；\n]{0,6}?第一责任人"
                            # …or what is said of all the items above (以上计划在实施过程中，村党支部将定期对照检查)
                            r"|\s*以上(?:计划|各项|工作|任务|要点|安排|措施)")
SUBTITLE_DASH = re.compile(r"^\s*[—－-]{1,2}\s*(?:19|20)\d{2}\s*年")
TRAILING_SIGNATURE = re.compile(r"[。！？!?]\s*[^。！？!?0-9\n]{2,30}?\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                                r"\s*(?:【[^】]{0,8}】\s*)*$")
SIGNATURE_DATE = re.compile(r"^\s*((19|20)\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*$")

# Page furniture in PDFs: page numbers and their decorations.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－~·•]+\s*\d{1,4}\s*[-—–－~·•]+|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?|\d{1,4})\s*$"
)

# ---------------------------------------------------------------------------------------
# Extraction (extract/): quotas, deadlines, responsible units, slogans, placeholders.

_AR_NUM = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CN_NUM = r"[零〇一二两三四五六七八九十百千]+"
_PH = r"[XxＸｘ×]{1,4}|[*＊]{1,4}"  # an unfilled number: X次, xx人次, **篇

# Chinese numerals inside the number slot: read only where a cue (每…, 至少, 累计) says a
# count follows, so fixed phrases such as 两个确立 or 一岗双责 never become numbers.
QUOTA_UNITS = ("人次", "条次", "户次", "家次", "科次", "篇次", "批次", "场次", "个次", "台次", "辆次", "车次", "艘次", "架次", "件次", "栋次", "仓次", "门次", "所次", "校次",
               "剂次", "面次", "班次", "台套", "画幅", "个工作日", "工作日", "微克/立方米", "平方公里", "千瓦时", "千瓦",
               "公斤", "千克", "学时", "学分", "课时", "小时", "分钟", "个月", "个百分点",
               "万人次", "万人", "万元",  # (50余万人次, 30多万人: 余 and 多 stand before the 万; see _Figure.of)
               "亿元", "元", "公里", "平方米", "立方米", "公顷", "万吨", "吨", "亩", "辆", "张", "座", "栋", "床", "间", "头",
               "次", "回", "篇", "场",
               "期", "人", "名", "个", "项", "天", "件", "份", "本", "条", "堂", "节", "轮", "家", "户", "所",
               "批", "起", "套", "卷", "部", "门", "年", "周", "遍", "%", "％", "核", "课", "支", "处", "台", "株", "块",
               "种", "类", "例", "册次", "册", "枚", "棵", "盏", "架", "艘", "对", "DDDs", "幅", "面", "米", "笔", "位",
               "页", "趟", "把", "具", "眼", "单", "宗", "组", "封", "首", "根", "分", "剂", "万")
_UNIT_RX = "|".join(re.escape(u) for u in QUOTA_UNITS)
# A percentage said in words (百分之三十一, 百分之七十六点三); not 百分之百, a fixed formulation (六个百分之百).
PERCENT_WORDS = re.compile(r"(?<!个)百分之(?P<whole>[一二两三四五六七八九十][零〇一二两三四五六七八九十]{0,2}|百)"
                           r"(?:点(?P<frac>[零〇一二三四五六七八九]{1,2}))?")  # (覆盖率达到了百分之百: a rate, not 六个百分之百)
# 百分之百 is a rate only after one in its clause (覆盖率达到了百分之百, 晨检率一直保持在百分之百), not
# the fixed formulation (六个百分之百, 百分之百的努力).
PERCENT_FULL_RATE = re.compile(r"率[^，。；！？\n率]{0,8}$")
PERCENT_AT_LEAST_BEFORE = re.compile(r"(?:达到了?|达|超过|不低于|不少于|至少|高于)$")
PERCENT_AT_LEAST_AFTER = re.compile(r"以上|多")
PERCENT_AT_MOST_BEFORE = re.compile(r"(?:不超过|不高于|控制在|低于)$")
QUOTA_CORE = re.compile(
    # num opens with one character set (re skips ahead by it), then a lookbehind over two
    # characters rules out a digit run's middle, an ordinal (第1) and a period (每3个月).
    r"(?P<num>[0-9０-９零〇一二两三四五六七八九十百千半XxＸｘ×*＊](?<![0-9０-９.．A-Za-z第每毎].)"
    r"(?:(?<=[0-9０-９])[0-9０-９]*(?:[.．][0-9０-９]+)?|(?<=[零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]*"
    r"(?:[万亿][零〇一二两三四五六七八九十百千]*[零〇一二两三四五六七八九](?:[十百千](?![万亿]))?)?"  # 一万三千多人次
    r"(?:点[零〇一二三四五六七八九]{1,3})?"  # 九点二吨
    r"|(?<=半)|(?<=[XxＸｘ×])[XxＸｘ×]{0,3}|(?<=[*＊])[*＊]{0,3}))"
    rf"(?:\s*[-－—~～至到]\s*(?P<num2>{_AR_NUM}|{_CN_NUM}))?"
    r"(?P<big>[万亿])?(?P<approx>余|多|来)?"
    r"(?:个(?P<approx2>多)?(?=学时|课时|小时))?"  # 16个学时, 两个小时, 九个多小时: the unit is the hours
    r"(?:(?<![^十百千零两二三四五六七八九0-9]一)个(?=人(?![\u4e00-\u9fff])))?"  # spoken: 一共是十一个人 counts people (一个人 is alone, 个人 personal)
    rf"(?P<unit>{_UNIT_RX})"
    r"(?!工作日|月内|月后|小时内|天内|日内|周内|年级|级|(?<=回)[事头访复应]|(?<=门)[诊户类店面口前槛牌岗卫禁]|(?<=把)[手关握]"
    # (具体, 眼睛, 单位, 首次, 根据, 封闭: words; 5个工作日内: a relative limit)
    r"|(?<=具)[体有备]|(?<=眼)[睛光界镜前]|(?<=单)[位元独项据列一]|(?<=工作日)(?:内|之内|后)"
    r"|(?<=首)[次批个家先要届位]|(?<=根)[据本源治]|(?<=封)[闭存面顶控]|(?<=剂)[量型]"
    # (组织, 组长; a village group's name in a list: 1组、3组、5组)
    r"|(?<=组)(?:[织成建长员合]|[、和及与至到][0-9０-９一二三四五六七八九十]+组)|(?<=[、和及与至到][0-9０-９一二三四五六七八九十]组)"
    # a score (综合得分91.6分, 扣减绩效分值86分), not a minute of the clock (9时30分) nor 三分之一
    r"|(?<=分)(?![，。；;、）)\s]|以上|以下|左右|$)|(?<=[时点][0-9０-９][0-9０-９]分)|(?<=[时点][0-9０-９]分))"
    r"(?P<suffix>及以上|以上|以内|以下|左右|多|余)?"
)
# A duration to reach, before its figure (办电时长压减至3个工作日以内): a quota, whatever 以内 follows;
# without it, 5个工作日以内 is a time limit.
DURATION_TARGET = re.compile(r"(?:压减|压缩|缩短|缩减|控制|减少|降低|降|减)(?:至|到|在)$|不超过$|(?:时长|用时|时间)(?:为|是|在)?$")
# Units that are also date or age words: a count only with an explicit bound (1年以上党龄).
# A duration followed by 内 is a relative deadline (3个月内, 7天内), not a quota.
QUOTA_DURATION_UNITS = frozenset({"个月", "天", "小时", "周", "年"})
QUOTA_BOUND_ONLY_UNITS = frozenset({"年", "周", "万", "部", "支", "课"})
# …except 部 right after what it counts: 加装电梯4部, 拍摄微视频3部 (4部门 is no count).
QUOTA_BU_COUNTED = re.compile(r"(?:电梯|视频|短片|宣传片|专题片|纪录片|电视片|微电影|影片|电影|短剧|作品|教材|专著|著作|读本|手册"
                              r"|电话|热线|手机|对讲机)$")
# …and 支 right after the teams it counts: 组建党员突击队三支, 服务队12支 (一支队伍 is a phrase).
QUOTA_ZHI_COUNTED = re.compile(r"(?:队|团|队伍)$")
QUOTA_COUNTED_BEFORE = {"部": QUOTA_BU_COUNTED, "支": QUOTA_ZHI_COUNTED,
                        "门": re.compile(r"(?:课程|课)$")}  # 开设兴趣课程二十四门 (4部门 is no count)
# …or named a little before it, the figure closing its clause (加装电梯难…全年装成了七部，)
QUOTA_COUNTED_NEAR = {"部": re.compile(r"电梯")}
# …or right before them (十四支实践团队, 组建3支志愿服务队)
QUOTA_COUNTED_AFTER = {"支": re.compile(r"[\u4e00-\u9fff]{0,5}?(?:队|团)(?!员)"),
                       "部": re.compile(r"(?:电梯|手机|电话|对讲机|宣传片|专题片|微视频|短视频)")}  # 装十二部电梯
# Chinese-numeral counts read without a cue (两次召开, 三家, 十二处): classifiers that count things,
# not those that build formulations (两个确立, 三项制度, 四个意识); 一 is left out (一次性, 一批).
QUOTA_CN_COUNT_UNITS = frozenset({"元", "亩", "吨", "起", "栋", "台", "批", "次", "回", "家", "件", "所", "座", "处", "户", "名", "场", "期", "篇", "轮", "人次", "株", "块", "份",
                                  "趟", "间", "门", "节", "学时", "课时",
                                  "盏", "辆", "艘", "公里", "个工作日", "册", "对"})  # 下乡跑了三十一趟, 腾出两间办公室, 开了十门, 上了十节课, 两个学时; 路灯六十盏
QUOTA_CN_COUNT = re.compile(r"(?:[一两二三四五六七八九]百)?(?:[一两二三四五六七八九]?十)?[一二两三四五六七八九]?$"  # 一百二十八场
                            r"|[一两二三四五六七八九]百(?:零[一二三四五六七八九])?$"
                            r"|[一二两三四五六七八九十]{1,3}万[零一二两三四五六七八九十百千]{0,6}$"  # 十八万三千(元)
                            # 一千零八十六名, 两千五百, 六千
                            r"|[一两二三四五六七八九]千(?:零?[一两二三四五六七八九]百)?(?:零?[一两二三四五六七八九]?十)?(?:零?[一二两三四五六七八九])?$")
# 一次 right after the verb that holds it is a count too (开展了一次应急演练; 一次性 is not).
# (not 各召开了一次: each of what the clause lists, no count of the whole)
QUOTA_HELD_BEFORE = re.compile(r"(?:^|[^各])(?:开展|组织|召开|举办|进行|举行|搞|办|(?<=[^各召举])开|作了|做了|讲了)[了过]?$")
# …and 个, which fixed formulations use with small numbers (三个代表, 四个意识), from ten up.
QUOTA_CN_COUNT_LARGE = frozenset({"个"})
# …and those that do with any number (三项制度, 两条底线, 五人小组): from ten up only (一百二十项, 五十六人).
QUOTA_CN_COUNT_TENS = frozenset({"项", "条", "例", "位", "人"})
# …but not a fixed set named by its size (十八项医疗质量安全核心制度, 教师职业行为十项准则)
QUOTA_CN_SET_NAMED = re.compile(r"(?:医疗质量安全)?核心制度|准则|禁令|规定")
QUOTA_COMPARATORS = (("不少于", ">="), ("不低于", ">="), ("至少", ">="), ("最少", ">="), ("达到", ">="),
                     ("超过", ">="), ("不超过", "<="), ("不多于", "<="), ("不高于", "<="), ("最多", "<="),
                     ("控制在", "<="), ("超", ">="), ("达", ">="), ("突破", ">="), ("不得少于", ">="), ("不得低于", ">="),
                     ("不得超过", "<="), ("不足", "<="), ("≥", ">="), ("≤", "<="))  # bare 超 and 达 bound only the number right after them
QUOTA_COMPARATOR = re.compile("|".join(sorted((re.escape(w) for w, _ in QUOTA_COMPARATORS), key=len, reverse=True)))
QUOTA_APPROX_BEFORE = "约近"  # 约86万元, 近3万人: approximate, as 左右 after the unit
# …but not where the character ends a word (签约7460人, 节约120万元, 最近3次)
QUOTA_APPROX_WORDS = frozenset({"签约", "节约", "履约", "预约", "违约", "续约", "特约", "制约", "公约", "合约", "邀约", "解约",
                                "条约", "践约", "最近", "附近", "临近", "邻近", "就近", "靠近", "亲近", "贴近", "走近", "相近"})
QUOTA_SUFFIX_COMPARATORS = {"以上": ">=", "及以上": ">=", "多": ">=", "余": ">=", "以内": "<=", "以下": "<=",
                            "左右": None, "来": None}
# 每 and its variant 毎; 每3个月, 每两周, 每半年, 每学期.
QUOTA_PERIOD = re.compile(
    r"(?=[每毎隔按全年本当上下累共总合人日月周第一二两三四1-4整春秋学这半])(?:(?P<every>[每毎]"
    # 按季度开展1次: every quarter
    r"|按(?=(?:季度|半年|月(?!度)|周)[\u4e00-\u9fff“”]{0,10}?(?:(?:[0-9]+|[一二两三四])[次期场回轮]|$))"
    # 隔周一次, 隔月一次: every second week, month
    r"|隔(?=个?(?:周|月|天|日|星期)(?:[一1]次|$))"
    # spoken: 一周要上四次, 一个月来两次, 一天两次 (a count right after) is every week, month, day
    # (a quota's cues are read from the text before its figure, so the count may be cut off: $)
    r"|(?<![第十0-9０-９])一(?=个?(?:周|月|季度|星期|礼拜|天)[\u4e00-\u9fff]{0,3}(?:(?:[0-9]+|[一二两三四五六七八九十]+)[次期场回趟]|$))"
    # …and 两周一次, 三个月一次 (every two weeks)
    # (spoken, 半个月上门一趟: every half month)
    r"|(?<![每毎第0-9０-９一二两三四五六七八九十])(?=(?:[两二三]个?(?:周|月|星期|礼拜)(?:[一1]次|$)|半个?月[\u4e00-\u9fff]{0,2}?(?:[一1][次趟回]|$))))(?:个)?(?P<n>[0-9０-９]{1,2}|[两二三四五六]|半)?个?"
    r"(?P<unit>年度|学期|季度|半年|半月|星期|礼拜|年|季|月|周|旬|天|日|次|批|场|期)"
    # (not the year's target a share is of: 完成年度任务的57.3%, 占全年计划投资的89.4%; nor a year's
    # name: 2024年度审计查出的126个问题)
    r"|(?P<year>(?:全年(?:共|累计)?|年度内?)(?!(?:目标|任务|计划|预算|指标)[\u4e00-\u9fff]{0,4}的)"
    r"(?<![0-9０-９〇○零一二三四五六七八九]年度(?=[\u4e00-\u9fff]{1,6}的))"
    r"|年内|本年度|当年|全学年|本学年|学年内"
    r"|(?<![第0-9０-９一二两三四五六七八九十])一年(?:下来)?(?=[\u4e00-\u9fff]{0,3}?(?:(?:[0-9]+|[一二两三四五六七八九十]+)[次场期轮回]|$)))"  # spoken: 支委会一年开了十二次
    r"|(?P<half>上半年|下半年|(?<![0-9０-９])(?:1|一)\s*月?\s*(?:[-－—–~～至到])\s*(?:6|六)\s*月(?![0-9０-９日号底末份]))"
    r"|(?P<term>本学期|这一?个?学期|全学期|整个学期|学期内|春季学期|秋季学期|[上下]学期|第[一二]学期)"
    r"|(?P<avg>日|月|周|年)均"
    r"|(?P<quarter>第?[一二三四1-4]季度)(?![末底前内])"
    r"|(?P<total>累计|共计|总计|合计|人均|(?<![公总])共(?![产同享建识青性养治商担赢])))"
)
PERIOD_NAMES = {"年": "year", "年度": "year", "学期": "term", "季度": "quarter", "季": "quarter",
                "半年": "half_year", "半月": "half_month", "月": "month", "星期": "week", "礼拜": "week", "周": "week",
                "天": "day", "日": "day", "次": "once", "批": "once", "场": "once", "期": "once"}
PER_YEAR = {"year": 1, "half_year": 2, "quarter": 4, "month": 12, "half_month": 24, "week": 52, "day": 365,
            "term": 2}
# 每 followed by one of these is a recurring deadline (每年年底前, 每月5日前), not a quota.
QUOTA_PERIOD_NOT = re.compile(r"(年底|年末|年初|月底|月末|月初|季末|底前|末前|前|[0-9０-９一二三四五六七八九十]+[日号])")
# Periodic actions stated with no number: 每半月抽查督导 counts once per period.  (每周一举行: a
# weekday after 每周 is read off before this.)
QUOTA_IMPLIED_VERBS = re.compile(
    # (a weekday, a time of day or a manner may stand between the period and its verb: 每周一早上
    # 举行升旗仪式, 每周三下午开展教研活动, 每季度面对面随访, 每个月都按时召开)
    # (spoken, a subject and a light verb too: 每个月我们都搞集中宣传, 每个季度都按时作了通报)
    r"(?:我们|大家)?(?:早上|早晨|上午|中午|下午|晚上)?(?:面对面|上门|上山|下村|进村|电话)?"
    r"(?:[要须应都均也]|定期|按时|至少|足额|固定)?(?:要|按时|坚持|轮流|集中|固定)?(?:联合|共同)?(?:搞|作了?|做了?|进行了?)?(?:集中|集体|专项)?"
    r"(抽查|检查|督导|督查|调度|通报|报送|上报|研判|分析|召开|开展|组织|走访|巡查|讲评|点评|更新|发布|谈心谈话"
    r"|公示|公布|抽取|评比|汇报|暗访|曝光|发放|推送|跟踪|会商|核查|回访|随访|监测|巡检|打分|收缴"
    r"|举行|汇总|评选|编发|印发|盘点|考评|测评|自查|排查|填报|上门走访|带队|评议|结算|拨付"
    r"|学习|检测|巡护|报告|梳理|形成|比对|宣传|入户|听取|调研|消毒|查看|设立|接访|问候|探视|播放|坐诊|对账|巡河|张贴|提醒"
    r"|开(?=[，,。；;]|$))")  # spoken: 网格矛盾排查会每个月开，
# Where a quota's clause begins: the subject and the counted action are read inside it.
_CLAUSE_BREAKS = "，。；;：:！？!?\n,（()）"
CLAUSE_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}]")
# The thing a quota counts, after its unit: up to a clause break, a list word, a digit or a space.
QUOTA_COUNTED = re.compile(f"[^{re.escape(_CLAUSE_BREAKS)}、和及并0-9０-９ \t]{{0,12}}")
QUOTA_FILLERS = ("要", "须", "必须", "应", "应当", "都", "均", "共", "按时", "定期", "已", "了")
# A subject ends with a unit or role word (lexicon) or one of these person/body words.
SUBJECT_SUFFIXES = ("党员", "干部", "成员", "同志", "人员", "委员", "职工", "会议", "组")

# Deadlines ----------------------------------------------------------------------------
_YEAR = r"(?:19|20)[0-9]{2}|二[〇○零][一二三四五六七八九〇○零]{2}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12][0-9]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
DEADLINE_DATE = re.compile(
    # (not a rate: 一月一次, “一村一月一场”)
    rf"(?=[0-9一二三四五六七八九十])(?<![0-9])(?!一月[一两二三四五六七八九十]{{1,2}}[次场回期趟])(?:(?P<y>{_YEAR})\s*年\s*)?(?P<m>{_MONTH})\s*月份?"
    rf"(?:\s*(?P<d>{_DAY})\s*[日号])?(?P<part>上中旬|中下旬|上旬|中旬|下旬|初|中|底|末|前后)?"
    r"(?P<bound>之前|以前|前|为止|止|以内|内)?"
)
# Spans of whole months and of days in one month: 1-6月, 2024年1—11月, 9月23日至27日.
_TO = r"\s*(?:-|－|—|–|~|～|至|到)\s*"
DATE_MONTH_SPAN = re.compile(
    rf"(?=[0-9二])(?<![0-9])(?:(?P<y>{_YEAR})\s*年\s*)?(?:(?P<m1>1[0-2]|0?[1-9]){_TO}(?P<m2>1[0-2]|0?[1-9])\s*月份?"
    rf"(?![0-9一二三四五六七八九十]{{0,3}}\s*[日号])|(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d1>3[01]|[12][0-9]|0?[1-9])"
    rf"\s*[日号]?{_TO}(?P<d2>3[01]|[12][0-9]|0?[1-9])\s*[日号])")
# 截至11月底，累计…: the date closes the span a figure covers.
DATE_AS_OF = re.compile(r"(?:截至|截止到|截止至|截止)\s*$")
DATE_AS_OF_CUE = re.compile(r"^(?:截至|截止到|截止至|截止)\s*")  # …as a date's text opens
DATE_MONTH_PART = re.compile(r"[上中下]旬|初|[月年]底|[月年]末|日|号")
# 年底前, 年内, 第三季度末, 上半年前: found from their core; the year before it, if any, is
# read backwards with DEADLINE_YEAR_BEFORE (a leading optional year slows re down a lot).
DEADLINE_YEAR_END = re.compile(r"年(?P<part>底|末|内)(?P<bound>之前|以前|前)?")
DEADLINE_YEAR_BEFORE = re.compile(rf"(?P<y>{_YEAR})\s*$")
# 全年内, 每年底, 三年内: the 年 belongs to another word.
DEADLINE_YEAR_NOT = re.compile(r"[全每当今明去本上下近多几0-9０-９一二三四五六七八九十两]")
DEADLINE_RECURRING = re.compile(  # (one first character class: re skips ahead to it)
    r"[每毎次](?:(?<=[每毎])(?P<unit>年|季度|月|周)(?P<rest>(?:年底|年末|季末|月底|月末|底|末|初|[0-9０-９一二三四五六七八九十]{1,3}[日号]|周[一二三四五六日]"
    # 每周五下午前, 每月第一周 (not 每周一次: a count; nor a weekday with no limit after it,
    # 每周一举行升旗仪式, 每周三下午开展教研: when the work recurs, not a time it is due by)
    r"|(?<=周)[一二三四五六日](?![次个天])(?:上午|下午|晚上)?(?=之前|以前|前|下班前|[0-9０-９]{1,2}[时点])"
    r"|第[一二三四]周)(?:之前|以前|前)?)"
    # 次月10日前, 次季度初: due in the period after each one
    r"|(?<=次)(?P<next>月|季度|年)(?:初|底|末|[0-9０-９一二三四五六七八九十]{1,3}[日号])(?:之前|以前|前))"
)
DEADLINE_RELATIVE = re.compile(  # opens with a character set, so that re skips ahead by it
    r"(?P<n>[0-9０-９一二两三四五六七八九十](?:(?<=[0-9０-９])[0-9０-９]{0,2}|(?<=[一二两三四五六七八九十])[一二两三四五六七八九十]{0,2}))\s*个?"
    r"(?P<unit>工作日|日|天|小时|周|个?月)(?:之内|以内|内)"
)
# What a relative deadline counts from, read backwards from its number: 会后, 收到通知后.
DEADLINE_AFTER = re.compile(
    r"(?:[会事]后|收到[^，。；\s]{0,8}?后|[\u4e00-\u9fff]{0,4}?(?:结束|完成|印发|下发|发现|召开|确定)后)$")
DEADLINE_QUARTER = re.compile(r"(?P<q>[一二三四1-4])季度(?P<part>末|底)?(?P<bound>之前|以前|前|内)?")
DEADLINE_QUARTERS = re.compile(r"(?P<q1>[一二三四1-4])季度\s*(?:至|到|—|－|-|~|～)\s*第?" + DEADLINE_QUARTER.pattern)
DEADLINE_HALF = re.compile(r"(?P<half>上|下)半年(?P<bound>之前|以前|前|内)")
# Two dates make a range when the first opens it (2023年9月开始) and the second closes it
# within the same sentence (2024年2月底基本结束), or when they are joined by 至/到/—.
DEADLINE_RANGE_OPEN = re.compile(r"^(?:开始|起)")
DEADLINE_RANGE_GAP = re.compile(r"^[^。；;\n]{0,40}$")
DEADLINE_RANGE_TO = re.compile(r"^\s*(?:至|到|—|－|-|~|～)\s*$")
DEADLINE_RANGE_CLOSE = re.compile(r"(?:基本|全面)?(?:结束|完成|截止|止)")
YEAR_IN_TITLE = re.compile(rf"({_YEAR})\s*年")
# A school year: 2024—2025学年, 2024-2025学年度.
SCHOOL_YEAR = re.compile(rf"(?P<y1>{_YEAR})\s*[—–\-~～至]\s*(?P<y2>{_YEAR})\s*学年")
SECOND_TERM = re.compile(r"第二学期|下学期|春季学期")
# A year with a month after it: a dated event (2024年2月), not a year named as a period (2023年度).
DATED_YEAR = re.compile(rf"({_YEAR})\s*年\s*[0-9０-９一二三四五六七八九十]{{1,2}}\s*月")
# A title about fixing what an inspection found: 整改方案, 整改情况的报告, 问题整改.
RECTIFY_TITLE = re.compile(r"整改")
YEAR_ANY = re.compile(rf"(?<![0-9])({_YEAR})(?![0-9])")
# A date's kind (extract/deadlines.py): 自…起施行 is when a document takes effect; 将于…, 拟于… look
# forward (a deadline even in a summary); a quarter or a range followed by a total is the period
# a figure covers (第一季度，共组织3次); a plan's date in the past is its background (an event).
EFFECTIVE_AFTER = re.compile(r"\s*起?(?:施行|执行|实施|生效)")
EFFECTIVE_NO_DATE = re.compile(r"自(?:印发|发布|公布|下发|发文)之日起(?:施行|执行|实施|生效)")
DATE_FORWARD = re.compile(r"(?:将|拟|计划|力争|争取|预计|确保|要求|应|须|限期|原定|(?<![制规决确认设指约核审判鉴评勘稳])定(?=[于在]))(?:于|在)?[^，。；]{0,4}$")
# …or after a time limit, in a speech's instructions (8月底前必须出台, 年底前至少刊发十二篇稿件)
DATE_FORWARD_AFTER = re.compile(r"[^，。；]{0,6}?(?:必须|务必|一定要|要|力争|争取|确保|至少)")
DATE_PERIOD_SHAPE = re.compile(r"季度|半年")
DATE_RANGE_END = re.compile(r"(?<=[月年])[底末]$")  # 1月到9月底: the end of the range's last month
# Another year than the document's before a date (明年3月底前, 去年11月), and how far from it.
DATE_YEAR_OFFSET = {"次年": 1, "明年": 1, "翌年": 1, "来年": 1, "去年": -1, "上年": -1, "前年": -2}
DATE_OTHER_YEAR = re.compile("(?:" + "|".join(DATE_YEAR_OFFSET) + ")$")
DATE_REPORTED_UP_TO = re.compile(r"现将(?:[^，。；]{0,12}?)?$")  # 现将截至9月底…报告如下, 现将我院1—9月…
DATE_PERIOD_FIGURE = re.compile(r"[^。；]{0,40}?(?:共|累计|合计|总计)")
DATE_PAST = re.compile(r"(?:已于|已经|去年|上年|曾于|先后于)[^，。；]{0,4}$")
DATE_PAST_AFTER = re.compile(r"\s*(?:以来|至今)")
DATE_BOUND = re.compile(r"前|内|止")

# Responsible units ----------------------------------------------------------------------
# (label, role) for "牵头单位：X；配合单位：Y" and 领导小组 lists.
UNIT_LABELS = (("牵头单位", "lead"), ("牵头部门", "lead"), ("牵头处室", "lead"), ("牵头科室", "lead"),
               ("牵头领导", "lead"), ("责任领导", "responsible"), ("责任单位", "responsible"),
               ("责任部门", "responsible"), ("责任处室", "responsible"), ("责任科室", "responsible"),
               ("主责单位", "responsible"), ("主责部门", "responsible"), ("责任主体", "responsible"),
               ("责任人", "responsible"), ("牵头人", "lead"), ("配合人", "support"), ("配合单位", "support"), ("配合部门", "support"), ("配合处室", "support"),
               ("配合科室", "support"), ("协办单位", "support"), ("协办部门", "support"), ("协作单位", "support"),
               ("协作部门", "support"), ("参与单位", "support"), ("协助单位", "support"), ("成员单位", "support"),
               ("副组长", "support"), ("组长", "lead"), ("成员", "support"), ("责任股室", "responsible"),
               ("责任股", "responsible"), ("牵头股室", "lead"), ("配合股室", "support"), ("负责人", "responsible"),
               ("主任委员", "lead"), ("副主任委员", "support"), ("委员", "support"), ("牵头", "lead"), ("配合", "support"),
               ("实施科室", "responsible"), ("实施单位", "responsible"), ("实施部门", "responsible"),
               ("负责科室", "responsible"), ("负责部门", "responsible"), ("负责单位", "responsible"),
               ("承办单位", "responsible"), ("责任庭室", "responsible"), ("承办庭室", "responsible"),
               ("牵头庭室", "lead"), ("配合庭室", "support"), ("责任庭", "responsible"),
               ("责任部室", "responsible"), ("牵头部室", "lead"), ("配合部室", "support"), ("承办部室", "responsible"),
               ("责任民警", "responsible"), ("责任", "responsible"))
# A two-character label may be spaced out to line up with longer ones (组　长：, 成　员：).
_LABEL_WORD = lambda w: r"[ \u3000]?".join(w) if len(w) == 2 else w  # noqa: E731
# Who does a task, in brackets after it (（集团纪委牵头，信息中心配合）): no part of what is done, nor of whom for.
ASSIGNED = re.compile(r"[（(〔【][^（）()〔〕【】\n]{0,60}?(?:牵头|配合|协助|协办|负责|单位[:：]|部门[:：]|科室[:：]|处室[:：])"
                      r"[^（）()〔〕【】\n]{0,60}?[）)〕】]")
UNIT_LABEL = re.compile(
    "(?P<label>" + "|".join(_LABEL_WORD(w) for w in sorted((w for w, _ in UNIT_LABELS), key=len, reverse=True))
    + r")\s*[:：]\s*"
    r"(?P<names>(?:[（(][^（）()\n]{0,40}[）)]|[^；;。）)〕】\]\n])+)")
# A labelled list ends with what the units do, not with a unit: …，乡镇人民政府按职责分工分别负责.
UNIT_LIST_TAIL = re.compile(r"(?:按照?职责分工|按职责|根据职责)?(?:分别|共同|具体)?(?:负责|落实|配合|协助|参与|办理|协办)$|等(?:单位|部门)?$")
# What a listed name goes on to do, when the list says it in the piece itself (…，各村（社区）负责
# 具体实施; 县林长制办公室牵头; 相关乡镇人民政府按属地管理原则分别负责): the name ends where it begins.
UNIT_PIECE_DOES = re.compile(r"按|负责(?!人)|牵头|统筹|配合|协助|协办|参与|抓好|做好|具体|分别|共同|落实|督促|指导|对")
# The role a piece or a bracket after a name gives it: 保卫处（牵头）, 纳税服务科牵头, 法务审计部（配合）.
UNIT_PIECE_ROLES = (("牵头", "lead"), ("统筹", "lead"), ("配合", "support"), ("协助", "support"), ("协办", "support"),
                    ("参与", "support"), ("负责", "responsible"))
# A bracketed remark after a name: 周建国（党组书记、院长）.  Read past, never part of a name;
# but a short bracket inside a name, before more of it, is the name's: 各县（区）人民政府,
# 各镇（街道）纪（工）委.
UNIT_REMARK = re.compile(r"[（(](?:[^（）()\n]{0,40}[）)](?![\u4e00-\u9fff])|[^（）()\n]{5,40}[）)])")
# The piece of a labelled list that says it only helps: …，各派驻纪检监察组配合〕.
UNIT_LIST_SUPPORT = re.compile(r"(?:配合|协助|参与|协办)$")
# A person's name in a 组长/副组长/成员 list: a common surname and one or two more characters.
PERSON_NAME = re.compile(r"(?:欧阳|司马|诸葛|上官|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝])[\u4e00-\u9fff]{1,2}")
# (regex, role) for the verb after a name: 由办公室牵头, 各党支部要发挥主体作用.  Every alternative
# starts with a literal character (_each spells out a leading choice): re then skips ahead to the
# next possible first character instead of trying every position (a sixth of extraction's time).
def _each(heads: tuple[str, ...], tail: str) -> str:
    return "|".join(h + tail for h in heads)


UNIT_VERBS = (
    (r"牵头负责|牵头抓总|牵头|负总责|承担全面领导责任|第一责任人|扛起第一责任人责任|"
     + _each(("担任", "任", "为", "当"), r"总?(?:组长|指挥长)") + "|" + _each(("担任", "任"), r"主任(?:委员)?"), "lead"),
    (r"配合|协助|协同|参与|" + _each(("担任", "任", "为", "是"), r"(?:常务)?副(?:组长|指挥长)")
     + r"|为成员|任成员|组成(?!员)|" + _each(("担任", "任"), r"副主任(?:委员)?"), "support"),
    (r"负责(?![人同制])|直接责任人|具体责任人|责任主体|承担[^，。；\n]{0,14}?责任|担负[^，。；\n]{0,4}?主体责任|"
     r"履行[^，。；\n]{0,8}?(?:主体责任|监督责任|监督专责)|扛起[^，。；\n]{0,6}?主体责任|落实[^，。；\n]{0,4}?主体责任|发挥主体作用|"
     r"负(?:主体|直接|属地|监管|领导|直接领导|全面领导|具体|主要领导)责任|"
     + _each(("严格履行", "严格落实", "严格按照", "履行", "落实", "按照"), r"“?一岗双责(?!”?[^，。；\n]{0,3}?(?:不|未))"),
     "responsible"),
)
# Flat, with no group at the start, so that re can skip ahead by first character; the role
# is then read from which table entry the cue matches.
UNIT_VERB = re.compile("|".join(rx for rx, _ in UNIT_VERBS))
# An office set up in a unit, which then runs the work: 领导小组办公室设在局办公室，负责日常工作.
UNIT_OFFICE = re.compile(r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{0,10}办公室)设在[^，。；\n]{1,24}[，,](?:具体)?负责")
UNIT_VERB_ROLES = tuple((re.compile(rx), role) for rx, role in UNIT_VERBS)
# 党组书记是（本部门…）第一责任人: the name ends where 是/为/任 begins the predicate.
UNIT_COPULA = re.compile(r"(?:[是为任]|履行|担起|扛起|作为)(?P<what>[^，。；\n是为任]{0,16})$")
# 公司党委对党建工作负总责: the name ends where 对 begins what it answers for.
UNIT_OBJECT = re.compile(r"对[^，。；\n对]{1,24}$")
UNIT_SPLIT = re.compile(r"[、，,和及与]|以及")
UNIT_LEFT_BREAK = re.compile(r"[，。；;：:！？!?\n,]")
UNIT_PREFIXES = ("成立由", "成立", "并由", "由", "请", "要求", "各自", "并")
UNIT_TRAILING_FILLERS = ("要", "须", "必须", "应", "应当", "坚决", "切实", "认真", "按职责", "分别", "共同", "具体",
                         "主要", "统一", "全面", "负责", "带头", "积极", "在", "按照分工", "按分工", "按职责分工",
                         "按照职责分工", "按照职责", "根据职责", "密切", "主动", "还", "也", "分片", "亲自抓、", "亲自抓", "亲自")

# Slogans --------------------------------------------------------------------------------
# Flat alternatives (re skips ahead by first character); the content is the one group that matched.
QUOTED = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|‘([^‘’\n]{1,40})’|‚([^‚‛\n]{1,40})‛"
                    r"|\"([^\"\n]{1,40})\"")
SLOGAN_MAX_CHARS = 16
SLOGAN_REJECT_CHARS = re.compile(r"[。！？!?；;：:《》]")
SLOGAN_ORG_SUFFIXES = ("委", "局", "厅", "署", "委员会", "办公室", "中心", "协会", "公司", "集团", "银行", "大学", "学院", "医院", "学校")
SLOGAN_AFTER_NOT = re.compile(r"(?:[、“”]?[^，。；“”]{0,6}?等[^，。；]{0,4})?(?:平台|APP|App|app|公众号|小程序|网站|系统|客户端|栏目|专栏|板块|频道|杂志|宣讲团|报|网)")
# Unquoted numeric formulas not in the lexicon: a numeral formula followed by its gloss,
# 六个必须坚持（……、……）, and 1+N style formulas.
# Found from its gloss backwards: glosses are rare, numerals are everywhere.
GLOSS_LIST = re.compile(r"[（(][^（）()\n]{2,60}、[^（）()\n]{0,60}[）)]")
NUMERIC_FORMULA = re.compile(r"(?<![统唯万第专同单逐初周十百千一二三四五六七八九两])(?P<f>[一二三四五六七八九十两]{1,2}[个项大条种重]?[\u4e00-\u9fff]{1,4}?)$")
PLUS_FORMULA = re.compile(r"[0-9]\+[A-Z0-9](?:\+[A-Z0-9])*")
PLUS_EDGE = re.compile(r"[0-9A-Za-z+]")
GLOSS = re.compile(r"\s*[（(](?P<g>[^（）()\n]{2,80})[）)]")

# Placeholders and masks -----------------------------------------------------------------
# Starts with one character set so that re skips ahead by it; the alternatives then check
# which character that was (a lookbehind) and go on.  See extract/slogans.py.
PLACEHOLDER = re.compile(
    r"[12XxＸｘ×*＊□](?:(?<=1)9[0-9]?[XxＸｘ]{1,2}(?=\s*年)|(?<=2)0[0-9]?[XxＸｘ]{1,2}(?=\s*年)"
    r"|(?<=[XxＸｘ×])[XxＸｘ×]{0,3}(?![A-Za-zＡ-Ｚａ-ｚ]|光|射线)|(?<=[*＊])(?:\s?[*＊]){0,5}|(?<=□)□{1,3})"
)
LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
# A placeholder followed by one of these stands for a missing number; otherwise for a word.
PLACEHOLDER_NUMBER_NEXT = re.compile(rf"\s*(?:{_UNIT_RX}|届|年|月|日|号|余|多|万|亿|％|%)")


def _trie_rx(words: list[str]) -> str:
    """A regex for literal words as a trie (一(?:个重点|二三四五)|四…): Python's re tries a flat
    alternation's branches one by one at every position, a trie only the branches that fit."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = node.get("") is True
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body  # a shorter word ends here: longer ones first

    return emit(trie)


def literal_alternation(words) -> re.Pattern[str]:
    """One regex that finds the longest of a list of literal words at each position."""
    return re.compile(_trie_rx(sorted(set(w for w in words if w))))


# --- compare: how a summary's sentences are read -------------------------------------------
# A paragraph listing targets (主要预期目标是：地区生产总值增长6%左右；城镇新增就业3500人以上；…): each
# target is judged as a task of its own.  The list opens after 目标…： and its targets end at ；.
# (建设内容及目标：… is a task table's column, read into its row: not a list of targets)
TARGET_LIST = re.compile(r"(?<![及和与、])(?:主要|预期|总体|工作|发展)?目标(?:任务)?(?:是|为)?[:：]")
TARGET_MIN = 3  # fewer targets than this is a sentence, not a list

# Section headings of a summary that report problems or plans, not implementation.
SECTION_PROBLEMS = re.compile(r"存在(?:的)?(?:主要)?(?:问题|不足|短板)|问题(?:和|与|及)不足|不足(?:之处|和问题)|短板弱项|困难和问题")
SECTION_NEXT = re.compile(r"下一步|下步|打算|工作计划|工作安排|工作思路|工作设想|今后|展望|预期目标|(?:19|20)[0-9]{2}年(?:度)?(?:工作|重点)"
                          r"|下半年(?:重点)?工作"  # a mid-year report's 下半年重点工作
                          r"|明年|来年|新的一年|下一阶段|下阶段|下学期")  # spoken: 三、明年怎么干
# A section that looks back (2023年工作回顾, 2024年工作开展情况): what it says was done, whatever year it names.
SECTION_REVIEW = re.compile(r"回顾|开展情况|完成情况|落实情况|进展情况|推进情况|成效|主要做法|工作总结")
# An intention at a clause start (after an inline marker such as 二是): 将加快, 拟, 计划开展.
# A time still to come opening a paragraph (下学期，…；家长开放日要办起来…): all of it is planned.
FUTURE_OPENER = (r"下一步(?:工作)?(?:的?(?:打算|计划|安排))?"
                 r"|(?:从)?(?:下个?学期|明年|来年|新的一年|新一年)(?:开始|起|的(?:工作)?(?:打算|计划|安排|想法))?")  # (明年开始，每半年…公示一次; 下学期的打算，一是…)
FUTURE_PARAGRAPH = re.compile(rf"\s*(?:{FUTURE_OPENER})(?:呢|啊)?[，,：:]")  # (spoken: 明年呢，我想重点抓三件事)
INTENTION = re.compile(
    r"(?:^|[，。；;：:\n])\s*(?:[一二三四五六七八九十]{1,2}是)?(?:我们?|我[局委办部处科院校]|全[局市区县]|下一步|明年|今后)?"
    r"(?:将(?=继续|进一步|持续|加快|加大|加强|着力|全面|深入|重点|大力|逐步|尽快|在|于|把|适时|启动|开展|推进|推动|建立|完善|组织|研究|聚焦|围绕|抓好|着眼)"
    # (not a clause of support won, on which what was done follows: 争取街道支持，已为68户…安装; nor
    # money won, with its sum: 争取衔接资金和帮扶资金86万元)
    r"|拟|计划(?=[^完内外]|$)(?!停电|停水|停气|生育|单列|免疫)(?![\u4e00-\u9fff]{1,4}的)|力争|争取(?!到|[^，。；;\n]{0,10}(?:支持|资金|经费|政策)$"
    r"|[^，。；;\n]{0,16}?[0-9０-９.]+\s*(?:万|亿)?元(?!以上|左右))"
    r"|准备|预计|打算|有待|尚需|仍需|还需)"
    # or put on the plan for later, anywhere in a clause: 应急预案修订和演练工作已列入下一阶段计划
    r"|列入(?:下一阶段|下阶段|下一步|明年|下半年)(?:工作)?(?:计划|重点工作|工作重点)"
    # or a sentence opened by 下一步 (下一步，将委托县疾控中心…) or a time still to come (下学期，应急疏散演练要
    # 排进园务日历), whatever verb follows
    rf"|(?:^|[。；;\n])\s*(?:{FUTURE_OPENER})(?:[，,：:]|$)"
    # or what someone means to take up: 我想重点抓好这么几件事：…
    r"|(?:想|打算|准备|(?<![主重需])要)[^，。；;\n了]{0,8}几(?:件事|个方面|项工作)"  # (not 主要抓了这么几件事: done)
    # or anywhere in a clause, with when it is to happen: …龙头企业认定工作拟于9月份启动
    r"|(?:拟|将|预计)于\s*(?:(?:19|20)[0-9]{2}\s*年\s*)?(?:[0-9０-９一二三四五六七八九十]{1,2}\s*月|下半年|年底|年内|明年|下[个一]?(?:月|季度|学期|阶段)|第?[一二三四]季度)"
    # …or a time still to come for it: 评选要在春节前完成表彰, 明年6月底前把…选聘到位
    r"|要在[^，。；;\n]{1,10}?(?:前|之前)|明年(?:[0-9０-９一二三四五六七八九十]{1,2}\s*月|上半年|年底|底前)"
    # …or a time still to come with what must be done then: 明年还要把…竞赛办起来, 明年一季度必须上线,
    # spoken 红黑榜春节后就要建起来
    r"|(?:明年|来年|下个?学期)[^，。；;\n]{0,6}?(?:还要|要|将|必须|一定|再|争取|力争|计划|准备|打算)"
    # (将 after 春节后 is as often 把: 春节后将…纳入 told of the past)
    r"|(?:春节|开春)(?:以?后|过后)[^，。；;\n]{0,6}?(?:就要|还要|要(?!求)|必须|一定要)")
# What was planned, told as such (原计划设立的光荣榜……): not a report that it was done.
PLANNED_BEFORE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,2}是)?(?:原计划|原定|原拟|按原计划|按照原计划"
                            r"|(?:方案|计划)(?:里|中|上)(?:定了|定的|明确了?|提出了?)要?)")  # spoken: 方案里定了要培育示范点
# …or a topic, then what the plan set for it (其次是无讼村居创建，方案里定了要培育示范点，但是…还没有真正启动)
PLAN_SAID = re.compile(r"[^，,。；;]{2,16}[，,]\s*(?:方案|计划)(?:里|中|上)(?:定了|定的|明确了?|提出了?)要?")
# Not done: 尚未, 没有, 未能; 未发生/未出现 (nothing bad happened) is not a negation of the task.
# Not done, or not done yet: 尚未, 未能, 没有; 尚在推进之中, 正在施工 (under way, so not finished).
# Work under way, begun and not finished (尚在推进之中, 正在施工, 尚在安装调试): part done.
# What is left of a whole (其余5人, 剩下三个): still to come, or neither the whole nor what was done.
REMAINDER_WORDS = "其余|剩余|剩下|余下"
UNDER_WAY = re.compile(r"[尚仍还]在[\u4e00-\u9fff]{0,6}(?:之中|中)(?![作做获荣被进发受得介交])|[尚仍还]在(?:扫尾|收尾)|正在(?:抓紧|加紧|积极|有序|开发|组织|安装)?(?:推进|建设|施工|整改|办理|实施|完善|调试|开发|进行|调整|招聘|配备|安装|评审|评选|审核|撰写|编写|起草)"
                       r"|尚在(?=[\u4e00-\u9fff]{2})"
                       # 年度考核正在组织，年底前能全部结束: the work itself under way, said last in its clause
                       r"|正在(?:组织|开展|实施|落实)(?=[，,。；;]|$)"
                       # 其余两个仍在持续整顿, 还在抓紧整改: still at it, with no 中 after
                       r"|[仍还]在(?:持续|继续|抓紧|加紧|积极)?(?:整顿|整改|推进|办理|化解|建设|施工|调试|协调|完善)"
                       # 其余12份正在通过协商变更、重新发包等方式推进整改: the means, then the work under way
                       # (其余2名正在通过交流任职逐步消化: step by step, so not yet)
                       r"|正在(?:通过|采取|采用)[^，。；;,]{1,20}?(?:推进|整改|办理|实施|处置|逐步)"
                       # 背街小巷餐饮店安装工作仍在推进: still going on, so not finished
                       r"|[仍还]在(?:加紧|抓紧|积极|持续)?(?:推进|施工|建设|整改|实施|调试|安装|招聘|采购|维修|修缮|修复|改造|起草|评审|审批|攻坚|化解|协调)(?=[。；;，,]|$)"
                       # 还有200万元我们正在跟区财政局协调: not secured yet
                       r"|正在(?:跟|与|同|和|会同|联合)[^，。；;\n]{1,12}?(?:协调|对接|沟通|衔接|处置)"
                       # 修订稿已完成征求意见，待委党委会议审议后印发: a step still to come
                       r"|待[\u4e00-\u9fff]{2,12}后(?:印发|实施|出台|发布|施行|公布|下发)"
                       # 桂园社区已通过区局初评，尚待验收: a step past, the last still to come
                       r"|[尚仍还]待(?:验收|审批|批复|审定|审议|评定|认定|复核|挂牌)"
                       # 修订稿…目前正在征求各县（市、区）意见: a draft not yet issued
                       r"|正在(?:广泛)?征求[^，。；;\n]{0,20}?意见"
                       # 隔离防护网还在走招标程序: bought or built once a procedure ends
                       r"|[尚仍还]在(?:走|履行|办理)?[\u4e00-\u9fff]{0,4}(?:招标|采购|审批|报批)(?:程序|流程|手续)?"
                       # spoken: 剩下三个…我们还在一户一户做工作 (still persuading the residents)
                       r"|[仍还]在[\u4e00-\u9fff]{0,6}做[\u4e00-\u9fff]{0,2}工作"
                       # what is left is still to be done: 已交流轮岗9人，其余5人将结合年度干部调整统筹安排
                       rf"|(?:{REMAINDER_WORDS})的?[0-9一二两三四五六七八九十]+[^，。；;\d]{{0,3}}(?:将|拟|待|计划于)"
                       # 其余11个党支部的检查将于11月底前完成: what is left, named, still to come
                       rf"|(?:{REMAINDER_WORDS})的?[0-9一二两三四五六七八九十]+[^，。；;\d]{{0,12}}?的[^，。；;\d]{{1,8}}(?:将于|拟于|计划于)")
# …but not work still being prepared (尚在筹建, 仍在论证): nothing of it is done yet.
UNDER_WAY_EARLY = re.compile(r"[尚仍还]在(?:筹建|筹备|筹划|酝酿|论证|研究|谋划|规划|选址|设计|前期)")
# A finding's status in brackets, 基本完成: some of it is not done yet (（三）关于…的问题（基本完成）)
BASICALLY_DONE = re.compile(r"(?<=[（(])基本(?:完成|整改到位|到位)(?:整改)?(?=[）)])|(?:已|均已|现已|目前已|整改)基本(?:完成|整改到位|整改完成|整改|到位|建成|完工)(?:整改)?(?![了全各])")
NEGATION = re.compile(r"尚未|还未|仍未|暂未|未能|没有|并未|从未|还没(?=[\u4e00-\u9fff])"
                      # 除物业公司3月、4月仅开展了局部排查外，其余子公司均…: one of them fell short
                      r"|除[^，。；;]{1,24}?(?:仅|只)[^，。；;]{1,20}?外"
                      rf"|{BASICALLY_DONE.pattern}"
                      # spoken: 到现在也没建起来, 一直没搞成, 还没落实 (not 没少, 没想到)
                      r"|没(?:怎么)?(?:[建搞开做办弄设推][\u4e00-\u9fff]?(?:起来|成|完|出来)|落实|启动|出台|推开|开展|到位)|未(?!发生|出现|造成|收到|接到|发现|来|必|经|成年|结|婚|满|就业|然|病|检(?![查测出验到疫修]))(?=[\u4e00-\u9fff])"
                      # spoken: 今年没顾上弄
                      r"|没顾(?:得)?上|顾不上"
                      # spoken: 年前估计挂不上了, 今年建不成; 好多乡镇家长学校还是空白 (not 填补空白)
                      r"|[挂建办开装搞弄评]不(?:上|成|起来|下来)了?(?![\u4e00-\u9fff])|(?:还是|仍是|仍然是|仍为|尚属|还属)(?:空白|短板|弱项)"
                      rf"|不到位(?!问题|的问题|等问题)|滞后|不及时|未予|(?:推迟|延期|顺延|推后)了?(?:到|至)了?(?:明年|来年|年后|春节后|下[个一]?(?:学期|季度|年度|年|阶段|半年)|开学)|{UNDER_WAY.pattern}|{UNDER_WAY_EARLY.pattern}")  # 其余2间尚在安装调试: still under way
# Results, not failures: nothing bad happened, nothing wrong was found.
# A bad outcome said not to have happened is a result (没有一个拖欠的, 群众没有意见, 无一起投诉).
NEGATION_BENIGN = re.compile(r"未发生|未出现|未造成|未发现|未排查出|未查出|没有排查出|未监测到|未检测到|未检出|未收到|未接到|没有发生|没有出现|没有发现|零发生|无一|未提出[^，。；]{0,4}(?:意见|异议)"
                             r"|没有一[项件例个起人家所次条笔宗][^，。；]{0,4}?(?:绕过|违规|违反|超期|超过规定|超出规定|逾期|遗漏|漏报|出现|发生|被投诉|不合格|落下|掉队|漏掉|引发|导致|造成|引起)"
                             r"|没有?出(?:过|现)?[^，。；;]{0,4}事故|没有?(?:一[起件个])?(?:矛盾|纠纷|问题)(?:纠纷)?(?:上交|外溢|激化)"
                             r"|(?:未|没有|无)(?:一[个件起例户人家名次])?(?:党员|群众|居民|村民|职工|学生|家长|企业|单位|人员|一人)?(?:拖欠|欠缴|投诉|异议|意见|违规|违纪|事故|上访|差错)"
                             r"|没有?出过(?:一[次起件个])?(?:差错|问题|纰漏|事故)"
                             r"|没有?(?:一个)?超(?:的|过的|标的?)"  # 一周最多排三次，没有超的: a limit kept  # 交接登记没有出过一次差错
                             # work that never stopped: 练兵没有停步, 学习没有放松, 这一条我们没有落下
                             r"|(?:没有|没|未|从未|从没)(?:停步|停止|停歇|放松|松懈|懈怠|落下|间断|中断)"
                             # a rule enforced: 17名不合格人员一律未予进场
                             r"|(?:一律|均|全部)(?:未予|不予)|不合格[^，。；;]{0,8}?(?:未予|不予|未准|不准)"
                             r"|没有(?:接到|收到)过?[^，。；;]{0,14}(?:投诉|举报)"  # 也没有接到群众投诉, 没有接到过…积存满溢的投诉
                             r"|没有?(?:断过|间断|中断)|从未(?:间断|中断)"  # 一年下来没有断过: kept up
                             r"|(?:没有|没|不|不是|从不)(?:关起门来|关门|闭门)"  # 我们没有关起门来定: done openly
                             r"|(?:没有|没)(?:一[起件个])?(?:闹到|闹上|捅到|上交到)"  # 没有闹到镇上去的: no dispute went up
                             r"|(?:没有|没|未|从未|从不|不)(?:利用职务|利用职权|收受|索要|谋取私利|接受宴请)"  # 没有利用职务便利…: clean conduct
                             r"|(?:没有|没|不是|从不|绝不)(?:拿[^，。；;]{0,6})?(?:糊弄|应付|敷衍|走过场|搞形式)"  # 没有拿打电话糊弄: done in earnest
                             r"|(?:也|都|从|一直)(?:没有|没|未)(?:落下|耽误|放松|停过|停下|松懈)"  # 老师们自己的学习也没有落下: kept up
                             r"|没有?(?:一个人?)?落下(?:的|过)?(?=[，,。；;]|$)"  # 人人都上了示范课，没有落下的: no one left out (每个星期都按时举行，没有落下过)
                             r"|没有一[个项件][^，,。；;]{0,10}?是[^，,。；;]{1,10}的"  # 没有一个方案是硬推下去的: none of them was
                             r"|(?<![存有在])没有(?!按|如期|及时|完成|落实|开展|建立|达到)[^，。；;]{1,12}的(?:情况|现象)"  # 没有个人说了算的情况: none of it
                             # a kind of case named by what it lacks: 疑似应保未保线索, 应缴未缴资金
                             r"|应(?:保|缴|收|改|检|报|救|助|补|退)未(?:保|缴|收|改|检|报|救|助|补|退)"
                             # a question (群众看重的是“有没有用”), and no one harmed (没有一个村因为沟渠堵了淹了庄稼)
                             r"|有没有|没有一[个村户家人所处座起件例][^，。；;]{0,6}?因|没有一个(?:人|单位|村|部门)"
                             # none left undone: 无超期未发案款, 没有未整改到位的问题
                             r"|(?:(?<![\u4e00-\u9fff])无(?!法)|没有)(?:一[件起笔个项])?[\u4e00-\u9fff]{0,3}?未(?=[\u4e00-\u9fff])"
                             # who a task serves, named by what they lack: 动员未参保人员参保
                             r"|未[\u4e00-\u9fff]{1,3}(?:的)?(?:人员|人口|对象|群体|家庭|儿童|学生)"
                             # a mind-set, not a task left undone: 个别执法部门对…认识不到位, 重视程度不够
                             r"|(?:思想)?认识(?:还|仍)?(?:不到位|不足|不够|不深)|重视(?:程度)?(?:还|仍)?不够|意识(?:还|仍)?(?:不强|淡薄)"
                             # a season not yet come, no work undone: 汛期还没到，我们就把…排查了一遍
                             r"|(?:汛期|雨季|旱季|冬季|夏季|春节|假期|暑假|寒假|节日|节前|高峰期?)(?:还|尚|仍)?(?:没|未)(?:到|来|开始)"
                             # what a check found out (查明2项医疗设备未公开招标系…所致): the finding, no work undone
                             r"|(?:查明|查实|核实|查清|认定)[^，。；;]{0,12}?未[^，。；;]{0,16}?(?:系|是|属于?|的原因|原因是|所致)")
# …with what was not found: 未发现未经审批擅自举办的情况 holds no negation of its own.  A
# negation that only describes what the work was aimed at is no negation of the work either:
# 对整改不到位的5件依法提起诉讼, 对工作不力、整改不及时的单位进行约谈, 针对…书写不完整等问题.
NEGATION_BENIGN_CLAUSE = re.compile(
    f"(?:{NEGATION_BENIGN.pattern})" + r"[^，。；;！？!?,\n]*"
    r"|(?<![相反面])(?:针对|对)(?![照比标表接于])[^，。；;！？!?,\n]{1,24}?的(?=[^，。；;！？!?,\n])"
    # …the same with a comma before the action (对仍未整改到位的，依法提起行政公益诉讼两件)
    r"|(?<![相反面])(?:针对|对)(?![照比标表接于])[^，。；;！？!?,\n]{1,24}?的(?:[，,](?=\s*(?:依法|依规|依纪|一律|均|全部|予以|已|及时|督促|责令|提起|移送|进行|开展|采取))|[，,]?\s*$)"
    r"|[^，。；;！？!?,\n]{1,40}?等(?:方面的?)?(?:问题|隐患|情形|现象)"  # 发现…有限空间作业未审批等隐患426项
    r"|关于[“\"][^”\"\n]{1,40}[”\"]的?问题"  # 关于“权利义务告知不及时、不规范”的问题: the finding's name
    r"|关于[^，。；;！？!?,“\"\n]{1,40}的问题"  # 8．关于应急预案修订不及时的问题, unquoted
    r"|[^，。；;！？!?,\n]{1,40}?问题(?=\s*[（(][^）)]{0,8}(?:完成|整改|办结|销号)|\s*[。]?\s*$)"  # （三）…办理不及时问题（已完成整改）
    r"|[^，。；;！？!?,\n]{1,40}?(?=[（(](?:已完成|已整改|已办结|已销号|已完成整改|整改完成)[）)])"  # 押品价值重估不及时（已完成）
    # what was acted on or found, described by what it had not done: 拦下未带接送卡的“陌生面孔”, 查处未取得许可的商户,
    # 发现未按时公示的11批次
    r"|(?:拦下|拦截|查处|查获|清理|清退|处罚|劝返|劝离|约谈|整治|发现|查出|排查出|核查出)[^，。；;！？!?,\n]{0,4}未[^，。；;！？!?,\n]{1,16}的"
    # …or by how it had lagged: 约谈整改进度滞后的科室负责人3人次, 通报推进不力的单位
    r"|(?:约谈|通报|问责|督办|批评|提醒|督促|点名)[^，。；;！？!?,\n]{0,12}?(?:滞后|不力|不到位|不及时|迟缓|缓慢)的"
    r"|对[^，。；;！？!?,\n]{0,10}?(?:滞后|不力|不到位|不及时|迟缓|缓慢)的?(?:工作|事项|单位|科室|部门|问题|项目|人员|任务|环节|乡镇|街道)"
    r"|(?:未|没有)(?:突破|超过|超出)"  # a cap kept: 未突破年度计划下达的上半年指标
    # what was put right, described by what it had not done: 其中未履行集体决策程序的9项已全部补办
    # (…or what was done for: 初筛未通过的37人均在规定时限内完成复筛)
    r"|未[^，。；;！？!?,\n]{1,16}的[^，。；;！？!?,\n]{0,8}?(?=[^，。；;！？!?,\n]{0,4}(?:已|均|全部|逐一|逐项|一律))")
# A negation about some of the subjects only: 部分科室未能…, 个别单位尚未…, 其余病区尚未推开.
# So is a negation of the whole: 还没有在全村铺开, 尚未全部完成 (尚未全面开展 is not begun in earnest) (some of it was done).
NOT_ALL = re.compile(r"(?:未|没有|未能)(?:在)?(?:全[村镇乡县市区院校局]|全部|完全|所有)")  # 还没有在全村铺开: some was
PARTIAL_SCOPE = re.compile(rf"部分|个别|少数|有的|一些|少量|{REMAINDER_WORDS}|其他|{BASICALLY_DONE.pattern}|" + NOT_ALL.pattern)
# Whom the work looks out for among those it serves: 入户走访…重点关注困难家庭、残疾人 (not its audience).
AUDIENCE_FOCUS = re.compile(r"(?:重点|特别)关注[^，。；\n]{0,12}$")
# …or the groups a service to all puts first (以老年人、慢性病患者、孕产妇、儿童、残疾人等为重点)
AUDIENCE_FOCUS_AFTER = re.compile(r"[\u4e00-\u9fff、和及]{0,30}?等?(?:重点)?(?:人群|群体)?为重点")
# A group the work asks to take part in it (鼓励餐饮企业、物业服务企业参与老年助餐服务) or to teach in it
# (邀请家庭教育专家、优秀班主任轮流授课): partners, not whom the work serves.
# …or those put in post to do it (每所中小学至少配备1名专（兼）职心理健康教师): staff provided, not served
# (counted, before or after: 至少配备1名…教师, 配备专职心理健康教师xx名; not 每个网格配备专属客户经理)
AUDIENCE_STAFFED = re.compile(r"(?:配备|配齐|选配|配强|增配|招聘)[^，。；\n]{0,12}$")
AUDIENCE_STAFFED_COUNT = re.compile(r"[0-9０-９一二两三四五六七八九十XxＸｘ×*＊]+[名个人]")
AUDIENCE_URGED = re.compile(r"(?:引导|动员|发动|号召|倡导)(?:广大|全体|辖区|全村|全镇|社区)?$")
AUDIENCE_PARTNER_BEFORE = re.compile(r"(?:鼓励|引导|支持|动员|吸引|带动|邀请|聘请|特邀)[^，。；\n]{0,12}$")
AUDIENCE_PARTNER_AFTER = re.compile(r"[^，。；\n]{0,10}?(?:参与|参加|授课|讲课|主讲|宣讲|讲解|解读)")
# …or who lead it or take charge of it (组织党员、志愿者带头参与, 落实任课教师包干帮扶): actors, whatever
# comes before them
AUDIENCE_LEADS = re.compile(r"[、和及\u4e00-\u9fff]{0,6}?(?:带头|带队|包干|包保|包联|牵头|把关|值班|值守)"  # 讲话稿由中队辅导员把关, 由专职心理教师值班
                            r"|[、和及\u4e00-\u9fff]{0,16}?等?组成的?"  # 由党员干部、乡贤能人等组成的宣讲团: who does it
                            r"|(?:共同)?担?任(?:常务)?副?(?:组长|主任|指挥长|召集人|队长)")  # 党委书记、校长任组长: who heads it
# Whom the work is for: 面向全院职工, 为住院患者及家属, 对辖区企业 (to the group word, no stop between).
AUDIENCE_MARK = re.compile(r"(?:面向|为|对|针对|向|给)[^，。；;：:、\n]{0,6}$")
# A group's word that names no group: the body that serves it (退役军人服务站, 残疾人联合会) or a
# quality (群众性文化活动).
AUDIENCE_NOT_GROUP = re.compile(r"(?:青少年|少年)?(?:消费|食用|购买|喜爱|喜欢)|群(?![体众])|性|儿|园|院|家长|家庭|制(?![定作订])|服务(?:站|中心|所|部)|事务(?:局|所|科)|联合会|工作(?:站|委员会|部|处)|处(?![理置])|科(?![学技研普])|之家|协会|(?:生产)?经营(?:实际|活动|状况)|生产经营"
                                r"|监督|评议|自治"  # 接受群众监督: who watches the work, not whom it serves (居民自治: who governs)
                                # …or who praised or complained of it (群众反映很好, 居民投诉明显下降): its outcome
                                r"|反映(?:很好|良好|较好|不错|好)|(?:普遍|纷纷)反映|好评|点赞|称赞|叫好|拍手|投诉(?:明显|大幅)?(?:下降|减少)"
                                # …or under whose guidance it is done (由护理员在护士指导下协助): who guides it
                                r"|的?指导下"
                                # …or a day or a cause named by it (“3·15”金融消费者权益日, 消费者权益保护工作)
                                r"|权益日|权益保护|权益保障")
# A group's word as a place the work goes to (宣讲“进企业、进园区、进社区”): no group is served.
AUDIENCE_PLACE = re.compile(r"(?:[进入]|[下深走来去]到)$")  # (深入企业车间宣讲, 下到企业: a place too; not 收到群众投诉)
# …and so is every item of a list of places gone into (走进社区、学校、企业累计41场)
AUDIENCE_PLACE_LIST = re.compile(r"(?:[进入]|[下深走来去]到)(?:[\u4e00-\u9fff]{1,6}、){0,5}[\u4e00-\u9fff]{1,6}?[、和及与][\u4e00-\u9fff]{0,2}$")  # (…、园区企业; 走进乡镇、社区和企业)
# Activities that say what they are of right before them: 作风明察暗访 is no 卷烟零售市场明察暗访, a
# 物业服务满意度测评 no 社区工作满意度测评.  The object runs back from the activity to a cut: a stop,
# a verb or preposition that opens it (对…, 开展…, 委托第三方…), or a count (每半年1次).
ACTIVITY = re.compile(r"明察暗访|满意度|需求(?:调查|调研)|评查")
ACTIVITY_OBJECT_CUT = re.compile(
    r".*(?:[，,。；;、：:（()）“”\"\s]|对|向|开展|组织|进行|实施|委托|第三方|机构|的|在|了|每(?:周|月|季度?|半年|年|天|日)?|至少|不少于"
    r"|[0-9０-９一二两三四五六七八九十]+(?:次|个|项|场|期|轮|批)|年|月|[上中下]旬|季度|半年|完成)")  # (3月中旬完成需求调查: of nothing)
# …after what stands between the object and the activity: 执勤执法作风开展1次明察暗访
ACTIVITY_OBJECT_TAIL = re.compile(r"(?:开展|组织|进行|实施|做|搞)?了?(?:[0-9０-９一二两三四五六七八九十]+(?:次|个|项|场|期|轮|批))?的?$")  # …情况进行了两次明察暗访
ACTIVITY_OBJECT_REACH = 12
# …or says it right after: 组织明察暗访，重点查看企业夜间、节假日期间作业安全管理情况
# …or after 围绕 / 聚焦 / 针对 before its verb (围绕公车使用、公务接待…等开展作风建设明察暗访)
ACTIVITY_OBJECT_FOCUS = re.compile(r"(?:围绕|聚焦|针对)([^，,。；;]{2,30}?)(?:开展|组织|进行)[^，,。；;]{0,10}$")
ACTIVITY_OBJECT_AFTER = re.compile(r"[^，,。；;]{0,6}[，,]\s*重点(?:查看|检查|督查|暗访|针对|聚焦)([^，,。；;]{2,24})")
# …nor what it is done by (通过家长告知书和线上问卷开展需求调查: a means, not an object)
ACTIVITY_MEANS = re.compile(r"(?:通过|利用|依托|借助|采取|采用|运用)$")
# …but not whom it is done with (联合县市场监督管理局开展明察暗访: a partner, not an object)
ACTIVITY_PARTNER = re.compile(r"联合|会同|协同|配合|邀请|委托")
# Words that name no object of their own (群众满意度 and 居民满意度 are one measure)
ACTIVITY_OBJECT_GENERIC = re.compile(r"工作|专项|综合|总体|整体|社会|群众|居民|市民|村民|人民|公众|辖区|全市|全县|全区"
                                     r"|全院|全局|全镇|全系统|本单位|开展|组织|服务对象|测评|调查"
                                     r"|先后|分别|多次|定期|不定期|随机|情况|安排|累计|共计|(?<![公总])共(?![享建])")  # 先后组织明察暗访: when, not of what
# Said of a whole year (年内实现全覆盖): when in the year it was done is not said.
WHOLE_YEAR_DATE = re.compile(r"(?:20[0-9]{2}年)?(?:年内|全年|今年|当年|年度内)")
# A sentence that goes on about the one before it: 该项目…, 此项工作…, 上述…, 受…影响，该….
ANAPHOR = re.compile(r"(?:受[^，。；]{1,16}影响[，,]\s*)?(?:该|此|这|上述|前述)(?:项|个|批)?(?:项目|工作|任务|工程|系统|制度|活动|方案|平台)")
SENTENCE_BREAK_CHARS = "。！？!?；;\n"
SENTENCE_BREAK = re.compile(f"[{SENTENCE_BREAK_CHARS}]")
# A generic opening (在区委的坚强领导下，坚持以……为指导): shares words with every task and reports none.
# …led by a body above the writer (县委, 市卫生健康局, 学校党支部, 镇人大), not by whoever helped the work
# itself (在社区的指导下，五个小区依法选举产生业主委员会 reports work).
GENERIC_LEADER = r"[^。；，,]{0,40}?(?:[党委局府院厅部署司行校]|人大|政协|街道|总队|公司|集团)"
GENERIC_OPENING = re.compile(
    r"(?:面对[^。；]{2,60}?[，,]\s*)?"  # 面对经济下行压力加大…等多重困难挑战，在县委…坚强领导下
    r"(?:[^。；\n：:]{2,60}?[：:]\s*(?=[^。；]{0,40}?(?:在[^。；]{2,40}?(?:领导|指导)|坚持以)))?"  # a run-on title and addressee (…的报告 市委巡察办：今年…)
    r"(?:[^。；\n：:，,]{2,60}?(?:总结|报告|汇报)\s*(?=[^。；]{0,40}?(?:在[^。；]{2,40}?(?:领导|指导)|坚持以)))?"  # …or a run-on title alone (…工作总结 2025年，在区委…; 工作总结2024年秋季学期，在…)
    r"(?:[^。；，,\n]{2,40}?(?:后|以来)[，,]\s*(?=[^。；，,]{0,10}?(?:在[^。；]{2,40}?(?:领导|指导)|坚持以)))?"  # 专项检查反馈问题后，我院在…领导下
    r"(?:(?:(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月(?:\s*[至到—－\-~]\s*[0-9]{1,2}月)?份?(?:以来|期间)?|以来|上半年|下半年|度|[春秋]季学期)?|今年以来|今年|上半年|近年来|一年来|半年来|年初以来|这一年|这半年|过去的?一年|一年以来|本学期|这学期|本学年|一学期来)[，,]?)?\s*(?:(?:我[局委院校厅办处科部所站队司]|[^，。；\s0-9]{2,10}?"
    r"|[^，。；\s0-9]{0,8}?(?:成绩|成效)(?:的取得)?[，,]\s*(?:是|都是)?)?在(?="  # 今年这些成绩，是在…坚强领导下
    + GENERIC_LEADER + r")[^。；]{2,40}?(?:领导|指导|关心|支持)(?:下|之下)"
    r"|(?:[^，。；\s0-9]{2,10}?)?坚持以[^。；]{2,40}为(?:指导|统领|引领)|深入学习贯彻[^。；]{2,40}精神)"
    r"|现将[^。；]{0,30}?(?:报告|汇报|总结)如下")  # the sentence that introduces the report
# A closing word of thanks (最后，感谢各位老师这学期的支持…大家辛苦了！): said of the work as a whole.
# A sentence that only admits some things were left undone, naming none (也有几件没办好、没办完，):
# no task's negation.
GENERIC_ADMISSION = re.compile(r"\s*(?:但是?|不过|当然)?[，,]?\s*(?:也|还|确实)?有(?:几|一些|些|个别|少数|好几)(?:件|项|个|样)?(?:事情?|工作)?"
                               r"(?:没|未|还没|尚未|没有)[\u4e00-\u9fff、]{0,10}[，,。；;]?\s*")
GENERIC_CLOSING = re.compile(r"(?:最后[，,]\s*)?(?:衷心|真诚)?感谢[^。；！!]{0,40}?(?:支持|付出|辛勤|帮助|关心|配合|努力)|大家辛苦了"
                             # a speaker's byline (社区党委书记、居委会主任  周秀兰): who speaks, no report
                             r"|[\u4e00-\u9fff、]{0,24}(?:书记|主任|局长|院长|校长|部长|主席|经理|董事长|站长|所长|检察长|庭长|镇长|乡长|县长|区长|市长)"
                             r"[ \t\u3000]+[\u4e00-\u9fff]{2,4}[ \t\u3000]*(?=\n|$)")
COMPARE_CLAUSE_BREAK = re.compile(r"[，,。！？!?；;：:\n]")
# A completion reported with a date: 于2024年5月底完成, 7月10日建成.
COMPLETION_VERB = re.compile(r"完成|建成|投运|投产|通车|并网|(?:正式|投入)运行|组建|成立|设立|制定|编制|办结|公布|印发|出台|推出|上线|召开|形成|建立|实现|开展|评选|报送|开通|投用|交付|到位|竣工|启用|全部推开|全面推开"
                             r"|全部开工|开诊|举办|举行|首演|公示|收回|缴入|清退|批复|挂牌|揭牌|确定|签订|签约|签署|完工|投入使用|提交|上交|交了|验收|发布|完毕|配发|配齐|修订(?!中|工作尚|稿)"
                             r"|[上做办评改修建搞查开讲签装发交报审录测考弄清训学拆铺编写印种栽换]完|评出|选出|到岗|结束(?!后)|听取|审议|[建配备收]齐|化解|销号|结案|(?<=才)[开办搞建]起来|(?<=才)办(?=[了，。；,])|(?<=才)[弄搞办建修]好|[开办搞建弄]起来了|落了地|落地了|配上了|[划分组]成了|(?<!进入)(?<!到了)收尾(?![阶工])|收官")
# A date's own clause saying the work was done: 6月18日召开评审会, 7月下旬清理完毕.
DATE_DONE_AFTER = re.compile(rf"[^，。；;！？\n]{{0,10}}?(?:{COMPLETION_VERB.pattern}|了)")
# …and in a plan, a date of something done then (并于2024年1月9日向局党组反馈了巡察意见): background
DATE_DONE_THEN = re.compile(r"[^，。；;！？\n]{0,12}?(?<!为)了(?!解)")
# A completion said to have come late: 4月20日才印发, 直到10月才全部完成.
LATE_COMPLETION = re.compile(f"(?<![人英天口秀刚方])才(?:[^，。；;]{{0,8}}?[后再])?(?:全部|陆续|正式)?(?:[\u4e00-\u9fff]{{0,4}}?(?:整改|改造|建设|修订|验收|清理|安装|审核))?({COMPLETION_VERB.pattern})")
# (才经党委会审议后印发; 才全部整改完成, 才全部安装完成: the work named before its verb)
# …or put off to a date (全部完工一直拖到了7月中旬, 延至12月上旬)
DELAYED_TO = re.compile(r"(?:拖|推迟|延迟|延后|延)(?:到|至)了?(?=\d|[一二三四五六七八九十]+月)")
# A rate reported as two counts (排查隐患86处，整改84处 → 97.7%; a short clause may stand between
# them), and full coverage said in words.
RATE_FROM_COUNTS = re.compile(
    r"(?P<what>[\u4e00-\u9fff]{1,8}?)(?P<n>[0-9]{1,6})(?P<unit>[处个件项起条家户人次宗批])"
    # …236处，建立隐患台账，已整改229处 / …38件，涉及土地面积196.4亩，已结案34件
    r"(?:[，,、；。]\s*[^，,、；。]{2,16}?(?=[，,、；。])){0,2}[，,、；。]?\s*"
    r"(?:其中|已|均已|已经|现已)?(?P<done>整改|办结|完成整改|完成|处置|化解|解决|销号|答复|回复|落实|调处|办理|结案|审结|执结|销案"
    r"|交流轮岗|轮岗交流|交流|消化)"  # (梳理出…中层干部12人，已交流轮岗4人)
    r"(?:到位|完毕|完成|销号|销案)?(?P<m>[0-9]{1,6})(?P=unit)"
    # …or a part of a total said with 中 (156个机关党支部中已有142个通过达标验收)
    r"|(?P<n2>[0-9]{1,6})(?P<unit2>[处个件项起条家户所名人])(?P<what2>[\u4e00-\u9fff]{1,12}?)中[，,]?(?:已有|已经有|已|有)"
    r"(?P<m2>[0-9]{1,6})(?P=unit2)(?P<done2>[\u4e00-\u9fff]{0,8})")
# A shortfall against the target said in words (党员发展数量未达到年度计划, 参学率未达到年初确定的目标,
# 集体备课频次未达到计划要求): what an unmet quota says, not another part of the work left undone.
SHORTFALL = re.compile(r"(?:未能?|没有|尚未|仍未)达到?[^，。；]{0,10}?(?:目标|计划|要求|预期|标准|任务)|(?:未|没有)达(?:标|到)"
                       r"|(?:数量|频次|次数|比例|率|进度)[^，。；]{0,6}(?:未|没有|不)达|低于[^，。；]{0,8}(?:目标|计划|要求|预期)")
# Lateness said in words (未能按期完成, 较原定时间有所滞后, 推迟到12月下旬才听取): what a missed time
# limit says, not another part of the work left undone.
LATENESS = re.compile(r"(?:未能?|没有|未)(?:按期|如期|按时|按原定|按计划|在规定时[间限])|滞后|推迟到|延迟")
RATE_FULL = re.compile(r"全覆盖|全部(?:整改|办结|完成|落实|化解|解决|答复)(?:到位|完毕)?|均已(?:按程序|按规定|依规依纪|依纪依规|依法依规|依规)?(?:整改|办结|完成|落实)(?:到位)?"
                       r"|无一遗漏|(?:逐一|逐个|逐户|逐人)[\u4e00-\u9fff]{1,4}[，,、]\s*(?:无一|没有一[个例人])(?:遗漏|漏掉)"
                       r"|均(?:在规定时限内|在时限内|按期|按时)(?:办结|完成|答复|处理|办理)"  # 均在规定时限内办结: on time, all of them
                       r"|一(?:户|人|个)不落"
                       # 做到应训尽训, 应检尽检: all those due
                       r"|应([训检查收保签接种报改纳办])尽\1"
                       # 全部调处到位, 全部整改到位 said with its own verb
                       r"|全部[\u4e00-\u9fff]{1,2}到位")
# The months a summary covers, read from its title and opening; a year when nothing says less.
SUMMARY_PERIODS = (
    (re.compile(r"前三季度|1\s*[-—–~～至到]\s*9\s*月|一至九月"), 9, "前三季度"),
    # (not 半年多来: the time since something, nor 下半年)
    (re.compile(r"上半年|(?<![下个])半年(?!多)|1\s*[-—–~～至到]\s*6\s*月|一至六月"), 6, "上半年"),
    (re.compile(r"第?一季度|1\s*[-—–~～至到]\s*3\s*月|一至三月"), 3, "一季度"),
    (re.compile(r"[春秋]季学期|[上下]学期|第[一二]学期|本学期"), 5, "本学期"),  # a school term: 9月 to 1月, 3月 to 7月
)
# A campaign's months, in a summary's opening: 2025年4月至9月，我局… / 2024年9月1日至12月10日，支队…;
# the sentence after it must be the writer's own work, not an inspection of it (省委巡视组对我县…).
SUMMARY_SPAN = re.compile(
    r"(?:(?P<y1>(?:19|20)[0-9]{2})\s*年\s*)?(?P<m1>[0-9]{1,2})\s*月(?:\s*[0-9]{1,2}\s*日|份)?\s*[-—–~～至到]\s*"
    r"(?:(?P<y2>(?:19|20)[0-9]{2})\s*年\s*)?(?P<m2>[0-9]{1,2})\s*月(?:\s*(?P<d2>[0-9]{1,2})\s*日|份|底)?(?:期间)?[，,]")
# A time limit stated for a whole task: 整改时限：…, 完成时限：…, a task table's column.
LIMIT_LABEL = re.compile(r"(?:完成|整改|办结)?时限[:：]\s*$|时间节点[:：]\s*$")
SPAN_NOT_OURS = re.compile(r"巡视|巡察|督察|督导组|检查组|考核组|审计|对[我本]")
# A plan figure that is a forecast: 预计年收益3万元左右, 预期收益.
QUOTA_EXPECTED = re.compile(r"预计|预期")
# A cut-off that says how far into its year a summary runs: 截至2024年6月底, 截至9月30日.
SUMMARY_CUTOFF = re.compile(r"截[至止](?:\s*(?:19|20)[0-9]{2}\s*年)?\s*(?P<month>[0-9]{1,2})\s*月(?:底|末|份|[0-9]{1,2}\s*日)")
# Concepts (models/lexicons/concepts.txt) that name a kind of event: a count of one answers no
# requirement of another (培训4期 is no 警示教育).
EVENT_CONCEPTS = frozenset({"党课", "谈心谈话", "警示教育", "培训", "调研", "检查", "主题党日", "学习", "演练",
                            "宣传", "会议", "走访", "志愿服务", "简报"})
# A figure alone in a table cell, pasted on a line of its own (1.62万人, 34个, ≤3.5%).
CELL_FIGURE = re.compile(r"[≤≥<>]?[0-9０-９][0-9０-９.．,，]*(?:万|亿)?[\u4e00-\u9fff%％]{0,3}")
# Units that count the same thing: people; and occurrences of an event (讲座3场, 培训班1期 and
# 轮 answer 每月1次).
QUOTA_UNIT_EQUIV = {"名": "人", "位": "人", "余人": "人", "场": "次", "场次": "次", "期": "次", "期次": "次",
                    "轮": "次", "篇次": "篇", "批次": "批", "遍": "次", "回": "次", "趟": "次",  # spoken: 一个月最少下去两趟
                    # 抽查小区96个次 answers 每月抽查小区不少于10个 (each visit one of the ten)
                    "个次": "个",
                    # 每期都上了十节课 answers 每期不少于8课时 (a class is one 课时)
                    "节": "课时"}
QUOTA_RATE_UNITS = frozenset({"%", "％", "‰"})
# Units of a bare count of events or things: such a figure says little of what was counted.
BARE_COUNT_UNITS = frozenset({"次", "家", "个", "项", "件", "处", "批", "户", "所", "座"})
# An upper bound said without a comparator: 每周原则上只安排1次全局性会议.
QUOTA_AT_MOST = re.compile(r"只|仅|最多|不得超过")
# A table read cell by cell: a row's label is a short line (新发展工会会员), its figure the next one.
CELL_LABEL_CHARS = 24
# A report's table of figures: the column of what was planned and the column of what was done
# (指标 / 计划 / 完成（截至11月底）; 项目 / 年度目标 / 实际完成).
TABLE_PLAN_COLUMN = re.compile(r"计划|目标|任务数|要求")
TABLE_DONE_COLUMN = re.compile(r"完成|实际|实绩|进度|落实情况")
# The first column of such a table, naming its rows (指标, 项目, 工作内容), and what its other
# columns are headed (全年目标, 1—9月完成, 单位, 备注).
PASTED_TABLE_HINT = "\n序号\n"  # a table pasted one cell per line has its 序号 header on a line of its own
TABLE_ROW_LABEL = re.compile(r"(?:主要|工作|重点)?(?:指标|项目|内容|名称|事项|类别)(?:名称)?")
TABLE_COLUMN = re.compile(TABLE_PLAN_COLUMN.pattern + "|" + TABLE_DONE_COLUMN.pattern + r"|单位|备注|同比|年度|月")
# A rectification report's table pasted with tabs (序号⇥问题⇥整改措施⇥完成情况): its finding and
# measure columns restate the plan, only its column of what was done reports.
TAB_FINDING_COLUMN = re.compile(r"问题|措施")
TAB_DONE_COLUMN = re.compile(r"完成情况|整改情况|进展情况|落实情况|整改进展|完成进度|推进情况|工作进展")
# A rectification report's item: the finding it is about, then its status alone (正在整改。).
FINDING_HEADING = re.compile(r"[（(]?[0-9０-９一二三四五六七八九十]{0,3}[)）.．、]?\s*关于[^。；]{1,60}问题[。.]?")
STATUS_ONLY = re.compile(r"(?:(?:整改|进展|完成|落实)?(?:情况|进展|状态)[：:]\s*)?"  # 整改情况：正在整改。
                         r"(?:已|已经|正在|尚在|尚未|未|基本|持续|全部)?(?:整改|完成|整改完成|完成整改|办结|落实)(?:到位|中|完毕)?[。.]?")
# …or its status in brackets, opening what is said of it: （正在整改）8月下旬，各校均已….
LEADING_STATUS = re.compile(r"[（(](?P<status>正在整改|整改中|已完成整改|已完成|已整改|整改完成|已办结|长期坚持|持续整改|持续推进)[）)]\s*")
STATUS_TALLY = re.compile(r"(?:其中)?(?:已|正在|尚未|未)?(?:整改|完成|整改完成|完成整改|办结|销号)(?:到位)?[0-9]{1,4}[个项条件处类]"
                          r"|(?:剩下|剩余|其余|还有)[0-9]{1,4}[个项条件处](?:问题)?(?:正在|尚在|仍在|还在)(?:整改|办理)(?:中|之中)?")
# What is said of the findings as a whole, naming none of them: 12项问题中已完成整改5项,
# 部分问题整改滞后于方案确定的时限, 整改进度不平衡.
FINDINGS_OVERALL = re.compile(r"[0-9０-９一二三四五六七八九十]+[个项条类](?:反馈)?(?:问题|整改事项)中|(?:部分|个别|少数)(?:问题|事项)(?:的)?整改(?:进度|工作)?"
                              r"(?:滞后|缓慢|不到位|不平衡)|整改进度不(?:平衡|均衡)"
                              r"|^(?:[一二三四五六七八九十]是)?(?:部分|个别|少数)(?:事项|任务|工作|项目)(?:未|没有)能?按(?:计划|期|时|原定)")
# A closing paragraph of the year's figures (2024年主要指标情况：…优良天数比率为86.6%): what was
# reached, wherever it stands, even after the plans for next year.
FIGURES_PARAGRAPH = re.compile(r"\s*(?:(?:19|20)[0-9]{2}年|全年|本年度)?(?:度)?(?:主要)?(?:指标|目标任务?)(?:完成)?情况[:：]")
# A tally of the findings done (14个问题已完成整改9个): the state of them all, no one task's.
FINDINGS_TALLY = re.compile(r"[0-9０-９]+[个项条](?:反馈)?(?:问题|整改事项)中?已?(?:完成整改|整改完成|整改到位|整改|销号)")
# The label that closes a rectification item's finding and opens what is to be done about it.
RECTIFY_MEASURES = re.compile(r"整改(?:措施|举措|要求)\s*[：:]")
# A figure that says what exists, not what is required or was done (全镇现有农户4300多户, 辖区常住人口
# 3.2万人, 全院共有党员126名, 为全市7600多名持证残疾人…): context for the reader, never checked.
QUOTA_BASELINE = re.compile(r"(?:现有|共有|拥有|辖有|在册|在编|(?<!占)(?:常住人口|户籍人口|总人口)|(?<![占常籍总])人口(?!规模)|编制床位|床位)(?!比例|的比)[^，。；]{0,12}$"
                            r"|(?:^|[为对向])(?:全[市县区镇乡村院校局]|辖区|全体)[^，。；每]{0,4}$")

# A name in quotes that names something of a task's own (“护河志愿行”, “红黑榜”): three to
# fifteen letters, no clause of speech inside.
QUOTED_NAME = re.compile(r"“([\u4e00-\u9fffA-Za-z0-9+·]{3,15})”")

# What is left of the problems an inspection found, still being put right (其余问题正在整改,
# 剩余4处隐患正在整改中): the inspection's findings, not the inspection, are unfinished; only a task
# that asks for the putting right (ASKS_FIX) is left undone by it.
FOLLOW_UP_FIX = re.compile(rf"\s*(?:{REMAINDER_WORDS}|其他|尚余)(?:[^，。；]{{0,10}}?(?:问题|隐患|事项|线索)[^，。；]{{0,4}}?"
                           # (or counted alone, after the findings: 发现问题13个，已督促整改12个，剩余1个正在整改中)
                           r"|的?[0-9一二两三四五六七八九十]{1,4}[个项条件处])"
                           r"(?:正在|尚在|仍在|还在)(?:抓紧)?(?:整改|处置|办理|核查)")
ASKS_FIX = re.compile(r"整改|销号|闭环|清零|处置到位")

# Occasions listed by their dates (分别于7月、12月…报送; 先后于3月、6月组织): each date one occasion.
LISTED_DATES = re.compile(r"(?:分别|先后)(?:于|在)")
LISTED_DATES_JOIN = re.compile(r"\s*(?:、|和|及|与)\s*")
