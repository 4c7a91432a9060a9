import pytest

from policytext.extract import dates as deadlines

PLAN = "江州市2024年党建工作要点\n"


@pytest.mark.parametrize("text,expected", [
    ("2024年6月底前完成", [("2024年6月底前", "2024-06-30", None, None, False)]),
    ("2024年2月下旬召开", [("2024年2月下旬", "2024-02-29", "2024-02-21", None, False)]),
    ("10月中旬开展评估", [("10月中旬", "2024-10-20", "2024-10-11", None, False)]),
    ("5月中下旬先后走访", [("5月中下旬", "2024-05-31", "2024-05-11", None, False)]),  # two parts of a month
    ("3月底前报送", [("3月底前", "2024-03-31", None, None, False)]),
    ("于2024年9月15日上线", [("2024年9月15日", "2024-09-15", None, None, False)]),
    ("6月前完成", [("6月前", "2024-06", None, None, False)]),
    ("会后7日内制定措施", [("会后7日内", None, None, None, True)]),
    ("30个工作日内办结", [("30个工作日内", None, None, None, True)]),
    # the end of a part of the year, or a limit before it, is a day; the part itself spans months
    ("确保三季度末前启动", [("三季度末前", "2024-09-30", None, None, False)]),
    ("2025年上半年前完成选聘", [("2025年上半年前", "2025-06-30", None, None, False)]),
    ("第三季度内完成", [("第三季度内", "2024-09-30", "2024-07-01", None, False)]),
    ("上半年内完成", [("上半年内", "2024-06-30", "2024-01-01", None, False)]),  # not its 年内
    ("每月5日前报送", [("每月5日前", None, None, "month", False)]),
    ("每年年底前形成报告", [("每年年底前", None, None, "year", False)]),
    ("每月1期，于次月10日前报送", [("次月10日前", None, None, "month", False)]),
    ("每周五下午前报送检查情况", [("每周五下午前", None, None, "week", False)]),
    ("每周五17时前报送", [("每周五", None, None, "week", False)]),
    # a weekday with no limit after it is when the work recurs, not a time it is due by
    ("每周五下午开展检查", []),
    ("坚持每周一举行升旗仪式", []),
    ("每周一期青年大学习", []),
    ("每月第一周召开例会", [("每月第一周", None, None, "month", False)]),
    ("每周一次巡查", []),  # a count, not a weekday
    ("家长反映的问题24小时内答复", [("24小时内", None, None, None, True)]),
    ("会议时长控制在2小时以内", []),  # a duration limit: a quota
    ("年底前评选", [("年底前", "2024-12-31", None, None, False)]),
    ("力争年内建立", [("年内", "2024-12-31", None, None, False)]),
    ("第三季度末前完成", [("第三季度末前", "2024-09-30", None, None, False)]),  # a day, as the gold has it
    ("2024年3月至9月", [("2024年3月至9月", "2024-09", "2024-03", None, False)]),
])
def test_deadline_fields(run, text, expected):
    got = run(deadlines, PLAN + text)
    assert [(d.text, d.date, d.date_from, d.recurring, d.relative) for d in got] == expected


def test_range_frame_resolves_years_and_warns_on_contradiction(run):
    text = ("主题教育实施方案\n主题教育从2023年9月开始，2024年2月底基本结束。12月底前完成调研，1月中旬召开民主生活会。"
            "支部要在2023年2月底前召开专题组织生活会。\n局党组\n2023年9月5日")
    warnings = []
    got = run(deadlines, text, notices=warnings)
    assert [(d.text, d.date, d.date_from) for d in got] == [
        ("2023年9月开始，2024年2月底基本结束", "2024-02-29", "2023-09"),
        ("12月底前", "2023-12-31", None), ("1月中旬", "2024-01-20", "2024-01-11"),
        ("2023年2月底前", "2023-02-28", None)]
    assert [(w.code, text[w.start:w.end]) for w in warnings] == [("date_out_of_frame", "2023年2月底前")]


