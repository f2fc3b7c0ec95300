"""Load on the web API: 2,000 requests, 16 at a time, on loopback, against 100,000 events.

Builds a synthetic database with the generator of the store's scale check
(benchmarks/store_scale.py: 36 countries, every PLOVER type through its CAMEO codes, ten
years of dates), starts `tidings serve` on 127.0.0.1 in its own process, and sends
event-list requests with a mix of filters and pages; prints p50, p90, p99 and the slowest
latency, overall and by kind of filter. Bounded in count and in time: it stops by itself,
and only ever talks to 127.0.0.1.

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
from pathlib import Path

import httpx2 as httpx
from store_scale import COUNTRIES, synthetic_documents

from tidings.ontology import load_ontology
from tidings.store import Store

# Every synthetic sentence reads "The source acted against the target on that day.": the
# text filter either matches every event or none, its two extremes.
WORDS = ("acted", "against the target", "ceasefire")


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
    countries = [c for c in COUNTRIES if c != "IGO"]
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
