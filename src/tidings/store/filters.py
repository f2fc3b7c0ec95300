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
            country = self.country.upper()
            conditions.append("(e.source_country = ? OR e.target_country = ? OR e.event_id IN "
                              f"({_LATER_ACTORS} AND country = ?))")
            params += [country, country, country]
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


# The first source and target are columns of `events`; only the actors after them (of
# compound events, a few) need the look-up in `event_actors`.
_LATER_ACTORS = "SELECT event_id FROM event_actors WHERE position > 0"


def _actor_match(value: str, role: str) -> tuple[str, list[Any]]:
    """Events with an actor in `role` that is `value`: a country, an actor id or part of a name."""
    if len(value) == 3 and value.isalpha() and value.isupper():
        return (f"(e.{role}_country = ? OR e.event_id IN ({_LATER_ACTORS} AND role = ? "
                "AND country = ?))", [value, role, value])
    return ("e.event_id IN (SELECT event_id FROM event_actors WHERE role = ? AND (actor_id = ? "
            "OR contains(lower(name), lower(?)) OR contains(lower(text), lower(?))))",
            [role, value, value, value])
