import spacy
from spacy.tokens import Doc

from tidings.events import load_lexicon
from tidings.ontology import load_ontology

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")


def _doc(words, heads, deps, pos, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas)


def test_lexicon_covers_every_plover_type():
    lexicon = load_lexicon(load_ontology())
    types = {r.event_type for rules in lexicon.by_head.values() for r in rules}
    assert set(PLOVER_TYPES) <= types and len(lexicon) >= 500


def test_lexicon_most_specific_rule_wins():
    lexicon = load_lexicon(load_ontology())
    # "imposed sanctions on Iran": impose + sanction + on
    doc = _doc(["US", "imposed", "sanctions", "on", "Iran"], [1, 1, 1, 2, 3],
               ["nsubj", "ROOT", "dobj", "prep", "pobj"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
               ["US", "impose", "sanction", "on", "Iran"])
    rule = lexicon.match(doc[1])
    assert rule is not None and rule.event_type == "SANCTION" and "sanction" in rule.requires


def test_lexicon_words_without_an_event_do_not_match():
    lexicon = load_lexicon(load_ontology())
    doc = _doc(["He", "said"], [1, 1], ["nsubj", "ROOT"], ["PRON", "VERB"], ["he", "say"])
    assert lexicon.match(doc[1]) is None


def test_ontology_scores_and_quads():
    ontology = load_ontology()
    assert ontology.code("190").quad_class == 4 and ontology.code("041").quad_class == 1
    assert ontology.plover["CONSULT"].mode_score("phone") == 1.5
    assert all(t in ontology.plover for t in PLOVER_TYPES)


def test_lexicon_modality_of_a_mode_falls_back_on_its_type():
    lexicon = load_lexicon(load_ontology())
    curfew, coercion = lexicon.modality_of("COERCE", "curfew"), lexicon.modality_of("COERCE")
    assert curfew is not None and coercion is not None
    assert (curfew.threat, coercion.threat) == ("1323", "132")
    assert curfew.asked == coercion.asked == "yield"
    assert lexicon.modality_of("COERCE", "arrest") == coercion


def test_lexicon_rows_are_unique_by_head_and_required_words():
    """Of two rows with the same head, part of speech and required words, the second could
    never fire."""
    from collections import Counter

    from tidings.datafiles import data_path, read_tsv

    keys = Counter((row["head"], row["pos"], " ".join(sorted(row["with"].split())))
                   for _, row in read_tsv(data_path("lexicon", "triggers.tsv")))
    assert [key for key, n in keys.items() if n > 1] == []
