"""Load on the web API: 2,000 requests, 16 at a time, on loopback, against 100,000 events.

Builds a synthetic database (countries, dyads, PLOVER types and CAMEO codes, dates over ten
years, a third of the events placed), starts `tidings serve` on 127.0.0.1 in its own
process, and sends event-list requests with a mix of filters and pages; prints p50, p90,
p99 and the slowest latency, overall and by kind of filter. Bounded in count and in time:
it stops by itself, and only ever talks to 127.0.0.1.

    .venv/bin/python benchmarks/web_load.py                  # builds /tmp/tidings-web-load.duckdb
    .venv/bin/python benchmarks/web_load.py --requests 500 --concurrency 8
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx2 as httpx

from tidings.ontology import load_ontology
from tidings.store import Store
from tidings.types import Actor, CodedDocument, Document, DocumentSpans, Event, Evidence, Place

COUNTRIES = {  # ISO3: (latitude, longitude) of the capital
    "USA": (38.9, -77.0), "CHN": (39.9, 116.4), "RUS": (55.8, 37.6), "UKR": (50.5, 30.5),
    "KOR": (37.6, 127.0), "PRK": (39.0, 125.8), "JPN": (35.7, 139.7), "IND": (28.6, 77.2),
    "PAK": (33.7, 73.1), "ISR": (31.8, 35.2), "PSE": (31.9, 35.2), "IRN": (35.7, 51.4),
    "TUR": (39.9, 32.9), "FRA": (48.9, 2.4), "DEU": (52.5, 13.4), "GBR": (51.5, -0.1),
    "BRA": (-15.8, -47.9), "ZAF": (-25.7, 28.2), "NGA": (9.1, 7.5), "EGY": (30.0, 31.2),
    "SDN": (15.6, 32.5), "ETH": (9.0, 38.7), "VEN": (10.5, -66.9), "MEX": (19.4, -99.1),
    "AUS": (-35.3, 149.1), "SAU": (24.7, 46.7), "SYR": (33.5, 36.3), "AFG": (34.5, 69.2),
    "MMR": (19.8, 96.1), "ARM": (40.2, 44.5)}
SECTORS = [None, "GOV", "MIL", "COP", "OPP", "CVL", "REB", "MED"]
WORDS = ["talks", "border", "sanctions", "troops", "trade", "summit", "protest", "aid", "ceasefire",
         "election", "missile", "refugees"]
EVENTS_PER_DOCUMENT = 10
FIRST_DAY = date(2015, 1, 1)


def synthetic_documents(events: int, seed: int = 7) -> Iterator[CodedDocument]:
    """`events` events in documents of ten, drawn with a fixed seed."""
    rng = random.Random(seed)
    codes = [c for c in load_ontology().cameo.values() if c.plover_type]
    countries = list(COUNTRIES)
    weights = [1 / (rank + 1) for rank in range(len(countries))]  # a few countries dominate
    for n in range(events // EVENTS_PER_DOCUMENT):
        day = FIRST_DAY + timedelta(days=rng.randrange(3650))
        doc_id = f"load-{n:06d}"
        sentences, coded = [], []
        offset = 0
        for k in range(EVENTS_PER_DOCUMENT):
            source, target = rng.choices(countries, weights, k=2)
            code = rng.choice(codes)
            word = rng.choice(WORDS)
            sentence = f"{source} officials {code.label.lower()} {target} over {word}."
            trigger = (len(source) + 11, len(source) + 11 + len(code.label))
            target_span = (trigger[1] + 1, trigger[1] + 4)
            lat, lon = COUNTRIES[target]
            place = Place(f"{target} capital", target, lat, lon) if rng.random() < 0.33 else None
            coded.append(Event(
                event_id=f"{doc_id}-{k}", doc_id=doc_id, sentence=k, date=day,
                date_precision="day", event_type=code.plover_type or "", mode=code.plover_mode,
                cameo=code.code, quad_class=code.quad_class, goldstein=code.goldstein,
                source=(Actor(f"{source} officials", source, rng.choice(SECTORS), source,
                              f"country/{source}"),),
                target=(Actor(target, target, None, target, f"country/{target}"),),
                location=place, confidence=round(rng.uniform(0.4, 0.95), 2), coder="web-load",
                evidence=Evidence(sentence, trigger, ((0, len(source)),), (target_span,),
                                  "synthetic",
                                  DocumentSpans((offset, offset + len(sentence)),
                                                (offset + trigger[0], offset + trigger[1]),
                                                ((offset, offset + len(source)),),
                                                ((offset + target_span[0], offset + target_span[1]),)))))
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(sentences)
        yield CodedDocument(Document(doc_id, text, day, title=f"Synthetic report {n}", source="load"),
                            tuple(coded), (), EVENTS_PER_DOCUMENT, len(text.split()))


def build_database(path: Path, events: int) -> None:
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(path) as store:
        for _ in store.write(synthetic_documents(events), store.start_run("web-load", {}),
                             batch_size=500):
            pass
        ((stored,),) = store.rows("SELECT count(*) FROM events")
    print(f"built {path}: {stored:,} events in {time.perf_counter() - started:.0f} s")


def requests_to_send(count: int, seed: int = 11) -> list[tuple[str, str]]:
    """(kind, path) of the event-list requests: the filters people use, pages deep and shallow."""
    rng = random.Random(seed)
    countries = list(COUNTRIES)
    types = sorted(load_ontology().plover)
    kinds = {
        "no filter": lambda: "",
        "country": lambda: f"country={rng.choice(countries)}",
        "dyad": lambda: f"source={rng.choice(countries)}&target={rng.choice(countries)}",
        "type + dates": lambda: type_and_years(rng.choice(types), rng.randint(2015, 2024)),
        "text": lambda: f"q={rng.choice(WORDS)}",
        "deep page": lambda: f"offset={rng.randrange(0, 50_000, 50)}",
    }
    def type_and_years(event_type: str, first: int) -> str:
        return f"event_type={event_type}&start={first}-01-01&end={rng.randint(first, 2024)}-12-31"

    result = []
    for _ in range(count):
        kind = rng.choice(list(kinds))
        result.append((kind, f"/api/events?{kinds[kind]()}&limit=50"))
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def wait_until_up(client: httpx.AsyncClient, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if (await client.get("/api/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("the server did not start in time")


async def load(base: str, plan: list[tuple[str, str]], concurrency: int, time_limit: float
               ) -> tuple[dict[str, list[float]], float]:
    """Latencies in ms by kind, and the wall time in s: `concurrency` workers share the plan,
    and stop at `time_limit` s."""
    latencies: defaultdict[str, list[float]] = defaultdict(list)
    queue = list(reversed(plan))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        await wait_until_up(client, time.monotonic() + 60)
        stop = time.monotonic() + time_limit

        async def worker() -> None:
            while queue and time.monotonic() < stop:
                kind, path = queue.pop()
                started = time.perf_counter()
                response = await client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}: {response.text[:200]}")
                latencies[kind].append(elapsed)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.monotonic() - (stop - time_limit)


def report(latencies: dict[str, list[float]], wall: float) -> None:
    def line(name: str, values: list[float]) -> str:
        cuts = statistics.quantiles(values, n=100, method="inclusive")
        return (f"| {name} | {len(values):,} | {cuts[49]:.0f} | {cuts[89]:.0f} | {cuts[98]:.0f} "
                f"| {max(values):.0f} |")

    everything = [v for values in latencies.values() for v in values]
    print(f"\n{len(everything):,} requests in {wall:.1f} s ({len(everything) / wall:.0f} requests/s)\n")
    print("| requests | n | p50 ms | p90 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- |")
    print(line("all event lists", everything))
    for kind, values in sorted(latencies.items()):
        print(line(kind, values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/tidings-web-load.duckdb"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="build the database even if it exists")
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--time-limit", type=float, default=300, help="seconds of load at most")
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        build_database(args.db, args.events)
    port = free_port()
    tidings = Path(sys.executable).with_name("tidings")
    server = subprocess.Popen([str(tidings), "serve", "--db", str(args.db), "--host", "127.0.0.1",
                               "--port", str(port)])
    try:
        latencies, wall = asyncio.run(load(f"http://127.0.0.1:{port}", requests_to_send(args.requests),
                                           args.concurrency, args.time_limit))
        report(latencies, wall)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
