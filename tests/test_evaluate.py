from tidings.evaluate import score


def _gold(doc_id, events):
    return {"id": doc_id, "text": "t", "events": events}


def _event(doc_id, event_type, source, target=()):
    return {"doc_id": doc_id, "event_type": event_type,
            "source": [{"country": c} for c in source], "target": [{"country": c} for c in target]}


def test_evaluate_types_dyads_and_false_alarms():
    gold = [_gold("a", [{"event_type": "ASSAULT", "source": [{"country": "RUS"}],
                         "target": [{"country": "UKR"}]}]),
            _gold("b", [{"event_type": "CONSULT", "source": [{"country": "CHN"}, {"country": "KOR"}],
                         "target": []}]),
            _gold("c", [])]
    events = [_event("a", "ASSAULT", ["RUS"], ["UKR"]),
              _event("b", "CONSULT", ["CHN"], ["KOR"]),
              _event("c", "PROTEST", ["FRA"])]
    report = score(gold, events).as_dict()
    assert report["type"]["recall"] == 1.0 and report["type"]["precision"] == 2 / 3
    assert report["no_event"] == {"docs": 1, "with_prediction": 1, "rate": 1.0}
    # the mutual gold event expands to CHN→KOR and KOR→CHN: one of two found
    assert report["dyad"]["n_gold"] == 3 and report["dyad"]["recall"] == 2 / 3


def test_evaluate_alt_types_count_and_negated_events_are_ignored():
    gold = [_gold("a", [{"event_type": "CONCEDE", "alt_types": ["RETREAT"],
                         "source": [{"country": "ISR"}], "target": []}])]
    events = [_event("a", "RETREAT", ["ISR"]), dict(_event("a", "ASSAULT", ["ISR"]), negated=True)]
    report = score(gold, events).as_dict()
    assert report["type"]["f1"] == 1.0
