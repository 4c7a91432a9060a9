import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext
from policytext.structure import build_outline


def outline(text: str):
    doc = policytext.from_text(text)
    return doc, build_outline(doc)


def paths(text: str) -> list[str]:
    return [t.path for t in outline(text)[1].tasks]


@pytest.mark.parametrize("text, expected", [
    ("一、总体\n（一）目标\n1.任务\n（1）细项\n①小项\n", ["一", "一/(一)", "一/(一)/1", "一/(一)/1/(1)", "一/(一)/1/(1)/①"]),
    ("一、甲\n(一)半角括号\n（二）全角括号\n", ["一", "一/(一)", "一/(二)"]),
    ("1、第一项\n2、第二项\n", ["1", "2"]),
    ("一、甲\n1、第一项\n2.第二项\n3、第三项\n", ["一", "一/1", "一/2", "一/3"]),  # mixed punctuation: siblings
    ("一、甲\n1、第一项\n1.细项\n2.细项\n2、第二项\n", ["一", "一/1", "一/1/1", "一/1/2", "一/2"]),
    ("1．全角点\n2．第二\n", ["1", "2"]),
    ("1加强学习\n2强化监督\n", ["1", "2"]),
    ("（１）全角数字\n(2)半角\n", ["(1)", "(2)"]),
    ("第一章 总则\n第一条 目的\n第二条 范围\n第二章 职责\n第三条 分工\n",
     ["第一章", "第一章/第一条", "第一章/第二条", "第二章", "第二章/第三条"]),
    ("第一章 总则\n第一节 内容\n第一条 甲\n第二节 形式\n第二条 乙\n",
     ["第一章", "第一章/第一节", "第一章/第一节/第一条", "第一章/第二节", "第一章/第二节/第二条"]),
    # a document may start at 1. and skip levels
    ("1.任务一\n（1）细项\n2.任务二\n", ["1", "1/(1)", "2"]),
    ("一、甲\n1.跳过（一）\n", ["一", "一/1"]),
    # 一、 heads the standard order: after targets 1.–2. it opens a section, not an item of 2.
    ("1.增长6%左右；\n2.新增就业3200人以上。\n一、扩大投资\n（一）抓项目\n", ["1", "2", "一", "一/(一)"]),
    # work plans number 1. 2. … continuously across sections
    ("一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d\n", ["一", "一/1", "一/2", "二", "二/3", "二/4"]),
    # inline enumerations, and words that only contain 一是
    ("（一）强化学习。一是读原著；二是学原文；三是悟原理。\n", ["(一)", "(一)/一是", "(一)/二是", "(一)/三是"]),
    ("一、要求\n思想上的团结统一是根本。我们要统一是非标准。\n", ["一"]),
    ("一、要求\n一是加强领导。\n二是压实责任。\n", ["一", "一/一是", "一/二是"]),
    ("一、要求\n其中一是指标准。\n", ["一"]),
    # numbers that start sentences are not markers
    ("一、情况\n2024年开展检查3次。\n3个单位参加。\n", ["一"]),
    ("一、情况\n1.5%的增长\n", ["一"]),
    ("一、情况\n3加强学习\n", ["一"]),  # a bare 3 out of sequence is text
    ("四、2025年工作打算\n", ["四"]),
    # an ordinal list: 第一、…第十二、 (第一季度 is a date, not an item)
    ("第一、着力提高提案质量。一是征集选题；二是举办培训。\n第二、严格审查立案。\n第十二、健全激励。\n",
     ["第一", "第一/一是", "第一/二是", "第二", "第十二"]),
    ("一、情况\n第一季度开展检查3次。\n", ["一"]),
    ("一、情况\n每月开展点评；第二、三季度两次开展分析通报。\n", ["一"]),  # quarters listed, not an item
    # a rectification plan's numbered findings, numbered on across their groups
    ("三、问题清单\n（一）学习不够深入\n问题1：学习不规范。整改措施：每月学习1次。\n（二）责任有差距\n问题2：未制定责任清单。整改措施："
     "4月底前制定。\n问题3：谈心谈话不经常。\n", ["三", "三/(一)", "三/(一)/问题1", "三/(二)", "三/(二)/问题2", "三/(二)/问题3"]),
    ("问题一：台账不全。\n问题二：公示不及时。\n", ["问题一", "问题二"]),
    ("一、情况\n存在的问题：台账不全。\n", ["一"]),  # 问题 without a number is text
    # a section title run on into its text in a one-line paste: its 一是 list is still a list
    ("某局2025年节能工作总结\n" + "在市委的坚强领导下，全市公共机构节能工作取得新的成效，现将有关情况总结如下：" * 8
     + "一、主要工作（一）能耗指标总体向好。全年能耗下降1.6%。（二）节能改造扎实推进。完成改造23家。二、存在的问题一年来，"
     "工作虽有成效，但也有不足：一是重视不够；二是投入不足。三、2026年工作打算一是继续深化创建工作；二是推进节能改造。\n",
     ["一", "一/(一)", "一/(二)", "二", "二/一是", "二/二是", "三", "三/一是", "三/二是"]),
    # …and so is a （一） title's
    ("某院2025年工作总结\n" + "在市卫生健康委的坚强领导下，我院坚持以人民健康为中心，母婴安全形势总体平稳。" * 8
     + "一、主要工作（一）严守医疗质量安全底线一是坚持病例评审。全年评审4次。二是控制剖宫产率。剖宫产率38.6%。"
     "（二）抓实全程管理一是筛查评估全覆盖。二是落实高危专案管理。\n",
     ["一", "一/(一)", "一/(一)/一是", "一/(一)/二是", "一/(二)", "一/(二)/一是", "一/(二)/二是"]),
])
def test_paths(text, expected):
    assert paths(text) == expected


