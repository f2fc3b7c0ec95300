"""Document text cut at evidence offsets: lossless, overlapping events, bad offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tidings.web.highlight import Segment, segments


def _event(sentence, trigger, source=(), target=()):
    return {"evidence": {"document": {"sentence": list(sentence), "trigger": list(trigger),
                                      "source": [list(s) for s in source],
                                      "target": [list(t) for t in target]}}}


TEXT = "Xi called Moon. Moon thanked Xi."


def test_highlight_marks_each_role_of_each_event():
    events = [_event((0, 15), (3, 9), [(0, 2)], [(10, 14)]),
              _event((16, 32), (21, 28), [(16, 20)], [(29, 31)])]
    cut = segments(TEXT, events)
    assert "".join(s.text for s in cut) == TEXT
    assert [(s.text, s.role) for s in cut if s.role in ("trigger", "source", "target")] == [
        ("Xi", "source"), ("called", "trigger"), ("Moon", "target"),
        ("Moon", "source"), ("thanked", "trigger"), ("Xi", "target")]
    assert cut[1] == Segment(" ", ((0, "sentence"),))
    assert cut[-1] == Segment(".", ((1, "sentence"),))


def test_highlight_overlapping_events_keep_every_mark_and_show_the_strongest():
    # "called" is the trigger of one event and inside the target span of another.
    events = [_event((0, 15), (3, 9)), _event((0, 15), (0, 2), target=[(3, 14)])]
    called = next(s for s in segments(TEXT, events) if s.text == "called")
    assert called.marks == ((0, "sentence"), (0, "trigger"), (1, "sentence"), (1, "target"))
    assert called.role == "trigger" and called.data_marks == "0:sentence 0:trigger 1:sentence 1:target"


def test_highlight_ignores_spans_outside_the_text_and_events_without_spans():
    events = [_event((0, 500), (29, 99)), {"evidence": {"text": "no document spans"}},
              _event((40, 50), (45, 41))]
    cut = segments(TEXT, events)
    assert "".join(s.text for s in cut) == TEXT
    assert [s.text for s in cut if s.role == "trigger"] == ["Xi."]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6))
def test_highlight_never_loses_or_invents_text(text, spans):
    events = [_event(span, span, [span], [span]) for span in spans]
    cut = segments(text, events)
    assert "".join(s.text for s in cut) == text
    assert all(s.text for s in cut)
