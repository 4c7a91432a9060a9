import pytest

import policytext

from policytext.extract import quotas

# (text, [(period, comparator, value, value_max, unit, per_year, placeholder), ...])
CASES = [
    ("每季度至少1次", [("quarter", ">=", 1, None, "次", 4, False)]),
    # a duration to reach in working days is a quota; 5个工作日以内答复 is a time limit
    ("居民客户办电时长压减至3个工作日以内", [("total", "<=", 3, None, "个工作日", None, False)]),
    ("对投诉在5个工作日以内答复", []),
    ("第一季度代煎配送4200剂", [("quarter", "==", 4200, None, "剂", 16800, False)]),  # doses
    ("严格控制抗菌药物剂量", []),
    # spoken counts in Chinese numerals with no cue, in units no formulation uses, and in thousands
    ("新装了太阳能路灯六十盏", [("total", "==", 60, None, "盏", None, False)]),
    ("全校一千零八十六名学生", [("total", "==", 1086, None, "名", None, False)]),
    ("守住三条红线", []),
    # a percentage said in words, as a speech says it; 百分之百 is left to the formulations
    ("诉前调解成功率是百分之三十一", [("total", "==", 31, None, "%", None, False)]),
    ("简易程序适用率达到了百分之七十六点三", [("total", ">=", 76.3, None, "%", None, False)]),
    ("落实施工工地“六个百分之百”要求", []),
    ("拿出百分之百的努力", []),
    ("每月至少参与1次志愿服务活动", [("month", ">=", 1, None, "次", 12, False)]),
    ("毎年至少讲1次专题党课", [("year", ">=", 1, None, "次", 1, False)]),
    ("每3个月至少召开1次", [("quarter", ">=", 1, None, "次", 4, False)]),
    ("每半年不少于两次", [("half_year", ">=", 2, None, "次", 4, False)]),
    ("全年不少于四次", [("year", ">=", 4, None, "次", 4, False)]),
    ("全学年推荐优秀团员不少于200名", [("year", ">=", 200, None, "名", 200, False)]),  # a school year
    ("每学期至少2次", [("term", ">=", 2, None, "次", 4, False)]),
    ("本学期共检查20次", [("term", "==", 20, None, "次", 40, False)]),
    ("学期内推出专题报道不少于5篇", [("term", ">=", 5, None, "篇", 10, False)]),
    # a periodic action with no number, whatever the verb after 按月 (按月发放, 按月曝光)
    ("补助按月发放", [("month", "==", 1, None, "次", 12, False)]),
    ("按月曝光典型执法案例", [("month", "==", 1, None, "次", 12, False)]),
    # counts by other classifiers, Chinese numerals among them
    ("全年下乡跑了三十一趟", [("year", "==", 31, None, "趟", 31, False)]),
    # classifiers of formulations count from ten up (处理处分五十六人; not 三项制度, 十项准则)
    ("处理处分五十六人", [("total", "==", 56, None, "人", None, False)]),
    ("梳理责任事项一百二十项", [("total", "==", 120, None, "项", None, False)]),
    ("落实三项制度", []),
    ("学习教师职业行为十项准则", []),
    ("腾出两间办公室改作便民服务区", [("total", "==", 2, None, "间", None, False)]),
    ("开展送戏下乡演出一百二十八场", [("total", "==", 128, None, "场", None, False)]),  # a hundred and more
    ("全年建成一百一十个站点", [("year", "==", 110, None, "个", 110, False)]),
    ("完成数字化加工3200多页", [("total", ">=", 3200, None, "页", None, False)]),
    # a figure inside a quoted name counts nothing; one that ends its quotation still does
    ("成立“15分钟便民生活圈”建设工作专班", []),
    ("落实“每周1次”巡查制度", [("week", "==", 1, None, "次", 52, False)]),
    # a target table's value cell takes the period its row's label opens with
    ("指标名称\n年度目标值\n全年到馆读者\n130万人次以上\n全年举办各类阅读推广活动\n不少于600场",
     [("year", ">=", 1300000, None, "人次", 1300000, False), ("year", ">=", 600, None, "场", 600, False)]),
    ("到馆读者\n130万人次以上", [("total", ">=", 1300000, None, "人次", None, False)]),
    ("处方点评结果每月公示", [("month", "==", 1, None, "次", 12, False)]),
    ("每周１次", [("week", "==", 1, None, "次", 52, False)]),
    ("每半月抽查督导", [("half_month", "==", 1, None, "次", 24, False)]),
    ("至少形成1篇调研报告", [("total", ">=", 1, None, "篇", None, False)]),
    ("不少于3人", [("total", ">=", 3, None, "人", None, False)]),
    ("不超过2人", [("total", "<=", 2, None, "人", None, False)]),
    ("写出2篇以上", [("total", ">=", 2, None, "篇", None, False)]),
    ("全年2-3个课题", [("year", ">=", 2, 3, "个", 2, False)]),
    ("不少于半天", [("total", ">=", 0.5, None, "天", None, False)]),
    ("细化5个方面18项具体任务", [("total", "==", 5, None, "个", None, False), ("total", "==", 18, None, "项", None, False)]),
    ("编发简报30期", [("total", "==", 30, None, "期", None, False)]),
    ("累计开展36场", [("total", "==", 36, None, "场", None, False)]),
    ("人均36学时", [("total", "==", 36, None, "学时", None, False)]),
    ("全年共3次", [("year", "==", 3, None, "次", 3, False)]),
    ("每季度检查一次", [("quarter", "==", 1, None, "次", 4, False)]),
    ("每两个月召开1次", [("month", "==", 1, None, "次", 6, False)]),
    ("1年以上党龄", [("total", ">=", 1, None, "年", None, False)]),
    ("增长6.2%左右", [("total", None, 6.2, None, "%", None, False)]),
    ("抗菌药物使用强度控制在40DDDs以下", [("total", "<=", 40, None, "DDDs", None, False)]),
    ("开展数据安全检查X次", [("total", "==", None, None, "次", None, True)]),
    ("讲专题党课xx人次", [("total", "==", None, None, "人次", None, True)]),
    ("撰写心得**篇", [("total", "==", None, None, "篇", None, True)]),
    ("表彰**余名老党员", [("total", ">=", None, None, "名", None, True)]),
    ("归集数据38亿条", [("total", "==", 3_800_000_000, None, "条", None, False)]),
    ("听众超千人", [("total", ">=", 1000, None, "人", None, False)]),
    ("会议时长控制在2小时以内", [("total", "<=", 2, None, "小时", None, False)]),
    # 个 before hours is the classifier: the unit is the hours
    ("每人培训时长都在16个学时以上", [("total", ">=", 16, None, "学时", None, False)]),
    # 约 and 近 say a figure is approximate, as 左右 does
    ("受众约4800人次", [("total", None, 4800, None, "人次", None, False)]),
    ("惠及近3万人", [("total", None, 30000, None, "人", None, False)]),
    # a list opened by a period: each figure is of that period
    ("全年集中学习不少于12次、专题研讨不少于4次", [("year", ">=", 12, None, "次", 12, False), ("year", ">=", 4, None, "次", 4, False)]),
    ("每月开展巡查不少于2次、通报1次", [("month", ">=", 2, None, "次", 24, False), ("month", "==", 1, None, "次", 12, False)]),
    # …and so does a period word for every figure of its clause (not past a comma, nor across a
    # table's tab)
    ("全年分4批公开曝光典型案例32个", [("year", "==", 4, None, "批", 4, False), ("year", "==", 32, None, "个", 32, False)]),
    ("上半年共组织推进会8次，参会200人次", [("half_year", "==", 8, None, "次", 16, False), ("total", "==", 200, None, "人次", None, False)]),
    ("督导检查\t每季度1次\t2次", [("quarter", "==", 1, None, "次", 4, False), ("total", "==", 2, None, "次", None, False)]),
    # the year's target a share is of is no period (完成年度任务的57.3%), nor a year's name
    ("完成年度任务的57.3%", [("total", "==", 57.3, None, "%", None, False)]),
    ("占全年计划投资的89.4%", [("total", "==", 89.4, None, "%", None, False)]),
    ("对2024年度审计查出的126个问题逐一整改", [("total", "==", 126, None, "个", None, False)]),
    ("2024年度12个改造项目已全部开工", [("year", "==", 12, None, "个", 12, False)]),
    ("1-6月共排查矛盾纠纷412件", [("half_year", "==", 412, None, "件", 824, False)]),
    # more bounds: 突破 and ≥ from below, 不足 and ≤ from above
    ("总阅读量突破160万次", [("total", ">=", 1_600_000, None, "次", None, False)]),
    ("出院患者随访率≥90%", [("total", ">=", 90, None, "%", None, False)]),
    ("全年点评处方不足3000张", [("year", "<=", 3000, None, "张", 3000, False)]),
    ("平均候诊时间≤30分钟", [("total", "<=", 30, None, "分钟", None, False)]),
    # 支 counts the teams it follows (一支队伍 is a phrase)
    ("组建党员突击队三支", [("total", "==", 3, None, "支", None, False)]),
    ("组建“三下乡”社会实践团队12支", [("total", "==", 12, None, "支", None, False)]),
    ("打造一支高素质干部队伍", []),
]


