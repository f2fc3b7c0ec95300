"""`tidings serve`: the web UI and JSON API over a database, read-only."""

from __future__ import annotations

import ipaddress

import click

from ..errors import TidingsError
from .common import err, fail_cleanly, main


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), default="tidings-demo.duckdb",
              show_default=True, help="The database to serve (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only this machine can connect unless you change it.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@fail_cleanly
def serve(db: str, host: str, port: int) -> None:
    """The web UI at / and the JSON API under /api/ (OpenAPI at /openapi.json)."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as e:
        raise TidingsError(f"the web UI needs the `web` extra ({e.name} is missing): "
                           "pip install 'tidings[web]'") from e
    app = create_app(db)
    if not _is_loopback(host):
        err.print(f"[yellow]warning:[/] serving on {host}: anyone who can reach this address "
                  "can read the whole database")
    err.print(f"tidings: serving {db} at http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
