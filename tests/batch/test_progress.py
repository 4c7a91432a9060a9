import io

import pytest

from policytext.batch import Progress
from policytext.batch.progress import Reporter, bar, clock, line


@pytest.mark.parametrize("seconds, shown", [(None, "--:--"), (0, "00:00"), (59.6, "01:00"), (3725, "1:02:05")])
def test_clock(seconds, shown):
    assert clock(seconds) == shown


def test_bar_and_line():
    p = Progress("documents", 50, 200, 3, 10.0, resumed=20)
    assert bar(p, width=10) == "[##........] 50/200 docs  5.0 docs/s  errors 3  left 00:30  (+20 done before)"
    assert line(p) == "documents: 50/200 (25%), 5.0 docs/s, 3 errors, about 00:30 left, 20 done before"


def test_terminal_reporter_redraws_in_place_and_throttles():
    out, now = io.StringIO(), iter([0.0, 0.05, 0.3, 0.31])
    r = Reporter(stream=out, every=0.2, now=lambda: next(now))
    for done in (1, 2, 3, 4):
        r(Progress("documents", done, 4, 0, done * 1.0))
    shown = out.getvalue()
    assert shown.count("\r") == 3 and shown.endswith("4/4 docs  1.0 docs/s  errors 0  left 00:00\n")


def test_log_reporter_writes_plain_lines():
    got: list[str] = []
    r = Reporter(log=got.append, every=10.0, now=iter([0.0, 1.0, 11.0, 12.0]).__next__)
    r(Progress("documents", 0, 4, 0, 0.0))  # nothing done yet: no line
    r(Progress("documents", 1, 4, 0, 1.0))  # within 10 s of the start: no line
    r(Progress("documents", 2, 4, 0, 11.0))
    r(Progress("documents", 4, 4, 1, 12.0))  # the last one is always shown
    assert got == ["documents: 2/4 (50%), 0.2 docs/s, 0 errors, about 00:11 left",
                   "documents: 4/4 (100%), 0.3 docs/s, 1 errors, about 00:00 left"]


def test_reporter_needs_one_target():
    with pytest.raises(ValueError, match="either"):
        Reporter()
