import datetime as dt

import pytest

import policytext
from policytext.analysis import analyze
from policytext.compare.checks import asks_a_check, check_deadlines, check_quotas, last_day
from policytext.compare.period import Period, summary_period
from policytext.compare.sentences import split


def quotas(text):
    return list(analyze(policytext.from_text("某局工作要点\n一、任务\n1." + text)).quotas)


def reported(text):
    return list(analyze(policytext.from_text("某局工作总结\n一、情况\n" + text)).quotas)


@pytest.mark.parametrize("plan, summary, months, required, verdict", [
    ("每季度至少开展1次专题学习。", "全年共开展专题学习4次。", 12, 4, "met"),
    ("每季度至少开展1次专题学习。", "全年共开展专题学习3次。", 12, 4, "unmet"),
    ("每季度至少开展1次专题学习。", "上半年开展专题学习2次。", 6, 2, "met"),  # a half-year report
    ("每月至少开展1次主题党日活动。", "开展主题党日活动**次。", 12, 12, "unverifiable"),
    ("每年至少讲1次专题党课。", "支部书记讲专题党课X次。", 12, 1, "unverifiable"),
    ("全年编发简报不少于12期。", "编发工作简报20期。", 12, 12, "met"),
    ("全年编发简报不少于12期。", "编发工作简报20期。", 6, 6, "met"),  # 时间过半，任务过半
    ("全年发展党员2-3名。", "全年发展党员2名。", 12, 2, "met"),
    ("全年发展党员2-3名。", "全年发展党员5名。", 12, 2, "unmet"),
    ("会议时长不超过2小时。", "会议时长均控制在2小时以内。", 12, 2, "met"),
    ("每周原则上只安排1次全局性会议。", "全年召开全局性会议40次。", 12, 52, "met"),  # 只: an upper bound
    # visits counted 个次 answer a count of 个 (each visit one of those to be checked)
    ("每月抽查小区不少于10个。", "物业管理科全年共抽查小区96个次。", 12, 120, "unmet"),
    ("局纪检组每半月抽查督导1次。", "局纪检组每月抽查督导2次。", 12, 24, "met"),  # a reported rate
    ("入党积极分子培训率达到100%。", "入党积极分子培训率100%。", 6, 100, "met"),  # rates never scale
    ("每季度至少开展1次专题学习。", "全年办结实事48件。", 12, 4, "unreported"),  # another unit
    ("每季度至少开展1次专题学习。", "全年组织业务培训6次。", 12, 4, "unreported"),  # another action
    ("第三季度举办党务干部培训班2期。", "9月份分两期举办党务干部培训班。", 12, 2, "met"),  # one quarter, not each
    ("群众办事等候时间控制在15分钟以内。", "群众办事平均等候时间12分钟。", 6, 15, "met"),  # a cap is not pro rata
    ("每月召开会议不超过2次。", "全年召开会议30次。", 12, 24, "unmet"),  # a cap per month adds up
    ("同一线路全年计划停电不超过2次。", "各线路计划停电次数均控制在2次以内。", 9, 2, "met"),  # a year's cap holds whole
    # a requirement of the whole is answered by the whole, not by a part that shares its words…
    ("全年接收进馆档案不少于8000卷。", "共接收档案8600卷，接收进馆的档案中会计档案有1200卷。", 12, 8000, "met"),
    # …but by the part when what sets it apart is what the requirement names
    ("全年抽查住宅电梯不少于400台。", "全年共抽查电梯、锅炉等特种设备652台，其中住宅电梯318台。", 12, 400, "unmet"),
    ("每季度通报1次调解数据。", "第一季度通报调解数据1次。", 6, 2, "unmet"),  # one quarter's count, not a rate
    ("每周开展1次教研活动。", "各年级组每两周开展一次教研活动。", 12, 52, "unmet"),
    ("每名员工全年接受安全教育培训不少于24学时。", "全年组织员工安全教育培训42场，人均完成18学时。", 12, 24,
     "unmet"),  # 完成 says nothing of what: the words before it do
    ("每月举办1次健康知识讲座。", "上半年举办健康知识讲座三场。", 6, 6, "unmet"),  # 场 and 次 count events alike
    ("每半年组织1次调解员集中培训。", "4月举办调解员集中培训班1期。", 6, 1, "met"),
    # what a requirement counts may follow its figure (每月组织1次“最美庭院”和村庄清洁评比)
    ("每月组织1次“最美庭院”和村庄清洁评比。", "全年开展村庄清洁评比三次。", 12, 12, "unmet"),
    ("每天安排不少于2名教师在校门口护学值守。", "每天安排3名教师在校门口护学值守。", 6, 2, "met"),  # a level, not a sum
    # one shared pair of characters in a long description is chance: 巡检 of 关键设备, not of 管网
    ("供水管网公司每季度对主干管网、阀门井、穿河过桥管段和加压泵站开展1次管网巡检。", "运行人员每日对关键设备巡检2次。", 12, 4,
     "unreported"),
    # the words after a figure stop where the next figure's begin: 12次 is 集中学习's, not 专题研讨's
    ("全年集中学习不少于12次、开展专题研讨不少于4次。", "中心组上半年集中学习7次、开展专题研讨2次。", 6, 6, "met"),
    # a bare measure (比率为) leans on the clause before it
    ("重度及以上污染天数比率控制在0.8%以内。", "优良天数比率为85.6%；重度及以上污染天数1天，比率为0.6%。", 6, 0.8, "met"),
    # where a measure stood (由上年的8%) is not what it reached (提高至12%)
    ("安全生产考核权重不低于10%。", "安全生产考核权重由上年的8%提高至12%。", 12, 10, "met"),
    ("每周开放时间不少于63小时。", "主馆每周开放时长由原来的56小时延长至66小时。", 12, 63 * 52, "met"),  # read with its rate
    # what a figure counts may follow it (推动XX家企业完成…源头替代), not only stand before it
    ("全市完成源头替代的企业不少于20家。", "共排查企业236家。推动XX家企业完成低VOCs含量原辅材料源头替代。", 12, 20,
     "unverifiable"),
    # a school term is one part of the year: its figures add up, 各 counts each
    ("每学期开展学术道德专题教育不少于2场。", "秋季学期举办学术道德专题讲座3场，春季学期举办2场。", 12, 4, "met"),
    ("每学期至少举办1次导师专题培训。", "秋季、春季学期各举办导师专题研修班1期。", 12, 2, "met"),
    # a year's parts add up to the year
    ("全年开展会员专享优惠活动不少于20场次。", "开展会员专享优惠活动，上半年9场、下半年13场。", 12, 20, "met"),
    # a change target is answered by a change only
    ("强对流天气预警提前量较上年延长5分钟以上。", "暴雨预警准确率91.3%，强对流预警提前量达到52分钟。", 12, 5, "unreported"),
    ("强对流天气预警提前量较上年延长5分钟以上。", "强对流天气预警提前量较上年延长6分钟。", 12, 5, "met"),
    # what is left of a whole (最后两个) is neither the whole nor what was done…
    ("实现调解平台与全县12个乡镇综治中心对接全覆盖。", "5月底，最后两个乡镇的综治中心完成接入，全县一个不落。", 12, 12,
     "unreported"),
    # …unless it is what the requirement asks for
    ("拆除城市建成区燃煤锅炉17台。", "城市建成区剩余的17台燃煤锅炉于7月15日全部拆除到位。", 12, 17, "met"),
    # a rate said later in its sentence to have risen is where the first figure stood
    ("安规考试合格率达到100%。", "首次考试合格率为95.4%，对不合格人员离岗补训补考，截至5月底考试合格率提升至100%。", 12, 100, "met"),
    # …not a figure of the same measure for something else (特殊使用级 beside 限制使用级)
    ("限制使用级抗菌药物治疗前送检率不低于50%。", "限制使用级抗菌药物治疗前送检率为58.4%，特殊使用级送检率达到86.1%。", 12, 50, "met"),
    # a figure whose clause names no kind of event is of the kind it reads back to (党课, not 警示教育)
    ("每半年至少召开1次警示教育大会，通报典型案例，组织党员干部到廉政教育基地参观学习。",
     "各基层党支部书记结合本支部业务讲廉政党课，上半年共讲授xx场。", 6, 1, "unreported"),
    # spoken: 一共做了 says how the count is told, not what it counts (the sentence does: 个案督导)
    # half days open are times open (每周安排2个下午开放 for 每周开放不少于3次)
    ("心理辅导室每周开放不少于3次。", "心理辅导室每周安排2个下午开放。", 12, 156, "unmet"),
    # a class is one 课时; a table row's figures before a rate name nothing, its label does
    ("开办银龄课堂，每期不少于8课时。", "银龄课堂每期都上了十节课。", 12, 8, "met"),
    ("重点领域抽查比例不低于5%。", "抽查领域\t抽查户数\t抽查比例\n重点领域\t386\t6.2%\n一般领域\t512\t3.5%\n", 12, 5, "met"),
    # an average to reach is a level, owed whole at half-time (not 1,250 of 2,500)
    ("生均教学仪器设备值初中达到2500元以上。", "初中生均教学仪器设备值为2380元。", 6, 2500, "unmet"),
    # the unit each must have it is no word of what is counted (保洁员 is: 每个村 says 每村 again)
    ("各村配备保洁员，每村不少于3名。", "14个村每个村都至少配了3名保洁员，全镇一共47名。", 12, 3, "met"),
    # work done to another target (对枪弹库开展安全检查) is no count of the requirement's (对各派出所…督察)
    ("每月对各派出所至少开展1次督察检查。", "每月对枪弹库开展安全检查，均未发现问题；督察大队第三季度共开展集中督察两次。", 3, 3,
     "unmet"),
    # …said of a list and with a spoken verb (对辖区沿街商铺、小餐馆搞了四轮消防检查)
    ("每季度对改造小区开展1次消防安全检查。", "我们联合消防救援站对辖区沿街商铺、小餐馆搞了四轮消防检查。", 12, 4, "unreported"),
    # a rate named inside the reported figure's own words is its measure (按时办结率 is no 回访率)
    ("建立投诉闭环机制，客户投诉回访率达到100%。", "投诉工单办结后由专人逐件电话回访，全年投诉工单按时办结率达到99.2%。", 12, 100,
     "unreported"),
    # two kinds of work joined by 和 for one figure add up (新建8个, 另有14个完成提档升级)…
    ("年内新建和提档升级村级文化服务中心不少于20个。", "新建村级文化服务中心8个，另有14个村级中心完成提档升级。", 12, 20, "met"),
    # …but not a part still under way
    ("新命名市级劳模和工匠人才创新工作室5家。", "新命名市级创新工作室3家，另有2家正在评审之中。", 12, 5, "unmet"),
    # a share (…占…的比例) is answered by no other rate; a report's 就业比例 is a 就业率 all the same
    ("线上调解案件占诉前调解案件的比例达到60%以上。", "诉前调解成功率38.6%，同比提高5.1个百分点。", 12, 60, "unreported"),
    ("培训后就业率达到85%以上。", "累计参训退役军人912人，培训后就业比例87.3%。", 12, 85, "met"),
    # a requirement of each unit said 以乡镇为单位 takes a figure of each unit (均在96%以上)
    ("适龄儿童国家免疫规划疫苗接种率以乡镇为单位保持在95%以上。",
     "全县以乡镇为单位国家免疫规划疫苗报告接种率均在96%以上。适龄儿童国家免疫规划疫苗补种率78.3%。", 12, 95, "met"),
    ("全年送戏下乡不少于150场。", "县剧团深入乡村开展送戏下乡演出一百二十八场。", 12, 150, "unmet"),  # a Chinese numeral
    ("每学期组织个案督导不少于4次。", "专业督导方面，我们请了校外专家来做个案督导，全年一共做了六次，比目标少了一些。", 12, 8, "unmet"),
    # a change of another measure (投诉率同比下降了…) is no 回访率, whatever the words around it
    ("客户投诉工单回访率达到100%。", "投诉工单，回访率是百分之百，百万客户投诉率同比下降了百分之十二点四。", 12, 100, "met"),
    # the year's figure answers the year's target before a half year's told first
    ("全年开展带电作业不少于600次。", "带电作业上半年干了三百一十次，截至12月20日，全年累计干了六百三十多次。", 12, 600, "met"),
])
def test_quota_check(plan, summary, months, required, verdict):
    (q,) = quotas(plan)[:1]
    (c,) = check_quotas([q], reported(summary), months, one_year_plan=True,
                        plan_text="某局工作要点\n一、任务\n1." + plan, summary_text="某局工作总结\n一、情况\n" + summary)
    assert c.verdict == verdict
    assert c.required == pytest.approx(required)
    d = c.to_dict()
    assert d["verdict"] == verdict and d["quota"] == q.text


