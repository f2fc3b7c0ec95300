"""Ready-made questions to the database, as parameterized SQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from .database import Store

EVENT_COLUMNS = ("date", "type", "source", "target", "goldstein", "doc_id", "evidence")


def event_rows(store: Store, *, country: str | None = None, event_type: str | None = None,
               start: date | None = None, end: date | None = None, limit: int = 25
               ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Events matching the filters, newest first."""
    where: list[str] = []
    params: list[Any] = []
    if country:
        where.append("(source_country = ? OR target_country = ?)")
        params += [country.upper(), country.upper()]
    if event_type:
        where.append("event_type = ?")
        params.append(event_type.upper())
    if start:
        where.append("date >= ?")
        params.append(start)
    if end:
        where.append("date <= ?")
        params.append(end)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = store.rows(
        "SELECT date, event_type || coalesce('/' || mode, ''), "
        "concat_ws(' ', source_country, source_sector), "
        "concat_ws(' ', target_country, target_sector), goldstein, doc_id, evidence->>'text' "
        f"FROM events {clause} "
        "ORDER BY date DESC, event_id LIMIT ?", [*params, limit])
    return list(EVENT_COLUMNS), rows
