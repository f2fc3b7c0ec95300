"""The FastAPI application: a read-only database behind a JSON API and server-rendered pages.

Everything the browser loads comes from this package (`static/`): no CDN, so the UI works
with no internet; Swagger's CDN-hosted /docs is therefore off, the OpenAPI document stays.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..actors.kb import KnowledgeBase, load_knowledge_base
from ..ontology import Ontology, load_ontology
from ..store import Store
from . import api, pages
from .charts import QUAD_NAMES
from .errors import Guard, install_error_handlers
from .state import WebState
from .worldmap import load_world

HERE = Path(__file__).parent


def _templates(knowledge_base: KnowledgeBase, ontology: Ontology) -> Jinja2Templates:
    """Templates with autoescaping on (Starlette's default for .html) and the names they show."""
    templates = Jinja2Templates(directory=HERE / "templates")
    countries = {code: entry.name for code, entry in knowledge_base.countries.items()}

    def cameo_label(code: str | None) -> str:
        known = ontology.cameo.get(code or "")
        return known.label if known else ""

    def actor_label(actor: dict[str, Any]) -> str:
        country, sector = actor.get("country"), actor.get("sector")
        code = " ".join(filter(None, (country, sector if sector != country else None)))
        return f"{code} · {actor['name']}" if actor.get("name") and code else code or actor["text"]

    templates.env.globals.update(
        country_name=lambda code: countries.get(code, code), cameo_label=cameo_label,
        actor_label=actor_label, quad_names=QUAD_NAMES, event_types=sorted(ontology.plover),
        version=__version__)
    return templates


def create_app(db: str | Path, knowledge_base: KnowledgeBase | None = None) -> FastAPI:
    """The web app over the database at `db`, opened read-only.

    Example:
        >>> app = create_app("tidings-demo.duckdb")        # doctest: +SKIP
        >>> uvicorn.run(app, host="127.0.0.1", port=8000)  # doctest: +SKIP
    """
    store = Store(db, read_only=True)
    try:
        knowledge_base = knowledge_base or load_knowledge_base()
        ontology = load_ontology()
        state = WebState(store, knowledge_base, ontology, load_world(),
                         _templates(knowledge_base, ontology))
    except BaseException:
        store.close()
        raise

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="tidings", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Political event data from news: who did what to whom, when and "
                              "where, with the evidence. Read-only.")
    app.state.web = state
    app.add_middleware(Guard)
    install_error_handlers(app, pages.error_page)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