@pytest.mark.parametrize("summary, values", [
    ("城镇、农村居民人均可支配收入分别达到44260元、21870元，分别增长5.6%和7.3%。", [5.6, 7.3]),
    ("城镇居民人均可支配收入增长5.6%，农村居民人均可支配收入增长7.3%。", [5.6, 7.3]),
])
def test_figures_listed_after_fenbie_answer_in_their_order(summary, values):
    """分别增长5.5%和7%: the second figure is the second subject's (农村), answered by the report's
    second (7.3%), not by the least of the report's list (人均 is an average, not 均 of a list)."""
    plan = "城镇、农村居民人均可支配收入分别增长5.5%和7%。"
    figures = [r for r in reported(summary) if r.unit == "%"]
    checks = check_quotas(quotas(plan), figures, 12, one_year_plan=True,
                          plan_text="某局工作要点\n一、任务\n1." + plan, summary_text="某局工作总结\n一、情况\n" + summary)
    assert [(c.reported_value, c.verdict) for c in checks] == [(v, "met") for v in values]


@pytest.mark.parametrize("title, opening, months, label", [
    ("某局2025年上半年安全生产工作总结", "", 6, "上半年"),
    ("某局2025年1-9月工作情况报告", "", 9, "前三季度"),
    ("某局2025年第一季度工作总结", "", 3, "一季度"),
    ("某局2024年工作总结", "2024年上半年我们开展了…", 6, "上半年"),
    ("某局2024年工作总结", "2024年，我局扎实推进各项工作。", 12, "全年"),
    ("柏溪中学2025年春季学期安全工作总结", "本学期，学校始终坚持安全第一。", 5, "本学期"),  # a school term
    # a progress report to a cut-off says how far into the year it runs
    ("中共某委员会关于巡察反馈问题整改进展情况的报告", "县委巡察工作领导小组：\n2024年1月，巡察组反馈了意见。现将截至2024年6月底的整改进展"
     "情况报告如下。", 6, "截至6月底"),
    ("某局2024年工作总结", "截至11月底，全市新增就业1.2万人。", 12, "全年"),  # a figure's cut-off, not the report's
    ("某大学关于专项检查反馈问题整改情况的报告", "省教育厅：\n2023年12月，检查组反馈了意见。截至2024年6月30日，已完成整改9个。"
     "现将有关情况报告如下：", 6, "截至6月底"),  # the paragraph introducing the report gives its cut-off
    # under an addressee line, the sentence that introduces the report says the period
    # a report whose first section looks back on half a year covers half a year
    ("昭南物流集团2024年安全生产工作报告", "各位代表：\n现在，我代表集团作工作报告。\n一、上半年工作回顾\n上半年开展检查3次。", 6, "上半年"),
    # a 文号 above the title: the opening is under the title, not the title itself
    ("东澜港集团〔2025〕41号\n东澜港务集团有限公司关于督查反馈问题整改进展情况的报告", "省安委办：\n2024年12月，督查组反馈问题10个。"
     "现将截至2025年6月30日的整改进展情况报告如下：", 6, "截至6月底"),
    ("中共某乡委员会关于巡察整改进展情况的报告", "县委巡察工作领导小组：\n2024年2月，县委巡察组向我乡反馈了巡察意见，乡党委高度重视，"
     "逐项明确整改措施、责任人和整改时限，整改工作有序推进，取得阶段性成效。现将上半年整改进展情况报告如下。", 6, "上半年"),
    # a progress report gives how far it reports in its overall section, not its introduction
    ("中共某局党组关于巡视反馈意见整改进展情况的报告", "县委巡视办：\n现将我局巡视反馈问题整改进展情况报告如下。\n一、整改工作总体情况\n"
     "1月10日印发整改方案。截至2025年6月30日，11项问题中已完成整改7项。\n二、整改进展\n完成了。", 6, "截至6月底"),
    # a 文号 line under the title is not the opening either
    ("某县人民检察院关于专项监督活动开展情况的报告\n某检报〔2025〕31号", "市人民检察院：\n2025年5月6日至11月30日，我院开展了"
     "专项监督活动。", 11, "5月至11月"),
    ("某局关于巡察反馈意见整改情况的报告", "2024年4月12日，巡察组反馈了巡察意见。半年多来，局党组认真整改。", 12, "全年"),  # not 上半年
    # pasted as one line, its title run on into its 文号 and opening: the opening is still read
    ("某局关于专项整治整改情况的报告 某卫健报〔2024〕46号 区委巡察办：按照部署，我局梳理问题12个。截至2024年9月底，12个问题"
     "已完成整改8个。现将整改情况报告如下：一、整改工作开展情况（一）强化组织推动。" + "局党组召开专题会议研究部署整改工作，"
     "逐项明确整改措施和责任人。" * 6 + "（二）聚焦重点问题。完成了。二、下一步工作打算一是巩固成果；二是建立长效机制。", None, 9, "截至9月底"),
    ("中共某局党组关于巡视反馈意见整改情况的报告", "县委巡视办：\n现将整改情况报告如下。\n一、总体情况\n"
     "截至2025年6月30日，已完成整改7项。\n二、整改进展\n完成了。", 12, "全年"),  # no progress report: a figure's cut-off
    # a speech's byline and its addressee stand between its title and its opening
    ("在全院诉源治理工作推进会上的讲话", "院长  陈立新\n同志们：\n今天召开推进会，主要是回过头来看一看，年初定的工作要点上半年落实得怎么样。",
     6, "上半年"),
    ("在全县安全生产工作会议上的讲话", "（2025年7月10日）\n同志们：\n今天开会，总结上半年工作。", 6, "上半年"),
    # the year's report tells of an occasion in the first half year: still the year's
    ("在社区居民议事会上的工作汇报", "大家下午好！一年又快过去了，今天主要是把今年社区的工作跟大家汇报汇报。"
     "这是今年第二次开议事会，上半年6月份开过一次。", 12, "全年"),
    ("在社区居民议事会上的工作汇报", "大家好！今年上半年，社区重点抓了几件事，跟大家汇报一下。", 6, "上半年"),
])
def test_summary_period(title, opening, months, label):
    text = f"{title}\n{opening or '现将情况总结如下。'}\n一、工作\n完成了。" if opening is not None else title  # one line
    a = analyze(policytext.from_text(text))
    p = summary_period(a)
    assert (p.months, p.label) == (months, label)


