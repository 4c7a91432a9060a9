import pytest

import policytext
from policytext.compare import sentences as S
from tests.compare.conftest import pair

SUMMARY = """江州市某局2024年工作总结

一、主要工作
一是开展专题学习。全年开展专题学习4次，组织集中研讨2次。二是推进评选。10月完成中期评估，示范支部评选工作尚未完成。全年未发生安全事故。计划内项目全部完成。上线套餐15个，比计划减少5个。

二、存在的问题
一是部分科室未能按季度开展谈心谈话。二是简报编发不够及时。

三、下一步工作打算
一是将加强调查研究，计划形成调研报告3篇。二是持续深化模范机关创建。

江州市某局
2024年12月20日
"""


@pytest.fixture(scope="module")
def sents():
    _, summary = pair("江州市某局2024年工作要点\n一、学习\n1.开展学习。", SUMMARY)
    return {s.text: s for s in S.split(summary)}, summary


@pytest.mark.parametrize("text, reading, partial", [
    ("全年开展专题学习4次，组织集中研讨2次。", "done", False),
    ("10月完成中期评估，", "done", False),
    ("示范支部评选工作尚未完成。", "negated", True),  # cut where its reading changes; half done beside 10月完成中期评估
    ("全年未发生安全事故。", "done", False),  # 未发生: nothing bad happened, not a negation
    ("计划内项目全部完成。", "done", False),  # 计划内 is not an intention
    ("上线套餐15个，比计划减少5个。", "done", False),  # nor is 比计划
    ("一是部分科室未能按季度开展谈心谈话。", "negated", True),
    ("二是简报编发不够及时。", "problem", False),
    ("一是将加强调查研究，计划形成调研报告3篇。", "future", False),
    ("二是持续深化模范机关创建。", "future", False),  # in 下一步: a plan, whatever its wording
])
def test_reading(sents, text, reading, partial):
    by_text, _ = sents
    assert text in by_text, sorted(by_text)
    s = by_text[text]
    assert (s.reading, s.partial_scope) == (reading, partial)


def test_offsets_and_sections(sents):
    by_text, summary = sents
    for s in by_text.values():
        assert summary.document.text[s.start:s.end] == s.text
    assert "二、存在的问题" not in by_text and "江州市某局" not in by_text  # headings, issuer, date skipped
    assert by_text["二是简报编发不够及时。"].section == "存在的问题"


@pytest.mark.parametrize("heading, kind", [
    ("存在的问题", "problems"), ("存在问题和不足", "problems"), ("问题与不足", "problems"),
    ("下一步工作打算", "next"), ("2025年工作计划", "next"), ("今后工作思路", "next"),
    ("主要工作完成情况", "body"), ("组织保障情况", "body"),
    ("2023年工作回顾", "body"), ("2024年工作开展情况", "body"), ("2024年重点工作", "next"),
    ("2024年主要预期目标", "next"),
    ("下半年重点工作", "next"), ("下半年工作开展情况", "body"),  # a mid-year report's plans; a review
    ("明年怎么干", "next"), ("明年的工作要早谋划", "next"),  # spoken
])
def test_section_kind(heading, kind):
    assert S.section_kind(heading) == kind


