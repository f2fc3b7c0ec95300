"""A pool of processes on one machine, each holding one pipeline built from the config.

The parent reads documents, sends them out in chunks of `batch_size`, and yields the
results chunk by chunk in input order; at most two chunks per worker are in flight, so
memory stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import TidingsError
from ..types import CodedDocument, Document, Rejection

if TYPE_CHECKING:
    from ..pipeline import Pipeline

Result = CodedDocument | Rejection
_IN_FLIGHT_PER_WORKER = 2

# The pipeline of this worker process, or why it could not be built.
_pipeline: Pipeline | TidingsError = TidingsError("the worker process did not start")


def code_in_processes(config: Config, items: Iterable[Document | Rejection], workers: int
                      ) -> Iterator[Result]:
    """Results of `items` coded by `workers` processes, in input order."""
    iterator = iter(items)
    # spawn: a worker starts clean, whatever threads or model the parent holds.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(config,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        while True:
            while len(pending) < workers * _IN_FLIGHT_PER_WORKER and (
                    chunk := list(islice(iterator, config.batch_size))):
                pending.append(pool.submit(_code_chunk, chunk))
            if not pending:
                return
            yield from _outcome(pending.popleft())


def _outcome(future: Future[list[Result]]) -> list[Result]:
    try:
        return future.result()
    except BrokenProcessPool as e:
        raise TidingsError("a worker process died (out of memory?); run again with fewer "
                           "--workers or a smaller --batch-size") from e


def _start(config: Config) -> None:
    global _pipeline
    from ..pipeline import Pipeline

    try:
        _pipeline = Pipeline(config)
    except TidingsError as e:
        _pipeline = e  # reported with the first chunk, where the parent can see it


def _code_chunk(chunk: list[Document | Rejection]) -> list[Result]:
    if isinstance(_pipeline, TidingsError):
        raise TidingsError(str(_pipeline))  # the original may not survive pickling
    try:
        return list(_pipeline.code_documents(chunk))
    except TidingsError as e:
        raise TidingsError(str(e)) from None
