"""A pool of processes on one machine, each holding one pipeline built from the config.

On Linux the pipeline is built and warmed up once, here, and the workers are forked from
it: they start at once and share the model's memory until they write to it. Elsewhere
each worker starts a fresh interpreter and builds its own.

The parent reads documents and sends them out in chunks of a quarter of `batch_size` (16
by default: large enough for the parser's batching and for sending to cost little), cut
smaller once the input is all read so that the workers finish together. It yields the
results chunk by chunk in input order; at most two chunks per worker are in flight, so
memory stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

from ..config import Config
from ..errors import TidingsError
from ..types import CodedDocument, Document, Rejection

if TYPE_CHECKING:
    from ..pipeline import Pipeline

Result = CodedDocument | Rejection
_T = TypeVar("_T")
_END: Any = object()
_IN_FLIGHT_PER_WORKER = 2

# The pipeline of this worker process, or why it could not be built.
_NOT_STARTED = TidingsError("the worker process did not start")
_pipeline: Pipeline | TidingsError = _NOT_STARTED


def code_in_processes(config: Config, items: Iterable[Document | Rejection], workers: int
                      ) -> Iterator[Result]:
    """Results of `items` coded by `workers` processes, in input order."""
    chunks = _chunks(items, max(1, config.batch_size // 4), workers * _IN_FLIGHT_PER_WORKER)
    fork = sys.platform.startswith("linux")  # elsewhere forking a loaded model is unsafe
    if fork:
        _start(config)
    options: dict[str, Any] = {} if fork else {"initializer": _start, "initargs": (config,)}
    context = multiprocessing.get_context("fork" if fork else "spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, **options) as pool:
            pending: deque[Future[list[Result]]] = deque()
            while True:
                while len(pending) < workers * _IN_FLIGHT_PER_WORKER and (
                        chunk := next(chunks, None)):
                    pending.append(pool.submit(_code_chunk, chunk))
                if not pending:
                    return
                yield from _outcome(pending.popleft())
    finally:
        _release()


def _chunks(items: Iterable[_T], size: int, in_flight: int) -> Iterator[list[_T]]:
    """Chunks of `size`, read ahead by what is in flight; once the input is all read, what
    is left is cut into ever smaller chunks, so that the workers finish together."""
    iterator = iter(items)
    ahead: deque[_T] = deque()
    exhausted = False
    while True:
        while not exhausted and len(ahead) < size * (in_flight + 1):
            item = next(iterator, _END)
            if item is _END:
                exhausted = True
            else:
                ahead.append(item)
        if not ahead:
            return
        share = size if not exhausted else min(size, -(-len(ahead) // in_flight))
        yield [ahead.popleft() for _ in range(min(share, len(ahead)))]


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
        _pipeline = Pipeline(config).warm_up()
    except TidingsError as e:
        _pipeline = e  # reported with the first chunk, where the parent can see it


def _release() -> None:
    global _pipeline
    _pipeline = _NOT_STARTED


def _code_chunk(chunk: list[Document | Rejection]) -> list[Result]:
    if isinstance(_pipeline, TidingsError):
        raise TidingsError(str(_pipeline))  # the original may not survive pickling
    try:
        return list(_pipeline.code_documents(chunk))
    except TidingsError as e:
        raise TidingsError(str(e)) from None
