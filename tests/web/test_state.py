"""The answer cache of the read-only server."""

from tidings.web.state import AnswerCache


def test_answer_cache_answers_a_repeated_question_once():
    cache, calls = AnswerCache(entries=2), []

    def compute():
        calls.append(1)
        return [(1,)]
    assert cache.rows(("q", 1), compute) == [(1,)]
    assert cache.rows(("q", 1), compute) == [(1,)]
    assert len(calls) == 1


def test_answer_cache_forgets_the_least_recent_and_skips_big_answers():
    cache = AnswerCache(entries=2, largest=2)
    for key in ("a", "b", "a", "c"):  # "b" is the least recently used when "c" arrives
        cache.rows((key,), lambda: [(0,)])
    asked = []
    cache.rows(("a",), lambda: asked.append("a") or [(0,)])
    cache.rows(("b",), lambda: asked.append("b") or [(0,)])
    assert asked == ["b"]
    big = []
    for _ in range(2):
        cache.rows(("big",), lambda: big.append(1) or [(0,), (1,), (2,)])
    assert len(big) == 2


def test_answer_cache_hands_out_copies():
    cache = AnswerCache()
    first = cache.rows(("q",), lambda: [(1,)])
    first.append((2,))
    assert cache.rows(("q",), lambda: [(9,)]) == [(1,)]
