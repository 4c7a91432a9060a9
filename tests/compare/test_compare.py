import pytest

import policytext
from policytext.comparison import Comparison, compare

PLAN = """江州市某局2024年党建工作要点

一、学习教育
1.讲好专题党课。支部书记每年至少讲1次专题党课。由机关党委牵头，各党支部配合。
2.开展专题学习。党组理论学习中心组每季度至少开展1次专题学习。
3.编发党建简报。全年编发党建工作简报不少于12期。
4.开展警示教育。每半年至少组织1次警示教育大会。
5.建立首席数据官制度。2024年9月底前建立首席数据官制度。
6.整治公务用车。每季度检查一次公务用车和公务接待情况。
7.完成全员轮训。2024年6月底前完成全员轮训。

江州市某局
2024年1月5日
"""

SUMMARY = """江州市某局2024年党建工作总结

一、主要工作
一是支部书记为党员作专题辅导2次。二是党组理论学习中心组全年共开展专题学习3次。三是召开警示教育大会2次。四是配合市场监管局开展食品安全抽检，全年抽检食堂样品12批次。五是全员轮训于2024年7月20日完成。

二、存在的问题
一是首席数据官制度还未建立。

三、下一步工作打算
一是拟编发党建工作简报12期。

江州市某局
2024年12月20日
"""


def _first_item(plan: str, summary: str):
    """The first judged task of a plan against a summary, both written inline."""
    return compare(policytext.from_text(plan), policytext.from_text(summary)).items[0]


@pytest.fixture(scope="module")
def result(model):
    return compare(policytext.from_text(PLAN), policytext.from_text(SUMMARY), model=model)


@pytest.mark.parametrize("task, status, flags", [
    ("一/1", "implemented", ()),  # 讲党课 paraphrased as 作专题辅导
    ("一/2", "partial", ("quota_unmet",)),  # 3 < 4 over a year
    ("一/3", "missing", ("future_only",)),  # only in 下一步工作打算
    ("一/4", "implemented", ()),
    ("一/5", "missing", ("negated",)),  # 还未建立, in 存在的问题
    ("一/6", "missing", ()),  # 食品安全抽检 shares words, not the subject
    ("一/7", "partial", ("deadline_missed",)),  # 7月20日 after 6月底
])
def test_traps(result, task, status, flags):
    item = {i.task.path: i for i in result.items}[task]
    assert (item.status, item.flags) == (status, flags), item.reason


def test_offsets_hold(result):
    for it in result.items:
        assert result.plan.document.text[it.start:it.end] == it.text
        for e in it.evidence:
            assert result.summary.document.text[e.start:e.end] == e.text


def test_reason_is_plain_chinese(result):
    item = {i.task.path: i for i in result.items}["一/2"]
    assert item.reason.startswith("部分落实：") and "3次" in item.reason and "≥4次" in item.reason


def test_contract(result):
    d = result.to_dict()
    assert d["schema"] == "policytext/1"
    assert set(d) >= {"plan", "summary", "items", "totals", "period"}
    assert d["totals"] == {"implemented": 2, "partial": 2, "missing": 3}
    it = d["items"][0]
    assert set(it) >= {"task", "heading", "text", "status", "score", "flags", "reason", "evidence",
                       "quota_checks", "units", "deadlines"}
    assert set(it["evidence"][0]) >= {"text", "start", "end", "score", "section"}
    assert set(it["quota_checks"][0]) >= {"quota", "required", "reported", "verdict"}
    assert [u["name"] for u in it["units"]] == ["机关党委", "各党支部"]


def test_tax_pair_matches_its_hand_labels(tax, corpus):
    """The shipped model on a pair it was fitted on: every status as labelled (a regression test;
    `make eval` gives the held-out figures)."""
    import json

    labels = json.loads((corpus / "tax_party_2024.pair.json").read_text(encoding="utf-8"))["labels"]
    got = {i.task.path: i.status for i in tax.items}
    assert got == {k: v["status"] for k, v in labels.items()}


def test_parents_with_their_own_quota_are_judged(model, corpus):
    c = compare(corpus / "plan_datagov_2024.pdf", corpus / "summary_datagov_2024.txt", model=model)
    item = {i.task.path: i for i in c.items}["二/(三)/2"]
    assert item.text.endswith("具体包括：") and item.status == "partial" and "quota_unmet" in item.flags


def test_accepts_paths_documents_and_analyses(corpus, model):
    plan = corpus / "plan_tax_party_2024.txt"
    a = compare(str(plan), policytext.read(corpus / "summary_tax_party_2024.txt"), model=model)
    b = compare(policytext.analyze(policytext.read(plan)), corpus / "summary_tax_party_2024.txt", model=model)
    assert isinstance(a, Comparison) and a.to_dict() == b.to_dict()
    with pytest.raises(TypeError, match="compare\\(\\) takes"):
        compare(42, plan)


def test_policytext_compare_is_the_function():
    assert callable(policytext.compare) and policytext.compare is compare


def test_import_stays_light():
    """scikit-learn, numpy and pandas load when a comparison runs, not on import policytext; nor
    does the comparison itself (`policytext extract` never needs it)."""
    import subprocess
    import sys

    code = ("import sys, policytext; print(sorted(m for m in ('sklearn', 'numpy', 'pandas', 'policytext.comparison',"
            " 'policytext.compare') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("first", ["import policytext.compare.model", "from policytext.compare import StatusModel",
                                   "import policytext"])
def test_policytext_compare_stays_the_function_whatever_is_imported_first(first):
    """Loading the subpackage policytext.compare binds it to the package's name `compare`; the
    facade's function must win, in whichever order a notebook imports them."""
    import subprocess
    import sys

    code = f"{first}\nimport policytext\nfrom policytext.comparison import compare\nprint(policytext.compare is compare)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_assigning_policytext_compare_replaces_it(monkeypatch):
    monkeypatch.setattr(policytext, "compare", len)
    assert policytext.compare is len


def test_a_list_of_targets_is_judged_target_by_target():
    import policytext

    plan = policytext.from_text(
        "某县2023年工作计划\n2023年主要预期目标是：地区生产总值增长6%左右；城镇新增就业3500人以上；粮食产量稳定在32万吨以上。\n"
        "一、重点任务\n1.新建农村公路120公里。\n")
    summary = policytext.from_text(
        "某县2023年工作总结\n一、主要指标\n地区生产总值增长6.3%。城镇新增就业3680人。粮食产量31万吨。\n"
        "二、重点任务完成情况\n全年新建农村公路126公里。\n")
    c = compare(plan, summary)
    assert [i.task.path for i in c.items] == ["目标1", "目标2", "目标3", "一/1"]
    assert [i.text for i in c.items][:3] == ["地区生产总值增长6%左右", "城镇新增就业3500人以上", "粮食产量稳定在32万吨以上"]
    by = {i.task.path: i for i in c.items}
    assert by["目标2"].status == "implemented" and by["目标2"].quota_checks[0].verdict == "met"
    assert by["目标3"].status == "partial" and "quota_unmet" in by["目标3"].flags
    assert all(plan.text[i.start:i.end] == i.text for i in c.items)


@pytest.mark.parametrize("task, sentence, words", [
    ("每季度开展一次患者满意度调查", "医院开展职工满意度调查", ("患者", "职工")),
    ("每学期为教师开展心理健康讲座", "为学生开展心理健康讲座2次", ("教师", "学生")),
    ("开展居民满意度测评", "开展辖区企业营商环境满意度测评", ("居民", "企业")),
    ("开展作风建设明察暗访", "开展食品安全明察暗访3次", ("作风", "食品安全")),
    ("开展患者满意度调查", "开展患者和职工满意度调查", None),  # the task's group is there too
    ("开展满意度调查", "开展职工满意度调查", None),  # the task names no group
    ("覆盖全体辅导员和思政课教师", "面向全体新生开展讲座", ("辅导员", "新生")),  # freshmen are students
])
def test_lookalike_words(task, sentence, words):
    from policytext.compare.judge import lookalike_words

    assert lookalike_words(task, sentence) == words


def test_the_same_activity_for_another_audience_is_not_evidence():
    import policytext

    plan = policytext.from_text("某医院2024年工作计划\n一、服务\n1.每季度开展一次患者满意度调查，及时整改。\n"
                                "2.开展医务人员培训。\n")
    summary = policytext.from_text("某医院2024年工作总结\n一、服务\n全年开展职工满意度调查4次，整改问题12个。"
                                   "开展医务人员培训6次。\n")
    c = compare(plan, summary)
    first = c.items[0]
    assert first.status == "missing" and "对象不一致" in first.reason and "职工" in first.reason
    assert c.items[1].status == "implemented"


def test_an_unfilled_number_as_the_only_figure_is_flagged():
    import policytext

    plan = policytext.from_text("某局2024年工作要点\n一、组织建设\n1.每年与每名党员至少谈心谈话1次。\n2.每季度开展1次专题学习。\n")
    summary = policytext.from_text("某局2024年工作总结\n一、组织建设\n全年与党员干部谈心谈话xx人次。"
                                   "全年开展专题学习4次，受教育**人次。\n")
    c = compare(plan, summary)
    talk, study = c.items
    assert talk.status == "partial" and "placeholder" in talk.flags  # only an unfilled number answers it
    assert study.status == "implemented" and "placeholder" not in study.flags  # its own figure is there


def test_what_is_not_done_yet_after_the_evidence_counts():
    import policytext

    plan = policytext.from_text("某医院2024年工作计划\n一、服务\n1.开展“优质服务之星”评选活动，年底前完成评选。\n"
                                "2.开展患者满意度调查。\n")
    summary = policytext.from_text("某医院2024年工作总结\n一、服务\n“优质服务之星”评选活动已完成科室推荐，共推荐候选人34名，"
                                   "评选工作尚未完成。全年开展患者满意度调查4次。\n")
    star, survey = compare(plan, summary).items
    assert star.status == "partial" and "negated" in star.flags and "尚未完成" in star.reason
    assert survey.status == "implemented"


@pytest.mark.parametrize("report, status", [
    # the rest of the work, after a ；, with its cause and then its negated part
    ("江北区已建设家庭养老床位186张；清河区因服务机构招标进展较慢，试点工作尚未启动。", "partial"),
    ("江北区、清河区已建设家庭养老床位316张，全部投入使用。", "implemented"),
    # another item after the ；: what it has not finished is its own
    ("一是江北区、清河区已建设家庭养老床位316张；二是老年文艺作品征集共收到作品260余件，目前评选工作尚在进行中。", "implemented"),
])
def test_a_negated_rest_of_the_work_after_its_cause(report, status):
    import policytext

    plan = policytext.from_text("某市民政局2024年工作要点\n一、养老\n1.在江北区、清河区先行试点，建设家庭养老床位300张。\n")
    summary = policytext.from_text(f"某市民政局2024年工作总结\n一、养老\n{report}\n")
    (item,) = compare(plan, summary).items
    assert item.status == status


@pytest.mark.parametrize("report, verdict, value", [
    # a percentage answers only a requirement of its own measure
    ("常住人口签约覆盖率达到38.2%。", "unreported", None),
    ("签约居民满意度为93.5%。", "met", 93.5),
    # a bare measure (签约率100%) is about what its clause before says
    ("重点人群签约率达到76.3%，辖区43户计划生育特殊家庭全部签约，签约率100%。", "met", 100),
])
def test_a_percentage_answers_a_requirement_of_its_own_measure(report, verdict, value):
    import policytext

    plan = policytext.from_text("某中心2025年工作计划\n一、签约\n1.开展签约居民满意度调查，计划生育特殊家庭签约居民满意度达到90%以上。\n"
                                if "满意" in report or "覆盖" in report else
                                "某中心2025年工作计划\n一、签约\n1.计划生育特殊家庭签约率达到100%。\n")
    summary = policytext.from_text(f"某中心2025年工作总结\n一、签约\n开展家庭医生签约服务。{report}\n")
    (item,) = compare(plan, summary).items
    (check,) = item.quota_checks
    assert check.verdict == verdict and (check.reported.value if check.reported else None) == value


