"""Which language a document is in: its declared language, else an offline detector.

The detector (py3langid, a naive Bayes model over byte n-grams shipped with the package)
reads only the lower-case words of the opening: a language shows in its function words,
while the names that fill news copy (``Moon Jae-in``, ``Kharkiv``) mislead it. Too few
such words, or a detector that is not sure about text in Latin letters, and the document
is taken as English: a short English text must never be lost. A text whose words are
plainly English (a tenth of them words other languages do not write: "the", "of", "which")
needs no detector, which saves its half-second load in a run of English news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

ENGLISH = frozenset({"en", "eng", "english"})
UNDETERMINED = frozenset({"", "und", "unknown", "mul", "zxx"})  # declared, yet says nothing
SAMPLE_CHARS = 3000  # the opening tells the language; reading more only costs time
MIN_BYTES = 60  # less lower-case text than this (in UTF-8, fair to every script): too little
MIN_CONFIDENCE = 0.95
# Frequent words of English prose that are not frequent words of another language written
# in Latin letters: not "in", "is", "a", "on", "to", nor "for" and "by" (Scandinavian), "he"
# and "has" (Spanish), "are" (Romanian), "had" (Dutch).
_ENGLISH_WORDS = frozenset({
    "the", "of", "and", "that", "with", "from", "said", "have", "were", "this", "their", "its",
    "after", "but", "not", "they", "she", "been", "his", "who", "would", "which", "should"})
PLAINLY_ENGLISH = (10, 1 / 10)  # at least this many such words, and this share of all words
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class LanguageGuess:
    language: str  # ISO 639-1 code, or the declared value as given
    confidence: float
    declared: bool


def guess_language(text: str, declared: str | None = None) -> LanguageGuess:
    """The declared language when there is one, else the detector's guess.

    >>> guess_language("Le président a reçu hier le ministre des affaires étrangères "
    ...                "pour parler de la guerre et de la paix dans la région.").language
    'fr'
    """
    code = (declared or "").strip().lower()
    if code not in UNDETERMINED:
        return LanguageGuess("en" if re.split("[-_]", code)[0] in ENGLISH else code, 1.0, True)
    lower = [w for w in _WORD.findall(text[:SAMPLE_CHARS]) if not w[0].isupper()]
    if _plainly_english(lower):
        return LanguageGuess("en", 1.0, False)
    words = " ".join(lower)
    if len(words.encode("utf-8")) < MIN_BYTES:
        return LanguageGuess("en", 0.0, False)
    language, confidence = _identifier().classify(words)
    if language != "en" and confidence < MIN_CONFIDENCE and _mostly_latin(words):
        return LanguageGuess("en", 1.0 - confidence, False)
    return LanguageGuess(str(language), float(confidence), False)


def _plainly_english(words: list[str]) -> bool:
    count, share = PLAINLY_ENGLISH
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english >= count and english >= share * len(words)


def _mostly_latin(words: str) -> bool:
    """Text in another script is not English however unsure the detector is."""
    letters = [c for c in words if c.isalpha()]
    return sum(c.isascii() for c in letters) >= len(letters) / 2


@cache
def _identifier() -> Any:
    """The detector, loaded once: its model is read-only, so every pipeline can share it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
