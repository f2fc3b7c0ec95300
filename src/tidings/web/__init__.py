"""The web UI and JSON API of `tidings serve` (needs the `web` extra: FastAPI, uvicorn, Jinja2)."""

from .app import create_app

__all__ = ["create_app"]
