"""`tidings query`: the database as tables on the terminal."""

from __future__ import annotations

from typing import Any

import click

from .common import fail_cleanly, main, print_rows


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False), default="tidings-demo.duckdb",
              show_default=True, help="The database to read (opened read-only).")
@click.option("--country", help="Events with this country (ISO3) as source or target.")
@click.option("--type", "event_type", help="Events of this PLOVER type.")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="From this date.")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="Up to this date.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=25, show_default=True)
@click.option("--sql", help="Run this read-only SQL instead and print its rows.")
@fail_cleanly
def query(db: str, country: str | None, event_type: str | None, start: Any, end: Any,
          limit: int, sql: str | None) -> None:
    """Events from the database as a table, by country, type and dates (or --sql)."""
    from ..store import Store
    from ..store.queries import event_rows

    with Store(db, read_only=True) as store:
        if sql:
            columns, rows = store.read_only_query(sql)
        else:
            columns, rows = event_rows(store, country=country, event_type=event_type,
                                       start=start.date() if start else None,
                                       end=end.date() if end else None, limit=limit)
    print_rows(columns, rows)
