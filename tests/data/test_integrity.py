"""Integrity of the bundled knowledge data (docs/knowledge.md).

Every check reads the real files under ``src/tidings/data/`` and, when it fails, names
the offending entries by file, line and id. No spaCy model is needed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest

from tidings.actors.kb import PSEUDO_COUNTRIES, SECTORS, load_knowledge_base
from tidings.datafiles import data_path, read_jsonl, read_tsv, split_list

ACTORS = data_path("actors")
COUNTRIES_FILE = ACTORS / "countries.tsv"
PEOPLE_FILES = sorted((ACTORS / "people").glob("*.jsonl"))
ORGS_FILE = ACTORS / "organizations.jsonl"
AGENTS_FILE = ACTORS / "agents.tsv"

EXTRA_CODES = PSEUDO_COUNTRIES | {"XKX"}
VALID_CODES = frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_CODES

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP
CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())  # noqa: SIM905
OBSERVER_STATES = frozenset({"VAT", "PSE"})

# Offices that one person holds at a time in a country (or IGO).
SINGLE_HOLDER_TITLES = frozenset({
    "President", "Prime Minister", "King", "Queen", "Emir", "Supreme Leader", "Chancellor",
    "UN Secretary-General", "NATO Secretary General", "Foreign Minister",
    "Secretary of State", "Defence Minister", "Defense Minister", "Secretary of Defense",
})

# Titles that several people hold at once (deputies, members of collective bodies).
PLURAL_TITLE_WORDS = ("Deputy", "Vice", "Member", "Minister of State", "Senator", "Judge",
                      "Justice", "Commissioner for", "Co-", "Ambassador", "Governor")

# Lower-case words too common to be a person's or an organisation's alias: aliases match
# case-sensitively, so "WHO" is fine and "who" would fire on every question.
COMMON_WORDS = frozenset("""
a about after again against all also an and any are as at be because been before being
between both but by can could did do does down during each few for from further had has
have he her here hers him his how i if in into is it its just may me might more most must
my no nor not now of off on once only or other our out over own same she should so some
such than that the their them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
us un eu nato people party union council court army police government state states
congress house senate parliament assembly ministry president leader group front movement
alliance league bank fund press news times post herald world national international
""".split())  # noqa: SIM905


# --------------------------------------------------------------------------- raw data


@dataclass
class Record:
    """One entry of a data file as written, before the loader merges anything."""

    kind: str  # countries, people, organizations, agents
    path: Path
    line: int
    id: str
    raw: dict[str, Any]
    forms: list[tuple[str, str]] = field(default_factory=list)  # (raw text, form)

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ACTORS)}:{self.line} {self.id}"


def _country_record(line: int, row: dict[str, str]) -> Record:
    rec = Record("countries", COUNTRIES_FILE, line, row["iso3"], row)
    adjectives = split_list(row["adjectives"])
    rec.forms = [(row["name"], "name")]
    rec.forms += [(a, "name") for a in split_list(row["aliases"])]
    rec.forms += [(a, "adjective") for a in adjectives if not a.endswith("-")]
    rec.forms += [(a[:-1], "prefix") for a in adjectives if a.endswith("-")]
    rec.forms += [(a, "capital") for a in split_list(row["capitals"])]
    rec.forms += [(a.rpartition(":")[0] if ":" in a else a, "seat")
                  for a in split_list(row["seats"])]
    return rec


def _json_record(kind: str, path: Path, line: int, obj: dict[str, Any]) -> Record:
    rec = Record(kind, path, line, obj["id"], obj)
    form = "person" if kind == "people" else "org"
    rec.forms = [(t, form) for t in [obj["name"], *obj.get("aliases", [])]]
    return rec


@cache
def records() -> tuple[Record, ...]:
    out = [_country_record(n, row) for n, row in read_tsv(COUNTRIES_FILE)]
    for path in PEOPLE_FILES:
        out += [_json_record("people", path, n, obj) for n, obj in read_jsonl(path)]
    out += [_json_record("organizations", ORGS_FILE, n, obj) for n, obj in read_jsonl(ORGS_FILE)]
    for n, row in read_tsv(AGENTS_FILE):
        out.append(Record("agents", AGENTS_FILE, n, row["phrase"], row,
                          [(row["phrase"], "agent")]))
    return tuple(out)


def of_kind(kind: str) -> list[Record]:
    return [r for r in records() if r.kind == kind]


def clean(text: str) -> str:
    return text.strip().lstrip("?").strip()


def is_ambiguous(text: str) -> bool:
    return text.strip().startswith("?")


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------- 1. parsing


def _load_kb() -> object:
    return load_knowledge_base()


def _load_ontology() -> object:
    from tidings.ontology import load_ontology

    return load_ontology()


def _load_lexicon() -> object:
    from tidings.events.lexicon import load_lexicon
    from tidings.ontology import load_ontology

    return load_lexicon(load_ontology())


@pytest.mark.parametrize("loader", [_load_kb, _load_ontology, _load_lexicon],
                         ids=["knowledge_base", "ontology", "lexicon"])
def test_integrity_files_parse(loader):
    assert loader() is not None


@pytest.mark.parametrize("path", [COUNTRIES_FILE, *PEOPLE_FILES, ORGS_FILE, AGENTS_FILE],
                         ids=lambda p: p.name)
def test_integrity_file_has_entries(path):
    assert any(r.path == path for r in records()), f"{path} has no entries"


# --------------------------------------------------------------------------- 2. country codes


def _country_codes() -> Iterator[tuple[str, Record, str]]:
    for rec in records():
        if rec.kind == "countries":
            yield "countries", rec, rec.raw["iso3"]
        elif rec.kind == "people":
            yield "people", rec, rec.raw.get("country")
            for role in rec.raw.get("roles", []):
                if role.get("country"):
                    yield "roles", rec, role["country"]
        elif rec.kind == "organizations":
            yield "organizations", rec, rec.raw.get("country")


@pytest.mark.parametrize("source", ["countries", "people", "roles", "organizations"])
def test_integrity_country_codes(source):
    seen = [c for s, _, c in _country_codes() if s == source]
    assert seen, f"no country codes found for {source}"
    bad = [f"{rec.where}: {code!r}" for s, rec, code in _country_codes()
           if s == source and code not in VALID_CODES]
    assert not bad, report(bad)


def test_integrity_countries_are_real_states():
    """countries.tsv lists states and territories, not the pseudo-countries."""
    bad = [r.where for r in of_kind("countries") if r.raw["iso3"] in PSEUDO_COUNTRIES]
    assert not bad, report(bad)


# --------------------------------------------------------------------------- 3. coverage


def test_integrity_un_member_list_is_193():
    assert len(UN_MEMBERS) == 193
    assert all(pycountry.countries.get(alpha_3=c) for c in UN_MEMBERS)


@pytest.mark.parametrize("group,codes", [("UN members", UN_MEMBERS),
                                         ("observer states", OBSERVER_STATES)],
                         ids=["un_members", "observer_states"])
def test_integrity_countries_coverage(group, codes):
    present = {r.raw["iso3"] for r in of_kind("countries")}
    missing = sorted(codes - present)
    assert not missing, f"countries.tsv lacks {group}: {' '.join(missing)}"


# --------------------------------------------------------------------------- 4. sectors


def _sectors() -> Iterator[tuple[str, Record, str | None]]:
    for rec in records():
        if rec.kind == "people":
            for role in rec.raw.get("roles", []):
                yield "roles", rec, role.get("sector")
        elif rec.kind == "organizations":
            yield "organizations", rec, rec.raw.get("sector")
        elif rec.kind == "agents":
            yield "agents", rec, rec.raw.get("sector")
        elif rec.kind == "countries":
            for seat in split_list(rec.raw["seats"]):
                if ":" in seat:
                    yield "seats", rec, seat.rpartition(":")[2]


@pytest.mark.parametrize("source", ["roles", "organizations", "agents", "seats"])
def test_integrity_sectors(source):
    seen = [s for s, _, _ in _sectors() if s == source]
    assert seen, f"no sectors found for {source}"
    optional = source == "organizations"
    bad = [f"{rec.where}: {sector!r}" for s, rec, sector in _sectors()
           if s == source and sector not in SECTORS and not (optional and sector in (None, ""))]
    assert not bad, report(bad)


# --------------------------------------------------------------------------- 5. roles

_FAR_PAST = (date.min, 3)
_FAR_FUTURE = (date.max, 3)


def _raw_day(value: Any, default: tuple[date, int]) -> tuple[date, int]:
    """A role date and its precision (1 year, 2 month, 3 day)."""
    if value in (None, ""):
        return default
    parts = [int(p) for p in str(value).split("-")]
    return date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), len(parts)


def _truncate(day: date, precision: int) -> tuple[int, ...]:
    return (day.year, day.month, day.day)[:precision]


def _before(a: tuple[date, int], b: tuple[date, int]) -> bool:
    """a is strictly before b, compared at the coarser precision of the two."""
    if a[0] in (date.min, date.max) or b[0] in (date.min, date.max):
        return a[0] < b[0]
    precision = min(a[1], b[1])
    return _truncate(a[0], precision) < _truncate(b[0], precision)


@dataclass(frozen=True)
class Office:
    rec: Record
    index: int
    country: str
    title: str
    start: tuple[date, int]
    end: tuple[date, int]

    def overlaps(self, other: Office) -> bool:
        # A shared handover day (or month, for dates known only to the month) is allowed.
        return _before(self.start, other.end) and _before(other.start, self.end)

    def __str__(self) -> str:
        role = self.rec.raw["roles"][self.index]
        return (f"{self.rec.where} [{self.country} {self.title} "
                f"{role.get('start') or '...'} to {role.get('end') or '...'}]")


def offices() -> list[Office]:
    out = []
    for rec in of_kind("people"):
        for i, role in enumerate(rec.raw.get("roles", [])):
            out.append(Office(rec, i, role.get("country") or rec.raw["country"], role["title"],
                              _raw_day(role.get("start"), _FAR_PAST),
                              _raw_day(role.get("end"), _FAR_FUTURE)))
    return out


def test_integrity_role_start_before_end():
    bad = [str(o) for o in offices()
           if o.start[0] not in (date.min,) and o.end[0] != date.max
           and _before(o.end, o.start)]
    assert not bad, report(bad)


def _plural(title: str) -> bool:
    return any(word in title for word in PLURAL_TITLE_WORDS)


# Which offices the two-people check covers.
OFFICE_GROUPS = {
    "heads_and_key_ministers": lambda title: title in SINGLE_HOLDER_TITLES,
    "other_single_offices": lambda title: (title not in SINGLE_HOLDER_TITLES
                                           and not _plural(title)),
}


def _overlapping_pairs(same_person: bool, group: str | None = None) -> list[str]:
    by_office: dict[tuple[str, str], list[Office]] = defaultdict(list)
    for o in offices():
        by_office[(o.country, o.title)].append(o)
    bad = []
    for (_, title), held in sorted(by_office.items()):
        if group is not None and not OFFICE_GROUPS[group](title):
            continue
        for i, a in enumerate(held):
            for b in held[i + 1:]:
                if (a.rec.id == b.rec.id) == same_person and a.overlaps(b):
                    bad.append(f"{a}  overlaps  {b}")
    return bad


def test_integrity_office_overlaps_one_person():
    """No person holds the same office twice at once (duplicated or overlapping roles)."""
    bad = _overlapping_pairs(same_person=True)
    assert not bad, report(bad)


@pytest.mark.parametrize("group", sorted(OFFICE_GROUPS))
def test_integrity_office_overlaps_two_people(group):
    """Two people never hold one office (role country + title) at once.

    A handover day is shared; dates known only to the month (or year) compare at that
    precision, so a successor may start in the month the predecessor's role ends.
    """
    held = [o for o in offices() if OFFICE_GROUPS[group](o.title)]
    assert held, f"no offices in group {group}"
    bad = _overlapping_pairs(same_person=False, group=group)
    assert not bad, report(bad)


# --------------------------------------------------------------------------- 6. ids


@pytest.mark.parametrize("kind", ["countries", "people", "organizations", "agents"])
def test_integrity_ids_unique(kind):
    where: dict[str, list[str]] = defaultdict(list)
    key = (lambda r: r.id.lower()) if kind == "agents" else (lambda r: r.id)
    for rec in of_kind(kind):
        where[key(rec)].append(rec.where)
    dups = [" and ".join(places) for places in where.values() if len(places) > 1]
    assert of_kind(kind), f"no {kind} entries"
    assert not dups, report(dups)


@pytest.mark.parametrize("kind", ["people", "organizations"])
def test_integrity_ids_are_slugs(kind):
    def ok(slug: str) -> bool:
        return bool(slug) and slug.isascii() and slug == slug.lower() and " " not in slug

    bad = [rec.where for rec in of_kind(kind) if not ok(rec.id)]
    assert not bad, report(bad)


# --------------------------------------------------------------------------- 7. aliases


@pytest.mark.parametrize("kind", ["countries", "people", "organizations"])
def test_integrity_aliases_shared_are_ambiguous(kind):
    """A surface form of two entries of one kind carries `?` in every entry that has it.

    Exception: two entries whose canonical `name` is the same (homonyms such as the two
    Latvian politicians Andris Bērziņš) keep it unmarked, because the loader shows the
    `name` field as written; their other shared aliases must still be marked.
    """
    uses: dict[str, list[tuple[Record, str, str]]] = defaultdict(list)
    for rec in of_kind(kind):
        for i, (raw, form) in enumerate(rec.forms):
            if clean(raw):
                is_name = i == 0 and form in ("name", "person", "org")
                uses[clean(raw)].append((rec, raw, "name" if is_name else "alias"))
    bad = []
    for text, used in sorted(uses.items()):
        if len({rec.id for rec, _, _ in used}) < 2:
            continue
        homonyms = {rec.id for rec, _, what in used if what == "name"}
        unmarked = sorted({rec.where for rec, raw, what in used if not is_ambiguous(raw)
                           and not (what == "name" and homonyms == {r.id for r, _, _ in used})})
        if unmarked:
            bad.append(f"{text!r} is shared but not marked '?' in: {'; '.join(unmarked)}")
    assert not bad, report(bad)


@pytest.mark.parametrize("kind", ["countries", "people", "organizations", "agents"])
def test_integrity_aliases_not_empty(kind):
    bad = [f"{rec.where}: {raw!r}" for rec in of_kind(kind) for raw, _ in rec.forms
           if not clean(raw)]
    assert not bad, report(bad)


def _country_words() -> dict[str, str]:
    words = {}
    for rec in of_kind("countries"):
        for raw, form in rec.forms:
            if form in ("name", "adjective", "capital"):
                words.setdefault(clean(raw), rec.id)
    return words


@pytest.mark.parametrize("kind", ["people", "organizations"])
def test_integrity_aliases_not_country_words(kind):
    words = _country_words()
    bad = [f"{rec.where}: {raw!r} is a country word of {words[clean(raw)]}"
           for rec in of_kind(kind) for raw, _ in rec.forms
           if clean(raw) in words and not is_ambiguous(raw)]
    assert not bad, report(bad)


@pytest.mark.parametrize("kind", ["people", "organizations"])
def test_integrity_aliases_not_common_words(kind):
    bad = [f"{rec.where}: {raw!r}" for rec in of_kind(kind) for raw, _ in rec.forms
           if clean(raw) in COMMON_WORDS]
    assert not bad, report(bad)


# --------------------------------------------------------------------------- 8. agents


def test_integrity_agents_lower_case():
    bad = [rec.where for rec in of_kind("agents") if rec.raw["phrase"] != rec.raw["phrase"].lower()
           or rec.raw["phrase"] != rec.raw["phrase"].strip()]
    assert not bad, report(bad)


# Agent uniqueness is test_integrity_ids_unique[agents]; their sectors are
# test_integrity_sectors[agents].


# --------------------------------------------------------------------------- 9. known answers


@cache
def kb():
    return load_knowledge_base()


@pytest.mark.parametrize("person,country,sector,day,expected", [
    ("moon-jae-in", "KOR", "GOV", "2021-01-26", True),
    ("moon-jae-in", "KOR", "GOV", "2023-01-01", False),
    ("xi-jinping", "CHN", None, "2021-01-26", True),
    ("vladimir-putin", "RUS", "GOV", "2010-01-01", True),
    ("vladimir-putin", "RUS", "GOV", "2023-01-01", True),
    ("joe-biden", "USA", "GOV", "2022-01-01", True),
    ("donald-trump", "USA", "GOV", "2018-01-01", True),
    ("donald-trump", "USA", "GOV", "2025-06-01", True),
    ("volodymyr-zelensky", "UKR", "GOV", "2023-01-01", True),
])
def test_integrity_known_roles(person, country, sector, day, expected):
    entry = kb().entries.get(f"person/{person}")
    assert entry is not None, f"no person {person!r}"
    when = date.fromisoformat(day)
    covering = [r for r in entry.roles if r.covers(when) and r.country == country
                and (sector is None or r.sector == sector)]
    assert bool(covering) == expected, (
        f"{person} on {day}: expected {'a' if expected else 'no'} {country} "
        f"{sector or ''} role; roles: {entry.roles}")


def test_integrity_known_putin_prime_minister_2010():
    role = kb().entries["person/vladimir-putin"].role_on(date(2010, 1, 1))
    assert role is not None and role.title == "Prime Minister", role


@pytest.mark.parametrize("text,form,country", [
    ("Seoul", "capital", "KOR"),
    ("Kremlin", "seat", "RUS"),
    ("Sino", "prefix", "CHN"),
    ("South Korea", "name", "KOR"),
    ("Chinese", "adjective", "CHN"),
])
def test_integrity_known_country_forms(text, form, country):
    found = [(a.entry.country, a.form) for a in kb().aliases if a.text == text]
    assert (country, form) in found, f"{text!r}: found {found}"


@pytest.mark.parametrize("org,country,sector,kind", [
    ("hamas", "PSE", "REB", "armed_group"),
    ("un", "IGO", "IGO", "igo"),
])
def test_integrity_known_organizations(org, country, sector, kind):
    entry = kb().entries.get(f"org/{org}")
    assert entry is not None, f"no organization {org!r}"
    assert (entry.country, entry.sector, entry.org_kind) == (country, sector, kind), entry


def test_integrity_raw_json_is_one_object_per_line():
    """Every people/organizations line is a JSON object with the required fields."""
    bad = []
    for rec in records():
        if rec.kind == "people":
            need = ("id", "name", "country", "roles")
        elif rec.kind == "organizations":
            need = ("id", "name", "country")
        else:
            continue
        missing = [k for k in need if k not in rec.raw]
        if missing:
            bad.append(f"{rec.where}: missing {', '.join(missing)}")
    assert not bad, report(bad)


# --------------------------------------------------------------------------- 10. leaders 2000-2026

COVERAGE = (date(2000, 1, 1), date(2026, 1, 1))
# A handover, an acting period or a short caretaker gap of up to this long is allowed.
MAX_HANDOVER_DAYS = 60

HEAD_OF_STATE = re.compile(
    r"^(?:Acting |Interim |Transitional |Provisional )?(?:President|King|Queen|Emir|Sultan|"
    r"Grand Duke|Prince|Co-Prince|Supreme Leader|Yang di-Pertuan Agong|Pope|Emperor|"
    r"Chairman of the Presidency|Chairman of the Presidential Council|"
    r"Chairman of the Sovereignty Council|Chairman of the State Affairs Commission|"
    r"Chairman of the National Defence Commission|(?:Bosniak|Croat|Serb) Member of the "
    r"Presidency|O le Ao o le Malo)(?: of the Transitional Presidential Council)?$")
HEAD_OF_GOVERNMENT = re.compile(
    r"^(?:Acting |Interim |Transitional |Caretaker |Provisional )?(?:Prime Minister|Premier|"
    r"Chancellor|Chief Adviser|Chief Executive|(?:Co-)?Chairman of the Council of Ministers|"
    r"President of the Council of Ministers|President of the Government|Taoiseach|"
    r"Minister of State|State Counsellor|Secretary of the General People's Committee|"
    r"Chairman of the Interim Election Council)$")
# Juntas, transitional bodies and revolutionary titles that headed a state.
EXTRA_HEAD_OF_STATE = {
    "AFG": {"Taliban leader"},
    "CIV": {"Chairman of the National Committee of Public Salvation"},
    "EGY": {"Chairman of the Supreme Council of the Armed Forces"},
    "LBR": {"Chairman of the National Transitional Government"},
    "MDG": {"President of the High Transitional Authority"},
    "LBY": {"Leader of the Revolution", "Chairman of the National Transitional Council",
            "President of the General National Congress",
            "Speaker of the House of Representatives"},
    "MMR": {"Chairman of the State Peace and Development Council",
            "Chairman of the State Administration Council"},
    "MRT": {"Chairman of the Military Council for Justice and Democracy",
            "Chairman of the High Council of State"},
    "NER": {"Chairman of the Supreme Council for the Restoration of Democracy",
            "Chairman of the National Council for the Safeguard of the Homeland"},
    "SDN": {"Chairman of the Transitional Military Council"},
    "YEM": {"Chairman of the Presidential Leadership Council"},
}
# Commonwealth realms: the monarch of the United Kingdom is their head of state.
COMMONWEALTH_REALMS = {code: (date.min, date.max) for code in (
    "ATG", "AUS", "BHS", "BLZ", "CAN", "GRD", "JAM", "KNA", "LCA", "NZL", "PNG", "SLB", "TUV",
    "VCT")}
COMMONWEALTH_REALMS["BRB"] = (date.min, date(2021, 11, 30))
# States that became independent after 2000 (Kosovo: its provisional institutions).
STATEHOOD = {"TLS": date(2002, 5, 20), "MNE": date(2006, 6, 3), "SSD": date(2011, 7, 9),
             "XKX": date(2002, 3, 4)}
# Besides the UN members: the observer states, Taiwan and Kosovo; Hong Kong has a head of
# government of its own (its head of state is China's).
LED_TERRITORIES = {"state": OBSERVER_STATES | {"TWN", "XKX"},
                   "government": OBSERVER_STATES | {"TWN", "XKX", "HKG"}}
# Periods in which no prime minister's office existed: the head of state led the
# government (presidential systems, absolute monarchies, juntas).
_ALWAYS = [(date.min, date.max)]
HEAD_OF_STATE_GOVERNS: dict[str, list[tuple[date, date]]] = {
    **{code: _ALWAYS for code in (
        "ARG", "BEN", "BOL", "BRA", "BWA", "CHE", "CHL", "COL", "COM", "CRI", "CYP", "DOM",
        "ECU", "ERI", "FSM", "GHA", "GMB", "GTM", "HND", "IDN", "IRN", "KIR", "LBR", "MDV",
        "MEX", "MHL", "MWI", "NGA", "NIC", "NRU", "OMN", "PAN", "PER", "PHL", "PLW", "PRY",
        "SLE", "SLV", "SSD", "SUR", "SYC", "TKM", "URY", "USA", "VEN", "ZAF", "ZMB")},
    "AFG": [(date.min, date(2014, 9, 29)), (date(2020, 3, 9), date(2021, 9, 7))],
    "AGO": [(date.min, date(2002, 12, 6)), (date(2010, 2, 5), date.max)],
    "BDI": [(date.min, date(2020, 6, 23))],
    "COD": [(date.min, date(2006, 12, 30))],
    "COG": [(date.min, date(2005, 1, 7)), (date(2009, 9, 15), date(2016, 4, 23))],
    "CUB": [(date.min, date(2019, 12, 21))],
    "GAB": [(date(2025, 5, 5), date.max)],
    "GEO": [(date.min, date(2004, 2, 17))],  # a State Minister, not a prime minister
    "KEN": [(date.min, date(2008, 4, 17)), (date(2013, 4, 9), date.max)],
    "MMR": [(date(2011, 3, 30), date(2021, 8, 1))],
    "PSE": [(date.min, date(2003, 4, 30))],
    "VAT": _ALWAYS,
    "SDN": [(date.min, date(2017, 3, 2)), (date(2019, 4, 11), date(2019, 8, 21))],
    "SEN": [(date(2019, 5, 14), date(2022, 9, 17))],
    "SYR": [(date(2025, 3, 29), date.max)],
    "TCD": [(date(2018, 5, 4), date(2021, 4, 26))],
    "TUR": [(date(2018, 7, 9), date.max)],
    "ZWE": [(date.min, date(2009, 2, 11)), (date(2013, 9, 11), date.max)],
}
# Documented gaps: vacancies, occupations, collective and rotating offices.
VACANCIES: dict[tuple[str, str], list[tuple[date, date, str]]] = {
    ("AUT", "state"): [(date(2016, 7, 8), date(2017, 1, 26),
                        "vacancy: the presidium of the National Council acted")],
    ("BTN", "government"): [
        (date.min, date(2008, 4, 9), "yearly rotating chairmen of the Council of Ministers"),
        (date(2018, 8, 9), date(2018, 11, 7), "interim government of the Chief Justice"),
        (date(2023, 8, 9), date(2024, 1, 28), "interim government of the Chief Justice")],
    ("GIN", "government"): [(date(2004, 4, 30), date(2004, 12, 9), "vacancy"),
                             (date(2006, 4, 5), date(2007, 3, 1), "vacancy")],
    ("HTI", "state"): [(date(2021, 7, 7), date(2024, 4, 30),
                        "vacancy after Moise's assassination; the prime minister acted")],
    ("IRQ", "state"): [(date(2003, 4, 9), date(2004, 6, 28), "occupation (CPA)")],
    ("IRQ", "government"): [(date(2003, 4, 9), date(2004, 6, 28), "occupation (CPA)")],
    ("KGZ", "government"): [(date(2010, 4, 7), date(2010, 12, 17),
                             "interim government led by the president")],
    ("KIR", "state"): [(date(2003, 3, 28), date(2003, 7, 10), "Council of State")],
    ("KIR", "government"): [(date(2003, 3, 28), date(2003, 7, 10), "Council of State")],
    ("KOR", "government"): [
        (date(2002, 7, 11), date(2002, 10, 25), "nominees the assembly did not confirm"),
        (date(2025, 5, 1), date(2025, 7, 3), "acting prime ministers")],
    ("LBN", "state"): [(date(2007, 11, 23), date(2008, 5, 25), "vacancy"),
                       (date(2014, 5, 25), date(2016, 10, 31), "vacancy"),
                       (date(2022, 10, 30), date(2025, 1, 9), "vacancy")],
    ("MDG", "state"): [(date(2023, 9, 9), date(2023, 12, 16),
                        "the government acted collectively during the election")],
    ("SMR", "state"): [(date.min, date.max, "two Captains Regent, six-month terms")],
    ("SMR", "government"): [(date.min, date.max, "no head of government office")],
    ("SOM", "state"): [(date.min, date(2000, 8, 27), "no central government")],
    ("SOM", "government"): [(date.min, date(2000, 10, 8), "no central government")],
    ("THA", "government"): [(date(2014, 5, 22), date(2014, 8, 24), "military junta (NCPO)")],
    ("TUN", "government"): [(date(2021, 7, 25), date(2021, 10, 11),
                             "the president governed by decree")],
    ("VUT", "government"): [(date(2011, 4, 24), date(2011, 6, 26),
                             "premierships annulled by the courts")],
}


def _heads(office: str, country: str, held: list[Office]) -> list[tuple[date, date]]:
    """When someone held `office` (head of state or of government) of `country`."""
    if office == "government":
        spans = [(o.start[0], o.end[0]) for o in held if HEAD_OF_GOVERNMENT.match(o.title)]
        return spans + [(max(s, a), min(e, b)) for s, e in _heads("state", country, held)
                        for a, b in HEAD_OF_STATE_GOVERNS.get(country, [])]
    extra = EXTRA_HEAD_OF_STATE.get(country, set())
    return [(o.start[0], o.end[0]) for o in held
            if HEAD_OF_STATE.match(o.title) or o.title in extra]


def _covered_spans(office: str, country: str) -> list[tuple[date, date]]:
    spans = _heads(office, country, offices_of(country))
    if office == "state" and country in COMMONWEALTH_REALMS:
        start, end = COMMONWEALTH_REALMS[country]
        spans += [(max(o.start[0], start), min(o.end[0], end)) for o in offices_of("GBR")
                  if o.title in ("King", "Queen")]
    spans += [(a, b) for a, b, _ in VACANCIES.get((country, office), [])]
    return [(s, e) for s, e in spans if s <= e]


@cache
def _offices_by_country() -> dict[str, list[Office]]:
    by_country: dict[str, list[Office]] = defaultdict(list)
    for o in offices():
        by_country[o.country].append(o)
    return by_country


def offices_of(country: str) -> list[Office]:
    return _offices_by_country().get(country, [])


def _gaps(spans: list[tuple[date, date]], start: date, end: date) -> list[tuple[date, date]]:
    gaps, reached = [], start
    for s, e in sorted(spans):
        if s > reached:
            gaps.append((reached, s))
        reached = max(reached, e)
    if reached < end:
        gaps.append((reached, end))
    return [(a, b) for a, b in gaps if (b - a).days > MAX_HANDOVER_DAYS]


@pytest.mark.parametrize("office", ["state", "government"])
def test_integrity_heads_cover_2000_2026(office):
    """Every UN member (and LED_TERRITORIES) has a head of state and of government on
    every day of 2000-2025.

    Handovers of up to MAX_HANDOVER_DAYS are allowed; longer gaps must be documented in
    VACANCIES, and countries where the head of state governs in HEAD_OF_STATE_GOVERNS.
    """
    bad = []
    for country in sorted(UN_MEMBERS | LED_TERRITORIES[office]):
        start = max(COVERAGE[0], STATEHOOD.get(country, COVERAGE[0]))
        for a, b in _gaps(_covered_spans(office, country), start, COVERAGE[1]):
            bad.append(f"{country}: no head of {office} from {a} to {b}")
    assert not bad, report(bad)


@pytest.mark.parametrize("office", ["state", "government"])
def test_integrity_heads_found_in_the_data(office):
    """Coverage comes from people, not from documented exceptions alone."""
    found = {c for c in UN_MEMBERS if _heads(office, c, offices_of(c))}
    realms = set(COMMONWEALTH_REALMS) if office == "state" else set()
    exempt = {c for (c, o), gaps in VACANCIES.items() if o == office
              and any(a == date.min and b == date.max for a, b, _ in gaps)}
    assert UN_MEMBERS - found <= realms | exempt, sorted(UN_MEMBERS - found - realms - exempt)


# --------------------------------------------------------------------------- 11. G20 ministers since 2010

G20 = frozenset({"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN",
                 "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"})
MINISTER_TITLES = {
    "foreign": re.compile(r"^(?:Acting )?(?:Foreign Minister|Secretary of State|"
                          r"Foreign Secretary|Minister of External Affairs)$"),
    "defence": re.compile(r"^(?:Acting )?(?:Defen[cs]e Minister|Secretary of Defense|"
                          r"Defence Secretary|Secretary of War)$"),
}
MINISTER_VACANCIES = {
    ("CHN", "defence"): [(date(2023, 10, 24), date(2023, 12, 29),
                          "Li Shangfu removed; Dong Jun appointed in December")],
    ("KOR", "defence"): [(date(2024, 12, 5), date(2025, 7, 25),
                          "vice-minister acting after the martial-law crisis")],
}


@pytest.mark.parametrize("ministry", sorted(MINISTER_TITLES))
def test_integrity_g20_ministers_cover_2010_2026(ministry):
    """Every G20 state has a foreign and a defence minister on every day since 2010."""
    bad = []
    for country in sorted(G20):
        spans = [(o.start[0], o.end[0]) for o in offices_of(country)
                 if MINISTER_TITLES[ministry].match(o.title)]
        spans += [(a, b) for a, b, _ in MINISTER_VACANCIES.get((country, ministry), [])]
        for a, b in _gaps(spans, date(2010, 1, 1), COVERAGE[1]):
            bad.append(f"{country}: no {ministry} minister from {a} to {b}")
    assert not bad, report(bad)
