"""Converting a PETRARCH/TABARI actor or agent dictionary into our knowledge-file formats.

An actor dictionary names actors in upper case with ``_`` between words, each with
bracketed codes, optionally dated, and ``+`` lines for synonyms::

    GEORGE_W_BUSH_          # a comment
    +GEORGE_BUSH_
        [USAELI]
        [USAGOV 20010120-20090120]

An agent dictionary gives role nouns a code after ``~``, with plurals in braces and
``!MACRO!`` substitutions: ``RIOT_POLICE {} [~COP]``, ``!PERSON! = MAN, MEN``.

Actors become JSON lines (a person when any code is dated, an organisation otherwise);
agents become ``phrase<TAB>sector`` rows. Codes are CAMEO's: a three-letter country
followed by three-letter sector codes, which `SECTOR_CODES` maps onto ours. An entry we
cannot convert is reported with its line and skipped; the rest is converted.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import product
from pathlib import Path
from typing import Any

import pycountry

from ..errors import InputError
from .kb import PSEUDO_COUNTRIES, SECTORS

# CAMEO sector codes that differ from ours; the others (GOV, MIL, COP …) are the same.
SECTOR_CODES = {
    "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "ENV": "SOC", "NGM": "SOC",
    "HRI": "NGO", "PPL": "CVL", **{religion: "REL" for religion in (
        "CHR", "CTH", "ORT", "PRO", "MOS", "MUS", "SHI", "SUN", "JEW", "HIN", "BUD", "JAN", "SIK",
        "ZRO", "TAO", "CON", "SHN", "BAH", "ATH", "DRZ", "ALE", "ITH")},
}
COUNTRY_CODES = frozenset(c.alpha_3 for c in pycountry.countries) | PSEUDO_COUNTRIES | {"XKX"}
KINDS = ("actors", "agents")

_CODE = re.compile(r"\[([^\[\]]*)\]")
_DATE_RANGE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
_DATE_BOUND = re.compile(r"^([<>])\s*(\d{6}|\d{8})$")
_MACRO = re.compile(r"^!([A-Z_]+)!\s*=\s*(.+)$")
_PARTICLES = frozenset({"of", "the", "and", "for", "in", "on", "at", "de", "la", "le", "du",
                        "des", "del", "da", "van", "von", "der", "bin", "ibn", "al", "el"})
# Acronyms with a vowel, which the no-vowel rule would miss ("US_ARMY" is "US Army").
_ACRONYMS = frozenset({"US", "USA", "UK", "UN", "EU", "AU", "UAE", "OAS", "OAU", "IRA", "PLO",
                       "ANC", "IDF", "OPEC", "NATO", "ASEAN"})
# Two-digit years: 30-99 are the 1900s, 00-29 the 2000s.
_CENTURY_PIVOT = 30


@dataclass
class _Entry:
    line: int
    names: list[str]
    codes: list[tuple[int, str]] = field(default_factory=list)  # (line, code text)
    plurals: list[str] = field(default_factory=list)


@dataclass
class _Problems:
    """Entries that could not be converted, reported as ``FILE:LINE: what`` in line order."""

    source: str
    found: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.found.append((line, message))

    def messages(self) -> list[str]:
        return [f"{self.source}:{line}: {message}" for line, message in sorted(self.found)]

    def __len__(self) -> int:
        return len(self.found)


@dataclass
class Conversion:
    """What an import produced: records in our format, and every entry it had to skip."""

    kind: str
    records: list[dict[str, Any]]
    problems: list[str]

    def write(self, path: Path | None) -> str:
        """The records as our file format; written to `path` when given."""
        if self.kind == "actors":
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records)
        else:
            text = "phrase\tsector\n" + "".join(f"{r['phrase']}\t{r['sector']}\n"
                                                 for r in self.records)
        if path is not None:
            path.write_text(text, encoding="utf-8")
        return text


def import_petrarch(path: Path, kind: str | None = None) -> Conversion:
    """Convert the dictionary at `path`; `kind` is detected when not given.

    >>> import_petrarch(Path("Phoenix.agents.txt")).records[0]     # doctest: +SKIP
    {'phrase': 'agriculturalist', 'sector': 'AGR'}
    """
    lines = _read_lines(path)
    if kind is None:
        kind = "agents" if any("[~" in line for line in lines) else "actors"
    if kind not in KINDS:
        raise InputError(f"unknown dictionary kind {kind!r}; valid: {', '.join(KINDS)}")
    problems = _Problems(str(path))
    entries = list(_entries(lines, problems))
    if kind == "actors":
        records = _actor_records(entries, problems)
    else:
        records = _agent_rows(entries, _macros(lines), problems)
    if not records:
        raise InputError(f"{path}: no {kind} could be converted; is this a PETRARCH/TABARI "
                         f"{kind[:-1]} dictionary? ({len(problems)} problem(s))")
    return Conversion(kind, records, problems.messages())


def _read_lines(path: Path) -> list[str]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # TABARI-era files predate UTF-8
    return text.splitlines()


# --------------------------------------------------------------------------- entries


def _entries(lines: list[str], problems: _Problems) -> Iterator[_Entry]:
    """Entries with their names and codes; a malformed line is reported and skipped."""
    current: _Entry | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        stripped = line.strip()
        if not stripped or _MACRO.match(stripped):
            continue
        if stripped.count("[") != stripped.count("]") or stripped.count("{") != stripped.count("}"):
            problems.add(number, f"unbalanced brackets in {stripped!r}; "
                         "entry skipped")
            if not stripped.startswith(("[", "+")) and current is not None:
                yield current
                current = None
            continue
        head, codes = _split_codes(stripped)
        if stripped.startswith(("+", "[")):
            if current is None:
                problems.add(number, f"{stripped!r} continues no entry; "
                             "a synonym or code line must follow a name line")
                continue
            current.names += [n for n in head.split("+") if n.strip()]
            current.codes += [(number, c) for c in codes]
            continue
        if current is not None:
            yield current
        plurals = re.findall(r"\{([^}]*)\}", head)
        name = re.sub(r"\{[^}]*\}", "", head)
        current = _Entry(number, [name], [(number, c) for c in codes],
                         [p for group in plurals for p in group.split(",") if p.strip()])
    if current is not None:
        yield current


def _split_codes(line: str) -> tuple[str, list[str]]:
    codes = _CODE.findall(line)
    return _CODE.sub(" ", line).strip(), [c.strip() for c in codes]


# --------------------------------------------------------------------------- codes


@dataclass(frozen=True)
class _Code:
    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def _parse_code(text: str, agent: bool) -> _Code | None:
    """A bracketed code; None for the null code ``---``. Raises ValueError when malformed."""
    code, _, when = text.partition(" ")
    if code in ("---", "~---"):
        return None
    if agent != code.startswith("~"):
        raise ValueError(f"code [{text}] is {'not ' if agent else ''}an agent code (~XXX)")
    code = code.lstrip("~")
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        raise ValueError(f"code [{text}] is not three-letter groups such as USAGOV")
    groups = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = None
    # An actor code starts with its country, except a bare sector such as [ELI].
    if not agent and (groups[0] in COUNTRY_CODES
                      or SECTOR_CODES.get(groups[0], groups[0]) not in SECTORS):
        country = groups.pop(0)
        if country not in COUNTRY_CODES:
            raise ValueError(f"unknown country code {country!r} in [{text}]")
    sector = next((s for s in (SECTOR_CODES.get(g, g) for g in groups) if s in SECTORS), None)
    if sector is None and country in ("IGO", "NGO"):
        sector = country
    start, end = _parse_dates(when.strip(), text)
    if start and end and end < start:
        raise ValueError(f"[{text}] ends before it starts")
    return _Code(country, sector, start, end)


def _parse_dates(when: str, text: str) -> tuple[date | None, date | None]:
    if not when:
        return None, None
    if match := _DATE_RANGE.match(when):
        return _day(match[1], text), _day(match[2], text)
    if match := _DATE_BOUND.match(when):
        day = _day(match[2], text)
        return (day, None) if match[1] == ">" else (None, day)
    raise ValueError(f"cannot read the dates of [{text}]; expected YYYYMMDD-YYYYMMDD, "
                     ">YYYYMMDD or <YYYYMMDD")


def _day(digits: str, text: str) -> date:
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{1900 + year if year >= _CENTURY_PIVOT else 2000 + year}{digits[2:]}"
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as e:
        raise ValueError(f"bad date {digits} in [{text}]: {e}") from e


def _codes(entry: _Entry, agent: bool, problems: _Problems) -> list[_Code]:
    out = []
    for number, text in entry.codes:
        try:
            code = _parse_code(text, agent)
        except ValueError as e:
            problems.add(number, f"{e}; code skipped")
            continue
        if code is not None:
            out.append(code)
    return out


# --------------------------------------------------------------------------- actors


def _actor_records(entries: Iterable[_Entry], problems: _Problems) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    ids: set[str] = set()
    for entry in entries:
        codes = _codes(entry, False, problems)
        names = _unique([n for raw in entry.names for n in display_names(raw)])
        if not codes or not names:
            problems.add(entry.line, f"{entry.names[0].strip()!r} has no "
                         "usable code; entry skipped")
            continue
        slug = _unique_id(_slug(names[0]), ids)
        dated = [c for c in codes if c.dated and c.country]
        placed = [c for c in codes if c.country]
        if dated:
            records.append(_person(slug, names, codes, dated))
        elif placed:
            records.append({"id": slug, "name": names[0], "aliases": names[1:],
                            "country": placed[0].country, "sector": placed[0].sector,
                            "kind": "other"})
        else:
            problems.add(entry.line, f"{names[0]!r} has no country code; "
                         "entry skipped")
    return records


def _person(slug: str, names: list[str], codes: list[_Code], dated: list[_Code]
            ) -> dict[str, Any]:
    """Dated codes become roles; ELI ones are left out, since outside its roles a person
    is ELI of their country anyway. The undated code, if any, gives that country."""
    home = next((c.country for c in codes if not c.dated and c.country), dated[-1].country)
    roles = [{"title": f"{c.country}{c.sector or ''}", "sector": c.sector or "UNK",
              "country": c.country, "start": _iso(c.start), "end": _iso(c.end)}
             for c in dated if c.sector != "ELI"]
    return {"id": slug, "name": names[0], "aliases": names[1:], "country": home,
            "roles": roles}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def display_names(raw: str) -> list[str]:
    """Our spellings of a dictionary name: ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` gives
    ``Aden Abyan Islamic Army`` and ``AAIA``. A single word of up to five letters may be
    an acronym: ``IRAN`` gives ``Iran`` and ``IRAN``, and ``UN`` only ``UN``.

    >>> display_names("GEORGE_W_BUSH_")
    ['George W Bush']
    """
    text = raw.replace("_", " ").strip(" +")
    extra = [p.strip() for p in re.findall(r"\(([^)]*)\)", text) if p.strip()]
    words = re.sub(r"\([^)]*\)", " ", text).split()
    if not words:
        return extra
    names = [" ".join(_word_case(w, k) for k, w in enumerate(words))]
    if len(words) == 1 and len(words[0]) <= 5 and words[0].isupper() and words[0] not in names:
        names = [words[0]] if len(words[0]) <= 3 else names + [words[0]]
    return _unique(names + extra)


def _word_case(word: str, position: int) -> str:
    pieces = word.split("-")
    out = []
    for k, piece in enumerate(pieces):
        lower = piece.lower()
        if (position or k) and lower in _PARTICLES:
            out.append(lower)
        elif _is_acronym(piece):
            out.append(piece)
        else:
            out.append(re.sub(r"\b([OD])'([a-z])", lambda m: f"{m[1]}'{m[2].upper()}",
                              piece.capitalize()))
    return "-".join(out)


def _is_acronym(word: str) -> bool:
    """"ANSF" (no vowel), "U.N." (dotted) or a known one such as "US"."""
    return ((word.isalpha() and not re.search(r"[AEIOUY]", word))
            or bool(re.fullmatch(r"(?:[A-Z]\.)+", word)) or word in _ACRONYMS)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entry"


def _unique_id(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------- agents


def _macros(lines: Iterable[str]) -> dict[str, list[str]]:
    """``!PERSON! = MAN, MEN`` definitions."""
    out = {}
    for line in lines:
        if match := _MACRO.match(line.split("#", 1)[0].strip()):
            out[match[1]] = [w.strip() for w in match[2].split(",") if w.strip()]
    return out


def _agent_rows(entries: Iterable[_Entry], macros: dict[str, list[str]], problems: _Problems
                ) -> list[dict[str, Any]]:
    rows: dict[str, str] = {}
    for entry in entries:
        codes = [c for c in _codes(entry, True, problems) if c.sector]
        if not codes:
            problems.add(entry.line, f"{entry.names[0].strip()!r} has no "
                         "agent code we can map to a sector; entry skipped")
            continue
        try:
            phrases = [p for raw in entry.names + entry.plurals for p in _expand(raw, macros)]
        except KeyError as e:
            problems.add(entry.line, f"undefined macro !{e.args[0]}!; "
                         "entry skipped")
            continue
        for phrase in phrases:
            rows.setdefault(phrase, codes[0].sector or "")
    return [{"phrase": p, "sector": s} for p, s in rows.items()]


def _expand(raw: str, macros: dict[str, list[str]]) -> list[str]:
    """``CATTLE!PERSON!`` with ``!PERSON! = MAN, MEN`` gives ``cattleman``, ``cattlemen``."""
    parts = re.split(r"!([A-Z_]+)!", raw.strip(" +"))
    choices = [[p] if k % 2 == 0 else macros[p] for k, p in enumerate(parts)]
    return [_agent_phrase("".join(combo)) for combo in product(*choices)
            if _agent_phrase("".join(combo))]


def _agent_phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").lower().split())
