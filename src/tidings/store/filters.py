"""Which events a question is about, as a parameterized SQL condition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class EventFilter:
    """Which events a question is about; every field is optional, None means no filter.

    `source` and `target` are a country when they are three capital letters (``CHN``),
    otherwise an actor id (``person/xi-jinping``) or a case-insensitive part of an actor's
    name or text (``Zelensky``).

    Example:
        >>> EventFilter(source="RUS", target="UKR", start=date(2022, 2, 24))  # doctest: +SKIP
    """

    source: str | None = None
    target: str | None = None
    country: str | None = None
    event_type: str | None = None
    start: date | None = None
    end: date | None = None
    q: str | None = None
    actor_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on `events AS e` and its parameters ("TRUE" when no filter)."""
        conditions: list[str] = []
        params: list[Any] = []
        for role, value in (("source", self.source), ("target", self.target)):
            if value:
                condition, values = _actor_match(value, role)
                conditions.append(condition)
                params += values
        if self.country:
            conditions.append("e.event_id IN (SELECT event_id FROM event_actors WHERE country = ?)")
            params.append(self.country.upper())
        if self.actor_id:
            conditions.append("e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
            params.append(self.actor_id)
        if self.event_type:
            conditions.append("e.event_type = ?")
            params.append(self.event_type.upper())
        if self.start:
            conditions.append("e.date >= ?")
            params.append(self.start)
        if self.end:
            conditions.append("e.date <= ?")
            params.append(self.end)
        if self.q:
            conditions.append("contains(lower(e.sentence_text), lower(?))")
            params.append(self.q)
        return " AND ".join(conditions) or "TRUE", params


def _actor_match(value: str, role: str) -> tuple[str, list[Any]]:
    """Events with an actor in `role` that is `value`: a country, an actor id or part of a name."""
    if len(value) == 3 and value.isalpha() and value.isupper():
        return ("e.event_id IN (SELECT event_id FROM event_actors WHERE role = ? AND country = ?)",
                [role, value])
    return ("e.event_id IN (SELECT event_id FROM event_actors WHERE role = ? AND (actor_id = ? "
            "OR contains(lower(name), lower(?)) OR contains(lower(text), lower(?))))",
            [role, value, value, value])