@pytest.mark.parametrize("text, negated", [
    ("老师们自己的学习也没有落下。", False),  # kept up, not left undone
    ("重大事项一律先经院长办公会酝酿、再提交党委会决定，没有个人说了算的情况。", False),  # none of that happened
    ("还有个别科室没有按期完成的情况。", True),
    ("各项工作都没有耽误。", False),
    ("培训工作没有落实。", True),
    ("首席数据官制度还未建立", True), ("医保基金专项检查暂未开展", True), ("没有形成调研报告", True),
    ("未能按期完成", True), ("整改不到位", True), ("全年未发生重大事件", False), ("未出现反弹", False),
    ("全部按期完成", False),
    ("未发现违规问题", False), ("全年未收到投诉", False), ("今年没有接到过厨余垃圾积存满溢的投诉", False), ("其余病区尚未推开", True), ("尚在推进之中", True), ("桂园社区已通过区局初评，尚待验收", True), ("其余11个党支部的检查将于11月底前完成", True),
    ("学位项目尚在建设之中", True), ("示范点建设仍在推进中", True), ("正在施工", True),
    ("修订稿已完成征求意见，待委党委会议审议后印发", True),  # a step still to come
    ("隔离防护网还在走招标程序", True),
    ("考核办法修订稿已起草完成，目前正在征求各县（市、区）和市直部门意见", True),  # a draft not yet issued
    ("教师轮岗制度说了一学期，还没真正建立起来", True),  # spoken: 还没
    ("截至1月10日，交接登记没有出过一次差错", False),  # a bad outcome that did not happen
    ("到8月底一共巡查了17轮，也没有接到群众投诉", False),
    ("向乡镇推送疑似应保未保线索214条", False),  # a kind of case named by what it lacks
    ("主题党日每月一次，一年下来没有断过", False),  # kept up
    ("这学期每个星期都按时举行，没有落下过，碰上下雨天就改在教室里看直播", False),  # none missed
    ("其中未履行集体决策程序的9项已全部补办", False),  # what was put right, named by what it had not done
    ("初筛未通过的37人均在规定时限内完成复筛", False),  # whom the work was for, named by what they had not done
    ("发现除尘系统未按规定清灰、有限空间作业未审批等隐患426项", False),  # what a check found
    ("初筛未通过的37人均未复筛", True),
    ("市局对核查成果进行了抽查复核，未提出整改意见", False),  # a result: nothing to put right
    ("全年召开党委会十五次，没有一项绕过党委会", False),  # none went round it: all went through
    ("参考318人，合格301人，17名不合格人员一律未予进场", False),  # a rule enforced
    ("已整改15份，其余12份正在通过协商变更、重新发包等方式推进整改", True),  # the means, then work under way
    ("未履行集体决策程序的事项尚未补办", True),
    ("问题6：押品价值重估不及时（已完成）", False),  # the finding's name, then its status
    ("群众最看重的还是“有没有用、管不管用”", False),  # a question
    ("今年夏天下大雨，没有一个村因为沟渠堵了淹了庄稼", False),  # no one harmed
    ("没有一起因为纠纷没化解好闹成刑事案件的", False),
    ("平均发放周期12天，无超期未发案款", False),  # none left undone
    ("已全部整改，没有未整改到位的问题", False),
    ("该项工作无法按期完成，未能落实", True),
    ("无专人负责，未建立工作台账", True),  # 无 in another clause
    ("班子成员一个月至少往村里跑两趟，没有一个人打折扣", False),
    ("依托部门数据比对，逐户动员未参保人员参保", False),  # whom it serves, named by what they lack
    ("个别执法部门对“谁执法谁普法”认识不到位", False),  # a mind-set, not work left undone
    ("部分单位对安全生产重视程度还不够", False),
    ("待遇保障政策全部落实", False),
    ("6月组织未检业务培训1次", False), ("撰写未检典型案例两篇", False),  # 未检: 未成年人检察, a department's work
    ("3家单位未检查", True), ("特种设备未检验", True),
    ("两名青年干部还在全市读书交流会中作了交流发言", False),  # 还: also; 中: where, a verb after it
    ("二期系统还在调试中", True),
    ("剩下的26座还在维修", True), ("目前设备正在安装调试", True),  # still being repaired, installed
    ("市林业局那起案件的建议书还在起草", True), ("分析会推迟到了年后", True),
    ("目前各处室推荐的案例正在评审中", True),
    ("大件垃圾预约收运到现在也没建起来", True), ("这个事一直没搞成", True),  # spoken: 没 + a verb of making
    ("二是练兵没有停步", False), ("这一条我们没有落下", False),  # work that never stopped
    ("没想到效果这么好", False),
    ("质控未通过的病历一律退回修改", False),  # what the rule is about
    ("艺术节因场馆维修推迟到下学期举办", True), ("剩余3个因征地问题顺延至明年实施", True),  # put off: not done
    ("主体工程推迟到7月中旬才完成", False),  # done, late
    # spoken: it cannot be finished; a gap or weak point still there (填补了空白 is done)
    ("龙潭村的中药材基地还在评审，年前估计挂不上了", True), ("好多乡镇家长学校还是空白", True),
    ("家庭教育讲座也没怎么开展起来", True), ("二是家庭教育指导服务还是短板", True),
    ("填补了全县家庭教育阵地的空白", False), ("其余2名正在通过交流任职逐步消化", True),
    ("最近一期分析报告正在撰写中", True), ("上半年的项目绩效自评，今年没顾上弄", True),
    ("全年418条线索接收即办，没有一条超过规定时限", False),  # none went over: a result
    # still being prepared, pursued or negotiated: not done
    ("剩下三家还在筹建", True), ("剩余3件涉及历史遗留房屋产权问题，仍在持续攻坚", True),
    ("还有200万元我们正在跟区财政局协调", True),
    ("剩余6处涉及违章建筑拆除，正在会同区城管执法局协调处置", True),
    ("正在跟上级部门汇报工作", False),
    ("未排查出重大事故隐患", False),  # a result
])
def test_negation(text, negated):
    assert S.is_negated(text) is negated


def test_item_headings_and_fragments():
    _, summary = pair("某局2024年工作要点\n一、安全\n1.落实数据安全责任。",
                      "某局2024年工作总结\n市委：\n一、主要工作\n（一）强化数据安全保障\n开展数据安全检查2次，整改问题5个。\n"
                      "（二）完成平台上线。\n")
    by_text = {s.text: s for s in S.split(summary)}
    assert "市委：" not in by_text  # the addressee line says nothing
    assert by_text["（一）强化数据安全保障"].heading  # a topic: the sentences under it report
    assert not by_text["开展数据安全检查2次，整改问题5个。"].heading
    assert not by_text["（二）完成平台上线。"].heading  # an item that is all heading reports


