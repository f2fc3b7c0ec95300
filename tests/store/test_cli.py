"""`tidings query` and `tidings migrate` on a database built by hand (no model)."""

import duckdb
import pytest
from click.testing import CliRunner
from rich.console import Console

from tests.store.factory import corpus
from tidings.cli import common, main
from tidings.store import Store, schema


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setattr(common, "out", Console(width=200))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "q.duckdb"
    with Store(path) as store:
        list(store.write(corpus(), store.start_run("tidings test", {})))
    return str(path)


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("args", "present", "absent"), [
    (["--country", "KOR"], ["Xi Jinping agreed", "CONSULT/phone"], ["Russia"]),
    (["--source", "zelensky", "--type", "request"], ["REQUEST/military"], ["ASSAULT"]),
    (["--text", "dawn"], ["at dawn"], ["Zelensky"]),
    (["--timeline", "RUS", "UKR"], ["2022-02-01", "2022-03-01", "-10.0", "material_conflict"],
     ["2021"]),
    (["--timeline", "RUS", "UKR", "--one-way", "--period", "week"], ["2022-02-21"],
     ["2022-03"]),
    (["--top", "actors", "--start", "2022-01-01"], ["country/RUS", "org/nato"], ["xi-jinping"]),
    (["--top", "dyads", "--limit", "2"], ["RUS", "CHN", "2022-02-24"], ["IGO"]),
    (["--by-type", "--period", "year"], ["2021-01-01", "CONSULT", "AGREE", "ASSAULT"], []),
    (["--sql", "SELECT count(*) AS n FROM event_groups"], ["6"], []),
])
def test_cli_query_answers(db, args, present, absent):
    result = _run("query", "--db", db, *args)
    assert result.exit_code == 0, result.output
    for text in present:
        assert text in result.stdout
    for text in absent:
        assert text not in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--top", "actors", "--by-type"], "choose one of --top, --by-type"),
    (["--sql", "DELETE FROM events"], "query failed"),
    (["--sql", "SELECT nope FROM events"], "query failed"),
])
def test_cli_query_refuses_clearly(db, args, message):
    result = _run("query", "--db", db, *args)
    assert result.exit_code in (1, 2) and message in result.stderr
    assert "Traceback" not in result.output


def test_cli_migrate_upgrades_an_old_file_a_reader_refuses(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(schema.BASE)
    con.execute("INSERT INTO schema_version VALUES (1)")
    con.close()
    refused = _run("query", "--db", str(path))
    assert refused.exit_code == 1 and f"tidings migrate --db {path}" in refused.stderr
    assert _run("migrate", "--db", str(path)).exit_code == 0
    assert _run("query", "--db", str(path)).exit_code == 0
