"""Coding on a Ray cluster: Ray Data hands out input shards to a pool of actors, each
holding one pipeline built from the config (extra ``tidings[ray]``).

A shard is one input file (JSON lines, Parquet, or any format `tidings code` reads); each
actor reads its shards with the same reader as the local engine, so both engines give the
same documents, rejections and events. Shard paths must be readable on every node: a
shared file system, or the same path on each machine. The results come back in input
order, batch by batch, to be written by the caller (standard output, a file, DuckDB).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ConfigError, TidingsError
from ..types import CodedDocument, Rejection

Result = CodedDocument | Rejection


def code_shards(config: Config, inputs: Sequence[str], workers: int, address: str | None
                ) -> Iterator[Result]:
    """Results of every shard, in input order, coded by `workers` Ray actors."""
    try:
        import ray
    except ImportError as e:
        raise ConfigError("the ray engine needs Ray: pip install 'tidings[ray]'") from e
    from ..ingest import expand_inputs

    shards = [str(path) for path in expand_inputs(inputs)]
    if "-" in shards:
        raise ConfigError("the ray engine reads files, not standard input; save it to a file")
    if not logging.getLogger().isEnabledFor(logging.INFO):  # Ray's progress notes unless -v
        logging.getLogger("ray").setLevel(logging.ERROR)
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    results = (ray.data.from_items([{"path": shard} for shard in shards],
                                   override_num_blocks=max(1, len(shards)))
               .map_batches(ShardCoder, fn_constructor_args=(config,), batch_size=1,
                            compute=ray.data.ActorPoolStrategy(size=workers)))
    try:
        for row in results.iter_rows():
            yield pickle.loads(row["result"])
    except ray.exceptions.RayError as e:
        raise TidingsError(f"the Ray engine failed: {_cause(e)}") from e


class ShardCoder:
    """A Ray actor's pipeline: one shard in, its results out batch by batch, pickled."""

    def __init__(self, config: Config):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(config)

    def __call__(self, batch: dict[str, Any]) -> Iterator[dict[str, list[bytes]]]:
        from ..ingest import read_path

        config = self.pipeline.config
        for path in batch["path"]:
            items = read_path(Path(str(path)), config.max_chars)
            out: list[bytes] = []
            for result in self.pipeline.code_documents(items):
                out.append(pickle.dumps(result))
                if len(out) == config.batch_size:
                    yield {"result": out}
                    out = []
            if out:
                yield {"result": out}


def _cause(error: BaseException) -> str:
    """The message of the error an actor raised, without Ray's traceback around it."""
    cause = getattr(error, "cause", None) or error.__cause__
    return str(cause).strip().splitlines()[-1] if cause else str(error).splitlines()[0]
