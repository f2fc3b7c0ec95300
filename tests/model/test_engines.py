"""Every engine, and the pre-filter, give the same events as one plain pipeline."""

import json
from pathlib import Path

import pytest

from tidings.config import Config
from tidings.engines import code_inputs, code_locally
from tidings.evaluate import code_gold, read_gold
from tidings.ingest import read_documents
from tidings.pipeline import Pipeline
from tidings.types import CodedDocument

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "events.jsonl"


def _outcomes(results):
    """Events as JSON for coded documents, and (id, reason) for rejections, in order."""
    return [[e.to_json() for e in r.events] if isinstance(r, CodedDocument)
            else (r.id, r.reason) for r in results]


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """Two JSON-lines shards of golden texts, one with a document that must be rejected."""
    folder = tmp_path_factory.mktemp("shards")
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()[:12]
    (folder / "a.jsonl").write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(lines[6:]) + '\n{"id": "blank", "text": " "}\n',
                                    encoding="utf-8")
    return [str(folder / "a.jsonl"), str(folder / "b.jsonl")]


def test_two_worker_processes_give_the_events_of_one_pipeline(pipeline, shards):
    alone = _outcomes(pipeline.code_documents(read_documents(shards)))
    pooled = _outcomes(code_locally(Config(batch_size=8), read_documents(shards), workers=2))
    assert pooled == alone  # chunks of 2 documents over 2 processes, in input order
    assert ("blank", "empty document: no text to code") in pooled


def test_ray_actors_give_the_events_of_the_local_engine(pipeline, shards):
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        on_ray = _outcomes(code_inputs(Config(), shards, engine="ray", workers=2))
    finally:
        ray.shutdown()
    assert on_ray == _outcomes(pipeline.code_documents(read_documents(shards)))


def test_the_prefilter_changes_no_golden_event():
    gold = read_gold(GOLDEN)
    # Both built now, from the same data files: the lexicon may change between sessions.
    screened, unfiltered = (code_gold(gold, Pipeline(Config(prefilter=on))) for on in (True, False))
    assert _comparable(screened) == _comparable(unfiltered)


def _comparable(events):
    return sorted(json.dumps(e, sort_keys=True, default=str) for e in events)



def test_bench_reports_both_runs_on_the_same_words(shards):
    from click.testing import CliRunner

    from tidings.cli import main

    result = CliRunner().invoke(main, ["bench", shards[0], "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 6 and report["words"] > 100
    for run in ("spacy", "pipeline"):
        figures = report[run]
        assert figures["whole_s"] > figures["warm_s"] > 0 and figures["peak_rss_mb"] > 100
        assert abs(figures["words_per_s_whole"] - report["words"] / figures["whole_s"]) < 1
    assert report["pipeline"]["events"] > 0 and report["ratio_whole_to_spacy_warm"] > 0
