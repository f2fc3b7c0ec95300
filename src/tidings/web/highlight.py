"""A document's text cut into plain segments, each knowing which events' evidence covers it.

The text is untrusted: it is only ever split at offsets here and escaped by the template,
never turned into markup.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

# Strongest first: a segment shows the strongest role any event gives it.
ROLES = ("trigger", "source", "target", "sentence")

Mark = tuple[int, str]  # (index of the event in the document, role)


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def role(self) -> str | None:
        roles = {role for _, role in self.marks}
        return next((role for role in ROLES if role in roles), None)

    @property
    def data_marks(self) -> str:
        """`0:trigger 2:source` — for the page's script to focus one event."""
        return " ".join(f"{event}:{role}" for event, role in self.marks)


def evidence_spans(event: dict[str, Any]) -> Iterable[tuple[int, int, str]]:
    """(start, end, role) of an event's evidence in its document's text."""
    spans = event.get("evidence", {}).get("document")
    if not spans:
        return
    yield *spans["sentence"], "sentence"
    yield *spans["trigger"], "trigger"
    for role in ("source", "target"):
        for start, end in spans[role]:
            yield start, end, role


def segments(text: str, events: Sequence[dict[str, Any]]) -> list[Segment]:
    """`text` cut at every evidence boundary; joined again they give `text` exactly."""
    opening: defaultdict[int, list[Mark]] = defaultdict(list)
    closing: defaultdict[int, list[Mark]] = defaultdict(list)
    for index, event in enumerate(events):
        for start, end, role in evidence_spans(event):
            start, end = max(0, start), min(len(text), end)
            if start < end:
                opening[start].append((index, role))
                closing[end].append((index, role))
    cuts = sorted({0, len(text), *opening, *closing})
    active: Counter[Mark] = Counter()
    result = []
    for start, end in pairwise(cuts):
        active.subtract(closing[start])
        active.update(opening[start])
        marks = tuple(sorted(mark for mark, count in active.items() if count > 0))
        result.append(Segment(text[start:end], marks))
    return result