@pytest.mark.parametrize("text, span, action", [("举办讲座31场，受众约4800人次", "约4800人次", "受众"),
                                               ("全年约300人次参训", "全年约300人次", "参训")])
def test_an_approximate_figure_spans_its_about(run, text, span, action):
    q = run(quotas, text)[-1]
    assert (q.text, q.comparator, q.action) == (span, None, action)


@pytest.mark.parametrize("text, span, comparator", [("重点人群签约7460人。", "7460人", "=="),
                                                    ("现场签约126人。", "126人", "=="),
                                                    ("节约经费12万元。", "12万元", "=="),
                                                    ("签约约7460人。", "约7460人", None),
                                                    ("最近3次检查均合格。", "3次", "==")])
def test_a_word_ending_in_yue_or_jin_is_no_approximation(run, text, span, comparator):
    (q,) = run(quotas, text)
    assert (q.text, q.comparator) == (span, comparator)


def typed(q):
    return (q.period, q.comparator, q.value, q.value_max, q.unit, q.per_year, q.placeholder)


@pytest.mark.parametrize("text,expected", CASES)
def test_quota_fields(run, text, expected):
    assert [typed(q) for q in run(quotas, text)] == expected


@pytest.mark.parametrize("text,subject,action", [
    ("支部书记每年至少讲1次专题党课", "支部书记", "讲专题党课"),
    ("党组理论学习中心组每季度至少开展1次专题学习", "党组理论学习中心组", "开展专题学习"),
    ("领导班子成员要至少形成1篇务实管用的调研报告", "领导班子成员", "形成务实管用的调研报告"),
    ("全年形成调研报告不少于3篇", None, "形成调研报告"),
    ("编发简报30期", None, "编发简报"),
])
def test_subject_and_action(run, text, subject, action):
    (q,) = run(quotas, text)
    assert (q.subject, q.action) == (subject, action)