def test_signature_date_is_not_a_deadline(run):
    assert run(deadlines, "工作方案\n一、学习\n\n江州市税务局\n2024年1月15日") == []
    # on the issuer's line after the last sentence, as a page copied from the web gives it
    assert run(deadlines, "工作总结\n一、学习\n全年开展学习12次。青石镇人民政府2024年12月6日 【打印本页】【关闭窗口】") == []
    # a speech's subtitle
    assert run(deadlines, "政府工作报告\n——2025年1月14日在县人民代表大会上\n一、回顾\n全年开展学习12次。") == []


@pytest.mark.parametrize("text", ["年初有要点、年底有总结", "三年内完成", "会议时长控制在2小时以内", "办电时长压减至3个工作日以内"])
def test_not_deadlines(run, text):
    assert run(deadlines, PLAN + text) == []


@pytest.mark.parametrize("text, kinds", [
    # a summary reports when things happened; what it plans is a deadline
    ("某局2024年工作总结\n一、工作情况\n3月中旬，组织专题培训。2024年3月5日至4月18日，开展专项整治。\n"
     "第一季度，支部共组织主题党日3次。\n二、下一步打算\n将于9月底前完成验收。\n",
     [("3月中旬", "event"), ("2024年3月5日至4月18日", "event"), ("第一季度", "period"), ("9月底前", "deadline")]),
    # a plan's dates are deadlines, but its past is background and 自…起施行 is when it takes effect
    ("某局2024年工作计划\n2023年5月，我局出台办法。\n一、任务\n1.2024年6月底前完成。\n本计划自2024年1月1日起施行。\n",
     [("2023年5月", "event"), ("2024年6月底前", "deadline"), ("2024年1月1日", "effective")]),
    ("某局2024年工作方案\n一、任务\n1.开展整治。\n本方案自印发之日起施行。\n", [("自印发之日起施行", "effective")]),
    # …and so is a day something was done then (…，并于2024年1月9日反馈了巡察意见)
    ("某局巡察整改方案\n市委巡察组对我局开展巡察，并于2024年1月9日向局党组反馈了巡察意见。\n一、任务\n1.3月底前完成整改。\n",
     [("2024年1月9日", "event"), ("3月底前", "deadline")]),
    # spans of months and 截至 bound what figures count; a part of a month or a span of days is an event
    ("某局2024年工作总结\n一、工作情况\n1-6月，全区共受理信访12件。截至11月底，累计办结121件。\n"
     "4月至10月，先后督导四次。7月下旬，修订印发责任清单。9月23日至27日，举办培训班。\n",
     [("1-6月", "period"), ("截至11月底", "period"), ("4月至10月", "period"), ("7月下旬", "event"),
      ("9月23日至27日", "event")]),
    # …and so is a span of months that closes at its last month's end
    ("某局2024年工作总结\n一、工作情况\n从1月到9月底，一共排查9轮。\n", [("1月到9月底", "period")]),
    # a quarter that a figure of its clause is counted in; the time a report covers, in any document
    ("某局2024年工作总结\n一、工作情况\n一季度新增560人，二季度新增470人。\n", [("一季度", "period"), ("二季度", "period")]),
    ("某局关于巡察整改进展情况的报告\n现将截至2024年9月30日的整改进展情况报告如下。\n一、整改措施\n1.建立台账。\n",
     [("截至2024年9月30日", "period")]),
    # a work report: its review looks back, its plans look forward
    ("某县2024年政府工作报告\n一、2023年工作回顾\n5月底建成物流园。\n二、2024年重点工作\n6月底前建成新园区。\n",
     [("5月底", "event"), ("6月底前", "deadline")]),
    # a summary's recurring and relative limits say how reported work was done
    ("某局2024年工作总结\n一、工作情况\n处分决定均在作出后5个工作日内送达本人。每月5日前按时报送进展。\n"
     "二、下一步打算\n将在会后7日内报送。\n",
     [("5个工作日内", "event"), ("每月5日前", "event"), ("会后7日内", "deadline")]),
    # a speech sets limits still to come with a modal after them; done before a limit is an event
    ("某院2025年上半年工作总结\n一、工作情况\n物业纠纷工作指引8月底前必须出台。年底前至少刊发十二篇稿件。已于5月底前全部接入。"
     "6月底前完成了验收。\n", [("8月底前", "deadline"), ("年底前", "deadline"), ("5月底前", "event"), ("6月底前", "event")]),
    # a report's date whose own clause says the work was done is when it was done, whatever was
    # intended earlier in the sentence; 拟于 right before a date still plans it
    ("某公司2025年上半年工作总结\n一、工作情况\n共梳理现行制度64项，拟废止9项、修订23项，6月18日召开制度评审会，"
     "制度汇编延至7月中旬才完成编印下发。计划财务部对收费项目进行全面清理，7月下旬清理完毕。开放日活动拟于7月中旬举办。\n",
     [("6月18日", "event"), ("7月中旬", "event"), ("7月下旬", "event"), ("7月中旬", "deadline")]),
    # a rectification plan's finding tells when it stood so (截至…), not by when; its 整改目标 and the
    # measures set limits
    ("某局巡察整改方案\n一、整改任务\n（一）积案化解进度缓慢。截至2024年4月底，化解率仅为58.7%。2024年3月，群众集中反映。"
     "整改目标：年底前化解率达到90%以上。\n整改措施：10月底前完成积案化解。\n",
     [("截至2024年4月底", "period"), ("2024年3月", "event"), ("年底前", "deadline"), ("10月底前", "deadline")]),
    # a report's 限期于…前 sets a limit still to come
    ("某学院2025年整改进展情况报告\n一、整改情况\n发现问题37个，已整改33个，其余4个限期于10月底前整改完毕。\n",
     [("10月底前", "deadline")]),
    # a paragraph opened by 明年， is plans to its end, past its ；
    ("某医院2025年护理工作总结\n一、工作情况\n3月完成培训。\n明年，护理部要重点抓好以下几件事：一是加快门诊建设；"
     "二是完善服务，2026年底前开放服务项目不少于20项。\n", [("3月", "event"), ("2026年底前", "deadline")]),
    # a limit in a later year than the report's is still to come, and so is one set (定于…, 原定…)
    ("某局2025年政务公开工作总结\n一、情况\n3月完成培训。\n二、改进措施\n2026年，我们将重点抓好以下工作：一是丰富解读形式；"
     "二是2026年3月底前建立舆情台账。期末家长会定于7月上旬召开。原定9月底前完成的验收推迟。\n",
     [("3月", "event"), ("2026年3月底前", "deadline"), ("7月上旬", "deadline"), ("9月底前", "deadline")]),
    # …but not one done (均于2025年3月21日前报送) nor a date of work rated (评定工作于8月中旬全部完成)
    ("某支队2024年冬春火灾防控工作总结\n一、情况\n各大队书面总结均于2025年3月21日前报送支队。定级评定工作于8月中旬全部完成。\n",
     [("2025年3月21日前", "event"), ("8月中旬", "event")]),
])
def test_date_kinds(run, text, kinds):
    assert [(d.text, d.kind) for d in run(deadlines, text)] == kinds