@pytest.mark.parametrize("opening, label, due, since, end", [
    ("2025年4月至9月，我局按照方案部署，在全区组织开展了专项整治行动。", "4月至9月", 6, dt.date(2025, 4, 1), dt.date(2025, 9, 30)),
    ("2025年11月1日至2026年3月31日，我县组织开展了冬春火灾防控工作。", "2025年11月至2026年3月", 5, dt.date(2025, 11, 1),
     dt.date(2026, 3, 31)),  # a campaign over the new year
    ("2025年1月至6月，全区扎实推进各项工作。", "1月至6月", 6, None, dt.date(2025, 6, 30)),
    ("2025年9月1日至12月10日，支队在全市组织开展了“百日攻坚”行动。", "9月至12月10日", 3, dt.date(2025, 9, 1),
     dt.date(2025, 12, 10)),  # closes mid-month; the writer named as itself
    ("2025年3月11日至6月30日，按照县政府部署，我局开展了校园安全专项整治行动。", "3月至6月", 4, dt.date(2025, 3, 1),
     dt.date(2025, 6, 30)),  # opens mid-month: its first month is owed
    ("按照市政府工作部署和《某市2025年食品安全春夏季专项整治行动方案》（某市监发〔2025〕17号）要求，2025年4月至9月，"
     "我局在全市组织开展了专项整治行动。", "4月至9月", 6, dt.date(2025, 4, 1), dt.date(2025, 9, 30)),  # after whose orders
    # someone else's dates are not the report's period
    ("2024年10月1日至12月20日，省委巡视组对我县开展了巡视。", "全年", 12, None, dt.date(2025, 12, 31)),
])
def test_a_campaign_report_covers_its_months(opening, label, due, since, end):
    """Its periodic quotas are owed for the campaign's months: 每月1次 over 4月至9月 is 6."""
    p = summary_period(analyze(policytext.from_text(f"某局2025年专项整治工作总结\n{opening}现将情况总结如下。\n一、工作\n完成了。")))
    assert (p.label, p.due_months, p.since, p.end) == (label, due, since, end)
    assert p.to_dict()["due_months"] == due


def test_a_campaign_owes_its_rates_for_its_months():
    plan = "某区2025年市容整治行动方案\n一、整治任务\n1.每月对在建工地开展1次全覆盖检查。\n2.每周开展联合执法不少于3次。"
    summary = ("某区2025年市容整治行动总结\n2025年4月至9月，我局组织开展了市容整治行动。\n一、工作情况\n"
               "对全区在建工地开展全覆盖检查，共计6次。每周安排联合执法2次。")
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    checks = {it.task.path: [(q.verdict, q.required) for q in it.quota_checks] for it in c.items}
    assert checks["一/1"] == [("met", 6)]
    assert checks["一/2"][0][0] == "unmet"
    assert "按4月至9月折算" in c.items[1].reason


def test_period_end():
    assert Period(12, "全年", 2024).end == dt.date(2024, 12, 31)
    assert Period(6, "上半年", 2025).end == dt.date(2025, 6, 30)
    assert Period(12, "全年", None).end is None


@pytest.mark.parametrize("title, end", [
    ("云溪二中2024年秋季学期教学工作总结", dt.date(2025, 1, 31)),  # an autumn term runs into January
    ("云溪二中2024年春季学期教学工作总结", dt.date(2024, 7, 31)),
    ("云溪二中2024年第一学期教学工作总结", dt.date(2025, 1, 31)),
    ("云溪二中2024年本学期教学工作总结", None),  # which term is not said: no deadline is "not due yet"
])
def test_a_school_term_ends_when_the_term_does(title, end):
    p = summary_period(analyze(policytext.from_text(f"{title}\n现将情况总结如下。\n一、工作\n完成了。")))
    assert (p.months, p.label, p.end) == (5, "本学期", end)


def test_a_progress_report_to_a_cut_off_owes_whole_targets():
    """截至6月底的整改进展: 每季度1次 is due twice, but 新增3所 is due whole (2所 is short)."""
    plan = ("某县卫健委巡察整改方案\n一、整改任务\n1.每季度开展1次明察暗访。\n2.新增3所乡镇卫生院达到推荐标准。")
    summary = ("某县卫健委关于巡察整改进展情况的报告\n县委巡察办：\n现将截至2024年6月底的整改进展情况报告如下。\n"
               "一、整改情况\n上半年开展明察暗访2次。新增2所乡镇卫生院达到推荐标准。")
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    assert c.period.label == "截至6月底"
    checks = {it.task.path: [q.verdict for q in it.quota_checks] for it in c.items}
    assert checks == {"一/1": ["met"], "一/2": ["unmet"]}


@pytest.mark.parametrize("plan, summary, verdict", [
    ("2024年6月底前完成全员轮训。", "机关党委于2024年5月底完成全员轮训。", "met"),
    ("2024年6月底前完成全员轮训。", "全员轮训于2024年7月10日完成。", "missed"),
    ("2024年10月中旬开展中期评估。", "10月中旬完成中期评估。", "met"),
    ("2024年3月至9月集中整治。", "集中整治于2024年9月15日完成。", "met"),  # a month-only stage end
    ("2025年11月底前形成总结报告。", "各项工作有序推进。", "not_due"),
    ("2024年6月底前完成全员轮训。", "全员轮训已经开展。", "unreported"),
    ("2024年10月底前完成健康体检。", "健康体检于2024年11月中旬才全部完成。", "missed"),
    ("2024年4月底前评选命名“澄阳工匠”10名。", "“澄阳工匠”评了10名，5月下旬才正式发布。", "missed"),  # 发布 completes
    ("2024年7月底前完成贷后补查。", "个人金融部于8月20日全部补查完毕。", "missed"),  # 完毕 completes
    ("2024年6月底前全部开工。", "12个老旧小区改造项目于2024年7月中旬全部开工。", "missed"),
    # an event held, shown, put up or recovered is completed on its date
    ("2024年10月底前举办1次青年班主任经验交流会。", "青年班主任经验交流会于11月下旬举办。", "missed"),
    ("2024年6月底前完成原创剧目创排并首演。", "原创越剧于8月下旬在市大剧院首演。", "missed"),
    ("2024年3月底前在门户网站公示项目清单。", "项目清单直到4月18日才在县政府门户网站公示。", "missed"),
    ("2024年6月底前收回存量资金。", "6月12日，已将存量资金563.2万元全部收回总预算。", "met"),
    ("2024年9月10日前完成公厕提档升级。", "受持续降雨影响，公厕9月20日才全部完工并投入使用。", "missed"),  # built late
    ("2024年4月20日前完成自查总结。", "4月下旬，各村陆续交了自查报告。", "missed"),  # handed in late
    ("2024年9月中旬前召开各班新学期家长会。", "10月上旬各班家长会才全部开完。", "missed"),  # spoken: 开完 completes
    ("2024年6月30日前与区人民医院签订双向转诊协议。", "双向转诊协议一直拖到7月8日才正式签约。", "missed"),  # 签约 completes
    ("2024年5月中旬前完成青年教师优质课比赛评选。", "优质课比赛一直到6月上旬才评出结果。", "missed"),  # 评出 completes
    ("2024年6月底前推出3类个性化签约服务包。", "三类个性化服务包到7月中旬才推出。", "missed"),  # 推出 completes
    ("2024年4月底前完成全校学生心理健康测评。", "测评四月初就启动了，五月中旬才全部测完。", "missed"),  # spoken: 测完 completes
    ("2024年5月底前更新少先队队室布置。", "队室布置一直拖到六月中旬才弄完。", "missed"),  # spoken: 弄完 completes
    # the work's own completion, not the later check of it, unless the check is the task
    ("2024年9月底前完成高标准农田建设任务。", "高标准农田9月中旬全部完工，10月下旬通过县级验收。", "met"),
    ("2024年9月底前全部完成户厕竣工验收。", "户厕8月底全部完成施工，10月中旬通过县级竣工验收。", "missed"),
    # a day to hold it on, and work running over that day
    ("围绕2024年4月23日世界读书日举办读书节。", "4月中旬至5月中旬，举办第十届读书节。", "met"),
    ("2024年4月23日前举办读书节。", "4月中旬至5月中旬，举办第十届读书节。", "missed"),
    # a month reported runs over the part of it the work was to be held in
    ("2024年9月中下旬集中开展全国科普日活动。", "9月全国科普日期间，全市共举办各类科普活动236场。", "met"),
    # 举行 completes: the contest was held, late
    # work running from before the limit to the report's close is a practice kept, not a late end
    ("2024年8月底前实现非紧急警情100%回访。", "6月下旬至12月底共完成回访4216人次，回访率100%。", "met"),
    ("2024年8月底前完成非紧急警情回访。", "6月下旬至10月底，完成回访4216人次。", "missed"),  # (ended before the close)
    ("2024年11月中旬举办校园劳动技能大赛。", "校园劳动技能大赛推迟至12月上旬举行，参赛学生326人。", "missed"),
    # spoken: the games 才开起来 (were finally held) late
    ("2024年10月中旬举办秋季田径运动会。", "秋季运动会因为连续下雨一推再推，一直到10月31号到11月1号才开起来。", "missed"),
    # files put together in full (建齐) complete the work
    ("2024年10月31日前建立“一机构一档”管理制度。", "因个别机构补充材料较慢，“一机构一档”档案11月下旬才全部建齐。", "missed"),
])
def test_deadline_check(plan, summary, verdict):
    p = analyze(policytext.from_text("某局2024年工作要点\n一、任务\n1." + plan))
    s = analyze(policytext.from_text("某局2024年工作总结\n一、情况\n" + summary))
    sents = split(s)
    rep = [(d, x) for d in s.dates for x in sents if x.start <= d.start < x.end]
    (c,) = check_deadlines(p.deadlines[:1], rep, dt.date(2024, 12, 31), asks_a_check(plan))
    assert c.verdict == verdict


