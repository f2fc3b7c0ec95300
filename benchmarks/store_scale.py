"""Scale check of the database: insert synthetic events, then time the questions users ask.

    .venv/bin/python benchmarks/store_scale.py                 # one million events
    .venv/bin/python benchmarks/store_scale.py --events 100000 --json

Events go through `Store.write` exactly as `tidings code --db` writes them (a transaction
per batch of documents), five events per document, with codings drawn from the bundled
ontology. A pool of stories reported by several sources gives the deduplication work to do.
The query latencies are the median of three runs on the finished file.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tidings.export.database import export_events
from tidings.ontology import load_ontology
from tidings.store import EventFilter, Store, queries
from tidings.types import Actor, CodedDocument, Document, DocumentSpans, Event, Evidence, Place

COUNTRIES = ("USA", "CHN", "RUS", "UKR", "KOR", "PRK", "JPN", "IND", "PAK", "ISR", "PSE", "IRN",
             "TUR", "SYR", "IRQ", "AFG", "GBR", "FRA", "DEU", "BRA", "VEN", "MEX", "NGA", "ETH",
             "SDN", "EGY", "SAU", "YEM", "MMR", "PHL", "IDN", "TWN", "POL", "ZAF", "COL", "IGO")
SECTORS = (None, "GOV", "MIL", "COP", "OPP", "REB", "CVL", "BUS", "MED", "JUD")
SOURCES = tuple(f"publication-{k}" for k in range(40))
EVENTS_PER_DOCUMENT = 5
FIRST_DAY, DAYS = date(2015, 1, 1), 3653


def synthetic_documents(n_events: int, seed: int = 7) -> Iterator[CodedDocument]:
    """Documents of five events each; a fifth of the events retell a shared story."""
    rng = random.Random(seed)
    codes = [c for c in load_ontology().cameo.values() if c.plover_type]
    ontology = load_ontology().plover
    stories = [(FIRST_DAY + timedelta(rng.randrange(DAYS)), rng.choice(codes),
                _actor(rng), _actor(rng)) for _ in range(max(1, n_events // 50))]
    sentence = "The source acted against the target on that day."
    for doc_number in range(n_events // EVENTS_PER_DOCUMENT):
        doc_id = f"doc-{doc_number:07d}"
        day = FIRST_DAY + timedelta(rng.randrange(DAYS))
        events = []
        for k in range(EVENTS_PER_DOCUMENT):
            if rng.random() < 0.2:
                when, code, source, target = rng.choice(stories)
            else:
                when, code, source, target = day, rng.choice(codes), _actor(rng), _actor(rng)
            plover = ontology[str(code.plover_type)]
            start = k * (len(sentence) + 1)
            events.append(Event(
                event_id=f"{doc_id}-{k}", doc_id=doc_id, sentence=k, date=when,
                date_precision="day", event_type=plover.name, mode=code.plover_mode,
                cameo=code.code, quad_class=plover.quad_class, goldstein=code.goldstein,
                source=(source,), target=(target,), context=code.contexts,
                location=Place("Somewhere", target.country, 10.0, 20.0) if k == 0 else None,
                confidence=0.8, coder="tidings benchmark",
                plover_score=plover.mode_score(code.plover_mode),
                evidence=Evidence(sentence, (15, 20), ((0, 10),), ((29, 39),), "synthetic",
                                  DocumentSpans((start, start + len(sentence)),
                                                (start + 15, start + 20)))))
        text = " ".join([sentence] * EVENTS_PER_DOCUMENT)
        document = Document(doc_id, text, day, title=f"Story {doc_number}",
                            source=rng.choice(SOURCES), url=f"https://news.example/{doc_id}")
        yield CodedDocument(document, tuple(events), (), EVENTS_PER_DOCUMENT, len(text.split()))


def _actor(rng: random.Random) -> Actor:
    country = rng.choice(COUNTRIES)
    return Actor(f"actor of {country}", country, rng.choice(SECTORS), f"Leader of {country}",
                 f"person/leader-{country.lower()}-{rng.randrange(20)}")


def timed(run: Callable[[], Any], repeats: int = 3) -> float:
    """Median wall time of `run`, in milliseconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def questions(store: Store, scratch: Path) -> dict[str, Callable[[], Any]]:
    korea = EventFilter(country="KOR")
    year = EventFilter(start=date(2020, 1, 1), end=date(2020, 12, 31))
    exports = iter(range(1_000_000))
    return {
        "list_events country=KOR, page 1 (+ total)": lambda: queries.list_events(store, korea),
        "list_events source=RUS target=UKR, 2022": lambda: queries.list_events(
            store, EventFilter(source="RUS", target="UKR", start=date(2022, 1, 1))),
        "list_events text search": lambda: queries.list_events(store, EventFilter(q="target")),
        "get_event": lambda: queries.get_event(store, "doc-0001234-3"),
        "get_document (with events)": lambda: queries.get_document(store, "doc-0001234"),
        "dyad_timeline USA-CHN by month": lambda: queries.dyad_timeline(store, "USA", "CHN"),
        "dyad_timeline USA-CHN by week": lambda: queries.dyad_timeline(store, "USA", "CHN",
                                                                       "week"),
        "top_actors (all events)": lambda: queries.top_actors(store, 10),
        "top_dyads 2020": lambda: queries.top_dyads(store, 10, year),
        "type_breakdown by month": lambda: queries.type_breakdown(store, "month"),
        "actor_summary": lambda: queries.actor_summary(store, "person/leader-chn-3"),
        "event_groups count (dedup)": lambda: store.event_groups().aggregate("count(*)")
        .fetchall(),
        "export gdelt, 2020": lambda: export_events(store, "gdelt", str(scratch / "g.tsv"), year),
        "export parquet, all": lambda: export_events(store, "parquet",
                                                     str(scratch / f"p{next(exports)}")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=64,
                        help="Documents per transaction (tidings code's default is 64).")
    parser.add_argument("--json", action="store_true", help="One JSON line instead of a table.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tidings-scale-") as scratch:
        path = Path(scratch) / "scale.duckdb"
        with Store(path) as store:
            run = store.start_run("tidings benchmark", {})
            started = time.perf_counter()
            for _ in store.write(synthetic_documents(args.events), run, args.batch_size):
                pass
            insert_s = time.perf_counter() - started
        with Store(path, read_only=True) as store:
            ((events,),) = store.rows("SELECT count(*) FROM events")
            latencies = {name: round(timed(run_query), 1)
                         for name, run_query in questions(store, Path(scratch)).items()}
        result = {"events": events, "insert_s": round(insert_s, 1),
                  "events_per_s": round(events / insert_s),
                  "file_mb": round(path.stat().st_size / 2**20), "batch_size": args.batch_size,
                  "query_ms": latencies, "machine": f"{platform.machine()}, "
                  f"{platform.processor() or platform.system()}, python {platform.python_version()}",
                  "date": date.today().isoformat()}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{events} events inserted in {result['insert_s']} s: {result['events_per_s']} events/s "
          f"(batches of {args.batch_size} documents), file {result['file_mb']} MB")
    for name, ms in latencies.items():
        print(f"  {ms:>10.1f} ms  {name}")


if __name__ == "__main__":
    main()
