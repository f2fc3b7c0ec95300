"""Throughput of the pipeline beside spaCy alone, on the sample corpus and a large one.

    .venv/bin/python benchmarks/throughput.py --words 120000 --workers 2 --repeat 2

Writes a synthetic corpus of about `--words` words (benchmarks/synthetic.py), then runs
`tidings bench` measurements on both corpora and prints one JSON object per corpus: words/s
whole run and warm for spaCy alone and the pipeline, their ratios, the speed-up of
`--workers` processes over one, and peak memory. docs/performance.md records the results.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from importlib import resources
from pathlib import Path

from tidings.benchmark import compare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=120_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--config", help="a TOML settings file for the pipeline")
    args = parser.parse_args()
    sample = str(resources.files("tidings").joinpath("samples", "corpus"))
    with tempfile.TemporaryDirectory() as folder:
        large = Path(folder) / f"synthetic-{args.words}.jsonl"
        with large.open("w", encoding="utf-8") as out:
            for document in documents(args.words):
                out.write(json.dumps(document) + "\n")
        for corpus in (sample, str(large)):
            print(json.dumps(compare(corpus, args.workers, args.repeat, args.config)), flush=True)


if __name__ == "__main__":
    main()