def test_a_paragraph_opened_by_next_year_dates_its_dates():
    """明年，我们一是…4月底前建起来: next April; 明年3月底前 inside it is still next year's, not the year after."""
    import policytext

    a = policytext.analyze(policytext.from_text(
        "某社区2025年工作总结\n一、情况\n3月完成走访。\n明年，我们一是把“一人一档”在4月底前建起来，二是明年3月底前开通热线。\n"))
    assert [(d.text, d.date) for d in a.dates] == [("3月", "2025-03"), ("4月底前", "2026-04-30"), ("明年3月底前", "2026-03-31")]


def test_next_year_dates_are_the_year_after():
    import policytext

    a = policytext.analyze(policytext.from_text(
        "某局2024年工作总结\n一、情况\n拟于明年1月召开发布会。明年3月底前完成验收。\n"))
    assert [(d.text, d.date, d.kind) for d in a.dates] == [("明年1月", "2025-01", "deadline"),
                                                          ("明年3月底前", "2025-03-31", "deadline")]
    # …and so are a year's end and a quarter said of another year (去年: the year before)
    a = policytext.analyze(policytext.from_text(
        "某局2024年工作总结\n一、打算\n明年年底前建成。明年第一季度完成验收。去年年底前已完成。\n"))
    assert [(d.text, d.date) for d in a.dates] == [("明年年底前", "2025-12-31"), ("明年第一季度", "2025-03-31"),
                                                   ("去年年底前", "2023-12-31")]