@pytest.mark.parametrize("text, heading", [
    ("一、总体要求\n", "总体要求"),
    ("（一）坚定历史自信，始终将党史作为必修课。深入学习。\n", "坚定历史自信，始终将党史作为必修课"),
    ("1.严守纪律；严明规矩。\n", "严守纪律"),
    ("第一条  为规范学习，制定本制度。\n", "为规范学习，制定本制度"),
    ("第一条，时间上是有保障的。\n", "时间上是有保障的"),  # spoken: the marker's comma is no part of the heading
    ("（一）强化学习。一是读原著学原文；二是悟原理。\n", "强化学习"),
    ("三、2026年工作打算一是继续深化节约型机关创建；二是推进改造。\n", "2026年工作打算"),
    ("二、存在的问题一年来，全市节能工作虽然取得了一定成绩。\n", "存在的问题"),
    ("二、存在的问题和不足\n", "存在的问题和不足"),  # a title of its own, not run on
    ("三、工作安排部署\n", "工作安排部署"),
    # a title of its own words run on into a report's opening (a one-line paste): it ends at a
    # time that opens the text, or at an 一是 a 二是 follows
    ("一、党建引领和师德师风建设本学期，园党支部严格落实“三会一课”制度，共开展主题党日活动5次。\n", "党建引领和师德师风建设"),
    ("四、家园共育与安全工作3月8日召开全园家长会，向家长介绍本学期保教重点和幼小衔接的科学做法。\n", "家园共育与安全工作"),
    ("二、保育保健工作一是卫生消毒常规扎实。二是幼儿体检及时完成。\n", "保育保健工作"),
    ("一、2025年工作回顾2025年，我局坚持稳中求进工作总基调，扎实推进各项工作落地见效。\n", "2025年工作回顾"),
    ("一、加强组织领导，3月上旬，召开专题会议研究部署全年工作任务并印发实施方案。\n",
     "加强组织领导，3月上旬，召开专题会议研究部署全年工作任务并印发实施方案"),  # a comma before: no title cut
    ("二、工作一是学习。\n", "工作一是学习"),  # no 二是: no list
    # a two-part title (one comma) run on into its 一是 (a one-line paste)
    ("一、强化组织建设，妇联基层基础更加坚实一是抓好干部培训。全年举办培训班两期。二是压实执委责任。\n",
     "强化组织建设，妇联基层基础更加坚实"),
    ("一、强化组织建设，基础更加坚实一是抓好培训。\n", "强化组织建设，基础更加坚实一是抓好培训"),  # no 二是
    ("一、强化组织，建设队伍，夯实基础一是抓培训。二是抓队伍。\n", "强化组织，建设队伍，夯实基础一是抓培训"),  # two commas: prose
    # …and one whose second part says how the work now stands (…更加规范), run on into its text
    ("一、精心组织实施，课后服务更加规范暑假期间，县教育局即部署各校开展课后服务需求摸底。\n", "精心组织实施，课后服务更加规范"),
    ("二、丰富服务内容，课程供给更加多元\n", "丰富服务内容，课程供给更加多元"),  # a title line of its own
    ("三、强化保障，队伍更加稳定。\n", "强化保障，队伍更加稳定"),  # nothing runs on
])
def test_headings(text, heading):
    assert outline(text)[1].tasks[0].heading == heading