@pytest.mark.parametrize("text", [
    "深刻领悟“两个确立”的决定性意义", "严格落实三会一课制度", "落实一岗双责", "学习贯彻党的十九大精神",
    "统一思想、统一行动", "全国两会召开后", "增强四个意识", "三重一大事项集体决策", "开展“十个一”专题活动",
    "2024年工作要点", "第1次会议", "1.加强学习", "会后7日内", "30个工作日内完成", "每月5日前报送", "每年年底前形成报告",
    "把党史学习教育作为贯穿全年工作的一项重大政治任务", "每年要研究确定若干重点调研课题", "3个月内整改到位",
    "推行一次性告知制度", "办好一件事", "坚决做到两个维护", "落实两个责任",
    "部分科室负责人未能按季度开展谈心谈话", "按月份统计",
    # spoken: this part, the aspects of a report, a second pass
    "网络学习这一块，全年共学习", "下面，我从四个方面简要汇报", "集体研讨后进行二次备课，全年共研讨",
])
def test_not_quotas(run, text):
    assert run(quotas, text) == []


def test_quota_attaches_to_innermost_task(run):
    text = "一、学习\n（一）中心组学习\n1.每季度至少开展1次专题学习。\n（二）支部学习\n每月至少1次。"
    found = run(quotas, text)
    assert [q.task for q in found] == ["一/(一)/1", "一/(二)"]


def test_placeholder_is_never_zero(run):
    (q,) = run(quotas, "支部书记讲专题党课X次")
    assert q.placeholder and q.value is None and q.per_year is None


