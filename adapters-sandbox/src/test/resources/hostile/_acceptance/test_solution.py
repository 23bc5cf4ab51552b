import pytest
from solution import add

def test_add():
    assert add(2, 3) == 5

@pytest.mark.parametrize("a,b", [(1, 1), (2, 2)])
def test_more(a, b):
    assert add(a, b) == a + b

class TestNeg:
    def test_neg(self):
        assert add(-1, -1) == -2
