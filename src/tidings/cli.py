"""The `tidings` command: thin shells over the library. Errors become one line and a status."""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from . import __version__
from .config import Config
from .errors import TidingsError
from .types import CodedDocument, Event, Rejection

F = TypeVar("F", bound=Callable[..., Any])
err = Console(stderr=True)
out = Console()

CSV_COLUMNS = ("event_id", "doc_id", "sentence", "date", "date_precision", "event_type", "mode",
               "cameo", "quad_class", "goldstein", "source_country", "source_sector",
               "source_text", "target_country", "target_sector", "target_text", "confidence",
               "sentence_text")


def _fail_cleanly(command: F) -> F:
    """Library errors become one line on standard error and exit status 1."""
    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except TidingsError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
    return wrapper  # type: ignore[return-value]


@click.group()
@click.version_option(__version__, prog_name="tidings")
@click.option("-v", "--verbose", is_flag=True, help="Log what the pipeline does.")
def main(verbose: bool) -> None:
    """Political event data from news: who did what to whom, when and where."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _config(config_file: str | None, **overrides: Any) -> Config:
    base = Config.from_file(config_file) if config_file else Config()
    return base.with_overrides(**overrides)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write events here "
              "instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl",
              show_default=True, help="Event output format.")
@click.option("--db", type=click.Path(dir_okay=False), help="Also store documents and events "
              "in this DuckDB file.")
@click.option("--keep-negated", is_flag=True, help="Emit events the text denies, marked "
              "negated.")
@click.option("--batch-size", type=click.IntRange(1), help="Documents parsed together.")
@click.option("--actors-file", "actor_files", multiple=True, type=click.Path(exists=True,
              dir_okay=False), help="Extra actor entries (knowledge-base format).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="A TOML file of settings.")
@_fail_cleanly
def code(inputs: tuple[str, ...], output: str | None, fmt: str, db: str | None,
         keep_negated: bool, batch_size: int | None, actor_files: tuple[str, ...],
         config_file: str | None) -> None:
    """Code documents into events (JSON lines on standard output by default).

    INPUTS are files, folders, globs, or - for standard input.
    """
    from .ingest import read_documents
    from .pipeline import CODER, Pipeline

    config = _config(config_file, keep_negated=keep_negated or None, batch_size=batch_size,
                     actor_files=list(actor_files) or None)
    pipeline = Pipeline(config)
    results = pipeline.code_documents(read_documents(inputs, config.max_chars))
    store = None
    if db:
        from .store import Store
        store = Store(db)
        results = store.write(results, store.start_run(CODER, config.__dict__),
                              config.batch_size)
    try:
        summary = _write_events(results, output, fmt)
    finally:
        if store:
            store.close()
    click.echo(f"{summary['documents']} documents coded, {summary['events']} events, "
               f"{summary['rejected']} rejected", err=True)


def _write_events(results: Iterable[CodedDocument | Rejection], output: str | None,
                  fmt: str) -> dict[str, int]:
    counts = {"documents": 0, "events": 0, "rejected": 0}
    target = (open(output, "w", encoding="utf-8", newline="") if output  # noqa: SIM115
              else contextlib.nullcontext(sys.stdout))
    with target as handle:
        writer = _event_writer(handle, fmt)
        for result in _progress(results):
            if isinstance(result, Rejection):
                counts["rejected"] += 1
                click.echo(f"rejected {result.origin or result.id} ({result.id}): "
                           f"{result.reason}", err=True)
                continue
            counts["documents"] += 1
            for event in result.events:
                writer(event)
                counts["events"] += 1
    return counts


def _event_writer(handle: IO[str], fmt: str) -> Callable[[Event], None]:
    if fmt == "csv":
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)

        def write_csv(event: Event) -> None:
            writer.writerow(_csv_row(event))
        return write_csv

    def write_jsonl(event: Event) -> None:
        handle.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
    return write_jsonl


def _csv_row(event: Event) -> list[Any]:
    def first(actors: tuple[Any, ...], field: str) -> Any:
        return getattr(actors[0], field) if actors else None
    return [event.event_id, event.doc_id, event.sentence, event.date, event.date_precision,
            event.event_type, event.mode, event.cameo, event.quad_class, event.goldstein,
            first(event.source, "country"), first(event.source, "sector"),
            first(event.source, "text"), first(event.target, "country"),
            first(event.target, "sector"), first(event.target, "text"), event.confidence,
            event.evidence.text]


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
@_fail_cleanly
def demo(db: str) -> None:
    """Code the bundled sample corpus into a fresh database and print a summary."""
    from .ingest import read_documents
    from .pipeline import CODER, Pipeline
    from .store import Store

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
        latest.add_row(str(row[0]), row[1], row[2], row[3], _shorten(row[4], 90))
    out.print(latest)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@main.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False), default="tidings-demo.duckdb",
              show_default=True, help="The database to read (opened read-only).")
@click.option("--country", help="Events with this country (ISO3) as source or target.")
@click.option("--type", "event_type", help="Events of this PLOVER type.")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="From this date.")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="Up to this date.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=25, show_default=True)
@click.option("--sql", help="Run this read-only SQL instead and print its rows.")
@_fail_cleanly
def query(db: str, country: str | None, event_type: str | None, start: Any, end: Any,
          limit: int, sql: str | None) -> None:
    """Events from the database as a table, by country, type and dates (or --sql)."""
    from .store import Store
    from .store.queries import event_rows

    with Store(db, read_only=True) as store:
        if sql:
            columns, rows = store.read_only_query(sql)
        else:
            columns, rows = event_rows(store, country=country, event_type=event_type,
                                       start=start.date() if start else None,
                                       end=end.date() if end else None, limit=limit)
    table = Table()
    for k, column in enumerate(columns):
        table.add_column(column, no_wrap=k < len(columns) - 1, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else _shorten(str(v), 100) for v in row))
    out.print(table)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--events", "events_file", type=click.Path(exists=True, dir_okay=False),
              help="Score these coded events instead of coding the gold texts.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@_fail_cleanly
def eval_command(gold: str, events_file: str | None, as_json: bool) -> None:
    """Score the coder against a gold file: precision, recall and F1 by type and dyad."""
    from .evaluate import code_gold, read_gold, score

    gold_docs = read_gold(gold)
    if events_file:
        with open(events_file, encoding="utf-8") as f:
            events = [json.loads(line) for line in f if line.strip()]
    else:
        events = code_gold(gold_docs)
    report = score(gold_docs, events).as_dict()
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    _print_report(report)


def _print_report(report: dict[str, Any]) -> None:
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    table = Table(title="Event types")
    for column in ("type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [("ALL (micro)", report["type"]), *report["per_type"].items()]
    for name, m in rows:
        table.add_row(name, pct(m["precision"]), pct(m["recall"]), pct(m["f1"]),
                      str(m["n_gold"]), str(m["n_pred"]))
    out.print(table)
    dyad, no_event = report["dyad"], report["no_event"]
    out.print(f"dyad (source country, target country, type): P {pct(dyad['precision'])} "
              f"R {pct(dyad['recall'])} F1 {pct(dyad['f1'])}", highlight=False)
    out.print(f"documents without events given an event: {no_event['with_prediction']}/"
              f"{no_event['docs']} ({pct(no_event['rate'])})", highlight=False)
    confusions = list(report["confusion"].items())[:10]
    if confusions:
        out.print("most frequent misses (gold -> predicted): " +
                  ", ".join(f"{k} ×{n}" for k, n in confusions), highlight=False)


@main.command()
@click.argument("text", required=False)
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Resolve roles on "
              "this date (default: today).")
@click.option("--context", help="A sentence the phrase comes from.")
@click.option("--jsonl", "jsonl", type=click.File("r"), help="Resolve one "
              "{\"text\", \"date\", \"context\"} object per line (- for standard input).")
@_fail_cleanly
def actor(text: str | None, day: Any, context: str | None, jsonl: IO[str] | None) -> None:
    """Resolve an actor phrase to country, sector and knowledge-base entry."""
    from .actors.phrase import PhraseResolver

    if (text is None) == (jsonl is None):
        raise click.UsageError("give either TEXT or --jsonl FILE")
    resolver = PhraseResolver.build(Config())
    if text is not None:
        when = day.date() if day else date.today()
        out.print_json(json.dumps(resolver.resolve(text, when, context)))
        return
    assert jsonl is not None
    for number, line in enumerate(jsonl, 1):
        if not line.strip():
            continue
        try:
            query = json.loads(line)
            when = date.fromisoformat(query["date"]) if query.get("date") else date.today()
            answer = resolver.resolve(str(query["text"]), when, query.get("context"))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            click.echo(f"line {number}: {type(e).__name__}: {e}; expected "
                       '{"text", "date", "context"}', err=True)
            answer = {"text": None, "country": None, "sector": None, "error": str(e)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
