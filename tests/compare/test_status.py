"""Statuses and flags are said once (compare/status.py): their wording and colours reach the
ledger, the report, the notebook table and the plots from there."""
import json

import pytest

from policytext.compare.status import FLAGS, STATUSES, VERDICT, Flag, Status, css, flag_text


@pytest.mark.parametrize("status, label", [("implemented", "已落实"), ("partial", "部分落实"), ("missing", "未落实")])
def test_a_status_is_its_value_with_a_label(status, label):
    s = Status(status)
    assert s == status and str(s) == status and f"{s}" == status and json.dumps(s) == f'"{status}"'
    assert s.label == label and Status.of_label(label) is s and VERDICT[status] == label


def test_unknown_label_is_refused():
    with pytest.raises(KeyError):
        Status.of_label("已完成")


def test_flags_read_in_chinese_and_unknown_ones_pass_through():
    assert FLAGS == tuple(f.value for f in Flag) and STATUSES == ("implemented", "partial", "missing")
    assert flag_text(["quota_unmet", "placeholder", "new_flag"]) == "数量未达标；含未填数字；new_flag"


def test_every_view_takes_its_colours_from_the_palette():
    from policytext.report import html, index

    for s in Status:
        c = s.colours
        assert f".badge.{s.value}{{background:{c.fill.lower()};color:{c.text.lower()}}}" in html._CSS
        assert f".task.{s.value}{{background:{c.light.lower()}}}" in html._CSS
        assert f"table.ledger td.{s.value}{{background:{c.fill.lower()}}}" in html._TABLE_CSS
        assert f"td.{s.value}{{background:{c.light.lower()}}}" in index._CSS
    assert css(".x.{s}", (("color", "strong"),)).count("{color:") == len(Status)