@pytest.mark.parametrize("iso, day", [("2024-09", "2024-09-30"), ("2024-02", "2024-02-29"),
                                      ("2024-12", "2024-12-31"), ("2024-05-03", "2024-05-03")])
def test_last_day(iso, day):
    assert last_day(iso) == day


@pytest.mark.parametrize("plan, summary, verdict, value, derived", [
    ("隐患整改率达到100%。", "开展安全生产大检查4次，排查隐患86处，整改84处。", "unmet", 97.7, "84÷86=97.7%"),
    ("隐患整改率达到95%。", "排查隐患86处，已整改84处。", "met", 97.7, "84÷86=97.7%"),
    ("信访事项办结率达到100%。", "受理信访事项12件，均已办结12件。", "met", 100, "12÷12=100%"),
    ("覆盖二级以上医院100%。", "开展专项检查4轮，二级以上医院实现全覆盖。", "met", 100, "100%"),
    # all those due, and all settled, said in words
    ("一线班组长专题培训覆盖率100%。", "分七期组织一线班组长专题培训，参训1260人次，做到应训尽训。", "met", 100, "100%"),
    ("矛盾纠纷调处率达到100%。", "全年调解邻里纠纷二十七起，全部调处到位。", "met", 100, "100%"),
    ("隐患整改率达到100%。", "共排查外破隐患236处，建立隐患台账，已整改229处。", "unmet", 97.0, "229÷236=97%"),
    ("隐患整改率达到100%。", "开展志愿服务86次，参加84次。", "unreported", None, None),  # not a completion
    ("隐患整改率达到100%。", "受理投诉86件，办结84件。", "unreported", None, None),  # about something else
    ("问题整改销号率达到100%。", "排查发现各类问题38个，已经整改销号31个。", "unmet", 81.6, "31÷38=81.6%"),
    # a clause with a figure of its own between the two counts; 结案 closes a case
    ("违法用地案件结案率达到90%以上。", "立案查处违法用地案件38件，涉及土地面积196.4亩，已结案34件。", "unmet", 89.5, "34÷38=89.5%"),
    # a part of a total said with 中
    ("机关党支部达标率达到100%。", "156个机关党支部中已有142个通过达标验收。", "unmet", 91.0, "142÷156=91%"),
    # what was found in one sentence, what was done in the next
    ("隐患整改率达到100%。", "共发现一般隐患37处，均已建立隐患清单和整改台账。截至6月底，已完成整改33处；其余4处正在整改中。",
     "unmet", 89.2, "33÷37=89.2%"),
    # a count of general hazards gives no rate of major ones
    ("重大事故隐患整改率达到100%。", "上半年共排查一般隐患137项，已整改销号133项。", "unreported", None, None),
    # cadres moved to other posts out of those found
    ("交流轮岗比例不低于50%。", "梳理出在关键岗位任职时间较长的中层干部12人，已交流轮岗4人。", "unmet", 33.3, "4÷12=33.3%"),
])
def test_rates_read_from_words(plan, summary, verdict, value, derived):
    (q,) = quotas(plan)
    text = "某局工作总结\n一、情况\n" + summary
    at = text.index(summary)
    (c,) = check_quotas([q], [], 12, True, "某局工作要点\n一、任务\n1." + plan, text, [(summary, at)])
    assert (c.verdict, c.reported_value, c.derived) == (verdict, value, derived)
    if c.reported is not None:  # the figure's offsets point into the summary
        assert text[c.reported.start:c.reported.end] == c.reported.text


def test_a_document_pasted_as_one_line_gives_its_period_from_its_first_words():
    doc = analyze(policytext.from_text("石桥村2025年上半年人居环境整治工作总结 今年以来，我村认真贯彻落实部署。"
                                       "一、主要做法 上半年共清运积存垃圾四十余吨。二、下一步打算 继续推进。"))
    assert summary_period(doc).months == 6


def test_several_limits_are_answered_by_completions_in_order():
    """完成时限：6月底前、12月底前 against 6月、11月先后两次完成: each limit met by its own."""
    p = analyze(policytext.from_text("某局2024年工作要点\n一、任务\n1.每半年开展1次专项排查（完成时限：2024年6月底前、12月底前）。"))
    s = analyze(policytext.from_text("某局2024年工作总结\n一、情况\n6月、11月先后完成两次专项排查。"))
    sents = split(s)
    rep = [(d, x) for d in s.dates for x in sents if x.start <= d.start < x.end]
    assert [d.date for d in p.deadlines] == ["2024-06-30", "2024-12-31"]
    checks = check_deadlines(p.deadlines, rep, dt.date(2024, 12, 31))
    assert [(c.reported, c.verdict) for c in checks] == [("2024-06", "met"), ("2024-11", "met")]
    late = analyze(policytext.from_text("某局2024年工作总结\n一、情况\n8月、11月先后完成两次专项排查。"))
    rep_late = [(d, x) for d in late.dates for x in split(late) if x.start <= d.start < x.end]
    assert [c.verdict for c in check_deadlines(p.deadlines, rep_late, dt.date(2024, 12, 31))] == ["missed", "met"]


def test_a_limit_without_a_date_keeps_its_place_among_the_limits():
    """11月上旬组织期中考试，考后一周内召开分析会: the exam's dates answer 11月上旬; the meeting's
    11月12日 answers the relative limit, which has no date to miss."""
    p = analyze(policytext.from_text("某校2024年秋季学期教学工作计划\n一、任务\n1.11月上旬组织期中考试，考后一周内召开质量分析会。"))
    s = analyze(policytext.from_text("某校2024年秋季学期教学工作总结\n一、情况\n11月5日至7日组织了期中考试，11月12日召开质量分析会。"))
    rep = [(d, x) for d in s.dates for x in split(s) if x.start <= d.start < x.end]
    checks = check_deadlines(p.deadlines, rep, dt.date(2025, 1, 31))
    assert [(c.deadline.text, c.verdict) for c in checks][0] == ("11月上旬", "met")


def test_one_total_for_several_requirements_answers_their_sum():
    plan = "帮助失业人员再就业2500人以上，就业困难人员实现就业800人以上。"
    summary = "帮助失业人员再就业、就业困难人员实现就业合计3100人。"
    qs = quotas(plan)
    got = check_quotas(qs, reported(summary), 12, one_year_plan=True, plan_text="某局工作要点\n一、任务\n1." + plan,
                       summary_text="某局工作总结\n一、情况\n" + summary)
    assert [(c.verdict, c.required, c.derived) for c in got] == [("unmet", 3300, "2500+800=3300")] * 2
    # two figures of their own are each checked on their own
    got = check_quotas(qs, reported("帮助失业人员再就业2600人，就业困难人员实现就业820人。"), 12, one_year_plan=True,
                       plan_text="某局工作要点\n一、任务\n1." + plan,
                       summary_text="某局工作总结\n一、情况\n帮助失业人员再就业2600人，就业困难人员实现就业820人。")
    assert [c.verdict for c in got] == ["met", "met"]


def test_a_rectification_plan_owes_its_periodic_work_from_its_issue_date():
    """整改方案 dated 2024年7月3日 against a year-end report: 每季度1次 is owed twice, a year's
    target whole."""
    from policytext.compare.period import pair_period

    plan = ("关于县委巡察反馈意见的整改方案\n一、整改任务\n1.每季度对落实情况抽查1次。\n2.全年集中学习不少于12次。\n"
            "中共某县教育局党组\n2024年7月3日\n")
    summary = ("关于县委巡察反馈意见整改情况的报告\n一、整改情况\n9月、12月两次对落实情况开展抽查。全年集中学习7次。\n"
               "中共某县教育局党组\n2024年12月20日\n")
    p = pair_period(analyze(policytext.from_text(plan)), analyze(policytext.from_text(summary)))
    assert (p.months, p.due_months, p.since) == (12, 6, dt.date(2024, 7, 3))
    assert p.due_label == "7月3日方案印发以来" and p.to_dict()["months"] == 12
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    checks = {it.task.path: [(q.verdict, q.required) for q in it.quota_checks] for it in c.items}
    assert checks == {"一/1": [("met", 2)], "一/2": [("unmet", 12)]}
    # a plan that is no rectification plan is owed over the whole period
    assert pair_period(analyze(policytext.from_text(plan.replace("整改方案", "工作方案"))),
                       analyze(policytext.from_text(summary))).due_months == 12


