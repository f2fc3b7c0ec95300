from datetime import date

import pytest

from tidings.actors import DocumentContext


def _resolve(resolver, doc, head, day, ctx=None):
    ctx = ctx or DocumentContext(day)
    mentions = resolver.mentions(doc[:])
    return [a for a, _ in resolver.resolve(doc[head], mentions, ctx)]


@pytest.mark.parametrize(("day", "sector"), [(date(2021, 1, 26), "GOV"),
                                              (date(2023, 1, 1), "ELI")])
def test_resolve_person_role_depends_on_date(resolver, parse, day, sector):
    doc = parse([("President", 2, "compound", "PROPN", "President"),
                 ("Moon", 2, "compound", "PROPN", "Moon"), ("Jae-in", 2, "ROOT", "PROPN", "Jae-in")])
    (actor,) = _resolve(resolver, doc, 2, day)
    assert (actor.country, actor.sector, actor.id) == ("KOR", sector, "person/moon-jae-in")


def test_resolve_capital_stands_for_government(resolver, parse):
    doc = parse([("Seoul", 0, "ROOT", "PROPN", "Seoul")])
    (actor,) = _resolve(resolver, doc, 0, date(2021, 1, 1))
    assert (actor.country, actor.sector) == ("KOR", "GOV")


def test_resolve_country_adjective_with_agent(resolver, parse):
    doc = parse([("South", 1, "compound", "PROPN", "South"), ("Korean", 2, "amod", "ADJ", "korean"),
                 ("troops", 2, "ROOT", "NOUN", "troop")])
    (actor,) = _resolve(resolver, doc, 2, date(2021, 1, 1))
    assert (actor.country, actor.sector) == ("KOR", "MIL")


def test_resolve_former_official_is_elite(resolver, parse):
    doc = parse([("former", 1, "amod", "ADJ", "former"), ("president", 1, "ROOT", "NOUN", "president"),
                 ("of", 1, "prep", "ADP", "of"), ("Brazil", 2, "pobj", "PROPN", "Brazil")])
    (actor,) = _resolve(resolver, doc, 1, date(2021, 1, 1))
    assert (actor.country, actor.sector) == ("BRA", "ELI")


def test_resolve_pronoun_uses_last_person(resolver, parse):
    ctx = DocumentContext(date(2021, 1, 26))
    first = parse([("Xi", 0, "ROOT", "PROPN", "Xi")])
    _resolve(resolver, first, 0, None, ctx)
    doc = parse([("He", 0, "ROOT", "PRON", "he")])
    (actor,) = _resolve(resolver, doc, 0, None, ctx)
    assert (actor.country, actor.id) == ("CHN", "person/xi-jinping")


def test_resolve_ambiguous_adjective_follows_document_countries(resolver, parse):
    ctx = DocumentContext(date(2021, 1, 1))
    ctx.countries["PRK"] += 3
    doc = parse([("Korean", 1, "amod", "ADJ", "korean"), ("soldiers", 1, "ROOT", "NOUN", "soldier")])
    (actor,) = _resolve(resolver, doc, 1, None, ctx)
    assert (actor.country, actor.sector) == ("PRK", "MIL")


def test_resolve_news_agency_is_not_an_actor(resolver, parse):
    doc = parse([("Xinhua", 0, "ROOT", "PROPN", "Xinhua")])
    assert _resolve(resolver, doc, 0, date(2021, 1, 1)) == []