def test_item_span_covers_children_and_stops_at_next_sibling():
    text = "方案\n一、甲\n（一）子项。\n正文。\n二、乙\n内容。\n2024年1月1日"
    doc, o = outline(text)
    one, sub, two = o.tasks
    assert doc.text[one.start:one.end] == "一、甲\n（一）子项。\n正文。"
    assert doc.text[sub.start:sub.end] == "（一）子项。\n正文。"
    assert doc.text[two.start:two.end] == "二、乙\n内容。"  # the closing date is no task's text
    assert (one.parent, sub.parent, sub.level) == (None, "一", 2)


def test_inline_item_spans():
    doc, o = outline("（一）学习。一是读原著；二是学原文。\n")
    first, second = o.tasks[1:]
    assert doc.text[first.start:first.end] == "一是读原著；"
    assert doc.text[second.start:second.end] == "二是学原文。"


@pytest.mark.parametrize("text, codes", [
    ("（一）甲\n（二）乙\n（二）丙\n", ["duplicate_number"]),
    ("1.甲\n2.乙\n4.丁\n", ["skipped_number"]),
    ("（一）甲\n（三）丙\n（二）乙\n", ["skipped_number", "number_out_of_order"]),
    ("一、甲\n（1）跳级\n", ["level_skip"]),
    ("1.甲\n（一）倒置\n", ["level_inverted"]),
    ("（二）从二开始\n", ["unexpected_start"]),
    ("没有编号的文本。\n", ["no_numbering"]),
    ("一、甲\n1.a\n二、乙\n2.b\n", ["level_skip"]),  # continuous numbering is no anomaly
])
def test_anomalies(text, codes):
    assert [w.code for w in outline(text)[1].warnings] == codes


def test_duplicates_keep_the_same_path_in_order():
    _, o = outline("（一）甲\n（二）乙\n（二）丙\n（三）丁\n")
    assert [(t.path, t.heading) for t in o.tasks] == [("(一)", "甲"), ("(二)", "乙"), ("(二)", "丙"), ("(三)", "丁")]


@pytest.mark.parametrize("annex", ["附件：任务分工表", "附件1", "附件2  分工表", "附表1：台账"])
def test_an_annex_closes_the_body(annex):
    doc, o = outline(f"一、甲\n1.开展学习。\n2.编发简报。\n{annex}\n任务\n牵头单位\n每季度\n")
    assert doc.text[o.tasks[-1].start:o.tasks[-1].end].rstrip() == "2.编发简报。"


def test_annex_words_in_a_sentence_do_not_close_it():
    doc, o = outline("一、甲\n1.开展学习。\n附件材料要齐全。\n")
    assert "附件材料要齐全" in doc.text[o.tasks[-1].start:o.tasks[-1].end]