@pytest.mark.parametrize("text, generic", [
    ("2024年，在区委、区政府的坚强领导下，街道坚持以习近平新时代中国特色社会主义思想为指导，各项工作取得新成效。", True),
    ("在县委的坚强领导下，全年开展专题学习12次。", False),  # it reports a figure
    ("这一年，在县委的坚强领导下，我们坚持以习近平新时代中国特色社会主义思想为指导，注重总结推广典型经验。", True),
    ("全年开展专题学习12次。", False),
    ("今年以来，在区委的坚强领导和市中级人民法院的监督指导下，我院加强组织领导，压实工作责任。", True),
    ("面对经济下行压力加大等多重困难挑战，在县委、县政府的坚强领导下，我们坚持稳中求进工作总基调，", True),
    ("现将全年工作情况报告如下。", True),  # the sentence that introduces the report
    ("在社区的指导下，锦苑小区等五个小区依法选举产生业主委员会。", False),  # helped by whom did the work
    ("在县人大常委会的指导支持下，镇人大主席团扎实开展各项工作。", True),  # led by a body above
    ("今年以来，我局在区委、区政府的坚强领导下和市司法局的精心指导下，全面落实普法责任制。", True),  # a subject first
    ("一年来，县委组织部在市委组织部的精心指导下，扎实推进各项工作。", True),
    ("支部组织党员深入学习贯彻党的二十届三中全会精神。", False),  # the work itself
    ("个别事项未按计划时间完成。", True),  # said of the work as a whole
    ("剩下7个正在整改。", True),  # a tally of what a search found
    ("10类整改事项中，已完成整改5类，正在整改5类。", True),  # a tally of the findings, by kind
    # what led to the work first, a month in it (a date, not a figure)
    ("2025年4月市卫生健康委专项检查反馈问题后，我院在县卫生健康局的坚强领导下，坚持以问题为导向，健全长效机制。", True),
    # a title and an addressee run on into it (a text pasted as one line)
    ("县纪委监委关于整改进展情况的报告 市委巡察办：今年3月巡察组反馈意见后，县纪委监委坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻重要论述。", True),
    # a run-on title alone before it, a figure only inside a quoted name
    ("青石街道2025年“15分钟便民生活圈”建设工作总结 2025年，在区委、区政府的坚强领导下，青石街道坚持以人民为中心的发展思想，强化督查考核。", True),
    # …a title run on with no space, and a school term's name after it
    ("清河县教育局2024年秋季学期课后服务工作总结2024年秋季学期，在县委、县政府的坚强领导下，县教育局坚持以习近平新时代中国特色社会主义思想为指导。", True),
    # 这些成绩，是在…领导下: what the year's results are owed to
    ("今年这些成绩，是在街道党工委和区卫健委的坚强领导下，全中心上下坚持以居民健康为中心干出来的。", True),
    # a school term's opening
    ("本学期，在区教育局的坚强领导下，学校坚持以习近平新时代中国特色社会主义思想为指导，扎实推进各项工作。", True),
    # an admission that some things were not done, naming none (spoken)
    ("也有几件没办好、没办完，我后面也会实实在在跟大家讲。", True),
    ("有几个村没有建成文化广场。", False),  # names what was not done
])
def test_generic_openings_are_marked(text, generic):
    import policytext

    s = S.split(policytext.analyze(policytext.from_text("某局2024年工作总结\n" + text + "\n")))
    assert s and s[0].generic is generic


@pytest.mark.parametrize("text, negated", [
    ("经抽查，未发现未经审批擅自举办的情况", False),  # what was not found is a result, whatever it says
    ("全年未发生安全事故", False),
    ("未经审批擅自举办讲座2场", False),  # 未经: without, not a failure to do the task
    ("光荣榜目前还没有设立", True),
    ("未发现问题，但整改台账尚未建立", True),
    ("对照计划，仍有3项尚未完成", True),  # 对照: comparing, not what the work was for
    ("对此项工作尚未开展", True),  # 对…的 describes; 对… alone does not
    ("党费都是按月收的，没有一个拖欠的", False),  # a bad outcome that did not happen
    ("决议及时公布，群众没有意见", False),
    ("全年无一起投诉", False),
    ("没有建立意见箱", True),
    ("（四）关于“权利义务告知不及时、不规范”的问题", False),  # the finding's name in a rectification report
    ("8．关于应急预案修订不及时、演练开展较少的问题", False),  # unquoted
    ("（三）群众信访投诉办理不及时问题（已完成整改）", False),  # the finding's name, then its status
    ("（四）污水处理厂超标排放问题（正在整改）", True),
    ("本学期共拦下未带接送卡的“陌生面孔”9人次", False),  # what was acted on
    ("上半年发展团员1136名，未突破年度计划下达的上半年指标", False),  # a cap kept
    ("先后开展整改督查2轮，约谈整改进度滞后的科室负责人3人次", False),  # who was acted on, by how they lagged
    ("四是7月和12月两次对重点工作开展督查，对3项进度滞后工作下发了督办单", False),
    ("坚持把隐患排查作为防患于未然的关键举措", False),  # 未然: an idiom
    ("今年汛期没有出安全事故", False),  # spoken: a bad outcome that did not happen
    ("一年搞了四回，没有矛盾上交到镇里", False),
    ("部分科室整改进度滞后", True),
    ("督促尚未成立工作小组的学院于7月底前完成组建", True),  # some of one's own units: not done yet
    ("其余2间尚在安装调试", True),  # still under way
    ("南港储备库主体已经完工，正在进行设备安装", True),
])
def test_results_are_not_negations(text, negated):
    from policytext.compare.sentences import is_negated

    assert is_negated(text) is negated


