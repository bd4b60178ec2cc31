"""kerryview.events.joined: groups joined pair by pair, named by their smallest member."""
import random

from kerryview.events.joined import Joined


def test_a_group_is_named_by_its_smallest_member_whatever_the_order():
    pairs = [(5, 3), (3, 9), (1, 7), (7, 2), (9, 8)]
    for seed in range(5):
        random.Random(seed).shuffle(pairs)
        g: Joined[int] = Joined()
        for a, b in pairs:
            g.join(a, b)
        assert [g.find(x) for x in (3, 5, 8, 9, 1, 2, 7, 4)] == [3, 3, 3, 3, 1, 1, 1, 4]


def test_join_says_the_new_name_or_none_when_already_one():
    g: Joined[tuple] = Joined()
    assert g.join(("g", 4), ("c", 2)) == ("c", 2)
    assert g.join(("c", 2), ("g", 4)) is None
    assert g.find(("g", 4)) == ("c", 2)


def test_a_long_chain_is_found_without_recursion():
    g: Joined[int] = Joined()
    for x in range(100_000, 0, -1):
        g.join(x, x - 1)
    assert g.find(100_000) == 0
