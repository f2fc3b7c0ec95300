"""`tidings dict import-petrarch`: PETRARCH/TABARI dictionaries into our formats.

The snippets are written for these tests in the dictionary format; no model is loaded.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.actors import load_knowledge_base
from tidings.actors.petrarch import display_names, import_petrarch
from tidings.cli import main
from tidings.errors import InputError

ACTORS = """\
# a test dictionary
FREEDONIA_  [FRD]
RUFUS_T_FIREFLY_  # leader of Freedonia
+FIREFLY_
+PRESIDENT_FIREFLY_
\t[USAELI]
\t[USAGOV 19330101-19351231]
\t[USAGOV >20200601]
GRAND_FENWICK_ARMY_ [GBRMIL]
ANNA_MARIA_ [ESPGOV 990101-050630] [ELI]
"""

AGENTS = """\
!PERSON! = MAN, MEN
RIOT_POLICE {} [~COP]
THIEF {THIEVES} [~CRM]
NEWS!PERSON! [~MED]
FIELD_MEDIC [~HLH]
"""


def _write(tmp_path: Path, text: str, name: str = "dict.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _by_name(records):
    return {r["name"]: r for r in records}


def test_petrarch_actors_dated_codes_become_roles(tmp_path):
    conversion = import_petrarch(_write(tmp_path, ACTORS.replace("FRD", "USA")))
    person = _by_name(conversion.records)["Rufus T Firefly"]
    assert person["aliases"] == ["Firefly", "President Firefly"]
    assert person["country"] == "USA"
    assert [(r["sector"], r["start"], r["end"]) for r in person["roles"]] == [
        ("GOV", "1933-01-01", "1935-12-31"), ("GOV", "2020-06-01", None)]


def test_petrarch_actors_two_digit_years_and_eli_default(tmp_path):
    conversion = import_petrarch(_write(tmp_path, ACTORS.replace("FRD", "USA")))
    anna = _by_name(conversion.records)["Anna Maria"]
    assert anna["roles"] == [{"title": "ESPGOV", "sector": "GOV", "country": "ESP",
                              "start": "1999-01-01", "end": "2005-06-30"}]


def test_petrarch_actors_undated_code_is_an_organisation(tmp_path):
    conversion = import_petrarch(_write(tmp_path, ACTORS.replace("FRD", "USA")))
    army = _by_name(conversion.records)["Grand Fenwick Army"]
    assert (army["country"], army["sector"], army["kind"]) == ("GBR", "MIL", "other")


def test_petrarch_actors_problems_name_their_line(tmp_path):
    text = ACTORS + "+ORPHAN_SYNONYM_\nBROKEN_ [USAGOV 2001-2002]\nHALF_OPEN_ [USAGOV\n"
    conversion = import_petrarch(_write(tmp_path, "+ORPHAN_\n" + text))
    problems = "\n".join(conversion.problems)
    assert "dict.txt:1: '+ORPHAN_' continues no entry" in problems
    assert "dict.txt:3: unknown country code 'FRD'" in problems
    assert "dict.txt:13: cannot read the dates of [USAGOV 2001-2002]" in problems
    assert "dict.txt:14: unbalanced brackets" in problems
    assert "Rufus T Firefly" in _by_name(conversion.records)


def test_petrarch_actors_file_loads_into_the_knowledge_base(tmp_path):
    out = tmp_path / "imported.jsonl"
    import_petrarch(_write(tmp_path, ACTORS.replace("FRD", "USA"))).write(out)
    kb = load_knowledge_base([out])
    entry = kb.entries["person/rufus-t-firefly"]
    assert entry.role_on(date(1934, 5, 1)) is not None
    assert entry.role_on(date(2000, 1, 1)) is None


def test_petrarch_agents_expand_macros_plurals_and_codes(tmp_path):
    conversion = import_petrarch(_write(tmp_path, AGENTS))
    assert conversion.kind == "agents"
    assert {r["phrase"]: r["sector"] for r in conversion.records} == {
        "riot police": "COP", "thief": "CRM", "thieves": "CRM", "newsman": "JRN",
        "newsmen": "JRN", "field medic": "MED"}


def test_petrarch_agents_write_our_tsv(tmp_path):
    out = tmp_path / "agents.tsv"
    import_petrarch(_write(tmp_path, AGENTS)).write(out)
    kb = load_knowledge_base([out])
    assert kb.entries["agent/riot-police"].sector == "COP"


def test_petrarch_not_a_dictionary(tmp_path):
    with pytest.raises(InputError, match="no actors could be converted"):
        import_petrarch(_write(tmp_path, "just some prose\nwithout any codes\n"))


@pytest.mark.parametrize(("raw", "names"), [
    ("GEORGE_W_BUSH_", ["George W Bush"]),
    ("ADEN_ISLAMIC_ARMY_(AIA)_", ["Aden Islamic Army", "AIA"]),
    ("UN_", ["UN"]),
    ("IRAN_", ["Iran", "IRAN"]),
    ("US_ARMY_", ["US Army"]),
    ("AL-QAIDA_IN_IRAQ_", ["Al-Qaida in Iraq"]),
])
def test_petrarch_display_names(raw, names):
    assert display_names(raw) == names


def test_petrarch_cli_writes_file_and_reports(tmp_path):
    source = _write(tmp_path, ACTORS)
    out = tmp_path / "mine.jsonl"
    result = CliRunner().invoke(main, ["dict", "import-petrarch", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "unknown country code 'FRD'" in result.stderr
    assert "converted 3 actors" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [
        "rufus-t-firefly", "grand-fenwick-army", "anna-maria"]


def test_petrarch_cli_rejects_wrong_suffix(tmp_path):
    result = CliRunner().invoke(main, ["dict", "import-petrarch", str(_write(tmp_path, AGENTS)),
                                       "-o", str(tmp_path / "agents.jsonl")])
    assert result.exit_code == 2
    assert "name the output *.tsv" in result.output
