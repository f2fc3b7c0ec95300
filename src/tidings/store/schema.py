"""The tables of a tidings database and the forward-only migrations between versions.

A file is created at version 1 (`BASE`) and brought to `SCHEMA_VERSION` by applying each
migration in turn, so new and old files end up with exactly the same schema.
"""

from __future__ import annotations

BASE = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, coder VARCHAR, config JSON);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, date DATE, title VARCHAR,
    source VARCHAR, url VARCHAR, origin VARCHAR, text VARCHAR, flags VARCHAR[],
    sentences INTEGER, words INTEGER, run_id VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence INTEGER, date DATE,
    date_precision VARCHAR, event_type VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[],
    cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    source_country VARCHAR, source_sector VARCHAR, target_country VARCHAR,
    target_sector VARCHAR, source JSON, target JSON, location JSON, negated BOOLEAN,
    confidence DOUBLE, evidence JSON, coder VARCHAR);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position INTEGER NOT NULL,
    text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, actor_id VARCHAR);
CREATE TABLE IF NOT EXISTS rejects (
    id VARCHAR, origin VARCHAR, reason VARCHAR, stage VARCHAR, "at" TIMESTAMP);
"""

# What makes two mentions one event, as GDELT counts them: the same day, the same dyad
# (country and sector on both sides), type, mode and polarity. An undated mention cannot
# be matched, so its own id keeps it alone.
_GROUP_KEY = """md5(CAST([CAST(e.date AS VARCHAR), e.source_country, e.source_sector,
    e.target_country, e.target_sector, e.event_type, e.mode, CAST(e.negated AS VARCHAR),
    CASE WHEN e.date IS NULL THEN e.event_id END] AS VARCHAR))"""

# Forward-only: entry n upgrades a file from version n - 1 to n. Never edit one that
# shipped; add the next.
MIGRATIONS: dict[int, str] = {
    2: "ALTER TABLE events ADD COLUMN plover_score DOUBLE;",
    3: f"""
CREATE VIEW event_mentions AS
SELECT e.event_id, e.doc_id, {_GROUP_KEY} AS group_id FROM events AS e;
CREATE VIEW event_groups AS
SELECT m.group_id,
    first(e.event_id ORDER BY e.sentence, e.confidence DESC, e.event_id) AS root_event_id,
    any_value(e.date) AS date, any_value(e.event_type) AS event_type, any_value(e.mode) AS mode,
    mode(e.cameo) AS cameo, any_value(e.quad_class) AS quad_class,
    avg(e.goldstein) AS goldstein, any_value(e.source_country) AS source_country,
    any_value(e.source_sector) AS source_sector, any_value(e.target_country) AS target_country,
    any_value(e.target_sector) AS target_sector, count(*) AS num_mentions,
    count(DISTINCT coalesce(d.source, d.id)) AS num_sources,
    count(DISTINCT e.doc_id) AS num_articles, min(r.started_at) AS first_added
FROM events AS e JOIN event_mentions AS m USING (event_id)
JOIN documents AS d ON d.id = e.doc_id LEFT JOIN runs AS r ON r.run_id = d.run_id
GROUP BY m.group_id;
""",
    # The cleaning's quality score; the evidence sentence as plain text, for text search
    # without reading JSON on every row.
    4: """
ALTER TABLE documents ADD COLUMN quality DOUBLE;
ALTER TABLE events ADD COLUMN sentence_text VARCHAR;
UPDATE events SET sentence_text = evidence->>'text';
""",
}
SCHEMA_VERSION = max(MIGRATIONS)
