import numpy as np
import pytest

from policytext.compare.judge import _group_max


@pytest.mark.parametrize("starts", [[0], [0, 1, 2, 3, 4, 5], [0, 2, 5], [0, 4]])
def test_group_max_is_reduceat(starts):
    m = np.random.default_rng(1).random((6, 5)).astype(np.float32)
    s = np.array(starts)
    assert np.array_equal(_group_max(m, s), np.maximum.reduceat(m, s, axis=0))
