import pytest

from policytext.extract import slogans
from policytext.extract.slogans import placeholders
import policytext


@pytest.mark.parametrize("text,expected", [
    ("深刻领悟“两个确立”的决定性意义", [("两个确立", "quoted", 1)]),
    ("让“数据多跑路、群众少跑腿”", [("数据多跑路、群众少跑腿", "quoted", 1)]),
    ("增强四个意识，做到两个维护", [("四个意识", "numeric", 1), ("两个维护", "numeric", 1)]),
    ("落实一岗双责和三重一大制度，遵守中央八项规定", [("一岗双责", "numeric", 1), ("三重一大", "numeric", 1),
                                                 ("中央八项规定", "numeric", 1)]),
    ("推行“1+N”模式，1+N体系", [("1+N", "quoted", 2)]),
    ("落实“三会一课”制度，三会一课要规范", [("三会一课", "quoted", 2)]),
    ("学习《中国共产党简史》和《论“两个确立”》", []),
    ("使用“学习强国”平台和“浙里办”APP", []),
    ("用好“小京快帮”平台，“小京快帮”上线", []),
    ("他说：“我们要把这项工作做得更好，让群众满意，让组织放心。”", []),
    ("编制党史“菜单”", []),
])
def test_slogans(run, text, expected):
    assert [(s.text, s.kind, s.count) for s in run(slogans, text)] == expected


def test_gloss_follows_in_parentheses(run):
    (s,) = run(slogans, "增强“四个意识”（政治意识、大局意识、核心意识、看齐意识）")
    assert s.gloss == "政治意识、大局意识、核心意识、看齐意识"


def test_unquoted_formula_with_gloss(run):
    (s,) = run(slogans, "坚持六个必须（人民至上、自信自立、守正创新、问题导向、系统观念、胸怀天下）")
    assert (s.text, s.kind) == ("六个必须", "numeric")


@pytest.mark.parametrize("text,expected", [
    ("开展检查X次，培训xx人次，撰写**篇", [("placeholder", "X"), ("placeholder", "xx"), ("placeholder", "**")]),
    ("200X年工作总结", [("placeholder", "200X")]),
    ("全年完成古籍数字化扫描xx册，发射火箭弹X枚", [("placeholder", "xx"), ("placeholder", "X")]),  # 册, 枚 are units
    ("**局坚持学习，以XXX新时代思想为指导", [("mask", "**"), ("mask", "XXX")]),
    ("X光检查，IPv6改造，XML文件", []),
])
def test_placeholders_and_masks(text, expected):
    doc = policytext.from_text(text)
    assert [(w.code, text[w.start:w.end]) for w in placeholders(doc)] == expected
