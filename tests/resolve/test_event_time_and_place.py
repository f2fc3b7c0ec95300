"""Dates and places of events, on parses built by hand (no model)."""

from datetime import date

import pytest
from spacy.tokens import Span

from tidings.coding import RECOGNIZER_MARGIN, _dateline_place, _event_date, _place, entity_stretches
from tidings.events import Found
from tidings.types import Dateline


@pytest.fixture()
def sentence(parse):
    """A parse from rows of (word, head, dep, pos, lemma) and entities as (start, end, label)."""
    def build(rows, entities=()):
        doc = parse(rows)
        doc.ents = [Span(doc, start, end, label) for start, end, label in entities]
        return doc
    return build


def _found(doc, trigger, clause=None):
    return Found("ASSAULT", None, "190", doc[trigger], (), (), False, "test",
                 doc[trigger if clause is None else clause])


ROLLED = [("Tanks", 1, "nsubj", "NOUN", "tank"), ("rolled", 1, "ROOT", "VERB", "roll"),
          ("on", 1, "prep", "ADP", "on"), ("Tuesday", 2, "pobj", "PROPN", "Tuesday"),
          ("as", 6, "mark", "SCONJ", "as"), ("troops", 6, "nsubj", "NOUN", "troop"),
          ("widened", 1, "advcl", "VERB", "widen"), ("offensive", 6, "dobj", "NOUN", "offensive"),
          (".", 1, "punct", "PUNCT", ".")]
MET = [("Xi", 1, "nsubj", "PROPN", "Xi"), ("met", 1, "ROOT", "VERB", "meet"),
       ("Ma", 1, "dobj", "PROPN", "Ma"), ("on", 1, "prep", "ADP", "on"),
       ("Saturday", 3, "pobj", "PROPN", "Saturday"), ("in", 1, "prep", "ADP", "in"),
       ("first", 7, "amod", "ADJ", "first"), ("meeting", 5, "pobj", "NOUN", "meeting"),
       ("since", 7, "prep", "ADP", "since"), ("1949", 8, "pobj", "NUM", "1949"),
       (".", 1, "punct", "PUNCT", ".")]
PLANS = [("Xi", 1, "nsubj", "PROPN", "Xi"), ("plans", 1, "ROOT", "VERB", "plan"),
         ("to", 3, "aux", "PART", "to"), ("visit", 1, "xcomp", "VERB", "visit"),
         ("Seoul", 3, "dobj", "PROPN", "Seoul"), ("on", 3, "prep", "ADP", "on"),
         ("Friday", 5, "pobj", "PROPN", "Friday"), (".", 1, "punct", "PUNCT", ".")]
SAID = [("Officials", 1, "nsubj", "NOUN", "official"), ("said", 1, "ROOT", "VERB", "say"),
        ("on", 1, "prep", "ADP", "on"), ("Monday", 2, "pobj", "PROPN", "Monday"),
        ("Russia", 5, "nsubj", "PROPN", "Russia"), ("attacked", 1, "ccomp", "VERB", "attack"),
        ("Kyiv", 5, "dobj", "PROPN", "Kyiv"), (".", 1, "punct", "PUNCT", ".")]


def test_event_time_a_dependent_clause_takes_the_time_of_its_head(sentence):
    doc = sentence(ROLLED, [(3, 4, "DATE")])
    assert _event_date(_found(doc, 7, 6), date(2002, 4, 3)) == (date(2002, 4, 2), "day")


def test_event_time_the_finest_expression_wins(sentence):
    doc = sentence(MET, [(4, 5, "DATE"), (9, 10, "DATE")])
    assert _event_date(_found(doc, 1), date(2015, 11, 8)) == (date(2015, 11, 7), "day")


def test_event_time_an_announced_event_is_not_dated_in_the_past(sentence):
    doc = sentence(PLANS, [(6, 7, "DATE")])
    assert _event_date(_found(doc, 3), date(2021, 1, 27)) == (date(2021, 1, 29), "day")


def test_event_time_reported_speech_does_not_take_the_time_it_was_said(sentence):
    doc = sentence(SAID, [(3, 4, "DATE")])
    assert _event_date(_found(doc, 5), date(2022, 3, 1)) == (date(2022, 3, 1), "day")


def test_event_time_without_document_date_is_unknown(sentence):
    doc = sentence(ROLLED, [(3, 4, "DATE")])
    assert _event_date(_found(doc, 1), None) == (None, None)


def _struck(place_word, pos="PROPN"):
    return [("Missiles", 1, "nsubj", "NOUN", "missile"), ("struck", 1, "ROOT", "VERB", "strike"),
            ("the", 3, "det", "DET", "the"), ("port", 1, "dobj", "NOUN", "port"),
            ("in", 3, "prep", "ADP", "in"), (place_word, 4, "pobj", pos, place_word),
            (".", 1, "punct", "PUNCT", ".")]


