"""`tidings query`, `export`, `recode` and `migrate`: the database from the terminal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from ..export import FORMATS
from ..types import Rejection
from .common import F, fail_cleanly, load_config, main, print_rows

if TYPE_CHECKING:
    from ..store import EventFilter

PERIODS = ("day", "week", "month", "quarter", "year")  # store.queries.PERIODS, without loading DuckDB
DB_HELP = "The database to read (opened read-only)."


def filter_options(command: F) -> F:
    """The options that choose events, shared by `query` and `export`."""
    options: list[Callable[[F], F]] = [
        click.option("--country", help="Events with an actor of this country (ISO3)."),
        click.option("--source", help="Source actor: a country (ISO3), an actor id or part "
                     "of a name."),
        click.option("--target", help="Target actor: a country (ISO3), an actor id or part "
                     "of a name."),
        click.option("--actor", "actor_id", help="Events with this actor id (e.g. "
                     "person/xi-jinping) as source or target."),
        click.option("--type", "event_type", help="Events of this PLOVER type."),
        click.option("--text", "q", help="Events whose sentence contains this text."),
        click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="From this date."),
        click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="Up to this date."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def event_filter(country: str | None, source: str | None, target: str | None,
                 actor_id: str | None, event_type: str | None, q: str | None,
                 start: datetime | None, end: datetime | None) -> EventFilter:
    from ..store import EventFilter

    return EventFilter(source=source, target=target, country=country, event_type=event_type,
                       start=start.date() if start else None, end=end.date() if end else None,
                       q=q, actor_id=actor_id)


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False), default="tidings-demo.duckdb",
              show_default=True, help=DB_HELP)
@filter_options
@click.option("--limit", type=click.IntRange(1, 10_000), default=25, show_default=True)
@click.option("--timeline", nargs=2, metavar="A B", help="Events between A and B (countries, "
              "actor ids or names) per period: counts, mean Goldstein, quad classes.")
@click.option("--one-way", is_flag=True, help="With --timeline: only A → B.")
@click.option("--top", type=click.Choice(["actors", "dyads"]), help="The actors or country "
              "pairs in the most matching events.")
@click.option("--by-type", is_flag=True, help="Matching events per period and PLOVER type.")
@click.option("--period", type=click.Choice(PERIODS), default="month", show_default=True,
              help="The period of --timeline and --by-type.")
@click.option("--sql", help="Run this read-only SQL instead and print its rows.")
@fail_cleanly
def query(db: str, limit: int, timeline: tuple[str, str] | None, one_way: bool, top: str | None,
          by_type: bool, period: str, sql: str | None, **filters: Any) -> None:
    """Events from the database as a table, by actor, country, type, text and dates.

    Or, instead of events: a dyad --timeline, the --top actors or dyads, the events --by-type,
    or the rows of --sql.
    """
    from ..store import Store, queries

    views = [name for name, asked in (("--timeline", timeline), ("--top", top),
                                      ("--by-type", by_type), ("--sql", sql)) if asked]
    if len(views) > 1:
        raise click.UsageError(f"choose one of {', '.join(views)}")
    f = event_filter(**filters)
    with Store(db, read_only=True) as store:
        if sql:
            columns, rows = store.read_only_query(sql)
        elif timeline:
            rows_as_dicts = queries.dyad_timeline(store, *timeline, period=period,
                                                  both_directions=not one_way)
            columns, rows = _table(rows_as_dicts, "period", "events", "mean_goldstein",
                                   *queries.QUAD_COLUMNS)
        elif top == "actors":
            columns, rows = _table(queries.top_actors(store, limit, f), "actor_id", "name",
                                   "country", "events", "as_source", "as_target")
        elif top == "dyads":
            columns, rows = _table(queries.top_dyads(store, limit, f), "source", "target",
                                   "events", "mean_goldstein", "first_date", "last_date")
        elif by_type:
            columns, rows = _table(queries.type_breakdown(store, period, f), "period",
                                   "quad_class", "event_type", "events")
        else:
            columns, rows = queries.event_rows(store, f, limit=limit)
    print_rows(columns, rows)


def _table(rows: list[dict[str, Any]], *columns: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Columns and rows for the terminal; mean scores rounded to two places."""
    def cell(value: Any) -> Any:
        return round(value, 2) if isinstance(value, float) else value
    return list(columns), [tuple(cell(row[c]) for c in columns) for row in rows]


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False), required=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl (CONTRACT JSON), csv, parquet (partitioned by year and month), gdelt "
              "(GDELT 2.0 event columns, deduplicated events), plover (POLECAT-style JSON).")
@click.option("-o", "--output", type=click.Path(), help="Write here instead of standard output "
              "(a new folder for parquet).")
@filter_options
@fail_cleanly
def export(db: str, fmt: str, output: str | None, **filters: Any) -> None:
    """Export events from the database, with the same filters as `query`."""
    from ..export.database import export_events
    from ..store import Store

    with Store(db, read_only=True) as store:
        count = export_events(store, fmt, output, event_filter(**filters))
    click.echo(f"{count} rows written to {output or 'standard output'}", err=True)


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False), required=True,
              help="The database to recode in place.")
@click.option("--batch-size", type=click.IntRange(1), help="Documents parsed together.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="A TOML file of settings.")
@fail_cleanly
def recode(db: str, batch_size: int | None, config_file: str | None) -> None:
    """Recode, from their stored text, the documents another coder version coded.

    Documents this version coded are left alone; `tidings code` never recodes by itself.
    """
    from ..pipeline import CODER, Pipeline
    from ..store import Store

    config = load_config(config_file, batch_size=batch_size)
    with Store(db) as store:
        stale = store.documents_to_recode(CODER)
        first = next(stale, None)
        if first is None:
            click.echo(f"nothing to recode: every document was coded by {CODER}", err=True)
            return
        results = Pipeline(config).code_documents(itertools.chain([first], stale))
        run = store.start_run(CODER, {**config.__dict__, "recode": True})
        documents = events = 0
        for result in store.write(results, run, config.batch_size, replace=True):
            if isinstance(result, Rejection):
                click.echo(f"rejected {result.origin or result.id} ({result.id}): "
                           f"{result.reason}", err=True)
                continue
            documents += 1
            events += len(result.events)
    click.echo(f"{documents} documents recoded by {CODER}: {events} events", err=True)


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False), required=True,
              help="The database to upgrade in place.")
@fail_cleanly
def migrate(db: str) -> None:
    """Upgrade a database made by an older tidings to this version's schema."""
    from ..store import Store

    with Store(db) as store:
        version = store.schema_version
    click.echo(f"{db} is at schema version {version}", err=True)
