import pytest

import policytext
from policytext.errors import DecodeError, EmptyDocumentError, PolicyTextError

PLAN_FIRST_LINE = "关于开展节能降碳专项行动的工作方案"


@pytest.mark.parametrize("name, encoding", [
    ("plan_utf8.txt", "utf-8"),
    ("plan_gbk.txt", "gbk"),
    ("plan_gb18030.txt", "gb18030"),
    ("plan_utf16le.txt", "utf-16-le"),
    ("plan_utf16be.txt", "utf-16-be"),
    ("plan_utf8bom_crlf.txt", "utf-8-sig"),
    ("plan_cr.txt", "utf-8"),
])
def test_encodings_detected_and_recorded(data, name, encoding):
    doc = policytext.read(data / name)
    assert doc.encoding == encoding
    assert doc.text.startswith(PLAN_FIRST_LINE)
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert doc.title == PLAN_FIRST_LINE
    assert [t.path for t in policytext.analyze(doc).tasks] == ["一", "一/(一)", "一/(二)", "二", "二/1", "二/2"]


def test_gb18030_keeps_four_byte_characters(data):
    assert "㐀𠀀" in policytext.read(data / "plan_gb18030.txt").text


@pytest.mark.parametrize("name, error, match", [
    ("empty.txt", EmptyDocumentError, "file is empty"),
    ("whitespace.txt", EmptyDocumentError, "only white space"),
    ("garbage.txt", DecodeError, "not a text file"),
])
def test_bad_text_files(data, name, error, match):
    with pytest.raises(error, match=match) as info:
        policytext.read(data / name)
    assert name in str(info.value) and "\n" not in str(info.value)


