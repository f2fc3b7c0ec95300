"""Indexes built from bundled data, kept on disk so that later processes load them at once.

An index is stored under its name, the place of its source files, and a fingerprint of
their state (sizes and modification times), the index format and the version of tidings:
a changed source, format or release is another file, so a stale one is never read, and
two installations that share the folder keep a file each. The folder is
``$TIDINGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``;
``TIDINGS_CACHE_DIR=off`` turns caching off. Files are pickles: the folder must be one only
its user can write to, as the default is. A cache that cannot be read or written only costs
the time to build the index again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from . import __version__

log = logging.getLogger(__name__)

_T = TypeVar("_T")
_ABANDONED_AFTER_S = 3600  # a half-written file this old was left by a killed process


def cache_dir() -> Path | None:
    """Where indexes are kept; None when caching is off."""
    chosen = os.environ.get("TIDINGS_CACHE_DIR")
    if chosen:
        return None if chosen == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tidings"


def cached(name: str, sources: Iterable[Path], index_format: str,
           build: Callable[[], _T]) -> _T:
    """The index `name` of `sources`: read from the cache, or built and then stored there."""
    folder = cache_dir()
    if folder is None:
        return build()
    sources = list(sources)
    stem = f"{name}-{_digest(str(p.resolve()) for p in sources)}"
    path = folder / f"{stem}-{_state(sources, index_format)}.pickle"
    try:
        with path.open("rb") as file:
            value: _T = pickle.load(file)
        return value
    except FileNotFoundError:
        pass
    except Exception as e:  # a truncated or foreign file: build it again
        log.debug("ignoring unreadable cache file %s: %s", path, e)
    value = build()
    _store(path, stem, value)
    return value


def _state(sources: list[Path], index_format: str) -> str:
    stats = (path.stat() for path in sources)
    return _digest([index_format, __version__, *(f"{s.st_size}:{s.st_mtime_ns}" for s in stats)])


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _store(path: Path, stem: str, value: object) -> None:
    """Write atomically, so that a concurrent reader sees the whole file or none, and drop
    this index's files for an older state of the same sources."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{stem}-",
                                         delete=False) as file:
            temporary = Path(file.name)
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        for stale in path.parent.glob(f"{stem}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
        for abandoned in path.parent.glob(f".{stem}-*"):
            if time.time() - abandoned.stat().st_mtime > _ABANDONED_AFTER_S:
                abandoned.unlink(missing_ok=True)
    except OSError as e:
        log.debug("cannot cache %s: %s", path, e)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