def test_event_place_from_an_entity_in_the_clause(sentence):
    doc = sentence(_struck("Kharkiv"), [(5, 6, "GPE")])
    place = _place(_found(doc, 1), {})
    assert (place.name, place.country, place.precision, place.origin) == (
        "Kharkiv", "UKR", "city", "sentence")


def test_event_place_the_gazetteer_catches_what_the_recognizer_missed(sentence):
    place = _place(_found(sentence(_struck("Odesa")), 1), {})
    assert (place.name, place.country) == ("Odesa", "UKR")


def test_event_place_a_named_town_is_its_name(sentence):
    rows = [*_struck("town", "NOUN")[:5], ("Maiduguri", 6, "compound", "PROPN", "Maiduguri"),
            ("town", 4, "pobj", "NOUN", "town"), (".", 1, "punct", "PUNCT", ".")]
    place = _place(_found(sentence(rows), 1), {})
    assert (place.name, place.country) == ("Maiduguri", "NGA")


@pytest.mark.parametrize(("word", "pos"), [("Blorgville", "PROPN"), ("night", "NOUN")])
def test_event_place_unknown_words_without_entity_are_no_place(sentence, word, pos):
    assert _place(_found(sentence(_struck(word, pos)), 1), {}) is None


def test_event_place_an_unknown_entity_keeps_its_name(sentence):
    doc = sentence(_struck("Blorgville"), [(5, 6, "GPE")])
    place = _place(_found(doc, 1), {})
    assert (place.name, place.country, place.latitude, place.precision) == (
        "Blorgville", None, None, None)


def test_event_place_from_the_dateline_with_its_region():
    place = _dateline_place(Dateline("Kazan", "Russia", "Oct. 23", "Xinhua"))
    assert (place.name, place.country, place.origin) == ("Kazan", "RUS", "dateline")
    assert _dateline_place(None) is None


def test_event_time_and_place_entities_are_read_around_time_and_place_phrases(parse):
    doc = parse(MET)  # "on Saturday" (3-4), "in first meeting" (5-7); "since 1949" is neither
    assert RECOGNIZER_MARGIN == 4
    assert entity_stretches(doc[:]) == [(0, 11)]
    long = parse([("Troops", 1, "nsubj", "NOUN", "troop"), ("shelled", 1, "ROOT", "VERB", "shell")]
                 + [("the", 1, "dep", "DET", "the")] * 10
                 + [("in", 1, "prep", "ADP", "in"), ("Kharkiv", 12, "pobj", "PROPN", "Kharkiv")])
    assert entity_stretches(long[:]) == [(9, 14)]


def test_event_time_an_event_years_before_the_report_is_history(sentence):
    from tidings.coding import is_history

    def dated(day):
        return type("E", (), {"date": day})()
    report = date(2000, 6, 1)
    assert is_history(dated(date(1982, 1, 1)), report)
    assert not is_history(dated(date(1999, 1, 1)), report)  # "last year" is still news
    assert not is_history(dated(None), report) and not is_history(dated(date(1982, 1, 1)), None)


def test_event_place_an_attack_that_names_no_one_falls_on_the_place(sentence):
    from tidings.coding import _attacked_place
    from tidings.types import Actor, Place

    doc = sentence(_struck("Jericho"))
    israel = ((Actor("Israeli tanks", "ISR", "MIL"), (0, 13)),)
    found = Found("ASSAULT", None, "190", doc[1], israel, (), False, "test", doc[1])
    jericho = Place("Jericho", "PSE", precision="city", origin="sentence")
    assert [a.country for a in _attacked_place(found, jericho)] == ["PSE"]
    assert _attacked_place(found, Place("Haifa", "ISR", precision="city")) == ()
    talks = Found("CONSULT", None, "040", doc[1], israel, (), False, "test", doc[1])
    assert _attacked_place(talks, jericho) == ()


def test_event_place_of_a_part_of_a_place_is_that_place(sentence):
    rows = [("Troops", 1, "nsubj", "NOUN", "troop"), ("shelled", 1, "ROOT", "VERB", "shell"),
            ("the", 3, "det", "DET", "the"), ("outskirts", 1, "dobj", "NOUN", "outskirts"),
            ("of", 3, "prep", "ADP", "of"), ("Kharkiv", 4, "pobj", "PROPN", "Kharkiv")]
    place = _place(_found(sentence(rows), 1), {})
    assert (place.name, place.country) == ("Kharkiv", "UKR")