def test_innermost():
    doc, o = outline("一、甲\n（一）乙。一是丙；二是丁。\n二、戊\n")
    at = doc.text.index("丙")
    assert o.innermost(at).path == "一/(一)/一是"
    assert o.innermost(doc.text.index("戊")).path == "二"
    assert o.innermost(0).path == "一"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一二三是、（）()1２.．。；\n 第条章统甲乙①②年")), min_size=1, max_size=200))
def test_any_text_gives_a_consistent_outline(text):
    if not text.strip():
        return
    doc, o = outline(text)
    for t in o.tasks:
        assert 0 <= t.start <= t.end <= len(doc.text)
        assert doc.text[t.start:].startswith(t.marker)
        assert doc.text[t.heading_start:t.heading_end] == t.heading
        assert t.level == (1 if t.parent is None else t.path.count("/") + 1)


def test_a_closing_paragraph_about_the_whole_document_is_no_items_text():
    text = ("某县2024年工作要点\n一、任务\n1.每季度检查1次。\n2.年底前组织述职评议。（县委组织部）\n"
            "工作要求：各乡镇党委负责抓好本要点的贯彻落实，主要负责同志是第一责任人。\n联系人：张三，电话：12345678\n"
            "中共某县委组织部\n2024年2月26日\n")
    doc, o = outline(text)
    last = o.tasks[-1]
    assert doc.text[last.start:last.end] == "2.年底前组织述职评议。（县委组织部）"
    # a paragraph going on with the item stays its text
    doc, o = outline(text.replace("工作要求：各乡镇党委负责抓好本要点的贯彻落实", "评议结果纳入年度考核，各乡镇党委要认真组织"))
    assert "评议结果纳入年度考核" in doc.text[o.tasks[-1].start:o.tasks[-1].end]
    # a charge to every unit after the items closes the body too
    doc, o = outline(text.replace("工作要求：各乡镇党委负责抓好本要点的贯彻落实", "各乡镇、各部门要高度重视，县委组织部每季度通报1次进展"))
    assert doc.text[o.tasks[-1].start:o.tasks[-1].end] == "2.年底前组织述职评议。（县委组织部）"
    # …and so does who answers for all of it, with a date of its own
    doc, o = outline(text.replace("工作要求：各乡镇党委负责抓好本要点的贯彻落实，主要负责同志是第一责任人",
                                  "县委组织部部长是工作要点落实第一责任人，各乡镇于3月15日前报送落实方案"))
    assert doc.text[o.tasks[-1].start:o.tasks[-1].end] == "2.年底前组织述职评议。（县委组织部）"
    # …and so do a charge to hold to 本工作要点 and the body that coordinates it all
    for closing in ("各股室、各单位要对照本工作要点细化措施、倒排工期",
                    "县党建工作领导小组负责统筹协调，领导小组办公室设在县委组织部"):
        doc, o = outline(text.replace("工作要求：各乡镇党委负责抓好本要点的贯彻落实", closing))
        assert doc.text[o.tasks[-1].start:o.tasks[-1].end] == "2.年底前组织述职评议。（县委组织部）"
    # …and so does what is said of all the items above (以上计划在实施过程中…)
    doc, o = outline(text.replace("工作要求：各乡镇党委负责抓好本要点的贯彻落实，主要负责同志是第一责任人",
                                  "以上计划在实施过程中，党支部将定期对照检查，对落实不到位的事项及时研究解决"))
    assert doc.text[o.tasks[-1].start:o.tasks[-1].end] == "2.年底前组织述职评议。（县委组织部）"
    # but a section's own text naming who answers for it stays that section's
    doc, o = outline("某医院整改方案\n一、整改任务\n1.完善制度。\n二、工作要求\n各科室主要负责人是本科室整改工作第一责任人。\n")
    assert "第一责任人" in doc.text[o.tasks[-1].start:o.tasks[-1].end]
    # …and so does a charge to every unit under a last section's heading alone (三、工作要求)
    doc, o = outline("某监狱整改方案\n一、整改任务\n1.完善制度。\n三、工作要求\n各责任部门要对照本方案建立整改台账，"
                     "领导小组每季度召开一次整改推进会。\n")
    assert "每季度召开一次整改推进会" in doc.text[o.tasks[-1].start:o.tasks[-1].end]


