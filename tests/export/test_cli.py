"""`tidings export` on a database built by hand (no model)."""

import csv
import json

import pyarrow.dataset as ds
from click.testing import CliRunner

from tests.store.factory import corpus
from tidings.cli import main
from tidings.store import Store


def _db(tmp_path):
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        list(store.write(corpus(), store.start_run("tidings test", {})))
    return str(path)


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_export_every_format_reads_back(tmp_path):
    db = _db(tmp_path)
    for fmt in ("jsonl", "csv", "gdelt", "plover", "parquet"):
        result = _run("export", "--db", db, "--format", fmt, "--source", "RUS",
                      "-o", str(tmp_path / f"out.{fmt}"))
        assert result.exit_code == 0, result.output
    jsonl = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [e["event_id"] for e in jsonl] == ["d1-0", "d2-0", "d5-0"]
    with (tmp_path / "out.csv").open(newline="") as handle:
        assert [r["event_id"] for r in csv.DictReader(handle)] == ["d1-0", "d2-0", "d5-0"]
    with (tmp_path / "out.gdelt").open(newline="") as handle:
        assert [r["NumArticles"] for r in csv.DictReader(handle, delimiter="\t")] == ["2", "1"]
    plover = (tmp_path / "out.plover").read_text().splitlines()
    assert [json.loads(line)["id"] for line in plover] == ["d1-0", "d2-0", "d5-0"]
    assert ds.dataset(tmp_path / "out.parquet", partitioning="hive").count_rows() == 3


def test_cli_export_to_standard_output(tmp_path):
    result = _run("export", "--db", _db(tmp_path), "--type", "CONSULT")
    assert result.exit_code == 0
    assert [json.loads(line)["event_id"] for line in result.stdout.splitlines()] == ["d4-0"]
    assert "1 rows written to standard output" in result.stderr


def test_cli_export_errors_are_one_line(tmp_path):
    result = _run("export", "--db", _db(tmp_path), "--format", "parquet")
    assert result.exit_code == 1 and "give it with -o FOLDER" in result.stderr
    missing = _run("export", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
