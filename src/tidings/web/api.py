"""The JSON API under /api/: events, documents, dyad timelines, health (CONTRACT.md)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import JSONResponse

from .. import __version__
from ..store import Store
from ..store.queries import (
    EventFilter,
    database_summary,
    dyad_timeline,
    get_document,
    get_event,
    list_events,
)
from .params import MAX_TEXT, Page, country_code, event_filter, page
from .state import request_store


class DataResponse(JSONResponse):
    """JSON written straight from the plain data the store returns: FastAPI's field-by-field
    encoding of an unvalidated dict costs ten times the dump (7 ms a page of 50 events)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                          default=_iso_date).encode("utf-8")


def _iso_date(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


router = APIRouter(prefix="/api", tags=["api"], default_response_class=DataResponse)
Db = Annotated[Store, Depends(request_store)]
Identifier = Annotated[str, Path(max_length=MAX_TEXT)]
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"example": {
        "error": {"status": code, "message": text}}}}}
    for code, text in ((404, "not found"), (422, "invalid request"))}


@router.get("/health", summary="Whether the server can read its database, and what it holds")
def health(store: Db) -> DataResponse:
    return DataResponse({"status": "ok", "version": __version__, **database_summary(store)})


@router.get("/events", summary="Events matching the filters, newest first, one page at a time",
            responses=ERRORS)
def events(store: Db, f: Annotated[EventFilter, Depends(event_filter)],
           p: Annotated[Page, Depends(page)]) -> DataResponse:
    found, total = list_events(store, f, limit=p.limit, offset=p.offset)
    return DataResponse({"total": total, "limit": p.limit, "offset": p.offset, "events": found})


@router.get("/events/{event_id:path}", summary="One event, in the JSON shape of `tidings code`",
            responses=ERRORS)
def event(store: Db, event_id: Identifier) -> DataResponse:
    return _found(get_event(store, event_id), "event", event_id)


@router.get("/documents/{doc_id:path}", responses=ERRORS,
            summary="A document's text and its events; `evidence.document` spans are offsets "
                    "in `text`")
def document(store: Db, doc_id: Identifier) -> DataResponse:
    return _found(get_document(store, doc_id), "document", doc_id)


def _found(value: dict[str, Any] | None, what: str, key: str) -> DataResponse:
    if value is None:
        raise HTTPException(404, f"no {what} {key!r} in this database")
    return DataResponse(value)


@router.get("/dyads/{a}/{b}/timeline", responses=ERRORS,
            summary="Events between two countries per period: counts by quad class and the mean "
                    "Goldstein score")
def timeline(store: Db, a: Annotated[str, Path(max_length=3)], b: Annotated[str, Path(max_length=3)],
             period: Annotated[Literal["week", "month", "year"], Query()] = "month",
             both_directions: Annotated[bool, Query(description="b → a as well as a → b")] = True,
             ) -> DataResponse:
    first, second = country_code("a", a), country_code("b", b)
    periods = dyad_timeline(store, first, second, period=period, both_directions=both_directions)
    return DataResponse({"a": first, "b": second, "period": period,
                         "both_directions": both_directions, "periods": periods})
