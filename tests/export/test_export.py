import csv
import json
from datetime import date

import pyarrow.dataset as ds
import pytest

from tests.store.factory import corpus
from tidings.export.database import GDELT_COLUMNS, ExportError, export_events
from tidings.export.writers import CSV_COLUMNS
from tidings.store import EventFilter, Store

DATED_FIRST = ["d4-0", "d4-1", "d1-0", "d2-0", "d3-0", "d3-1", "d5-0"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "x.duckdb"
    with Store(path) as writer:
        list(writer.write(corpus(), writer.start_run("tidings test", {})))
    with Store(path, read_only=True) as reader:
        yield reader


def test_export_jsonl_is_the_contract_json(store, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export_events(store, "jsonl", str(out)) == 7
    expected = {e.event_id: e.to_json() for doc in corpus() for e in doc.events}
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [e["event_id"] for e in lines] == DATED_FIRST
    assert lines == [expected[e["event_id"]] for e in lines]


def test_export_csv_reads_back(store, tmp_path):
    out = tmp_path / "e.csv"
    assert export_events(store, "csv", str(out), EventFilter(country="KOR")) == 2
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["event_id"], r["source_country"], r["target_country"]) for r in rows] == [
        ("d4-0", "CHN", "KOR"), ("d4-1", "CHN", "KOR")]
    assert rows[1]["sentence_text"] == "Xi Jinping agreed with Moon Jae-in."


def test_export_parquet_is_partitioned_by_year_and_month(store, tmp_path):
    out = tmp_path / "parquet"
    assert export_events(store, "parquet", str(out)) == 7
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("*/*")) == [
        "year=2021/month=1", "year=2022/month=2", "year=2022/month=3",
        "year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__"]
    table = ds.dataset(out, partitioning="hive").to_table().sort_by("event_id")
    assert table.num_rows == 7
    first = table.slice(0, 1).to_pylist()[0]
    assert first["event_id"] == "d1-0" and first["date"] == date(2022, 2, 24)
    assert first["source"][0]["id"] == "country/RUS" and first["location"]["latitude"] == 49.99
    assert first["evidence"]["document"]["trigger"] == [7, 15]
    assert (first["year"], first["month"]) == (2022, 2)


def test_export_parquet_refuses_a_used_folder_and_no_folder(store, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="not an empty folder"):
        export_events(store, "parquet", str(tmp_path / "used"))
    with pytest.raises(ExportError, match="-o FOLDER"):
        export_events(store, "parquet", None)


def test_export_gdelt_counts_mentions_sources_and_articles(store, tmp_path):
    out = tmp_path / "e.tsv"
    assert export_events(store, "gdelt", str(out)) == 6
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    attack = next(r for r in rows if r["SQLDATE"] == "20220224")
    assert {k: attack[k] for k in ("MonthYear", "Year", "FractionDate", "Actor1Code",
                                    "Actor1CountryCode", "Actor2Code", "EventCode",
                                    "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
                                    "IsRootEvent", "ActionGeo_Type", "ActionGeo_FullName",
                                    "ActionGeo_Lat", "SOURCEURL")} == {
        "MonthYear": "202202", "Year": "2022", "FractionDate": "2022.2301", "Actor1Code": "RUS",
        "Actor1CountryCode": "RUS", "Actor2Code": "UKR", "EventCode": "190",
        "EventBaseCode": "190", "EventRootCode": "19", "QuadClass": "4",
        "GoldsteinScale": "-10.0", "NumMentions": "2", "NumSources": "2", "NumArticles": "2",
        "IsRootEvent": "1", "ActionGeo_Type": "4", "ActionGeo_FullName": "Kharkiv",
        "ActionGeo_Lat": "49.99", "SOURCEURL": "https://news.example/d1"}
    consult = next(r for r in rows if r["EventCode"] == "041")
    assert (consult["Actor1Code"], consult["Actor1Name"], consult["Actor2Type1Code"]) == (
        "CHNGOV", "Xi Jinping", "GOV")
    assert len(attack["DATEADDED"]) == 14


def test_export_plover_links_mentions_of_one_event(store, tmp_path):
    out = tmp_path / "e.plover.jsonl"
    assert export_events(store, "plover", str(out), EventFilter(event_type="ASSAULT")) == 4
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    first = records["d1-0"]
    assert first["link"] == records["d2-0"]["link"] != records["d5-0"]["link"]
    assert first["event"] == ["ASSAULT"] and first["mode"] == [] and first["quad_code"] == 4
    assert first["source"] == [{"code": "RUS", "sector": None, "actor_text": "Russia",
                                "identifier_id": "country/RUS", "identifier_text": "Russia",
                                "office": None}]
    assert first["recipient"][0]["code"] == "UKR" and first["event_scale"] == -5.0
    assert first["event_loc"]["cc3"] == "UKR" and first["event_text"] == ["Russia attacked Ukraine."]
    assert first["cite_info"]["url"] == "https://news.example/d1"
    assert first["date"] == "2022-02-24" and first["coded_date"]


def test_export_names_what_cannot_be_written(store, tmp_path):
    with pytest.raises(ExportError, match=r"cannot write .*missing/e\.jsonl"):
        export_events(store, "jsonl", str(tmp_path / "missing" / "e.jsonl"))
    with pytest.raises(ExportError, match="choose one of jsonl, csv, parquet, gdelt, plover"):
        export_events(store, "xml", str(tmp_path / "e.xml"))
