"""Reading the project's plain-text knowledge files (TSV with a header, JSON lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataError


def data_path(*parts: str) -> Path:
    """The path of a bundled data file, e.g. ``data_path("lexicon", "triggers.tsv")``."""
    return Path(str(resources.files("tidings").joinpath("data", *parts)))


def _content_lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if line.strip() and not line.lstrip().startswith("#"):
                yield number, line


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file as dicts keyed by the header, with their line numbers."""
    lines = _content_lines(path)
    try:
        _, header_line = next(lines)
    except StopIteration:
        return
    header = header_line.split("\t")
    for number, line in lines:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise DataError(str(path), number,
                            f"expected {len(header)} tab-separated columns "
                            f"({', '.join(header)}), found {len(cells)}")
        yield number, {k: v.strip() for k, v in zip(header, cells, strict=True)}


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Objects of a JSON-lines file with their line numbers."""
    for number, line in _content_lines(path):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(str(path), number, f"not valid JSON: {e.msg}") from e
        if not isinstance(obj, dict):
            raise DataError(str(path), number, "expected a JSON object")
        yield number, obj


def split_list(cell: str) -> list[str]:
    """A `|`-separated cell as a list; `-` or empty is the empty list."""
    if cell in ("", "-"):
        return []
    return [item.strip() for item in cell.split("|") if item.strip()]