@pytest.mark.parametrize("text, expected", [
    ("覆盖率达100%。", [("达100%", "total", ">=", 100, "%")]),
    ("覆盖率达到100%。", [("达到100%", "total", ">=", 100, "%")]),
    ("日均服务300余人次。", [("日均服务300余人次", "day", ">=", 300, "人次")]),
    ("第一季度，支部共组织主题党日3次。", [("共组织主题党日3次", "total", "==", 3, "次")]),
    ("第一季度支部共组织主题党日3次。", [("第一季度支部共组织主题党日3次", "quarter", "==", 3, "次")]),
    ("上半年共检查6次。", [("上半年共检查6次", "half_year", "==", 6, "次")]),
    # 一 closing its clause is a count: 召开联席会议一次，
    ("4月召开联席会议一次，会商疑难线索6件。", [("一次", "total", "==", 1, "次"), ("6件", "total", "==", 6, "件")]),
    # …and so is 一次 right after the verb that holds it (the gold counts every such one), not 各…一次
    ("6月开展了一次鼠疫防控应急演练。", [("一次", "total", "==", 1, "次")]),
    ("今年我们对沿街商户搞过一次满意度测评。", [("一次", "total", "==", 1, "次")]),
    # 余 and 多 before 万: the unit after it is still the unit (50余万人次 is 500,000 person-times)
    ("累计服务户外劳动者50余万人次。", [("累计服务户外劳动者50余万人次", "total", ">=", 500000, "人次")]),
    ("覆盖职工30多万人。", [("30多万人", "total", ">=", 300000, "人")]),
    ("累计播发提示2.3万条次。", [("累计播发提示2.3万条次", "total", "==", 23000, "条次")]),
    ("配备扑火工具不少于500把。", [("不少于500把", "total", ">=", 500, "把")]),
    ("累计接种疫苗39.8万剂次。", [("累计接种疫苗39.8万剂次", "total", "==", 398000, "剂次")]),
    ("更换灭火器126具，新打机井120眼，平台派单4.6万单。",
     [("126具", "total", "==", 126, "具"), ("120眼", "total", "==", 120, "眼"), ("4.6万单", "total", "==", 46000, "单")]),
    ("颁发流动红旗90面次，采购设备十一台套。", [("90面次", "total", "==", 90, "面次")]),
    ("共有3单位参加。", []),
    ("共清理设施农业用地128宗，平均办结时间10个工作日。",
     [("共清理设施农业用地128宗", "total", "==", 128, "宗"), ("10个工作日", "total", "==", 10, "个工作日")]),
    ("PM2.5平均浓度为31.6微克/立方米，综合得分91.6分。",
     [("31.6微克/立方米", "total", "==", 31.6, "微克/立方米"), ("91.6分", "total", "==", 91.6, "分")]),
    ("回收3500余公斤，新增货架8组，补设界桩326根。", [("3500余公斤", "total", ">=", 3500, "公斤"),
                                        ("8组", "total", "==", 8, "组"), ("326根", "total", "==", 326, "根")]),
    # (not a minute of the clock, a relative limit, nor a village group's name)
    ("上午9时30分，召开会议。", []),
    ("在5个工作日内办结。", []),
    ("积分制管理先在1组、3组、5组试点。", []),
    # none at all is no count of one (一把手 is no count either)
    ("全年未发生一起安全事故，各单位一把手带头。", []),
    ("全年没有发现一例漏报。", []),
    # 个多 before hours: the unit is still the hours
    ("团员人均志愿服务时长九个多小时。", [("人均志愿服务时长九个多小时", "total", ">=", 9, "小时")]),
    ("召开一次会议研究部署。", [("一次", "total", "==", 1, "次")]),
    ("各班各召开了一次家长会。", []),
    # spoken periodic actions with no number: once per period
    ("院感科每个月都下病区暗访。", [("每个月都下病区暗访", "month", "==", 1, "次")]),
    ("后勤保障科每个月都会同院感科到暂存点检查。", [("每个月都会同院感科到暂存点检查", "month", "==", 1, "次")]),
    ("药学部每个月联合点评处方。", [("每个月联合点评", "month", "==", 1, "次")]),
    ("主题党日坚持月月开展。", [("月月开展", "month", "==", 1, "次")]),
    ("全年共制作党员教育电视片6部。", [("全年共制作党员教育电视片6部", "year", "==", 6, "部")]),
    ("全年发出纪检监察建议书六份。", [("全年发出纪检监察建议书六份", "year", "==", 6, "份")]),
    ("组建两个紧密型教育集团。", [("两个", "total", "==", 2, "个")]),  # a count; 两个维护 is a formulation
    # a periodic action with no number counts once per period, said with 按 as with 每
    ("各支部按月召开支委会，按季度召开党员大会。",
     [("按月召开", "month", "==", 1, "次"), ("按季度召开", "quarter", "==", 1, "次")]),
    ("两次召开推进会。", [("两次", "total", "==", 2, "次")]),
    # 多/余 before 万: the number is still of ten thousands, the unit still 元
    ("一共筹了三十多万元。", [("共筹了三十多万元", "total", ">=", 300000, "元")]),
    ("投入30余万元。", [("30余万元", "total", ">=", 300000, "元")]),
    # a count by its classifier, far from its clause's period word
    ("全年举办企业知识产权管理人员培训班四期。", [("全年举办企业知识产权管理人员培训班四期", "year", "==", 4, "期")]),
    ("新建三座污水处理站，整改隐患十二处。", [("三座", "total", "==", 3, "座"), ("十二处", "total", "==", 12, "处")]),
    ("省市第十三次党代会。", []),
    ("坚持两个确立，落实三项制度。", []),
    ("新建农村公路120公里。", [("120公里", "total", "==", 120, "公里")]),
    # 部 counts what it follows (加装电梯3部), not 部门
    ("加装电梯3部，拍摄微视频2部。", [("3部", "total", "==", 3, "部"), ("2部", "total", "==", 2, "部")]),
    ("会同4部门开展联合检查。", []),
    # …or what it closes a clause about (加装电梯难…今年装成了七部，), never 部门 or 部署
    ("加装电梯难，难在住户有顾虑。今年全年装成了七部，还有的正在协调。", [("全年装成了七部", "year", "==", 7, "部")]),
    ("电梯安全由物业部负责，会同4部门检查。", []),
    # spoken approximations with 来 (二十来起, 四十来户) and spoken decimals of a measure (一点二公里)
    ("全年调解了二十来起，带动的农户有四十来户。", [("全年调解了二十来起", "year", None, 20, "起"), ("四十来户", "total", None, 40, "户")]),
    ("三组那条路，一点二公里，国庆前就硬化完了。", [("一点二公里", "total", "==", 1.2, "公里")]),
    ("九点二十分开会，会议九点半开始。", []),
    ("岗前培训里专门安排了医德医风这一课，两个学时。", [("两个学时", "total", "==", 2, "学时")]),
    # 共 in 共养 (raised together) is no total
    ("新增稻虾共养面积200亩。", [("200亩", "total", "==", 200, "亩")]),
    # Chinese-numeral counts up to the hundreds; 个 only from ten up (三个代表 is a formulation)
    ("植树五百二十株，新建收集点八十个，落实三个代表。", [("五百二十株", "total", "==", 520, "株"), ("八十个", "total", "==", 80, "个")]),
    ("编印资料47种，覆盖6类以上。", [("47种", "total", "==", 47, "种"), ("6类以上", "total", ">=", 6, "类")]),
    ("发生院内感染2例，结对帮扶36对，借阅12.3万册次。", [("2例", "total", "==", 2, "例"), ("36对", "total", "==", 36, "对"),
                                                 ("12.3万册次", "total", "==", 123000, "册次")]),
    # a period word sets the period of its whole clause
    ("每月深入乡镇、村社开展用电安全检查、故障报修和“三零”“三省”服务宣传不少于3次。",
     [("每月深入乡镇、村社开展用电安全检查、故障报修和“三零”“三省”服务宣传不少于3次", "month", ">=", 3, "次")]),
    # what exists between a period word and its figure leaves the period word to that figure
    ("每季度对全县22个预防接种门诊开展1次督导检查。",
     [("每季度对全县22个预防接种门诊开展1次", "quarter", "==", 1, "次"), ("22个", "total", "==", 22, "个")]),
    ("每月对3座中型水库开展1次安全检查。",  # what the count is of, when a count follows
     [("每月对3座中型水库开展1次", "month", "==", 1, "次"), ("3座", "total", "==", 3, "座")]),
    ("每月对3座水库开展巡查。", [("每月对3座", "month", "==", 3, "座")]),  # no count after: 3 a month
    # spoken: 一周要上四次 is every week (第一周 and 一周内 are not)
    ("有的老师一周要上四次课后服务。", [("一周要上四次", "week", "==", 4, "次")]),
    ("全院合理用药培训一个季度一期，四期都办了。", [("一个季度一期", "quarter", "==", 1, "期"), ("四期", "total", "==", 4, "期")]),
    ("第一周开展3次。", [("3次", "total", "==", 3, "次")]),
    # …and 一天两次 every day; 十一月 is a month's name, 一天一个样 no count
    ("洒水车坚持一天两次作业。", [("一天两次", "day", "==", 2, "次")]),
    ("十一月开展两次检查。", [("两次", "total", "==", 2, "次")]),
    ("孩子们一天一个样。", []),
    # counts of visits by what was visited (个次, 台次, 辆次) and of pictures scanned (画幅, 幅)
    ("检查工地累计427个次，查处运输车辆87台次，抽测柴油货车1260辆次。",
     [("累计427个次", "total", "==", 427, "个次"), ("87台次", "total", "==", 87, "台次"),
      ("1260辆次", "total", "==", 1260, "辆次")]),
    ("完成数字化扫描52.3万画幅，展出档案图片60余幅，收到锦旗2面。",
     [("52.3万画幅", "total", "==", 523000, "画幅"), ("60余幅", "total", ">=", 60, "幅"), ("2面", "total", "==", 2, "面")]),
    ("共修复围网280米，受理投诉31笔，有57位同志入库。",
     [("共修复围网280米", "total", "==", 280, "米"), ("31笔", "total", "==", 31, "笔"), ("57位", "total", "==", 57, "位")]),
    # …and 两周一次 is every two weeks (26 a year)
    ("主题教研活动基本上两周一次。", [("两周一次", "week", "==", 1, "次")]),
    ("各班主题班会隔周一次。", [("隔周一次", "week", "==", 1, "次")]),  # every second week too
    # spoken: 十一个人 counts people (一个人 is alone)
    ("加起来一共是十一个人，他一个人在家。", [("共是十一个人", "total", "==", 11, "人")]),
    # a short bracket inside a name breaks no clause: the period word still governs
    ("每半月对各街道（镇）大检查开展情况督导一次。", [("每半月对各街道（镇）大检查开展情况督导一次", "half_month", "==", 1, "次")]),
    ("已完成整改（2项），剩余1次。", [("2项", "total", "==", 2, "项"), ("1次", "total", "==", 1, "次")]),
    # 支 right before the teams it counts; a count by its verb far from the period word is a count
    ("暑假里，学院十四支实践团队下到乡村。", [("十四支", "total", "==", 14, "支")]),
    ("全年请校纪委的同志来作了一次师德专题培训。", [("一次", "total", "==", 1, "次")]),
    # …but a 每 keeps its count as a rate across a 的
    ("德育处每个月把大家的意见汇总一次。", [("每个月把大家的意见汇总一次", "month", "==", 1, "次")]),
    # spoken counts of money, land and cases, 一年 as a year, a decimal in words; 发现一起、查处一起 is a motto
    ("今年村集体经营性收入是十八万三千元，土地流转了三十亩。", [("十八万三千元", "total", "==", 183000, "元"),
                                          ("三十亩", "total", "==", 30, "亩")]),
    ("排查出纠纷二十七起，坚决做到发现一起、查处一起。", [("二十七起", "total", "==", 27, "起")]),
    ("支委会一年开了十二次。", [("一年开了十二次", "year", "==", 12, "次")]),
    ("开设兴趣课程二十四门，会同4部门。", [("二十四门", "total", "==", 24, "门")]),
    ("厨余垃圾现在日均到了九点二吨。", [("日均到了九点二吨", "day", "==", 9.2, "吨")]),
    # a duration cut to a cap is a quota (a limit of days to act within is not)
    ("平均执行周期压缩至100天以内，问题在3天内整改。", [("100天以内", "total", "<=", 100, "天")]),
    # more spoken counts: buildings, machines, batches, lifts (部 before 电梯), a rate of 百分之百
    ("今年三十六栋楼的屋顶全部做了防水，更换了两台高温消毒柜，轮训分三批进行，原计划装十二部电梯。",
     [("三十六栋", "total", "==", 36, "栋"), ("两台", "total", "==", 2, "台"), ("三批", "total", "==", 3, "批"),
      ("十二部", "total", "==", 12, "部")]),
    ("物业服务覆盖率达到了百分之百，工作专班一年下来开了十七次。",
     [("百分之百", "total", ">=", 100, "%"), ("一年下来开了十七次", "year", "==", 17, "次")]),
    ("幼儿晨检率一直保持在百分之百，", [("百分之百", "total", "==", 100, "%")]),
    # spoken: a 礼拜 is a week, 两回 two times (两回事 is no count), 一万三千 has its 万 inside
    ("我们只能做到每个礼拜开三天。", [("每个礼拜开三天", "week", "==", 3, "天")]),
    ("全年只在四月和十月搞了两回，这是两回事。", [("全年只在四月和十月搞了两回", "year", "==", 2, "回")]),
    ("全年一共一万三千多人次，累计一万零五百人，服务三万人次。",
     [("全年一共一万三千多人次", "year", ">=", 13000, "人次"), ("累计一万零五百人", "total", "==", 10500, "人"),
      ("三万人次", "total", "==", 30000, "人次")]),
])
def test_counts_periods_and_bounds(run, text, expected):
    got = [(q.text, q.period, q.comparator, q.value, q.unit) for q in run(quotas, text)]
    assert got == expected


