"""Events out of the database in every format: the JSON of CONTRACT.md (jsonl), CSV, Parquet
partitioned by year and month, GDELT 2.0's event table, and POLECAT-style PLOVER JSON.

GDELT rows are events deduplicated across documents (the `event_groups` view, with their
numbers of mentions, sources and articles); the other formats have one row per mention,
and PLOVER's `link` names the group a mention belongs to.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import TidingsError
from ..store import EventFilter, Store
from ..store.queries import EVENT_SELECT, event_dict, iter_events
from ..types import Actor, Place
from .writers import FORMATS, event_writer

# GDELT 2.0 event table columns that tidings fills, in GDELT's order and with its names.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")


class ExportError(TidingsError):
    """An export cannot be written where or how it was asked."""


def export_events(store: Store, fmt: str, output: str | None, f: EventFilter | None = None
                  ) -> int:
    """Write the events matching `f` in `fmt` to `output` and return how many rows.

    `output` is a file (standard output when None), or for Parquet a new folder that gets
    one ``year=YYYY/month=M`` partition per month.

    Example:
        >>> export_events(store, "gdelt", "events.tsv", EventFilter(country="UKR"))  # doctest: +SKIP
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return write_parquet(store, output, f)
    with _open(output) as handle:
        if fmt == "gdelt":
            return write_gdelt(store, handle, f)
        if fmt == "plover":
            return write_plover(store, handle, f)
        write = event_writer(handle, fmt)
        count = 0
        for event in iter_events(store, f):
            write(event)
            count += 1
        return count


