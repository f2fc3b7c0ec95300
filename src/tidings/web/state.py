"""What the app loads once (store, knowledge base, ontology, map) and hands to each request."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

from ..actors.kb import KnowledgeBase
from ..ontology import Ontology
from ..store import Store
from .worldmap import CountryShape


class AnswerCache:
    """The rows of queries already answered, newest kept.

    The served database is opened read-only and no writer can open it meanwhile, so an
    answer stays true for as long as the server runs; repeated pages and filters cost a
    dictionary look-up instead of a scan.
    """

    def __init__(self, entries: int = 4096, largest: int = 5000):
        self.entries, self.largest = entries, largest
        self._answers: OrderedDict[tuple[Any, ...], list[tuple[Any, ...]]] = OrderedDict()
        self._lock = threading.Lock()

    def rows(self, key: tuple[Any, ...], compute: Callable[[], list[tuple[Any, ...]]]
             ) -> list[tuple[Any, ...]]:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return list(self._answers[key])
        answer = compute()
        if len(answer) <= self.largest:  # a big answer is rare and would crowd out many
            with self._lock:
                self._answers[key] = answer
                while len(self._answers) > self.entries:
                    self._answers.popitem(last=False)
        return list(answer)


@dataclass(frozen=True)
class WebState:
    store: Store
    knowledge_base: KnowledgeBase
    ontology: Ontology
    world: list[CountryShape]
    templates: Jinja2Templates
    answers: AnswerCache = field(default_factory=AnswerCache)


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


class _CursorStore(Store):
    """The app's read-only store on a DuckDB cursor of its own.

    One DuckDB connection must not run queries from several threads at once, and FastAPI
    answers requests on a pool of threads; a cursor is a cheap connection to the same
    database, already opened read-only and checked.
    """

    def __init__(self, store: Store, answers: AnswerCache):
        # not Store.__init__: the file is open and checked
        self.path = store.path
        self.con = store.con.cursor()
        self.answers = answers

    def rows(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        key = (query, *(tuple(p) if isinstance(p, list) else p for p in params or ()))
        return self.answers.rows(key, lambda: super(_CursorStore, self).rows(query, params))


def request_store(request: Request) -> Iterator[Store]:
    """A store for one request, closed when the response is done."""
    state = web_state(request)
    store = _CursorStore(state.store, state.answers)
    try:
        yield store
    finally:
        store.close()
