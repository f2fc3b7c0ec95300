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


def _noted(resolver, parse, rows, day, ctx=None):
    """A context that has read one sentence, as the coder does before resolving."""
    ctx = ctx or DocumentContext(day)
    resolver.note_sentence(resolver.mentions(parse(rows)[:]), ctx)
    return ctx


def _word(text, lemma=None, pos="PROPN"):
    return [(text, 0, "ROOT", pos, lemma or text)]


@pytest.mark.parametrize(("full_name", "expected"), [
    ([("Nawaz", 1, "compound", "PROPN", "Nawaz"), ("Sharif", 1, "ROOT", "PROPN", "Sharif")],
     "person/nawaz-sharif"),
    ([("Shehbaz", 1, "compound", "PROPN", "Shehbaz"), ("Sharif", 1, "ROOT", "PROPN", "Sharif")],
     "person/shehbaz-sharif"),
])
def test_resolve_surname_means_the_person_the_document_named(resolver, parse, full_name,
                                                              expected):
    ctx = _noted(resolver, parse, full_name, date(2015, 12, 25))
    (actor,) = _resolve(resolver, parse(_word("Sharif")), 0, None, ctx)
    assert actor.id == expected


def test_resolve_surname_alone_names_no_one(resolver, parse):
    assert _resolve(resolver, parse(_word("Kim")), 0, date(2019, 2, 27)) == []


def test_resolve_common_word_surname_needs_the_full_name(resolver, parse):
    day = date(2018, 3, 14)
    assert _resolve(resolver, parse(_word("May")), 0, day) == []
    ctx = _noted(resolver, parse, [("Theresa", 1, "compound", "PROPN", "Theresa"),
                                   ("May", 1, "ROOT", "PROPN", "May")], day)
    (actor,) = _resolve(resolver, parse(_word("May")), 0, None, ctx)
    assert (actor.id, actor.country, actor.sector) == ("person/theresa-may", "GBR", "GOV")


def test_resolve_surname_family_name_first(resolver, parse):
    ctx = _noted(resolver, parse, [("Kim", 2, "compound", "PROPN", "Kim"),
                                   ("Jong", 2, "compound", "PROPN", "Jong"),
                                   ("Un", 2, "ROOT", "PROPN", "Un")], date(2019, 2, 27))
    (actor,) = _resolve(resolver, parse(_word("Kim")), 0, None, ctx)
    assert actor.id == "person/kim-jong-un"


@pytest.mark.parametrize(("day", "expected"), [(date(2015, 6, 1), "person/nawaz-sharif"),
                                               (date(2023, 6, 1), "person/shehbaz-sharif")])
def test_resolve_surname_by_country_in_office_on_the_date(resolver, parse, day, expected):
    ctx = DocumentContext(day)
    ctx.countries["PAK"] += 2
    (actor,) = _resolve(resolver, parse(_word("Sharif")), 0, None, ctx)
    assert (actor.id, actor.sector) == (expected, "GOV")


@pytest.mark.parametrize(("day", "expected"), [(date(2020, 6, 1), "person/li-keqiang"),
                                               (date(2024, 6, 1), "person/li-qiang")])
def test_resolve_title_settles_surname(resolver, parse, day, expected):
    doc = parse([("Premier", 1, "compound", "PROPN", "Premier"), ("Li", 1, "ROOT", "PROPN", "Li")])
    (actor,) = _resolve(resolver, doc, 1, day)
    assert actor.id == expected


def test_resolve_person_owning_an_agent_gives_its_country(resolver, parse):
    doc = parse([("Assad", 2, "poss", "PROPN", "Assad"), ("'s", 0, "case", "PART", "'s"),
                 ("forces", 2, "ROOT", "NOUN", "force")])
    (actor,) = _resolve(resolver, doc, 2, date(2016, 1, 1))
    assert (actor.country, actor.sector) == ("SYR", "MIL")


def test_resolve_organisation_at_the_head_wins_over_its_owner(resolver, parse):
    doc = parse([("Netanyahu", 3, "poss", "PROPN", "Netanyahu"), ("'s", 0, "case", "PART", "'s"),
                 ("Likud", 3, "compound", "PROPN", "Likud"), ("party", 3, "ROOT", "NOUN", "party")])
    (actor,) = _resolve(resolver, doc, 3, date(2020, 1, 1))
    assert (actor.country, actor.sector, actor.id) == ("ISR", "PTY", "org/likud")