def test_what_was_planned_is_not_reported_as_done():
    from policytext.compare.sentences import _groups

    # what was planned and then said not done is one negated report, about the planned work
    for text in ("原计划在局机关设立的光荣榜，因评选办法尚未出台，目前还没有设立",
                 "原计划每季度开展一次的人居环境整治“红黑榜”评比，因评比细则尚在修订完善，目前还没有开展",
                 "原计划在街道文化广场设立的好人光荣榜目前还没有设立"):  # one clause
        assert _groups(text, 0, len(text)) == [(0, len(text), False, True)]
    # what was planned, then done after all (late): one report of the work done, not an intention
    text = "原定上半年完成的清单修订，一直拖到8月中旬才全部完成，这个教训要记住"
    assert _groups(text, 0, len(text)) == [(0, len(text), False, False)]
    text = "院史馆改造提升，原计划上半年完工，中间展陈方案几经调整，8月初才正式对职工和患者开放，这个进度是滞后的"
    assert [g[2:] for g in _groups(text, 0, len(text))] == [(False, False), (False, False), (False, True)]
    text = "六十户的户厕改造，原计划上半年完工，因为雨水多，七月份才全部弄完，比镇里要求的晚了些"  # spoken
    assert all(not g[2] for g in _groups(text, 0, len(text)))
    text = "原计划9月召开的推进会，已于8月提前召开"  # planned, and done: the plan is no report
    assert [g[2:] for g in _groups(text, 0, len(text))] == [(True, False)]
    # …also after a first clause of its own: the planned work is what was not done
    text = "二是部分计划任务未按期完成，原定于演练周期间举行的综合应急演练，因主汛期提前，未能如期举行，已推迟至7月中旬"
    at = text.index("原定")
    assert _groups(text, 0, len(text))[-1] == (at, len(text), False, True)


@pytest.mark.parametrize("text, groups", [
    # a negation with no subject of its own is said of the topic before it
    ("家长志愿者队伍，说实话，到现在还没有组建起来", [(False, True)]),
    ("青年人才驿站，目前还没有建成", [(False, True)]),
    ("大件垃圾预约收运这个事，喊了好长时间，到现在也没建起来", [(False, True)]),  # (a spoken aside between)
    # late, then done: one report of work done late; but a cause (因…滞后) is of something else
    ("症状监测预警平台建设受软件招标影响有所滞后，8月下旬才正式上线运行", [(False, False)]),
    ("因部分企业材料报送滞后，问题清单直至7月中旬才汇总完成", [(False, True), (False, False)]),
    # a topic that reports something keeps its own reading
    ("开展消防宣传，目前还没有覆盖全部村", [(False, False), (False, True)]),
    ("已建成3个驿站，其余2个尚未建成", [(False, False), (False, True)]),
])
def test_a_negation_without_a_subject(text, groups):
    from policytext.compare.sentences import _groups

    assert [g[2:] for g in _groups(text, 0, len(text))] == groups


def test_what_the_plan_set_and_was_not_started_is_not_done():
    """其次是无讼村居创建，方案里定了要培育示范点，但是…到现在还没有真正启动: the whole is negated, not partly."""
    from policytext.compare.sentences import _groups

    text = "其次是无讼村居创建，方案里定了要培育示范点，但是创建标准一直没有定下来，到现在还没有真正启动。"
    assert [(g[0], g[2], g[3]) for g in _groups(text, 0, len(text))] == [(0, False, True)]


def test_a_spoken_list_of_next_years_work_is_planned():
    """明年呢，我想重点抓三件事。一个是…: every point is planned; 今年一直没有…开展起来 negates its topic."""
    import policytext

    text = ("问题我也不回避。信息化拖了后腿，还有就是出院患者的电话随访，今年一直没有真正开展起来，护理部没拿出统一的办法。\n"
            "明年呢，我想重点抓三件事。一个是延续护理，出院随访要建起来。再一个是信息系统，明年3月底前必须全部上线。\n")
    by_text = {s.text: s for s in S.split(policytext.analyze(policytext.from_text("在护士长例会上的讲话\n" + text)))}
    assert by_text["一个是延续护理，出院随访要建起来。"].reading == "future"
    neg = by_text["还有就是出院患者的电话随访，今年一直没有真正开展起来，"]
    assert neg.negated and not neg.partial_scope


@pytest.mark.parametrize("text, topic_at, partial", [
    # an aside before a bare negation: the topic is still the clause before it
    ("再一个是健康档案向居民开放，说实话还没动起来。", 0, False),
    # a negation said of one quarter named before it: the rest of the year's work stands
    ("说实话，一季度大家都忙着迎接县里的年度考核，例会就没顾上开。", None, True),
])
def test_what_a_spoken_negation_is_said_of(text, topic_at, partial):
    import policytext

    summary = policytext.analyze(policytext.from_text("在全院职工大会上的讲话\n同志们：\n" + text + "\n"))
    (neg,) = [x for x in S.split(summary) if x.negated]
    if topic_at is not None:
        assert neg.text == text
    assert neg.partial_scope is partial


def test_readings_of_a_reports_own_layout():
    """The year's figures after the plans for next year are reported; 主要抓了这么几件事 tells what was
    done; a finding's heading restated (问题2：…追回不到位。) leaves no work undone."""
    import policytext

    text = ("某局2024年工作总结\n一、主要工作\n这学期主要抓了这么几件事：一是报名这块做得比较细。\n问题2：违规使用医保基金追回不到位。\n"
            "整改情况：9月20日前已全部追回。\n二、下一步工作\n一是巩固提升空气质量。\n"
            "2024年主要指标情况：全县空气质量优良天数比率为86.6%。\n")
    by_text = {x.text: x for x in S.split(policytext.analyze(policytext.from_text(text)))}
    assert by_text["2024年主要指标情况：全县空气质量优良天数比率为86.6%。"].reading == "done"
    assert by_text["一是巩固提升空气质量。"].reading == "future"
    assert by_text["这学期主要抓了这么几件事：一是报名这块做得比较细。"].reading == "done"
    assert not by_text["违规使用医保基金追回不到位。"].negated


