"""Scoring actor resolution against a gold file of phrases (tests/golden/actor_phrases.jsonl).

One JSON object per line, in the shape ``../shared/benchmarks/score.py --actors`` reads:
``id``, ``text``, ``date``, optional ``context`` (the sentence the phrase comes from),
``expect`` with the expected ``country`` and ``sector`` (``null`` when the phrase names no
actor, or no country is known), and an optional ``kind`` used to break the figures down.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import InputError

# "No country" is written null in the gold file and may come back as UNK from the coder.
_UNKNOWN_COUNTRIES = frozenset({None, "UNK"})


@dataclass(frozen=True)
class GoldPhrase:
    line: int
    text: str
    day: date | None
    context: str | None
    country: str | None
    sector: str | None
    kind: str = "other"


def read_actor_gold(lines: Iterable[str], source: str) -> list[GoldPhrase]:
    """The phrases of a gold file; a malformed line raises InputError naming `source` and it."""
    phrases = [_gold_phrase(source, number, line)
               for number, line in enumerate(lines, 1) if line.strip()]
    if not phrases:
        raise InputError(f"{source}: no phrases; expected one JSON object per line")
    return phrases


def _gold_phrase(source: str, number: int, line: str) -> GoldPhrase:
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise ValueError("not a JSON object")
        day = date.fromisoformat(obj["date"]) if obj.get("date") else None
        expect = obj["expect"]
        return GoldPhrase(number, str(obj["text"]), day, obj.get("context"),
                          expect["country"], expect["sector"], obj.get("kind", "other"))
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
        raise InputError(f"{source}:{number}: {type(e).__name__}: {e}; expected "
                         '{"id", "text", "date", "context"?, "expect": {"country", "sector"}, '
                         '"kind"?}') from e


@dataclass
class Tally:
    phrases: int = 0
    country: int = 0
    sector: int = 0

    def add(self, country_ok: bool, sector_ok: bool) -> None:
        self.phrases += 1
        self.country += country_ok
        self.sector += sector_ok

    def as_dict(self) -> dict[str, Any]:
        return {"phrases": self.phrases,
                "country_accuracy": round(self.country / self.phrases, 4) if self.phrases else None,
                "sector_accuracy": round(self.sector / self.phrases, 4) if self.phrases else None}


@dataclass
class ActorScore:
    """Country and sector accuracy, overall and per class, with every miss listed."""

    total: Tally = field(default_factory=Tally)
    per_class: dict[str, Tally] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return self.total.as_dict() | {
            "per_class": {k: t.as_dict() for k, t in sorted(self.per_class.items())},
            "misses": self.misses}


def score_phrases(gold: Iterable[GoldPhrase],
                  resolve: Callable[[str, date | None, str | None], Mapping[str, Any]]
                  ) -> ActorScore:
    """Resolve every gold phrase with `resolve` (text, date, context → actor JSON) and score it."""
    result = ActorScore()
    for phrase in gold:
        answer = resolve(phrase.text, phrase.day, phrase.context)
        country_ok = _same_country(answer.get("country"), phrase.country)
        sector_ok = answer.get("sector") == phrase.sector
        result.total.add(country_ok, sector_ok)
        result.per_class.setdefault(phrase.kind, Tally()).add(country_ok, sector_ok)
        if not (country_ok and sector_ok):
            result.misses.append({
                "line": phrase.line, "text": phrase.text,
                "expected": [phrase.country, phrase.sector],
                "got": [answer.get("country"), answer.get("sector")], "id": answer.get("id")})
    return result


def _same_country(got: str | None, expected: str | None) -> bool:
    return got == expected or (got in _UNKNOWN_COUNTRIES and expected in _UNKNOWN_COUNTRIES)
