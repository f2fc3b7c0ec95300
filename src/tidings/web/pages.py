"""The server-rendered pages: dashboard, events, document, dyad, map, actor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..store import Store
from ..store.queries import (
    QUAD_COLUMNS,
    EventFilter,
    actor_summary,
    database_summary,
    dyad_timeline,
    event_locations,
    events_by_country,
    events_by_quad,
    get_document,
    list_events,
    top_actors,
    top_dyads,
    type_breakdown,
)
from . import charts, worldmap
from .highlight import segments
from .params import MAX_TEXT, Page, country_code, event_filter, page
from .state import request_store, web_state

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Db = Annotated[Store, Depends(request_store)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Paging = Annotated[Page, Depends(page)]
MAP_POINTS = 2000
LIST_SHORT = 10


def link(path: str, **params: Any) -> str:
    """`path` with the non-empty `params` as its query string."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def filter_params(f: EventFilter) -> dict[str, str]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(f).items() if v}


def events_link(f: EventFilter, **changes: Any) -> str:
    return link("/events", **filter_params(replace(f, **changes)))


def within(f: EventFilter, first: date, last: date) -> EventFilter:
    """`f` narrowed to the days from `first` to `last`."""
    return replace(f, start=max(first, f.start) if f.start else first,
                   end=min(last, f.end) if f.end else last)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    return web_state(request).templates.TemplateResponse(request, template, context, status_code)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status, status=status, message=message)


def by_quad(rows: Iterable[Mapping[str, Any]]) -> dict[date, dict[int, int]]:
    counts: defaultdict[date, dict[int, int]] = defaultdict(dict)
    for row in rows:
        counts[row["period"]][row["quad_class"]] = row["events"]
    return dict(counts)


@dataclass(frozen=True)
class TimeView:
    """Events by quad class over time, and what the chart leaves out."""

    chart: charts.Chart | None
    period: str
    cutoff: date | None  # periods before it are not drawn
    hidden: int  # events before the cutoff


def time_view(store: Store, f: EventFilter) -> TimeView:
    """By month; without a start date only the latest months are drawn (a stray old date would
    squash the rest); with a start date it moves to quarters or years when months do not fit."""
    rows = events_by_quad(store, "month", f)
    periods = [r["period"] for r in rows]
    period, cutoff = "month", None
    if f.start is None:
        cutoff = charts.recent_window(periods, period)
    else:
        period = charts.fitting_period(periods, period)
        if period != "month":
            rows = events_by_quad(store, period, f)
    shown = [r for r in rows if cutoff is None or r["period"] >= cutoff]
    chart = charts.cooperation_conflict(
        by_quad(shown), period, link=lambda first, last: events_link(within(f, first, last)))
    hidden = sum(r["events"] for r in rows) - sum(r["events"] for r in shown)
    return TimeView(chart, period, cutoff, hidden)


@router.get("/")
def dashboard(request: Request, store: Db, f: Filter) -> Response:
    state = web_state(request)
    view = time_view(store, f)
    grid_filter = replace(f, start=view.cutoff) if view.cutoff else f  # the span of the chart
    rows = type_breakdown(store, view.period, grid_filter)
    grid_period = charts.fitting_period((r["period"] for r in rows), view.period,
                                        most=charts.MAX_GRID_COLUMNS)
    if grid_period != view.period:
        rows = type_breakdown(store, grid_period, grid_filter)
    types = sorted(state.ontology.plover, key=lambda t: state.ontology.plover[t].quad_class)
    grid = charts.type_grid(
        rows, grid_period, types,
        link=lambda t, first, last: events_link(within(f, first, last), event_type=t))
    latest, total = list_events(store, f, limit=LIST_SHORT)
    return render(request, "dashboard.html", f=f, summary=database_summary(store), total=total,
                  view=view, grid=grid, grid_period=grid_period, latest=latest,
                  dyads=top_dyads(store, LIST_SHORT, f), actors=top_actors(store, LIST_SHORT, f))


