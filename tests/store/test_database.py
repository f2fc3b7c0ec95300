from dataclasses import replace
from datetime import date

import duckdb
import pytest

from tests.store.factory import RUSSIA, UKRAINE, coded, corpus
from tidings.store import EventFilter, Store, StoreError, schema
from tidings.types import Actor, CodedDocument, Document, Event, Evidence, Rejection


def _coded(text="Russia attacked Ukraine.", doc_id="d1"):
    document = Document(doc_id, text, date(2022, 2, 24), title="t", origin="x.txt")
    event = Event(
        event_id=f"{doc_id}-0-0", doc_id=doc_id, sentence=0, date=date(2022, 2, 24),
        date_precision="day", event_type="ASSAULT", mode=None, cameo="190", quad_class=4,
        goldstein=-10.0, source=(Actor("Russia", "RUS"),), target=(Actor("Ukraine", "UKR"),),
        evidence=Evidence(text, (7, 15), ((0, 6),), ((16, 23),), "triggers.tsv:1"))
    return CodedDocument(document, (event,), (), 1, 3)


def _counts(store):
    return {t: store.rows(f"SELECT count(*) FROM {t}")[0][0]
            for t in ("documents", "events", "event_actors", "rejects")}


def test_database_same_document_twice_changes_nothing(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        run = store.start_run("tidings test", {})
        list(store.write([_coded(), Rejection("r1", "bad.txt", "ingest", "empty")], run))
        first = _counts(store)
        list(store.write([_coded(), Rejection("r1", "bad.txt", "ingest", "empty")], run))
        assert _counts(store) == first == {"documents": 1, "events": 1, "event_actors": 2,
                                           "rejects": 1}


def test_database_changed_document_replaces_its_events(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        run = store.start_run("tidings test", {})
        list(store.write([_coded()], run))
        list(store.write([_coded("Russia attacked Ukraine again.")], run))
        assert store.rows("SELECT text FROM documents") == [("Russia attacked Ukraine again.",)]
        assert _counts(store)["events"] == 1


def test_database_rows_keep_event_fields(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        list(store.write([_coded()], store.start_run("tidings test", {})))
        row = store.rows("SELECT event_type, source_country, target_country, goldstein, "
                         "evidence->>'rule' FROM events")
        assert row == [("ASSAULT", "RUS", "UKR", -10.0, "triggers.tsv:1")]


def _version_1_file(path):
    con = duckdb.connect(str(path))
    con.execute(schema.BASE)
    con.execute("INSERT INTO schema_version VALUES (1)")
    con.close()


def test_database_writer_upgrades_an_old_file(tmp_path):
    _version_1_file(tmp_path / "old.duckdb")
    with Store(tmp_path / "old.duckdb") as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        list(store.write([_coded()], store.start_run("tidings test", {})))
        assert store.rows("SELECT count(plover_score) FROM events") == [(0,)]
    with Store(tmp_path / "old.duckdb", read_only=True) as store:
        assert store.schema_version == schema.SCHEMA_VERSION


def test_database_reader_of_an_old_file_says_how_to_upgrade(tmp_path):
    _version_1_file(tmp_path / "old.duckdb")
    with pytest.raises(StoreError, match=r"schema version 1.*tidings migrate --db .*old.duckdb"):
        Store(tmp_path / "old.duckdb", read_only=True)


@pytest.mark.parametrize("read_only", [True, False])
def test_database_refuses_a_newer_file(tmp_path, read_only):
    Store(tmp_path / "new.duckdb").close()
    con = duckdb.connect(str(tmp_path / "new.duckdb"))
    con.execute("UPDATE schema_version SET version = 99")
    con.close()
    with pytest.raises(StoreError, match="newer than this tidings knows"):
        Store(tmp_path / "new.duckdb", read_only=read_only)


def test_database_reader_refuses_missing_and_foreign_files(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(StoreError, match="not a tidings database"):
        Store(tmp_path / "other.duckdb", read_only=True)


def test_database_groups_one_event_reported_by_several_articles(tmp_path):
    twice = coded("d6", date(2022, 2, 24), [("Russia attacked Ukraine.", "ASSAULT", RUSSIA, UKRAINE),
                                            ("Russia attacked Ukraine.", "ASSAULT", RUSSIA, UKRAINE)])
    with Store(tmp_path / "t.duckdb") as store:
        list(store.write([*corpus(), twice], store.start_run("tidings test", {})))
        groups = store.event_groups().order("num_mentions DESC, root_event_id").fetchall()
        columns = store.event_groups().columns
        by_root = {row[columns.index("root_event_id")]: dict(zip(columns, row, strict=True))
                   for row in groups}
        assert len(groups) == 6 and store.rows("SELECT count(*) FROM event_mentions") == [(9,)]
        attack = by_root["d1-0"]
        assert (attack["num_mentions"], attack["num_sources"], attack["num_articles"]) == (4, 2, 3)
        assert attack["date"] == date(2022, 2, 24) and attack["event_type"] == "ASSAULT"
        undated = by_root["d5-0"]
        assert (undated["num_mentions"], undated["num_articles"]) == (1, 1)
        assert store.rows("SELECT count(DISTINCT group_id) FROM event_mentions "
                          "WHERE event_id IN ('d1-0', 'd2-0', 'd6-0', 'd6-1')") == [(1,)]


def test_database_event_relations_filter_and_convert(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        list(store.write(corpus(), store.start_run("tidings test", {})))
        table = store.events(EventFilter(source="RUS")).to_arrow_table()
        assert sorted(table.column("event_id").to_pylist()) == ["d1-0", "d2-0", "d5-0"]
        groups = store.event_groups(EventFilter(event_type="ASSAULT")).fetchall()
        assert len(groups) == 3


def test_database_replace_recodes_unchanged_documents(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        list(store.write(corpus(), store.start_run("tidings old", {})))
        assert [d.id for d in store.documents_to_recode("tidings old")] == []
        stale = list(store.documents_to_recode("tidings new"))
        assert [d.id for d in stale] == ["d1", "d2", "d3", "d4", "d5"]
        assert stale[3].text == corpus()[3].document.text and stale[3].url.endswith("/d4")
        before = _counts(store)
        list(store.write(corpus(), store.start_run("tidings new", {})))
        assert len(list(store.documents_to_recode("tidings new"))) == 5  # same text: skipped
        by_id = {c.document.id: c for c in corpus()}
        recoded = (by_id[d.id] for d in store.documents_to_recode("tidings new"))
        run = store.start_run("tidings new", {})
        assert len(list(store.write(recoded, run, batch_size=2, replace=True))) == 5
        assert list(store.documents_to_recode("tidings new")) == []
        assert _counts(store) == before


def test_database_batch_with_a_document_twice_keeps_the_last(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        list(store.write([_coded(), _coded("Russia attacked Ukraine again.")],
                         store.start_run("tidings test", {})))
        assert store.rows("SELECT text FROM documents") == [("Russia attacked Ukraine again.",)]


def test_database_a_failed_batch_leaves_nothing_of_it(tmp_path):
    clash = coded("d9", date(2022, 2, 24), [("Russia attacked Ukraine.", "ASSAULT", RUSSIA, UKRAINE)])
    clash = CodedDocument(clash.document, (replace(clash.events[0], event_id="d1-0"),))
    with Store(tmp_path / "t.duckdb") as store:
        run = store.start_run("tidings test", {})
        list(store.write(corpus()[:2], run, batch_size=2))
        with pytest.raises(duckdb.ConstraintException):
            list(store.write([corpus()[2], clash], run, batch_size=2))
        assert store.rows("SELECT id FROM documents ORDER BY id") == [("d1",), ("d2",)]
        assert _counts(store)["events"] == 2
