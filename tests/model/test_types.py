"""At least one short text of our own per PLOVER type, coded end to end by the real model."""

from datetime import date

import pytest

DAY = date(2023, 6, 14)  # a Wednesday

CASES = [
    # text, type, mode, source (country, sector), target country or None
    ("Chinese President Xi Jinping pledged to strengthen cooperation with Seoul.",
     "AGREE", None, ("CHN", "GOV"), "KOR"),
    ("Japan and South Korea agreed to resume their security dialogue.",
     "AGREE", None, ("JPN", None), None),
    ("Russian Foreign Minister Sergei Lavrov held talks with his Turkish counterpart in Ankara.",
     "CONSULT", None, ("RUS", "GOV"), "TUR"),
    ("Indian Prime Minister Narendra Modi visited Washington on Tuesday.",
     "CONSULT", "visit", ("IND", "GOV"), "USA"),
    ("The United Nations praised Kenya for its peacekeeping role.",
     "SUPPORT", None, ("IGO", "IGO"), "KEN"),
    ("Japan apologized to South Korea for the incident.",
     "CONCEDE", None, ("JPN", None), "KOR"),
    ("Egyptian and Sudanese troops conducted joint military exercises.",
     "COOPERATE", None, ("EGY", "MIL"), None),
    ("Germany sent humanitarian aid to Turkey after the earthquake.",
     "AID", None, ("DEU", None), "TUR"),
    ("Israel released 30 Palestinian prisoners on Monday.",
     "RETREAT", "release", ("ISR", None), "PSE"),
    ("The European Union urged Iran to return to the nuclear talks.",
     "REQUEST", None, ("IGO", "IGO"), "IRN"),
    ("Beijing accused Washington of interfering in its internal affairs.",
     "ACCUSE", None, ("CHN", "GOV"), "USA"),
    ("Russia vetoed a United Nations resolution on Syria.",
     "REJECT", None, ("RUS", None), "IGO"),
    ("North Korea threatened to attack South Korean warships.",
     "THREATEN", None, ("PRK", None), "KOR"),
    ("Thousands of protesters demonstrated against the government in Belgrade.",
     "PROTEST", "demo", ("SRB", "CVL"), "SRB"),
    ("The United States imposed sanctions on Russian banks.",
     "SANCTION", None, ("USA", None), "RUS"),
    ("Azerbaijan deployed troops along the border with Armenia.",
     "MOBILIZE", "troops", ("AZE", None), None),
    ("Turkish police arrested 40 protesters in Istanbul.",
     "COERCE", "arrest", ("TUR", "COP"), "TUR"),
    ("Russian forces shelled the Ukrainian city of Kharkiv.",
     "ASSAULT", None, ("RUS", "MIL"), "UKR"),
]


@pytest.mark.parametrize(("text", "event_type", "mode", "source", "target"), CASES,
                         ids=[c[1] + "-" + str(i) for i, c in enumerate(CASES)])
def test_types_one_text_per_plover_type(pipeline, text, event_type, mode, source, target):
    events = pipeline.code_text(text, DAY)
    typed = [e for e in events if e.event_type == event_type]
    assert typed, f"no {event_type} in {[e.to_json() for e in events]}"
    event = typed[0]
    assert (event.source[0].country, event.source[0].sector) == source
    if target is not None:
        assert target in {a.country for a in event.target}
    if mode is not None:
        assert event.mode == mode


def test_types_negated_event_is_dropped_unless_kept(pipeline):
    text = "Russian troops did not attack Kyiv."
    assert pipeline.code_text(text, DAY) == []


def test_types_reported_speech_codes_the_doer(pipeline):
    (event,) = [e for e in pipeline.code_text(
        "Ukrainian officials said Russian jets bombed a hospital in Kherson.", DAY)
        if e.event_type == "ASSAULT"]
    assert event.source[0].country == "RUS"


def test_types_intention_is_agree(pipeline):
    events = pipeline.code_text("China will send medical aid to Italy.", DAY)
    assert [e.event_type for e in events] == ["AGREE"]


def test_types_conditional_and_question_are_not_events(pipeline):
    assert pipeline.code_text("If talks fail, Washington could impose sanctions on Caracas.",
                              DAY) == []
    assert pipeline.code_text("Will China attack Taiwan?", DAY) == []


def test_types_weekday_is_resolved_against_the_document_date(pipeline):
    (event,) = pipeline.code_text("Indian Prime Minister Narendra Modi visited Washington on "
                                  "Tuesday.", DAY)
    assert event.date == date(2023, 6, 13) and event.date_precision == "day"


def test_types_reported_must_is_a_demand_by_the_speaker(pipeline):
    events = pipeline.code_text("The White House said Beijing must lift its ban on American "
                                "beef.", DAY)
    assert [(e.event_type, e.source[0].country, e.target[0].country) for e in events] == [
        ("REQUEST", "USA", "CHN")]
