import dataclasses
import pickle

import pytest

from policytext._record import frozen


@frozen
class Point:
    x: int
    y: int
    label: str = "p"


def test_a_frozen_record_is_a_frozen_dataclass():
    p = Point(1, 2)
    assert dataclasses.is_dataclass(p)
    assert (p.x, p.y, p.label) == (1, 2, "p")
    assert p == Point(1, 2, "p") and hash(p) == hash(Point(1, 2))
    assert repr(p) == "Point(x=1, y=2, label='p')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3
    assert pickle.loads(pickle.dumps(p)) == p
    assert Point(y=2, x=1, label="q").label == "q"
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'y'"):
        Point(1)


def test_frozen_refuses_what_its_init_would_skip():
    with pytest.raises(TypeError, match="plain fields only"):
        @frozen
        class WithFactory:
            xs: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="__post_init__"):
        @frozen
        class WithPostInit:
            x: int

            def __post_init__(self):
                pass
