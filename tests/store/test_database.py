from datetime import date

from tidings.store import Store
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
