"""Ready-made questions to the database, as parameterized SQL.

Every function takes an open `Store` (read-only is enough) and an optional `EventFilter`;
user input only ever reaches DuckDB as a bound parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .database import Store, StoreError
from .filters import EventFilter

PERIODS = ("day", "week", "month", "quarter", "year")
QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")

# The columns of an event, in the order `event_dict` reads them.
EVENT_SELECT = ("e.event_id, e.doc_id, e.sentence, e.date, e.date_precision, e.event_type, "
                "e.mode, e.context, e.cameo, e.quad_class, e.goldstein, e.source, e.target, "
                "e.location, e.negated, e.confidence, e.evidence, e.plover_score, e.coder")


def _period(period: str) -> str:
    if period not in PERIODS:
        raise StoreError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")
    return period


def _dicts(store: Store, query: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.con.execute(query, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def event_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    """An event in the JSON shape of CONTRACT.md, from a row of `EVENT_SELECT`."""
    (event_id, doc_id, sentence, day, precision, event_type, mode, context, cameo, quad_class,
     goldstein, source, target, location, negated, confidence, evidence, plover_score,
     coder) = row
    return {
        "event_id": event_id, "doc_id": doc_id, "sentence": sentence,
        "date": day.isoformat() if day else None, "date_precision": precision,
        "event_type": event_type, "mode": mode, "context": list(context or ()), "cameo": cameo,
        "quad_class": quad_class, "goldstein": goldstein, "source": json.loads(source),
        "target": json.loads(target), "location": json.loads(location), "negated": negated,
        "confidence": confidence, "evidence": json.loads(evidence),
        "plover_score": plover_score, "coder": coder,
    }


def list_events(store: Store, f: EventFilter, limit: int = 50, offset: int = 0
                ) -> tuple[list[dict[str, Any]], int]:
    """One page of matching events, newest first, each with its `doc_title`; and the total.

    Example:
        >>> events, total = list_events(store, EventFilter(country="KOR"), limit=20)  # doctest: +SKIP
    """
    where, params = f.where()
    ((total,),) = store.rows(f"SELECT count(*) FROM events AS e WHERE {where}", params)
    # The page is chosen on the narrow key columns first; only its rows are read whole.
    rows = store.rows(
        f"WITH page AS (SELECT e.event_id, e.date FROM events AS e WHERE {where} "
        "ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ? OFFSET ?) "
        f"SELECT {EVENT_SELECT}, d.title FROM page JOIN events AS e USING (event_id) "
        "LEFT JOIN documents AS d ON d.id = e.doc_id "
        "ORDER BY page.date DESC NULLS LAST, e.event_id", [*params, limit, offset])
    return [{**event_dict(row[:-1]), "doc_title": row[-1]} for row in rows], total


def iter_events(store: Store, f: EventFilter | None = None, chunk_size: int = 10_000
                ) -> Iterator[dict[str, Any]]:
    """Every matching event in the JSON shape of CONTRACT.md, oldest first, read in chunks."""
    where, params = (f or EventFilter()).where()
    cursor = store.con.execute(f"SELECT {EVENT_SELECT} FROM events AS e WHERE {where} "
                               "ORDER BY e.date NULLS LAST, e.event_id", params)
    while rows := cursor.fetchmany(chunk_size):
        yield from (event_dict(row) for row in rows)


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    rows = store.rows(f"SELECT {EVENT_SELECT} FROM events AS e WHERE e.event_id = ?", [event_id])
    return event_dict(rows[0]) if rows else None


def get_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with its text and its events; `evidence.document` spans are offsets in `text`."""
    found = _dicts(store, "SELECT id, date, title, source, url, text, flags FROM documents "
                   "WHERE id = ?", [doc_id])
    if not found:
        return None
    events = store.rows(f"SELECT {EVENT_SELECT} FROM events AS e WHERE e.doc_id = ? "
                        "ORDER BY e.sentence, e.event_id", [doc_id])
    return {**found[0], "flags": list(found[0]["flags"] or ()),
            "events": [event_dict(row) for row in events]}


def dyad_timeline(store: Store, a: str, b: str, period: str = "month",
                  both_directions: bool = True) -> list[dict[str, Any]]:
    """Events of a → b (and b → a) per period: counts, mean Goldstein, counts by quad class.

    `a` and `b` are matched as `EventFilter.source`/`target` are (country, actor id or name).
    """
    forward, forward_params = EventFilter(source=a, target=b).where()
    if both_directions:
        backward, backward_params = EventFilter(source=b, target=a).where()
        where, params = f"(({forward}) OR ({backward}))", forward_params + backward_params
    else:
        where, params = forward, forward_params
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {k}) AS {name}"
                      for k, name in enumerate(QUAD_COLUMNS, 1))
    return _dicts(store,
                  f"SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, count(*) AS events, "
                  f"avg(e.goldstein) AS mean_goldstein, {quads} FROM events AS e "
                  f"WHERE e.date IS NOT NULL AND {where} GROUP BY period ORDER BY period",
                  [_period(period), *params])


