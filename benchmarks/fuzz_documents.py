"""Fuzz run: random documents in every input format, through the readers and the coder.

    .venv/bin/python benchmarks/fuzz_documents.py [--documents 10000] [--seed 0] [--no-model]

Writes a corpus of random documents (wire copy with debris, datelines and HTML remnants;
random Unicode; random bytes; broken JSON lines; bad dates; non-English text) as text,
JSON lines, CSV, HTML and gzip files, codes it as `tidings code` does, and checks that
nothing crashes and nothing is lost: every record comes out as a coded document or a
rejection with a reason, every event serializes, and every evidence span lies inside its
document's text. `--no-model` stops after reading, language check and cleaning. Prints
one JSON line of figures; exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tidings.ingest import read_documents
from tidings.normalize import clean_text, find_dateline, guess_language, quality_score
from tidings.types import CodedDocument, Document, Rejection

WIRE = ("Russian forces shelled Kharkiv on Monday . Chinese President Xi Jinping held talks "
        "with South Korean President Moon Jae-in in Beijing on Tuesday , officials said . "
        "The ministry condemned the attack near Odesa last week and demanded sanctions . "
        "Protesters rallied in Yangon earlier this month ; police arrested dozens in 2019 .")
WORDS = WIRE.split()
DEBRIS = ["< voies rapides >>", "China. -South Korea", "activities. anti-pandemic", "<p>", "</div>",
          "&amp;", "&#39;", "Jae-inâ€™s", "\u00a0", "\ufffd", "«", "»", "--", "\t", "\n\n", "U.S."]
DATELINES = ["BEIJING, Jan. 26 (Xinhua) -- ", "MOSCOW -- ", "KYIV, Ukraine, March 3 (AP) — ",
             "SEOUL, June 11 (Yonhap) -- ", "WASHINGTON (Reuters) - "]
FOREIGN = ["Le président a reçu hier le ministre des affaires étrangères pour parler de la paix.",
           "Der russische Präsident hat am Dienstag mit dem ukrainischen Präsidenten telefoniert.",
           "Россия и Украина провели переговоры в Стамбуле во вторник, сообщили официальные лица."]
GOOD_DATES = ["2021-01-27", "20220224", "Jan. 27, 2021", "", None, 20210127]
BAD_DATES = ["2021-02-30", "0001-01-01", "not a date", "03/04/2021", [2021, 1, 27], True]


def random_text(rng: random.Random) -> str:
    """One document body: mostly wire copy with debris, sometimes noise or another language."""
    kind = rng.random()
    if kind < 0.05:
        return "".join(_random_character(rng) for _ in range(rng.randrange(0, 200)))
    if kind < 0.08:
        return rng.choice(FOREIGN)
    if kind < 0.10:
        return rng.choice(["", "   ", "\n\n"])
    pieces = [rng.choice(DATELINES)] if rng.random() < 0.3 else []
    for _ in range(rng.randrange(5, 60)):
        pieces.append(rng.choice(DEBRIS) if rng.random() < 0.1 else rng.choice(WORDS))
        pieces.append(" ")
    return "".join(pieces)


def _random_character(rng: random.Random) -> str:
    """Any code point a UTF-8 file can hold (surrogates cannot be encoded)."""
    while 0xD800 <= (code := rng.randrange(1, 0x30000)) <= 0xDFFF:
        pass
    return chr(code)


def write_corpus(folder: Path, documents: int, rng: random.Random) -> int:
    """Write `documents` records into files of every format; the number of records that
    must come out (as documents or rejections)."""
    expected = 0
    k = 0
    while k < documents:
        form = rng.choice(["txt", "txt", "jsonl", "csv", "html", "gz", "bytes"])
        name = folder / f"doc{k:05d}"
        if form in ("txt", "gz"):
            header = f"date {_date_text(rng)}\nid d{k}\n\n" if rng.random() < 0.8 else ""
            data = (header + random_text(rng)).encode("utf-8")
            if form == "gz":
                data = gzip.compress(data)
                if rng.random() < 0.1:
                    data = data[: len(data) // 2]  # a truncated download
            name.with_suffix(".txt.gz" if form == "gz" else ".txt").write_bytes(data)
            k, expected = k + 1, expected + 1
        elif form == "bytes":
            name.with_suffix(".txt").write_bytes(rng.randbytes(rng.randrange(0, 400)))
            k, expected = k + 1, expected + 1
        elif form == "html":
            body = random_text(rng).replace("<", "&lt;")
            name.with_suffix(".html").write_text(
                f"<!DOCTYPE html><html><head><title>T{k}</title></head><body><article>"
                f"<h1>T{k}</h1><p>{body}</p></article></body></html>", encoding="utf-8")
            k, expected = k + 1, expected + 1
        elif form == "jsonl":
            count = min(rng.randrange(1, 50), documents - k)
            lines = list(_json_lines(rng, k, count))
            name.with_suffix(".jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            k, expected = k + count, expected + count
        else:
            count = min(rng.randrange(1, 30), documents - k)
            rows = "".join(f'd{k + j},"{_date_text(rng)}","{_csv(random_text(rng))}"\n'
                           for j in range(count))
            name.with_suffix(".csv").write_text("id,date,text\n" + rows, encoding="utf-8")
            k, expected = k + count, expected + count
    return expected


def _json_lines(rng: random.Random, first: int, count: int) -> Iterator[str]:
    for j in range(count):
        if rng.random() < 0.05:
            yield '{"id": "broken", "text": "unterminated'
            continue
        record = {"id": f"d{first + j}", "date": _date(rng), "text": random_text(rng)}
        if rng.random() < 0.05:
            record["text"] = rng.choice([None, 42, ["a"], {"b": 1}])
        if rng.random() < 0.05:
            record["title"] = rng.choice([3, ["x"], "A title"])
        yield json.dumps(record)


def _date(rng: random.Random) -> object:
    return rng.choice(BAD_DATES if rng.random() < 0.15 else GOOD_DATES)


def _date_text(rng: random.Random) -> str:
    value = _date(rng)
    return "" if value is None else str(value)


def _csv(text: str) -> str:
    return text.replace('"', '""').replace("\x00", "")


def run(folder: Path, use_model: bool) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    problems: list[str] = []
    items = read_documents([str(folder)])
    if use_model:
        from tidings.pipeline import Pipeline

        results = Pipeline().code_documents(items)
    else:
        results = (_check_without_model(item) for item in items)
    for result in results:
        if isinstance(result, Rejection):
            counts["rejected"] += 1
            counts[f"rejected: {_reason_kind(result.reason)}"] += 1
            if "internal error" in result.reason:
                problems.append(f"{result.origin}: {result.reason}")
            continue
        counts["coded"] += 1
        counts["events"] += len(result.events)
        problems.extend(_check_coded(result))
    return counts, problems


def _reason_kind(reason: str) -> str:
    """``bad date '2021-02-30': day is out of range`` → ``bad date``."""
    return reason.split(":")[0].split("(")[0].split("'")[0].strip()


def _check_without_model(item: Document | Rejection) -> CodedDocument | Rejection:
    if isinstance(item, Rejection):
        return item
    guess = guess_language(item.text, item.language)
    if guess.language != "en":
        return Rejection(item.id, item.origin, "ingest", f"language {guess.language}")
    clean = clean_text(item.text)
    assert clean_text(clean.text).text == clean.text, item.origin
    find_dateline(item.text)
    return CodedDocument(item, (), clean.flags, quality=quality_score(clean))


def _check_coded(coded: CodedDocument) -> list[str]:
    problems = []
    length = len(coded.document.text)
    for event in coded.events:
        json.dumps(event.to_json())
        spans = event.evidence.in_document
        if spans is None:
            continue
        for start, end in (spans.sentence, spans.trigger, *spans.source, *spans.target):
            if not 0 <= start <= end <= length:
                problems.append(f"{coded.document.origin}: span {start}-{end} outside the text")
    if coded.quality is not None and not 0.0 <= coded.quality <= 1.0:
        problems.append(f"{coded.document.origin}: quality {coded.quality}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-model", action="store_true", help="read and clean only")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="tidings-fuzz-") as tmp:
        folder = Path(tmp)
        expected = write_corpus(folder, args.documents, rng)
        started = time.perf_counter()
        try:
            counts, problems = run(folder, not args.no_model)
        except Exception as e:  # the whole point: report the crash, do not hide it
            print(json.dumps({"crash": f"{type(e).__name__}: {e}"}))
            raise
        elapsed = time.perf_counter() - started
    out = counts["coded"] + counts["rejected"]
    if out != expected:
        problems.append(f"{expected} records in, {out} out: {expected - out} lost")
    print(json.dumps({"documents": expected, "coded": counts["coded"],
                      "rejected": counts["rejected"], "events": counts["events"],
                      "reasons": {k.split(": ", 1)[1]: v for k, v in sorted(counts.items())
                                  if k.startswith("rejected: ")},
                      "problems": len(problems), "model": not args.no_model,
                      "seconds": round(elapsed, 1), "seed": args.seed}))
    for problem in problems[:20]:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
