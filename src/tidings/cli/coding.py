"""`tidings code` and `tidings demo`: documents in, events out."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from ..config import Config
from ..engines import ENGINES
from ..export import FORMATS, STREAM_FORMATS, EventWriter, event_writer
from ..types import CodedDocument, Rejection
from .common import err, fail_cleanly, load_config, main, out, shorten


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(), help="Write events here instead of standard "
              "output (a new folder for --format parquet).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl",
              show_default=True, help="Event output format: jsonl and csv stream as documents "
              "are coded; parquet, gdelt (deduplicated events) and plover come at the end.")
@click.option("--db", type=click.Path(dir_okay=False), help="Also store documents and events "
              "in this DuckDB file.")
@click.option("--keep-negated", is_flag=True, help="Emit events the text denies, marked "
              "negated.")
@click.option("--batch-size", type=click.IntRange(1), help="Documents parsed together.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Pipelines coding in parallel: processes, or Ray actors with --engine ray.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Where pipelines run: this machine, or a Ray cluster (docs/scaling.md).")
@click.option("--address", help="A running Ray cluster for --engine ray (e.g. auto or "
              "ray://head:10001); without it Ray starts on this machine.")
@click.option("--actors-file", "actor_files", multiple=True, type=click.Path(exists=True,
              dir_okay=False), help="Extra actor entries (knowledge-base format).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="A TOML file of settings.")
@fail_cleanly
def code(inputs: tuple[str, ...], output: str | None, fmt: str, db: str | None,
         keep_negated: bool, batch_size: int | None, workers: int, engine: str,
         address: str | None, actor_files: tuple[str, ...], config_file: str | None) -> None:
    """Code documents into events (JSON lines on standard output by default).

    INPUTS are files, folders, globs, or - for standard input.
    """
    from ..engines import code_inputs
    from ..pipeline import CODER

    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes a folder of partitions: give it with "
                               "-o FOLDER")
    config = load_config(config_file, keep_negated=keep_negated or None, batch_size=batch_size,
                         actor_files=list(actor_files) or None)
    results = code_inputs(config, inputs, engine=engine, workers=workers, address=address)
    store = None
    if db:
        from ..store import Store
        store = Store(db)
        results = store.write(results, store.start_run(CODER, config.__dict__),
                              config.batch_size)
    try:
        summary = (_write_events(results, output, fmt) if fmt in STREAM_FORMATS
                   else _export_at_end(results, output, fmt))
    finally:
        if store:
            store.close()
    click.echo(f"{summary['documents']} documents coded, {summary['events']} events, "
               f"{summary['rejected']} rejected", err=True)


def _write_events(results: Iterable[CodedDocument | Rejection], output: str | None,
                  fmt: str) -> dict[str, int]:
    target = (open(output, "w", encoding="utf-8", newline="") if output  # noqa: SIM115
              else contextlib.nullcontext(sys.stdout))
    with target as handle:
        return _report(results, event_writer(handle, fmt))


def _export_at_end(results: Iterable[CodedDocument | Rejection], output: str | None,
                   fmt: str) -> dict[str, int]:
    """Formats that need the whole run (GDELT counts mentions across documents, Parquet
    partitions by month) are built in a scratch database, then exported from it."""
    import tempfile

    from ..export.database import export_events
    from ..pipeline import CODER
    from ..store import Store

    with tempfile.TemporaryDirectory(prefix="tidings-") as scratch, \
            Store(Path(scratch) / "run.duckdb") as store:
        counts = _report(store.write(results, store.start_run(CODER, {})))
        export_events(store, fmt, output)
    return counts


def _report(results: Iterable[CodedDocument | Rejection], write: EventWriter | None = None
            ) -> dict[str, int]:
    """Pass each event to `write` (if any), report each rejection, and count both."""
    counts = {"documents": 0, "events": 0, "rejected": 0}
    for result in _progress(results):
        if isinstance(result, Rejection):
            counts["rejected"] += 1
            click.echo(f"rejected {result.origin or result.id} ({result.id}): "
                       f"{result.reason}", err=True)
            continue
        counts["documents"] += 1
        counts["events"] += len(result.events)
        if write is not None:
            for event in result.events:
                write(event.to_json())
    return counts


def _progress(results: Iterable[CodedDocument | Rejection]
              ) -> Iterator[CodedDocument | Rejection]:
    """Results, with a running count on standard error when it is a terminal."""
    if not sys.stderr.isatty():
        yield from results
        return
    with err.status("coding…") as status:
        for n, result in enumerate(results, 1):
            status.update(f"coding… {n} documents")
            yield result


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), default="tidings-demo.duckdb",
              show_default=True, help="Where to create the demo database (replaced).")
@fail_cleanly
def demo(db: str) -> None:
    """Code the bundled sample corpus into a fresh database and print a summary."""
    from ..ingest import read_documents
    from ..pipeline import CODER, Pipeline
    from ..store import Store

    corpus = Path(str(resources.files("tidings").joinpath("samples", "corpus")))
    Path(db).unlink(missing_ok=True)
    started = time.perf_counter()
    config = Config()
    pipeline = Pipeline(config)
    with Store(db) as store:
        run = store.start_run(CODER, config.__dict__)
        results = store.write(pipeline.code_documents(read_documents([str(corpus)])), run)
        for result in results:
            if isinstance(result, Rejection):
                click.echo(f"rejected {result.origin}: {result.reason}", err=True)
        elapsed = time.perf_counter() - started
        _print_summary(store, elapsed)
    out.print(f"\nThe database is [bold]{db}[/bold]. Try: tidings query --db {db} "
              "--country CHN", highlight=False)


def _print_summary(store: Any, elapsed: float) -> None:
    ((docs, words),) = store.rows("SELECT count(*), coalesce(sum(words), 0) FROM documents")
    ((events,),) = store.rows("SELECT count(*) FROM events")
    ((rejects,),) = store.rows("SELECT count(*) FROM rejects")
    out.print(f"[bold]tidings demo[/bold]: {docs} documents ({words} words) → {events} events, "
              f"{rejects} rejected, in {elapsed:.1f} s", highlight=False)

    by_type = Table(title="Events by PLOVER type")
    for column in ("quad class", "type", "events", "mean Goldstein"):
        by_type.add_column(column, justify="right" if column != "type" else "left")
    for quad, event_type, n, mean in store.rows(
            "SELECT quad_class, event_type, count(*), round(avg(goldstein), 2) FROM events "
            "GROUP BY ALL ORDER BY quad_class, count(*) DESC"):
        by_type.add_row(str(quad), event_type, str(n), f"{mean:+.2f}")
    out.print(by_type)

    dyads = Table(title="Top dyads (source → target country)")
    for column in ("source", "target", "events", "mean Goldstein", "first", "last"):
        dyads.add_column(column)
    for row in store.rows(
            "SELECT source_country, target_country, count(*), round(avg(goldstein), 2), "
            "min(date), max(date) FROM events WHERE target_country IS NOT NULL "
            "AND source_country <> target_country GROUP BY ALL ORDER BY count(*) DESC "
            "LIMIT 12"):
        dyads.add_row(row[0], row[1], str(row[2]), f"{row[3]:+.2f}", str(row[4]), str(row[5]))
    out.print(dyads)

    latest = Table(title="Latest events")
    for column in ("date", "type", "source", "target", "evidence"):
        latest.add_column(column, overflow="fold")
    for row in store.rows(
            "SELECT date, event_type || coalesce('/' || mode, ''), "
            "coalesce(source_country, '') || ' ' || coalesce(source_sector, ''), "
            "coalesce(target_country, '') || ' ' || coalesce(target_sector, ''), "
            "evidence->>'text' FROM events ORDER BY date DESC, event_id LIMIT 8"):
        latest.add_row(str(row[0]), row[1], row[2], row[3], shorten(row[4], 90))
    out.print(latest)
