"""The actor knowledge base: countries, people with dated roles, organisations, agents.

Loaded from the plain files under ``data/actors/`` (format: docs/knowledge.md) plus any
user files of the same formats, and checked on load: a bad entry names its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..datafiles import data_path, read_jsonl, read_tsv, split_list
from ..errors import DataError

SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "SPY", "UAF", "PRM", "BUS", "CVL",
    "MED", "JRN", "EDU", "REL", "LAB", "REF", "ELI", "AGR", "CRM", "SOC", "PRE", "IGO", "NGO",
    "UNK"})
PSEUDO_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG", "UNK"})
ORG_KINDS = frozenset({"igo", "ngo", "party", "armed_group", "agency", "company", "media",
                       "other"})

# How a surface form names its entry; the coder treats each differently
# ("Seoul" acts as the government, "Chinese" only gives a country). A `surname` ("Kim",
# "Sharif") or another `name_part` of a person names them in a document that has already
# named them in full; a surname also names whoever holds an office the phrase or the
# document points to ("Premier Li" in 2020).
FORMS = ("name", "adjective", "prefix", "capital", "seat", "person", "surname", "name_part",
         "org", "agent")
# Countries whose people's names put the family name first ("Kim Jong Un", "Lee Hsien
# Loong"), or are called by their first name ("Tharman Shanmugaratnam").
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP"})
# Name parts that are not surnames of their own.
_NAME_PARTICLES = frozenset({"Al", "El", "Bin", "Ibn", "Abu", "Abd", "Abdul", "Ben", "De",
                             "Da", "Das", "Dos", "Del", "Di", "Du", "La", "Le", "Van", "Von",
                             "Der", "Den", "Mac", "Mc", "Ould", "Jr", "Sr"})
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|az|at|ul)-(?=[A-Z])")


@dataclass(frozen=True)
class Role:
    title: str
    sector: str
    country: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One thing the knowledge base knows; `id` is ``kind/slug``."""

    id: str
    name: str
    country: str | None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    org_kind: str | None = None

    def role_on(self, day: date | None) -> Role | None:
        """The role held on `day`; without a day, the latest role."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: r.start or date.min)
        covering = [r for r in self.roles if r.covers(day)]
        # Heads of state and government outrank other offices held at the same time.
        return min(covering, key=role_rank) if covering else None


_HEAD_TITLES = ("president", "prime minister", "chancellor", "premier", "king", "queen",
                "emir", "sultan", "supreme leader", "head of state")


def role_rank(role: Role) -> int:
    """Heads of state and government first, then other government offices, then the rest."""
    title = role.title.lower()
    if any(t in title for t in _HEAD_TITLES) and not title.startswith(("vice", "deputy")):
        return 0
    return 1 if role.sector == "GOV" else 2


@dataclass(frozen=True)
class Alias:
    """A surface form of an entry: the text, how it names the entry, and a sector it implies."""

    text: str
    entry: Entry
    form: str
    sector: str | None = None
    ambiguous: bool = False


@dataclass(frozen=True)
class KnowledgeBase:
    entries: dict[str, Entry]
    aliases: tuple[Alias, ...]

    @property
    def countries(self) -> dict[str, Entry]:
        return {e.country: e for e in self.entries.values()
                if e.id.startswith("country/") and e.country}

    def counts(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for key in self.entries:
            kind = key.split("/", 1)[0]
            kinds[kind] = kinds.get(kind, 0) + 1
        return kinds


def load_knowledge_base(extra_files: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The bundled knowledge base, with entries from `extra_files` added or overriding."""
    root = data_path("actors")
    entries: dict[str, Entry] = {}
    aliases: dict[tuple[str, str], list[Alias]] = {}
    sources: list[Path] = [root / "countries.tsv", *sorted((root / "people").glob("*.jsonl")),
                           root / "organizations.jsonl", root / "agents.tsv"]
    sources += [Path(p) for p in extra_files]
    for path in sources:
        if not path.exists():
            if path.parent == root or path.parent == root / "people":
                continue
            raise DataError(str(path), 0, "no such actor file")
        for entry, forms in _read_file(path):
            entries[entry.id] = entry
            # An agent is keyed by its phrase: "asylum seeker" and "asylum-seeker" share an id.
            key = ("phrase", entry.name) if entry.id.startswith("agent/") else ("id", entry.id)
            aliases[key] = forms
    return KnowledgeBase(entries, tuple(a for forms in aliases.values() for a in forms))


def _read_file(path: Path) -> Iterator[tuple[Entry, list[Alias]]]:
    if path.suffix == ".jsonl":
        for number, obj in read_jsonl(path):
            try:
                yield _person(obj) if "roles" in obj else _organization(obj)
            except (KeyError, TypeError, ValueError) as e:
                raise DataError(str(path), number, _problem(e)) from e
        return
    for number, row in read_tsv(path):
        try:
            yield _country(row) if "iso3" in row else _agent(row)
        except (KeyError, ValueError) as e:
            raise DataError(str(path), number, _problem(e)) from e


