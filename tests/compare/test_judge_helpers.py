import numpy as np
import pytest
import scipy.sparse as sp

from policytext.compare.readings import WINDOW_FACTOR, _group_max, _keep, _row_best, _sentence_scores, _top


def _random(rows=6, cols=5, seed=1):
    m = np.random.default_rng(seed).random((rows, cols)).astype(np.float32)
    m[m < 0.4] = 0  # sparse, with empty places and maybe empty rows
    return m


@pytest.mark.parametrize("starts", [[0], [0, 1, 2, 3, 4, 5], [0, 2, 5], [0, 4]])
def test_group_max_is_reduceat(starts):
    m = _random()
    s = np.array(starts)
    got = _group_max(sp.csr_matrix(m), s).toarray()
    assert np.array_equal(got, np.maximum.reduceat(m, s, axis=0))


@pytest.mark.parametrize("seed", range(5))
def test_row_best_is_the_first_maximum(seed):
    m = _random(8, 7, seed)
    m[2] = 0  # an empty row
    m[3, 1] = m[3, 4] = 2.0  # a tie: the first column wins
    val, col = _row_best(sp.csr_matrix(m))
    for r in range(len(m)):
        if m[r].max() == 0:
            assert (val[r], col[r]) == (0, -1)
        else:
            assert (val[r], col[r]) == (m[r].max(), int(np.argmax(m[r])))


@pytest.mark.parametrize("row, expected", [
    # each sentence says part of it, the two together more: both take the pair's score
    ([0.20, 0.25, 0.10, 0.40], [0.40 * WINDOW_FACTOR, 0.40 * WINDOW_FACTOR, 0.10]),
    # one says it alone, better than the pair does: nothing is lent to its neighbour
    ([0.05, 0.50, 0.10, 0.35], [0.05, 0.50, 0.10]),
    # a clause (column 4, of sentence 2) counts under its sentence at CLAUSE_FACTOR
    ([0.0, 0.0, 0.10, 0.0, 0.50], [0.0, 0.0, 0.35]),
])
def test_a_pair_of_sentences_lends_its_score_where_it_beats_both(row, expected):
    # columns: 3 sentences, the clause of sentence 2, then the pair (0, 1)
    row = row + [0.0] * (5 - len(row))
    raw = sp.csr_matrix(np.array([[row[0], row[1], row[2], row[4], row[3]]], dtype=np.float32))
    out = _sentence_scores(raw, 3, np.array([2]), np.ones(3, dtype=np.float32), np.array([[0, 1]]))
    assert np.allclose(out.toarray()[0], expected, atol=1e-6)


def test_keep_drops_the_unselected_entries():
    m = sp.csr_matrix(_random(6, 5, 3))
    keep = m.indices % 2 == 0
    dense = m.toarray()
    dense[:, 1::2] = 0
    assert np.array_equal(_keep(m, keep).toarray(), dense)


def test_top_orders_by_score_then_column():
    m = np.array([[0.5, 0.9, 0.0, 0.9], [0, 0, 0, 0], [0.1, 0.0, 0.3, 0.0]], dtype=np.float32)
    idx, vals = _top(sp.csr_matrix(m), 3)
    assert idx.tolist() == [[1, 3, 0], [-1, -1, -1], [2, 0, -1]]
    assert vals[0].tolist() == pytest.approx([0.9, 0.9, 0.5])


def test_a_quote_in_a_reason_is_one_line():
    from policytext.compare.reasons import _q

    assert _q("1．关于“堆场间距不符合规范”问题。\n正在整改。") == "“1．关于“堆场间距不符合规范”问题。正在整改”"


@pytest.mark.parametrize("status, starts", [
    ("implemented", "已落实：总结“主要工作”部分有对应表述“"),
    # the second stage judged the closest report not this task's: it is quoted, not claimed as done
    ("missing", "未落实：总结“主要工作”部分的相近表述“"),
])
def test_a_reason_says_what_the_closest_report_is_to_the_verdict(status, starts):
    from policytext.compare.period import Period
    from policytext.compare.judge import Evidence
    from policytext.compare.model import Features
    from policytext.compare.reasons import explain

    ev = Evidence("全年开展安全检查12次。", 0, 12, 0.33, "主要工作", "done")
    f = Features(0.33, (0.33,), 0.0, False, 0.0, 0.0, False, False, False)
    reason = explain(status, (), f, [ev], (), (), Period(12, "全年", 2025))
    assert reason.startswith(starts)
    assert ("对应不足" in reason) == (status == "missing")