@pytest.mark.parametrize("text, baseline", [
    ("占常住人口比例提升至11.8%", False),  # a share of the population reached, not the population
    ("全镇现有农户4300多户。", True), ("新增通硬化路的较大人口规模自然村27个。", False), ("辖区常住人口3.2万人。", True), ("全院共有党员126名。", True),
    ("为全市7600多名持证残疾人提供服务。", True),
    ("全年发展党员5名。", False), ("每季度至少开展1次检查。", False), ("共排查隐患132处。", False),
])
def test_baselines_are_marked(run, text, baseline):
    (q,) = run(quotas, text)
    assert q.baseline is baseline


@pytest.mark.parametrize("text, baselines", [
    # a rectification item's finding, before its 整改措施： label, says what was found
    ("整改方案\n1.暂付款余额较大，年末暂付款余额达8650万元（整改措施：逐笔清理，消化暂付款不低于30%；整改时限：12月底前）\n",
     [("达8650万元", True), ("不低于30%", False)]),
    ("整改方案\n（一）问题：会计监督检查覆盖面不足，全年仅检查单位6家。\n整改措施：开展专项检查，检查单位不少于20家。\n",
     [("全年仅检查单位6家", True), ("不少于20家", False)]),
    # no label: a figure is read as it stands
    ("工作方案\n1.全年检查单位不少于20家，每季度通报1次。\n", [("全年检查单位不少于20家", False), ("每季度通报1次", False)]),
    # figures listed on with a baseline are baselines too
    ("工作计划\n1.辖区现有桥梁186座、隧道14座，全年完成桥梁定期检查不少于40座。\n",
     [("186座", True), ("14座", True), ("全年完成桥梁定期检查不少于40座", False)]),
])
def test_a_findings_figures_are_what_was_found(run, text, baselines):
    assert [(q.text, q.baseline) for q in run(quotas, text)] == baselines