@pytest.mark.parametrize("done, status, verdict", [
    ("4月下旬，已将应缴未缴的非税收入856万元全额缴入国库。", "implemented", "met"),
    ("应缴未缴的非税收入856万元，于6月中旬才全额缴入国库。", "partial", "missed"),
])
def test_a_rectification_report_of_an_audited_year_is_read_in_its_plans_year(done, status, verdict):
    """关于2024年度…审计查出问题整改情况的报告: the title names the year audited; the work, and the
    report's dates, are of the year the plan's time limits fall in (2025), not 2024."""
    # (its opening, longer than the reach where a finding's date is looked for, names no later year)
    opening = "为切实抓好审计查出问题整改，严肃财经纪律，提高财政资金使用绩效，结合实际，制定本方案。" * 10
    plan = ("某县2024年度县本级预算执行审计查出问题整改工作方案\n" + opening + "\n一、整改任务\n"
            "1.督促相关单位将应缴未缴的非税收入856万元全额缴入国库。（整改时限：2025年5月31日前）\n")
    summary = ("关于某县2024年度县本级预算执行审计查出问题整改情况的报告\n一、整改情况\n" + done + "\n")
    p, s = analyze(policytext.from_text(plan)), analyze(policytext.from_text(summary))
    assert (p.year, s.year) == (2025, 2024)  # (read alone, the report has only its title's year)
    c = policytext.compare(p, s)
    assert c.period.year == 2025
    (item,) = c.items
    assert item.status == status and [d.verdict for d in item.deadline_checks] == [verdict]


def test_a_progress_report_pasted_as_one_line_gives_its_cut_off():
    """No title line: its first words say it is a progress report (整改进展情况的报告), its opening
    says how far it reports (截至2024年6月30日)."""
    line = ("中共某镇委员会关于县委巡察组反馈问题整改进展情况的报告 县委巡察工作领导小组办公室：2024年3月12日，县委巡察组向我镇"
            "党委反馈了巡察意见。截至2024年6月30日，已基本完成整改6个，其余5个正在按时序推进。现将整改进展情况报告如下："
            "一、扛牢整改主体责任巡察反馈后，镇党委第一时间召开专题会议研究部署整改工作。二、逐项推进问题整改上半年共开展集体学习7次。")
    p = summary_period(analyze(policytext.from_text(line)))
    assert (p.months, p.label) == (6, "截至6月底")


@pytest.mark.parametrize("plan, summary, value", [
    # a requirement of each unit is answered by a figure of each unit, not by the total
    ("每校开设不少于15个兴趣社团。", "全区共开设兴趣社团612个，校均13个。", 13),
    ("每名党员全年集中学习不少于32学时。", "全年共组织集中学习4200学时，党员人均集中学习36学时。", 36),
    ("全区开设兴趣社团不少于500个。", "全区共开设兴趣社团612个，校均13个。", 612),  # a total answers a total
])
def test_a_requirement_of_each_unit_takes_a_figure_of_each_unit(plan, summary, value):
    text = "某局工作总结\n一、情况\n" + summary
    (c,) = check_quotas(quotas(plan), reported(summary), 12, True, "某局工作要点\n一、任务\n1." + plan, text)
    assert c.reported_value == value


def test_a_figure_in_the_plans_own_measure_word_wins_a_tie():
    """每月举办1期 against 共举办各类科普活动236场 and 举办7期: both share 举办, the 期 answers."""
    plan = "每月举办1期，邀请专家作报告。"
    summary = "全市共举办各类科普活动236场。“科学讲堂”1—9月举办7期，邀请专家作报告。"
    (c,) = check_quotas(quotas(plan), reported(summary), 9, True, "某协会工作要点\n一、任务\n1." + plan,
                        "某协会工作总结\n一、情况\n" + summary)
    assert c.reported_value == 7 and c.verdict == "unmet"


def test_a_consumption_season_is_a_campaign_too():
    plan = ("某区2024年消费促进季活动实施方案\n    活动时间为2024年4月1日至6月30日。\n一、主要活动\n1.活动期间开展价格专项检查，每月不少于2次。\n"
            "2.开展促消费活动。\n")
    summary = "某区消费促进季活动总结\n    现将活动情况报告如下。\n一、主要做法\n开展价格专项检查，共计7次。开展促消费活动。\n"
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    assert c.period.label == "4月至6月" and c.items[0].quota_checks[0].verdict == "met"


def test_a_campaign_plan_owes_from_its_first_month():
    """利用5月至10月时间…开展集中攻坚行动, reported to 截至8月底: weekly quotas are owed for May to
    August (17 weeks, within half a round), not for January to August."""
    plan = ("某镇2024年农村人居环境整治集中攻坚行动方案\n    镇政府决定，利用5月至10月时间，在全镇开展集中攻坚行动。\n"
            "一、重点任务\n1.镇督查组每周开展不少于1次暗访督查。\n2.开展村庄清洁行动。\n")
    summary = ("某镇农村人居环境整治集中攻坚行动推进情况汇报\n    下面，我汇报推进情况。\n一、总的进展情况\n"
               "截至8月底，镇督查组坚持每周暗访，共发出督查通报17期。\n二、村庄清洁\n各村开展村庄清洁行动。\n")
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    (check,) = c.items[0].quota_checks
    assert c.period.label == "5月至8月" and c.period.due_months == 4
    assert check.verdict == "met" and round(check.required, 1) == 17.3


def test_a_campaign_plan_sets_the_period_of_a_report_that_names_none():
    """A 安全生产月 plan's stages (5月25日 to 6月30日) against a report that names no period: weekly
    quotas are owed for the campaign's five weeks, not for a year."""
    plan = ("某市2024年“安全生产月”活动实施方案\n    活动分三个阶段进行：动员部署阶段（5月25日至5月31日）；集中开展阶段"
            "（6月1日至6月25日）；总结提升阶段（6月26日至6月30日）。\n一、主要活动\n1.市局每周编发活动简报1期。\n2.开展应急演练。\n")
    summary = ("某市应急管理局关于2024年“安全生产月”活动开展情况的报告\n    现将活动开展情况报告如下。\n一、主要做法\n"
               "市局共编发活动简报五期。各地开展应急演练。\n")
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    (check,) = c.items[0].quota_checks
    assert c.period.label == "5月至6月" and c.period.due_months == 1
    assert check.verdict == "met"


def test_a_term_plan_sets_the_period_of_a_report_that_names_none():
    """A term's plan against a speech at the term's end that names no period: the term's quotas are
    owed once, not twice as over a year."""
    plan = ("青溪县第二中学德育处2024—2025学年第二学期工作计划\n一、常规工作\n1.全学期安排国旗下讲话不少于16次。\n"
            "2.学期内组织全校应急疏散演练不少于2次。\n")
    summary = "在期末全体教师会上的发言\n老师们：\n这学期国旗下讲话一共讲了十八次。应急疏散演练搞了两次。\n"
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    assert c.period.label == "本学期" and c.period.months == 5
    assert [q.verdict for it in c.items for q in it.quota_checks] == ["met", "met"]
    year_end = summary.replace("在期末全体教师会上的发言", "2025年工作总结")
    assert policytext.compare(policytext.from_text(plan.replace("2024—2025学年第二学期", "2025年")),
                              policytext.from_text(year_end)).period.label == "全年"


def test_a_staged_target_is_judged_at_its_due_stage():
    plan = ("某镇2024年农村人居环境整治集中攻坚行动方案\n    镇政府决定，利用5月至10月时间，在全镇开展集中攻坚行动。\n"
            "一、重点任务\n1.实施户厕改造。年内新（改）建卫生户厕300户，8月底前完成不少于200户。\n2.开展村庄清洁行动。\n")
    summary = ("某镇农村人居环境整治集中攻坚行动推进情况汇报\n    下面，我汇报推进情况。\n一、总的进展情况\n"
               "截至8月底，全镇新（改）建卫生户厕216户。\n二、村庄清洁\n各村开展村庄清洁行动。\n")
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    item = c.items[0]
    assert [q.quota.text for q in item.quota_checks] == ["不少于200户"] and item.status == "implemented"


@pytest.mark.parametrize("text, measure", [
    ("全县住宅小区物业服务覆盖率由年初的61%提高到78%", "覆盖"),  # where it came from first
    ("年底前全县业委会组建率力争达到50%", "组建"),
    ("被评议部门的满意率分别为91.2%和88.7%", "满意"),  # the second of two figures of one measure
])
def test_the_measure_a_percentage_is_of(text, measure):
    from policytext.compare.checks import _measure

    (q,) = [x for x in analyze(policytext.from_text(text + "。")).quotas if x.text.endswith(text[-3:])]
    assert _measure(q, text + "。") == measure


