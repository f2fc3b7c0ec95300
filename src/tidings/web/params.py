"""Query parameters shared by the API and the pages, with the limits that keep requests cheap.

HTML forms send empty fields as empty strings, so every text filter treats "" as absent;
values are checked here, once, and a bad one is an `InvalidParameter` naming it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query, Request

from ..store.queries import EventFilter
from .state import web_state

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # characters in one free-text filter
MAX_QUERY_STRING = 2048  # bytes in a whole query string
PERIODS = ("week", "month", "year")


class InvalidParameter(ValueError):
    """A query parameter has a value the API does not accept."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name, self.problem = name, problem


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def _blank(value: str | None) -> str | None:
    value = value.strip() if value else None
    return value or None


def _day(name: str, value: str | None) -> date | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidParameter(name, f"{value!r} is not a date; write YYYY-MM-DD") from None


def _country(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and not (len(value) == 3 and value.isascii() and value.isalpha()):
        raise InvalidParameter(name, f"{value!r} is not a country code; write ISO 3166-1 alpha-3 "
                               "such as CHN")
    return value.upper() if value else None


def _actor(value: str | None) -> str | None:
    """A three-letter actor is a country code, whatever its case."""
    value = _blank(value)
    return value.upper() if value and len(value) == 3 and value.isalpha() else value


def event_filter(
    request: Request,
    source: Annotated[str | None, Query(max_length=MAX_TEXT, description=(
        "Source actor: a country (CHN), an actor id (person/xi-jinping) or part of a name"))] = None,
    target: Annotated[str | None, Query(max_length=MAX_TEXT, description=(
        "Target actor, as `source`"))] = None,
    country: Annotated[str | None, Query(max_length=3, description=(
        "Events with this country (ISO 3166-1 alpha-3) as source or target"))] = None,
    event_type: Annotated[str | None, Query(max_length=20, description="PLOVER event type")] = None,
    start: Annotated[str | None, Query(max_length=10, description="From this date (YYYY-MM-DD)")
                     ] = None,
    end: Annotated[str | None, Query(max_length=10, description="Up to this date (YYYY-MM-DD)")
                   ] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description=(
        "Words in the evidence sentence (case-insensitive)"))] = None,
    actor_id: Annotated[str | None, Query(max_length=MAX_TEXT, description=(
        "An actor id, as source or target"))] = None,
) -> EventFilter:
    """The event filter of a request's query string."""
    event_type = _blank(event_type)
    if event_type is not None:
        event_type = event_type.upper()
        types = web_state(request).ontology.plover
        if event_type not in types:
            raise InvalidParameter("event_type", f"unknown PLOVER type {event_type!r}; valid: "
                                   f"{', '.join(types)}")
    first, last = _day("start", start), _day("end", end)
    if first and last and first > last:
        raise InvalidParameter("end", f"{last} is before start {first}")
    return EventFilter(source=_actor(source), target=_actor(target),
                       country=_country("country", country), event_type=event_type,
                       start=first, end=last, q=_blank(q), actor_id=_blank(actor_id))


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Events per page")
                     ] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Events to skip")] = 0,
) -> Page:
    return Page(limit, offset)


def country_code(name: str, value: str) -> str:
    """A country that must be given, such as either side of a dyad."""
    code = _country(name, value)
    if code is None:
        raise InvalidParameter(name, "a country code is needed, such as CHN")
    return code