@pytest.mark.parametrize("text, pieces", [
    ("开展示范点创建，10月底前评选命名县级示范点10个。（县委两新工委）", ["开展示范点创建，10月底前评选命名县级示范点10个"]),
    ("每季度检查1次。（牵头单位：办公室；责任单位：各科室）", ["每季度检查1次"]),
    ("每半年跟踪检查1次。〔责任科室：法规审理科〕", ["每半年跟踪检查1次"]),
    ("每季度检查1次。（检查结果在全局通报并纳入年度考核）", ["每季度检查1次", "（检查结果在全局通报并纳入年度考核）"]),
    # a time limit is checked as a date, not looked for as words (8月底前 matched every 6月底)
    ("安装智能门禁设备。；完成时限：2025年8月底前）", ["安装智能门禁设备"]),
    ("整改措施：开展专项检查。整改时限：2025年9月底前", ["整改措施：开展专项检查"]),
])
def test_who_does_it_is_no_requirement(text, pieces):
    """A bracket after the sentence naming who does the task is not one of its requirements; a
    bracket that asks for more is (it has words of its own beyond a unit's name)."""
    from policytext.compare.judge import requirements

    assert [p for p, _ in requirements(text, 0)] == pieces


@pytest.mark.parametrize("sentence, task, echoes", [
    ("督促3个单位将应缴未缴的非税收入412.6万元全额缴入国库", "部分单位应缴未缴非税收入412.6万元", True),
    ("组织清理逾期未检验、逾期未报废重点车辆", "清理逾期未检验、逾期未报废重点车辆", True),
    ("应缴未缴的非税收入尚未全额缴入国库", "部分单位应缴未缴非税收入412.6万元", False),  # 尚未 is the report's own
    ("合同管理制度尚未建立", "建立合同管理制度", False),
    # what the task's own object lacks, said as the task says it (无物业 / 没有物业)
    ("紫荆园、桂香苑、南湖新村这三个没有物业的小区", "在南湖新村等3个无物业小区新增视频监控探头40个", True),
    ("芳草园、红枫苑都是没有物业的老小区", "指导芳草园、红枫苑2个无物业老旧小区成立居民自治管理小组", True),
    ("小区居民自治管理小组还没有成立", "指导2个无物业老旧小区成立居民自治管理小组", False),
    # …but what was not done is said with 未: 尚未发放 is the report's own
    ("其余9笔尚未发放", "执行款到账后30日内发放，超期未发放案款全部清零", False),
])
def test_a_negation_in_the_tasks_own_words_negates_nothing(sentence, task, echoes):
    from policytext.compare.judge import _echoes

    assert _echoes(sentence, task) is echoes


def _readings(best):
    import numpy as np

    from policytext.compare.readings import Readings

    n = len(best)
    a = np.array(best, dtype=np.float32)
    return Readings(top=np.zeros((n, 1), dtype=np.int64), top_scores=a.reshape(-1, 1).copy(), affirmative=a,
                    requirement=a.copy(), requirement_at=np.zeros(n, dtype=np.int64),
                    negated=(a / 2, np.zeros(n, dtype=np.int64)), future=(a / 3, np.zeros(n, dtype=np.int64)),
                    problem=(a / 4, np.zeros(n, dtype=np.int64)), reports=np.ones(1, dtype=bool),
                    lookalike=np.full(n, -1), sent_masks=(0,))


@pytest.mark.parametrize("best, factor", [
    ([0.1, 0.15, 0.2, 0.2, 0.22, 0.25, 0.27, 0.3, 0.3, 0.35], 1.5),  # a talk's loose wording: raised, at most 1.5x
    ([0.1, 0.2, 0.25, 0.3, 0.32, 0.33, 0.34, 0.35, 0.36, 0.4], 0.45 / 0.3475),  # to 0.45 at the 75th percentile
    ([0.0, 0.1, 0.3, 0.4, 0.5, 0.55, 0.6, 0.62, 0.7, 0.8], 1.0),  # a written report's: left alone
    ([0.1, 0.2, 0.2], 1.0),  # too few tasks to tell
])
def test_a_loosely_worded_summary_is_scored_in_its_own_style(best, factor):
    import numpy as np

    from policytext.compare.judge import _in_style

    r = _readings(best)
    got = _in_style(r)
    assert np.allclose(got.affirmative, np.array(best) * factor, atol=1e-4)
    assert np.allclose(got.negated[0], np.array(best) / 2 * factor, atol=1e-4)
    assert np.allclose(got.top_scores[:, 0], np.array(best) * factor, atol=1e-4)


@pytest.mark.parametrize("task, evidence, cover", [
    # a compound task whose last part nothing reports: that clause's words are mostly absent
    ("对全县幸福院运营情况开展全面排查，6月底前完成排查建档，对闲置幸福院逐院制定盘活整改措施。（责任单位：各乡镇）",
     "各乡镇对全县46所幸福院逐一进行了摸排，其中闲置7所，摸排结果已汇总建档。", 0.25),
    # every part reported
    ("组织开展消防演练，检查消防设施。", "组织开展消防演练2次，检查消防设施35处。", 1.0),
    # too few words to tell
    ("抓落实。", "", 1.0),
])
def test_clause_cover_is_the_least_reported_clause(task, evidence, cover):
    from policytext.compare.judge import _clause_cover

    assert _clause_cover(task, evidence) == pytest.approx(cover, abs=0.05)