def test_a_document_that_names_no_year_is_warned_about():
    import policytext

    a = policytext.analyze(policytext.from_text("在推进会上的发言\n\n三月中旬我们就发动全村清理垃圾。明年年底前铺好管网。\n"))
    assert [d.date for d in a.dates] == [None, None]
    assert [w.code for w in a.warnings if w.code != "no_numbering"] == ["no_year"]
    named = policytext.analyze(policytext.from_text("2025年工作总结\n\n三月中旬发动全村清理垃圾。\n"))
    assert "no_year" not in [w.code for w in named.warnings]


def test_months_in_chinese_numerals():
    import policytext

    a = policytext.analyze(policytext.from_text(
        "某小学2025年春季学期劳动教育总结\n一、情况\n一直拖到六月十八号才评完。三月上旬发到家长手里。九月份开学。连续三个月开展。\n"))
    assert [(d.text, d.date) for d in a.dates] == [("六月十八号", "2025-06-18"), ("三月上旬", "2025-03-10"),
                                                   ("九月份", "2025-09")]


def test_last_year_dates_are_the_year_before():
    import policytext

    a = policytext.analyze(policytext.from_text(
        "某法院2025年上半年工作总结\n一、情况\n实施意见去年11月就着手起草，3月中旬印发。上年9月上旬开学。\n"))
    assert [(d.text, d.date, d.kind) for d in a.dates] == [("去年11月", "2024-11", "event"),
                                                          ("3月中旬", "2025-03-20", "event"),
                                                          ("上年9月上旬", "2024-09-10", "event")]


@pytest.mark.parametrize("text, expected", [
    ("1-6月，", ("2024-06", "2024-01")), ("2023年1—11月，", ("2023-11", "2023-01")), ("11至2月，", ("2025-02", "2024-11")),
    ("9月23日至27日，", ("2024-09-27", "2024-09-23")), ("截至12月15日，", ("2024-12-15", None)),
])
def test_spans_of_months_and_days(run, text, expected):
    (d,) = run(deadlines, "某局2024年工作总结\n一、情况\n" + text + "共开展检查3次。\n")
    assert (d.date, d.date_from) == expected and d.text == text[:-1]


def test_only_deadlines_are_checked_against_the_frame():
    import policytext

    text = ("某局专项整治方案\n一、时间\n从2024年9月开始，2025年2月底基本结束。\n二、任务\n1.2023年2月底前完成。\n"
            "2023年3月，我局曾开展类似整治。\n")
    a = policytext.analyze(policytext.from_text(text))
    frame = [w for w in a.warnings if w.code == "date_out_of_frame"]
    assert [text[w.start:w.end] for w in frame] == ["2023年2月底前"]
    assert [d.text for d in a.deadlines] == ["2024年9月开始，2025年2月底基本结束", "2023年2月底前"]
    assert {d.kind for d in a.dates} == {"deadline", "event"}


def test_a_date_without_a_year_takes_its_sections_year(run):
    text = ("某县2024年政府工作报告\n一、2023年工作回顾\n5月底建成物流园，9月上线智慧平台。\n"
            "二、2024年重点工作\n6月底前建成新园区。\n三、2025年工作打算\n力争年内建立首席数据官制度。\n")
    got = [(d.text, d.date) for d in run(deadlines, text)]
    assert got == [("5月底", "2023-05-31"), ("9月", "2023-09"), ("6月底前", "2024-06-30"), ("年内", "2025-12-31")]


