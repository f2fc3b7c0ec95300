from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.normalize import clean_text, quality_score

SEED_DEBRIS = ("cooperation as well as< voies rapides >>, in order to facilitate global "
               "activities. anti-pandemic cooperation, he said. They will lift China. "
               "-South Korea’s partnership.")


def test_clean_seed_debris_is_removed_and_flagged():
    clean = clean_text(SEED_DEBRIS)
    assert "voies rapides" not in clean.text
    assert "China-South Korea’s" in clean.text
    assert "activities, anti-pandemic" in clean.text
    assert set(clean.flags) == {"untranslated_fragment", "split_compound", "broken_sentence"}


def test_clean_offsets_point_into_original():
    clean = clean_text(SEED_DEBRIS)
    start = clean.text.index("China-South")
    s, e = clean.original_span(start, start + len("China-South Korea"))
    assert SEED_DEBRIS[s:e] == "China. -South Korea"


def test_clean_leaves_abbreviations_and_tags_alone_where_right():
    clean = clean_text("The U.S. officials met. <p>Tehran&amp;Riyadh</p> talked.")
    assert "U.S. officials" in clean.text
    assert "<p>" not in clean.text and "Tehran&Riyadh" in clean.text


def test_clean_mojibake_is_fixed():
    clean = clean_text("Moon Jae-inâ€™s visit")
    assert clean.text == "Moon Jae-in’s visit" and "encoding_fixed" in clean.flags


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .<>«»-\n\tAZ’é\u00a0")) | st.characters(),
               max_size=200))
def test_clean_never_crashes_offsets_valid_and_idempotent(text):
    clean = clean_text(text)
    assert len(clean.offsets) == len(clean.text) + 1
    assert all(0 <= o <= len(text) for o in clean.offsets)
    assert list(clean.offsets) == sorted(clean.offsets)
    assert clean_text(clean.text).text == clean.text


DEBRIS = ["BEIJING, Jan. 26 (Xinhua) -- ", "MOSCOW -- ", "< voies rapides >>", " China. -South",
          " activities. anti-pandemic", "<p>", "</p>", "&amp;", "&#39;", "Jae-inâ€™s", " ", "\n",
          "Xi met Moon.", "U.S.", "«", "»", "\u00a0", "--", " -", "Kyiv, Ukraine, "]
KNOWN_FLAGS = {"encoding_fixed", "html_removed", "untranslated_fragment", "split_compound",
               "broken_sentence", "dateline"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DEBRIS) | st.text(max_size=12), max_size=12).map("".join))
def test_clean_wire_debris_never_crashes_and_every_result_is_consistent(text):
    clean = clean_text(text)
    assert len(clean.offsets) == len(clean.text) + 1
    assert list(clean.offsets) == sorted(clean.offsets) and clean.offsets[-1] == len(text)
    assert set(clean.flags) <= KNOWN_FLAGS
    assert clean_text(clean.text).text == clean.text
    if clean.dateline is not None:
        start, end = clean.dateline.span
        assert 0 <= start < end <= len(text) and "dateline" in clean.flags
    assert 0.0 <= quality_score(clean) <= 1.0