def top_dyads(store: Store, limit: int = 10, f: EventFilter | None = None
              ) -> list[dict[str, Any]]:
    """The country pairs with the most events between two different countries."""
    where, params = (f or EventFilter()).where()
    return _dicts(store,
                  "SELECT e.source_country AS source, e.target_country AS target, "
                  "count(*) AS events, avg(e.goldstein) AS mean_goldstein, "
                  "min(e.date) AS first_date, max(e.date) AS last_date FROM events AS e "
                  "WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL "
                  f"AND e.source_country <> e.target_country AND {where} "
                  "GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?", [*params, limit])


def top_actors(store: Store, limit: int = 10, f: EventFilter | None = None
               ) -> list[dict[str, Any]]:
    """The actors (by knowledge-base id) in the most events, as source or target."""
    where, params = (f or EventFilter()).where()
    return _dicts(store,
                  "SELECT a.actor_id, mode(a.name) AS name, mode(a.country) AS country, "
                  "count(DISTINCT a.event_id) AS events, "
                  "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'source') AS as_source, "
                  "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'target') AS as_target "
                  "FROM event_actors AS a JOIN events AS e USING (event_id) "
                  f"WHERE a.actor_id IS NOT NULL AND {where} "
                  "GROUP BY a.actor_id ORDER BY events DESC, a.actor_id LIMIT ?", [*params, limit])


def type_breakdown(store: Store, period: str = "month", f: EventFilter | None = None
                   ) -> list[dict[str, Any]]:
    """Events per period and PLOVER type."""
    where, params = (f or EventFilter()).where()
    return _dicts(store,
                  "SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, e.event_type, "
                  "e.quad_class, count(*) AS events FROM events AS e "
                  f"WHERE e.date IS NOT NULL AND {where} GROUP BY ALL "
                  "ORDER BY period, e.quad_class, events DESC, e.event_type",
                  [_period(period), *params])


def events_by_quad(store: Store, period: str = "month", f: EventFilter | None = None
                   ) -> list[dict[str, Any]]:
    """Events per period and quad class (1 verbal cooperation … 4 material conflict)."""
    where, params = (f or EventFilter()).where()
    return _dicts(store,
                  "SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, e.quad_class, "
                  "count(*) AS events FROM events AS e "
                  f"WHERE e.date IS NOT NULL AND {where} GROUP BY ALL ORDER BY period, e.quad_class",
                  [_period(period), *params])


def event_locations(store: Store, f: EventFilter | None = None, limit: int = 5000
                    ) -> list[dict[str, Any]]:
    """Matching events whose location has coordinates, newest first, for a map."""
    where, params = (f or EventFilter()).where()
    rows = store.rows(
        f"SELECT {EVENT_SELECT} FROM events AS e "
        "WHERE e.location->>'latitude' IS NOT NULL AND e.location->>'longitude' IS NOT NULL "
        f"AND {where} ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ?", [*params, limit])
    return [event_dict(row) for row in rows]


def actor_summary(store: Store, actor_id: str) -> dict[str, Any] | None:
    """What the database knows of one actor: its usual name, country and sector, its events."""
    rows = _dicts(store,
                  "SELECT a.actor_id, mode(a.name) AS name, mode(a.country) AS country, "
                  "mode(a.sector) AS sector, count(DISTINCT a.event_id) AS events, "
                  "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'source') AS as_source, "
                  "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'target') AS as_target, "
                  "min(e.date) AS first_date, max(e.date) AS last_date "
                  "FROM event_actors AS a JOIN events AS e USING (event_id) "
                  "WHERE a.actor_id = ? GROUP BY a.actor_id", [actor_id])
    return rows[0] if rows else None


EVENT_COLUMNS = ("date", "type", "source", "target", "goldstein", "doc_id", "evidence")


def event_rows(store: Store, f: EventFilter, limit: int = 25
               ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Matching events, newest first, as short rows for a terminal table."""
    where, params = f.where()
    rows = store.rows(
        "SELECT e.date, e.event_type || coalesce('/' || e.mode, ''), "
        "concat_ws(' ', e.source_country, e.source_sector), "
        "concat_ws(' ', e.target_country, e.target_sector), e.goldstein, e.doc_id, "
        f"e.sentence_text FROM events AS e WHERE {where} "
        "ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ?", [*params, limit])
    return list(EVENT_COLUMNS), rows


# --- Added for the web UI (src/tidings/web): questions the pages ask beyond those above. ---

def events_by_country(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Matching events per country named as source or target, most first, for a map."""
    where, params = (f or EventFilter()).where()
    return _dicts(store,
                  "SELECT a.country, count(DISTINCT a.event_id) AS events "
                  "FROM event_actors AS a JOIN events AS e USING (event_id) "
                  f"WHERE a.country IS NOT NULL AND {where} "
                  "GROUP BY a.country ORDER BY events DESC, a.country", params)


def database_summary(store: Store) -> dict[str, Any]:
    """How much the database holds: documents, events, rejects and the span of event dates."""
    return _dicts(store,
                  "SELECT (SELECT count(*) FROM documents) AS documents, "
                  "(SELECT count(*) FROM events) AS events, "
                  "(SELECT count(*) FROM rejects) AS rejects, "
                  "(SELECT min(date) FROM events) AS first_date, "
                  "(SELECT max(date) FROM events) AS last_date", [])[0]
