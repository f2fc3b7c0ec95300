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


def test_extract_pronoun_in_reported_clause_is_the_speaker(extractor, resolver, parse):
    rows = [("Syria", 1, "nsubj", "PROPN", "Syria"), ("said", 1, "ROOT", "VERB", "say"),
            ("it", 4, "nsubj", "PRON", "it"), ("would", 4, "aux", "AUX", "would"),
            ("attack", 1, "ccomp", "VERB", "attack"), ("Israel", 4, "dobj", "PROPN", "Israel")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.source]) == ("THREATEN", ["SYR"])


def test_extract_demand_targets_the_subject_of_the_demanded_clause(extractor, resolver, parse):
    rows = [("China", 1, "nsubj", "PROPN", "China"), ("demanded", 1, "ROOT", "VERB", "demand"),
            ("that", 4, "mark", "SCONJ", "that"), ("Japan", 4, "nsubj", "PROPN", "Japan"),
            ("withdraw", 1, "ccomp", "VERB", "withdraw")]
    found = _events(extractor, resolver, parse(rows))
    assert [(f.event_type, [a.country for a, _ in f.target]) for f in found] == [
        ("REQUEST", ["JPN"])]


def test_extract_target_named_inside_the_object(extractor, resolver, parse):
    rows = [("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
            ("rejected", 1, "ROOT", "VERB", "reject"), ("an", 3, "det", "DET", "an"),
            ("offer", 1, "dobj", "NOUN", "offer"), ("from", 3, "prep", "ADP", "from"),
            ("Afghanistan", 4, "pobj", "PROPN", "Afghanistan")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("REJECT", ["AFG"])


def test_extract_unattributed_killing_has_an_unidentified_attacker(extractor, resolver, parse):
    rows = [("Iraqi", 1, "amod", "ADJ", "iraqi"), ("civilians", 3, "nsubjpass", "NOUN", "civilian"),
            ("were", 3, "auxpass", "AUX", "be"), ("killed", 3, "ROOT", "VERB", "kill"),
            ("in", 3, "prep", "ADP", "in"), ("Baghdad", 4, "pobj", "PROPN", "Baghdad")]
    (found,) = _events(extractor, resolver, parse(rows))
    ((attacker, _),) = found.source
    assert (found.event_type, attacker.country, attacker.sector) == ("ASSAULT", "IRQ", "UAF")
    assert [(a.country, a.sector) for a, _ in found.target] == [("IRQ", "CVL")]


def test_extract_violence_in_a_relative_clause_is_background(extractor, resolver, parse):
    rows = [("the", 1, "det", "DET", "the"), ("town", 1, "ROOT", "NOUN", "town"),
            ("where", 5, "advmod", "SCONJ", "where"), ("civilians", 5, "nsubjpass", "NOUN", "civilian"),
            ("were", 5, "auxpass", "AUX", "be"), ("killed", 1, "relcl", "VERB", "kill")]
    assert _events(extractor, resolver, parse(rows)) == []


def test_extract_strike_by_workers_is_a_protest(extractor, resolver, parse):
    rows = [("French", 1, "amod", "ADJ", "french"), ("workers", 2, "nsubj", "NOUN", "worker"),
            ("began", 2, "ROOT", "VERB", "begin"), ("a", 4, "det", "DET", "a"),
            ("strike", 2, "dobj", "NOUN", "strike"), ("on", 4, "prep", "ADP", "on"),
            ("Monday", 5, "pobj", "PROPN", "Monday")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode) == ("PROTEST", "strike")


def test_extract_refused_intention_is_a_rejection(extractor, resolver, parse):
    rows = [("Syria", 3, "nsubj", "PROPN", "Syria"), ("will", 3, "aux", "AUX", "will"),
            ("not", 3, "neg", "PART", "not"), ("accept", 3, "ROOT", "VERB", "accept"),
            ("refugees", 3, "dobj", "NOUN", "refugee")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.negated) == ("REJECT", False)


def test_extract_event_in_an_after_clause_is_background(extractor, resolver, parse):
    rows = [("Ecuador", 1, "nsubj", "PROPN", "Ecuador"), ("protested", 1, "ROOT", "VERB", "protest"),
            ("after", 5, "mark", "SCONJ", "after"), ("Colombian", 4, "amod", "ADJ", "colombian"),
            ("troops", 5, "nsubj", "NOUN", "troop"), ("attacked", 1, "advcl", "VERB", "attack"),
            ("Ecuador", 5, "dobj", "PROPN", "Ecuador")]
    assert "ASSAULT" not in [f.event_type for f in _events(extractor, resolver, parse(rows))]


def test_extract_role_word_describing_a_thing_is_no_target(extractor, resolver, parse):
    rows = [("France", 1, "nsubj", "PROPN", "France"), ("suspended", 1, "ROOT", "VERB", "suspend"),
            ("military", 3, "amod", "ADJ", "military"), ("aid", 1, "dobj", "NOUN", "aid"),
            ("to", 3, "prep", "ADP", "to"), ("Mali", 4, "pobj", "PROPN", "Mali")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("SANCTION", ["MLI"])


def test_extract_unattributed_sentence_is_by_the_courts(extractor, resolver, parse):
    rows = [("Pakistani", 1, "amod", "ADJ", "pakistani"), ("activists", 3, "nsubjpass", "NOUN", "activist"),
            ("were", 3, "auxpass", "AUX", "be"), ("jailed", 3, "ROOT", "VERB", "jail")]
    (found,) = _events(extractor, resolver, parse(rows))
    ((court, _),) = found.source
    assert (found.event_type, court.country, court.sector) == ("SANCTION", "PAK", "JUD")


def test_extract_crowd_gathering_is_a_protest(extractor, resolver, parse):
    rows = [("Thousands", 3, "nsubj", "NOUN", "thousand"), ("of", 0, "prep", "ADP", "of"),
            ("Chileans", 1, "pobj", "PROPN", "Chileans"), ("gathered", 3, "ROOT", "VERB", "gather"),
            ("in", 3, "prep", "ADP", "in"), ("Santiago", 4, "pobj", "PROPN", "Santiago")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode) == ("PROTEST", "demo")
    assert [(a.country, a.sector) for a, _ in found.target] == [("CHL", "GOV")]


def test_extract_stopping_cooperation_is_a_sanction(extractor, resolver, parse):
    rows = [("Britain", 1, "nsubj", "PROPN", "Britain"), ("stopped", 1, "ROOT", "VERB", "stop"),
            ("sharing", 1, "xcomp", "VERB", "share"), ("intelligence", 2, "dobj", "NOUN", "intelligence"),
            ("with", 2, "prep", "ADP", "with"), ("Israel", 4, "pobj", "PROPN", "Israel")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("SANCTION", ["ISR"])


def test_extract_police_preventing_a_demonstration_coerce(extractor, resolver, parse):
    rows = [("Turkish", 1, "amod", "ADJ", "turkish"), ("police", 2, "nsubj", "NOUN", "police"),
            ("prevented", 2, "ROOT", "VERB", "prevent"), ("a", 4, "det", "DET", "a"),
            ("demonstration", 2, "dobj", "NOUN", "demonstration")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode) == ("COERCE", "restrict")


def test_extract_demand_that_states_a_protest_aim_is_not_separate(extractor, resolver, parse):
    rows = [("Students", 1, "nsubj", "NOUN", "student"), ("marched", 1, "ROOT", "VERB", "march"),
            ("demanding", 1, "advcl", "VERB", "demand"), ("reforms", 2, "dobj", "NOUN", "reform")]
    assert [f.event_type for f in _events(extractor, resolver, parse(rows))] == ["PROTEST"]


def test_extract_what_is_mobilized_is_not_the_target(extractor, resolver, parse):
    rows = [("Russia", 1, "nsubj", "PROPN", "Russia"), ("deployed", 1, "ROOT", "VERB", "deploy"),
            ("Russian", 3, "amod", "ADJ", "russian"), ("troops", 1, "dobj", "NOUN", "troop"),
            ("to", 1, "prep", "ADP", "to"), ("Belarus", 4, "pobj", "PROPN", "Belarus")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("MOBILIZE", ["BLR"])


def test_extract_a_toll_left_behind_is_no_event(extractor, resolver, parse):
    rows = [("Russian", 1, "amod", "ADJ", "russian"), ("troops", 2, "nsubj", "NOUN", "troop"),
            ("left", 2, "ROOT", "VERB", "leave"), ("Ukrainian", 4, "amod", "ADJ", "ukrainian"),
            ("soldiers", 5, "nsubj", "NOUN", "soldier"), ("dead", 2, "ccomp", "ADJ", "dead")]
    assert _events(extractor, resolver, parse(rows)) == []


def test_extract_killing_a_leader_is_a_targeted_killing(extractor, resolver, parse):
    rows = [("Rebels", 1, "nsubj", "NOUN", "rebel"), ("killed", 1, "ROOT", "VERB", "kill"),
            ("the", 4, "det", "DET", "the"), ("deputy", 4, "compound", "NOUN", "deputy"),
            ("chief", 1, "dobj", "NOUN", "chief"), ("of", 4, "prep", "ADP", "of"),
            ("Israel", 5, "pobj", "PROPN", "Israel")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode, found.cameo) == ("ASSAULT", "targeted", "186")


def test_extract_threatened_curfew_is_a_threat_to_restrict(extractor, resolver, parse):
    rows = [("Algeria", 1, "nsubj", "PROPN", "Algeria"), ("threatened", 1, "ROOT", "VERB", "threaten"),
            ("to", 3, "aux", "PART", "to"), ("institute", 1, "xcomp", "VERB", "institute"),
            ("a", 5, "det", "DET", "a"), ("curfew", 3, "dobj", "NOUN", "curfew")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.cameo) == ("THREATEN", "1323")


def test_extract_two_acts_of_one_type_with_other_modes_are_two_events(extractor, resolver,
                                                                        parse):
    rows = [("Rebels", 1, "nsubj", "NOUN", "rebel"), ("kidnapped", 1, "ROOT", "VERB", "kidnap"),
            ("Russian", 3, "amod", "ADJ", "russian"), ("advisers", 1, "dobj", "NOUN", "adviser"),
            ("and", 1, "cc", "CCONJ", "and"), ("bombed", 1, "conj", "VERB", "bomb"),
            ("Kabul", 5, "dobj", "PROPN", "Kabul")]
    found = _events(extractor, resolver, parse(rows))
    assert sorted((f.event_type, f.mode) for f in found) == [("ASSAULT", "abduct"),
                                                             ("ASSAULT", "heavy-weapons")]


def test_extract_failing_to_agree_is_a_rejection(extractor, resolver, parse):
    rows = [("Israel", 1, "nsubj", "PROPN", "Israel"), ("failed", 1, "ROOT", "VERB", "fail"),
            ("to", 3, "aux", "PART", "to"), ("reach", 1, "xcomp", "VERB", "reach"),
            ("agreement", 3, "dobj", "NOUN", "agreement"), ("with", 3, "prep", "ADP", "with"),
            ("Syria", 5, "pobj", "PROPN", "Syria")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.negated) == ("REJECT", False)


def test_extract_withdrawing_peacekeepers_is_a_sanction(extractor, resolver, parse):
    rows = [("Nigeria", 1, "nsubj", "PROPN", "Nigeria"), ("withdrew", 1, "ROOT", "VERB", "withdraw"),
            ("its", 3, "poss", "PRON", "its"), ("peacekeepers", 1, "dobj", "NOUN", "peacekeeper"),
            ("from", 1, "prep", "ADP", "from"), ("Chad", 4, "pobj", "PROPN", "Chad")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode, found.cameo) == ("SANCTION", "expel", "1661")


def test_extract_arriving_troops_are_deployed_not_visiting(extractor, resolver, parse):
    def arrival(*modifiers):
        n = len(modifiers)  # the modifiers, then "troops arrived in Bosnia"
        return [(w, n, "amod", "ADJ", w.lower()) for w in modifiers] + [
            ("troops", n + 1, "nsubj", "NOUN", "troop"), ("arrived", n + 1, "ROOT", "VERB", "arrive"),
            ("in", n + 1, "prep", "ADP", "in"), ("Bosnia", n + 2, "pobj", "PROPN", "Bosnia")]
    (peacekeepers,) = _events(extractor, resolver, parse(arrival("NATO", "peacekeeping")))
    (russians,) = _events(extractor, resolver, parse(arrival("Russian")))
    assert (peacekeepers.event_type, peacekeepers.cameo) == ("AID", "074")
    assert (russians.event_type, russians.mode) == ("MOBILIZE", "troops")


def test_extract_a_permission_is_the_concession_not_what_it_permits(extractor, resolver, parse):
    rows = [("Pakistan", 1, "nsubj", "PROPN", "Pakistan"), ("allowed", 1, "ROOT", "VERB", "allow"),
            ("the", 3, "det", "DET", "the"), ("opposition", 1, "dobj", "NOUN", "opposition"),
            ("to", 5, "aux", "PART", "to"), ("hold", 1, "xcomp", "VERB", "hold"),
            ("a", 7, "det", "DET", "a"), ("rally", 5, "dobj", "NOUN", "rally")]
    assert [f.event_type for f in _events(extractor, resolver, parse(rows))] == ["CONCEDE"]


def test_extract_a_permission_that_is_an_aim_is_no_concession(extractor, resolver, parse):
    rows = [("Uzbekistan", 1, "nsubj", "PROPN", "Uzbekistan"), ("opened", 1, "ROOT", "VERB", "open"),
            ("the", 3, "det", "DET", "the"), ("bridge", 1, "dobj", "NOUN", "bridge"),
            ("to", 5, "aux", "PART", "to"), ("allow", 1, "advcl", "VERB", "allow"),
            ("deliveries", 5, "dobj", "NOUN", "delivery")]
    assert [f.event_type for f in _events(extractor, resolver, parse(rows))
            if f.event_type == "CONCEDE"] == []


def test_extract_an_actor_the_knowledge_base_does_not_know_is_still_a_source(extractor,
                                                                               resolver, parse):
    rows = [("The", 2, "det", "DET", "the"), ("Jurists", 2, "compound", "PROPN", "Jurists"),
            ("Association", 3, "nsubj", "PROPN", "Association"),
            ("investigated", 3, "ROOT", "VERB", "investigate"), ("abuses", 3, "dobj", "NOUN", "abuse"),
            ("in", 4, "prep", "ADP", "in"), ("Libya", 5, "pobj", "PROPN", "Libya")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert found.event_type == "ACCUSE"
    assert [(a.text, a.country) for a, _ in found.source] == [("Jurists Association", "UNK")]


def test_extract_a_statement_demanding_is_its_issuers_demand(extractor, resolver, parse):
    rows = [("Hamas", 1, "nsubj", "PROPN", "Hamas"), ("issued", 1, "ROOT", "VERB", "issue"),
            ("a", 3, "det", "DET", "a"), ("statement", 1, "dobj", "NOUN", "statement"),
            ("demanding", 3, "acl", "VERB", "demand"), ("the", 6, "det", "DET", "the"),
            ("release", 4, "dobj", "NOUN", "release"), ("by", 6, "prep", "ADP", "by"),
            ("Israel", 7, "pobj", "PROPN", "Israel")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.source]) == ("REQUEST", ["PSE"])


def test_extract_a_conclusion_that_another_must_act_is_a_demand(extractor, resolver, parse):
    rows = [("France", 1, "nsubj", "PROPN", "France"), ("concluded", 1, "ROOT", "VERB", "conclude"),
            ("that", 5, "mark", "SCONJ", "that"), ("Iran", 5, "nsubj", "PROPN", "Iran"),
            ("must", 5, "aux", "AUX", "must"), ("stop", 1, "ccomp", "VERB", "stop"),
            ("enrichment", 5, "dobj", "NOUN", "enrichment")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.source],
            [a.country for a, _ in found.target]) == ("REQUEST", ["FRA"], ["IRN"])


def test_extract_protesting_that_is_a_criticism(extractor, resolver, parse):
    rows = [("Serbia", 1, "nsubj", "PROPN", "Serbia"), ("protested", 1, "ROOT", "VERB", "protest"),
            ("that", 4, "mark", "SCONJ", "that"), ("Albania", 4, "nsubj", "PROPN", "Albania"),
            ("armed", 1, "ccomp", "VERB", "arm"), ("dissidents", 4, "dobj", "NOUN", "dissident")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode) == ("ACCUSE", "disapprove")


def test_extract_guerrillas_demobilized_by_no_one_named_demobilized(extractor, resolver, parse):
    rows = [("Rebels", 3, "nsubjpass", "NOUN", "rebel"), ("have", 3, "aux", "AUX", "have"),
            ("been", 3, "auxpass", "AUX", "be"), ("demobilized", 3, "ROOT", "VERB", "demobilize"),
            ("in", 3, "prep", "ADP", "in"), ("Macedonia", 4, "pobj", "PROPN", "Macedonia")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [(a.country, a.sector) for a, _ in found.source]) == (
        "RETREAT", [("MKD", "REB")])


def test_extract_put_under_investigation_by_no_one_named(extractor, resolver, parse):
    rows = [("A", 2, "det", "DET", "a"), ("US", 2, "compound", "PROPN", "US"),
            ("national", 5, "nsubjpass", "NOUN", "national"), ("has", 5, "aux", "AUX", "have"),
            ("been", 5, "auxpass", "AUX", "be"), ("put", 5, "ROOT", "VERB", "put"),
            ("under", 5, "prep", "ADP", "under"),
            ("investigation", 6, "pobj", "NOUN", "investigation"), ("in", 5, "prep", "ADP", "in"),
            ("Italy", 8, "pobj", "PROPN", "Italy")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode) == ("ACCUSE", "investigate")
    assert [(a.country, a.sector) for a, _ in found.source] == [("ITA", "JUD")]
    assert [a.country for a, _ in found.target] == ["USA"]


def test_extract_asking_another_to_act_is_a_request_not_the_act(extractor, resolver, parse):
    rows = [("Haiti", 1, "nsubj", "PROPN", "Haiti"), ("asked", 1, "ROOT", "VERB", "ask"),
            ("Washington", 1, "dobj", "PROPN", "Washington"), ("to", 4, "aux", "PART", "to"),
            ("send", 1, "xcomp", "VERB", "send"), ("troops", 4, "dobj", "NOUN", "troop")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("REQUEST", ["USA"])


def test_extract_a_call_received_is_made_by_the_caller(extractor, resolver, parse):
    rows = [("Moon", 1, "nsubj", "PROPN", "Moon"), ("received", 1, "ROOT", "VERB", "receive"),
            ("a", 3, "det", "DET", "a"), ("call", 1, "dobj", "NOUN", "call"),
            ("from", 3, "prep", "ADP", "from"), ("Japan", 4, "pobj", "PROPN", "Japan")]
    (found,) = _events(extractor, resolver, parse(rows), day=date(2019, 7, 1))
    assert (found.event_type, found.mode) == ("CONSULT", "phone")
    assert ([a.country for a, _ in found.source], [a.country for a, _ in found.target]) == (
        ["JPN"], ["KOR"])


def test_extract_what_had_been_done_in_a_relative_clause_is_background(extractor, resolver,
                                                                       parse):
    rows = [("Rebels", 1, "nsubj", "NOUN", "rebel"), ("freed", 1, "ROOT", "VERB", "free"),
            ("ministers", 1, "dobj", "NOUN", "minister"), ("whom", 6, "dobj", "PRON", "whom"),
            ("they", 6, "nsubj", "PRON", "they"), ("had", 6, "aux", "AUX", "have"),
            ("kidnapped", 2, "relcl", "VERB", "kidnap")]
    assert "ASSAULT" not in [f.event_type for f in _events(extractor, resolver, parse(rows))]


def test_extract_mobilizing_support_is_no_show_of_force(extractor, resolver, parse):
    def mobilized(noun, lemma):
        return [("Syria", 1, "nsubj", "PROPN", "Syria"),
                ("mobilized", 1, "ROOT", "VERB", "mobilize"), (noun, 1, "dobj", "NOUN", lemma)]
    assert _events(extractor, resolver, parse(mobilized("supporters", "supporter"))) == []
    (found,) = _events(extractor, resolver, parse(mobilized("reservists", "reservist")))
    assert (found.event_type, found.mode) == ("MOBILIZE", "troops")


def test_extract_a_demand_that_states_what_a_continued_strike_is_for_is_no_event(
        extractor, resolver, parse):
    rows = [("Islamists", 1, "nsubj", "NOUN", "islamist"),
            ("continued", 1, "ROOT", "VERB", "continue"), ("their", 4, "poss", "PRON", "their"),
            ("hunger", 4, "compound", "NOUN", "hunger"), ("strike", 1, "dobj", "NOUN", "strike"),
            ("to", 6, "aux", "PART", "to"), ("demand", 1, "advcl", "VERB", "demand"),
            ("reforms", 6, "dobj", "NOUN", "reform")]
    assert [f.event_type for f in _events(extractor, resolver, parse(rows))] == ["PROTEST"]


def test_extract_a_country_that_shells_is_its_military(extractor, resolver, parse):
    rows = [("Israeli", 1, "amod", "ADJ", "israeli"), ("airstrikes", 2, "nsubj", "NOUN", "airstrike"),
            ("hit", 2, "ROOT", "VERB", "hit"), ("Gaza", 2, "dobj", "PROPN", "Gaza")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert [(a.country, a.sector) for a, _ in found.source] == [("ISR", "MIL")]


def test_extract_the_weapon_named_in_a_light_verb_attack_gives_its_mode(extractor, resolver,
                                                                        parse):
    rows = [("Houthi", 1, "compound", "PROPN", "Houthi"), ("forces", 2, "nsubj", "NOUN", "force"),
            ("launched", 2, "ROOT", "VERB", "launch"), ("a", 5, "det", "DET", "a"),
            ("drone", 5, "compound", "NOUN", "drone"), ("attack", 2, "dobj", "NOUN", "attack"),
            ("on", 5, "prep", "ADP", "on"), ("Riyadh", 6, "pobj", "PROPN", "Riyadh")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, found.mode) == ("ASSAULT", "drone")


def test_extract_police_deployed_by_no_one_named_deployed(extractor, resolver, parse):
    rows = [("Serbian", 1, "amod", "ADJ", "serbian"), ("police", 3, "nsubjpass", "NOUN", "police"),
            ("were", 3, "auxpass", "AUX", "be"), ("deployed", 3, "ROOT", "VERB", "deploy"),
            ("around", 3, "prep", "ADP", "around"), ("parliament", 4, "pobj", "NOUN", "parliament")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [(a.country, a.sector) for a, _ in found.source]) == (
        "MOBILIZE", [("SRB", "COP")])


def test_extract_a_letter_received_is_not_the_receivers_demand(extractor, resolver, parse):
    rows = [("Israel", 1, "nsubj", "PROPN", "Israel"), ("received", 1, "ROOT", "VERB", "receive"),
            ("a", 3, "det", "DET", "a"), ("letter", 1, "dobj", "NOUN", "letter"),
            ("demanding", 3, "acl", "VERB", "demand"), ("the", 6, "det", "DET", "the"),
            ("release", 4, "dobj", "NOUN", "release"), ("of", 6, "prep", "ADP", "of"),
            ("prisoners", 7, "pobj", "NOUN", "prisoner")]
    assert "REQUEST" not in [f.event_type for f in _events(extractor, resolver, parse(rows))]


def test_extract_a_statement_is_by_its_author_whoever_reads_it(extractor, resolver, parse):
    rows = [("Egypt", 1, "nsubj", "PROPN", "Egypt"), ("read", 1, "ROOT", "VERB", "read"),
            ("a", 3, "det", "DET", "a"), ("statement", 1, "dobj", "NOUN", "statement"),
            ("by", 3, "prep", "ADP", "by"), ("Hamas", 4, "pobj", "PROPN", "Hamas"),
            ("threatening", 3, "acl", "VERB", "threaten"), ("Israel", 6, "dobj", "PROPN", "Israel")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.source]) == ("THREATEN", ["PSE"])


def test_extract_harm_done_by_a_storm_is_no_ones_act(extractor, resolver, parse):
    rows = [("Typhoon", 1, "compound", "PROPN", "Typhoon"), ("Haiyan", 2, "nsubj", "PROPN", "Haiyan"),
            ("destroyed", 2, "ROOT", "VERB", "destroy"), ("homes", 2, "dobj", "NOUN", "home"),
            ("in", 2, "prep", "ADP", "in"), ("Manila", 4, "pobj", "PROPN", "Manila")]
    assert _events(extractor, resolver, parse(rows)) == []


def test_extract_an_armed_group_that_shells_keeps_its_sector(extractor, resolver, parse):
    rows = [("Hamas", 1, "compound", "PROPN", "Hamas"), ("fighters", 2, "nsubj", "NOUN", "fighter"),
            ("shelled", 2, "ROOT", "VERB", "shell"), ("Israel", 2, "dobj", "PROPN", "Israel")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert [(a.country, a.sector) for a, _ in found.source] == [("PSE", "REB")]


def test_extract_troops_withdrawn_are_not_the_target_the_place_left_is(extractor, resolver,
                                                                     parse):
    rows = [("Syria", 1, "nsubj", "PROPN", "Syria"), ("withdrew", 1, "ROOT", "VERB", "withdraw"),
            ("its", 3, "poss", "PRON", "its"), ("troops", 1, "dobj", "NOUN", "troop"),
            ("from", 1, "prep", "ADP", "from"), ("Lebanon", 4, "pobj", "PROPN", "Lebanon")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("RETREAT", ["LBN"])


def test_extract_a_threatened_curfew_falls_on_the_actors_own_country(extractor, resolver, parse):
    rows = [("Algeria", 1, "nsubj", "PROPN", "Algeria"), ("threatened", 1, "ROOT", "VERB", "threaten"),
            ("to", 3, "aux", "PART", "to"), ("impose", 1, "xcomp", "VERB", "impose"),
            ("a", 5, "det", "DET", "a"), ("curfew", 3, "dobj", "NOUN", "curfew")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("THREATEN", ["DZA"])


def test_extract_a_law_is_the_act_of_who_passed_it(extractor, resolver, parse):
    rows = [("Serbia", 1, "nsubj", "PROPN", "Serbia"), ("approved", 1, "ROOT", "VERB", "approve"),
            ("a", 3, "det", "DET", "a"), ("law", 1, "dobj", "NOUN", "law"),
            ("recognizing", 3, "acl", "VERB", "recognize"), ("the", 6, "det", "DET", "the"),
            ("victory", 4, "dobj", "NOUN", "victory"), ("of", 6, "prep", "ADP", "of"),
            ("the", 9, "det", "DET", "the"), ("opposition", 7, "pobj", "NOUN", "opposition")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.source]) == ("CONCEDE", ["SRB"])


def test_extract_what_a_relative_clause_says_is_so_is_background(extractor, resolver, parse):
    rows = [("Guinea", 1, "nsubj", "PROPN", "Guinea"), ("expelled", 1, "ROOT", "VERB", "expel"),
            ("refugees", 1, "dobj", "NOUN", "refugee"), ("whom", 6, "dobj", "PRON", "whom"),
            ("Guinean", 5, "amod", "ADJ", "guinean"), ("officials", 6, "nsubj", "NOUN", "official"),
            ("blame", 2, "relcl", "VERB", "blame")]
    tagged = _tagged(parse(rows), ["NNP", "VBD", "NNS", "WP", "JJ", "NNS", "VBP"])
    assert "ACCUSE" not in [f.event_type for f in _events(extractor, resolver, tagged)]


def _resigned_as(main_verb, main_lemma, pronoun=False):
    """"Shevardnadze resigned as the opposition (or: as he) threatened Georgia"."""
    subject = ([("he", 4, "nsubj", "PRON", "he")] if pronoun else
               [("the", 4, "det", "DET", "the"), ("opposition", 5, "nsubj", "NOUN", "opposition")])
    verb = 3 + len(subject)
    rows = [("Shevardnadze", 1, "nsubj", "PROPN", "Shevardnadze"),
            (main_verb, 1, "ROOT", "VERB", main_lemma), ("as", verb, "mark", "SCONJ", "as")]
    rows += [(w, verb, dep, pos, lemma) if dep == "nsubj" else (w, h, dep, pos, lemma)
             for w, h, dep, pos, lemma in subject]
    return rows + [("threatened", 1, "advcl", "VERB", "threaten"),
                   ("Georgia", verb, "dobj", "PROPN", "Georgia")]


def test_extract_an_as_clause_of_the_main_actor_beside_the_news_is_background(
        extractor, resolver, parse):
    found = _events(extractor, resolver, parse(_resigned_as("resigned", "resign", pronoun=True)))
    assert [f.event_type for f in found] == ["RETREAT"]


def test_extract_an_as_clause_of_another_actor_is_news_of_its_own(extractor, resolver, parse):
    found = _events(extractor, resolver, parse(_resigned_as("resigned", "resign")))
    assert sorted(f.event_type for f in found) == ["RETREAT", "THREATEN"]


def test_extract_an_as_clause_beside_no_news_is_the_news(extractor, resolver, parse):
    found = _events(extractor, resolver, parse(_resigned_as("slept", "sleep")))
    assert [f.event_type for f in found] == ["THREATEN"]


def test_extract_a_cabinet_meeting_alone_is_no_consultation(extractor, resolver, parse):
    rows = [("Israel", 2, "poss", "PROPN", "Israel"), ("'s", 0, "case", "PART", "'s"),
            ("cabinet", 3, "nsubj", "NOUN", "cabinet"), ("met", 3, "ROOT", "VERB", "meet"),
            ("on", 3, "prep", "ADP", "on"), ("Sunday", 4, "pobj", "PROPN", "Sunday")]
    assert _events(extractor, resolver, parse(rows)) == []


def test_extract_an_accusation_targets_whom_it_is_about_not_whom_it_is_made_to(
        extractor, resolver, parse):
    rows = [("Lebanon", 1, "nsubj", "PROPN", "Lebanon"), ("complained", 1, "ROOT", "VERB", "complain"),
            ("to", 1, "prep", "ADP", "to"), ("NATO", 2, "pobj", "PROPN", "NATO"),
            ("over", 1, "prep", "ADP", "over"), ("Israeli", 6, "amod", "ADJ", "israeli"),
            ("raids", 4, "pobj", "NOUN", "raid")]
    found = _events(extractor, resolver, parse(rows))
    accusation = next(f for f in found if f.event_type == "ACCUSE")
    assert [a.country for a, _ in accusation.target] == ["ISR"]


def _tagged(doc, tags):
    from spacy.tokens import Doc

    return Doc(doc.vocab, words=[t.text for t in doc], heads=[t.head.i for t in doc],
               deps=[t.dep_ for t in doc], pos=[t.pos_ for t in doc],
               lemmas=[t.lemma_ for t in doc], tags=tags)


def test_extract_rebels_described_as_fighting_are_not_an_attack(extractor, resolver, parse):
    rows = [("Chad", 1, "nsubj", "PROPN", "Chad"), ("armed", 1, "ROOT", "VERB", "arm"),
            ("rebels", 1, "dobj", "NOUN", "rebel"), ("fighting", 2, "acl", "VERB", "fight"),
            ("Sudan", 3, "dobj", "PROPN", "Sudan")]
    doc = _tagged(parse(rows), ["NNP", "VBD", "NNS", "VBG", "NNP"])
    assert "ASSAULT" not in [f.event_type for f in _events(extractor, resolver, doc)]


def test_extract_a_crowd_described_as_protesting_is_protesting(extractor, resolver, parse):
    rows = [("Police", 1, "nsubj", "NOUN", "police"), ("dispersed", 1, "ROOT", "VERB", "disperse"),
            ("students", 1, "dobj", "NOUN", "student"), ("protesting", 2, "acl", "VERB", "protest"),
            ("fees", 3, "dobj", "NOUN", "fee")]
    doc = _tagged(parse(rows), ["NNS", "VBD", "NNS", "VBG", "NNS"])
    assert "PROTEST" in [f.event_type for f in _events(extractor, resolver, doc)]


def test_extract_what_a_refused_permission_would_have_let_happen_is_no_event(
        extractor, resolver, parse):
    rows = [("UNITA", 1, "nsubj", "PROPN", "UNITA"), ("refused", 1, "ROOT", "VERB", "refuse"),
            ("to", 3, "aux", "PART", "to"), ("allow", 1, "xcomp", "VERB", "allow"),
            ("planes", 3, "dobj", "NOUN", "plane"), ("to", 6, "aux", "PART", "to"),
            ("land", 3, "xcomp", "VERB", "land"), ("and", 6, "cc", "CCONJ", "and"),
            ("evacuate", 6, "conj", "VERB", "evacuate"), ("observers", 8, "dobj", "NOUN", "observer")]
    doc = _tagged(parse(rows), ["NNP", "VBD", "TO", "VB", "NNS", "TO", "VB", "CC", "VB", "NNS"])
    assert [f.event_type for f in _events(extractor, resolver, doc)] == ["REJECT"]


def test_extract_a_done_act_joined_to_an_agreed_one_is_news_of_its_own(extractor, resolver,
                                                                       parse):
    rows = [("Hamas", 1, "nsubj", "PROPN", "Hamas"), ("agreed", 1, "ROOT", "VERB", "agree"),
            ("to", 3, "aux", "PART", "to"), ("talk", 1, "xcomp", "VERB", "talk"),
            ("and", 3, "cc", "CCONJ", "and"), ("released", 3, "conj", "VERB", "release"),
            ("a", 7, "det", "DET", "a"), ("prisoner", 5, "dobj", "NOUN", "prisoner")]
    doc = _tagged(parse(rows), ["NNP", "VBD", "TO", "VB", "CC", "VBD", "DT", "NN"])
    assert "RETREAT" in [f.event_type for f in _events(extractor, resolver, doc)]


def test_extract_protesters_saying_a_leader_must_go_is_the_protests_aim(extractor, resolver,
                                                                         parse):
    rows = [("Activists", 1, "nsubj", "NOUN", "activist"),
            ("demonstrated", 1, "ROOT", "VERB", "demonstrate"),
            ("in", 1, "prep", "ADP", "in"), ("Gaza", 2, "pobj", "PROPN", "Gaza"),
            ("saying", 1, "advcl", "VERB", "say"), ("Abbas", 7, "nsubj", "PROPN", "Abbas"),
            ("must", 7, "aux", "AUX", "must"), ("resign", 4, "ccomp", "VERB", "resign")]
    assert [f.event_type for f in _events(extractor, resolver, parse(rows))] == ["PROTEST"]


def test_extract_he_quoted_as_saying_is_the_one_quoted(extractor, resolver, parse):
    rows = [("Morocco", 2, "nsubjpass", "PROPN", "Morocco"), ("was", 2, "auxpass", "AUX", "be"),
            ("quoted", 2, "ROOT", "VERB", "quote"), ("as", 2, "prep", "ADP", "as"),
            ("saying", 3, "pcomp", "VERB", "say"), ("it", 7, "nsubj", "PRON", "it"),
            ("would", 7, "aux", "AUX", "would"), ("host", 4, "ccomp", "VERB", "host"),
            ("talks", 7, "dobj", "NOUN", "talk"), ("with", 8, "prep", "ADP", "with"),
            ("Israel", 9, "pobj", "PROPN", "Israel")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.source]) == ("AGREE", ["MAR"])


def test_extract_the_aim_of_a_planned_visit_is_planned_too(extractor, resolver, parse):
    rows = [("Gambia", 2, "nsubj", "PROPN", "Gambia"), ("will", 2, "aux", "AUX", "will"),
            ("visit", 2, "ROOT", "VERB", "visit"), ("Senegal", 2, "dobj", "PROPN", "Senegal"),
            ("to", 5, "aux", "PART", "to"), ("mediate", 2, "advcl", "VERB", "mediate")]
    assert {f.event_type for f in _events(extractor, resolver, parse(rows))} == {"AGREE"}


def test_extract_what_a_report_or_blackout_is_about_is_no_event(extractor, resolver, parse):
    rows = [("NATO", 1, "nsubj", "PROPN", "NATO"), ("imposed", 1, "ROOT", "VERB", "impose"),
            ("a", 3, "det", "DET", "a"), ("blackout", 1, "dobj", "NOUN", "blackout"),
            ("on", 3, "prep", "ADP", "on"), ("the", 6, "det", "DET", "the"),
            ("withdrawal", 4, "pobj", "NOUN", "withdrawal"), ("from", 6, "prep", "ADP", "from"),
            ("Sarajevo", 7, "pobj", "PROPN", "Sarajevo")]
    assert _events(extractor, resolver, parse(rows)) == []


def test_extract_a_ruling_that_something_happened_does_not_deny_it(extractor, resolver, parse):
    def ruled(extra):
        return [("Court", 1, "nsubj", "NOUN", "court"), ("ruled", 1, "ROOT", "VERB", "rule"),
                *extra, ("Russia", 4, "nsubj", "PROPN", "Russia"),
                ("attacked", 1, "ccomp", "VERB", "attack"), ("Georgia", 4, "dobj", "PROPN", "Georgia")]
    (found,) = _events(extractor, resolver, parse(ruled([("that", 4, "mark", "SCONJ", "that")])))
    assert (found.event_type, found.negated) == ("ASSAULT", False)
    rows = [("Russia", 1, "nsubj", "PROPN", "Russia"), ("ruled", 1, "ROOT", "VERB", "rule"),
            ("out", 1, "prt", "ADP", "out"), ("attacking", 1, "xcomp", "VERB", "attack"),
            ("Georgia", 3, "dobj", "PROPN", "Georgia")]
    (ruled_out,) = _events(extractor, resolver, parse(rows))
    assert ruled_out.negated


def test_extract_a_threat_is_meant_for_whom_its_condition_names(extractor, resolver, parse):
    rows = [("Russia", 1, "nsubj", "PROPN", "Russia"), ("threatened", 1, "ROOT", "VERB", "threaten"),
            ("to", 3, "aux", "PART", "to"), ("quit", 1, "xcomp", "VERB", "quit"),
            ("talks", 3, "dobj", "NOUN", "talk"), ("if", 7, "mark", "SCONJ", "if"),
            ("Washington", 7, "nsubj", "PROPN", "Washington"),
            ("deploys", 3, "advcl", "VERB", "deploy"), ("missiles", 7, "dobj", "NOUN", "missile")]
    (found,) = _events(extractor, resolver, parse(rows))
    assert (found.event_type, [a.country for a, _ in found.target]) == ("THREATEN", ["USA"])


def test_extract_a_toll_reported_in_a_relative_clause_is_no_attack_of_its_own(
        extractor, resolver, parse):
    rows = [("Lebanon", 1, "nsubj", "PROPN", "Lebanon"), ("condemned", 1, "ROOT", "VERB", "condemn"),
            ("raids", 1, "dobj", "NOUN", "raid"), ("in", 6, "prep", "ADP", "in"),
            ("which", 3, "pobj", "PRON", "which"), ("it", 6, "nsubj", "PRON", "it"),
            ("said", 2, "relcl", "VERB", "say"), ("20", 8, "nummod", "NUM", "20"),
            ("people", 10, "nsubjpass", "NOUN", "people"), ("were", 10, "auxpass", "AUX", "be"),
            ("killed", 6, "ccomp", "VERB", "kill")]
    assert "ASSAULT" not in [f.event_type for f in _events(extractor, resolver, parse(rows))]