def test_an_inline_chain_goes_on_after_a_sentence_of_a_new_paragraph():
    """A speech numbers on across paragraphs: 再说说老师们自己。四是… continues 一是…三是."""
    doc, o = outline("先说课后服务。一是时间有保障。服务到位。二是内容丰富。三是借了外力。\n"
                     "再说说老师们自己。四是保障跟上去了。弹性上下班。\n五是作业管理又进一步。\n")
    assert [t.path for t in o.tasks] == ["一是", "二是", "三是", "四是", "五是"]
    assert doc.text[o.tasks[3].start:o.tasks[3].end] == "四是保障跟上去了。弹性上下班。"


PASTED_TABLE = ("东湖街道2025年迎检工作方案\n一、工作目标\n确保9月底前完成迎检准备。\n二、任务清单\n序号\n任务\n责任科室\n完成时限\n"
                "1\n召开动员部署会，签订目标责任书\n党政办\n3月15日前\n2\n每月至少组织1次集中清洁日活动\n城管办、综合执法队\n全年\n"
                "三、工作要求\n各科室要压实责任。\n")


def test_a_task_table_pasted_one_cell_per_line_gives_a_task_per_row():
    import policytext

    a = policytext.analyze(policytext.from_text(PASTED_TABLE))
    got = [(t.path, t.marker, t.heading) for t in a.outline.tasks]
    assert got == [("一", "一、", "工作目标"), ("二", "二、", "任务清单"), ("二/1", "1", "召开动员部署会，签订目标责任书"),
                   ("二/2", "2", "每月至少组织1次集中清洁日活动"), ("三", "三、", "工作要求")]
    rows = {t.path: a.document.text[t.start:t.end] for t in a.outline.tasks}
    assert rows["二/1"].endswith("3月15日前") and rows["二/2"].endswith("全年")  # each row holds its cells, no more
    # …and the unit column's cells are its units
    assert [(u.name, u.role, u.task) for u in a.units] == [("党政办", "responsible", "二/1"), ("城管办", "responsible", "二/2"),
                                                           ("综合执法队", "responsible", "二/2")]


TAB_TABLE = ("某县自然资源局整改方案\n一、整改任务\n序号\t问题\t整改措施\t责任股室\t完成时限\n"
             "1\t违法占用耕地建设仓储用房，涉及耕地12.6亩\t依法立案查处，拆除后及时复垦\t执法监察大队\t2024年7月31日前\n"
             "2\t3个补充耕地项目新增耕地质量等别未达标\t实施地力提升工程\t耕地保护股\t2024年12月底前\n"
             "二、保障措施\n加强组织领导。\n")


def test_a_task_table_pasted_with_tabs_gives_a_task_per_row():
    import policytext

    a = policytext.analyze(policytext.from_text(TAB_TABLE))
    got = [(t.path, t.marker, t.heading) for t in a.outline.tasks]
    assert got == [("一", "一、", "整改任务"), ("一/1", "1", "违法占用耕地建设仓储用房，涉及耕地12.6亩"),
                   ("一/2", "2", "3个补充耕地项目新增耕地质量等别未达标"), ("二", "二、", "保障措施")]
    # the 问题 cell is the finding: its figures are what was found, not what is required
    assert [(q.text, q.baseline) for q in a.quotas] == [("12.6亩", True), ("3个", True)]
    # a row of figures is no task (重点领域 is a label, 2024 a year)
    b = policytext.analyze(policytext.from_text("某局工作总结\n一、情况\n领域\t户数\t比例\n2024\t386\t6.2%\n"))
    assert [t.path for t in b.outline.tasks] == ["一"]
