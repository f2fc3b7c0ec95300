"""What the app loads once (store, knowledge base, ontology, map) and hands to each request."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Request
from fastapi.templating import Jinja2Templates

from ..actors.kb import KnowledgeBase
from ..ontology import Ontology
from ..store import Store
from .worldmap import CountryShape


@dataclass(frozen=True)
class WebState:
    store: Store
    knowledge_base: KnowledgeBase
    ontology: Ontology
    world: list[CountryShape]
    templates: Jinja2Templates


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


class _CursorStore(Store):
    """The app's read-only store on a DuckDB cursor of its own.

    One DuckDB connection must not run queries from several threads at once, and FastAPI
    answers requests on a pool of threads; a cursor is a cheap connection to the same
    database, already opened read-only and checked.
    """

    def __init__(self, store: Store):  # not Store.__init__: the file is open and checked
        self.path = store.path
        self.con = store.con.cursor()


def request_store(request: Request) -> Iterator[Store]:
    """A store for one request, closed when the response is done."""
    store = _CursorStore(web_state(request).store)
    try:
        yield store
    finally:
        store.close()
