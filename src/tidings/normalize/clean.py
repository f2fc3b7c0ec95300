"""Text cleaning as a chain of edits, each of which keeps the offset map exact.

Machine-translated wire copy carries debris that derails a parser: untranslated
fragments in guillemets (``as well as< voies rapides >>``), compounds split by a
stray full stop (``China. -South Korea``), sentences broken mid-way (``activities.
anti-pandemic cooperation, he said``), and a dateline the parser would take for a subject
(``BEIJING, Jan. 26 (Xinhua) --``). Each repair is recorded as a flag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from difflib import SequenceMatcher

import ftfy

from ..types import CleanText
from .dateline import find_dateline

Edit = tuple[int, int, str]  # replace text[start:end] with the string

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_FRAGMENT = re.compile(  # untranslated text between guillemets: "< voies rapides >>"
    "\\s*(?:<{1,2}|\u00ab|\u2039)\\s[^<>\u00ab\u00bb\u2039\u203a\\n]{1,80}?\\s(?:>{1,2}|\u00bb|\u203a)")
_SPLIT_COMPOUND = re.compile(r"\b([A-Z][a-z]+)\.\s+-\s*(?=[A-Z])")
_BROKEN_SENTENCE = re.compile(r"(?<=[a-z]{3})\.(\s+)(?=[a-z][a-z-]{2,}\b)")
# A repair can make another: a fragment cut out of "Â< voies >>\x80" leaves mojibake.
# The chain runs again until nothing changes; real copy settles in two rounds.
MAX_ROUNDS = 4
_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_BLANK = r"[ \t\u00a0\u2000-\u200b\u202f\u3000]"
# a line break first, with the blanks before it: "  \n" must not become " \n"
_SPACES = re.compile(rf"{_BLANK}*\n\s*|{_BLANK}{{2,}}")


def clean_text(text: str) -> CleanText:
    """The cleaned text, its offset map into `text`, and the repairs made.

    >>> c = clean_text("lift China. -South Korea's ties")
    >>> c.text, c.flags
    ("lift China-South Korea's ties", ('split_compound',))
    """
    current = CleanText(text, tuple(range(len(text) + 1)))
    for _ in range(MAX_ROUNDS):
        before = current.text
        for flag, step in _STEPS:
            edits = list(step(current.text))
            if edits:
                current = _apply(current, edits, flag)
        if current.text == before:
            break
    return _cut_dateline(current)


def _cut_dateline(current: CleanText) -> CleanText:
    """Last, so that it sees the text as the parser would: debris gone, spaces collapsed."""
    dateline = find_dateline(current.text)
    if dateline is None:
        return current
    cut = _apply(current, [(0, dateline.span[1], "")], "dateline")  # blank space before it too
    return replace(cut, dateline=replace(dateline, span=current.original_span(*dateline.span)))


def _fix_encoding(text: str) -> Iterable[Edit]:
    """ftfy per line, aligned character by character so offsets survive."""
    position = 0
    for line in _LINES.findall(text):  # not splitlines(): it also splits at U+0085
        fixed = _fix_until_stable(line)
        if fixed != line:
            matcher = SequenceMatcher(None, line, fixed, autojunk=False)
            for op, a0, a1, b0, b1 in matcher.get_opcodes():
                if op != "equal":
                    yield position + a0, position + a1, fixed[b0:b1]
        position += len(line)


def _fix_until_stable(line: str, rounds: int = 4) -> str:
    """ftfy until nothing changes: text encoded wrongly twice needs two passes."""
    for _ in range(rounds):
        fixed = ftfy.fix_text(line, uncurl_quotes=False, normalization=None)
        if fixed == line:
            break
        line = fixed
    return line


def _regex_step(pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
                ) -> Callable[[str], Iterable[Edit]]:
    def step(text: str) -> Iterable[Edit]:
        for match in pattern.finditer(text):
            yield match.start(), match.end(), replacement(match)
    return step


def _space_run(match: re.Match[str]) -> str:
    return "\n" if "\n" in match.group() else " "


_STEPS: tuple[tuple[str, Callable[[str], Iterable[Edit]]], ...] = (
    ("encoding_fixed", _fix_encoding),
    ("html_removed", _regex_step(_TAG, lambda m: " ")),
    ("html_removed", _regex_step(_ENTITY, lambda m: html.unescape(m.group()))),
    ("untranslated_fragment", _regex_step(_FRAGMENT, lambda m: "")),
    ("split_compound", _regex_step(_SPLIT_COMPOUND, lambda m: m.group(1) + "-")),
    ("broken_sentence", _regex_step(_BROKEN_SENTENCE, lambda m: "," + m.group(1))),
    ("", _regex_step(_SPACES, _space_run)),
)


def _apply(current: CleanText, edits: list[Edit], flag: str) -> CleanText:
    """Apply non-overlapping edits (in order) and compose the offset maps."""
    pieces: list[str] = []
    offsets: list[int] = []
    old_text, old_map = current.text, current.offsets
    cursor = 0
    changed = False
    for start, end, replacement in edits:
        if start < cursor:
            continue
        pieces.append(old_text[cursor:start])
        offsets.extend(old_map[cursor:start])
        pieces.append(replacement)
        offsets.extend([old_map[start]] * len(replacement))
        changed = changed or old_text[start:end] != replacement
        cursor = end
    pieces.append(old_text[cursor:])
    offsets.extend(old_map[cursor:len(old_text)])
    offsets.append(old_map[len(old_text)])
    flags = current.flags + ((flag,) if flag and changed and flag not in current.flags else ())
    return CleanText("".join(pieces), tuple(offsets), flags)
