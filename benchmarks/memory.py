"""Peak resident memory while coding a long stream of synthetic documents.

    .venv/bin/python benchmarks/memory.py --documents 100000

The documents are generated as they are coded (nothing is held), so the figures show what
the pipeline itself keeps. One JSON line every `--every` documents: documents so far,
resident and peak memory in MB, seconds; a flat peak means memory does not grow with
the corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tidings.config import Config
from tidings.ingest.readers import make_document
from tidings.pipeline import Pipeline
from tidings.types import Document, Rejection

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import documents


def memory_mb() -> tuple[float, float]:
    """Resident and peak resident memory of this process (Linux /proc)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def stream(count: int, max_chars: int) -> Iterator[Document | Rejection]:
    for n, fields in enumerate(documents()):
        if n == count:
            return
        yield make_document(fields, f"synthetic:{n + 1}", max_chars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=5_000)
    args = parser.parse_args()
    started = time.perf_counter()
    pipeline = Pipeline(Config())
    for n, _ in enumerate(pipeline.code_documents(stream(args.documents, pipeline.config.max_chars)),
                          1):
        if n % args.every == 0 or n == args.documents:
            rss, peak = memory_mb()
            print(json.dumps({"documents": n, "rss_mb": round(rss), "peak_mb": round(peak),
                              "seconds": round(time.perf_counter() - started, 1)}), flush=True)


if __name__ == "__main__":
    main()
