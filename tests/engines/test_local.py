"""The process pool's chunks: in order, full while input lasts, shared out at its end."""

from tidings.engines.local import _chunks


def test_chunks_keep_order_and_share_the_end_out_evenly():
    chunks = list(_chunks(range(98), size=16, in_flight=4))
    assert [x for chunk in chunks for x in chunk] == list(range(98))
    sizes = [len(c) for c in chunks]
    assert max(sizes) == 16 and sizes[-4:] == sorted(sizes[-4:], reverse=True)
    assert sizes[-1] <= 2  # the last ones are small: no worker is left with a long tail


def test_chunks_of_a_long_input_are_full_until_its_end():
    sizes = [len(c) for c in _chunks(iter(range(10_000)), size=16, in_flight=4)]
    assert set(sizes[:600]) == {16} and sum(sizes) == 10_000