def test_a_bare_negation_takes_the_last_clause_before_it_as_its_topic():
    """还有个事要跟大家交个底，原来定的“一老一小”服务满意度测评，到现在还没有做: the survey is what was not done."""
    from policytext.compare.sentences import _groups

    text = "还有个事要跟大家交个底，原来定的“一老一小”服务满意度测评，到现在还没有做"
    at = text.index("原来")
    assert [(g[0], g[3]) for g in _groups(text, 0, len(text))] == [(0, False), (at, True)]


def test_a_speech_sets_limits_still_to_come():
    _, summary = pair("某院2025年工作要点\n一、宣传\n1.全年刊发稿件不少于12篇。",
                      "在全院推进会上的讲话\n同志们：\n今天总结上半年工作。宣传是我们的短板，由办公室牵头，年底前至少刊发十二篇稿件。"
                      "物业纠纷工作指引8月底前必须出台。5月底前完成了全部接入。\n")
    by_text = {s.text: s.reading for s in S.split(summary)}
    assert by_text["宣传是我们的短板，由办公室牵头，年底前至少刊发十二篇稿件。"] == "future"
    assert by_text["物业纠纷工作指引8月底前必须出台。"] == "future"
    assert by_text["5月底前完成了全部接入。"] == "done"


@pytest.mark.parametrize("text, intended", [
    ("区级以上农业产业化龙头企业认定工作拟于9月份启动", True),  # an intention inside a report
    ("将于9月新教师报到后组织实施", True),
    ("非学科类校外培训机构年度检查工作拟于2025年2月启动", True),  # the year said too
    ("计划于2025年第一季度上线运行", True),
    ("督查检查考核年度计划于4月20日印发", False),  # 计划 the noun: a plan was issued
    ("已于5月10日正式印发", False),
    ("下一步，将委托县疾控中心每季度开展1次环境卫生学监测", True),  # 下一步 opens the sentence
    ("按照下一步工作要求完成了整改", False),
    ("争取街道支持", False),  # support won, in a clause of its own (…，已为68户安装…)
    ("二是“清廉家庭”评选要在春节前完成表彰", True),  # a time still to come for it
    ("明年6月底前把全县廉情监督员全部选聘到位", True),
    ("明年开始，每半年在公示栏公示一次收支", True),  # from next year on
    ("应急预案修订和演练工作已列入下一阶段计划", True),  # put on the plan for later
    ("镇党委已将上轮巡察反馈问题“回头看”列入下阶段重点工作", True),
    ("新的一年，把全院各岗位廉政风险点全面重新排查到位", True), ("2026年，我们将聚焦上述问题", True),
    ("已在春节前完成表彰", False),
    ("争取街道支持，为独居老人安装烟感报警器", True),
    ("争取衔接资金和帮扶资金86万元", False),  # money won, with its sum
    ("争取到上级资金", False),
    ("争取资金100万元以上用于改造", True),
    ("全县计划实施的4所学校改扩建项目中，3所学校主体工程已完工", False),  # the planned projects: which ones, not an intention
    ("全县计划实施4所学校改扩建项目", True),
    ("“红黑榜”春节后就要建起来", True),  # spoken: a time still to come, with what must be done then
    ("春节后将各村环境整治纳入考核", False),  # 将 after 春节后 is 把, told of the past
    ("计划停电信息均提前告知客户", False),  # 计划停电: a planned outage, not an intention
])
def test_an_intention_with_its_time_anywhere_in_a_clause(text, intended):
    from policytext import patterns as P

    assert bool(P.INTENTION.search(text)) is intended


@pytest.mark.parametrize("text", ["办理未成年人案件42件", "对长期未结执行案件逐案建立台账", "排查发现管理维护不到位问题6个",
                                  "对未满18周岁的涉罪人员开展帮教",
                                  # what the work was aimed at, not a failure of the work
                                  "对整改不到位的5件依法提起行政公益诉讼", "对工作不力、整改不及时的单位进行约谈",
                                  "对仍未整改到位的，依法提起行政公益诉讼两件", "对仍未整改到位的",
                                  # done openly: 没有关起门来定
                                  "改不改、改什么，我们没有关起门来定",
                                  # no dispute went up to the town
                                  "全年调解了二十来起，没有闹到镇上去的",
                                  # clean conduct, not work undone
                                  "自觉执行“九项准则”，没有利用职务便利为亲友谋取利益",
                                  # done in earnest, not fobbed off
                                  "都是面对面的，没有拿打电话糊弄", "每次检查都动真格，没有走过场",
                                  "针对抽查中发现的病程记录不及时、手术记录书写不完整等问题",
                                  # a set phrase: prevent the illness before it comes
                                  "坚持“治已病”与“防未病”相结合"])
def test_words_with_wei_that_negate_nothing(text):
    from policytext.compare.sentences import is_negated

    assert not is_negated(text)


def test_the_title_under_an_issuer_line_is_no_sentence():
    import policytext
    from policytext.analysis import analyze

    a = analyze(policytext.from_text("云陵市市场监督管理局\n2024年食品安全专项整治工作总结\n一、工作情况\n全年抽检6215批次。\n"))
    assert a.document.title == "2024年食品安全专项整治工作总结"
    assert [s.text for s in S.split(a)] == ["全年抽检6215批次。"]


