"""A synthetic news corpus of any size, for throughput and memory runs.

    .venv/bin/python benchmarks/synthetic.py 120000 -o /tmp/synthetic.jsonl   # words

Documents are built from sentence patterns filled with real actors, places and verbs, so
that the coder finds events in some sentences and none in others, as in a news feed; the
same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

ACTORS = ["Russian forces", "Ukrainian troops", "Chinese President Xi Jinping", "the Kremlin",
          "South Korean President Moon Jae-in", "Israeli police", "Hamas militants",
          "the United Nations", "Indian soldiers", "Pakistani officials", "the White House",
          "Iranian protesters", "Turkish Foreign Minister Mevlut Cavusoglu", "Japan",
          "the European Union", "North Korea", "Seoul", "Washington", "Beijing", "Kyiv"]
PLACES = ["Kharkiv", "Gaza", "Kashmir", "Tehran", "Ankara", "Tokyo", "Geneva", "Brussels"]
EVENTS = ["{a} shelled positions held by {b} near {p} on Monday.",
          "{a} held talks with {b} in {p} on Tuesday.",
          "{a} condemned the attack by {b}, officials said.",
          "{a} accused {b} of violating the ceasefire.",
          "{a} agreed to resume negotiations with {b} next week.",
          "{a} arrested dozens of supporters of {b} in {p}.",
          "{a} urged {b} to release the detained journalists.",
          "{a} imposed new sanctions on {b} over the crisis."]
FILLER = ["Markets in {p} were calm as trading resumed after the holiday.",
          "The weather was mild and the streets of {p} were busy.",
          "Analysts expect the figures to be revised later this year.",
          "The report runs to more than two hundred pages.",
          "Prices of fuel and bread rose again in {p} this month.",
          "The museum in {p} reopened its doors to visitors."]


def documents(words: int | None = None, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Documents of three to eight sentences, about half of them events, until `words`
    (without end when None)."""
    rng = random.Random(seed)
    written, n = 0, 0
    while words is None or written < words:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            a, b = rng.sample(ACTORS, 2)
            pattern = rng.choice(EVENTS if rng.random() < 0.5 else FILLER)
            sentence = pattern.format(a=a, b=b, p=rng.choice(PLACES))
            sentences.append(sentence[0].upper() + sentence[1:])
        text = " ".join(sentences)
        written += len(text.split())
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
        yield {"id": f"synthetic-{n}", "date": day.isoformat(), "text": text}
        n += 1


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic JSONL corpus.")
    parser.add_argument("words", type=int, help="about this many words in all")
    parser.add_argument("-o", "--output", required=True, help="the JSONL file to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8") as out:
        for document in documents(args.words, args.seed):
            out.write(json.dumps(document) + "\n")


if __name__ == "__main__":
    main()