@pytest.mark.parametrize("text, period", [
    ("秋季学期举办专题讲座3场。", "term"), ("下学期开展检查2次。", "term"), ("本学期共检查20次。", "term"),
    ("这学期疏散演练一共搞了六次。", "term"), ("这个学期共检查20次。", "term"),  # spoken
])
def test_a_named_term_is_a_term(run, text, period):
    (q,) = run(quotas, text)
    assert q.period == period and text[:-1].endswith(q.text)


@pytest.mark.parametrize("text, expected", [
    # periodic actions with no number, by their verbs and the words before them
    ("院感科每月深入各临床科室开展质控督查。", [("每月深入各临床科室开展质控督查", "month", 1)]),
    ("每月对在用消毒剂浓度进行监测。", [("每月对在用消毒剂浓度进行监测", "month", 1)]),
    ("区域调压站坚持每日巡检。", [("每日巡检", "day", 1)]),
    ("高龄津贴按季度足额发放。", [("按季度足额发放", "quarter", 1)]),
    ("党费按月收缴。", [("按月收缴", "month", 1)]),
    # …a weekday, a time of day or a manner between the period and its verb
    ("每周一早上举行升旗仪式。", [("每周一早上举行", "week", 1)]),
    ("各教研组坚持每周三下午开展教研活动。", [("每周三下午开展", "week", 1)]),
    ("学校坚持每个礼拜一早上举行升旗仪式。", [("每个礼拜一早上举行", "week", 1)]),  # spoken
    ("网格矛盾排查会每个月开，没有一起矛盾上交。", [("每个月开", "month", 1)]),  # spoken, the bare verb
    ("坚持每季度面对面随访。", [("每季度面对面随访", "quarter", 1)]),
    ("班主任例会每月都按时召开。", [("每月都按时召开", "month", 1)]),
    ("每月汇总评出“文明班级”。", [("每月汇总", "month", 1)]),
    ("督导组逐月深入各乡镇开展督导检查。", [("逐月深入各乡镇开展督导检查", "month", 1)]),
    ("按季度评议物业服务企业。", [("按季度评议", "quarter", 1)]),
    ("销售额逐月下降。", []),
    ("领导小组办公室按月编发工作进展通报。", [("按月编发", "month", 1)]),
    # …a subject, a light verb or a means before it (spoken reports)
    ("每个月我们都搞集中宣传，进市场。", [("每个月我们都搞集中宣传", "month", 1)]),
    ("每个季度都按时作了通报。", [("每个季度都按时作了通报", "quarter", 1)]),
    ("各责任单位每月按时向整改办报送整改进展。", [("每月按时向整改办报送", "month", 1)]),
    ("每月利用固定接种日对接种信息进行比对。", [("每月利用固定接种日对接种信息进行比对", "month", 1)]),
    ("护林员每天上山巡护。", [("每天上山巡护", "day", 1)]),
    ("中心组坚持每月集体学习。", [("每月集体学习", "month", 1)]),
    ("按季度形成投诉分析报告。", [("按季度形成", "quarter", 1)]),
    ("每月工资按时发放到卡。", []),
    ("院感科坚持每日查看院感监测系统。", [("每日查看", "day", 1)]),
    ("每周电话问候独居老人。", [("每周电话问候", "week", 1)]),
    ("审管办每个月都把审限预警情况在全院通报。", [("每个月都把审限预警情况在全院通报", "month", 1)]),
    ("每月通过门户网站通报各县排名。", [("每月通过门户网站通报", "month", 1)]),
    ("县级专家每周到乡卫生院坐诊。", [("每周到乡卫生院坐诊", "week", 1)]),
    # (not a weekday after a month, nor a verb the list does not hold)
    ("心理咨询室每天中午向学生开放。", []),
    ("每月一日公布上月结果。", []),
])
def test_periodic_actions_without_a_number(run, text, expected):
    assert [(q.text, q.period, q.value) for q in run(quotas, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # courses are counted in 门, in Chinese numerals too (一门 stays out: 一门心思)
    ("选修课全年一共开了十门，春季学期四门。", [("全年一共开了十门", "year", 10, "门"), ("春季学期四门", "term", 4, "门")]),
    ("开设心理健康选修课6门。", [("6门", "total", 6, "门")]),
    ("上半年共督查168科次，计2学分。", [("上半年共督查168科次", "half_year", 168, "科次"), ("2学分", "total", 2, "学分")]),
    ("新开3门诊，一门心思抓落实。", []),
])
def test_courses_and_department_visits_are_counted(run, text, expected):
    assert [(q.text, q.period, q.value, q.unit) for q in run(quotas, text)] == expected