def test_a_heading_that_runs_on_into_its_report_in_a_one_line_document():
    """四、基层治理更加有力 坚持和发展…: the heading is the title; what follows is a report."""
    import policytext

    body = "在乡党委的坚强领导下，全年工作取得明显成效，现将一年来工作总结如下。"
    line = (body * 8 + " 一、基层治理更加有力 乡、村两级坚持每月开展矛盾纠纷集中排查，共排查矛盾纠纷93起，调解成功率97.8%。"
            " 二、存在的问题 一是产业基础薄弱。二是督促不够有力。")
    sents = S.split(policytext.analyze(policytext.from_text("某乡2024年工作总结\n" + line + "\n")))
    report = next(s for s in sents if "矛盾纠纷集中排查" in s.text)
    assert report.text.startswith("乡、村两级") and report.section == "基层治理更加有力"
    assert report.affirmative


@pytest.mark.parametrize("text, partial", [
    ("党员联户还没有在全村铺开", True),  # not yet across the whole village: some of it was done
    ("整改尚未全部完成", True),
    ("其余病区尚未推开", True),
    ("乡镇数字化培训尚未全面开展", False),  # not begun in earnest: no part said done
    ("光荣榜目前还没有设立", False),
])
def test_a_negation_of_the_whole_is_partial(text, partial):
    from policytext import patterns as P

    assert bool(P.PARTIAL_SCOPE.search(text)) is partial


def test_a_salutation_is_no_sentence():
    import policytext

    summary = policytext.analyze(policytext.from_text("某镇2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n全年新建口袋公园6个。\n"))
    assert [s.text for s in S.split(summary)] == ["全年新建口袋公园6个。"]


def test_a_findings_status_belongs_to_its_finding():
    import policytext

    text = ("某集团关于督查反馈问题整改进展情况的报告\n一、整改工作总体情况\n截至6月30日，10项问题中已完成整改7项，正在整改3项。\n"
            "二、问题整改进展情况\n1．关于“危险货物堆场隔离间距不符合规范”问题。\n正在整改。已对3个箱区停止使用。\n"
            "2．关于“安全生产投入不足”问题。已完成。年度安排安全生产专项资金3450万元。\n")
    got = {s.text: s for s in S.split(policytext.analyze(policytext.from_text(text)))}
    under_way = got["1．关于“危险货物堆场隔离间距不符合规范”问题。\n正在整改。"]
    assert under_way.negated and under_way.partial_scope  # in progress: partly done, for that finding only
    done = got["2．关于“安全生产投入不足”问题。已完成。"]
    assert not done.negated and done.reading == "done"
    assert "正在整改。" not in got and "已完成。" not in got
    # a tally of findings by status reports no finding, nor does a count of the findings done
    assert got["正在整改3项。"].generic and got["截至6月30日，10项问题中已完成整改7项，"].generic


def test_a_table_read_cell_by_cell_keeps_a_figure_with_its_label():
    import policytext

    text = ("某市总工会2024年工作情况报告\n一、主要工作\n全年主要服务指标完成情况见下表。\n指标\n完成情况\n"
            "新发展工会会员\n1.62万人\n其中：农民工会员\n5400人\n")
    got = [s.text for s in S.split(policytext.analyze(policytext.from_text(text)))]
    assert "新发展工会会员\n1.62万人" in got and "其中：农民工会员\n5400人" in got


@pytest.mark.parametrize("text, intended", [
    # a topic with no verb of its own is what the intention after it is about
    ("优秀提案和提案办理先进单位评选表彰工作，拟于12月下旬提请常委会议审议。", True),
    ("评选表彰工作已完成推荐，拟于12月下旬提请常委会议审议。", False),  # a report, then a plan
])
def test_a_topic_before_an_intention_is_intended(text, intended):
    import policytext

    summary = policytext.analyze(policytext.from_text("某委员会2025年提案工作情况报告\n一、办理情况\n" + text + "\n"))
    first = S.split(summary)[0]
    assert first.intention is intended and first.text.startswith(text[:6])


@pytest.mark.parametrize("text, negated", [
    ("其余7件因涉及跨部门协调，正在抓紧办理", True),
    ("监管平台已于5月完成招标，目前正在开发建设中", True),
    ("全市离校未就业高校毕业生就业率达92.6%", False),  # a group's name
    ("剩下三个都是老旧小区，我们还在一户一户做工作", True),  # spoken: still persuading
    ("县局先后召开工作调度会四次，对滞后任务挂牌督办", False),  # what the lagging tasks get
    ("已交流轮岗9人，其余5人将结合年度干部调整统筹安排", True),  # what is left is still to come
    ("高级职称的老师，这学期人人都上了示范课，没有落下的", False),  # no one left out
    ("少的开了两回议事会，多的开了五六回，没有一个方案是硬推下去的", False),  # none of them was
    ("其中21个科室已配齐兼职监控医师和监控护士，其余科室人员正在调整", True),  # the rest still being staffed
    ("剩下的岗位正在招聘", True),
    ("主干道两侧已全部安装，背街小巷餐饮店安装工作仍在推进", True),  # still going on
    ("党费按月收缴，全年没有党员欠缴", False),  # a bad outcome that did not happen, with who
    ("全年没有群众投诉", False),
    ("没有建立投诉受理机制", True),
    ("听证过的案子没有一件引发新的上访", False),  # nothing bad came of it
    ("年度考核正在组织，年底前能全部结束", True),  # the work itself under way
    ("正在组织开展业务培训", False),
    ("对123批次抽查结果逐项核查，发现未按时公示的11批次", False),  # what a check found
])
def test_work_in_hand_is_not_done(text, negated):
    assert S.is_negated(text) is negated