@pytest.mark.parametrize("months, required", [(6, 200000), (12, 450000)])
def test_a_half_year_milestone_is_what_the_years_target_asks_by_then(months, required):
    plan = "全年完成数字化扫描45万画幅以上，其中上半年完成不少于20万画幅。"
    year, half = quotas(plan)
    summary = ("上半年" if months == 6 else "全年") + "共完成数字化扫描21.6万画幅。"
    checks = check_quotas([year, half], reported(summary), months, one_year_plan=True,
                          plan_text="某局工作要点\n一、任务\n1." + plan, summary_text="某局工作总结\n一、情况\n" + summary)
    assert checks[0].required == required


def test_abbreviations_share_their_concept():
    from policytext import lexicon

    c = lexicon.concepts()
    assert c.of["电诈"] == c.of["防范电信诈骗"] == c.of["电信诈骗"]
    assert c.of["支委会"] == c.of["支部委员会"]  # 全年共召开支委会216次 for 每月召开1次支部委员会


@pytest.mark.parametrize("formulation, step", [
    ("四议两公开", "党员大会审议"), ("四议两公开", "村民代表会议决议"), ("三重一大", "重要人事任免"),
])
def test_a_formulation_is_reported_by_its_steps(formulation, step):
    """A summary tells the steps of a fixed formulation instead of its name (支委会提议、两委会议商议、
    党员大会审议、村民代表会议决议 for 四议两公开)."""
    from policytext import lexicon

    c = lexicon.concepts()
    assert c.of[formulation] == c.of[step]


def test_a_seasonal_plan_is_a_campaign_too():
    """A summer plan run 6月1日至9月30日 against a report that names no period of its own: 每月至少1次
    is owed four times, not twelve."""
    plan = ("某县消防救援大队2025年夏季火灾防控工作方案\n    大队决定于2025年6月1日至9月30日开展夏季火灾防控工作。\n"
            "一、主要任务\n1.大队每月至少组织开展1次跨站拉动演练。\n2.开展消防宣传。\n")
    summary = "某县消防救援大队2025年夏季火灾防控工作总结\n一、主要工作\n夏季期间共组织跨站拉动演练五次。开展消防宣传。\n"
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    assert c.period.label == "6月至9月"
    assert c.items[0].quota_checks[0].verdict == "met"


def test_a_figure_that_starts_with_its_term_keeps_the_topic_before_it():
    """家长会这学期只在开学初开了一次: the term word opens the figure, and what the clause names
    before it (家长会) is what the figure counts."""
    plan = "某幼儿园2025年春季学期保教工作计划\n一、家园共育\n1.本学期召开全园家长会不少于2次。\n2.开展亲子活动。\n"
    summary = ("某幼儿园园长在期末教职工会上的讲话\n老师们：\n家园共育这一块，我要做个检讨。家长会这学期只在开学初开了一次，"
               "期末那次没有开成。亲子活动开展了。\n")
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    (check,) = c.items[0].quota_checks
    assert check.verdict == "unmet" and check.reported_value == 1


@pytest.mark.parametrize("said", ["需求议事会原计划每个季度开一次，上半年一直没有开起来。",
                                  "适老化改造，今年定的是20次，上半年一直没有开起来。"])
def test_a_figure_set_rather_than_done_answers_nothing(said):
    """原计划每个季度开一次, 今年定的是20次: what was set, told again, is no figure of what was done."""
    plan = "某社区2025年工作计划\n一、任务\n1.每季度召开1次需求议事会，全年开展适老化改造不少于20次。\n2.开展宣传。\n"
    summary = "某社区2025年上半年工作总结\n一、主要工作\n" + said + "开展宣传。\n"
    c = policytext.compare(policytext.from_text(plan), policytext.from_text(summary))
    assert all(q.verdict != "met" for q in c.items[0].quota_checks)


def test_a_share_of_a_base_is_about_the_words_before_it():
    """抽查比例不低于认定人数的10%: 认定人数 is the base of the share, 抽查比例 what it measures."""
    plan = "二是开展抽查，抽查比例不低于认定人数的10%。"
    summary = "共抽查412人，抽查比例为8.6%，纠正认定不准情况9例。"
    (check,) = check_quotas(analyze(policytext.from_text(plan)).quotas,
                            analyze(policytext.from_text(summary)).quotas, 12, True, plan, summary)
    assert check.verdict == "unmet" and check.reported_value == 8.6


@pytest.mark.parametrize("plan, summary, required, verdict", [
    # each of 5 workshops 3 times a term, against their total
    ("新建区级名师工作室5个，每个工作室每学期开展研修活动不少于3次。", "全年各工作室共开展研修活动21次。", 30, "unmet"),  # two terms
    # the bodies counted in the figure's own sentence
    ("各党支部每季度至少讲1次党课。", "全年各党支部共讲党课61次，19名支部书记均已讲授党课。", 76, "unmet"),
    # a figure of each body is no total
    ("各党支部每季度至少讲1次党课。", "全年各党支部均讲党课4次以上。", 4, "met"),
])
def test_a_requirement_of_each_body_against_their_total(plan, summary, required, verdict):
    p = analyze(policytext.from_text(plan))
    check = next(c for c in check_quotas(p.quotas, analyze(policytext.from_text(summary)).quotas, 12, True, plan, summary)
                 if c.quota.unit != "个")
    assert (check.required, check.verdict) == (required, verdict)


def test_what_there_was_before_a_merger_answers_nothing():
    plan = "整合设置综合服务窗口不少于6个。"
    summary = "将办税服务厅原有的9个专业窗口整合为5个综合窗口。"
    (check,) = check_quotas(analyze(policytext.from_text(plan)).quotas,
                            analyze(policytext.from_text(summary)).quotas, 12, True, plan, summary)
    assert check.reported_value == 5 and check.verdict == "unmet"


@pytest.mark.parametrize("summary, verdict", [
    ("新开通农村客运班线2条，优化调整农村客运线路1条。", "met"),  # either kind counts
    ("新开通农村客运班线2条，另外1条因道路施工尚未开通。", "unmet"),  # a part not done adds nothing
])
def test_a_requirement_of_either_kind_takes_their_sum(summary, verdict):
    plan = "全年新开通或优化调整农村客运线路3条。"
    (check,) = check_quotas(analyze(policytext.from_text(plan)).quotas,
                            analyze(policytext.from_text(summary)).quotas, 12, True, plan, summary)
    assert check.verdict == verdict


def test_a_weekly_requirement_over_a_season_written_with_a_dash():
    """汛期（5—9月）每周1期: owed over five months, not the year."""
    plan = "汛期（5—9月）每周编发1期汛期气象服务专报。"
    summary = "汛期共编发汛期气象服务专报22期。"
    (check,) = check_quotas(analyze(policytext.from_text(plan)).quotas,
                            analyze(policytext.from_text(summary)).quotas, 12, True, plan, summary)
    assert check.verdict == "met" and check.required < 23


def _one_check(plan: str, summary: str, months: int = 12, key: str | None = None):
    checks = check_quotas(analyze(policytext.from_text(plan)).quotas,
                          analyze(policytext.from_text(summary)).quotas, months, True, plan, summary,
                          evidence=[(summary, 0)])
    return checks if key == "all" else next(c for c in checks if key is None or key in c.quota.text)


def test_one_terms_count_against_a_requirement_of_each_term():
    """本学期…已开展2至3次 is one term's count: 每学期至少2次 asks 2 of it, whatever months the report spans."""
    c = _one_check("以教研组为单位开展作业设计专题教研，每学期每个教研组至少开展2次。",
                   "各学科教研组本学期围绕分层作业已开展专题教研2至3次。", months=11)
    assert (c.required, c.verdict) == (2, "met")


@pytest.mark.parametrize("plan, summary, verdicts", [
    # 每月检查 is 每月检查1次's: 每半年巡检1次 of other work is not answered by it
    ("每月检查1次县级疫苗库冷链温度监测记录，每半年巡检1次各接种单位冷链设备。",
     "中心坚持每月检查县级疫苗库冷链温度监测记录，全年未发现温度超标情况。", ["met", "unreported"]),
    # 至少培养1名入党积极分子: 发展党员11名 counts new members, not activists
    ("全年在“两新”组织中发展党员不少于8名，每个“两新”党组织至少培养1名入党积极分子。",
     "全年在“两新”组织中发展党员11名，其中生产经营一线骨干占多数。", ["met", "unreported"]),
    # a count of one named meeting is no count of another (审判委员会会议 for 专业法官会议)
    ("民事、刑事、行政专业法官会议每季度至少各召开1次。", "召开审判委员会会议11次，讨论重大疑难复杂案件43件。", ["unreported"]),
    ("民事、刑事、行政专业法官会议每季度至少各召开1次。", "召开民事、刑事、行政专业法官会议11次。", ["met"]),
    ("安全工作领导小组每月召开1次工作会议。", "本学期共召开安全工作领导小组会议12次。", ["met"]),
    # a rate of general hazards is none of major ones
    ("重大事故隐患整改率达到100%，一般隐患整改率不低于98%。", "上半年共排查一般隐患312项，已整改309项，整改率99%。", ["unreported", "met"]),
])
def test_a_figure_answers_one_requirement_of_a_task_not_another(plan, summary, verdicts):
    assert [c.verdict for c in _one_check(plan, summary, key="all")] == verdicts


