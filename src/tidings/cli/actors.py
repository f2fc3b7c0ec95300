"""`tidings actor`: one phrase, or a file of them, through the coder's own resolver."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import IO, Any

import click

from ..config import Config
from .common import fail_cleanly, main, out


@main.command()
@click.argument("text", required=False)
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Resolve roles on "
              "this date (default: today).")
@click.option("--context", help="A sentence the phrase comes from.")
@click.option("--jsonl", "jsonl", type=click.File("r"), help="Resolve one "
              "{\"text\", \"date\", \"context\"} object per line (- for standard input).")
@fail_cleanly
def actor(text: str | None, day: Any, context: str | None, jsonl: IO[str] | None) -> None:
    """Resolve an actor phrase to country, sector and knowledge-base entry."""
    from ..actors.phrase import PhraseResolver

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
