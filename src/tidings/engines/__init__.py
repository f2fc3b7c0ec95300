"""Engines: where pipelines run. Every engine gives the same results for the same input.

- ``local``: one pipeline in this process, or ``workers`` processes each holding one;
- ``ray``: a pool of Ray actors each holding one, over shards read by Ray Data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..config import Config
from ..errors import ConfigError
from ..types import CodedDocument, Document, Rejection

ENGINES = ("local", "ray")
Result = CodedDocument | Rejection


def code_inputs(config: Config, inputs: Sequence[str], *, engine: str = "local",
                workers: int = 1, address: str | None = None) -> Iterator[Result]:
    """Coded documents and rejections of every input, in input order, on `engine`."""
    if engine not in ENGINES:
        raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    if address and engine != "ray":
        raise ConfigError("--address names a Ray cluster; use it with --engine ray")
    if engine == "ray":
        from .ray_data import code_shards

        return code_shards(config, inputs, workers, address)
    from ..ingest import read_documents

    return code_locally(config, read_documents(inputs, config.max_chars), workers)


def code_locally(config: Config, items: Iterable[Document | Rejection], workers: int = 1
                 ) -> Iterator[Result]:
    """One pipeline in this process, or a pool of `workers` processes."""
    if workers == 1:
        from ..pipeline import Pipeline

        return Pipeline(config).code_documents(items)
    from .local import code_in_processes

    return code_in_processes(config, items, workers)