def test_undecodable_bytes_are_an_error_not_ignored(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("一、总体要求\n".encode("utf-8") + b"\xff\xfe\xfd\x80\x81" * 50)
    with pytest.raises(DecodeError, match="undecodable|not a text file"):
        policytext.read(p)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PolicyTextError, match="no such file"):
        policytext.read(tmp_path / "missing.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(PolicyTextError, match="folder"):
        policytext.read(folder)


@pytest.mark.parametrize("name, match", [
    ("x.rtf", "RTF"), ("x.odt", "OpenDocument"), ("x.xlsx", "spreadsheet"), ("x", "no extension"),
])
def test_unsupported_formats_named(tmp_path, name, match):
    p = tmp_path / name
    p.write_bytes(b"data")
    with pytest.raises(policytext.UnsupportedFormatError, match=match):
        policytext.read(p)


def test_five_megabyte_text(tmp_path):
    from policytext.cn_numbers import chinese_counting
    filler = "每月至少开展1次检查并按时报送结果，" * 10
    parts = ["五兆字节压力测试工作方案\n"]
    for s in range(1, 101):
        parts.append(f"（{chinese_counting(s)}）第{s}部分任务\n")
        parts.extend(f"{i}.第{i}项任务，{filler}。\n" for i in range(1, 101))
    p = tmp_path / "big.txt"
    p.write_text("".join(parts), encoding="utf-8")
    assert p.stat().st_size > 5_000_000
    result = policytext.analyze(policytext.read(p))
    assert len(result.tasks) == 100 + 100 * 100
    assert result.tasks[-1].path == "(一百)/100"
    assert not [w for w in result.warnings if w.code != "level_skip"]


def test_no_numbering_is_valid_with_a_warning(data):
    result = policytext.analyze(policytext.read(data / "no_numbering.txt"))
    assert result.tasks == ()
    assert [w.code for w in result.warnings] == ["no_numbering"]


def test_paragraph_offsets(data):
    doc = policytext.read(data / "plan_utf8bom_crlf.txt")
    assert [doc.text[p.start:p.end] for p in doc.paragraphs][:2] == [PLAN_FIRST_LINE, "一、总体要求"]


@pytest.mark.parametrize("char,named", [("\x00", None), ("\x07", "U+0007"), ("\x1b", "U+001B"), ("\x7f", "U+007F"),
                                        ("\x85", "U+0085"), ("\x9f", "U+009F")])
def test_a_control_character_is_named_with_its_offset(tmp_path, char, named):
    p = tmp_path / "ctl.txt"
    p.write_text("一、总体要求\n" + char + "二、", encoding="utf-8")
    with pytest.raises(DecodeError, match="not a text file") as info:
        policytext.read(p)
    if named:  # NUL is refused before decoding, as binary data
        assert f"control character {named} at character 7" in str(info.value)


def test_white_space_controls_are_text(tmp_path):
    p = tmp_path / "ws.txt"
    p.write_text("一、总体要求\t\v\f\n二、任务\r\n", encoding="utf-8")
    assert policytext.read(p).text.startswith("一、总体要求")


def test_a_document_pasted_as_one_line_has_paragraphs_at_its_items():
    from policytext import analyze, from_text

    body = "在区委的坚强领导下，全年工作取得明显成效，现将有关情况报告如下。"
    line = (body * 8 + " 一、坚持政治引领 (一)压实主体责任。全年召开专题会议4次，研究部署重点工作。 (二)加强学习。"
            "组织集中学习12次。 二、存在的问题 一是学习不够深入。二是督促不够有力。 三、下一步打算 继续加强学习。")
    doc = from_text("某院2024年工作情况报告\n" + line + "\n")
    a = analyze(doc)
    assert [t.path for t in a.tasks] == ["一", "一/(一)", "一/(二)", "二", "二/一是", "二/二是", "三"]
    assert all(doc.text[p.start:p.end].strip() == doc.text[p.start:p.end] for p in doc.paragraphs)
    assert doc.text == "某院2024年工作情况报告\n" + line + "\n"  # the text itself is untouched


def test_short_lines_are_never_cut():
    from policytext import from_text

    doc = from_text("某局工作要点\n全年开展 1.5万人次培训 一、二级指标 (一)类\n")
    assert len(doc.paragraphs) == 2


WRAPPED = """某街道2024年网格化工作总结

　　2024年，街道坚持以习近平新时代中国特色社会主义思想为
指导，坚持和发展新时代“枫桥经验”，把网格化社会治理作为夯
实基层基础的重要抓手，各项工作取得了新的成效。现将全年工
作情况总结如下。
一、主要工作
（一）民情服务
　　街道党政班子成员分片认领社区，按月下沉蹲点，全年集中走访1
2次，现场协调解决加装电梯、停车难等群众急难愁盼问题37个，
办结率达到98.7%，群众满意度持续提升，得到上级的充分肯定。
— 1 —
　　网格员每日登录平台上报巡查信息，民情日志按时汇总报送街道
综治中心，全年累计上报各类事件2.36万件，较上年增长12.4%。
二、存在问题
　　部分网格员业务能力不强，信息上报不够及时，需要进一步加强
培训和考核，切实提升网格化服务管理水平和群众满意度。
"""


def test_a_text_copied_out_of_a_pdf_is_rejoined_and_stays_traceable(tmp_path):
    from policytext import analyze, read

    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    doc = read(path)
    assert doc.meta["dewrapped"] == {"lines": 15, "page_numbers_dropped": 1}
    assert "全年集中走访12次" in doc.text and "“枫桥经验”" in doc.text and "— 1 —" not in doc.text
    assert "\n综治中心" not in doc.text and "\n（一）民情服务\n" in doc.text
    assert [q.text for q in analyze(doc).quotas if "走访" in (q.action or "") or q.value == 12][:1] == ["全年集中走访12次"]
    src = doc.meta["source_text"]
    assert src == WRAPPED
    for i, ch in enumerate(doc.text):  # every character read comes from the file, at the place locate says
        where = doc.locate(i)
        assert ch == "\n" or (where is not None and src[where[1]] == ch)


@pytest.mark.parametrize("text", [
    "某局工作要点\n" + "1.开展学习，每季度至少开展1次专题学习。\n" * 12,  # short lines that end their sentences
    "某局工作总结\n" + "全年开展专题学习12次，组织集中研讨4次，覆盖全体党员干部，取得了明显的成效，群众满意度持续提升。\n" * 12,
])
def test_ordinary_texts_are_left_as_they_are(tmp_path, text):
    from policytext import read

    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    assert doc.text == text and "dewrapped" not in doc.meta


def test_a_number_cut_by_the_wrap_is_rejoined_whatever_the_line_length(tmp_path):
    para = ("今年以来，我局坚持问题导向，以检促治，持续加大监督抽检力度，抽检监测效能持续提升，"
            "风险隐患排查治理机制更加健全，群众满意度稳步提高，各项工作取得了明显成效。") * 4
    lines = [para[i:i + 28] for i in range(0, len(para), 28)]
    lines[3] = "截至11月底，全市共完成食品安全监督抽检62"  # short: the figure's digits are half width
    lines.insert(4, "15批次，总体合格率为98.6%，较上年提高0.4个百分点，")
    lines.insert(6, "二、全年共开展专项检查12")  # a short line ending in a digit…
    lines.insert(7, "3.加强监管，每行大约三十个字左右的文字在这里继续写")  # …before an item
    lines.insert(9, "督促执收单位将滞留的非税收入1280.")  # a decimal point at the cut
    lines.insert(10, "5万元全额缴入国库，并建立非税收入按月对账制度，")
    doc = _read_lines(tmp_path, lines)
    assert doc.meta.get("dewrapped")
    assert "抽检6215批次" in doc.text
    assert "非税收入1280.5万元全额" in doc.text
    assert "\n3.加强监管" in doc.text  # an item number opens its line


def test_numbered_items_ending_without_a_stop_are_not_joined(tmp_path):
    """Items that close on their 负责人 (…负责人：保健医生周晓岚), no stop after, are lines of their
    own, and so are the section headings between them: nothing here was cut by a wrap."""
    from policytext import analyze

    lines = ["某幼儿园2025年秋季学期保教工作计划", "　　本学期，我园现有幼儿312名、教职工41人，结合实际制定本计划。"]
    for n, section in enumerate(["一、保育与卫生保健", "二、教育教学", "三、教师队伍建设"]):
        lines += ["", section]
        for k in range(1, 5):
            mark = "、" if k == 3 else "."
            lines.append(f"{n * 4 + k}{mark}每月开展1次安全疏散演练，全学期不少于4次，做好记录。负责人：后勤主任陈永福")
    doc = _read_lines(tmp_path, lines)
    paths = [t.path for t in analyze(doc).outline.tasks]
    assert paths[:6] == ["一", "一/1", "一/2", "一/3", "一/4", "二"] and len(paths) == 15
    assert "陈永福二、" not in doc.text and "陈永福5." not in doc.text and "\n5.每月" in doc.text


def test_a_closing_quote_at_the_cut_ends_no_sentence(tmp_path):
    para = ("今年以来，我院坚持问题导向，以检促治，持续加大督导检查力度，教学质量持续提升，"
            "质量保证机制更加健全，学生满意度稳步提高，各项工作取得了明显成效。") * 4
    lines = [para[i:i + 28] for i in range(0, len(para), 28)]
    lines.insert(2, "全面贯彻党的教育方针，紧扣“三教”")  # a quoted word at the cut…
    lines.insert(3, "改革主线，强化组织领导和考核激励，推动各项任务落地见效。")
    lines.insert(4, "他说：“今年的任务已经全部完成了。”")  # …and a quoted sentence, which ends
    doc = _read_lines(tmp_path, lines)
    assert doc.meta.get("dewrapped")
    assert "紧扣“三教”改革主线" in doc.text
    assert "完成了。”\n" in doc.text


def test_a_document_pasted_as_one_line_without_spaces_is_cut_too():
    from policytext import analyze, from_text

    body = "在镇党委的坚强领导下，全年安全生产形势总体平稳，现将全年工作情况总结如下："
    line = (body * 6 + "一、主要工作及成效（一）责任体系进一步压实。全年召开会议4次。（二）隐患排查扎实推进。"
            "累计检查6800余家。二、存在问题一是部分企业主体责任落实不到位。三、下一步工作打算持续压实各方责任。")
    doc = from_text("某镇2024年安全生产工作总结\n" + line + "\n")
    paths = [t.path for t in analyze(doc).tasks]
    assert paths[:3] == ["一", "一/(一)", "一/(二)"] and "二" in paths and paths[-1] == "三"
    assert doc.text == "某镇2024年安全生产工作总结\n" + line + "\n"


def test_a_plan_pasted_as_one_line_has_items_glued_to_their_headings_and_notes():
    """（一）补齐设施短板1.推进…: an item number right after a short heading; …家喻户晓。（责任单位：…）2.…
    and …（责任单位：…）二、保障措施: after a closing note.  A number glued to text out of the
    list's order (共3.5万) is no item."""
    from policytext import analyze, from_text

    body = "为深入贯彻落实上级部署要求，巩固提升我街道生活垃圾分类工作成效，经研究，决定开展攻坚行动，制定本方案。"
    line = (body * 5 + "一、主要任务（一）补齐设施短板1.推进投放点改造。新建投放点不少于120处。（牵头单位：城管办）"
            "2.设置临时堆放点。6月底前建成不少于12处。（责任单位：各社区）（二）强化宣传引导3.开展主题宣传，各社区每月开展1次。"
            "（责任单位：宣传办）4.4月底前编印手册3万册，全年发放共3.5万册。（责任单位：网格中心）"
            "二、保障措施（一）加强组织领导。成立领导小组。")
    doc = from_text("某街道2024年垃圾分类攻坚行动方案\n" + line + "\n")
    paths = [t.path for t in analyze(doc).tasks]
    assert paths == ["一", "一/(一)", "一/(一)/1", "一/(一)/2", "一/(二)", "一/(二)/3", "一/(二)/4", "二", "二/(一)"]
    assert doc.text == "某街道2024年垃圾分类攻坚行动方案\n" + line + "\n"


@pytest.mark.parametrize("line, paths", [
    ("1.2月底前召开全体会议。\n2.3月中旬前完成评议。\n3.开展志愿服务。", ["1", "2", "3"]),  # an item, then its date
    ("1.5万人次参加培训。", []),  # a number
    ("11.开展明察暗访。\n12.2024年4月至9月，开展骗提骗贷专项整治。", ["11", "12"]),  # an item, then its year
    ("12.2024万元用于改造。", []),
])
def test_an_item_number_right_before_a_month(line, paths):
    from policytext import analyze, from_text

    assert [t.path for t in analyze(from_text("某团委2025年工作安排\n" + line + "\n")).tasks] == paths


def test_a_wrapped_documents_title_line_keeps_its_own_line(tmp_path):
    """A title near the cut width (…2024年度森林防火工作总结) is not the first words of the text after it."""
    para = ("2024年，在县委、县政府的坚强领导下，公司坚持以习近平新时代中国特色社会主义思想为指导，牢固树立"
            "预防为主的理念，压实责任、严控火源、强化宣传、提升能力，各项防火工作有序推进。") * 4
    lines = ["青岚山国有林场有限公司2024年度森林防火工作总结"] + [para[i:i + 30] for i in range(0, len(para), 30)]
    doc = _read_lines(tmp_path, lines)
    assert doc.meta.get("dewrapped")
    assert doc.title == "青岚山国有林场有限公司2024年度森林防火工作总结"
    assert doc.text.startswith(doc.title + "\n2024年，在县委")


def test_a_line_cut_short_mid_sentence_goes_on_but_a_short_heading_does_not(tmp_path):
    """A line a little short of the cut width that stops mid-word (…召开集团党风 / 廉政建设…) was cut
    by the wrap too; a heading of the same length with no stop (一、…) stays its own line."""
    para = ("2024年，在上级党组织的坚强领导下，集团党委坚持以习近平新时代中国特色社会主义思想为指导，压紧压实"
            "管党治党政治责任，持续整治形式主义、官僚主义，推动全面从严治党向纵深发展。") * 4
    lines = [para[i:i + 30] for i in range(0, len(para), 30)]
    lines.insert(3, "等工作作出安排。二是3月中旬召开集团党风")  # 20 of 30: cut mid-word
    lines.insert(4, "廉政建设和反腐败工作会议，会上集团党委与二级单位党组织逐一签")
    lines.insert(6, "推动全面从严治党向纵深发展，取得了明显成效。")
    lines.insert(7, "一、主要工作开展情况及取得的明显成效和经验做法")  # 23 of 30 with no stop: a heading
    doc = _read_lines(tmp_path, lines)
    assert doc.meta.get("dewrapped")
    assert "召开集团党风廉政建设和反腐败工作会议" in doc.text
    assert "\n一、主要工作开展情况及取得的明显成效和经验做法\n" in doc.text


def _read_lines(tmp_path, lines):
    """A .txt file of these lines, read."""
    p = tmp_path / "wrapped.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return policytext.read(p)


def _paragraphs(indent: str) -> list[str]:
    """Three paragraphs wrapped at 30 characters, each opening with indent."""
    para = ("今年以来，局党委坚持以习近平新时代中国特色社会主义思想为指导，认真落实管党治党政治责任，"
            "推动机关党建和业务工作深度融合，各项工作取得了新的成效。")
    lines = []
    for _ in range(3):
        text = indent + para
        lines += [text[i:i + 30] for i in range(0, len(text), 30)]
    return lines


@pytest.mark.parametrize("indent, after, joined", [
    ("\u3000\u3000", "各党支部严格落实“三会一课”制度，常态化开展主题党日活动。", True),  # a stop on the cut
    ("\u3000\u3000", "二、存在的问题", False),  # a heading opens its line
    ("\u3000\u3000", "\u3000\u3000各党支部严格落实“三会一课”制度，常态化开展主题党日活动。", False),  # indented: a paragraph
    ("", "各党支部严格落实“三会一课”制度，常态化开展主题党日活动。", False),  # no indents to tell
])
def test_a_stop_that_falls_on_the_cut_ends_a_paragraph_only_where_the_next_line_shows_it(tmp_path, indent, after, joined):
    """（二）…一是组织生活更加规范。⏎各党支部…: in a text whose paragraphs open indented, a line that
    ran to the cut width and ends on a stop goes on when the next line is unindented text."""
    cut = f"{indent}（二）以组织建设为基础，建强战斗堡垒。一是组织生活{'' if indent else '更加'}规范。"
    assert len(cut) == 30  # the cut width
    lines = _paragraphs(indent) + [cut, after] + _paragraphs(indent)
    doc = _read_lines(tmp_path, lines)
    assert doc.meta.get("dewrapped")
    assert (cut.strip() + after.strip() in doc.text) is joined