@contextlib.contextmanager
def _open(output: str | None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    try:
        handle = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as e:
        raise ExportError(f"cannot write {output}: {e.strerror}") from e
    with handle:
        yield handle


def write_parquet(store: Store, folder: str | None, f: EventFilter | None = None) -> int:
    """Events with nested sources, targets, location and evidence, partitioned by year and
    month (undated events go to DuckDB's ``__HIVE_DEFAULT_PARTITION__``)."""
    if not folder:
        raise ExportError("Parquet output is a folder of partitions: give it with -o FOLDER")
    path = Path(folder)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ExportError(f"{folder} already exists and is not an empty folder; choose a new "
                          "folder for the Parquet partitions")
    where, params = (f or EventFilter()).where()
    relation = store.sql(
        "SELECT e.event_id, e.doc_id, e.sentence, e.date, e.date_precision, e.event_type, "
        "e.mode, e.context, e.cameo, e.quad_class, e.goldstein, e.plover_score, "
        "e.source_country, e.source_sector, e.target_country, e.target_sector, "
        f"from_json(e.source, '{_ACTORS}') AS source, from_json(e.target, '{_ACTORS}') AS target, "
        f"from_json(e.location, '{_PLACE}') AS location, e.negated, e.confidence, "
        f"from_json(e.evidence, '{_EVIDENCE}') AS evidence, e.coder, m.group_id, "
        "year(e.date) AS year, month(e.date) AS month "
        f"FROM events AS e JOIN event_mentions AS m USING (event_id) WHERE {where}", params)
    ((count,),) = relation.aggregate("count(*)").fetchall()
    relation.write_parquet(str(path), partition_by=["year", "month"])
    return int(count)


def _json_type(record: type) -> str:
    """DuckDB's JSON structure of a record dataclass, for `from_json`."""
    sql_types = {"float": "DOUBLE", "int": "BIGINT", "bool": "BOOLEAN"}
    return json.dumps({field.name: sql_types.get(str(field.type).split(" |")[0], "VARCHAR")
                       for field in dataclasses.fields(record)})


_ACTORS = f"[{_json_type(Actor)}]"
_PLACE = _json_type(Place)
_EVIDENCE = json.dumps({
    "text": "VARCHAR", "trigger": "INTEGER[]", "source": "INTEGER[][]", "target": "INTEGER[][]",
    "rule": "VARCHAR", "document": {"sentence": "INTEGER[]", "trigger": "INTEGER[]",
                                    "source": "INTEGER[][]", "target": "INTEGER[][]"}})


def write_gdelt(store: Store, handle: IO[str], f: EventFilter | None = None) -> int:
    """One tab-separated row per event as GDELT counts them, after a header of column names.

    Codes are tidings' own: ISO 3166-1 alpha-3 countries, PLOVER sectors as actor types,
    GeoNames first-level divisions; GLOBALEVENTID is the group id of the deduplicated event.
    """
    where, params = (f or EventFilter()).where()
    cursor = store.con.execute(
        "SELECT g.group_id, strftime(g.date, '%Y%m%d'), strftime(g.date, '%Y%m'), year(g.date), "
        "round(year(g.date) + (month(g.date) * 30 + day(g.date)) / 365, 4), "
        "g.source_country || coalesce(g.source_sector, ''), e.source->0->>'name', "
        "g.source_country, g.source_sector, "
        "g.target_country || coalesce(g.target_sector, ''), e.target->0->>'name', "
        "g.target_country, g.target_sector, CAST(e.sentence = 0 AS INTEGER), g.cameo, "
        "left(g.cameo, 3), left(g.cameo, 2), g.quad_class, round(g.goldstein, 1), "
        "g.num_mentions, g.num_sources, g.num_articles, "
        f"{_GEO_TYPE}, e.location->>'name', e.location->>'country', e.location->>'admin1', "
        "e.location->>'latitude', e.location->>'longitude', e.location->>'geonameid', "
        "strftime(g.first_added, '%Y%m%d%H%M%S'), d.url "
        "FROM event_groups AS g JOIN events AS e ON e.event_id = g.root_event_id "
        f"JOIN documents AS d ON d.id = e.doc_id WHERE {where} "
        "ORDER BY g.date NULLS LAST, g.group_id", params)
    writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    count = 0
    while rows := cursor.fetchmany(10_000):
        writer.writerows(rows)
        count += len(rows)
    return count


# GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_GEO_TYPE = """CASE e.location->>'precision'
    WHEN 'country' THEN 1
    WHEN 'admin1' THEN CASE WHEN e.location->>'country' = 'USA' THEN 2 ELSE 5 END
    WHEN 'city' THEN CASE WHEN e.location->>'country' = 'USA' THEN 3 ELSE 4 END END"""


def write_plover(store: Store, handle: IO[str], f: EventFilter | None = None) -> int:
    """One PLOVER JSON record per line, with the fields of the PLOVER specification that
    POLECAT also fills (``source``/``recipient`` actor objects, ``event``, ``mode``,
    ``context``, ``quad_code``, ``event_scale``, ``event_loc``, ``cite_info`` …)."""
    where, params = (f or EventFilter()).where()
    cursor = store.con.execute(
        f"SELECT {EVENT_SELECT}, d.url, d.title, d.source, m.group_id, r.started_at "
        "FROM events AS e JOIN event_mentions AS m USING (event_id) "
        "JOIN documents AS d ON d.id = e.doc_id LEFT JOIN runs AS r ON r.run_id = d.run_id "
        f"WHERE {where} ORDER BY e.date NULLS LAST, e.event_id", params)
    count = 0
    while rows := cursor.fetchmany(10_000):
        for row in rows:
            url, title, publication, group_id, coded_at = row[-5:]
            record = plover_record(event_dict(row[:-5]), url=url, title=title,
                                   publication=publication, link=group_id)
            record["coded_date"] = coded_at.date().isoformat() if coded_at else None
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += len(rows)
    return count


def plover_record(event: dict[str, Any], *, url: str | None, title: str | None,
                  publication: str | None, link: str | None) -> dict[str, Any]:
    """One event (CONTRACT JSON) as a PLOVER JSON record."""
    location = event["location"]
    spans = event["evidence"]["document"]
    return {
        "id": event["event_id"],
        "date": event["date"],
        "source": [_plover_actor(a) for a in event["source"]],
        "recipient": [_plover_actor(a) for a in event["target"]],
        "event": [event["event_type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": event["context"],
        "quad_code": event["quad_class"],
        "event_scale": event["plover_score"],
        "event_loc": {"name": location.get("name"), "latitude": location.get("latitude"),
                      "longitude": location.get("longitude"), "cc3": location.get("country"),
                      "geonameid": location.get("geonameid")} if location else None,
        "event_text": [event["evidence"]["text"]],
        "text_info": {"sequence": event["sentence"],
                      "start": spans["sentence"][0] if spans else None,
                      "end": spans["sentence"][1] if spans else None},
        "cite_info": {"citation": event["doc_id"], "url": url, "title": title,
                      "publication": publication, "coder": event["coder"]},
        "link": link,
        "coder": event["coder"],
    }


def _plover_actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {"code": actor["country"], "sector": actor["sector"], "actor_text": actor["text"],
            "identifier_id": actor["id"], "identifier_text": actor["name"],
            "office": actor.get("role")}