def test_each_body_said_to_have_one():
    """每个实践站至少培育1支 against 各实践站均…组建了…服务队: each has one."""
    c = _one_check("每个新时代文明实践站至少培育1支常态化志愿服务队伍。",
                   "各实践站均结合自身实际组建了常态化志愿服务队，助老助残类队伍数量最多。")
    assert c.verdict == "met" and c.derived
    c = _one_check("每个新时代文明实践站至少培育1支常态化志愿服务队伍。",
                   "部分实践站组建了常态化志愿服务队，助老助残类队伍数量最多。")
    assert c.verdict == "unreported"


@pytest.mark.parametrize("summary, verdict", [
    ("先后在4月、10月举办专场招聘会2场，组织42家企业提供岗位360余个。", "met"),  # 180 each
    ("先后在4月、10月举办专场招聘会2场，组织42家企业提供岗位150个。", "unmet"),  # 75 each
    ("分上下半年举办专场招聘会2场，分别提供岗位120个、130个。", "met"),  # each its own: the least decides
    ("分上下半年举办专场招聘会2场，分别提供岗位80个、130个。", "unmet"),
])
def test_a_total_over_the_occasions_its_sentence_counts(summary, verdict):
    c = _one_check("全年举办专场招聘会不少于2场，每场提供岗位不少于100个。", summary, key="每场")
    assert c.verdict == verdict


def test_a_series_name_after_the_figure():
    """每半年开展1次“政策进社区”宣讲 is not answered by “政策进企业” talks."""
    c = _one_check("每半年开展1次“退役军人政策进社区”宣讲活动。",
                   "围绕“退役军人政策进企业”主题，在辖区3家规上企业开展政策宣讲3场。")
    assert c.verdict == "unreported"


def test_a_figure_after_a_clause_reads_back_to_its_activity():
    """坚持每月举办“导师论坛”沙龙，邀请…，上半年已连续举办6期: the 6 are the salons'."""
    c = _one_check("每月举办1期“导师论坛”沙龙，邀请优秀导师分享育人经验。",
                   "分别于4月、6月举办在岗导师专题培训2场，累计培训导师1260人次。"
                   "坚持每月举办“导师论坛”沙龙，邀请优秀导师分享育人经验，上半年已连续举办6期。", months=6)
    assert c.reported_value == 6 and c.verdict == "met"


@pytest.mark.parametrize("summary, verdict", [
    ("高血压患者规范管理率达到68.2%。", "unreported"),  # one of the two
    ("高血压患者规范管理率达到68.2%，2型糖尿病患者规范管理率达到66.0%。", "met"),
])
def test_a_rate_for_two_measures_needs_both(summary, verdict):
    c = _one_check("高血压患者规范管理率和2型糖尿病患者规范管理率均达到65%以上。", summary)
    assert c.verdict == verdict


def test_a_level_is_answered_by_the_level_in_the_clause_after_what_was_added():
    """全年新增入库项目21个，入库项目总数达到53个: 53 is the level, nothing added in its clause."""
    c = _one_check("完善县级志愿服务项目库，入库项目达到50个以上。",
                   "完善县级志愿服务项目库，全年新增入库项目21个，入库项目总数达到53个。")
    assert (c.reported_value, c.verdict) == (53, "met")


@pytest.mark.parametrize("plan, summary, value", [
    # the activity's quoted name said again beside the figure
    ("办好“纳税人学堂”，采取线上线下相结合方式，全年开展培训不少于12期。",
     "全年举办“纳税人学堂”15期，其中线上9期、线下6期。先后两次开展税务干部培训需求调查。", 15),
    # …but not a way of working (“四不两直”) many kinds of check share
    ("集团领导班子成员每月至少带队开展1次“四不两直”安全检查。",
     "各港务分公司坚持开展“四不两直”夜查，全年共组织夜间突击检查96次。集团领导全年带队检查14次。", 14),
])
def test_the_quoted_name_of_the_activity_picks_its_figure(plan, summary, value):
    assert _one_check(plan, summary).reported_value == value


def test_a_list_of_parts_answers_the_whole_by_its_total():
    c = _one_check("结合改造补齐配套设施短板，全年新增社区配套设施不少于10处。",
                   "新增社区嵌入式养老服务站2处、托育点1处、便民服务点3处，共计6处。", months=6)
    assert (c.reported_value, c.verdict) == (6, "met")


def test_the_subject_before_a_years_requirement_says_what_it_counts():
    """院党组理论学习中心组全年开展专题学习不少于10次: the centre group's study, not a report made twice."""
    plan = ("某法院2024年党建工作要点\n一、政治建设\n1.坚持政治建院。\n"
            "2．院党组理论学习中心组全年开展专题学习不少于10次，带动各党支部跟进学习。（牵头部门：机关党委）\n")
    summary = ("某法院2024年党建工作总结\n一、政治建设\n坚持重大事项请示报告制度，分别于7月、12月两次向市委政法委专题"
               "报告审判执行工作。院党组理论学习中心组集体学习12次，带动各党支部开展学习研讨86次。\n")
    (c,) = [q for i in policytext.compare(policytext.from_text(plan), policytext.from_text(summary)).items
            for q in i.quota_checks]
    assert (c.reported_value, c.verdict) == (12, "met")


def test_a_level_raised_to_is_answered_by_the_level_not_what_was_added():
    """在现有10个团队的基础上…增加至12个 against 新组建2个…团队，团队总数达到12个."""
    c = _one_check("在现有10个团队的基础上，年底前将家庭医生服务团队增加至12个。",
                   "新组建2个家庭医生服务团队，团队总数达到12个，每个团队均配齐全科医生。", key="12个")
    assert (c.reported_value, c.verdict) == (12, "met")


def test_a_second_kind_of_body_joined_by_another_measure_word_counts_too():
    """与2家企业和1所中学签订…协议 is 3 units against 签约单位不少于3家."""
    c = _one_check("年内新拓展功能社区签约单位不少于3家。",
                   "中心主动走访辖区单位，先后与2家企业和1所中学签订了功能社区签约服务协议。")
    assert (c.reported_value, c.verdict) == (3, "met")


@pytest.mark.parametrize("summary, value, verdict", [
    ("上半年开展常规评查两次，分别随机抽查结案案件45件、41件。", 41, "unmet"),
    ("上半年开展常规评查两次，分别随机抽查结案案件55件、61件。", 55, "met"),
])
def test_each_occasions_own_figures_against_a_requirement_of_each(summary, value, verdict):
    c = _one_check("每季度开展1次常规评查，每次随机抽查结案案件不少于50件。", summary, months=6, key="每次")
    assert (c.reported_value, c.verdict) == (value, verdict)


@pytest.mark.parametrize("summary, value, verdict", [
    ("全年全局召开会议同比减少了12%，发文同比减少8.2%。", 8.2, "unmet"),
    ("全年全局召开会议同比减少了12%，发文同比减少10.5%。", 10.5, "met"),
])
def test_a_requirement_of_each_of_a_list_takes_the_least(summary, value, verdict):
    c = _one_check("严格控制会议和发文数量，全年会议、文件数量均较上年压减10%以上。", summary)
    assert (c.reported_value, c.verdict) == (value, verdict)


def test_a_meetings_count_sharing_no_word_answers_no_other_work_of_the_same_rate():
    """上半年召开专业法官会议58次 is no count of 每半年汇总分析1次, however alike their rates."""
    c = _one_check("对被发回重审、改判的案件，每半年汇总分析1次，形成分析报告在全院通报。",
                   "上半年召开专业法官会议58次，讨论案件131件。", months=6)
    assert c.verdict == "unreported"


def test_where_a_rate_stood_when_the_finding_was_made_answers_nothing():
    c = _one_check("在建工程项目部按照应建尽建原则建立党组织，覆盖率达到100%。",
                   "5月底，在建项目部党组织覆盖率由反馈时的78%提升至100%。")
    assert (c.reported_value, c.verdict) == (100, "met")


@pytest.mark.parametrize("text", ["每季度召开1次护理质量分析会", "每月召开1次安全形势研判会"])
def test_a_meeting_named_by_what_it_does_is_a_meeting(text):
    from policytext.compare.checks import events_around

    assert events_around(text, text.index("1次"), text.index("1次") + 2) == frozenset({"会议"})


def test_a_party_group_meeting_is_a_meeting():
    """全年党组会专题研究…3次 counts meetings, no 廉政谈话 of 每年至少开展1次廉政谈话."""
    from policytext.compare.checks import events_around

    text = "全年党组会专题研究党风廉政建设工作3次。"
    assert events_around(text, text.index("3次"), text.index("3次") + 2) == frozenset({"会议"})


def test_a_spoken_topic_says_what_the_figure_counts():
    """稻虾共养这块，今年新扩了一百五十亩左右: the 150 亩 are 稻虾共养's."""
    c = _one_check("扩大稻虾共养规模，新增稻虾共养面积200亩。", "稻虾共养这块，今年新扩了一百五十亩左右，离年初定的还差一截。")
    assert (c.reported_value, c.verdict) == (150, "unmet")


