"""Throughput of the whole pipeline beside spaCy alone on the same text (`tidings bench`).

Every measurement runs in a fresh Python process, so that its *whole* time is what a user
waits for: interpreter, imports, model and data, reading and coding. The process also
reports its *warm* time (the coding alone, everything loaded), its processor time and its
peak resident memory. spaCy alone is the same model, full pipeline, ``nlp.pipe`` in one
process, on the text of the same documents. Words are counted once, as spaCy's tokens that
are neither punctuation nor space, and every rate divides that count.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from .errors import TidingsError


@dataclass(frozen=True)
class Run:
    """One measured process: ``spacy`` alone, or the ``pipeline`` on `workers` processes."""

    kind: str
    workers: int
    documents: int
    words: int
    events: int
    whole_s: float  # wall clock, process start to exit
    whole_cpu_s: float  # processor time of the process and its children
    warm_s: float  # wall clock of the coding alone, everything loaded
    warm_cpu_s: float
    peak_rss_mb: float

    def rate(self, words: int, warm: bool = False) -> float:
        return words / (self.warm_s if warm else self.whole_s)


def measure(kind: str, corpus: str, workers: int = 1, config_file: str | None = None) -> Run:
    """Run one measurement in a fresh process and read its report."""
    command = [sys.executable, "-m", "tidings.benchmark", kind, corpus, str(workers),
               config_file or ""]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    whole = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise TidingsError(f"the {kind} benchmark run failed on {corpus}: {last}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(kind, workers, whole_s=whole, whole_cpu_s=cpu, **report)


def compare(corpus: str, workers: int = 1, repeat: int = 1, config_file: str | None = None
            ) -> dict[str, Any]:
    """spaCy alone and the pipeline, alternated `repeat` times; the best of each is kept.

    With `workers` above 1 the pipeline is also measured on that many processes, beside
    one process, for the speed-up.
    """
    kinds = [("spacy", 1), ("pipeline", 1)] + ([("pipeline", workers)] if workers > 1 else [])
    best: dict[tuple[str, int], Run] = {}
    for _ in range(repeat):
        for kind, n in kinds:
            run = measure(kind, corpus, n, config_file)
            if (kind, n) not in best or run.whole_s < best[(kind, n)].whole_s:
                best[(kind, n)] = run
    spacy, pipeline = best[("spacy", 1)], best[("pipeline", 1)]
    words = spacy.words
    report: dict[str, Any] = {
        "corpus": corpus, "documents": pipeline.documents, "words": words,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(), "repeat": repeat,
        "spacy": _figures(spacy, words), "pipeline": _figures(pipeline, words),
        # The test: the pipeline with its start-up against spaCy already loaded.
        "ratio_whole_to_spacy_warm": round(pipeline.rate(words) / spacy.rate(words, True), 3),
        "ratio_whole_to_spacy_whole": round(pipeline.rate(words) / spacy.rate(words), 3),
        "ratio_warm_to_spacy_warm": round(pipeline.rate(words, True) /
                                          spacy.rate(words, True), 3),
        # The same ratios in processor time, steadier on a machine shared with other work.
        "ratio_cpu_whole_to_spacy_warm": round(spacy.warm_cpu_s / pipeline.whole_cpu_s, 3),
        "ratio_cpu_whole_to_spacy_whole": round(spacy.whole_cpu_s / pipeline.whole_cpu_s, 3),
        "ratio_cpu_warm_to_spacy_warm": round(spacy.warm_cpu_s / pipeline.warm_cpu_s, 3),
    }
    if workers > 1:
        parallel = best[("pipeline", workers)]
        report["workers"] = {"n": workers, **_figures(parallel, words),
                             "speedup_whole": round(pipeline.whole_s / parallel.whole_s, 3)}
    return report


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(), "load_1min": round(os.getloadavg()[0], 2)}


def _figures(run: Run, words: int) -> dict[str, Any]:
    figures = {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(run).items()
               if k not in ("kind", "words")}
    figures["words_per_s_whole"] = round(run.rate(words))
    figures["words_per_s_warm"] = round(run.rate(words, warm=True))
    figures["documents_per_s_whole"] = round(run.documents / run.whole_s, 2)
    return figures


def _run_here(kind: str, corpus: str, workers: int, config_file: str) -> dict[str, Any]:
    """The measured process: load, then code (or parse) the corpus, and report."""
    from .config import WARM_UP, Config
    from .ingest import read_documents
    from .types import CodedDocument, Document

    config = Config.from_file(config_file) if config_file else Config()
    if kind == "spacy":
        import spacy

        nlp = spacy.load(config.model)
        nlp(WARM_UP)  # the same first call as the pipeline's warm-up
        texts = [d.text for d in read_documents([corpus], config.max_chars)
                 if isinstance(d, Document)]
        clock, cpu = time.perf_counter(), time.process_time()
        words = sum(1 for doc in nlp.pipe(texts, batch_size=config.batch_size) for t in doc
                    if not (t.is_punct or t.is_space))
        documents, events = len(texts), 0
    else:
        from .engines import code_locally

        # One worker codes in this process: load first, so that the warm time is coding;
        # a pool loads in the timed part.
        items = read_documents([corpus], config.max_chars)
        if workers == 1:
            from .pipeline import Pipeline

            results = Pipeline(config).warm_up().code_documents(items)
        else:
            results = code_locally(config, items, workers)
        clock, cpu = time.perf_counter(), time.process_time()
        documents = words = events = 0
        for result in results:
            if isinstance(result, CodedDocument):
                documents, words, events = (documents + 1, words + result.words,
                                            events + len(result.events))
    warm, warm_cpu = time.perf_counter() - clock, time.process_time() - cpu
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"documents": documents, "words": words, "events": events,
            "warm_s": warm, "warm_cpu_s": warm_cpu, "peak_rss_mb": peak_kb / 1024}


if __name__ == "__main__":
    kind, corpus, workers, config_file = sys.argv[1:5]
    sys.stdout.write(json.dumps(_run_here(kind, corpus, int(workers), config_file)) + "\n")
