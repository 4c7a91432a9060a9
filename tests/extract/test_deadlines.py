import pytest

from policytext.extract import deadlines

PLAN = "江州市2024年党建工作要点\n"


@pytest.mark.parametrize("text,expected", [
    ("2024年6月底前完成", [("2024年6月底前", "2024-06-30", None, None, False)]),
    ("2024年2月下旬召开", [("2024年2月下旬", "2024-02-29", "2024-02-21", None, False)]),
    ("10月中旬开展评估", [("10月中旬", "2024-10-20", "2024-10-11", None, False)]),
    ("3月底前报送", [("3月底前", "2024-03-31", None, None, False)]),
    ("于2024年9月15日上线", [("2024年9月15日", "2024-09-15", None, None, False)]),
    ("6月前完成", [("6月前", "2024-06", None, None, False)]),
    ("会后7日内制定措施", [("会后7日内", None, None, None, True)]),
    ("30个工作日内办结", [("30个工作日内", None, None, None, True)]),
    ("每月5日前报送", [("每月5日前", None, None, "month", False)]),
    ("每年年底前形成报告", [("每年年底前", None, None, "year", False)]),
    ("年底前评选", [("年底前", "2024-12-31", None, None, False)]),
    ("力争年内建立", [("年内", "2024-12-31", None, None, False)]),
    ("第三季度末前完成", [("第三季度末前", "2024-09-30", "2024-07-01", None, False)]),
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


@pytest.mark.parametrize("text", ["年初有要点、年底有总结", "三年内完成", "会议时长控制在2小时以内"])
def test_not_deadlines(run, text):
    assert run(deadlines, PLAN + text) == []