@pytest.mark.parametrize("plan, summary, months, value, verdict", [
    # a spoken topic with 呢 says what the figure counts
    ("新培育县级“巾帼示范基地”3个。", "巾帼示范基地呢，新挂牌了两个，第三个还在评审。", 12, 2, "unmet"),
    # groups listed after 为 before 各, and both terms before 各, count the figure that many times
    ("本学期面向学生举办心理健康专题讲座不少于2场。", "分别为初一、初三学生举办心理健康专题讲座各一场。", 5, 2, "met"),
    ("入党积极分子培训班每学期至少举办1期。", "上下学期各举办入党积极分子培训班1期，共培训213人。", 12, 2, "met"),
    # a stock asked is answered by the level reached, not by what was added beside it
    ("系统上线审核规则不少于120条。", "11月上旬完成知识库、规则库升级，新增本地化审核规则31条，目前系统在用规则达到126条。", 12, 126, "met"),
    # every second week against every two weeks
    ("各班每两周召开1次主题班会。", "各班主题班会隔周一次，教案均交政教处备查。", 12, None, "met"),
    # the requirement a shortfall is measured from is no report
    ("联系法官每月至少到联系镇街开展1次巡回指导。", "有的法庭一个季度才去一趟，离每月至少一次的要求差得比较远。", 12, None, "unreported"),
    # spoken: a trip (趟) is a time
    ("镇领导班子成员每月到村不少于2次。", "镇领导班子成员每人包一个村，一个月最少到村里两趟。", 12, 24, "met"),
    # about a figure: a tenth below keeps it; a rate about a figure is the figure
    ("举办进修班，调训乡镇党政正职和县直单位主要负责人60人左右。", "举办进修班，调训乡镇党政正职和县直单位主要负责人，学员58名。", 12, 58, "met"),
    ("举办进修班，调训乡镇党政正职和县直单位主要负责人60人左右。", "举办进修班，调训乡镇党政正职和县直单位主要负责人，学员52名。", 12, 52, "unmet"),
    ("地区生产总值增长6%左右。", "地区生产总值增长5.8%。", 12, 5.8, "unmet"),
    # a spoken sum of what its sentence told (…都带队搞了明察暗访，…，全年算下来搞了三轮)
    ("紧盯重要节点，在节前发送廉洁提醒，开展明察暗访，全年不少于4轮。",
     "元旦春节、五一、国庆这些节点前，纪检监察组都带队搞了明察暗访，节前廉洁提醒短信也都发到了每位干警手机上，全年算下来搞了三轮。",
     12, 3, "unmet"),
    # all of them closed, said in words
    ("信访举报件办结率达到100%。", "全年受理信访举报11件，均已按程序办结。", 12, 100, "met"),
    # several listed before the measure they share: each needs its figure
    ("高血压、糖尿病患者基层规范管理率均达到65%以上。", "高血压患者规范管理率达到68%。", 12, None, "unreported"),
    ("高血压、糖尿病患者基层规范管理率均达到65%以上。", "高血压患者规范管理率达到68%，糖尿病患者规范管理率达到66%。", 12, 66, "met"),
])
def test_what_a_reported_figure_counts(plan, summary, months, value, verdict):
    c = _one_check(plan, summary, months=months)
    assert c.verdict == verdict and (value is None or c.reported_value == value)


def test_what_a_few_units_did_is_no_answer_for_each():
    c = _one_check("各党支部每月至少开展1次主题党日活动。",
                   "大部分支部的主题党日基本上是每两个月搞一次，个别支部的主题党日做到了每月一次。")
    assert c.verdict == "unmet"


def test_a_quarters_share_of_the_year_is_read_from_a_quarter():
    """每季度完成量不低于年度任务的20%: the year's 106.1% says nothing of it; 第一季度…12.3% does."""
    c = _one_check("均衡推进抽检进度，每季度完成量不低于年度任务的20%。",
                   "累计完成抽检7216批次，完成年度任务的106.1%。第一季度仅完成年度任务的12.3%。", key="每季度")
    assert (c.reported_value, c.verdict) == (12.3, "unmet")


def test_a_rate_of_each_body_is_not_one_thing_each_has():
    """各责任部门按月报送 is a monthly rate: 各责任部门均能按时报送 gives no count of one."""
    c = _one_check("各责任部门按月报送整改进展情况。", "整改进展实行月报制度，各责任部门均能按时报送。")
    assert c.verdict != "unmet"


def test_a_part_is_answered_by_its_own_figure_or_words_of_full_coverage():
    """其中四级手术患者随访率达到100%: the rate of all 出院患者 is no answer; 逐一随访、无一遗漏 is."""
    summary = "出院患者随访率达93.5%，四级手术患者出院后逐一随访、无一遗漏。"
    c = _one_check("出院患者随访率达到90%以上，其中四级手术患者随访率达到100%。", summary, key="all")
    assert [(x.reported_value, x.verdict) for x in c] == [(93.5, "met"), (100, "met")]


def test_places_listed_before_each_count_the_figure_that_many_times():
    c = _one_check("新建“青年之家”综合服务阵地2个。", "在城关镇和县经济开发区各建成1个“青年之家”综合服务阵地。")
    assert (c.reported_value, c.verdict) == (2, "met")


def test_full_coverage_of_one_thing_answers_no_named_rate_of_another():
    """“护学岗”做到全覆盖 says nothing of 一键报警…联网率达到100%."""
    c = _one_check("上下学时段“护学岗”落实率达到100%；全县公办中小学“一键报警”装置与公安机关联网率达到100%。",
                   "全县中小学、幼儿园上下学时段“护学岗”做到全覆盖。", key="all")
    assert [x.verdict for x in c] == ["met", "unreported"]


@pytest.mark.parametrize("plan, summary", [
    ("规范投诉举报处理，受理后60日内办结，按时办结率达到100%。", "全年受理消费投诉举报9876件，均在规定时限内办结。"),
    ("困难群体家庭签约率达到100%。", "辖区困难群体家庭签约做到一户不落。"),
])
def test_a_full_rate_said_in_words(plan, summary):
    c = _one_check(plan, summary)
    assert (c.reported_value, c.verdict) == (100, "met")


@pytest.mark.parametrize("plan, summary, verdict, value", [
    # a level to reach (扩展至20项以上) is answered by the total reached, not by what was added with a
    # list between 新增 and its figure
    ("上门护理服务项目扩展至20项以上。", "5月份新增导尿管护理、造口护理等上门服务项目11项，上线项目总数达到23项。", "met", 23),
    # a campaign's total against figures month by month: the months add up
    ("专项行动期间完成食品安全监督抽检不少于300批次。",
     "监督抽检方面，4月份完成抽检46批次，5月份87批次，6月份92批次，7月份68批次，8月份61批次。", "met", 354),
    # a meeting named after its figure (召开1次党员大会) is counted by its own kind only
    ("各村党组织每季度至少召开1次党员大会。", "各村全年普遍召开党员大会两次，支委会基本做到每月召开。", "unmet", 2),
    # 支委会 is short for 支部委员会会议
    ("每月召开1次支部委员会会议。", "各村全年普遍召开党员大会两次，支委会基本做到每月召开。", "met", 12),
    # issues of a titled publication count no training course
    ("10月底前举办督察业务培训班1期。", "全年编发《审务督察通报》8期。", "unreported", None),
    ("编发《审务督察通报》不少于6期。", "全年编发《审务督察通报》8期。", "met", 8),
    # people are at least as many attendances: enough people are enough 人次, too few tell nothing
    ("两级法院督察人员参训不少于40人次。", "举办全市法院督察业务培训班，两级法院督察人员52人参加培训。", "met", 52),
    ("两级法院督察人员参训不少于40人次。", "举办全市法院督察业务培训班，两级法院督察人员30人参加培训。", "unreported", None),
    # 城网 and 农网 exclude each other, and a fall (较上年下降2.1小时) is no level
    ("农网用户年均停电时间控制在12小时以内。", "城网用户年均停电时间4.2小时，同比下降0.8小时；农网用户年均停电时间较上年下降2.1小时。",
     "unreported", None),
    ("农网用户年均停电时间控制在12小时以内。", "城网用户年均停电时间4.2小时；农网用户年均停电时间9.6小时。", "met", 9.6),
])
def test_quota_checks_after_blind135(plan, summary, verdict, value):
    plan_text, summary_text = "某局工作要点\n一、任务\n1." + plan, "某局工作总结\n一、情况\n" + summary
    q = [x for x in quotas(plan) if not x.text.startswith("10月")][0]
    (c,) = check_quotas([q], reported(summary), 12, one_year_plan=True, plan_text=plan_text, summary_text=summary_text)
    assert (c.verdict, c.reported_value) == (verdict, value)


def test_a_sum_of_figures_says_how_it_was_made():
    plan, summary = "专项行动期间完成监督抽检不少于300批次。", "4月份完成抽检46批次，5月份87批次，6月份92批次。"
    (c,) = check_quotas(quotas(plan), reported(summary), 12, one_year_plan=True,
                        plan_text="某局工作要点\n一、任务\n1." + plan, summary_text="某局工作总结\n一、情况\n" + summary)
    assert (c.verdict, c.reported_value, c.derived) == ("unmet", 225, "46、87、92批次合计225批次")
