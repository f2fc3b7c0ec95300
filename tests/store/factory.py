"""Coded documents built by hand, for the store and export tests (no model)."""

from __future__ import annotations

from datetime import date

from tidings.types import Actor, CodedDocument, Document, DocumentSpans, Event, Evidence, Place

RUSSIA = Actor("Russia", "RUS", None, "Russia", "country/RUS")
UKRAINE = Actor("Ukraine", "UKR", None, "Ukraine", "country/UKR")
ZELENSKY = Actor("Zelensky", "UKR", "GOV", "Volodymyr Zelensky", "person/volodymyr-zelensky",
                 "President")
NATO = Actor("NATO", "IGO", "MIL", "NATO", "org/nato")
XI = Actor("Xi Jinping", "CHN", "GOV", "Xi Jinping", "person/xi-jinping", "President")
MOON = Actor("Moon Jae-in", "KOR", "GOV", "Moon Jae-in", "person/moon-jae-in", "President")
KHARKIV = Place("Kharkiv", "UKR", 49.99, 36.23)

# (event type, mode, CAMEO, quad class, Goldstein) of the events below
TYPES = {"ASSAULT": (None, "190", 4, -10.0), "REQUEST": ("military", "1012", 1, 3.4),
         "CONSULT": ("phone", "041", 1, 1.0), "AGREE": (None, "057", 1, 8.0)}


def sentence_event(doc_id: str, n: int, text: str, start: int, day: date | None,
                   event_type: str, source: Actor, target: Actor | None,
                   location: Place | None = None) -> Event:
    """An event coded from the sentence `text` lying at `start` in its document."""
    mode, cameo, quad, goldstein = TYPES[event_type]
    source_span = _span(text, source.text)
    target_span = _span(text, target.text) if target else None
    trigger = _span(text, text.split()[len(source.text.split())])  # the verb after the source
    shift = _shifter(start)
    return Event(
        event_id=f"{doc_id}-{n}", doc_id=doc_id, sentence=n, date=day,
        date_precision="day" if day else None, event_type=event_type, mode=mode, cameo=cameo,
        quad_class=quad, goldstein=goldstein, source=(source,),
        target=(target,) if target else (), location=location, confidence=0.8,
        coder="tidings test", plover_score=goldstein / 2,
        evidence=Evidence(text, trigger, (source_span,), (target_span,) if target_span else (),
                          f"triggers.tsv:{n + 1}",
                          DocumentSpans(shift((0, len(text))), shift(trigger),
                                        (shift(source_span),),
                                        (shift(target_span),) if target_span else ())))


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _shifter(offset: int):
    return lambda span: (span[0] + offset, span[1] + offset)


def coded(doc_id: str, day: date | None, sentences: list[tuple[str, str, Actor, Actor | None]],
          source: str = "wire", location: Place | None = None) -> CodedDocument:
    """A document of `sentences` (text, event type, source, target), one event each."""
    text = " ".join(s[0] for s in sentences)
    events, start = [], 0
    for n, (sentence, event_type, src, tgt) in enumerate(sentences):
        events.append(sentence_event(doc_id, n, sentence, start, day, event_type, src, tgt,
                                     location))
        start += len(sentence) + 1
    document = Document(doc_id, text, day, title=f"Title of {doc_id}", source=source,
                        url=f"https://news.example/{doc_id}", origin=f"{doc_id}.txt")
    return CodedDocument(document, tuple(events), ("split-compound",), len(sentences),
                         len(text.split()))


def corpus() -> list[CodedDocument]:
    """Five documents: Russia-Ukraine in 2022 (two wires report one attack), China-Korea in 2021."""
    return [
        coded("d1", date(2022, 2, 24), [("Russia attacked Ukraine.", "ASSAULT", RUSSIA, UKRAINE)],
              location=KHARKIV),
        coded("d2", date(2022, 2, 24), [("Russia attacked Ukraine at dawn.", "ASSAULT", RUSSIA,
                                         UKRAINE)], source="agency"),
        coded("d3", date(2022, 3, 1), [("Zelensky asked NATO for jets.", "REQUEST", ZELENSKY,
                                        NATO),
                                       ("Ukraine attacked Russia.", "ASSAULT", UKRAINE, RUSSIA)]),
        coded("d4", date(2021, 1, 26), [("Xi Jinping called Moon Jae-in.", "CONSULT", XI, MOON),
                                        ("Xi Jinping agreed with Moon Jae-in.", "AGREE", XI,
                                         MOON)]),
        coded("d5", None, [("Russia attacked Ukraine.", "ASSAULT", RUSSIA, UKRAINE)]),
    ]
