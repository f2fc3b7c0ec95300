"""The commands of CONTRACT.md, run as a user runs them."""

import json

import duckdb
from click.testing import CliRunner

from tidings.cli import main

ARTICLE = """date: 2022-03-01
title: Shelling
id: kharkiv-1

Russian forces shelled the Ukrainian city of Kharkiv on Monday, officials said.
Ukrainian President Volodymyr Zelensky urged NATO to close the skies over Ukraine.
"""


def _run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_cli_code_writes_contract_json_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = _run("code", str(path))
    assert result.exit_code == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["event_type"] for e in events] == ["ASSAULT", "REQUEST"]
    first = events[0]
    assert first["doc_id"] == "kharkiv-1" and first["date"] == "2022-02-28"
    assert {"event_id", "cameo", "quad_class", "goldstein", "evidence", "coder"} <= set(first)
    assert first["source"][0]["country"] == "RUS" and first["target"][0]["country"] == "UKR"


def test_cli_code_into_database_twice_changes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    db = tmp_path / "t.duckdb"
    assert _run("code", str(path), "--db", str(db), "-o", str(tmp_path / "e.jsonl")).exit_code == 0

    def snapshot():
        con = duckdb.connect(str(db), read_only=True)
        rows = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in ("documents", "events", "event_actors", "rejects")}
        con.close()
        return rows

    before = snapshot()
    assert _run("code", str(path), "--db", str(db), "-o", str(tmp_path / "e.jsonl")).exit_code == 0
    assert snapshot() == before
    assert len(before["events"]) == 2


def test_cli_code_reports_rejects_and_exits_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text(ARTICLE)
    result = _run("code", str(tmp_path))
    assert result.exit_code == 0
    assert "rejected" in result.stderr and "empty" in result.stderr


def test_cli_code_reads_standard_input_jsonl():
    line = json.dumps({"id": "s1", "date": "2020-01-03", "text": "Iran accused the United "
                       "States of state terrorism."})
    result = _run("code", "-", input=line + "\n")
    assert result.exit_code == 0
    (event,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert event["event_type"] == "ACCUSE" and event["source"][0]["country"] == "IRN"


def test_cli_missing_input_fails_with_one_line(tmp_path):
    result = _run("code", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def test_cli_usage_error_exits_two():
    assert _run("code").exit_code == 2


def test_cli_actor_resolves_dated_roles():
    result = _run("actor", "Moon Jae-in", "--date", "2021-01-26")
    assert json.loads(result.stdout)["sector"] == "GOV"
    result = _run("actor", "Moon Jae-in", "--date", "2023-01-01")
    assert json.loads(result.stdout)["sector"] == "ELI"


def test_cli_actor_jsonl_answers_in_order():
    lines = "\n".join(json.dumps(q) for q in [
        {"text": "South Korean troops", "date": "2021-01-26"},
        {"text": "the Kremlin", "date": "2022-01-01"},
        {"text": "xyzzy", "date": "2022-01-01"}]) + "\n"
    result = _run("actor", "--jsonl", "-", input=lines)
    answers = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(a["country"], a["sector"]) for a in answers] == [("KOR", "MIL"), ("RUS", "GOV"),
                                                              (None, None)]


def test_cli_demo_prints_summary(tmp_path):
    result = _run("demo", "--db", str(tmp_path / "demo.duckdb"))
    assert result.exit_code == 0
    assert "Events by PLOVER type" in result.stdout and "Top dyads" in result.stdout
    con = duckdb.connect(str(tmp_path / "demo.duckdb"), read_only=True)
    docs, = con.execute("SELECT count(*) FROM documents").fetchone()
    quads, = con.execute("SELECT count(DISTINCT quad_class) FROM events").fetchone()
    assert docs >= 60 and quads == 4


def test_cli_eval_json(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "date": "2020-01-01",
                                "text": "Russia vetoed a United Nations resolution on Syria.",
                                "events": [{"event_type": "REJECT", "source": [{"country": "RUS"}],
                                            "target": [{"country": "IGO"}]}]}) + "\n")
    report = json.loads(_run("eval", str(gold), "--json").stdout)
    assert report["type"]["f1"] == 1.0 and report["dyad"]["f1"] == 1.0