def test_resolve_igo_forces_are_military(resolver, parse):
    doc = parse([("NATO", 1, "compound", "PROPN", "NATO"), ("troops", 1, "ROOT", "NOUN", "troop")])
    (actor,) = _resolve(resolver, doc, 1, date(2020, 1, 1))
    assert (actor.country, actor.sector) == ("IGO", "MIL")


def test_resolve_head_of_government_outranks_party_office(resolver, parse):
    doc = parse([("Friedrich", 1, "compound", "PROPN", "Friedrich"),
                 ("Merz", 1, "ROOT", "PROPN", "Merz")])
    (actor,) = _resolve(resolver, doc, 1, date(2025, 6, 1))
    assert (actor.country, actor.sector, actor.role) == ("DEU", "GOV", "Chancellor")


def test_resolve_stance_prefix_is_not_membership(resolver, parse):
    ctx = DocumentContext(date(2014, 7, 17))
    ctx.countries["UKR"] += 2
    doc = parse([("pro", 2, "amod", "ADJ", "pro"), ("-", 2, "punct", "PUNCT", "-"),
                 ("Russian", 3, "amod", "ADJ", "russian"),
                 ("separatists", 3, "ROOT", "NOUN", "separatist")])
    (actor,) = _resolve(resolver, doc, 3, None, ctx)
    assert (actor.country, actor.sector) == ("UKR", "REB")


def test_resolve_anti_government_protesters_are_civilians(resolver, parse):
    doc = parse([("anti", 2, "amod", "ADJ", "anti"), ("-", 2, "punct", "PUNCT", "-"),
                 ("government", 3, "amod", "NOUN", "government"),
                 ("protesters", 3, "ROOT", "NOUN", "protester")])
    (actor,) = _resolve(resolver, doc, 3, date(2020, 1, 1))
    assert actor.sector == "CVL"


@pytest.mark.parametrize(("day", "sector"), [(date(2015, 6, 1), "REB"), (date(2023, 6, 1), "GOV")])
def test_resolve_organisation_sector_depends_on_date(resolver, parse, day, sector):
    (actor,) = _resolve(resolver, parse(_word("Taliban")), 0, day)
    assert (actor.country, actor.sector) == ("AFG", sector)


def test_resolve_agent_located_in_a_capital(resolver, parse):
    doc = parse([("officials", 0, "ROOT", "NOUN", "official"), ("in", 0, "prep", "ADP", "in"),
                 ("Tehran", 1, "pobj", "PROPN", "Tehran")])
    (actor,) = _resolve(resolver, doc, 0, date(2024, 6, 1))
    assert (actor.country, actor.sector) == ("IRN", "GOV")


def test_resolve_agent_located_by_what_it_is_part_of(resolver, parse):
    doc = parse([("rebels", 0, "ROOT", "NOUN", "rebel"), ("of", 0, "prep", "ADP", "of"),
                 ("the", 3, "det", "DET", "the"), ("conflict", 1, "pobj", "NOUN", "conflict"),
                 ("in", 3, "prep", "ADP", "in"), ("Iraq", 4, "pobj", "PROPN", "Iraq")])
    (actor,) = _resolve(resolver, doc, 0, date(2004, 6, 1))
    assert (actor.country, actor.sector) == ("IRQ", "REB")


def test_resolve_an_ethnic_group_is_of_the_country_it_lives_in(resolver, parse):
    doc = parse([("ethnic", 1, "amod", "ADJ", "ethnic"), ("Albanians", 1, "ROOT", "PROPN", "Albanians"),
                 ("in", 1, "prep", "ADP", "in"), ("Serbia", 2, "pobj", "PROPN", "Serbia")])
    (actor,) = _resolve(resolver, doc, 1, date(2001, 6, 1))
    assert actor.country == "SRB"


def test_resolve_a_description_in_apposition_adds_no_actor(resolver, parse):
    doc = parse([("Pakistan", 0, "ROOT", "PROPN", "Pakistan"), (",", 0, "punct", "PUNCT", ","),
                 ("a", 4, "det", "DET", "a"), ("U.S.", 4, "compound", "PROPN", "U.S."),
                 ("ally", 0, "appos", "NOUN", "ally")])
    assert [a.country for a in _resolve(resolver, doc, 0, date(2004, 6, 1))] == ["PAK"]