@pytest.mark.parametrize("title, expected", [
    # a school year: its autumn in the first year, its spring in the second
    ("某学院2024—2025学年第一学期教学工作总结", [("10月上旬", "2024-10-10"), ("11月4日至15日", "2024-11-15"),
                                             ("3月底前", "2025-03-31")]),
    ("某学院2024—2025学年教学质量提升工作计划", [("10月上旬", "2024-10-10"), ("11月4日至15日", "2024-11-15"),
                                              ("3月底前", "2025-03-31")]),
    # a second term lies in one year: its 10月 is the next school year's
    ("某中学2024—2025学年第二学期教学工作总结", [("10月上旬", "2025-10-10"), ("11月4日至15日", "2025-11-15"),
                                             ("3月底前", "2025-03-31")]),
])
def test_a_month_without_a_year_falls_in_the_school_year_a_title_names(run, title, expected):
    text = f"{title}\n一、工作\n10月上旬，修订培养方案。11月4日至15日组织听课。\n二、下一步\n3月底前完成评估。\n"
    assert [(d.text, d.date) for d in run(deadlines, text)] == expected


def test_a_range_of_quarters_is_one_limit(run):
    text = "某卫生院2024年工作计划\n一、任务\n1.第二季度至第三季度集中开展老年人健康体检。\n2.第四季度开展考核。\n"
    got = [(d.text, d.date_from, d.date) for d in run(deadlines, text)]
    assert got == [("第二季度至第三季度", "2024-04-01", "2024-09-30"), ("第四季度", "2024-10-01", "2024-12-31")]


def test_a_speech_names_its_school_year_under_its_own_title(run):
    """凝心聚力… / ——在2024—2025学年第一学期期末教职工大会上的讲话 / （2025年1月16日）: its 10月 is 2024's."""
    text = ("凝心聚力守初心　潜心保教促成长\n——在2024—2025学年第一学期期末教职工大会上的讲话\n（2025年1月16日）\n"
            "老师们：\n一、这学期我们做了哪些事\n10月17日，我们举办了青年教师基本功比赛。\n")
    assert [(d.text, d.date) for d in run(deadlines, text)][-1] == ("10月17日", "2024-10-17")


def test_a_year_inside_an_items_text_names_no_section(run):
    text = "某团委2025年上半年重点工作安排\n1.2月底前召开全体会议，总结2024年工作，部署2025年任务。\n2.3月中旬前完成评议。\n"
    assert [(d.text, d.date) for d in run(deadlines, text)] == [("2月底前", "2025-02-28"), ("3月中旬前", "2025-03-20")]


def test_a_cut_off_date_outside_the_frame_is_read_with_its_cue():
    """截至2024年6月30日 outside the frame the other dates give: the frame check follows the date
    to its new start with 截至 (it raised KeyError before)."""
    import policytext

    doc = policytext.from_text(
        "某大学关于专项检查反馈问题整改情况的报告\n省教育厅：\n2023年12月20日，检查组反馈了意见。学校于2024年1月8日印发整改方案。"
        "截至2024年6月30日，已完成整改9个。现将有关情况报告如下：\n一、整改情况\n1.已完成整改。经4月26日校长办公会审议通过，"
        "于5月10日正式印发。\n2.3月至5月，举办专题讲座12场。\n")
    texts = [d.text for d in policytext.analyze(doc).dates]
    assert "截至2024年6月30日" in texts


