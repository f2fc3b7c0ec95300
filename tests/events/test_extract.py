from datetime import date

from tidings.actors import DocumentContext


def _events(extractor, resolver, doc, day=date(2022, 3, 1)):
    ctx = DocumentContext(day)
    found = []
    for sent in doc.sents:
        mentions = resolver.mentions(sent)
        resolver.note_sentence(mentions, ctx)
        found += extractor.extract(sent, mentions, ctx)
    return found


def _summary(found):
    return [(f.event_type, [a.country for a, _ in f.source], [a.country for a, _ in f.target],
             f.negated) for f in found]


ATTACK = [("Russian", 1, "amod", "ADJ", "russian"), ("troops", 2, "nsubj", "NOUN", "troop"),
          ("attacked", 2, "ROOT", "VERB", "attack"), ("Kyiv", 2, "dobj", "PROPN", "Kyiv"),
          ("in", 2, "prep", "ADP", "in"), ("Ukraine", 4, "pobj", "PROPN", "Ukraine")]


def test_extract_subject_verb_object(extractor, resolver, parse):
    found = _events(extractor, resolver, parse(ATTACK))
    assert _summary(found) == [("ASSAULT", ["RUS"], ["UKR"], False)]
    assert found[0].source[0][0].sector == "MIL"


def test_extract_negation_is_marked(extractor, resolver, parse):
    rows = [("Russian", 1, "amod", "ADJ", "russian"), ("troops", 4, "nsubj", "NOUN", "troop"),
            ("did", 4, "aux", "AUX", "do"), ("not", 4, "neg", "PART", "not"),
            ("attack", 4, "ROOT", "VERB", "attack"), ("Ukraine", 4, "dobj", "PROPN", "Ukraine")]
    assert _summary(_events(extractor, resolver, parse(rows))) == [
        ("ASSAULT", ["RUS"], ["UKR"], True)]


def test_extract_passive_swaps_roles(extractor, resolver, parse):
    rows = [("Kyiv", 2, "nsubjpass", "PROPN", "Kyiv"), ("was", 2, "auxpass", "AUX", "be"),
            ("attacked", 2, "ROOT", "VERB", "attack"), ("by", 2, "agent", "ADP", "by"),
            ("Russia", 3, "pobj", "PROPN", "Russia")]
    assert _summary(_events(extractor, resolver, parse(rows))) == [
        ("ASSAULT", ["RUS"], ["UKR"], False)]


def test_extract_future_cooperation_is_agree(extractor, resolver, parse):
    rows = [("China", 2, "nsubj", "PROPN", "China"), ("will", 2, "aux", "AUX", "will"),
            ("send", 2, "ROOT", "VERB", "send"), ("aid", 2, "dobj", "NOUN", "aid"),
            ("to", 2, "dative", "ADP", "to"), ("Italy", 4, "pobj", "PROPN", "Italy")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.cameo) == ("AGREE", "033")


def test_extract_question_is_not_an_event(extractor, resolver, parse):
    rows = ATTACK[:4] + [("?", 2, "punct", "PUNCT", "?")]
    assert _events(extractor, resolver, parse(rows)) == []


def test_extract_compound_subject_gives_two_sources(extractor, resolver, parse):
    rows = [("China", 3, "nsubj", "PROPN", "China"), ("and", 0, "cc", "CCONJ", "and"),
            ("Russia", 0, "conj", "PROPN", "Russia"), ("held", 3, "ROOT", "VERB", "hold"),
            ("talks", 3, "dobj", "NOUN", "talk")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert found.event_type == "CONSULT" and found.mutual
    assert {a.country for a, _ in found.source} == {"CHN", "RUS"}
