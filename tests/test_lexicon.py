"""The lexicons in models/lexicons/ as the library reads them."""
from __future__ import annotations

import pytest

from policytext import lexicon


@pytest.fixture
def audiences_from(monkeypatch):
    """audiences() read from the given rows instead of models/lexicons/audiences.txt."""
    def load(rows):
        monkeypatch.setattr(lexicon, "_rows", lambda name: [r.split("\t") for r in rows])
        lexicon.audiences.cache_clear()
        return lexicon.audiences()

    yield load
    lexicon.audiences.cache_clear()


def test_a_group_inside_another_category_has_both_bits(audiences_from):
    aud = audiences_from(["people\tstudents\t学生", "people\tteachers\t教师", "cohort\tfreshmen\t新生",
                          "implies\tcohort/freshmen\tpeople/students"])
    assert aud.groups("新生") == (("cohort", "freshmen"), ("people", "students"))
    assert aud.mask("新生") == aud.bits["cohort", "freshmen"] | aud.bits["people", "students"]
    assert aud.mask("教师") == aud.bits["people", "teachers"]


def test_an_implied_group_must_exist(audiences_from):
    with pytest.raises(ValueError, match="unknown groups: people/pupils"):
        audiences_from(["cohort\tfreshmen\t新生", "implies\tcohort/freshmen\tpeople/pupils"])


def test_the_shipped_audiences_fit_a_mask():
    """The shipped lexicon fits the audience masks (two 64-bit words), past the first 64 groups."""
    lexicon.audiences.cache_clear()
    aud = lexicon.audiences()
    assert len(aud.bits) <= lexicon._MAX_GROUPS and aud.groups("大一新生")[-1] == ("people", "students")