def test_an_unfilled_figure_before_an_intention_is_reported():
    """在市级以上媒体发布执行典型案例**件，“执行开放日”活动拟于7月中旬举办: the first part reports,
    with an unfilled number; only the second is an intention."""
    import policytext

    plan = policytext.from_text("某院2025年执行工作方案\n一、宣传\n1.全年在市级以上媒体发布执行典型案例不少于12件。\n")
    summary = policytext.from_text("某院2025年上半年工作总结\n一、宣传\n积极开展执行宣传，在市级以上媒体发布执行典型案例**件，"
                                   "“执行开放日”活动拟于7月中旬举办。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "placeholder" in item.flags


def test_a_requirements_own_report_goes_on_to_its_negated_rest():
    """启动3个改造，其中1个已完工，其余2个尚在施工之中 answers 年内完成3个 while the task's best
    sentence is about its monthly inspections."""
    import policytext

    plan = policytext.from_text("某县2025年工作要点\n一、农贸市场\n1.年内完成3个农贸市场标准化改造，落实日常清扫保洁制度。"
                                "每月开展1次农贸市场环境卫生联合检查，检查结果纳入市场星级评定。\n")
    summary = policytext.from_text("某县2025年工作总结\n一、农贸市场\n投入资金860万元，启动3个农贸市场标准化改造，落实日常清扫保洁制度，"
                                   "其中城东农贸市场已完工投入使用，其余2个尚在施工之中。全年开展农贸市场环境卫生联合检查12次，"
                                   "检查市场132家次。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "negated" in item.flags


def test_a_planned_list_is_planned_item_by_item():
    """明年，我打算重点抓好几件事：一是…；二是…: every item of the list is planned."""
    import policytext

    plan = policytext.from_text("某村2025年工作计划\n一、产业\n（1）开通村级网店1家，拓宽茶叶销售渠道。\n（2）为全村65岁以上老人免费体检1次。\n")
    summary = policytext.from_text("某村2025年工作总结\n今年我们修了路，建了茶园。明年，我打算重点抓好几件事：一是把村级网店开起来，"
                                   "拓宽茶叶销售渠道；二是联系镇卫生院，给全村65岁以上老人每人免费体检一次。\n")
    shop, checkup = compare(plan, summary, force=True).items
    assert shop.status == "missing" and checkup.status == "missing"


def test_a_campaigns_cut_off_figure_covers_the_campaigns_months():
    """截至7月底，共发布46条 in a campaign from 6月1日: two months of 每周不少于2条, not seven; and
    行动期间…不少于60处 is the campaign's own target, owed whole."""
    import policytext

    plan = policytext.from_text("某支队“一盔一带”行动方案\n一、任务\n1.开设专栏，每周发布宣传信息不少于2条。\n"
                                "2.行动期间完成隐患整治不少于60处。\n")
    summary = policytext.from_text("某支队关于行动开展情况的报告\n2025年6月1日至7月31日，支队组织开展了“一盔一带”行动。\n"
                                   "一、开展情况\n支队开设专栏，截至7月底，共发布宣传信息46条。完成隐患整治52处。\n")
    news, fixes = compare(plan, summary).items
    assert news.status == "implemented"
    assert fixes.quota_checks[0].required == 60 and fixes.quota_checks[0].verdict == "unmet"


def test_a_start_date_is_no_time_limit():
    import policytext

    plan = policytext.from_text("某局整改方案\n一、问题\n1.处方点评不到位。整改措施：每月开展处方专项点评。整改时限：2024年5月起持续开展\n")
    summary = policytext.from_text("某局整改情况报告\n一、整改情况\n5-9月各医院每月开展处方专项点评，累计点评处方1.2万张。\n")
    (item,) = compare(plan, summary).items
    assert item.deadline_checks == () and "deadline_missed" not in item.flags


def test_a_problem_said_of_some_is_no_part_done():
    """Only among the problems, 部分承办法官未能及时开展现场调查 leaves the task missing; 还没有在全村
    铺开 says some of it was done."""
    import policytext

    plan = policytext.from_text("某院2025年工作方案\n一、执行\n1.承办法官应当在立案后1个月内开展现场调查，制作调查笔录。\n"
                                "2.推行党员联户，在全村铺开。\n")
    summary = policytext.from_text("某院2025年工作总结\n一、主要工作\n全年执结案件1200件。\n二、存在的问题\n"
                                   "一是部分承办法官对网络查控无果的案件未能及时开展现场调查。二是党员联户还没有在全村铺开。\n")
    survey, visits = compare(plan, summary).items
    assert survey.status == "missing" and "negated" in survey.flags
    assert visits.status == "partial"


def test_a_figure_of_a_look_alike_answers_no_quota():
    import policytext

    plan = policytext.from_text("某县2024年工作要点\n一、营商环境\n1.建立评价机制，每半年开展一次企业营商环境满意度测评，"
                                "测评结果纳入部门绩效考核。\n")
    summary = policytext.from_text("某县2024年工作总结\n一、营商环境\n建立企业诉求直通车机制，持续优化营商环境。"
                                   "上半年和下半年各开展一次政务服务群众满意度测评，群众满意率达到98.6%。\n")
    (item,) = compare(plan, summary).items
    assert item.status != "implemented" and "已达到" not in item.reason
    assert all(c.reported is None for c in item.quota_checks)



@pytest.mark.parametrize("reported, status", [
    ("1-11月，共组织警务实战化练兵11次", "implemented"),  # eleven months' worth of 每月1次
    ("截至11月底，累计组织警务实战化练兵9次", "partial"),
    ("全年共组织警务实战化练兵11次", "partial"),  # a full year needs 12
])
def test_a_total_keeps_the_months_its_period_date_gives_it(reported, status):
    import policytext

    plan = policytext.from_text("某县公安局2025年工作方案\n一、练兵\n1.每月组织1次警务实战化练兵，练兵成绩纳入年度考核。\n")
    summary = policytext.from_text(f"某县公安局2025年工作总结\n一、练兵\n各所队坚持以练促战，{reported}，参训民警860人次。\n")
    (item,) = compare(plan, summary).items
    assert item.status == status


def test_a_figure_a_clause_away_from_its_action_answers_the_quota():
    import policytext

    plan = policytext.from_text("某大学2025年意识形态工作实施方案\n一、网络\n1.每月至少开展1次网络巡查，发现问题及时处置。\n")
    summary = policytext.from_text("某大学2025年意识形态工作情况报告\n一、网络\n网络巡查由信息中心牵头、宣传部配合，"
                                   "对全校网站和新媒体账号开展网络巡查，覆盖全部二级单位，全年共计14次。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "implemented"
    assert item.quota_checks[0].reported is not None and item.quota_checks[0].reported.value == 14


@pytest.mark.parametrize("task, sentence, conflict", [
    # the group served is the one after 面向/为/对, when both texts mark one
    ("为住院患者及家属开展安全知识培训", "围绕患者安全目标，面向全院职工开展安全用药培训3场", True),
    ("开展老年人助洁、助浴上门服务", "为辖区重度残疾人提供助洁、助浴上门服务", True),
    # a task that marks none is set against all the groups the sentence names
    ("初三年级每周安排学科教师轮流值守答疑", "每周安排2次答疑，学科教师轮流值守，针对学生薄弱环节辅导", False),
    ("为住院患者开展培训", "为患者和职工开展培训", False),
    ("开展食品添加剂专项检查", "开展药品经营使用环节专项检查1620户次", True),  # another domain
    ("每季度开展1次住院患者满意度调查", "开展护士职业满意度调查2次", True),
    ("组织企业主要负责人开展安全生产专题培训", "组织企业安全管理人员和特种作业人员开展安全生产专题培训", True),
    ("面向全体专任教师开展科研诚信专题培训", "面向全校研究生和本科生举办科研诚信专题讲座12场", True),
    ("全年开展居家老年人满意度测评1次", "开展养老机构服务满意度测评，满意度达93.6%", True),
    ("全年组织监管业务培训不少于4期，培训监管人员不少于300人次", "举办定点医药机构医保政策培训3期", True),
    ("组织监管人员对定点医药机构开展检查", "对定点医药机构开展飞行检查12次", False),  # the served group is shared
    ("规模以上工业增加值增长8%", "规模以上工业总产值46.8亿元，增长9.2%", True),  # another measure
    ("城镇调查失业率控制在5.5%以内", "城镇登记失业率3.1%", True),
    ("为农民工开展免费健康体检不少于5000人次", "组织一线职工免费健康体检6200人次", True),
    ("每季度开展1次客户满意度调查", "分行分别于6月、8月开展员工满意度调查", True),
    ("对新入职教师开展教学基本功培训和考核", "暑期组织18名新入职辅导员参加岗前培训", True),  # a counsellor is no teacher
    ("邀请人大代表、政协委员现场见证集中执行", "邀请人民陪审员、特约监督员现场见证执行86人次", True),  # deputies are no jurors
    ("会前组织县人大代表开展专题调研", "会前组成调研组深入工业园区和企业走访", False),  # …and set against no one else
    ("面向大班家长举办幼小衔接专题讲座", "请小学一年级老师给大班老师们做了一场专题讲座，几位家长代表也来旁听", True),  # 给: whom it was for
    # places gone to are no group served (下到…、…企业); 收到群众投诉 still names 群众
    ("组织学生开展暑期社会实践", "学院十四支实践团队下到乡村、企业和社区", False),
    ("围绕群众身边的纠纷开展以案释法", "组织干警深入社区、园区企业开展以案释法活动", False),
    ("为企业开展上门服务", "全年未收到群众投诉", True),
    # a body that serves a group names no group (退役军人服务站), nor does a quality (群众性)
    ("建立老复员军人定期探访制度（责任单位：各乡镇退役军人服务站）", "各乡镇退役军人服务站每半年上门探访现役军人家庭", True),
    ("全年举办群众性文化活动不少于6场", "端午和中秋办了两场邻里节，来了很多老人孩子", False),
    ("每半年组织1次纳税人缴费人满意度调查", "组织开展机关服务保障满意度调查，干部职工填报问卷86份", True),
    ("每季度开展1次企业纳税人满意度回访调查", "在自然人纳税人中开展满意度测评4次", True),  # which taxpayers
    ("第四季度开展1次读者满意度调查", "12月开展馆员岗位满意度调查1次", True),  # a library's readers, not its staff
    ("年内对县直党政机关控烟情况开展2次抽查", "年内对医疗卫生机构控烟情况开展2次抽查", True),  # which bodies
    ("对重点商圈开展消费者满意度测评", "对商圈内入驻商户开展营商环境满意度测评", True),  # shoppers, not shops
    ("开展政策宣讲“进企业、进园区、进社区”活动，原则上每月1次", "政策宣讲“三进”活动开展X次，覆盖缴存职工xx人次", False),  # places
    # a name in quotes is something named (“住家教师” is a kind of tutoring), not a group served
    ("每月组织1次联合执法检查，对“一对一”“住家教师”等违规行为露头就打", "开展联合执法检查四次，出动执法人员312人次", False),
    # nor does a firm's business that a task fits itself to (结合企业生产经营实际)
    ("主题党日活动原则上每月1次，结合企业生产经营实际灵活开展", "开展主题党日活动，涌现出一批党员先锋岗", False),
    ("为农村留守儿童开展暑期托管服务", "为困境儿童开展心理健康辅导和暑期托管服务", True),
    ("对全县养老机构、儿童福利机构开展消防安全明察暗访", "对全县宾馆饭店、KTV、网吧等人员密集场所开展消防安全明察暗访", True),
    ("每半年开展1次基本公共卫生服务对象满意度调查", "中心组织开展了年度职工满意度调查", True),
    ("重点做好留守儿童、困境儿童等群体的安全提醒", "在全市中小学开展防溺水宣传教育，覆盖学生8.6万人次", False),
    ("组织财务人员开展业务培训，年内不少于2次", "组织家庭医生签约服务团队开展业务培训3次", True),  # who is trained
    ("组织施工企业主要负责人开展安全生产专题培训，全年不少于2期", "面向一线作业人员开展安全教育培训4期", True),
    # who watches the work is not whom it serves (接受群众监督)
    ("班子成员每人领办1件民生实事，在公示栏公示，接受群众监督", "班子成员分头认领了老年人助浴等实事项目5件", False),
    ("分级培训消防工作站人员和网格员，全市培训不少于1500人次", "共培训社会单位消防安全管理人、消防控制室值班人员2860人次", True),
    ("对外包施工单位和劳务派遣人员全面开展入场安全培训", "组织开展全员安全生产培训，集团自有员工参训2360人次", True),
    ("班子成员与分管领域教职工谈心谈话", "班子成员与分管领域的老师谈心谈话xx人次", False),  # 教职工 are teachers too
    # which disability: aids for the blind do not answer aids for the physically disabled
    ("全年为重度肢体残疾人免费适配基本型辅助器具不少于300件", "为全县视力残疾人免费发放盲杖、助视器等辅助器具86件", True),
    ("为持证残疾人开展家庭医生签约服务", "为视力残疾人开展家庭医生签约服务", False),
    # which students: those about to graduate are not the newly enrolled; 新生儿 are no students
    ("邀请优秀校友为毕业年级学生开展就业指导讲座不少于3场", "面向大一新生开展学业与生涯规划讲座3场", True),
    ("为毕业生开展就业指导", "为应届毕业生举办就业指导讲座", False),
    ("0～6岁儿童健康管理率、新生儿访视率均达到90%以上", "为毕业年级学生开展就业指导", False),
    # partners the work asks to join it are not whom it serves
    ("新增老年助餐点40个，鼓励餐饮企业、物业服务企业参与老年助餐服务", "全年新增老年助餐点43个，服务对象以独居、高龄老人为主", False),
    # …nor those invited to teach in it, nor the places it goes to
    ("依托家长学校每月举办1期公益课，帮助家长树立科学育儿观念", "线上公益课邀请家庭教育专家、优秀班主任轮流授课，共开讲10期", False),
    ("用职工身边的人和事讲好劳动故事，开展宣讲活动不少于20场", "组建劳模宣讲团，深入企业车间宣讲二十六场", False),
    # …nor those who lead it by example; 机关干部 are party members, not pupils
    ("各村每月开展1次村庄清洁日活动，组织党员、志愿者带头参与", "全年共开展村庄清洁行动十二次，累计发动群众1.8万人次", False),
    ("面向全县中小学生开展网络素养教育进校园活动，全年不少于10场", "面向全县机关干部开展网络素养专题培训3场", True),
    ("各年级每周开设两次学科培优辅导，落实任课教师包干帮扶", "各年级坚持每周两次培优辅导，参加学生累计1200余人次", False),
    # a school's leaders are not its teachers; a bank's counter staff are not its account managers
    ("每学期至少举办1次中小学校长和中层干部专题培训", "组织全县中小学班主任能力提升培训2期", True),
    ("面向支行行长和客户经理开展洗钱典型案例警示教育", "组织全辖柜员开展警示教育8场", True),
    ("面向支行行长和客户经理开展洗钱典型案例警示教育", "组织支行行长、客户经理开展警示教育3场", False),
    # who praised or complained of the work is its outcome, not whom it served
    ("年内提供上门护理服务不少于1500人次，重点服务出院后的患者", "上门服务全年做了一千八百多人次，群众反映很好", False),
    # those serving a sentence in the community are not those who have served one
    ("协调人社部门开展社区矫正对象就业技能培训", "联合区人社局为刑满释放人员开展就业技能培训3期", True),
    # a firm's middle managers are not its contractors' workers
    ("组织集团中层以上管理人员每半年至少开展1次警示教育", "组织外包施工单位作业人员开展警示教育3场", True),
    # residents who govern themselves (居民自治), staff under whose guidance it is done, relatives who
    # speak well of it: none is whom the work serves
    ("指导小区成立业主委员会或实行居民自治管理，物业管理覆盖率达到90%以上",
     "健全居委会、业委会、物业服务企业协调运行机制，物业管理覆盖率提升至92.5%", False),
    ("由护理员在护士指导下协助完成生活照护，年内试点病区不少于4个", "试点在老年医学科和骨科两个病区先行开展，患者家属普遍反映减轻了负担",
     False),
    # street vendors are traders (商户), whatever residents say of them
    ("对占道经营开展集中整治，对屡劝不改的商户建立问题清单", "开展占道经营联合整治7次,劝离流动摊贩60余个,居民投诉明显下降", False),
    # a canteen's own people are not the officials who inspect it; who farms is not who advises
    ("组织学校食堂负责人和从业人员开展食品安全知识培训", "举办全区食品安全执法人员业务培训班两期", True),
    ("组织乡镇农业技术人员开展业务培训", "举办种粮大户和家庭农场主培训班3期", True),
    # who staffs the work is no audience; a day named for a group is no audience either
    ("心理咨询室每周开放不少于3次，由专职心理教师值班", "心理咨询室每周安排2次值班开放，共接待学生个案咨询50余人次", False),
    ("组织开展“3·15”金融消费者权益日宣传活动", "3月，全辖网点设立宣传咨询台，现场解答群众咨询600余人次", False),
    # teachers put in post, counted, are staff, not whom the screening serves
    ("每所中小学至少配备1名专（兼）职心理健康教师，每学期开展1次学生心理健康筛查", "为全县教职工举办心理健康讲座2场", True),
    ("每所初级中学至少配备1名专职心理健康教师，每学期开展1次学生心理健康筛查", "配备专职心理健康教师xx名", False),
    # freshmen are students: a lecture for them trains no counsellors or teachers
    ("开展意识形态工作专题培训，覆盖全体辅导员和思政课教师", "9月开学季，面向全体新生开展意识形态专题教育讲座", True),
    ("面向学生开展国家安全专题讲座", "面向全体新生开展国家安全专题教育讲座", False),
    # the elderly are residents; dual-earner families' pupils are pupils, not staff
    ("联合社区卫生服务站为居民提供测血压、测血糖等免费服务", "每回测血压、测血糖的老人都排长队", False),
    ("为辖区双职工家庭小学生开办暑期托管班", "给上班族家里的小学生办了个看护班", False),
    # outdoor workers are no elderly residents
    ("为辖区老年人开展免费健康体检", "给辖区六十多名环卫工人、快递小哥做了免费体检", True),
    # who heads a group is no audience, nor is a unit named for one (党委学生工作部)
    ("成立领导小组，党委书记、校长任组长，领导小组办公室设在党委学生工作部。领导小组每学期至少召开2次专题会议",
     "领导小组春季学期、秋季学期各召开2次专题会议，研究辅导员队伍建设", False),
])
def test_the_group_served_decides_a_look_alike(task, sentence, conflict):
    from policytext import lexicon
    from policytext.compare.readings import audience_mask, conflicting

    categories = tuple(lexicon.audiences().categories.values())
    assert conflicting(audience_mask(task), audience_mask(sentence), categories) is conflict


def test_a_sentence_that_goes_on_about_the_evidence_gives_its_date():
    import policytext

    plan = policytext.from_text("某中学2025年安全工作要点\n一、技防\n1.3月底前完成校园视频监控系统升级改造。\n")
    summary = policytext.from_text("某中学2025年上半年安全工作总结\n一、技防\n学校投入资金18.6万元对校园视频监控系统进行升级改造，"
                                   "新增高清摄像头42个。受设备供货延迟影响，该项目4月中旬才完成安装调试。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "deadline_missed" in item.flags and "4月中旬" in item.reason


@pytest.mark.parametrize("late, missed", [
    ("县中医医院因领导班子调整，议事规则4月20日才印发实施。", True),  # the same work, late, for another subject
    ("4月20日，县中医医院组织开展议事规则学习培训。", False),  # something else done later
])
def test_a_late_completion_in_the_same_item_misses_the_deadline(late, missed):
    import policytext

    plan = policytext.from_text("某县卫健委巡察整改方案\n一、整改任务\n1.指导县人民医院、县中医医院修订完善党委会议、院长办公会议"
                                "议事规则，2024年3月底前印发。\n2.开展医德医风专项检查。\n3.健全干部谈心谈话制度。\n")
    summary = policytext.from_text("某县卫健委2024年巡察整改进展情况报告\n一、整改情况\n1.关于议事规则不健全的问题。"
                                   "县人民医院于3月下旬修订印发党委会议和院长办公会议议事规则；" + late +
                                   "\n2.关于医德医风的问题。5月开展医德医风专项检查。\n3.关于谈心谈话的问题。修订谈心谈话制度。\n")
    item = compare(plan, summary).items[0]
    assert item.status != "missing"
    assert ("deadline_missed" in item.flags) is missed


def test_a_figure_from_beside_the_evidence_is_no_evidence_alone():
    """A figure of the same unit in the summary item but outside the sentences about the task
    does not make a task with no report of its own implemented (巡查水库2600余次 for 河道巡查)."""
    import policytext

    plan = policytext.from_text("某县水利局2024年工作要点\n一、河湖\n1.乡镇每月组织开展1次辖区河道巡查保洁，及时清理河面漂浮物和岸坡垃圾。\n")
    summary = policytext.from_text("某县水利局2024年工作总结\n一、河湖管护\n（一）河湖长制。各乡镇全面落实河长制，压实辖区管护责任。"
                                   "汛期水库管理员坚持值守，累计巡查水库2600余次。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "missing" and "2600" not in item.reason


def test_a_whole_year_is_no_completion_date():
    """年内实现全覆盖 does not say when in the year: no deadline is missed by it."""
    import policytext

    plan = policytext.from_text("某局2025年工作方案\n一、监管\n1.11月底前实现食品生产企业监督检查全覆盖。\n")
    summary = policytext.from_text("某局2025年工作总结\n一、监管\n对全县63家食品生产企业年内完成监督检查全覆盖。\n")
    (item,) = compare(plan, summary).items
    assert "deadline_missed" not in item.flags


def test_each_requirement_finds_its_own_figure():
    """A task of two requirements: the figure of the second is in another sentence than the
    task's best report, and about what the requirement's own sentence names (no 道路交通 there)."""
    import policytext

    plan = policytext.from_text("某乡2024年工作计划\n一、安全\n1.抓好森林防火和安全生产。严格落实护林员巡山制度，全年组织森林防火应急演练"
                                "不少于2次；常态化开展自建房、道路交通、燃气等领域安全隐患排查整治。\n")
    summary = policytext.from_text("某乡2024年工作总结\n一、安全\n严格落实护林员巡山制度，全乡42名护林员日常巡山护林，3月组织森林防火"
                                   "应急演练一次，全年未发生森林火灾。常态化开展自建房、道路交通、燃气等领域安全隐患排查整治，"
                                   "共排查隐患214处，已整改208处。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "quota_unmet" in item.flags
    (check,) = [c for c in item.quota_checks if "演练" in c.quota.text]
    assert check.reported is not None and check.reported.value == 1


def test_an_unfilled_number_answers_a_long_requirement_it_shares_one_word_with():
    import policytext

    plan = policytext.from_text("某局2025年工作方案\n一、培训\n1.全年组织食品生产经营从业人员培训不少于10期、3000人次，同步开展"
                                "企业食品安全管理人员监督抽查考核。\n")
    summary = policytext.from_text("某局2025年工作总结\n一、培训\n全年组织食品生产经营从业人员集中培训12期，培训xx人次，"
                                   "并对312名企业食品安全管理人员开展监督抽查考核。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "placeholder" in item.flags


@pytest.mark.parametrize("said, each", [
    ("上、下半年各组织消防演练1次。", 2),
    ("上半年、下半年各组织1次消防演练。", 2),
    ("下半年组织消防演练1次。", 1),  # one named half year
    ("上、下半年各组织1次消防演练。", 2),
    ("上半年、下半年分别组织消防演练1次。", 2),  # 分别 before one figure: each part had it
    ("3月上旬和9月中旬各组织1次消防演练。", 2),  # months told with their part
])
def test_a_figure_for_each_of_several_parts_of_the_year_counts_for_each(said, each):
    import policytext

    plan = policytext.from_text("某局2024年安全工作要点\n一、消防\n1.人员密集场所每半年至少组织1次消防演练。\n")
    summary = policytext.from_text("某局2024年安全工作总结\n一、消防\n人员密集场所" + said + "\n")
    (item,) = compare(plan, summary).items
    (check,) = item.quota_checks
    assert check.reported_value == each and check.verdict == ("met" if each >= 2 else "unmet")


def test_a_target_due_inside_the_period_is_not_pro_rata():
    """新增公益广告点位不少于200处, due 5月底前: a half-year report owes all 200, and the reason
    does not say 按上半年折算 where nothing was scaled."""
    import policytext

    plan = policytext.from_text("某街道2024年创建工作实施方案\n一、任务\n1.新增公益广告点位不少于200处，5月底前完成。\n"
                                "2.全年新建口袋公园不少于10个。\n")
    summary = policytext.from_text("某街道2024年上半年创建工作总结\n一、主要工作\n新增公益广告点位186处。新建口袋公园6个。\n")
    first, second = compare(plan, summary).items
    assert first.status == "partial" and "quota_unmet" in first.flags
    assert "要求不少于200处，报告" in first.reason and "折算" not in first.reason
    assert second.status == "implemented"  # an annual target, half done at half-time


@pytest.mark.parametrize("target, report, verdict", [
    ("单位地区生产总值能耗下降2.5%", "地区生产总值完成238.6亿元，增长5.2%。", "unreported"),  # another measure's change
    ("固定资产投资增长7%", "全年完成固定资产投资12.6亿元，增长9.1%。", "met"),  # the measure stands before
])
def test_a_change_target_is_answered_by_a_change_of_its_own_measure(target, report, verdict):
    import policytext

    plan = policytext.from_text("某县2024年政府工作报告\n一、主要预期目标\n1." + target + "。\n")
    summary = policytext.from_text("某县2025年政府工作报告\n一、2024年工作回顾\n" + report + "\n")
    (item,) = compare(plan, summary).items
    assert [c.verdict for c in item.quota_checks] == [verdict]


@pytest.mark.parametrize("task, report, required, verdict", [
    # a weekly quota over a school term counts its teaching weeks
    # (a term's twenty weeks less its exams and a holiday week)
    ("每周五下午开展1次全园安全检查", "每周五下午开展全园安全检查，本学期共检查19次", 18, "met"),
    ("每周五下午开展1次全园安全检查", "每周五下午开展全园安全检查，本学期共检查16次", 18, "unmet"),
    ("每两周至少召开1次主题班会", "坚持隔周召开主题班会，本学期各班均召开9次", 9, "met"),
    # a quota for this term against a report on the term
    ("本学期至少组织2次消防疏散演练", "本学期共组织消防疏散演练两次", 2, "met"),
    ("本学期至少组织2次消防疏散演练", "本学期共组织消防疏散演练一次", 2, "unmet"),
])
def test_quotas_over_a_school_term(task, report, required, verdict):
    import policytext

    plan = policytext.from_text(f"某幼儿园2025年春季学期安全工作计划\n一、安全\n1.{task}。\n")
    summary = policytext.from_text(f"某幼儿园2025年春季学期安全工作总结\n一、安全\n{report}。\n")
    (item,) = compare(plan, summary).items
    (check,) = item.quota_checks
    assert check.required == required and check.verdict == verdict


def test_each_term_sums_and_forecasts():
    """春季、秋季学期各开展1次 is two; 国家级41项、省级86项 add up against 合计不少于120项; a forecast
    (预计年收益3万元左右) is no target to check."""
    import policytext

    plan = policytext.from_text("某大学2025年本科教学工作要点\n一、任务\n1.每学期开展1次教学专项检查。\n"
                                "2.立项国家级、省级大学生创新创业训练计划项目合计不少于120项。\n"
                                "3.建设分布式光伏电站，预计年收益3万元左右。\n")
    summary = policytext.from_text("某大学2025年本科教学工作总结\n一、主要工作\n春季、秋季学期各开展1次教学专项检查。"
                                   "获批国家级大学生创新创业训练计划项目41项、省级86项。光伏电站建成并网，发电收益4000多元。\n")
    first, second, third = compare(plan, summary).items
    assert [(c.reported_value, c.verdict) for c in first.quota_checks] == [(2, "met")]
    assert [(c.reported_value, c.verdict) for c in second.quota_checks] == [(127, "met")]
    assert third.quota_checks == ()


def test_a_figure_of_the_same_rate_answers_a_rate():
    """每月对涉爆单位开展1次安全检查 is answered by 每月检查一次, not by another figure's 共计4次."""
    import policytext

    plan = policytext.from_text("某县公安局2025年工作方案\n一、治安\n1.每月对涉爆从业单位开展1次安全检查。\n")
    summary = policytext.from_text("某县公安局2025年工作总结\n一、治安\n对全县7家涉爆从业单位坚持每月检查一次。"
                                   "联合应急部门开展烟花爆竹安全检查，共计4次。\n")
    (item,) = compare(plan, summary).items
    (check,) = item.quota_checks
    assert check.reported.text.endswith("一次") and check.verdict == "met"


def test_a_figure_in_a_table_cell_answers_by_its_row_label():
    import policytext

    plan = policytext.from_text("某市总工会2024年工作实施方案\n一、目标\n1.新发展工会会员1.5万人以上，其中农民工会员不少于8000人。\n")
    summary = policytext.from_text("某市总工会2024年工作情况报告\n一、主要工作\n全年主要指标完成情况见下表。\n指标\n完成情况\n"
                                   "新发展工会会员\n1.62万人\n其中：农民工会员\n5400人\n")
    (item,) = compare(plan, summary).items
    assert [(c.reported.value if c.reported else None, c.verdict) for c in item.quota_checks] == [
        (16200, "met"), (5400, "unmet")]
    assert item.status == "partial"


def test_a_negation_belongs_to_the_task_it_fits_best():
    import policytext

    plan = policytext.from_text("某局2025年公共机构节能工作计划\n一、工作目标\n1.全市公共机构单位建筑面积能耗比2024年下降1.5%。\n"
                                "2.全市公共机构人均综合能耗比2024年下降1.2%。\n")
    summary = policytext.from_text("某局2025年公共机构节能工作总结\n一、主要工作及成效\n全市公共机构单位建筑面积能耗同比下降1.63%，"
                                   "人均综合能耗同比下降0.96%。\n二、存在的问题\n一是部分单位对节能工作重视程度不够，人均综合能耗下降"
                                   "幅度未达到年度目标。二是改造资金投入不足。\n")
    got = {it.task.path: it for it in compare(plan, summary).items}
    # 人均综合能耗…未达到 is about the second target: it lends the first no negation at all
    assert got["一/1"].features.negated == 0 and got["一/1"].status == "implemented"
    # …and says of the second what its unmet figure does (a shortfall, no other part undone)
    assert got["一/2"].status == "partial" and set(got["一/2"].flags) == {"quota_unmet"}


def test_a_negated_rest_goes_on_only_for_the_task_its_sentence_fits_best():
    import policytext

    plan = policytext.from_text("某集团2024年工程质量提升工作方案\n二、重点任务\n1.全面推行工程质量样板引路，所有在建房建项目"
                                "实行样板先行。\n2.在建房建项目开展质量安全技能竞赛，验收后评选表彰。\n")
    summary = policytext.from_text("某集团2024年工程质量提升工作总结\n一、主要工作\n已在78个在建房建项目推行样板先行、验收后再"
                                   "大面积施工，其余23个房建项目因开工较晚尚未推开。\n")
    got = {it.task.path: it for it in compare(plan, summary).items}
    # the rest not yet begun is the rest of 样板引路; the contest, barely touched by that
    # sentence, is simply not reported
    assert (got["二/1"].status, got["二/1"].flags) == ("partial", ("negated",))
    assert (got["二/2"].status, got["二/2"].flags) == ("missing", ())


def test_a_negation_that_fits_many_tasks_alike_is_said_of_none():
    import policytext

    plan = policytext.from_text("某乡2024年巡察反馈问题整改方案\n二、整改任务\n1.公务接待管理不规范。整改措施：修订公务接待管理制度。"
                                "整改时限：2024年6月底前。\n2.村级财务管理不规范。整改措施：对各村开展村级财务专项检查。整改时限："
                                "2024年6月底前。\n3.后备干部储备不足。整改措施：建立村级后备干部人才库。整改时限：2024年6月底前。\n")
    summary = policytext.from_text("某乡巡察反馈问题整改情况报告\n一、整改落实情况\n5月修订印发了公务接待管理制度。对9个村开展了"
                                   "村级财务专项检查。建立了村级后备干部人才库。\n二、存在的问题\n个别事项没有按整改方案确定的时限完成。\n")
    # 个别事项 names no task: it is a remark on the plan as a whole
    assert [(it.status, it.flags, it.features.negated) for it in compare(plan, summary).items] == [
        ("implemented", (), 0.0)] * 3


@pytest.mark.parametrize("plan, summary, late", [
    # the next sentence of its paragraph says when it was finished, after its cause
    ("某区人民检察院2025年整改方案\n二、整改任务\n1.对在办案件开展流程监控专项检查。整改时限：2025年4月底前。\n",
     "某区人民检察院2025年整改进展情况报告\n一、整改情况\n案件管理部于4月2日启动流程监控专项检查，对592件在办案件逐案核查。"
     "因核查案件量较大，专项检查至5月中旬才全部完成。\n", "5月中旬"),
    # a figure's sentence that says the work began, then how late it was finished, in a speech
    # that names no year (read in its plan's)
    ("青石街道2025年生活垃圾分类工作方案\n二、重点任务\n1.实施投放点提档升级。6月底前完成不少于20个小区定时定点投放点改造。\n",
     "在全区生活垃圾分类工作推进会上的情况汇报\n同志们：\n一、抓设施\n4月上旬，23个小区的定时定点投放点改造同步开工。"
     "但是雨季施工受影响，全部完工一直拖到了7月中旬。\n", "7月中旬"),
    # the rest of the evidence's own item finishing late, whatever it finished
    ("某分行2024年清廉金融文化建设实施方案\n一、任务\n1.排查廉洁风险点，梳理重点领域廉洁风险点，修订《廉洁风险防控手册》，"
     "2024年6月30日前完成。\n",
     "某分行2024年清廉金融文化建设工作情况报告\n一、工作\n5月下旬完成重点领域廉洁风险点梳理，共梳理风险点68个；"
     "《廉洁风险防控手册》因修订内容较多，7月中旬才经党委会审议后印发执行。\n", "7月中旬"),
    # in the evidence itself: arriving at the post is its completion
    ("某县委组织部2024年优秀年轻干部培养实施方案\n一、任务\n1.实施上挂下派。4月底前，从乡镇遴选10名年轻干部到县直部门跟班学习。\n",
     "某县委组织部2024年工作总结\n一、工作\n从乡镇遴选的10名年轻干部到县直部门跟班学习，因部分乡镇春季防汛任务繁重，直到6月中旬"
     "才全部到岗。\n", "6月中旬"),
], ids=["cause_then_late", "begun_then_put_off", "the_rest_late", "arrived_late"])
def test_a_late_completion_said_in_the_next_sentence(plan, summary, late):
    item = _first_item(plan, summary)
    assert [(c.reported_text, c.verdict) for c in item.deadline_checks] == [(late, "missed")]
    assert (item.status, item.flags) == ("partial", ("deadline_missed",))


def test_the_quoted_name_of_a_tasks_activity_finds_its_report_and_figure():
    plan = ("青溪县2025年河湖长制工作方案\n二、重点任务\n1.组织开展“护河志愿行”等河湖保护志愿服务活动，吸引青少年、退休职工"
            "等社会力量参与河湖保护，每季度不少于2场。\n2.开展河道清淤疏浚，全年清淤河道不少于20公里。\n")
    summary = ("青溪县2025年河湖长制工作总结\n一、工作推进情况\n全年清淤河道23公里。联合团县委组织“护河志愿行”活动五场，"
               "参与志愿者300余人次，爱河护河的社会氛围日益浓厚。\n")
    item = _first_item(plan, summary)
    # the words before 每季度不少于2场 are said nowhere; the activity's name is
    assert [(c.reported.text, c.verdict) for c in item.quota_checks] == [("五场", "unmet")]
    assert (item.status, item.flags) == ("partial", ("quota_unmet",))


def test_a_quoted_name_does_not_outweigh_the_figures_own_words():
    plan = "某学院2024年就业创业工作要点\n一、任务\n1.组织学生参加“挑战杯”“互联网+”等创新创业大赛，校级选拔赛参赛项目不少于50项。\n"
    summary = ("某学院2024年就业创业工作总结\n一、工作\n组织学生参加“挑战杯”“互联网+”等创新创业大赛，校赛参赛项目126项，"
               "获省级银奖1项、铜奖3项。\n")
    item = _first_item(plan, summary)
    assert [(c.reported.text, c.verdict) for c in item.quota_checks] == [("126项", "met")]


def test_a_late_completion_of_another_tasks_work_is_not_this_ones():
    plan = policytext.from_text("某幼儿园2024年秋季学期工作计划\n一、家园共育\n1.9月底前召开新学期全园家长会，各班选举产生班级家长"
                                "委员会。\n2.10月底前举办家长半日开放活动，邀请家长参与。\n")
    summary = policytext.from_text("某幼儿园2024年秋季学期工作总结\n一、家园共育\n9月下旬我们召开了新学期全园家长会，12个班的家长委员会"
                                   "都选出来了。家长半日开放活动因为流感高发，一直推迟到12月下旬才举办，参与的家长有340多人次。\n")
    meeting, open_day = compare(plan, summary).items
    assert [(c.reported_text, c.verdict) for c in meeting.deadline_checks] == [("9月下旬", "met")]
    assert [(c.reported_text, c.verdict) for c in open_day.deadline_checks] == [("12月下旬", "missed")]


def test_each_limit_read_from_its_own_tasks_completions():
    plan = policytext.from_text("石桥县交通运输局2025年工作要点\n一、任务\n1.全年完成农村公路新改建80公里，10月底前全部完工。\n"
                                "2.实施危桥改造12座，6月底前完成主体工程，年底前全部交工验收。\n")
    summary = policytext.from_text("石桥县交通运输局2025年工作总结\n一、工作\n（三）路网建设提速推进。全年完成农村公路新改建82.6公里，"
                                   "均于10月下旬完工。新增通硬化路自然村27个。12座危桥改造项目于3月开工，受汛期连续降雨影响，主体工程"
                                   "至7月中旬才全部完成，11月底前已全部交工验收。\n")
    roads, bridges = compare(plan, summary).items
    # the bridges' late completion in the same item is theirs, not the roads'; and work begun
    # (于3月开工) completes nothing
    assert [(c.reported_text, c.verdict) for c in roads.deadline_checks] == [("10月下旬", "met")]
    assert [(c.reported_text, c.verdict) for c in bridges.deadline_checks] == [("7月中旬", "missed"), ("11月底前", "met")]


def test_going_live_from_a_date_is_its_completion():
    plan = policytext.from_text("某市税务局2025年春风行动方案\n一、任务\n1.4月底前实现跨区域涉税事项报验全程网上办理。\n")
    summary = policytext.from_text("某市税务局春风行动情况报告\n一、工作\n跨区域涉税事项报验网上办理功能于4月下旬完成系统联调测试，"
                                   "6月16日起正式上线运行，纳税人已可全程网上报验。\n")
    (item,) = compare(plan, summary).items
    assert [(c.reported_text, c.verdict) for c in item.deadline_checks] == [("6月16日", "missed")]


def test_where_the_work_stands_so_far_is_its_status():
    item = _first_item(
        "某街道2025年生活垃圾分类工作方案\n一、任务\n1.推行“绿色账户”积分兑换，居民正确分类投放可累积积分兑换生活用品，9月底前实现"
        "辖区住宅小区全覆盖。\n",
        "在全区生活垃圾分类工作推进会上的情况汇报\n同志们：\n一、抓机制\n“绿色账户”积分兑换从4月份开始试点，居民分类投放可以积分，"
        "积分可以换日用品，很受欢迎。截至目前，已经在16个小区推开，但还有12个小区尚未推开，主要是这些老旧小区缺少智能设备。\n")
    assert (item.status, item.flags) == ("partial", ("negated",))


@pytest.mark.parametrize("limits, months, verdict", [
    # a limit in the target's own sentence, inside the period: due whole
    ("新建服务站20个，6月底前全部建成。", 6, "unmet"),
    # a limit in another sentence is another requirement's: the target is owed pro rata
    ("新建服务站20个。3月15日前公布年度建设站点名单。", 6, "met"),
    # the latest limit of its sentence is after the period: pro rata
    ("新建服务站20个，4月底前全部开工，11月底前全部建成。", 6, "met"),
    # a limit in a clause asking for something else is that requirement's
    ("新建服务站20个，6月底前建立服务站运行管理台账。", 6, "met"),
    # a limit of a part (完成时限：首批3月15日前) does not make the year's target due
    ("新建服务站20个；首批站点3月15日前挂牌；完成时限：首批3月15日前，全年滚动推进。", 6, "met"),
    # a labelled limit (整改时限：…) is the whole task's, whichever sentence its targets stand in
    ("服务站不足。（整改措施：新建服务站20个；配齐设备。；整改时限：2025年5月31日前）", 6, "unmet"),
])
def test_a_target_is_due_whole_only_by_its_own_time_limits(limits, months, verdict):
    import policytext

    plan = policytext.from_text("某局2025年工作方案\n一、任务\n1." + limits + "\n")
    summary = policytext.from_text("某局2025年上半年工作总结\n一、工作\n上半年新建服务站14个。\n")
    (item,) = compare(plan, summary).items
    assert [c.verdict for c in item.quota_checks] == [verdict]


def test_a_progress_reports_figure_to_its_cut_off_owes_a_whole_target_whole():
    """截至6月底，已清淤12.6公里 in a progress report on a rectification plan: 不少于15公里 is owed
    whole, not six months' worth of it."""
    import policytext

    plan = policytext.from_text("某县防汛隐患整改方案\n一、整改任务\n1.城区排水管网淤堵严重。整改措施：清淤疏通城区排水管网不少于15公里。\n")
    summary = policytext.from_text("某县防汛隐患整改进展情况的报告\n截至2025年6月底，已完成整改8个。现将整改进展情况报告如下：\n"
                                   "一、整改进展\n截至6月底，已清淤疏通城区排水管网12.6公里。\n")
    (item,) = compare(plan, summary).items
    (check,) = item.quota_checks
    assert (check.required, check.reported.value, check.verdict) == (15, 12.6, "unmet")


@pytest.mark.parametrize("target_column", ["建设内容及目标", "整改目标"])
def test_a_task_tables_target_column_is_no_list_of_targets(tmp_path, target_column):
    import docx
    import policytext

    d = docx.Document()
    d.add_paragraph("某街道2025年民生实事项目实施方案")
    d.add_paragraph("一、项目安排")
    rows = [["序号", "项目名称", target_column, "责任单位", "完成时限"],
            ["1", "加装电梯", "做好居民协商，全年新增加装电梯10部", "城建办", "2025年12月底前"]]
    t = d.add_table(rows=2, cols=5)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    d.save(tmp_path / "plan.docx")
    plan = policytext.read(tmp_path / "plan.docx")
    summary = policytext.from_text("某街道2025年上半年民生实事推进情况报告\n一、进展\n上半年新增加装电梯4部。\n")
    assert [it.task.path for it in compare(plan, summary).items] == ["一/1"]


def test_a_report_table_is_read_by_its_done_column(tmp_path):
    """指标 / 计划 / 完成: the plan column's figure (不少于12次, 100%) is no report; the done
    column's figure is read with its row's label."""
    import docx

    import policytext

    d = docx.Document()
    d.add_paragraph("某公司党委2025年党建工作总结")
    d.add_paragraph("一、主要工作")
    d.add_paragraph("全年党建工作主要指标完成情况如下。")
    t = d.add_table(rows=3, cols=3)
    for r, cells in enumerate([["指标", "计划", "完成（截至11月底）"], ["党委理论学习中心组集中学习", "不少于12次", "10次"],
                               ["党支部标准化规范化建设达标率", "100%", "92.2%"]]):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    d.add_paragraph("二、下一步打算")
    d.add_paragraph("继续抓好党建工作。")
    path = tmp_path / "summary.docx"
    d.save(path)
    plan = policytext.from_text("某公司党委2025年党建工作要点\n一、任务\n1.党委理论学习中心组全年集中学习不少于12次。\n"
                                "2.党支部标准化规范化建设达标率达到100%。\n")
    c = policytext.compare(plan, policytext.read(path))
    checks = {it.task.path: [(q.verdict, q.reported_value) for q in it.quota_checks] for it in c.items}
    assert checks == {"一/1": [("unmet", 10)], "一/2": [("unmet", 92.2)]}
    assert all(it.status == "partial" for it in c.items)


def test_a_late_completion_elsewhere_in_the_evidence_misses_the_deadline():
    """Two reports of one task, by two brigades: the later one, 才全部完成 after the limit, counts."""
    import policytext

    plan = policytext.from_text("某消防救援支队2025年冬春火灾防控工作方案\n一、重点任务\n1.集中清理电动自行车飞线充电问题，"
                                "2025年1月底前完成首轮全覆盖排查。\n2.开展消防宣传进社区活动。\n")
    summary = policytext.from_text("某消防救援支队2025年冬春火灾防控工作总结\n一、东城区大队\n东城区大队清理电动自行车飞线充电点位1260处，"
                                   "于1月下旬完成首轮排查。\n二、西岭区大队\n西岭区大队排查九小场所2140家。受城中村数量多影响，"
                                   "电动自行车飞线充电首轮排查至2月中旬才全部完成。\n三、宣传\n开展消防宣传进社区活动32场。\n")
    item = compare(plan, summary).items[0]
    assert item.status == "partial" and "deadline_missed" in item.flags and "2月中旬" in item.reason


@pytest.mark.parametrize("report, missed", [
    ("截至6月25日，已清退患者费用38.6万元。", False),  # the figure's own date, not 8月份 in another item
    ("7月10日才全部清退患者费用38.6万元。", True),
])
def test_the_figure_that_meets_a_target_dates_its_completion(report, missed):
    import policytext

    plan = policytext.from_text("某区卫健局2025年审计整改方案\n一、整改任务\n1.责令相关医疗机构将多收取的38.6万元医疗服务费用全部"
                                "清退给患者，规范医疗机构收费行为。整改时限：2025年6月30日前。\n2.全部药品纳入省集中采购平台采购。\n")
    summary = policytext.from_text("某区卫健局2025年审计整改情况报告\n一、整改情况\n1．关于超标准收费问题。" + report +
                                   "\n2．关于药品采购问题。全部药品纳入省集中采购平台。8月份，组织对医疗机构收费和采购行为开展专项核查。\n")
    item = compare(plan, summary).items[0]
    assert item.status != "missing"
    assert ("deadline_missed" in item.flags) is missed


def test_an_items_closing_status_is_its_negated_rest():
    """7．关于…问题。…该问题正在整改中。: the item says its own work is unfinished."""
    import policytext

    plan = policytext.from_text("某区卫健局2025年审计整改方案\n一、整改任务\n1.对闲置设备逐台分析原因，通过调剂等方式盘活使用，确保设备全部投入使用。\n"
                                "2.开展医德医风专项检查。\n")
    summary = policytext.from_text("某区卫健局2025年审计整改情况报告\n一、整改情况\n1．关于医疗设备闲置问题。对3台闲置设备逐台分析原因，制定盘活方案。"
                                   "其中2台已调剂至区中医院；剩余1台因场地改造，目前仍在调试。该问题正在整改中。\n"
                                   "2．关于医德医风问题。5月开展医德医风专项检查。该问题已整改完成。\n")
    first, second = compare(plan, summary).items
    assert first.status == "partial" and "negated" in first.flags
    assert second.status == "implemented"


def test_a_requirement_of_each_body_is_checked_against_the_lowest():
    import policytext

    plan = policytext.from_text("某消防救援支队2025年冬春火灾防控工作方案\n一、重点任务\n1.各大队每周检查社会单位不少于30家。\n"
                                "2.开展消防宣传进社区活动。\n")
    summary = policytext.from_text("某消防救援支队2025年冬春火灾防控工作总结\n一、检查\n东城区大队周均检查社会单位52家。"
                                   "西岭区大队周均检查社会单位36家。临江县大队周均检查社会单位23家。\n二、宣传\n开展消防宣传进社区活动32场。\n")
    item = compare(plan, summary).items[0]
    assert item.status == "partial" and "quota_unmet" in item.flags and "23家" in item.reason


@pytest.mark.parametrize("title, required", [
    ("某市妇联2024年工作计划", "≥100人"),  # a year's target, half of it due at half-time
    ("关于印发《某市妇联2024年上半年工作计划》的通知", "≥200人"),  # a half-year plan owes it whole
])
def test_a_plan_for_part_of_a_year_owes_its_targets_whole(title, required):
    import policytext

    plan = policytext.from_text(title + "\n一、服务发展\n1.开展家政服务技能培训，培训家政从业妇女不少于200人。\n2.开展巾帼宣讲。\n")
    summary = policytext.from_text("某市妇联2024年上半年工作总结\n一、服务发展\n开展家政服务技能培训4期，培训家政从业妇女186人。"
                                   "开展巾帼宣讲32场。\n")
    (check,) = compare(plan, summary).items[0].quota_checks
    assert check.required_text == required


def test_an_item_heading_with_its_status_is_its_negated_rest():
    import policytext

    plan = policytext.from_text("某局2024年整改方案\n一、整改任务\n1.督促园区于10月底前完成污水处理厂提标改造工程。\n"
                                "2.规范信访件办理，一律在受理后15个工作日内办结。\n")
    summary = policytext.from_text("某局2024年整改情况报告\n一、整改情况\n（一）污水处理厂超标排放问题（正在整改）\n"
                                   "园区管委会于4月下旬启动污水处理厂提标改造工程，主体工程已完工。\n"
                                   "（二）信访件办理不及时问题（已完成整改）\n全年受理信访件1263件，均在受理后15个工作日内办结。\n")
    first, second = compare(plan, summary).items
    assert first.status == "partial" and "negated" in first.flags and "正在整改" in first.reason
    assert second.status == "implemented"


def test_a_completion_expected_after_the_limit_misses_it():
    import policytext

    plan = policytext.from_text("某福利院2024年安全工作方案\n一、安全\n1.9月底前完成2号楼老旧电气线路改造。\n2.开展消防演练。\n")
    summary = policytext.from_text("某福利院2024年1—9月工作报告\n一、安全\n2号楼老旧电气线路改造工程8月开工，目前已完成主体布线，"
                                   "预计10月中旬竣工。3月开展消防演练。\n")
    item = compare(plan, summary).items[0]
    assert item.status == "partial" and "deadline_missed" in item.flags and "10月中旬" in item.reason


@pytest.mark.parametrize("task, sentence, objects", [
    ("全年开展作风建设明察暗访不少于4次", "开展卷烟零售市场明察暗访12次", ("作风建设", "卷烟零售市场")),
    ("每月至少对民警执勤执法作风开展1次明察暗访", "对辖区娱乐场所开展明察暗访3次", ("民警执勤执法作风", "娱乐场所")),
    ("每半年组织1次居民对物业服务满意度测评", "在街道组织的社区工作居民满意度测评中，社区得分96.2分", ("物业服务", "社区")),
    ("每季度开展1次纳税人缴费人需求调查", "先后两次开展税务干部培训需求调查", ("纳税人缴费人", "税务干部培训")),
    ("开展窗口作风明察暗访", "全年共组织作风明察暗访11次", None),  # the same object, said more or less closely
    ("联合县市场监督管理局开展明察暗访，全年不少于2轮", "联合县市场监督管理局对全县农村集市开展明察暗访3轮", None),  # a partner
    ("开展患者满意度调查", "患者满意度达到95%", None),
    ("开展群众满意度测评", "居民满意度96%", None),  # no object of their own
    ("每月开展1次执行卷宗评查", "审管办每月组织一次裁判文书评查", ("执行卷宗", "裁判文书")),
    # 对…的明察暗访: the object before 的
    ("每半年至少组织1次对窗口服务和医务人员执业行为的明察暗访", "后勤保障部对医院食堂开展了两次食品安全明察暗访",
     ("服务和医务人员执业行为", "食品安全")),
    # …or right after it (重点查看…); 每周 is when, not of what
    ("每半年至少组织1次明察暗访，重点查看企业夜间、节假日期间作业安全管理情况", "汛期，对各乡镇防汛值班值守情况开展明察暗访3次",
     ("企业夜间、节假日期间作业安全管理", "乡镇防汛值班值守")),
    ("每周开展明察暗访不少于3次，重点检查企业“生命通道”畅通情况", "每周安排2次明察暗访，共计8次", None),
    # what the work is done by is no object (通过…问卷开展需求调查), what follows 采取…方式开展 is
    ("开展课后服务需求调查，向全体学生家长发放告知书", "政教处通过家长告知书和线上问卷开展需求调查", None),
    ("采取“四不两直”方式开展储备粮库存明察暗访", "开展粮油食品安全明察暗访4次", ("储备粮库存", "粮油食品安全")),
    # what 围绕… names before the verb is an object too; 共 says how many, not of what
    ("围绕公车使用、公务接待、节日福利发放等开展作风建设明察暗访", "集团纪委上半年共开展明察暗访3轮，重点检查公车使用、公务接待等情况", None),
    # a spoken verb before the activity is no part of its object (给老人做了一次满意度测评)
    ("开展助餐服务满意度测评", "给助餐的老人做了一次满意度测评", ("助餐服务", "老人")),
    # a date and 完成 before the activity say when, not of what
    ("开展便民生活需求调查", "3月中旬完成需求调查，回收问卷612份", None),
])
def test_what_an_activity_is_of_decides_a_look_alike(task, sentence, objects):
    from policytext.compare.readings import activity_objects, objects_conflict

    assert objects_conflict(activity_objects(task), activity_objects(sentence)) == objects


def test_a_look_alike_by_object_is_no_evidence():
    import policytext

    plan = policytext.from_text("某局2024年工作要点\n一、作风\n1.全年开展作风建设明察暗访不少于4次。\n2.开展廉洁提醒。\n")
    summary = policytext.from_text("某局2024年工作总结\n一、作风\n联合市场部门开展卷烟零售市场明察暗访12次。节前推送廉洁提醒。\n")
    item = compare(plan, summary).items[0]
    assert item.status == "missing" and "对象不一致" in item.reason and "卷烟零售市场" in item.reason


def test_a_figure_still_owed_is_no_report():
    """每个班每周要达到3次 says what is owed next term; 每周两次 is what was done."""
    import policytext

    plan = policytext.from_text("某中学2024年秋季学期课后服务方案\n一、服务内容\n1.各班每周至少安排3次学科教师答疑辅导。\n2.开设社团。\n")
    summary = policytext.from_text("某中学2024年秋季学期课后服务工作总结\n一、作业辅导\n学科老师轮流答疑，答疑只做到了每个班每周两次。"
                                   "下学期答疑辅导也要补上去，每个班每周要达到3次。\n二、社团\n开设社团24个。\n")
    item = compare(plan, summary).items[0]
    assert item.status == "partial" and "quota_unmet" in item.flags


def test_a_stage_of_the_work_does_not_pick_the_figure():
    """集中整治阶段不少于3次 is answered by the joint checks (2次), not by 集中整治阶段…共开展4轮 of self-checks."""
    import policytext

    plan = policytext.from_text("某港口集团2024年安全生产专项整治方案\n一、重点任务\n1.各二级公司每月开展隐患自查自改。\n"
                                "2.会同港航、公安部门开展打击非法违法行为联合检查，集中整治阶段不少于3次。\n")
    summary = policytext.from_text("某港口集团2024年安全生产专项整治工作总结\n一、主要做法\n集中整治阶段，各二级公司每月组织隐患自查自改，"
                                   "共开展4轮。集团联合港航、公安部门开展“打非治违”联合执法检查2次，查处违法行为11起。\n")
    item = compare(plan, summary).items[1]
    assert item.status == "partial" and "quota_unmet" in item.flags and "2次" in item.reason


def test_a_report_dated_within_the_time_limit_is_evidence_however_worded():
    """9月下旬我们召开了新学期全园家长会 for 9月底前召开新学期全园家长会: a completion dated in the
    best report keeps the limit; it is shown as the evidence and the reason says so."""
    import policytext

    plan = policytext.from_text("某幼儿园2024年秋季学期工作计划\n一、家园共育\n1.9月底前召开新学期全园家长会，各班选举产生班级家长委员会。\n"
                                "2.每月开展1次安全检查。\n")
    summary = policytext.from_text("某幼儿园2024年秋季学期工作总结\n一、家园共育\n9月下旬我们召开了新学期全园家长会，12个班的家长委员会都选"
                                   "出来了，在运动会、亲子活动和节日庆祝中帮了老师们不少忙，大家也觉得轻松了许多。\n全学期开展安全检查5次。\n")
    item = compare(plan, summary).items[0]
    from policytext.compare import StatusModel
    from policytext.compare.model import _LATE_SHARE

    evidence = StatusModel.load().thresholds_["evidence"]  # too weak a report on its own, not too weak for its date
    assert item.features.on_time and _LATE_SHARE * evidence <= item.features.best < evidence
    assert item.status == "implemented" and item.evidence and "9月下旬" in item.evidence[0].text
    assert "完成时间9月下旬未超过时限9月底前" in item.reason


def test_a_limit_is_checked_against_its_own_requirements_report():
    """党委每半年专题研究一次；3月底前…形成专题报告: the report's 4月20日 is read though the task's
    best evidence (5月，党委会专题研究意识形态工作1次) is so much stronger that the report is not
    among the task's own evidence.  (A corpus pair: the weights that decide it need a whole report.)"""
    from pathlib import Path

    d = Path(__file__).resolve().parents[2] / "corpus" / "blind42"
    c = compare(policytext.read(d / "plan_ql_xuncha_2024.txt"), policytext.read(d / "summary_ql_xuncha_2024.txt"))
    (item,) = [i for i in c.items if i.task.path == "二/(一)/问题2"]
    assert item.status == "partial" and "deadline_missed" in item.flags and "4月20日" in item.reason


@pytest.mark.parametrize("plan, summary, flag", [
    # 分别于9月、11月…开展专题研讨 against 每季度至少开展1次, by 9月底前: begun in time; November's is the
    # next round, not a late completion
    ("1.中心组每季度至少开展1次专题研讨，2025年9月底前建立学习贯彻落实跟踪台账。",
     "建立学习贯彻落实跟踪台账；党委理论学习中心组分别于9月、11月围绕城市燃气安全开展专题研讨。", "deadline_missed"),
    # …共召开4次。截至目前，14个问题已完成整改9个，其余5个正在加紧推进: the rest is of the findings, not
    # of the meetings
    ("1.成立整改工作领导小组，领导小组每月召开1次整改推进会。",
     "成立整改工作领导小组，领导小组坚持每月召开整改推进会，8月至11月共召开4次。截至目前，14个问题已完成整改9个，"
     "其余5个正在加紧推进，确保年底前全部完成。", "negated"),
    # 10月份开展下半年内控专项检查: a round of the work asked each half year, not a late completion of
    # the adjustment due by September
    ("1.全面梳理经办岗位设置，9月底前完成不相容岗位调整；建立内控检查制度，每半年至少开展1次内控专项检查。",
     "9月中旬完成23个不相容岗位的调整分离。制定《内控检查办法》，10月份开展下半年内控专项检查，未发现新的问题。", "deadline_missed"),
])
def test_what_a_rectification_report_says_around_the_evidence_flags_nothing(plan, summary, flag):
    import policytext

    (item,) = compare(policytext.from_text("某集团2025年整改方案\n一、任务\n" + plan + "\n"),
                      policytext.from_text("某集团2025年整改情况报告\n一、情况\n" + summary + "\n")).items
    assert flag not in item.flags, item.reason


def test_the_rest_inside_a_met_rate_leaves_nothing_undone():
    """已整改销号133项，其余4项…正在按期整改 against 整改率达到95%以上: 97.1% is met, and the 4 are in it."""
    import policytext

    plan = policytext.from_text("某公司2025年安全生产工作要点\n一、任务\n1.建立隐患排查治理台账，实行闭环管理，一般隐患整改率达到95%以上。\n")
    summary = policytext.from_text("某公司2025年上半年安全生产工作总结\n一、工作\n深入开展隐患排查治理，上半年共排查一般隐患137项，"
                                   "已整改销号133项，其余4项已落实整改措施和责任人，正在按期整改；未排查出重大事故隐患。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "implemented", item.reason


def test_an_unfilled_count_of_people_stands_for_full_coverage():
    """举办…培训班1期，实现全院员额检察官轮训全覆盖 against 举办…培训班，全院员额检察官XX人参加: the
    class is held, but whether everyone took part is left unfilled."""
    import policytext

    plan = policytext.from_text("某院2024年整改方案\n一、任务\n1.9月底前举办习近平法治思想专题培训班1期，实现全院员额检察官轮训全覆盖。\n")
    summary = policytext.from_text("某院2024年整改情况报告\n一、情况\n7月8日至12日，在市委党校举办习近平法治思想专题培训班，"
                                   "全院员额检察官XX人参加培训。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "placeholder" in item.flags


def test_an_unfilled_number_beside_a_met_figure_still_flags_the_task():
    """规范管理率83.3% meets 80%, but 随访服务xx人次 leaves 每季度至少随访1次 unchecked; the reason
    quotes the unfilled clause."""
    import policytext

    plan = policytext.from_text("某卫生院2024年工作计划\n一、任务\n1.严重精神障碍患者管理。对在册患者每季度至少随访1次，规范管理率达到80%以上。\n"
                                "2.开展健康教育。\n")
    summary = policytext.from_text("某卫生院2024年1—9月工作报告\n一、工作\n做好严重精神障碍患者管理，对在册患者开展随访服务xx人次，"
                                   "规范管理率83.3%。开展健康教育讲座6次。\n")
    item = compare(plan, summary).items[0]
    assert item.status == "partial" and "placeholder" in item.flags
    assert "总结数量未填写（对在册患者开展随访服务xx人次）" in item.reason


def test_a_level_to_reach_is_answered_by_the_level_reached_not_by_what_was_added():
    import policytext

    plan = policytext.from_text("某局2024年工作要点\n一、任务\n1.完善应急保障网络。年内全县粮食应急供应网点达到20个。\n2.开展培训。\n")
    summary = policytext.from_text("某局2024年工作总结\n一、工作\n今年新增粮食应急供应网点3个，全县应急供应网点达到22个，实现乡镇全覆盖。"
                                   "开展培训3次。\n")
    (check,) = compare(plan, summary).items[0].quota_checks
    assert check.reported_value == 22 and check.verdict == "met"


def test_a_late_completion_after_a_semicolon_is_read_with_its_sentence():
    """…小麦0.7万吨于8月底前全部轮入到库；…稻谷0.5万吨轮入延至11月上旬才完成: the rest of the
    sentence dates the work, though it shares few words with the task; a date beside the figure
    that completes nothing (3月上旬即下达了…计划) does not."""
    import policytext

    plan = policytext.from_text("某局2024年工作要点\n一、任务\n1.抓好轮换计划执行。全年轮换县级储备粮1.2万吨，其中小麦0.7万吨、稻谷0.5万吨，"
                                "10月底前全部完成轮入。\n2.开展培训。\n")
    summary = policytext.from_text("某局2024年工作总结\n一、工作\n我局综合储存年限和品质状况认真研究，3月上旬即下达了年度轮换计划，全年累计轮换储备粮1.2万吨，其中，"
                                   "小麦0.7万吨于8月底前全部轮入到库；受早稻收购进度影响，稻谷0.5万吨轮入延至11月上旬才完成。开展培训3次。\n")
    item = compare(plan, summary).items[0]
    assert item.status == "partial" and "deadline_missed" in item.flags and "11月上旬" in item.reason


def test_who_does_a_task_is_no_evidence_of_it():
    """The units in a task's bracket (（集团纪委牵头，物资供应部配合）) do not draw a report of other work
    by the same units (由集团纪委牵头、物资供应部配合，对物资采购开展专项检查)."""
    from policytext.compare.judge import queries

    plan = policytext.analyze(policytext.from_text(
        "某集团2024年工作要点\n一、监督\n1.6月底前建成廉洁风险防控信息平台，实现对采购数据的实时监控。"
        "（集团纪委牵头，信息中心、物资供应部配合）\n2.开展警示教育。\n"))
    q = queries(plan)
    assert "牵头" not in q.texts[q.firsts[0]] and "信息平台" in q.texts[q.firsts[0]]
    assert "牵头" in q.bodies[0]  # the task's own text is kept whole


def test_a_problem_that_says_the_work_was_not_done_leaves_it_missing(model):
    """Among the problems, …细则尚未修订出台 says it was not done, not that it was done poorly."""
    from policytext.compare.model import Features

    problem = model.thresholds_["problem"] + 0.03  # close enough to be read as the task's problem
    f = Features(best=0.2, requirement_best=(0.2,), negated=problem - 0.01, negated_partial=False, future=0.1,
                 problem=problem, quota_unmet=False, placeholder=False, deadline_missed=False)
    assert model.decide(f) == ("missing", ("negated",))
    done_poorly = Features(best=0.2, requirement_best=(0.2,), negated=0.0, negated_partial=False, future=0.1,
                           problem=problem, quota_unmet=False, placeholder=False, deadline_missed=False)
    assert model.decide(done_poorly)[0] == "partial"


def test_a_figure_of_another_measure_does_not_meet_a_target():
    """会议数量减少18% says nothing of 发文数量: 数量 is no word of what is counted."""
    item = _first_item(
        "某集团2024年工作要点\n一、作风\n1.精简文件，全年集团本部发文数量较上年压减10%以上。\n2.开展警示教育。\n",
        "某集团2024年工作总结\n一、作风\n持续精简会议文件，全年会议数量同比减少18%。开展警示教育3次。\n")
    assert not any(c.verdict == "met" for c in item.quota_checks)


@pytest.mark.parametrize("report, status", [
    ("班子成员与分管部门负责人开展廉政谈话xx人次。", "partial"),  # the unfilled number is all it gives
    ("班子成员与分管部门负责人开展廉政谈话，设立谈话室2个，谈话记录XX份。", "implemented"),  # beside filled ones
    # the unfilled number of something else the sentence goes on to
    ("班子成员与分管部门负责人逐一开展了廉政谈话，期间编发工作简报**期。", "implemented"),
])
def test_an_unfilled_number_as_the_whole_report_of_a_task_without_figures(report, status):
    item = _first_item(
        "某集团2025年整改方案\n一、整改\n1.班子成员对分管部门负责人逐一开展廉政谈话。\n2.开展警示教育。\n",
        "某集团2025年整改进展报告\n一、整改\n" + report + "5月组织关键岗位人员86人接受警示教育。\n")
    assert item.status == status
    assert ("placeholder" in item.flags) is (status == "partial")


def test_children_are_pupils_in_a_school_report():
    """孩子们 are the pupils a 社团 serves: a sentence that also mentions 家长 is no look-alike."""
    from policytext.compare.judge import lookalike_words

    assert lookalike_words("每学期开设社团不少于40个，由学生自主选报", "开出社团43个，孩子们很喜欢，不少家长打电话表示感谢") is None
    assert lookalike_words("开展学生满意度调查", "开展家长满意度调查") == ("学生", "家长")


def test_the_rest_of_the_evidence_after_a_comma_is_its_status_even_as_a_tally():
    """…共发现问题图斑47个，已整改31个，其余16个正在整改中: the tally ends the task's own report."""
    item = _first_item(
        "某局2025年工作方案\n一、核实\n1.对全县永久基本农田划定成果逐图斑核实，对发现的问题图斑建立清单、"
        "逐一整改，年内全部整改到位。\n2.开展执法检查。\n",
        "某局2025年上半年工作总结\n一、核实\n截至6月底，全县永久基本农田划定成果逐图斑核实已全部完成，"
        "共发现问题图斑47个，已整改31个，其余16个正在整改中。开展执法检查3次。\n")
    assert item.status == "partial" and "negated" in item.flags and "其余16个正在整改中" in item.reason


def test_one_dated_occasion_is_one_count_when_nothing_is_counted():
    """3月12日…召开府院联席会议 is once: short of 每季度至少1次 over a half year."""
    item = _first_item(
        "某法院2025年工作方案\n一、机制\n1.会同市司法局每季度至少召开1次府院联席会议，通报矛盾纠纷态势。\n"
        "2.开展巡回审判。\n",
        "某法院2025年上半年工作情况报告\n一、机制\n3月12日，我院会同市司法局召开府院联席会议，通报近期矛盾纠纷态势。"
        "开展巡回审判12次。\n")
    assert item.status == "partial" and "quota_unmet" in item.flags and "3月12日" in item.reason


def test_when_work_began_is_no_completion_date():
    """6月中旬出台办法，7月起按月交换: the limit 6月底前 was kept; 7月 is when the exchange began."""
    item = _first_item(
        "某委2025年整改方案\n一、整改\n1.会同巡察办建立信息共享机制，每月互通1次整改进展。完成时限：2025年6月底前\n"
        "2.开展专项检查。\n",
        "某委2025年1-9月整改进展报告\n一、整改\n6月中旬，会同巡察办出台信息共享办法，7月起按月交换整改进展信息。"
        "开展专项检查3次。\n")
    assert "deadline_missed" not in item.flags


def test_firms_by_ownership_are_look_alikes():
    from policytext.compare.judge import lookalike_words

    assert lookalike_words("完成20家民营企业法治体检", "为23家市属国有企业开展法治体检") == ("民营企业", "市属国有企业")


def test_whom_the_work_looks_out_for_is_not_its_audience():
    """入户走访…重点关注困难家庭、残疾人: the visits are to residents; 残疾人 is a focus among them."""
    from policytext.compare.readings import audience_mask

    assert audience_mask("网格员每周入户走访不少于3次，重点关注困难家庭、残疾人") == audience_mask("网格员每周入户走访不少于3次")
    assert audience_mask("每月为残疾人上门服务1次") != 0
    # …and the groups a service to all puts first (以老年人、…、残疾人等为重点)
    assert audience_mask("以老年人、慢性病患者、孕产妇、儿童、残疾人等为重点，推进个性化签约服务") == 0


def test_an_agencys_heads_are_not_its_law_enforcement_staff():
    from policytext.compare.readings import audience_mask, conflicting
    from policytext import lexicon

    categories = tuple(lexicon.audiences().categories.values())
    assert conflicting(audience_mask("举办全市行政机关负责人法治专题培训班"), audience_mask("举办全市行政执法人员综合法律知识培训班2期"),
                       categories)


def test_who_makes_up_a_team_is_not_its_audience():
    """由党员干部、乡贤能人等组成的宣讲团: who gives the talks, not whom they are for."""
    from policytext.compare.readings import audience_mask

    assert audience_mask("组建由党员干部、乡贤能人、道德模范等组成的“百姓宣讲团”，全年开展基层宣讲326场次") == 0
    assert audience_mask("为全体党员干部开展宣讲") != 0


@pytest.mark.parametrize("text", ["联合派出所开展反诈宣传，走进社区、学校、企业累计41场", "宣讲进机关、进学校、进企业12场",
                                  "深入企业开展宣讲", "走进乡镇、社区和企业开展宣传活动全年不少于4场"])
def test_places_gone_into_are_no_audience(text):
    """走进社区、学校、企业: every item of the list is a place the work went to, not a group it served."""
    from policytext.compare.readings import audience_mask

    assert audience_mask(text) == 0


@pytest.mark.parametrize("text", ["讲话稿由中队辅导员把关", "研究生院党总支组织开展谈话提醒"])
def test_who_checks_the_work_and_a_bodys_name_are_no_audience(text):
    from policytext.compare.readings import audience_mask

    assert audience_mask(text) == 0


@pytest.mark.parametrize("body, text", [
    # （负责人：大队辅导员）names who does the task…
    ("开展清明祭英烈活动，组织队员到烈士陵园实地祭扫。（负责人：大队辅导员、德育处；时间安排：4月上旬）",
     "清明节前，我们组织队员到烈士陵园祭扫，孩子们在纪念碑前宣誓。"),
    # …and so does a bracket after it without a label (（安全办负责，各班主任配合）)
    ("每月开展1次应急疏散演练，提高师生自救自护能力。（安全办负责，各班主任配合）",
     "应急疏散演练每个月都搞一次，这学期一共搞了5次，学生从听到警报到全部撤到操场，速度越来越快。"),
])
def test_who_answers_for_a_task_is_no_audience_of_it(body, text):
    """A report of the task that names the pupils is no look-alike of a task done by teachers."""
    import numpy as np

    from policytext.compare.readings import readings
    from policytext.compare.sentences import Sentence

    sent = Sentence(text, 0, len(text), "", "body", False, False, False, (0, len(text)))
    r = readings([body], [body], np.array([0]), [sent])
    assert r.lookalike[0] == -1 and r.affirmative[0] > 0.1


HALF_YEAR = "某集团2025年上半年情况报告\n一、上半年工作开展情况\n"


@pytest.mark.parametrize("plan, summary, status, flags", [
    # the rate of each occasion read from the year's: 各期…均 in the report
    ("某学院团委2025年工作计划\n一、思想引领\n1.开展青年大学习，每期参学率不低于90%，按期统计通报。\n",
     "某学院团委2025年工作总结\n一、思想引领\n组织部每期统计并通报参学情况，全年各期团员参学率均保持在95%以上。\n",
     "implemented", ()),
    # the rest of the problems an inspection found are still being put right: the inspection was done…
    ("某集团2025年工作计划\n一、监督检查\n1.聚焦工程招投标环节开展专项检查，全年不少于2次。\n",
     HALF_YEAR + "4月，组织开展工程招投标专项检查1次，发现问题23个，已整改19个，其余问题正在整改。\n",
     "implemented", ()),
    # …but a task that asks for the putting right is not done yet
    ("某集团2025年工作计划\n一、监督检查\n1.聚焦工程招投标环节开展专项检查，发现问题全部整改销号。\n",
     HALF_YEAR + "4月，组织开展工程招投标专项检查，发现问题23个，已整改19个，其余问题正在整改。\n",
     "partial", ("negated",)),
    # a rate said in words beside its count left unfilled: the count cannot be checked
    ("某区2025年爱国卫生运动实施方案\n一、病媒防制\n1.每月开展1次鼠、蚊、蝇、蟑密度监测，监测结果及时通报。\n",
     "某区2025年爱国卫生工作总结\n一、工作情况\n区疾控中心按月开展鼠、蚊、蝇、蟑密度监测，全年共监测X次，及时通报监测结果。\n",
     "partial", ("placeholder",)),
    # an unfilled count of people beside a task asking for one occasion, or of another kind of event,
    # leaves the task's figure to be read from the report (the occasion held; each member's visit)
    ("某工委2025年工作要点\n一、学习\n1.6月底前举办机关党组织书记读书班1期，集中学习党的创新理论。\n",
     "某工委2025年上半年工作情况报告\n一、工作情况\n5月12日至16日，在市委党校举办机关党组织书记读书班，组织分组研讨，"
     "**名机关党组织书记参加集中学习。\n", "implemented", ()),
    ("某工委2025年工作要点\n一、宣讲\n1.开展主题宣讲，工委班子成员每人至少到联系单位宣讲1次。\n",
     "某工委2025年上半年工作情况报告\n一、工作情况\n工委班子成员分别深入各自联系单位作主题宣讲，实现联系单位全覆盖，"
     "带动各机关党组织书记讲党课XX场次。\n", "implemented", ()),
    # a quarterly selection told of one quarter only is held once of the two owed by mid-year…
    ("某行2025年党建工作要点\n一、先锋引领\n1.开展“党员先锋岗”创建，每季度评选一次“党员先锋岗”。\n",
     HALF_YEAR + "第一季度评选“党员先锋岗”12个，组建党员突击队8支，在“开门红”中冲锋在前。\n", "partial", ("quota_unmet",)),
    # …not when each of the quarters is said
    ("某行2025年党建工作要点\n一、先锋引领\n1.开展“党员先锋岗”创建，每季度评选一次“党员先锋岗”。\n",
     HALF_YEAR + "一季度、二季度各评选“党员先锋岗”12个，组建党员突击队8支，在“开门红”中冲锋在前。\n", "implemented", ()),
    # occasions listed by their dates are counted: two for 每半年1次, one short of 每季度1次
    ("某局2025年工作要点\n一、组织保障\n1.每半年向市委、市政府书面报告1次养老服务工作推进情况。\n",
     "某局2025年工作总结\n一、组织保障\n分别于7月、12月将养老服务工作推进情况形成书面材料，报送市委、市政府。\n",
     "implemented", ()),
    ("某局2025年工作要点\n一、组织保障\n1.每季度向市委、市政府书面报告1次养老服务工作推进情况。\n",
     "某局2025年工作总结\n一、组织保障\n分别于7月、12月将养老服务工作推进情况形成书面材料，报送市委、市政府。\n",
     "partial", ("quota_unmet",)),
    # 先后 says when a 明察暗访 was held, not of what
    ("某公司2025年党建工作要点\n一、作风建设\n1.聚焦营销费用使用、业务招待、公务用车等开展明察暗访，全年不少于4次。\n",
     "某公司2025年述职报告\n一、履职情况\n纪委围绕营销费用、业务招待和公车使用，先后组织明察暗访6次，未发现违规问题。\n",
     "implemented", ()),
    # a late end is a completion: 决赛直到11月上旬才结束 for 9月底前完成全部决赛
    ("某工会2025年工作计划\n一、竞赛\n1.举办全市职工职业技能大赛，9月底前完成全部决赛。\n",
     "某工会2025年工作报告\n一、工作回顾\n5月，全市职工职业技能大赛正式启动；受场地改造影响，全部决赛直到11月上旬才结束。\n",
     "partial", ("deadline_missed",)),
    # a heading stands for its item: 满意度调查 over a 职工 survey answers no 患者 survey
    ("某中心2025年工作计划\n一、服务质量\n1.每季度委托第三方对辖区基层医疗卫生机构开展1次患者满意度调查，满意度达到90%以上。\n"
     "2.每月开展1次院感培训。\n",
     "某中心2025年工作总结\n一、服务质量\n1.委托第三方开展基层医疗卫生机构满意度调查。\n问卷面向全院职工发放，共回收问卷312份，"
     "职工满意度92%。\n2.开展院感培训。\n全年开展院感培训12次。\n",
     "missing", ()),
    # what a monitor did not detect is a result, not a negation
    ("某市2025年大气污染防治工作方案\n一、秸秆禁烧\n1.夏收、秋收期间实行网格化巡查，各乡镇每日巡查不少于1次，确保不出现成片秸秆焚烧。\n",
     "某市2025年大气污染防治工作进展情况\n一、重点工作\n夏收、秋收禁烧期间，各乡镇网格员每日巡查一次，全市卫星遥感未监测到秸秆焚烧火点。\n",
     "implemented", ()),
    # a measure cut from 6 to 3 (由6个减少为3个) reached 3
    ("某局2025年整改方案\n一、整改任务\n1.优化维修资金审批流程，审批环节精简至不超过3个，6月底前完成。\n",
     "某局2025年整改进展情况报告\n一、整改情况\n6月中旬印发审批流程优化方案，审批环节由6个减少为3个。\n",
     "implemented", ()),
    # a generic opening may open with the campaign's months
    ("某集团安全生产专项整治方案\n一、保障措施\n1.严格督导考核。将专项整治开展情况纳入年度安全生产目标考核，对推进不力的单位约谈。\n"
     "2.每月召开1次调度会。\n",
     "某集团安全生产专项整治工作总结\n2025年4月至10月，在集团党委的坚强领导下，坚持严督导、严考核、严问责，扎实推进专项整治。\n"
     "一、主要工作\n每月召开调度会，共召开7次。\n",
     "missing", ()),
    # each teacher's count is read from 全体教师…均在15节以上, the group leaders' from 每人都在20节以上
    ("某中学2025—2026学年第一学期教学工作计划\n一、教研\n1.每位教师本学期听课不少于15节，教研组长、骨干教师每学期听课不少于20节。\n",
     "某中学2025—2026学年第一学期教学工作总结\n一、教研\n本学期全体教师听课均在15节以上，教研组长和骨干教师每人都在20节以上，最多的听了31节。\n",
     "implemented", ()),
    # the next best report goes on to say the rest is still under way
    ("某集团安全生产专项整治方案\n一、整治任务\n1.整治充电安全。对充电站逐站检测电气线路和接地装置，8月底前完成全部充电桩安全评估。\n"
     "2.每月召开1次调度会。\n",
     "某集团安全生产专项整治工作总结\n一、主要工作\n对集团18座充电站逐站检测电气线路和接地装置，停用整改存在隐患的充电桩23个。"
     "充电桩安全评估已完成11座充电站，其余7座尚在推进之中。每月召开调度会，共召开7次。\n",
     "partial", ("negated",)),
    # not one branch left behind is a result; 还在收尾 is work under way; 两遍 a day are two rounds
    ("某镇党委2025年党建工作要点\n一、组织建设\n1.各村党组织每季度至少召开1次党员大会。\n",
     "某镇党委书记2025年述职报告\n一、履职情况\n全年各村党组织都召开了4次党员大会，没有一个支部落下。\n",
     "implemented", ()),
    ("某县文旅局2025年工作要点\n一、项目建设\n1.加快古镇街区改造项目建设，全年完成投资1.2亿元以上，10月底前主体工程完工。\n",
     "某县文旅局2025年工作总结\n一、项目建设\n古镇街区改造项目全年完成投资1.35亿元，但主体工程受雨季影响，目前还在收尾。\n",
     "partial", ("negated",)),
    ("某高速公司2025年路域环境整治方案\n一、整治任务\n1.路面抛洒物日常巡查每日不少于2次，做到随巡随清。\n",
     "某高速公司2025年整治工作总结\n一、主要工作\n各管理处坚持每天巡查两遍，抛洒物做到随巡随清。\n",
     "implemented", ()),
])
def test_session20_judgments(plan, summary, status, flags):
    item = _first_item(plan, summary)
    assert (item.status, tuple(item.flags)) == (status, flags), item.reason


@pytest.mark.parametrize("plan, summary, status, flags", [
    # a part of a month is one occasion among those listed (12月上旬)
    ("某区妇联2025年工作计划\n一、机制\n1.建立家庭教育工作联席会议制度，每季度召开1次联席会议。\n",
     "某区妇联2025年工作总结\n一、机制\n建立家庭教育工作联席会议制度，分别于3月、6月、9月和12月上旬召开联席会议，研究重点难点问题。\n",
     "implemented", ()),
    # a season not yet come is no work undone
    ("某村2025年工作计划\n一、安全\n1.5月底前完成全村山塘、河堤的汛前安全隐患排查。\n",
     "某村党支部书记2025年述职报告\n各位代表：\n汛期还没到，五月中旬我们就把全村山塘、河堤的安全隐患排查了一遍，发现的问题当月整改。\n",
     "implemented", ()),
    # spoken figures: 三十亩 of 50亩, the rest still being talked over
    ("某村2025年工作计划\n一、产业\n1.流转土地新建葡萄种植基地50亩。\n",
     "某村党支部书记2025年述职报告\n各位代表：\n葡萄基地这一块，土地流转了三十亩，苗子已经栽下去了，剩下二十亩有几户群众还没谈妥。\n",
     "partial", ("quota_unmet", "negated")),
    # a ban kept is no negation (没有布置 for 不布置), and a 每 keeps its count across a 的
    ("某小学2025年“双减”工作计划\n一、作业\n1.控制书面作业总量。一、二年级不布置家庭书面作业，三至六年级家庭书面作业平均完成时间不超过60分钟。\n",
     "某小学2025年“双减”工作汇报\n各位家长：\n一二年级没有布置书面家庭作业；三到六年级，我们5月份做了一次抽样测算，家庭书面作业的平均用时是四十八分钟。\n",
     "implemented", ()),
    ("某小学2025年春季学期“双减”工作计划\n一、沟通\n1.德育处每月汇总1次家长意见建议。\n",
     "某小学2025年春季学期“双减”工作汇报\n各位家长：\n德育处每个月把大家的意见汇总一次，到目前共收到意见建议六十三条，都一一作了回复。\n",
     "implemented", ()),
    # where a rate stood before the work (由整治前的84.5%) is no answer; what it reached is
    ("某县中医院2025年专项整治方案\n一、目标\n1.到10月底运行病历甲级率达到90%以上。\n",
     "某县中医院2025年专项整治工作情况报告\n一、成效\n全院运行病历甲级率由整治前的84.5%提升至91.3%，核心制度落实明显加强。\n",
     "implemented", ()),
    # a stage's span beside a limit inside it: the limit is the deadline
    ("某市检察院2025年专项行动实施方案\n一、步骤\n1.集中推进阶段（2025年4月至9月）。市院于6月底前对各基层院开展一次中期督导，推动各项任务落地见效。\n",
     "某市检察院2025年专项行动情况报告\n一、组织推进\n6月下旬，市院印发中期督导工作方案，7月中旬组成3个督导组，对各基层院开展中期督导。\n",
     "partial", ("deadline_missed",)),
])
def test_session23_judgments(plan, summary, status, flags):
    item = _first_item(plan, summary)
    assert (item.status, tuple(item.flags)) == (status, flags), item.reason


@pytest.mark.parametrize("plan, summary, status, flags", [
    # 未检 is a department's work (未成年人检察), not a negation
    ("某区检察院2025年未检工作要点\n一、队伍建设\n1.每半年组织1次未检业务培训，提升干警办案能力。\n",
     "某区检察院2025年上半年未检工作情况报告\n一、队伍建设\n5月组织未检业务培训1次，邀请市院专家授课。\n",
     "implemented", ()),
    # what was not passed is what the rule is about: 质控未通过的病历一律退回
    ("某医院2025年医疗质量工作计划\n一、病历质量\n1.在不少于3个科室试行病历内涵质控，质控未通过的病历不得归档。\n",
     "某医院2025年医疗质量工作总结\n一、病历质量\n在心内科、呼吸科等4个科室试行病历内涵质控，质控未通过的病历一律退回修改。\n",
     "implemented", ()),
    # put off to next term: not done
    ("某小学2025年秋季学期德育工作计划\n一、主题活动\n1.12月举办校园艺术节，展示学生艺术素养。\n",
     "某小学2025年秋季学期德育工作总结\n一、主题活动\n原定12月举办的校园艺术节，因体育馆维修推迟到下学期举办。\n",
     "missing", ("negated",)),
    # a paragraph opened by 下学期 is planned, every sentence of it
    ("某幼儿园2025年秋季学期工作计划\n一、家园共育\n1.本学期举办家长开放日不少于2次。\n",
     "各位老师：\n这学期大家辛苦了，各项工作总体平稳。\n下学期，消防演练要排进园务日历；家长开放日要举办起来，每学期至少举办2次。\n",
     "missing", ("future_only",)),
    # 32个村中已有27个: 27 were done, of 32
    ("某县档案局2025年工作计划\n一、村级档案\n1.9月底前完成全县32个村级档案室规范化整理。\n",
     "某县档案局2025年工作总结\n一、村级档案\n全面启动村级档案室规范化整理。截至12月底，32个村级档案室中已有27个完成整理，其余5个尚在推进之中。\n",
     "partial", ("quota_unmet", "negated")),
    # lectures for new supervisors answer none for the students
    ("某大学研究生院2025年工作要点\n一、学风建设\n1.面向全体在读研究生开设科研诚信系列讲座，全年不少于6场。\n",
     "某大学研究生院2025年工作总结\n一、学风建设\n面向新聘导师举办科研诚信专题讲座4场，强化导师把关责任。\n",
     "missing", ()),
    # a lecture for pupils' parents answers none for kindergarten staff
    ("某区妇联2025年工作要点\n一、家庭教育\n1.面向全区中小学、幼儿园教职员工开展家庭教育指导培训，全年不少于2场。\n",
     "某区妇联2025年工作总结\n一、家庭教育\n面向学生家长开展家庭教育讲座3场，参加家长约600人。\n",
     "missing", ()),
    # 明年还要…: what must be done next year, anywhere in the sentence
    ("某医院2025年院感工作计划\n一、培训\n1.11月份举办1次全院院感防控知识竞赛。\n",
     "在2025年院感工作会议上的讲话\n同志们：\n今年院感工作总体平稳，全年组织了12次全员培训，手卫生依从率达到了88%。明年还要把全院院感防控知识竞赛办起来，以赛促学。\n",
     "missing", ("future_only",)),
    # village cadres are not ranked officials
    ("某县委组织部2025年干部教育工作要点\n一、警示教育\n1.分批组织新任职科级干部到廉政教育基地接受现场教育，做到全覆盖。\n",
     "某县委组织部2025年干部教育工作总结\n一、警示教育\n分批组织全县村（社区）“两委”干部到廉政教育基地接受现场教育，做到全覆盖，累计参加260余人次。\n",
     "missing", ()),
    # 明察暗访 of window service is none of 执行作风, however many times it was held
    ("某中级人民法院2025年执行工作要点\n一、作风\n1.每季度开展不少于1次执行作风明察暗访，查纠消极执行问题。\n",
     "某中级人民法院2025年上半年执行工作情况报告\n一、作风建设\n院督察室对诉讼服务中心窗口服务和法警值勤情况进行了两次明察暗访，通报问题5个。\n",
     "missing", ()),
    # a level to reach (提高到40%以上) is answered by the level reported (为36.8%)
    ("某中级人民法院2025年执行工作要点\n一、拍卖\n1.规范网络司法拍卖，一拍成交率提高到40%以上。\n",
     "某中级人民法院2025年上半年执行工作情况报告\n一、拍卖\n上半年共上网拍卖财产1086件，一拍成交率为36.8%。\n",
     "partial", ("quota_unmet",)),
    # …and where it stood (由去年同期的16.8%) is not what it reached
    ("某医院2025年医疗质量工作计划\n一、日间手术\n1.扩大日间手术病种范围，日间手术占择期手术比例提高到20%以上。\n",
     "某医院2025年医疗质量工作总结\n一、日间手术\n新增日间手术病种12个，占择期手术比例由去年同期的16.8%提升至21.3%。\n",
     "implemented", ()),
    # in a speech (no items), the next sentence of the paragraph may say the work came late
    ("某医院2025年院感工作计划\n一、监测\n1.10月底前完成年度全院医院感染现患率调查，实查率不低于96%。\n",
     "在2025年院感工作会议上的讲话\n同志们：\n今年全院组织了12次院感培训，手卫生依从率达到了88%。\n年度全院医院感染现患率调查拖了后腿。信息科升级系统，调查一直拖到12月上旬才做完，实查率98.1%。\n",
     "partial", ("deadline_missed",)),
    # village doctors are staff: lectures for them answer none for the residents
    ("某卫生院2025年家庭医生签约服务工作计划\n一、服务质量\n1.每季度为签约居民开展1次健康知识讲座。\n",
     "某卫生院2025年家庭医生签约服务工作总结\n一、服务质量\n全年为全镇村医开展健康知识讲座4次，参加156人次。\n",
     "missing", ()),
    # 一次 after the verb that holds it is a count: one drill of the two a year
    ("某疾控中心2025年工作计划\n一、应急\n1.全年至少组织开展2次应急演练。\n",
     "某疾控中心2025年工作总结\n一、应急\n联合县卫生健康局开展了一次鼠疫防控应急演练。\n",
     "partial", ("quota_unmet",)),
    # a count of one kind of event answers no requirement of another, whatever words they share
    ("某区纪委监委2025年工作要点\n一、队伍建设\n1.每半年组织1次纪检监察干部警示教育，通报违纪违法典型案例。\n",
     "某区纪委监委2025年工作总结\n一、队伍建设\n组织纪检监察干部全员培训4期，人均参训40学时。\n",
     "missing", ()),
    # a rate the plan sets for some months only is owed for those months (5月至9月每月1次: 5)
    ("某医院2025年医疗质量安全专项行动方案\n一、重点任务\n1.5月至9月每月开展1次手术安全核查专项督查。\n2.开展院感培训。\n",
     "某医院2025年工作总结\n一、医疗质量\n医务科先后5次开展手术安全核查专项督查，发现问题12个。开展院感培训3次。\n",
     "implemented", ()),
    # a table pasted one cell per line: the target's column is the plan's, the next what was done
    ("某区人社局2025年稳就业工作要点\n一、就业见习\n1.全年募集就业见习岗位不少于500个。\n2.开展招聘活动。\n",
     "某区人社局2025年前三季度稳就业工作进展情况\n截至9月底，主要指标完成情况如下：\n指标\n全年目标\n1—9月完成\n"
     "城镇新增就业\n8500人\n7126人\n就业见习岗位募集\n500个\n260个\n一、主要工作\n开展招聘活动46场。\n",
     "partial", ("quota_unmet",)),
])
def test_session21_judgments(plan, summary, status, flags):
    item = _first_item(plan, summary)
    assert (item.status, tuple(item.flags)) == (status, flags), item.reason


@pytest.mark.parametrize("plan, summary, status, flags", [
    # a count of what was done, in the sentence after the one that counts what was found
    ("某分公司2025年安全生产月活动方案\n一、重点工作\n1.开展隐患专项排查整治，6月20日前完成全面排查，隐患整改率达到100%。\n"
     "2.开展应急演练。\n",
     "某分公司2025年安全生产月活动总结\n一、主要工作\n6月18日完成辖区桥梁、隧道全面排查，共发现一般隐患37处，均已建立隐患清单和整改台账。"
     "截至6月底，已完成整改33处；其余4处正在协调。开展应急演练2次。\n",
     "partial", ("quota_unmet",)),
    # a speech under a byline: its opening says it looks back on the half year
    ("某县人民法院2025年诉源治理工作要点\n一、调查研究\n1.院领导每季度至少带队开展1次诉源治理专题调研。\n2.开展普法宣讲。\n",
     "在全院诉源治理工作推进会上的讲话\n院长  陈立新\n同志们：\n今天召开推进会，主要是看一看年初定的工作要点上半年落实得怎么样。\n"
     "院领导3月、5月两次带队到基层法庭开展诉源治理专题调研，摸清了纠纷特点。普法宣讲开展了6场。\n",
     "implemented", ()),
    # what was left of a whole, done last, is not all that was done
    ("某县人民法院2025年工作要点\n一、平台建设\n1.6月底前实现调解平台与全县12个乡镇综治中心对接全覆盖。\n2.开展普法宣讲。\n",
     "某县人民法院2025年上半年工作总结\n一、平台建设\n5月底，最后两个乡镇的综治中心完成调解平台对接，全县乡镇一个不落。普法宣讲开展了6场。\n",
     "implemented", ()),
    # a problem that says the figure fell short says what the unmet quota does, no more
    ("某医院党委2025年党建工作要点\n一、队伍建设\n1.全年发展党员不少于8名。\n2.开展主题党日。\n",
     "某医院党委2025年党建工作总结\n一、主要工作\n全年发展党员6名，党员发展数量未达到年度计划。每月开展主题党日。\n",
     "partial", ("quota_unmet",)),
    # …but a part of the work left undone is a negation of its own
    ("某医院党委2025年党建工作要点\n一、队伍建设\n1.全年发展党员不少于8名，建立入党积极分子培养台账。\n2.开展主题党日。\n",
     "某医院党委2025年党建工作总结\n一、主要工作\n全年发展党员6名，入党积极分子培养台账尚未建立。每月开展主题党日。\n",
     "partial", ("quota_unmet", "negated")),
    # a problem that says the work came late says what the missed time limit does
    ("某医院2025年医疗质量工作要点\n一、制度建设\n1.6月底前修订印发核心制度实施细则。\n2.开展院感培训。\n",
     "某医院2025年医疗质量工作总结\n一、主要工作\n7月22日修订印发核心制度实施细则。开展院感培训3次。\n二、存在的问题\n"
     "一是部分制度落实滞后，核心制度实施细则修订未能按期完成。\n",
     "partial", ("deadline_missed",)),
    # a talk's date in Chinese numerals, and 评完 a completion
    ("某小学2025年春季学期劳动教育工作计划\n一、课程\n一是5月底前举办劳动课优质课评比，评出的优秀课例在全校展示交流。二是开展技能比赛。\n",
     "在春季学期期末教师会上的讲话\n各位老师：\n这学期技能比赛都比了。优质课评比受了影响，一直拖到六月十八号才评完，评出了六节优秀课例。\n",
     "partial", ("deadline_missed",)),
    # a report heard (听取审议) is the work done, when it was heard
    ("某县人大常委会2024年监督工作计划\n一、听取审议专项工作报告\n（一）听取和审议县人民法院关于执行工作情况的报告。\n时间安排：第三季度\n"
     "（二）开展执法检查。\n",
     "某县人大常委会2024年工作报告\n一、监督工作\n11月，听取审议县法院关于执行工作情况的报告，要求加大执行力度。开展执法检查2次。\n",
     "partial", ("deadline_missed",)),
    # a half-year speech: what a paragraph says from 下半年，… on is planned
    ("某中级人民法院2025年审判质效提升工作方案\n一、考核\n1.制定审判质效考核办法，将质效指标纳入法官业绩档案。\n2.开展业务培训。\n",
     "在全院审判质效推进会上的讲话\n同志们：\n今天我们看一看年初定的方案上半年落实得怎么样。上半年已经举办了法官业务培训两期，"
     "参训的有两百多人次，大家反映很好。结案率比去年同期提高了，积案清理完成了一百零六件。\n"
     "成绩要肯定。下半年，我强调几项工作。审判质效考核办法，由审管办牵头抓紧研究制定，把质效指标纳入法官业绩档案。\n",
     "missing", ("future_only",)),
])
def test_session22_judgments(plan, summary, status, flags):
    item = _first_item(plan, summary)
    assert (item.status, tuple(item.flags)) == (status, flags), item.reason


def test_a_rate_owed_over_its_own_months_says_so():
    item = _first_item("某医院2025年医疗质量安全专项行动方案\n一、重点任务\n1.5月至9月每月开展1次手术安全核查专项督查。\n"
                       "2.开展院感培训。\n",
                       "某医院2025年工作总结\n一、医疗质量\n医务科先后3次开展手术安全核查专项督查，发现问题12个。开展院感培训3次。\n")
    assert "按5月至9月折算≥5次" in item.reason and item.flags == ("quota_unmet",)


def test_two_stages_reported_in_two_sentences_are_each_dated_by_their_own():
    """10月底前…认定；11月底前…评审 against two sentences that fit the task alike (10月中旬完成…认定,
    11月20日前完成…评审): neither limit is missed, whichever sentence comes first by score."""
    from pathlib import Path

    from policytext.evaluation.pairs import load_pair

    pair_file = Path(__file__).resolve().parents[2] / "corpus" / "blind34" / "nanping_xgb_term_2025.pair.json"
    pair = load_pair(pair_file)
    item = next(i for i in compare(pair.plan, pair.summary).items if i.task.path == "三/7")
    assert [c.verdict for c in item.deadline_checks] == ["met", "met"], item.reason
    assert item.status == "implemented"


def test_claiming_work_is_leading_it():
    """分头认领实事项目 says 班子成员领办 in other words: both carry the concept's token."""
    from policytext.compare.aligner import words

    assert "〔领办〕" in words("班子成员每人领办1件民生实事") and "〔领办〕" in words("班子成员分头认领了实事项目5件")


@pytest.mark.parametrize("plan, summary, value, verdict", [
    # the months a figure's own date span covers do not shrink a count of named things (3, not 0.5)
    ("某县人大常委会2024年工作要点\n一、监督\n（一）对县人社局、县住建局、县交通运输局等3个部门开展工作评议，评议结果书面通报县人民政府。\n",
     "某县人大常委会2024年工作总结\n一、监督\n11月至12月，对县住建局、县交通运输局两个部门开展工作评议，评议结果已书面通报县政府。\n",
     2, "unmet"),
    # a sentence that counts nothing lends the next one its figures
    ("某中学2025年秋季学期德育工作计划\n一、心理\n1.心理咨询室每周开放不少于3次，由专职心理教师值班。\n",
     "某中学2025年秋季学期德育工作总结\n同志们：\n心理咨询室由专职心理教师值班，运行平稳。受场地改造影响，本学期每周开放2次。\n"
     "家长学校本学期办了三期，家长反响不错。\n", 2, "unmet"),
    # last year's figure answers no target; this year's does
    ("某医院2025年院感工作计划\n一、手卫生\n1.加强手卫生督查，全院手卫生依从率达到85%以上。\n",
     "某医院2025年院感工作总结\n一、手卫生\n手卫生过去一直是老大难。去年这个时候，全院手卫生依从率只有72%。"
     "今年院感科每月下病区督查手卫生，依从率提高到了88%。\n", 88, "met"),
    # another item of a quoted series answers no quota; the same item, named again, does
    ("某县检察院2025年工作方案\n一、宣传\n1.组织开展“公益诉讼进社区”宣传活动不少于4场，提高群众知晓度。\n",
     "某县检察院2025年工作总结\n一、宣传\n会同县教育局在县第一中学开展“公益诉讼进校园”宣传活动4场，发放宣传资料2000余份。\n",
     None, "unreported"),
    ("某县检察院2025年工作方案\n一、宣传\n1.组织开展“公益诉讼进社区”宣传活动不少于4场，提高群众知晓度。\n",
     "某县检察院2025年工作总结\n一、宣传\n在城东社区开展“公益诉讼进社区”宣传活动4场，发放宣传资料2000余份。\n",
     4, "met"),
    # hours of training say what they count, whatever the words before them
    ("某医院2024年医德医风工作要点\n一、教育\n1.将医德医风教育纳入新入职职工岗前培训必修内容，培训时间不少于4学时。\n",
     "某医院2024年医德医风工作总结\n一、教育\n8月份新职工岗前培训，每人上了4个学时的医德医风课，考试合格才能上岗。\n",
     4, "met"),
])
def test_which_figure_answers_a_quota(plan, summary, value, verdict):
    import policytext

    (item,) = compare(policytext.from_text(plan), policytext.from_text(summary)).items
    (check,) = item.quota_checks
    assert (check.reported.value if check.reported else None, check.verdict) == (value, verdict)


def test_what_is_left_after_the_evidence_leaves_the_task_half_done():
    import policytext

    plan = policytext.from_text("某街道2025年垃圾分类整改方案\n一、整改\n1.完成11个小区撤桶并点，推行定时定点投放。\n")
    summary = policytext.from_text("某街道垃圾分类整改情况通报\n同志们：\n撤桶并点这件事，要撤的十一个小区，现在完成了八个，"
                                   "投放点都装了洗手池。剩下三个都是老旧小区，居民意见还不统一，我们还在一户一户做工作。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "negated" in item.flags



def test_a_late_completion_in_the_same_item_that_shares_no_word_is_another_tasks():
    """查验补种工作至10月中旬才全部完成, in the item that reports 3月中旬，完成…接种率调查评估: the survey was on time."""
    plan = ("县疾控中心2024年免疫规划工作计划\n一、重点任务\n"
            "1.保持高水平接种率。适龄儿童国家免疫规划疫苗报告接种率保持在95%以上。各接种单位要按月分析接种率，及时组织补种。\n"
            "2.做好入托入学儿童预防接种证查验。会同县教育局开展秋季入托入学查验，查验率达到100%，漏种儿童补种率达到95%以上，"
            "9月底前完成查验和补种工作。\n"
            "3.开展接种率调查评估。3月底前完成2023年度免疫规划疫苗接种率调查，每个乡镇抽查适龄儿童不少于30名，形成评估报告。\n")
    summary = ("县疾控中心2024年免疫规划工作总结\n一、重点工作\n"
               "（一）常规接种和查漏补种。各接种单位坚持按月分析接种率，及时组织补种。3月中旬，完成2023年度免疫规划疫苗接种率调查评估，"
               "在12个乡镇各抽取适龄儿童35名，共调查420名，调查接种率与报告接种率基本一致。秋季学期开学后，联合县教育局对全县86所"
               "托幼机构和中小学开展入托入学接种证查验，共查验新入托入学儿童5873名，查验率100%，漏种儿童补种率96.2%，"
               "因部分民办幼儿园资料报送滞后，查验补种工作至10月中旬才全部完成。\n")
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    survey = next(i for i in c.items if "接种率调查" in i.text)
    assert [d.verdict for d in survey.deadline_checks] == ["met"]
    # …and it is the check's, read on past its cause (因…滞后，) from the check's own figures
    check = next(i for i in c.items if "接种证查验" in i.text)
    assert [(d.verdict, d.reported_text) for d in check.deadline_checks] == [("missed", "10月中旬")]


def test_a_part_done_first_leaves_the_rest_to_the_items_later_completion():
    """其中10个标段于5月底前完成招标并签订合同；第7标段…于6月下旬完成合同签订: the limit was missed."""
    plan = ("某县2024年高标准农田建设实施方案\n一、任务\n1.规范项目招标投标。5月底前完成全部标段招标并签订合同。\n"
            "2.加强质量监管。\n")
    summary = ("某县2024年高标准农田建设工作总结\n一、工作情况\n（一）招标采购规范透明。全部工程施工和监理均进入县公共资源交易中心"
               "公开招标，共划分9个施工标段、2个监理标段。其中10个标段于5月底前完成招标并签订合同；第7标段因有效投标人不足流标，"
               "经重新招标，于6月下旬完成合同签订。\n（二）质量监管。聘请监理单位全程驻场监理。\n")
    item = policytext.compare(policytext.from_text(plan), policytext.from_text(summary)).items[0]
    assert [(d.verdict, d.reported_text) for d in item.deadline_checks] == [("missed", "6月下旬")]


@pytest.mark.parametrize("plan, summary, flagged", [
    # an unfilled count of writings (心得体会**篇) stands for no count of lectures…
    ("某部2025年学习计划\n一、学习\n1.全年邀请专家学者作专题辅导报告不少于4场。\n2.每月集中学习1次。\n",
     "某部2025年学习情况报告\n一、学习\n邀请专家学者作专题辅导报告，中心组成员共撰写心得体会**篇。\n全年集中学习12次。\n", False),
    # …but one of the reports the task itself asks for (形成复盘报告) does
    ("某局2025年工作要点\n一、业务\n1.每月开展1次灾害性天气过程复盘检验，形成复盘报告。\n",
     "某局2025年工作总结\n一、业务\n坚持在灾害性天气过程结束后及时开展复盘，全年共形成复盘报告**份。\n", True),
])
def test_an_unfilled_count_of_writings_stands_for_a_count_of_events_only_when_asked(plan, summary, flagged):
    item = _first_item(plan, summary)
    assert ("placeholder" in item.flags) is flagged, item.reason


def test_each_dated_stage_is_read_from_the_report_that_names_it():
    """3月底前…自查；4月底前…督查全覆盖 against 3月份…自查 and 至5月中旬完成…督查: the second stage was late."""
    plan = ("某县教育局2025年校园安全专项整治工作方案\n一、排查\n1.全面排查风险隐患。3月底前，各学校对校舍、消防设施、食堂开展全面自查，"
            "逐校建立隐患台账；4月底前，县教育局组织督查组对全县学校实现督查全覆盖。\n2.每月开展1次校园安全巡查。\n")
    summary = ("某县教育局2025年校园安全工作总结\n一、排查整治\n3月份，各学校对照清单完成校舍、消防、食堂等方面的全面自查，逐校建立隐患台账。"
               "在此基础上，局里抽调骨干组成4个督查组，至5月中旬完成对全县63所学校的全覆盖督查。\n各学校每月开展校园安全巡查。\n")
    item = _first_item(plan, summary)
    assert [c.verdict for c in item.deadline_checks] == ["met", "missed"]


REPORT_2025 = "某学院2025年工作总结\n一、工作开展情况\n"


@pytest.mark.parametrize("plan, summary, status, flags", [
    # where another task's work stands (目前，…已有8个建立台账，其余3个正在完善) is no status of this one
    ("某学院2025年工作计划\n一、阵地管理\n1.制定《讲座论坛报告会管理办法》，严格落实“一会一报”审批制度，6月底前完成。\n"
     "2.各二级学院建立讲座论坛和学生社团活动报备台账。\n",
     REPORT_2025 + "5月底前，修订印发《讲座论坛报告会管理办法》，严格执行“一会一报”审批，累计审批校内讲座论坛37场。"
     "目前，11个二级学院中已有8个建立讲座论坛和学生社团活动报备台账，其余3个二级学院正在完善。\n", "implemented", ()),
    # the rest of the findings still being put right, counted alone, leave the inspection done
    ("某集团2025年工作计划\n一、监督检查\n1.聚焦招投标、物资采购等重点领域开展专项监督检查，全年不少于2次。\n",
     REPORT_2025 + "聚焦招投标和物资采购，集团纪委会同审计部开展专项监督检查2次，发现问题13个，已督促整改12个，剩余1个正在整改中。\n",
     "implemented", ()),
    # what is left finished after the limit: late
    ("某法院2025年工作要点\n一、执行\n1.6月底前完成存量执行信访积案化解工作。\n",
     "某法院2025年上半年工作情况报告\n一、执行工作\n全面梳理存量执行信访积案37件，截至6月底已化解33件，其余4件于7月10日全部化解销号。\n",
     "partial", ("deadline_missed",)),
    # the rest still being built
    ("某局2025年实施方案\n一、能力建设\n1.9月底前每家卫生院至少建成1个特色科室，并挂牌运行。\n",
     "某局2025年上半年工作推进会讲话\n同志们：\n特色科室，八家卫生院里已经有五家挂了牌，康复的、口腔的、慢病的都有，剩下三家还在筹建。\n",
     "partial", ("negated",)),
    # cleared after the limit, said with 才…清完
    ("某法院2025年党风廉政建设工作要点\n一、执行\n一是开展执行领域专项整治，2025年6月底前完成执行案款专项清理。\n",
     "某法院院长2025年述责述廉报告\n同志们：\n执行案款专项清理，我们下了很大力气，但历史积存的案款情况确实复杂，实际到8月上旬才全部清完，比原计划晚了。\n",
     "partial", ("deadline_missed",)),
    # a negation that names its own topic (家属参与这一块) says nothing of a task that does not name it
    ("某法院2025年党风廉政建设工作要点\n一、教育\n一是开展“廉洁司法、清风法院”主题教育月活动，于5月份集中组织。\n",
     "某法院院长2025年述责述廉报告\n同志们：\n5月份，全院开展了“廉洁司法、清风法院”主题教育月，组织干警到市廉政教育基地参观了两批，"
     "家属参与这一块还没有组织起来。\n", "implemented", ()),
    # a figure to a cut-off owes no months before a rectification plan was issued
    ("某区生态环境局整改工作方案\n一、保障措施\n（一）强化调度。领导小组每月召开1次整改调度会，研究解决困难问题。\n某区生态环境局\n2025年4月15日\n",
     "某区生态环境局关于截至2025年9月底整改落实情况的报告\n一、整改情况\n整改调度坚持每月一调度，截至9月底已召开整改调度会6次。\n", "implemented", ()),
])
def test_judgments_after_blind118(plan, summary, status, flags):
    item = _first_item(plan, summary)
    assert (item.status, tuple(item.flags)) == (status, flags), item.reason


AFTER_BLIND135 = [
    # what a limit's own clause names, finished late in other evidence of the task
    ("某县应急管理局2025年防汛工作方案\n一、隐患整改\n1.限期整改到位。对排查发现的隐患逐一建立台账，6月10日前全部整改到位。\n",
     "某县应急管理局2025年防汛工作总结\n一、主要工作\n4月8日至5月26日，我局组成6个检查组逐一过筛，共排查出各类隐患37处，全部登记建立台账。"
     "截至6月10日，整改完成29处，其余8处因涉及工程施工，于7月中旬才全部整改完成。\n", "partial", ("deadline_missed",)),
    # 收尾 finishes work: 一直到七月中旬才全部收尾 is late for 6月底前
    ("某学院党委2025年工作要点\n一、学习教育\n1.扎实开展学习教育，6月底前完成集中学习、查摆问题、整改落实各环节工作。\n",
     "某学院党委书记2025年述职报告\n一、主要工作\n学习教育，我们三月份启动，集中学习、查摆问题、整改落实三个环节，一直到七月中旬才全部收尾。\n",
     "partial", ("deadline_missed",)),
    # the best evidence lists its occasions by month: four, whatever 两次 says of something else
    ("某医院护理部2024年工作方案\n一、培训\n1.实施护士分层级培训，每季度组织1次全院护士理论考核。\n",
     "某医院护理部2024年工作总结\n一、主要工作\n按照分层培训计划，分别于3月、6月、9月、12月组织全院护士理论考核，平均合格率97.3%。"
     "全年另组织护士长岗位考核两次。\n", "implemented", ()),
    # the days of the week named are its times a week
    ("某中医医院2025年工作方案\n一、便民服务\n1.开设针灸、推拿夜间门诊，每周不少于3次。\n",
     "某中医医院2025年工作总结\n一、主要工作\n针灸、推拿夜间门诊于4月中旬开诊，每周一、三、五晚间应诊，节假日安排专家出诊。\n",
     "implemented", ()),
    # a rate left unfilled (参加率达到XX%) is no figure of a task that asks for no rate
    ("某中学2024年工作方案\n一、课后服务\n1.9月中旬前完成课后服务需求调查和学生报名工作，坚持学生自愿参加原则。\n",
     "某中学2024年秋季学期工作总结\n一、课后服务\n开学前，德育处通过问卷星开展课后服务需求摸底，9月6日前完成了各班学生报名工作。"
     "全校共有一千六百余名学生报名参加课后服务，参加率达到XX%。\n", "implemented", ()),
]


@pytest.mark.parametrize("report, verdict", [
    ("8月下旬，举办全市法院督察业务培训班，两级法院督察人员52人参加培训。", "met"),  # held: once
    ("8月下旬，组织全院干警开展防汛应急演练。", "unreported"),  # another kind of occasion
    ("8月下旬，举办全市法院督察业务培训班，两级法院督察人员XX人参加培训。", "unreported"),  # an unfilled figure beside it
])
def test_one_occasion_held_answers_one_asked(report, verdict):
    plan = policytext.from_text("某中级人民法院2025年审务督察工作方案\n一、队伍建设\n1.10月底前举办督察业务培训班1期。\n")
    summary = policytext.from_text(f"某中级人民法院2025年审务督察工作总结\n一、主要工作\n{report}\n")
    (item,) = compare(plan, summary).items
    assert [c.verdict for c in item.quota_checks] == [verdict], item.reason


def test_a_finding_basically_done_is_not_done():
    plan = policytext.from_text("某局党组巡察反馈问题整改方案\n一、整改任务\n问题一、工程建设领域监管存在廉洁风险。责任科室：建筑市场监管科；"
                                "整改时限：2025年10月底前。\n")
    summary = policytext.from_text("某局党组关于巡察反馈问题整改进展情况的报告\n区委巡察办：\n一、反馈问题整改进展情况\n"
                                   "（一）关于工程建设领域监管存在廉洁风险的问题（基本完成）\n"
                                   "7月至9月，建筑市场监管科对招投标项目开展专项检查，共检查项目46个，未发现违规抽取评标专家问题。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "negated" in item.flags, item.reason


AFTER_BLIND136 = [
    # occasions listed by month before 各 are that many: 4月…、6月…各组织1次 is two
    ("某集团2025年安全生产专项整治实施方案\n一、重点领域\n1.上半年组织有限空间事故应急演练不少于2次。\n",
     "某集团关于截至2025年9月底专项整治进展情况的报告\n一、进展情况\n4月在城东污水处理厂、6月在综合管廊分公司各组织1次有限空间应急演练。\n",
     "implemented", ()),
    # a half year's count and a month's told after it add up
    ("某社区2025年度工作计划\n一、平安建设\n1.组织开展消防应急疏散演练，全年不少于2场。由平安建设办负责。\n",
     "某社区党委书记2025年述职报告\n各位居民代表：\n消防疏散演练上半年搞了一次，10月份又在和园小区搞了一次，参加的居民有320多人。\n",
     "implemented", ()),
    # the evidence that names the document the limit is for dates it
    ("某县委组织部2025年党建工作要点\n一、干部工作\n1.落实“三个区分开来”，9月底前出台《某县干部容错纠错实施办法》。\n",
     "某县委组织部2025年工作总结\n一、主要工作\n8月，召开全县干部担当作为推进会；10月，印发《某县干部容错纠错实施办法》，为担当者担当。\n",
     "partial", ("deadline_missed",)),
    # some of it finished after a cause, later than the limit
    ("某集团2025年安全生产专项整治实施方案\n一、责任体系\n1.修订完善全员安全生产责任制，5月底前完成集团本部及各子公司责任清单修订。\n",
     "某集团2025年专项整治进展情况报告\n一、进展情况\n集团本部5月下旬完成责任清单修订；7家子公司中5家按期完成，2家因机构调整于6月中旬完成。\n",
     "partial", ("deadline_missed",)),
    # what a check found out (查明…未公开招标系…所致) is no work left undone
    ("某区卫健委审计整改方案\n一、整改措施\n1.区中心医院全面梳理2023年以来采购项目，查明未按规定公开招标的原因，依规依纪追究相关人员责任。\n",
     "某区卫健委关于审计整改情况的报告\n一、整改情况\n（一）关于政府采购的问题。区中心医院对2023年以来的46个采购项目进行了全面梳理，"
     "查明2项医疗设备未公开招标系采购需求论证不充分所致，对2名相关责任人进行了诫勉谈话。\n（二）关于补助资金的问题。7月下旬，我委将滞留的"
     "94万元补助资金分两批拨付至12家基层医疗卫生机构。\n", "implemented", ()),
    # the rest still at it, with no 中 after (仍在持续整顿)
    ("某县委组织部2025年党建工作要点\n一、基层组织\n1.持续整顿软弱涣散基层党组织，年底前全部整顿转化。\n",
     "某县委组织部2025年工作总结\n一、主要工作\n共排查出软弱涣散村（社区）党组织十二个，截至11月底已整顿转化十个，其余两个仍在持续整顿。\n",
     "partial", ("negated",)),
]


@pytest.mark.parametrize("plan, summary, status, flags", AFTER_BLIND135 + AFTER_BLIND136)
def test_judgments_after_blind135_and_blind136(plan, summary, status, flags):
    item = _first_item(plan, summary)
    assert (item.status, tuple(item.flags)) == (status, flags), item.reason
    assert status != "implemented" or all(c.verdict == "met" for c in item.quota_checks), item.reason


def test_an_items_own_status_after_its_heading_is_its_status():
    plan = policytext.from_text("某区卫健委审计整改方案\n一、整改任务\n问题1：政府采购内控制度执行不到位。完成时限：2025年11月30日前。\n")
    summary = policytext.from_text("某区卫健委关于审计整改情况的报告\n一、整改情况\n（一）关于政府采购内控制度执行不到位的问题。该问题已基本整改。"
                                   "区中心医院对46个采购项目进行了全面梳理。\n")
    (item,) = compare(plan, summary).items
    assert item.status == "partial" and "negated" in item.flags, item.reason


def test_a_speakers_byline_is_no_evidence():
    plan = policytext.from_text("某社区2025年度工作计划\n一、民主监督\n1.社区“两委”每半年向居民代表会议报告1次工作。由社区党委书记负责。\n")
    summary = policytext.from_text("在某社区居民代表会议上的述职报告\n社区党委书记、居委会主任  周秀兰\n（2025年12月26日）\n\n各位居民代表：\n"
                                   "7月份的居民代表会议上，我向大伙儿汇报过上半年的工作，今天是今年第二回向大家述职。\n")
    (item,) = compare(plan, summary).items
    assert all("周秀兰" not in e.text for e in item.evidence), item.reason


@pytest.mark.parametrize("task, sentence, conflict", [
    ((1 << 3), (1 << 4), True),  # two groups of the category, none shared
    ((1 << 3) | (1 << 4), (1 << 4), False),  # one shared
    ((1 << 70), (1 << 71), True),  # groups past the first 64 bits
    ((1 << 70), (1 << 3), False),  # groups of two categories
    (0, (1 << 71), False),  # the task names no group
    # groups served (shifted by MARKED) decide when both mark some
    ((1 << 70) | ((1 << 71) << 128), (1 << 71) | ((1 << 71) << 128), False),
])
def test_audience_masks_conflict_in_every_word_of_the_mask(task, sentence, conflict):
    """The vectorised test over millions of pairs (readings._conflict) agrees with the one for
    a single pair (conflicting), for groups in either of the two words of a 128-group mask."""
    from policytext.compare.readings import MARKED, _category_words, _conflict, _halves, conflicting

    assert MARKED == 128
    categories = [(1 << 3) | (1 << 4), (1 << 70) | (1 << 71)]
    t, s = _halves([task]), _halves([sentence])
    assert bool(_conflict(t, s, _category_words(categories))[0]) == conflicting(task, sentence, categories) == conflict


def _sole(plan: str, summary: str):
    """The one judged task of a plan against a summary, both written inline."""
    (item,) = compare(policytext.from_text(plan), policytext.from_text(summary)).items
    return item


@pytest.mark.parametrize("february, verdict", [("2月1次", "unmet"), ("2月2次", "met")])
def test_a_month_told_below_a_monthly_rate_is_unmet(february, verdict):
    months = "，".join(["1月2次", february] + [f"{m}月2次" for m in range(3, 13)])
    item = _sole("某局2025年工作要点\n一、整治\n1.每月至少组织开展2次全市集中统一整治行动。\n",
                 "某局2025年工作总结\n一、整治\n全年共组织全市集中统一整治行动二十五次，逐月看：" + months + "。\n")
    (check,) = item.quota_checks
    assert check.verdict == verdict, item.reason
    if verdict == "unmet":
        assert check.reported_value == 1 and check.derived.startswith("2月1次") and "低于每月2次" in check.derived


def test_the_one_sum_of_money_of_the_best_evidence_answers_the_one_asked():
    """讨回工钱三百四十万元 is the 追回欠薪 the task asks, though they share no words."""
    item = _sole("某检察院2025年工作方案\n一、民生\n1.深化欠薪支持起诉工作，全年办理支持起诉案件不少于30件，"
                 "帮助追回欠薪不少于300万元。\n",
                 "某检察院2025年工作总结\n一、民生\n支持起诉全年累计办了三十二件，"
                 "帮两百多名农民工讨回工钱三百四十万元左右。\n")
    money = next(c for c in item.quota_checks if c.quota.unit.endswith("元"))
    assert money.verdict == "met" and money.reported_value == 3_400_000, item.reason


def test_a_ban_kept_after_the_best_report_is_no_negation():
    item = _sole("某小学2025年秋季学期“双减”工作计划\n一、作业\n1.严格控制书面作业总量。一、二年级不布置书面家庭作业，"
                 "三至六年级书面作业平均完成时间不超过60分钟。\n",
                 "某小学2025年秋季学期“双减”工作总结\n一、作业\n作业总量控制得比较好。三到六年级书面作业平均完成时间"
                 "都在50分钟以内；一二年级没有布置书面家庭作业。\n")
    assert item.status == "implemented" and "negated" not in item.flags, item.reason


def test_a_name_with_and_said_again_is_one_kind_not_two_to_add_up():
    """其中生态环境和资源保护领域不少于20件 against …生态环境和资源保护领域27件, …食品药品安全领域6件:
    each part is read alone (and the 6 falls short of 10)."""
    item = _sole("某检察院2025年工作要点\n一、任务\n1.全年立案办理公益诉讼案件不少于45件，其中生态环境和资源保护领域"
                 "不少于20件、食品药品安全领域不少于10件。\n",
                 "某检察院2025年工作总结\n一、任务\n全年立案办理公益诉讼案件52件，其中生态环境和资源保护领域27件，"
                 "国有财产保护领域9件，食品药品安全领域6件。\n")
    assert [(c.verdict, c.reported_value) for c in item.quota_checks] == [("met", 52), ("met", 27), ("unmet", 6)], item.reason


def test_a_limit_of_another_clause_is_not_dated_by_the_quotas_figures():
    """4月底前修订完成…预案，全年组织…演练不少于2次，其中综合演练至少1次: the drill told in September
    is no late revision of the plan."""
    item = _sole("某集团2025年安全生产工作要点\n一、应急\n1.提升应急处置能力。4月底前修订完成《供水突发事件应急预案》，"
                 "全年组织供水应急演练不少于2次，其中综合演练至少1次。\n",
                 "某集团2025年安全生产工作总结\n一、应急\n4月中旬，修订印发集团供水突发事件应急预案。"
                 "上半年组织水源突发污染综合应急演练1次，9月份又开展了一次管网爆管抢修演练。\n")
    (limit,) = item.deadline_checks
    assert limit.verdict == "met" and limit.reported_text == "4月中旬", item.reason


@pytest.mark.parametrize("task, span, report, verdict, required, reported", [
    # a limit told as its own sentence: a report to the end of September owes all 30
    ("推进检查检验结果互认。互认项目不少于30项。2025年6月底前完成。", "前三季度",
     "推进检查检验结果互认，截至9月底，互认项目达到26项。", "unmet", 30, None),
    # the half days of the week named are a weekly count
    ("心理咨询室每周开放不少于3个下午，做好来访记录。", "", "心理咨询室坚持每周一、三、五下午开放，做好来访记录。", "met", None, 3),
    # a quoted name in the item's title sentence names what its figure counts
    ("实行“红黑榜”制度。每季度评选公布一次“分类示范小区”和“分类后进小区”。", "",
     "建立“红黑榜”制度，全年发布了两期，对3个示范小区予以表扬。", "unmet", None, 2),
    # a figure told again (又) adds to the one before
    ("开展惠企政策宣讲进园区、进商圈活动不少于6场。", "", "组织惠企政策宣讲进园区活动4场，走进商圈开展宣讲的又有3场。", "met", None, 7),
    ("开展惠企政策宣讲进园区、进商圈活动不少于6场。", "",
     "7月中旬组织宣讲进园区活动一次，8月上旬又连续两次走进商圈开展宣讲。", "unmet", None, 3),
    ("开展惠企政策宣讲进园区、进商圈活动不少于6场。", "", "组织惠企政策宣讲进园区活动4场。", "unmet", None, 4),
    # quarters run together (三四季度) each count
    ("院党委每季度至少专题研究1次党风廉政建设工作。", "", "院党委第一季度专题研究1次、第二季度2次、第三四季度各1次。", "met", None, 5),
    ("院党委每季度至少专题研究1次党风廉政建设工作。", "", "院党委第一季度专题研究1次、第二季度2次。", "unmet", None, 3),
    # last term's and this term's figures add up
    ("马克思主义学院每学期组织集体备课不少于4次。", "", "马克思主义学院上学期组织集体备课4次，这学期组织集体备课5次。", "met", None, None),
    ("马克思主义学院每学期组织集体备课不少于4次。", "", "马克思主义学院上学期组织集体备课4次。", "unmet", None, None),
    # what a count grew to, not where it stood (由205项扩展至236项)
    ("“一网通办”事项不少于230项。", "", "“一网通办”事项由205项扩展至236项。", "met", None, 236),
    # the bodies' figures after 分别 make a whole the plan asks of 全区
    ("读书月期间全区举办阅读推广活动不少于40场。", "",
     "读书月期间，区图书馆、区文化馆和各街道综合文化站分别举办阅读推广活动18场、9场和17场。", "met", None, 44),
    ("读书月期间区图书馆举办阅读推广活动不少于20场。", "",
     "读书月期间，区图书馆、区文化馆和各街道综合文化站分别举办阅读推广活动18场、9场和17场。", "unmet", None, 18),
    # a monthly rate begun in July has run six months of twelve
    ("各临床科室每月开展1次“九项准则”执行情况自查。", "", "自7月起，各临床科室按月开展“九项准则”执行情况自查。", "unmet", 12, 6),
    ("各临床科室每月开展1次“九项准则”执行情况自查。", "", "各临床科室按月开展“九项准则”执行情况自查。", "met", 12, 12),
    # months named with 月底, then 各
    ("党费每半年公示1次收缴情况。", "", "党费六月底和十二月上旬各张榜公示了一次。", "met", 2, 2),
    # a bare quarter's figure is that quarter's, each of those listed before 各; and 按季度 is a rate
    ("护理部每季度组织夜查房不少于2次。", "", "夜查房一季度、二季度各组织2次，三季度1次，四季度未单独安排。", "unmet", 8, 5),
    ("按季度开展1次遥感监测比对。", "", "遥感监测比对上半年两次，第三季度1次。", "unmet", 4, 3),
    ("集团安委会每季度召开1次全体会议。", "上半年", "一季度、二季度集团安委会各召开一次全体会议。", "met", 2, 2),
    # two months 分别 and a figure of two: one each, not two each
    ("每季度开展1次大气污染防治专项督查。", "", "4月、8月分别开展了两次大气污染防治专项督查。", "unmet", 4, 2),
    # the sum its sentence says is the whole's figure; the whole's figure before each unit's answers a whole
    ("全镇全年新增市场经营主体不少于10家。", "", "新型经营主体这块，全年新培育农民专业合作社6家、家庭农场8家，加起来十四家。", "met", None, 14),
    ("全院新立项院级课程思政示范课程不少于10门。", "", "全院新立项院级课程思政示范课程12门，每个专业均不少于3门。", "met", None, 12),
    # another kind of pipe is no answer
    ("全年更新改造老旧燃气管道不少于35公里。", "", "更新改造老旧供水管道36公里，解决了部分小区水压不足问题。", "unreported", None, None),
])
def test_one_quota_against_its_report(task, span, report, verdict, required, reported):
    item = _sole("某单位2025年工作计划\n一、任务\n1." + task + "\n",
                 "某单位2025年" + span + "工作总结\n一、任务\n" + report + "\n")
    (check,) = item.quota_checks
    assert check.verdict == verdict, item.reason
    assert required is None or check.required == required
    assert reported is None or check.reported_value == reported
