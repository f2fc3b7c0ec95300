"""The ontology tables, loaded once from `data/ontology/` and checked on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_path, read_tsv, split_list
from ..errors import DataError


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    score: float
    modes: dict[str, float]

    def mode_score(self, mode: str | None) -> float:
        return self.modes.get(mode or "", self.score)


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    contexts: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """Quad class as GDELT counts it from the CAMEO root."""
        root = int(self.root)
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True)
class Ontology:
    plover: dict[str, PloverType]
    cameo: dict[str, CameoCode]

    def check(self, event_type: str, mode: str | None, cameo: str, where: str) -> None:
        """Raise DataError-compatible ValueError text when a coding is not in the tables."""
        if event_type not in self.plover:
            raise ValueError(f"{where}: unknown PLOVER type {event_type!r}; "
                             f"valid: {', '.join(self.plover)}")
        if mode and mode not in self.plover[event_type].modes:
            valid = ", ".join(self.plover[event_type].modes) or "none"
            raise ValueError(f"{where}: mode {mode!r} is not a mode of {event_type}; "
                             f"valid: {valid}")
        if cameo not in self.cameo:
            raise ValueError(f"{where}: unknown CAMEO code {cameo!r}")

    def code(self, cameo: str) -> CameoCode:
        return self.cameo[cameo]


def _load_plover() -> dict[str, PloverType]:
    path = data_path("ontology", "plover.tsv")
    types = {}
    for _, row in read_tsv(path):
        modes: dict[str, float] = {}
        base = float(row["score"])
        for item in split_list(row["modes"]):
            name, _, score = item.partition("=")
            modes[name] = float(score) if score else base
        types[row["type"]] = PloverType(row["type"], int(row["quad_class"]), base, modes)
    return types


def _load_cameo(plover: dict[str, PloverType]) -> dict[str, CameoCode]:
    path = data_path("ontology", "cameo.tsv")
    codes = {}
    for number, row in read_tsv(path):
        code = row["code"]
        if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
            raise DataError(str(path), number, f"bad CAMEO code {code!r}")
        ptype = None if row["plover_type"] in ("", "-") else row["plover_type"]
        pmode = None if row["plover_mode"] in ("", "-") else row["plover_mode"]
        if ptype and ptype not in plover:
            raise DataError(str(path), number, f"unknown PLOVER type {ptype!r}")
        codes[code] = CameoCode(code, row["label"], float(row["goldstein"]), ptype, pmode,
                                tuple(split_list(row["contexts"])))
    return codes


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The bundled ontology (cached: it is read-only data)."""
    plover = _load_plover()
    return Ontology(plover, _load_cameo(plover))