def test_a_figure_alone_in_a_table_cell_takes_its_columns_period(tmp_path):
    """年度目标 / 上半年完成 over 8亿元 / 4.37亿元: the column heading says whose period a figure is."""
    import docx

    d = docx.Document()
    d.add_paragraph("某局2025年上半年工作总结")
    t = d.add_table(rows=2, cols=4)
    for r, cells in enumerate([["指标", "年度目标", "上半年完成", "完成率"], ["发放贷款", "8亿元", "4.37亿元", "54.6%"]]):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    path = tmp_path / "s.docx"
    d.save(path)
    got = [(q.text, q.period, q.value) for q in policytext.analyze(policytext.read(path)).quotas]
    assert got == [("8亿元", "year", 800000000), ("4.37亿元", "half_year", 437000000), ("54.6%", "total", 54.6)]


@pytest.mark.parametrize("text, unit", [("共检查仓房212栋次。", "栋次"), ("共检查课程412门次。", "门次"),
                                        ("全年实施熏蒸作业21仓次。", "仓次")])
def test_counts_of_visits_by_what_was_visited(text, unit):
    (q,) = policytext.analyze(policytext.from_text(text)).quotas
    assert q.unit == unit


@pytest.mark.parametrize("said, period, per_year", [
    ("网格员半个月上门一趟，看水电、问冷暖。", "half_month", 24),  # spoken: a trip every half month
    ("楼栋长一个礼拜上门看一趟，谁家缺什么心里都有本账。", "week", 52),  # words between the week and the count
])
def test_spoken_rates_of_a_report(said, period, per_year):
    got = policytext.analyze(policytext.from_text("某社区2025年工作总结\n一、关爱\n" + said + "\n")).quotas
    assert [(q.period, q.per_year, q.unit) for q in got] == [(period, per_year, "趟")]
