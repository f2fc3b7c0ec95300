"""The pre-filter on tokens alone: rough sentences, which may hold an event, the plan."""

import pytest

from tidings.errors import ModelError
from tidings.events import Lexicon, TriggerRule
from tidings.prefilter import SentenceFilter, rough_sentences

# A slice of the lemmatizer's tables, in its own format.
RULES = {"verb": [("ed", ""), ("ed", "e"), ("s", "")], "noun": [("s", "")], "adj": []}
EXCEPTIONS = {"verb": {"had": ["have"]}, "noun": {}, "adj": {}}


def _rule(head, pos, requires=()):
    return TriggerRule(head, pos, tuple(requires), "CONSULT", None, "040", "test:1")


@pytest.fixture()
def screen(resolver):
    lexicon = Lexicon([_rule("shell", "VERB"), _rule("have", "VERB", ["talk"]),
                       _rule("condemn", "VERB")], {})
    return SentenceFilter(lexicon, resolver, RULES, EXCEPTIONS)


def _sentences(blank, text):
    return [s.text for s in rough_sentences(blank.make_doc(text))]


def test_rough_sentences_end_at_final_punctuation_before_a_capital(blank):
    assert _sentences(blank, 'He left. "We won!" she said. The U.S. Army came.\n\nNext line') == [
        "He left.", '"We won!" she said.', "The U.S. Army came.\n\n", "Next line"]


def test_a_bracket_right_after_the_punctuation_closes_the_sentence(blank):
    assert _sentences(blank, "He said (it was over.) Then left.") == [
        "He said (it was over.)", "Then left."]


def test_rough_sentences_keep_lower_case_continuations_and_skip_blank_lines(blank):
    assert _sentences(blank, "\n\nIt rose 3.5 p.c. in May... and fell.") == [
        "\n\nIt rose 3.5 p.c. in May... and fell."]


def test_a_word_that_may_be_a_trigger_lemma_keeps_the_sentence(screen, blank):
    doc = blank.make_doc("Russian forces shelled Kharkiv.")
    assert screen.may_hold_event(doc[:])


def test_a_trigger_needs_its_required_words_in_the_sentence(screen, blank):
    assert not screen.may_hold_event(blank.make_doc("They had lunch.")[:])
    assert screen.may_hold_event(blank.make_doc("They had talks.")[:])


def test_the_modal_of_a_demand_keeps_the_sentence(screen, blank):
    assert screen.may_hold_event(blank.make_doc("Beijing must drop its barriers.")[:])


def test_plan_parses_event_sentences_and_screens_the_rest_with_their_mentions(screen, blank):
    text = "Markets were calm in Japan. China condemned the test. Prices rose."
    plan = screen.plan(blank.make_doc(text))
    assert [(text[s.start:s.end], s.parsed) for s in plan] == [
        ("Markets were calm in Japan.", False), ("China condemned the test.", True),
        ("Prices rose.", False)]
    (sentence, mentions), = plan[0].screened
    assert sentence.text.startswith("Markets") and mentions  # Japan still counts


def test_a_sentence_naming_a_person_is_parsed_for_the_pronouns_after_it(screen, blank):
    plan = screen.plan(blank.make_doc("Barack Obama spoke at Cairo University on Thursday."))
    assert [s.parsed for s in plan] == [True]


def test_a_model_without_a_rule_lemmatizer_is_refused(blank, resolver):
    with pytest.raises(ModelError, match="prefilter = false"):
        SentenceFilter.build(blank, Lexicon([], {}), resolver)
