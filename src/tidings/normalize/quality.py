"""A per-document quality score: how much debris the text came with.

1.0 is text the parser can read as it is. Each kind of repair costs a fixed amount (it
says the text came through a broken pipeline: a bad encoding, a scrape, a machine
translation), and symbols that are not language (``#@|~^``, replacement characters,
box drawing) cost in proportion to their share of the cleaned text. Stored with the
document so that a user can leave out, or look hard at, events from bad copy.
"""

from __future__ import annotations

import unicodedata

from ..types import CleanText

REPAIR_COSTS = {
    "encoding_fixed": 0.10,
    "html_removed": 0.10,
    "untranslated_fragment": 0.15,
    "split_compound": 0.05,
    "broken_sentence": 0.10,
    "dateline": 0.0,  # a dateline is wire style, not debris
}
JUNK_WEIGHT = 3.0  # a text that is a third symbols scores nothing
_PROSE_PUNCTUATION = set(".,;:!?'\"()-–—‘’“”«»/%&$€£")


def quality_score(clean: CleanText) -> float:
    """A score in [0, 1], rounded to two decimals.

    >>> from tidings.normalize import clean_text
    >>> quality_score(clean_text("Xi met Moon."))
    1.0
    """
    costs = sum(REPAIR_COSTS.get(flag, 0.0) for flag in clean.flags)
    return round(max(0.0, 1.0 - costs - JUNK_WEIGHT * junk_share(clean.text)), 2)


def junk_share(text: str) -> float:
    """Share of the visible characters that are neither letters, digits nor the
    punctuation of prose."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    junk = sum(1 for c in visible if not (c.isalnum() or c in _PROSE_PUNCTUATION
                                          or unicodedata.category(c) == "Mn"))
    return junk / len(visible)