@router.get("/events")
def events(request: Request, store: Db, f: Filter, p: Paging) -> Response:
    found, total = list_events(store, f, limit=p.limit, offset=p.offset)
    params = {**filter_params(f), "limit": p.limit}
    previous = link("/events", **params, offset=max(0, p.offset - p.limit)) if p.offset else None
    following = (link("/events", **params, offset=p.offset + p.limit)
                 if p.offset + p.limit < total else None)
    return render(request, "events.html", f=f, events=found, total=total, page=p,
                  previous=previous, following=following,
                  api=link("/api/events", **params, offset=p.offset))


@router.get("/documents/{doc_id:path}")
def document(request: Request, store: Db,
             doc_id: Annotated[str, Path(max_length=MAX_TEXT)]) -> Response:
    doc = get_document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r} in this database")
    url = doc["url"] if doc["url"] and doc["url"].startswith(("http://", "https://")) else None
    return render(request, "document.html", doc=doc, url=url,
                  segments=segments(doc["text"] or "", doc["events"]))


@router.get("/dyads")
def dyad_picker(a: Annotated[str, Query(max_length=3)],
                b: Annotated[str, Query(max_length=3)]) -> Response:
    return RedirectResponse(f"/dyads/{country_code('a', a)}/{country_code('b', b)}", 303)


@router.get("/dyads/{a}/{b}")
def dyad(request: Request, store: Db, a: Annotated[str, Path(max_length=3)],
         b: Annotated[str, Path(max_length=3)],
         period: Annotated[Literal["week", "month", "year"], Query()] = "month") -> Response:
    first, second = country_code("a", a), country_code("b", b)
    rows = dyad_timeline(store, first, second, period=period)
    counts = {row["period"]: {q: row[name] for q, name in enumerate(QUAD_COLUMNS, 1)} for row in rows}
    chart = charts.cooperation_conflict(
        counts, period, {row["period"]: row["mean_goldstein"] for row in rows})
    total = sum(row["events"] for row in rows)
    mean = sum(row["mean_goldstein"] * row["events"] for row in rows) / total if total else None
    directions = [(source, target, *list_events(store, EventFilter(source=source, target=target),
                                                limit=LIST_SHORT))
                  for source, target in ((first, second), (second, first))]
    return render(request, "dyad.html", a=first, b=second, period=period, chart=chart, total=total,
                  mean=mean, directions=directions, rows=rows)


@router.get("/map")
def world_map(request: Request, store: Db, f: Filter) -> Response:
    counts = {row["country"]: row["events"] for row in events_by_country(store, f)}
    located = event_locations(store, f, limit=MAP_POINTS)
    shaded = worldmap.shade(web_state(request).world, counts,
                            lambda iso3: events_link(f, country=iso3))
    dots = worldmap.points(located, lambda e: f"/documents/{e['doc_id']}#event-{e['event_id']}")
    return render(request, "map.html", f=f, shaded=shaded, points=dots, view_box=worldmap.VIEW_BOX,
                  top=list(counts.items())[:15], capped=len(located) == MAP_POINTS)


@router.get("/actors/{actor_id:path}")
def actor(request: Request, store: Db, actor_id: Annotated[str, Path(max_length=MAX_TEXT)],
          p: Paging) -> Response:
    entry = web_state(request).knowledge_base.entries.get(actor_id)
    summary = actor_summary(store, actor_id)
    if entry is None and summary is None:
        raise HTTPException(404, f"no actor {actor_id!r} in the knowledge base or the database")
    f = EventFilter(actor_id=actor_id)
    found, total = list_events(store, f, limit=p.limit, offset=p.offset)
    following = (link(f"/actors/{actor_id}", offset=p.offset + p.limit)
                 if p.offset + p.limit < total else None)
    previous = link(f"/actors/{actor_id}", offset=max(0, p.offset - p.limit)) if p.offset else None
    return render(request, "actor.html", actor_id=actor_id, entry=entry, summary=summary,
                  roles=charts.roles_timeline(entry.roles if entry else (), date.today()),
                  view=time_view(store, f), events=found, total=total, page=p,
                  previous=previous, following=following)
