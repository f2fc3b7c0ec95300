"""Knowledge-base loading details that the resolver relies on; no model is loaded."""

from datetime import date

import pytest

from tidings.actors.kb import Role, name_parts, role_rank


@pytest.mark.parametrize(("name", "parts"), [
    ("Ahmed al-Sharaa", ["Ahmed", "Sharaa"]),
    ("Mohammed bin Salman", ["Mohammed", "Salman"]),
    ("Ferdinand Marcos Jr.", ["Ferdinand", "Marcos"]),
    ("Lula", []),
])
def test_kb_name_parts(name, parts):
    assert name_parts(name) == parts


def test_kb_surnames_follow_the_family_name_order(resolver):
    forms = {(a.text, a.form) for a in resolver.matcher.kb.aliases
             if a.entry.id in ("person/kim-jong-un", "person/shinzo-abe")}
    assert {("Kim", "surname"), ("Jong-un", "name_part"), ("Shinzo", "name_part")} <= forms


@pytest.mark.parametrize(("title", "sector", "rank"), [
    ("Chancellor", "GOV", 0), ("King", "GOV", 0), ("Vice President", "GOV", 1),
    ("Foreign Minister", "GOV", 1), ("Leader of the CDU", "PTY", 2)])
def test_kb_role_rank(title, sector, rank):
    assert role_rank(Role(title, sector, "DEU", date(2020, 1, 1), None)) == rank


def test_kb_agent_spellings_sharing_an_id_both_match(resolver):
    phrases = {a.text for a in resolver.matcher.kb.aliases if a.form == "agent"}
    assert {"asylum seeker", "asylum-seeker", "vice president", "vice-president"} <= phrases