def _problem(e: Exception) -> str:
    return f"missing field {e}" if isinstance(e, KeyError) else str(e)


def _forms(texts: Iterable[str], entry: Entry, form: str, sector: str | None = None
           ) -> list[Alias]:
    out = []
    for raw in texts:
        text = raw.strip()
        ambiguous = text.startswith("?")
        text = text.lstrip("?").strip()
        own_sector = sector
        if form == "seat" and ":" in text:
            text, _, own_sector = text.rpartition(":")
            _check_sector(own_sector)
        if text:
            out.append(Alias(text, entry, form, own_sector, ambiguous))
    return out


def _check_country(code: str) -> str:
    if not (len(code) == 3 and code.isalpha() and code.isupper()):
        raise ValueError(f"bad country code {code!r}: use ISO 3166-1 alpha-3 or "
                         f"{', '.join(sorted(PSEUDO_COUNTRIES))}")
    return code


def _check_sector(code: str | None) -> str | None:
    if code in (None, "", "-"):
        return None
    if code not in SECTORS:
        raise ValueError(f"unknown sector {code!r}; valid: {' '.join(sorted(SECTORS))}")
    return code


def _country(row: dict[str, str]) -> tuple[Entry, list[Alias]]:
    code = _check_country(row["iso3"])
    entry = Entry(f"country/{code}", row["name"], code)
    adjectives = split_list(row["adjectives"])
    forms = _forms([row["name"], *split_list(row["aliases"])], entry, "name")
    forms += _forms([a for a in adjectives if not a.endswith("-")], entry, "adjective")
    forms += _forms([a[:-1] for a in adjectives if a.endswith("-")], entry, "prefix")
    forms += _forms(split_list(row["capitals"]), entry, "capital", "GOV")
    forms += _forms(split_list(row["seats"]), entry, "seat", "GOV")
    return entry, forms


def _parse_day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1)
    return date(*parts)


def _roles(obj: dict[str, Any], key: str, country: str) -> tuple[Role, ...]:
    """Dated roles (a person's offices) or periods (an organisation's changing sector)."""
    roles = []
    for r in obj.get(key, []):
        role = Role(r.get("title") or obj["name"], _check_sector(r["sector"]) or "GOV",
                    _check_country(r.get("country") or country),
                    _parse_day(r.get("start")), _parse_day(r.get("end")))
        if role.start and role.end and role.end < role.start:
            raise ValueError(f"{key[:-1]} {role.title!r} of {obj['id']} ends before it starts")
        roles.append(role)
    return tuple(roles)


def _person(obj: dict[str, Any]) -> tuple[Entry, list[Alias]]:
    country = _check_country(obj["country"])
    entry = Entry(f"person/{obj['id']}", obj["name"], country,
                  roles=_roles(obj, "roles", country))
    forms = _forms([obj["name"], *obj.get("aliases", [])], entry, "person")
    taken = {f.text for f in forms}
    parts = name_parts(obj["name"])
    family = parts[0 if country in _FAMILY_NAME_FIRST else -1] if parts else None
    forms += [Alias(part, entry, "surname" if part == family else "name_part", ambiguous=True)
              for part in parts if part not in taken]
    return entry, forms


def name_parts(name: str) -> list[str]:
    """The words of a name that may stand for the person: ``al-Sharaa`` gives ``Sharaa``.

    >>> name_parts("Ahmed al-Sharaa")
    ['Ahmed', 'Sharaa']
    """
    parts = []
    for word in name.split():
        word = _ARABIC_ARTICLE.sub("", word).rstrip(",.")
        if (len(word) > 1 and word[0].isupper() and any(c.islower() for c in word)
                and word not in _NAME_PARTICLES and word not in parts):
            parts.append(word)
    return parts if len(parts) > 1 else []


def _organization(obj: dict[str, Any]) -> tuple[Entry, list[Alias]]:
    kind = obj.get("kind", "other")
    if kind not in ORG_KINDS:
        raise ValueError(f"unknown kind {kind!r}; valid: {', '.join(sorted(ORG_KINDS))}")
    country = _check_country(obj["country"])
    entry = Entry(f"org/{obj['id']}", obj["name"], country, _check_sector(obj.get("sector")),
                  roles=_roles(obj, "periods", country), org_kind=kind)
    return entry, _forms([obj["name"], *obj.get("aliases", [])], entry, "org")


def _agent(row: dict[str, str]) -> tuple[Entry, list[Alias]]:
    phrase = row["phrase"].strip().lower()
    sector = _check_sector(row["sector"])
    entry = Entry(f"agent/{phrase.replace(' ', '-')}", phrase, None, sector)
    return entry, _forms([phrase], entry, "agent", sector)