@pytest.mark.parametrize("text, partial", [
    # a negation beside work reported done in its own sentence: half done
    ("凤岭镇法治文化广场仅完成主体工程，城南法治文化公园尚在选址之中。", True),
    ("今年完成改厕二百一十户，因资金没到位，尚未动工。", True),
    # …or before its ；, in the same paragraph (but not another inline item's)
    ("东门、南门智能门禁系统已于5月中旬完成改造并投入使用；西门因道路施工影响，改造工作尚未完成。", True),
    ("三是共开展安全隐患排查5次；四是原计划设立的光荣榜，因工程延期，目前还没有设立。", False),
    # a concession is about something else
    ("4月虽组织全体教师参加了心理健康专题培训，但学生心理健康筛查工作尚未开展。", False),
    ("学生心理健康筛查工作尚未开展。", False),
    ("3.护理信息化水平不高，移动护理信息系统尚未建成，护理文书书写耗时较多。", False),  # a list number reports nothing
    # work under way is begun: partly done; work still being prepared is not
    ("专项整治成效梳理工作正在进行。", True),
    ("集中整治工作尚在推进之中。", True),
    ("行贿人信息库尚在筹建。", False),
])
def test_a_negation_beside_done_work_is_partial(text, partial):
    import policytext

    summary = policytext.analyze(policytext.from_text("某镇2025年工作总结\n一、主要工作\n" + text + "\n"))
    (neg,) = [s for s in S.split(summary) if s.negated]
    assert neg.partial_scope is partial


def test_a_spoken_next_point_is_not_the_rest_of_the_clause_before():
    """…厕所建起来了没人管；还有就是…年初定下的镇纪委专项督查，到现在还没有开展起来: not done at all."""
    import policytext

    text = ("有的地方重建设、轻管护，厕所建起来了没人管；还有就是督查问责这把尺子没有真正用起来，"
            "年初定下的镇纪委专项督查，到现在还没有开展起来。")
    summary = policytext.analyze(policytext.from_text("在推进会上的讲话\n同志们：\n" + text + "\n"))
    neg = [s for s in S.split(summary) if s.negated]
    assert neg[-1].text == "年初定下的镇纪委专项督查，到现在还没有开展起来。"
    assert not any(s.partial_scope for s in neg)


REPORT_TABLE = """某公司关于巡察反馈问题整改情况的报告
集团党委：
　　一、整改情况
序号	问题	整改措施	完成情况
1	干部队伍分析研判不经常	建立分析研判机制	已完成。今年以来开展分析研判3次，形成研判报告
2	干部选拔任用计划性不强	编制干部队伍建设规划；严格动议程序	正在整改。规划已形成初稿，正在征求意见；两批次干部选拔均先经党委会专题研究
3	个人有关事项报告查核不到位	严格执行“凡提四必”	正在整改。
"""


def test_a_pasted_report_table_reports_in_its_last_column():
    """序号⇥问题⇥整改措施⇥完成情况: the finding and the measure restate the plan; a status alone
    is the finding's report, and before what follows it the status is said of the measures together."""
    import policytext

    texts = [(s.text, s.negated) for s in S.split(policytext.analyze(policytext.from_text(REPORT_TABLE)))]
    assert texts == [
        ("今年以来开展分析研判3次，形成研判报告", False),
        ("规划已形成初稿，", False), ("正在征求意见；", True), ("两批次干部选拔均先经党委会专题研究", False),
        ("3\t个人有关事项报告查核不到位\t严格执行“凡提四必”\t正在整改。", True)]


def test_among_the_problems_what_goes_with_a_negation_is_more_of_the_problem():
    import policytext

    text = "2.护理人员绩效考核分配方案仍未出台，绩效分配向临床一线倾斜不够，一定程度上影响了护士的工作积极性。"
    for section, partial in (("二、存在的问题", False), ("二、主要工作", True)):
        summary = policytext.analyze(policytext.from_text(f"某院2024年护理工作总结\n一、总体情况\n完成了。\n{section}\n{text}\n"))
        (neg,) = [s for s in S.split(summary) if s.negated]
        assert neg.partial_scope is partial, section


def test_a_heading_with_no_space_that_runs_on_is_still_read():
    """四、课堂教学改革稳步推进，“双减”落地见效学校以…: no space after the title, but far too long to be one."""
    import policytext

    body = "本学期，学校坚持立德树人根本任务，扎实推进各项工作，现将本学期工作总结如下。"
    line = (body * 6 + "一、课堂教学改革稳步推进，“双减”落地见效学校以“一课一研”为抓手，各学科教研组坚持每月开展1次集体备课，"
            "围绕单元整体教学进行研讨。二、存在的问题一是教师梯队不合理。")
    sents = S.split(policytext.analyze(policytext.from_text("某小学2024年秋季学期工作总结" + line + "\n")))
    assert any("集体备课" in s.text for s in sents)


def test_a_byline_says_nothing():
    import policytext

    summary = policytext.from_text("某镇农村人居环境整治推进情况汇报\n石埠镇镇长  陈立新\n各位领导、同志们：\n一、进展\n开展村庄清洁行动。\n")
    assert [s.text for s in S.split(policytext.analyze(summary))] == ["开展村庄清洁行动。"]


def test_a_signature_and_a_word_of_thanks_say_nothing():
    import policytext

    text = ("在全校教师会上的发言\n各位老师：\n一、工作\n队干部培训搞了两次。\n"
            "最后，感谢各位老师这学期对少先队工作的支持，特别是各位中队辅导员，大家辛苦了！\n大队辅导员　陈晓\n")
    sents = S.split(policytext.analyze(policytext.from_text(text)))
    assert [s.text for s in sents if not s.generic] == ["队干部培训搞了两次。"]


