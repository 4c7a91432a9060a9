import pytest

from policytext import patterns as P
from policytext.classify import classify_kind, find_title


@pytest.mark.parametrize("line, is_page_number", [
    ("— 3 —", True), ("-3-", True), ("- 12 -", True), ("第3页", True), ("第 3 页 共 10 页", True),
    ("3/10", True), ("7", True), ("2024年6月底前", False), ("一、总体要求", False), ("-3-加强学习", False),
])
def test_page_numbers(line, is_page_number):
    assert bool(P.PAGE_NUMBER.match(line)) is is_page_number


@pytest.mark.parametrize("lines, title", [
    (["江州市税务局2024年工作要点", "一、总体要求"], "江州市税务局2024年工作要点"),
    (["江数〔2024〕3号", "关于印发实施方案的通知"], "关于印发实施方案的通知"),
    (["2022年，全局党建工作坚持以习近平新时代中国特色社会主义思想为指导，推动工作。"], ""),
    (["一、总体要求", "（一）目标"], ""),
    (["溪口区人民法院", "2024年执行质效提升年活动实施方案", "", "溪法〔2024〕7号"], "2024年执行质效提升年活动实施方案"),
    (["各社区居委会、街道各科室：", "青石桥街道2024年网格化社会治理工作安排"], "青石桥街道2024年网格化社会治理工作安排"),
    # an addressee list with commas
    (["青市监发〔2024〕17号", "", "各县（市、区）市场监管局，青川经济技术开发区市场监管分局，局机关各科室、直属各单位：", "",
      "青川市2024年食品安全春夏季专项整治行动方案"], "青川市2024年食品安全春夏季专项整治行动方案"),
    (["鹤政发〔2025〕3号", "", "鹤鸣镇人民政府2025年工作计划", "各村（社区）、镇直各单位："], "鹤鸣镇人民政府2025年工作计划"),
    (["江州市税务局", "今年工作如下。"], "江州市税务局"),  # an organ line with no title under it stays the title
    # a masthead (the red header) is never the title
    (["岚溪县人民医院文件", "", "岚医发〔2025〕8号", "岚溪县人民医院关于印发2025年药事管理工作计划的通知"],
     "岚溪县人民医院关于印发2025年药事管理工作计划的通知"),
    (["桐岭镇人大主席团文件", "", "桐人主〔2024〕2号", "桐岭镇人大主席团关于印发《桐岭镇人大主席团2024年工作要点》的通知"],
     "桐岭镇人大主席团关于印发《桐岭镇人大主席团2024年工作要点》的通知"),
    # an issuer's line, then the 文号, then the title
    (["鹿鸣职业技术学院教务处", "鹿职院教〔2024〕31号", "鹿鸣职业技术学院2024—2025学年教学质量提升工作计划", "各二级学院："],
     "鹿鸣职业技术学院2024—2025学年教学质量提升工作计划"),
])
def test_title(lines, title):
    assert find_title(lines) == title


@pytest.mark.parametrize("title, text, kind", [
    ("某局2024年工作要点", "", "plan"),
    ("某局2024年党建工作总结", "", "summary"),
    ("关于报送工作方案执行情况的报告", "", "summary"),  # the last kind word wins
    ("", "结合我局实际，现提出如下实施方案。一、要求", "plan"),
    ("", "一是开展了学习。二是累计召开会议。三、存在的问题", "summary"),
    ("", "今天天气晴。", "unknown"),
    ("青石桥街道2024年网格化社会治理工作安排", "", "plan"),
    ("青岚县2024年政府工作报告", "一、2023年工作回顾", "unknown"),  # a review and a plan in one
])
def test_kind(title, text, kind):
    got, cue = classify_kind(title, text)
    assert got == kind and cue
