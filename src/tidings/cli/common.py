"""What every command shares: the group, clean failures, settings and terminal output."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from .. import __version__
from ..config import Config
from ..errors import TidingsError

F = TypeVar("F", bound=Callable[..., Any])
err = Console(stderr=True)
out = Console()


@click.group()
@click.version_option(__version__, prog_name="tidings")
@click.option("-v", "--verbose", is_flag=True, help="Log what the pipeline does.")
def main(verbose: bool) -> None:
    """Political event data from news: who did what to whom, when and where."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def fail_cleanly(command: F) -> F:
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


def load_config(config_file: str | None, **overrides: Any) -> Config:
    base = Config.from_file(config_file) if config_file else Config()
    return base.with_overrides(**overrides)


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None,
               width: int = 100) -> None:
    """A table on the terminal; the last column wraps, the others stay on one line."""
    table = Table(title=title)
    for k, column in enumerate(columns):
        table.add_column(column, no_wrap=k < len(columns) - 1, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else shorten(str(v), width) for v in row))
    out.print(table)
