"""Property: whatever an event holds, the database gives back its CONTRACT JSON unchanged."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.store import Store
from tidings.store.queries import get_document, get_event
from tidings.types import Actor, CodedDocument, Document, DocumentSpans, Event, Evidence, Place

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
maybe = st.one_of(st.none(), text)
actors = st.lists(st.builds(Actor, text, maybe, maybe, maybe, maybe, maybe), max_size=3)
spans = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))
places = st.one_of(st.none(), st.builds(
    Place, text, maybe, st.one_of(st.none(), st.floats(-90, 90)),
    st.one_of(st.none(), st.floats(-180, 180)), maybe))


@st.composite
def coded_documents(draw):
    body = draw(text)
    events = tuple(Event(
        event_id=f"e{n}", doc_id="d", sentence=n, date=draw(st.one_of(st.none(), st.dates())),
        date_precision=draw(maybe), event_type=draw(st.sampled_from(["ASSAULT", "CONSULT"])),
        mode=draw(maybe), cameo=draw(st.sampled_from(["190", "041"])),
        quad_class=draw(st.integers(1, 4)), goldstein=draw(st.floats(-10, 10)),
        source=tuple(draw(actors)), target=tuple(draw(actors)), location=draw(places),
        context=tuple(draw(st.lists(text, max_size=2))), negated=draw(st.booleans()),
        confidence=draw(st.floats(0, 1)), coder="tidings test",
        plover_score=draw(st.one_of(st.none(), st.floats(-10, 10))),
        evidence=Evidence(draw(text), draw(spans), tuple(draw(st.lists(spans, max_size=2))), (),
                          draw(text), draw(st.one_of(st.none(), st.builds(DocumentSpans, spans,
                                                                          spans)))))
        for n in range(draw(st.integers(0, 3))))
    document = Document("d", body, draw(st.one_of(st.none(), st.dates())), title=draw(maybe),
                        url=draw(maybe))
    return CodedDocument(document, events)


@settings(max_examples=40, deadline=None)
@given(coded_documents())
def test_store_round_trips_events_and_documents(coded):
    with Store(":memory:") as store:
        list(store.write([coded], store.start_run("tidings test", {})))
        for event in coded.events:
            assert get_event(store, event.event_id) == event.to_json()
        document = get_document(store, "d")
        assert document["text"] == coded.document.text and document["url"] == coded.document.url
        assert document["date"] == coded.document.date
        assert [e["event_id"] for e in document["events"]] == [e.event_id for e in coded.events]
