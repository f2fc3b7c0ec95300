"""The database across runs, with the real model: a killed run resumes to the clean result,
`tidings recode` recodes only what another coder version coded, and the formats that need
the whole run come out of `tidings code`."""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
from click.testing import CliRunner

from tidings.cli import main
from tidings.export.database import GDELT_COLUMNS
from tidings.pipeline import CODER
from tidings.store import Store

CORPUS = Path(str(resources.files("tidings").joinpath("samples", "corpus")))


def _corpus(tmp_path, n=24):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(CORPUS.iterdir())[:n]:
        shutil.copy(path, folder)
    return folder


def _code_command(corpus, db):
    return [sys.executable, "-c", "from tidings.cli import main; main()", "code", str(corpus),
            "--db", str(db), "--batch-size", "2"]


def _snapshot(db):
    """Every stored row, less what names the run (run ids, times)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute("SELECT * EXCLUDE (run_id) FROM documents ORDER BY id")
            .fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "event_actors": con.execute("SELECT * FROM event_actors ORDER BY ALL").fetchall(),
            "rejects": con.execute('SELECT * EXCLUDE ("at") FROM rejects ORDER BY ALL').fetchall(),
        }
    finally:
        con.close()


def test_store_killed_run_resumes_to_the_clean_result(tmp_path):
    corpus = _corpus(tmp_path)
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"
    subprocess.run(_code_command(corpus, clean), check=True, capture_output=True)

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    run = subprocess.Popen(_code_command(corpus, resumed), stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, env=env)
    assert run.stdout is not None
    run.stdout.readline()  # the first batch is committed: kill the run in the middle
    run.send_signal(signal.SIGKILL)
    run.wait()
    partial = _snapshot(resumed)
    assert 0 < len(partial["documents"]) < len(_snapshot(clean)["documents"])

    subprocess.run(_code_command(corpus, resumed), check=True, capture_output=True)
    assert _snapshot(resumed) == _snapshot(clean)


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_store_recode_only_what_another_coder_coded(tmp_path, pipeline):
    corpus = _corpus(tmp_path, n=4)
    db = tmp_path / "t.duckdb"
    assert _run("code", str(corpus), "--db", str(db), "-o", str(tmp_path / "e.jsonl")).exit_code == 0
    before = _snapshot(db)
    nothing = _run("recode", "--db", str(db))
    assert "nothing to recode" in nothing.stderr and _snapshot(db) == before

    with Store(db) as store:  # as if an older tidings had coded it, and missed some events
        store.con.execute("UPDATE runs SET coder = 'tidings 0.0.1'")
        store.con.execute("DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM "
                          "events WHERE doc_id = (SELECT min(id) FROM documents))")
        store.con.execute("DELETE FROM events WHERE doc_id = (SELECT min(id) FROM documents)")
    result = _run("recode", "--db", str(db))
    assert result.exit_code == 0 and "4 documents recoded" in result.stderr
    assert _snapshot(db) == before
    with Store(db, read_only=True) as store:
        assert list(store.documents_to_recode(CODER)) == []


def test_store_code_formats_that_need_the_whole_run(tmp_path):
    corpus = _corpus(tmp_path, n=6)
    for fmt in ("gdelt", "plover", "parquet"):
        result = _run("code", str(corpus), "--format", fmt, "-o", str(tmp_path / fmt))
        assert result.exit_code == 0, result.output
    with (tmp_path / "gdelt").open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert rows and tuple(rows[0]) == GDELT_COLUMNS
    plover = [json.loads(line) for line in (tmp_path / "plover").read_text().splitlines()]
    assert sum(int(r["NumMentions"]) for r in rows) == len(plover)
    assert ds.dataset(tmp_path / "parquet", partitioning="hive").count_rows() == len(plover)
    refused = _run("code", str(corpus), "--format", "parquet")
    assert refused.exit_code == 2 and "-o FOLDER" in refused.stderr
