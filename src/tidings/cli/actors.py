"""`tidings actor`: one phrase, or a file of them, through the coder's own resolver."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from ..config import Config
from .common import fail_cleanly, main, out

if TYPE_CHECKING:
    from ..actors.phrase import PhraseResolver


@main.command()
@click.argument("text", required=False)
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Resolve roles on "
              "this date (default: today).")
@click.option("--context", help="A sentence the phrase comes from.")
@click.option("--jsonl", "jsonl", type=click.File("r"), help="Resolve one "
              "{\"text\", \"date\", \"context\"} object per line (- for standard input).")
@click.option("--score", is_flag=True, help="With --jsonl: the lines are gold phrases that "
              "also carry the expected \"country\" and \"sector\"; print country and sector "
              "accuracy, per class, and every miss.")
@fail_cleanly
def actor(text: str | None, day: Any, context: str | None, jsonl: IO[str] | None,
          score: bool) -> None:
    """Resolve an actor phrase to country, sector and knowledge-base entry."""
    from ..actors.phrase import PhraseResolver

    if (text is None) == (jsonl is None):
        raise click.UsageError("give either TEXT or --jsonl FILE")
    if score and jsonl is None:
        raise click.UsageError("--score needs --jsonl FILE")
    resolver = PhraseResolver.build(Config())
    if text is not None:
        when = day.date() if day else date.today()
        out.print_json(json.dumps(resolver.resolve(text, when, context)))
    elif jsonl is not None and score:
        _score(resolver, jsonl)
    elif jsonl is not None:
        _resolve_lines(resolver, jsonl)


def _resolve_lines(resolver: PhraseResolver, lines: IO[str]) -> None:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            query = json.loads(line)
            when = date.fromisoformat(query["date"]) if query.get("date") else date.today()
            answer = _joinable(query, resolver.resolve(str(query["text"]), when,
                                                       query.get("context")))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            click.echo(f"line {number}: {type(e).__name__}: {e}; expected "
                       '{"text", "date", "context"}', err=True)
            answer = {"text": None, "country": None, "sector": None, "error": str(e)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")


def _joinable(query: Any, answer: dict[str, Any]) -> dict[str, Any]:
    """An answer that joins back to its question: it carries the question's `id` (when the
    question has one) and names its knowledge-base entry `entry`."""
    joined = {k: v for k, v in answer.items() if k != "id"} | {"entry": answer.get("id")}
    return joined | {"id": query["id"]} if isinstance(query, dict) and "id" in query else joined


def _score(resolver: PhraseResolver, lines: IO[str]) -> None:
    from ..actors.score import read_actor_gold, score_phrases

    gold = read_actor_gold(lines, lines.name)
    report = score_phrases(gold, resolver.resolve).as_dict()
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")


@main.group("dict")
def dictionary() -> None:
    """Actor and agent dictionaries: bring other projects' files into our formats."""


@dictionary.command("import-petrarch")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (actors: .jsonl, agents: .tsv) instead of standard output.")
@click.option("--kind", type=click.Choice(["actors", "agents"]),
              help="What FILE holds (default: agents when it has ~ codes, else actors).")
@fail_cleanly
def import_petrarch(file: Path, output: Path | None, kind: str | None) -> None:
    """Convert a PETRARCH/TABARI actor or agent dictionary into our files.

    Use the result with `tidings code --actors-file OUT`. An entry that cannot be
    converted is reported with its line on standard error and skipped.
    """
    from ..actors.petrarch import import_petrarch as convert

    conversion = convert(file, kind)
    suffix = ".jsonl" if conversion.kind == "actors" else ".tsv"
    if output is not None and output.suffix != suffix:
        raise click.UsageError(f"{conversion.kind} are written as {suffix}: the knowledge base "
                               f"reads a file by its suffix; name the output *{suffix}")
    for problem in conversion.problems:
        click.echo(problem, err=True)
    text = conversion.write(output)
    if output is None:
        sys.stdout.write(text)
    click.echo(f"converted {len(conversion.records)} {conversion.kind}, skipped "
               f"{len(conversion.problems)} problem(s)"
               + (f"; wrote {output}" if output else ""), err=True)