@pytest.mark.parametrize("title, opening, year", [
    # a rectification names the year inspected; its work is dated by when the findings came
    ("关于2023年度案件质量评查发现问题的整改方案", "2024年1月22日至2月2日，市院评查组对我院2023年度办结的案件进行了评查。", 2024),
    ("关于2023年度案件质量评查发现问题整改情况的报告", "2024年2月，市院评查组反馈了2023年度评查发现的问题。", 2024),
    ("某局2023年工作总结", "2024年1月，我局召开总结会。", 2023),  # not a rectification: the title's year
    ("关于2023年巡察反馈问题的整改方案", "巡察组反馈了问题。", 2023),  # no later date in the opening
])
def test_the_year_of_a_rectification_is_when_its_findings_came(title, opening, year):
    import policytext
    from policytext.extract.deadlines import document_year

    assert document_year(policytext.from_text(f"{title}\n{opening}\n一、整改措施\n1.完成整改。\n")) == year


@pytest.mark.parametrize("text, year", [
    # pasted as one line, with no year in its title or opening: the signing date at its close
    ("某县纪委监委关于巡察整改监督情况的报告 市委巡察办：今年3月18日巡察组反馈意见后，我们抓好整改。一、推进情况（一）4月1日印发方案。"
     + "各监督检查室按月开展整改监督，逐项督促被巡察单位落实整改措施。" * 6 + "中共某县纪委 2025年9月30日", 2025),
    # a year in the opening still comes first (a year's report is signed the next January)
    ("某法院2024年执行工作情况报告 2024年，我院抓好执行。一、成效（一）5月底完成重组。某区人民法院 2025年1月10日", 2024),
])
def test_the_year_of_a_one_line_text_from_its_closing_date(text, year):
    import policytext
    from policytext.extract.deadlines import document_year

    assert document_year(policytext.from_text(text)) == year


@pytest.mark.parametrize("text, year", [
    # signed early in a year, about the year before as a whole: that year
    ("某局关于督察反馈问题整改情况的报告\n县委、县政府：\n2024年以来，我局压紧整改责任。现将整改情况报告如下。\n一、整改情况\n"
     "9月完成整治。\n某县生态环境局\n2025年1月10日", 2024),
    ("某局工作总结\n2024年，我局抓好各项工作。\n一、主要工作\n9月完成整治。\n某局\n2025年2月8日", 2024),
    # …not about a day of it (a plan signed in January after an inspection the autumn before)
    ("某监狱关于巡察反馈意见的整改工作方案\n2023年10月16日至11月24日，巡察组开展了巡察。\n一、整改措施\n1.完成整改。\n"
     "中共某监狱委员会\n2024年1月19日", 2024),
    # …nor signed later in the year
    ("某局关于整改情况的报告\n2024年以来，我局压紧整改责任。\n一、整改情况\n9月完成整治。\n某局\n2025年7月10日", 2025),
    # a report to a cut-off is of the cut-off's year, though its findings came the year before
    ("某供电公司关于安全专项检查反馈问题整改情况的报告\n安全监察部：\n2024年11月，检查组反馈问题11项。截至2025年6月底，已完成整改9项。"
     "一、整改情况（一）5月16日印发预案。", 2025),
])
def test_a_report_signed_early_in_a_year_is_about_the_year_its_opening_names(text, year):
    import policytext
    from policytext.extract.deadlines import document_year

    assert document_year(policytext.from_text(text)) == year


@pytest.mark.parametrize("summary, year, july", [
    # a speech that names no year is read in its plan's
    ("在全区生活垃圾分类工作推进会上的情况汇报\n同志们：\n一、抓设施\n全部完工一直拖到了7月中旬。\n", 2025, "2025-07-20"),
    # one that names its own keeps it
    ("某街道2024年垃圾分类工作总结\n一、抓设施\n全部完工一直拖到了7月中旬。\n", 2024, "2024-07-20"),
])
def test_a_summary_with_no_year_is_read_in_its_plans(summary, year, july):
    import policytext
    from policytext.analysis import in_plan_year

    plan = policytext.analyze(policytext.from_text("某街道2025年垃圾分类工作方案\n一、任务\n1.6月底前完成投放点改造。\n"))
    read = in_plan_year(plan, policytext.analyze(policytext.from_text(summary)))
    assert read.year == year and [d.date for d in read.dates] == [july]
    assert "year_hint" not in read.to_dict()["document"]