def test_a_list_of_next_terms_plans_is_planned_to_its_last_item():
    import policytext

    text = ("在全校教师会上的发言\n各位老师：\n一、工作\n广播站基本上每周两次。\n"
            "下学期的打算，一是把读书节办起来；二是把争章活动抓起来；三是广播站恢复到每周三次以上。\n")
    by_text = {s.text: s for s in S.split(policytext.analyze(policytext.from_text(text)))}
    assert by_text["三是广播站恢复到每周三次以上。"].reading == "future"
    assert by_text["广播站基本上每周两次。"].reading == "done"


def test_a_long_addressee_line_says_nothing():
    import policytext

    summary = policytext.from_text("某局党组关于巡察整改情况的报告\n市委巡察工作领导小组办公室：\n一、整改情况\n成立整改工作领导小组。\n")
    assert [s.text for s in S.split(policytext.analyze(summary))] == ["成立整改工作领导小组。"]


def test_a_speech_is_read_to_its_end_and_its_list_of_plans_is_planned():
    """After its last numbered item a speech goes on reporting (说成绩，也要正视不足…) and lists what
    it means to do next, ； by ；, with no markers: read all of it, the list as planned; the
    closing greeting line and the date are no report."""
    import policytext

    text = ("在期末全体教师会上的讲话\n老师们：\n一是服务时间有保障。每周五天有服务。二是内容丰富，开出社团43个。\n"
            "说成绩，也要正视不足。绩效考核方案目前尚在征求意见之中。\n"
            "下学期，我想重点抓好这么几件事：把体育活动增加到每周三次；开学前把家长志愿者队伍组建起来；抓紧把方案定下来。\n"
            "2025年1月20日\n")
    by_text = {s.text: s for s in S.split(policytext.analyze(policytext.from_text(text)))}
    assert by_text["绩效考核方案目前尚在征求意见之中。"].negated
    assert by_text["开学前把家长志愿者队伍组建起来；"].intention
    assert by_text["抓紧把方案定下来。"].intention
    assert not any("2025年1月20日" in t for t in by_text)


def test_a_findings_labelled_status_is_that_findings():
    """1.关于…问题。整改情况：正在整改。 — the status under its label is the finding's own, not a
    negation any task sharing the word 整改 could take."""
    import policytext

    text = ("某支行整改情况报告\n二、整改落实情况\n1.关于服务收费管理不规范的问题。整改情况：已完成整改。停止不合规收费项目3项。\n"
            "2.关于适老化服务不到位的问题。整改情况：正在整改。11个网点已设置爱心窗口。\n")
    sents = S.split(policytext.analyze(policytext.from_text(text)))
    status = next(s for s in sents if "正在整改" in s.text)
    assert status.text == "2.关于适老化服务不到位的问题。整改情况：正在整改。" and status.negated


def test_a_findings_bracketed_status_is_that_findings():
    """（十）关于“…”的问题。（正在整改）8月下旬，各校均已…: the status in brackets goes with the
    finding (under way, partly done), and what follows it is a report of its own."""
    summary = policytext.analyze(policytext.from_text(
        "某县教育局关于巡察反馈问题整改进展情况的报告\n一、整改进展\n"
        "（十）关于“课后服务收费公示不规范”的问题。（正在整改）8月下旬，各校均已公示课后服务收费标准。\n"
        "（十一）关于“师德师风建设失之于宽”的问题。（已完成）印发专项整治方案。\n"))
    sents = {s.text: s for s in S.split(summary)}
    under_way = sents["（十）关于“课后服务收费公示不规范”的问题。（正在整改）"]
    assert under_way.negated and under_way.partial_scope
    assert sents["8月下旬，各校均已公示课后服务收费标准。"].reading == "done"
    assert not sents["（十一）关于“师德师风建设失之于宽”的问题。（已完成）"].negated


def test_a_table_pasted_one_cell_per_line():
    """指标 / 全年目标 / 1—9月完成, then a label and a figure per column: a row is one sentence, and the
    target column's cells are the plan's."""
    summary = policytext.analyze(policytext.from_text(
        "某局2025年前三季度工作进展情况\n主要指标完成情况如下：\n指标\n全年目标\n1—9月完成\n"
        "城镇登记失业率\n≤3.5%\n3.1%\n就业见习岗位募集\n500个\n260个\n一、主要工作\n开展招聘活动46场。\n"))
    texts = [s.text for s in S.split(summary)]
    assert "城镇登记失业率\n≤3.5%\n3.1%" in texts and "就业见习岗位募集\n500个\n260个" in texts
    text = summary.document.text
    assert [text[a:b] for a, b in S.pasted_table_planned(summary.document)] == ["≤3.5%", "500个"]


def test_a_list_of_plans_opened_by_its_kind_of_work_is_planned_to_its_end():
    """2026年，我们将…重点抓好以下工作：A；B；C: each item is planned, not done."""
    import policytext

    sents = S.split(policytext.analyze(policytext.from_text(
        "某局2025年工作总结\n一、工作情况\n全年开展安全检查6次。\n2026年，我们将聚焦上述问题，重点抓好以下工作：加快推进报警装置联网；"
        "全面开展学生欺凌防治专项治理；进一步加大培训力度。\n")))
    got = {s.text: s.reading for s in sents}
    assert got["全年开展安全检查6次。"] == "done"
    assert got["全面开展学生欺凌防治专项治理；"] == "future" and got["进一步加大培训力度。"] == "future"