def test_the_second_part_of_a_compound_requirement_is_queried_on_its_own():
    """…，并于12月底前形成年度风险监测分析报告: the report is scored apart from the monitoring, so a
    summary that reports only the monitoring leaves that part without evidence."""
    import policytext
    from policytext.analysis import analyze
    from policytext.compare.judge import queries

    plan = ("某局2024年工作方案\n一、任务\n1.统筹开展风险监测。组织开展食品安全风险监测不少于1500批次，重点关注非法添加等问题，"
            "并于12月底前形成年度风险监测分析报告。\n2.做好宣传。\n")
    q = queries(analyze(policytext.from_text(plan)))
    assert "于12月底前形成年度风险监测分析报告" in q.texts[q.requirement_rows(0)]



@pytest.mark.parametrize("piece, parts", [
    # a clause that sets its own figure is a part a report may leave out
    ("举办第五届临江区创业创新大赛，遴选一批优质项目给予扶持，组织SYB创业培训不少于600人次",
     ["组织SYB创业培训不少于600人次"]),
    ("每月开展1次应急疏散演练", []),  # one clause: the sentence is the part
    ("开展消防宣传，提高群众意识", []),  # no figure
])
def test_the_clauses_of_a_requirement_that_set_a_figure(piece, parts):
    from policytext.compare.judge import _figure_clauses

    assert _figure_clauses(piece) == parts


@pytest.mark.parametrize("best, nxt, rest", [
    # what is left of the whole the best evidence counts: 1620 + 240 = 1860
    ("4月底前完成全县撂荒地摸底排查，共排查出撂荒地1860亩，逐地块建立台账。",
     "通过村集体统一流转等方式，已复耕复种1620亩，其余240亩地处偏远山区、灌溉条件差，", True),
    # the rest of something else's count
    ("通组硬化路完成47.5公里，全部项目已于4月下旬开工建设。",
     "危桥改造方面，12座危桥中已有9座完成施工图设计并通过审批，其余3座因涉及河道行洪论证，", False),
    # the findings' follow-up, not the work the whole counts
    ("组织全院开展自查自纠，梳理问题清单87条。", "截至12月20日，已整改到位84条，剩下3条涉及信息系统改造，", False),
])
def test_what_is_left_of_the_whole_the_evidence_counts(best, nxt, rest):
    from policytext.compare.judge import _rest_of_whole

    assert _rest_of_whole(best, nxt) is rest


@pytest.mark.parametrize("plan, limit, quota, earlier", [
    ("4月底前完成项目初步设计编制、评审和批复，全年新建高标准农田2.3万亩。", "4月底前", "2.3万亩", True),
    ("排查隐患不少于200处，5月底前全部完成整改。", "5月底前", "200处", False),  # the limit comes after
    ("6月底前完成改造，新建充电桩300个。", "6月底前", "300个", False),  # no year of its own
])
def test_a_limit_of_an_earlier_stage_dates_no_year_figure(plan, limit, quota, earlier):
    import policytext
    from policytext.analysis import analyze
    from policytext.compare.judge import _earlier_stage

    a = analyze(policytext.from_text("某局工作方案\n一、任务\n1." + plan))
    d = next(x for x in a.deadlines if x.text == limit)
    q = next(x for x in a.quotas if quota in x.text)
    assert _earlier_stage(a.document.text, q, d) is earlier


@pytest.mark.parametrize("text", ["9月下旬全部配发到各作业班组", "5月底前修订综合应急预案1个",
                                  "5月中旬，床旁结算在全院22个病区全部推开", "北滩变电站于6月26日投运",
                                  "拖到十一月上旬才全部训完", "4月下旬，门诊大厅服务中心正式运行"])
def test_words_of_a_completion(text):
    from policytext import patterns as P

    assert P.COMPLETION_VERB.search(text)


@pytest.mark.parametrize("text, done", [("一直到七月中旬才全部收尾", True), ("专项行动圆满收官", True),
                                        ("目前已进入收尾阶段", False), ("收尾工作正在进行", False)])
def test_wrapping_up_is_a_completion(text, done):
    from policytext import patterns as P

    assert bool(P.COMPLETION_VERB.search(text)) is done


@pytest.mark.parametrize("text, late", [("于7月中旬才全部整改完成", "才全部整改完成"), ("8月才全部安装完成", "才全部安装完成"),
                                        ("才经党委会审议后印发", "才经党委会审议后印发"),
                                        ("引进人才建立专家库", None), ("刚才完成汇报", None)])
def test_a_late_completion_may_name_its_work_before_its_verb(text, late):
    from policytext import patterns as P

    m = P.LATE_COMPLETION.search(text)
    assert (m.group() if m else None) == late
